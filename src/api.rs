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

#[derive(OpenApi)]
#[openapi(
    info(title = "Pravo API", version = "1", description = "The JSON API of Pravo. See API.md for the contract."),
    paths(
        accounts::api::register,
        accounts::api::token,
        accounts::api::logout_all,
        accounts::api::recover,
        accounts::api::me,
        accounts::api::update_me,
        accounts::api::change_password,
        accounts::api::list_users,
        accounts::api::change_role,
        accounts::api::audit,
        accounts::api::reset_request,
        accounts::api::outbox,
        accounts::api::resend,
        crate::progress::api::list,
        crate::progress::api::show,
        courses::api::save,
        courses::api::enrol,
        courses::api::enrol_user,
        courses::api::add_trainer,
        courses::api::publish,
        courses::api::unpublish,
        crate::progress::api::module,
        crate::progress::api::complete,
        courses::api::save_module,
        courses::api::revisions,
        courses::api::restore,
        quizzes::api::save,
        quizzes::api::show,
        quizzes::api::start,
        quizzes::api::attempt,
        quizzes::api::answer,
        quizzes::api::submit,
        quizzes::api::grade,
        quizzes::api::results,
        quizzes::api::export,
        quizzes::api::statistics,
        crate::certificates::api::mine,
        crate::certificates::api::update,
        crate::certificates::api::pdf,
        crate::certificates::api::credential,
        crate::certificates::api::verify,
        crate::certificates::api::revoke,
        crate::scholarships::api::create,
        crate::scholarships::api::list,
        crate::scholarships::api::show,
        crate::scholarships::api::update,
        crate::scholarships::api::my_application,
        crate::scholarships::api::save_draft,
        crate::scholarships::api::submit,
        crate::scholarships::api::withdraw,
        crate::scholarships::api::application,
        crate::scholarships::api::mine,
        crate::scholarships::api::assignments,
        crate::scholarships::api::add_reviewer,
        crate::scholarships::api::remove_reviewer,
        crate::scholarships::api::review,
        crate::scholarships::api::ranking,
        crate::scholarships::api::decide,
        crate::scholarships::api::decide_many,
        crate::scholarships::api::promote,
        crate::scholarships::api::accept,
        crate::scholarships::api::decline,
        crate::scholarships::api::dashboard,
        crate::scholarships::api::report,
        crate::scholarships::api::remind,
        crate::scholarships::api::enrol_csv,
    ),
    components(schemas(
        accounts::model::UserDto,
        accounts::model::Role,
        accounts::RegisterInput,
        accounts::ChangePasswordInput,
        accounts::RecoverInput,
        accounts::ProfileInput,
        accounts::api::TokenInput,
        accounts::api::TokenDto,
        accounts::api::RegisteredDto,
        accounts::api::RoleInput,
        accounts::api::UserList,
        accounts::api::AuditItem,
        accounts::api::AuditList,
        accounts::api::ResetRequestInput,
        accounts::api::OutboxItem,
        accounts::api::OutboxList,
        courses::CourseInput,
        courses::ModuleInput,
        courses::model::CourseText,
        crate::progress::api::CourseItem,
        crate::progress::api::CourseList,
        crate::progress::api::ModuleItem,
        crate::progress::api::CourseDto,
        courses::api::SavedCourse,
        crate::web::json::Done,
        courses::api::UserIdInput,
        crate::progress::api::ModuleDto,
        crate::progress::api::CompleteDto,
        courses::api::RevisionDto,
        courses::api::RevisionItem,
        courses::api::RevisionList,
        quizzes::QuizInput,
        quizzes::model::Settings,
        quizzes::model::ReviewPolicy,
        quizzes::ShownQuestion,
        quizzes::Labelled,
        quizzes::ReviewItem,
        quizzes::api::SavedQuestion,
        quizzes::api::SavedQuizDto,
        quizzes::api::QuizDto,
        quizzes::api::AttemptDto,
        quizzes::api::ReviewDto,
        quizzes::api::AnswerInput,
        quizzes::api::SubmitDto,
        quizzes::api::GradeInput,
        quizzes::api::ResultItem,
        quizzes::api::ResultList,
        quizzes::api::QuestionStats,
        quizzes::api::StatisticsDto,
        crate::certificates::api::CertificateDto,
        crate::certificates::api::CertificateList,
        crate::certificates::api::PublicInput,
        crate::certificates::api::VerificationDto,
        crate::scholarships::api::ProgrammeDto,
        crate::scholarships::api::ProgrammeList,
        crate::scholarships::api::IdDto,
        crate::scholarships::api::ReviewDto,
        crate::scholarships::api::ApplicationDto,
        crate::scholarships::api::SubmittedDto,
        crate::scholarships::api::ApplicationList,
        crate::scholarships::api::AssignmentDto,
        crate::scholarships::api::AssignmentList,
        crate::scholarships::api::UserIdInput,
        crate::scholarships::api::RankedDto,
        crate::scholarships::api::RankingList,
        crate::scholarships::api::DecisionInput,
        crate::scholarships::api::ScholarDto,
        crate::scholarships::api::DashboardDto,
        crate::scholarships::model::ProgrammeInput,
        crate::scholarships::model::CriterionInput,
        crate::scholarships::model::QuestionInput,
        crate::scholarships::model::ProgrammeText,
        crate::scholarships::model::Criterion,
        crate::scholarships::model::Question,
        crate::scholarships::model::QuestionKind,
        crate::scholarships::model::Status,
        crate::scholarships::model::DraftInput,
        crate::scholarships::review::ReviewInput,
        ErrorBody,
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

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
    HttpResponse::Ok().content_type("application/json").body(ApiDoc::openapi().to_json().unwrap_or_default())
}
