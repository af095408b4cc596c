//! The JSON API under `/api/v1`: the routes of every domain and the OpenAPI description.

use actix_web::{HttpResponse, web};
use utoipa::OpenApi;

use crate::web::json::ErrorBody;
use crate::{accounts, courses, quizzes};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/openapi.json", web::get().to(openapi))
        .configure(accounts::api::routes)
        .configure(crate::progress::api::routes)
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
    doc.merge(tagged(crate::courses::api::CoursesApi::openapi(), "courses"));
    doc.merge(tagged(crate::progress::api::ProgressApi::openapi(), "progress"));
    doc.merge(tagged(crate::quizzes::api::QuizzesApi::openapi(), "quizzes"));
    doc.merge(tagged(crate::certificates::api::CertificatesApi::openapi(), "certificates"));
    doc.merge(tagged(crate::scholarships::api::ScholarshipsApi::openapi(), "scholarships"));
    doc
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
        for operation in operations.into_iter().flatten() {
            operation.tags = Some(vec![tag.to_owned()]);
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
