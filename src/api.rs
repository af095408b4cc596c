//! The JSON API under `/api/v1`: the routes of every domain and the OpenAPI description.

use actix_web::{HttpResponse, web};
use utoipa::OpenApi;

use crate::web::json::ErrorBody;
use crate::{accounts, courses, quizzes};

pub fn routes(cfg: &mut web::ServiceConfig) {
    // Reading routes first: they are the ones used most, and the router tries patterns in order.
    cfg.configure(crate::progress::api::routes)
        .route("/openapi.json", web::get().to(openapi))
        .configure(accounts::api::routes)
        .configure(accounts::privacy::api::routes)
        .configure(accounts::second_factor_api::routes)
        .configure(courses::api::routes)
        .configure(quizzes::api::routes)
        .configure(crate::certificates::api::routes)
        .configure(crate::scholarships::api::routes);
}

/// What every part shares: the title, the error body, the empty answer and the Bearer scheme.
#[derive(OpenApi)]
#[openapi(
    info(title = "Pravo API", version = "1", description = "The JSON API of Pravo. See API.md for the contract."),
    components(schemas(crate::web::json::Done, ErrorBody)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// The whole description: the shared part and each domain's paths and schemas.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.merge(tagged(crate::accounts::api::AccountsApi::openapi(), "accounts"));
    doc.merge(tagged(crate::accounts::privacy::api::PrivacyApi::openapi(), "privacy"));
    doc.merge(tagged(crate::accounts::second_factor_api::SecondFactorApi::openapi(), "accounts"));
    doc.merge(tagged(crate::courses::api::CoursesApi::openapi(), "courses"));
    doc.merge(tagged(crate::progress::api::ProgressApi::openapi(), "progress"));
    doc.merge(tagged(crate::quizzes::api::QuizzesApi::openapi(), "quizzes"));
    doc.merge(tagged(crate::certificates::api::CertificatesApi::openapi(), "certificates"));
    doc.merge(tagged(crate::scholarships::api::ScholarshipsApi::openapi(), "scholarships"));
    doc
}

/// The answers every operation can give whatever its handler says: 400 for a request the door refuses
/// (a NUL character in the address, a malformed query or body), and for a body, 408 when it arrives too
/// slowly and 413 when it is too large. All in the API's error shape.
fn with_common_errors(mut operation: utoipa::openapi::path::Operation) -> utoipa::openapi::path::Operation {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    let error = |description: &str| {
        ResponseBuilder::new()
            .description(description)
            .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build())
            .build()
    };
    let mut add = |status: &str, description: &str| {
        let responses = &mut operation.responses.responses;
        if !responses.contains_key(status) {
            responses.insert(status.to_owned(), error(description).into());
        }
    };
    add("400", "The request could not be read (malformed address, query or body).");
    if operation.request_body.is_some() {
        add("408", "The body did not arrive in time.");
        add("413", "The body is too large.");
    }
    operation
}

/// Every operation of a domain's part under the domain's tag.
fn tagged(mut part: utoipa::openapi::OpenApi, tag: &str) -> utoipa::openapi::OpenApi {
    for item in part.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
            &mut item.head,
            &mut item.options,
            &mut item.trace,
        ];
        for slot in operations {
            if let Some(mut operation) = slot.take() {
                operation.tags = Some(vec![tag.to_owned()]);
                *slot = Some(with_common_errors(operation));
            }
        }
    }
    part
}

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

async fn openapi() -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(document().to_json().unwrap_or_default())
}
