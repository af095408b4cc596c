//! The grading queue: every essay awaiting a grade in the quizzes a trainer teaches, oldest first, each
//! with the question, its maximum, the marking guide and the answer, and a form to grade it. After a
//! grade the queue says so and the next essay is first; a refused grade comes back beside its field with
//! what was typed.

use super::*;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    /// An answer was just graded (the confirmation).
    graded: Option<String>,
}

/// A grade refused: which essay, what was typed, why.
struct Refused<'a> {
    attempt: &'a str,
    question: &'a str,
    score: &'a str,
    comment: &'a str,
    problems: Problems,
}

pub(super) async fn grading_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let queue = super::super::grading_queue(&state.db, viewer.user()?, viewer.locale).await?;
    Ok(queue_page(&state, &viewer, &req, &queue, q.graded.as_deref(), None))
}

fn queue_page(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    queue: &[super::super::Queued],
    graded: Option<&str>,
    refused: Option<&Refused<'_>>,
) -> HttpResponse {
    let l = viewer.locale;
    let body = html! {
        @if graded.is_some() {
            p.notice role="status" { (t(l, if queue.is_empty() { "grading-saved-last" } else { "grading-saved" })) }
        }
        @if let Some(r) = refused { (form_problem(l, &r.problems)) }
        p.lead { (t_with(l, "grading-count", &[("count", Arg::from(queue.len()))])) }
        @if queue.is_empty() { p { (t(l, "quiz-nothing-to-grade")) } }
        ol.grading-queue {
            @for item in queue {
                @let g = &item.essay;
                @let (attempt, question) = (&g.attempt_id, &g.question_id);
                @let here = refused.filter(|r| r.attempt == attempt.as_str() && r.question == question.as_str());
                // The refused form's fields take the ids the error summary links to.
                @let (sid, cid) = if here.is_some() { ("f-score".to_owned(), "f-comment".to_owned()) }
                    else { (format!("s-{attempt}-{question}"), format!("c-{attempt}-{question}")) };
                li {
                    form.stack.grading method="post" action=(format!("/trainer/grading/{attempt}/{question}")) novalidate {
                        (csrf_field(&viewer.csrf_token))
                        p.meta {
                            a href=(format!("/trainer/quizzes/{}/results", item.quiz_id)) { (item.module_title) }
                            " · " strong { (g.handle) }
                            @if let Some(at) = g.submitted_at { " · " (format_datetime(l, at)) }
                        }
                        h2 { (g.title) }
                        // Sanitised by render::html (ammonia).
                        div.question-text { (PreEscaped(&g.question_html)) }
                        h3 { (t(l, "grading-answer")) }
                        blockquote { (g.answer) }
                        @if let Some(guide) = &g.guide_html {
                            details.guide {
                                summary { (t(l, "quiz-grade-guide")) }
                                // Sanitised by render::html (ammonia).
                                div { (PreEscaped(guide)) }
                            }
                        }
                        @let score_errors = here.and_then(|r| r.problems.fields.get("score"));
                        div.field.invalid[score_errors.is_some()] {
                            label for=(sid) {
                                (t_with(l, "quiz-grade-score-of", &[("max", Arg::Text(number(l, g.max_score)))]))
                            }
                            @if let Some(errors) = score_errors { ul.field-errors { @for e in errors { li { (e.text(l)) } } } }
                            input id=(sid) name="score" type="text" inputmode="decimal"
                                value=(here.map_or("", |r| r.score)) required;
                        }
                        @let comment_errors = here.and_then(|r| r.problems.fields.get("comment"));
                        div.field.invalid[comment_errors.is_some()] {
                            label for=(cid) { (t(l, "quiz-grade-comment")) }
                            @if let Some(errors) = comment_errors { ul.field-errors { @for e in errors { li { (e.text(l)) } } } }
                            textarea id=(cid) name="comment" rows="3" { (here.map_or("", |r| r.comment)) }
                        }
                        button.primary type="submit" { (t(l, "quiz-grade-save")) }
                    }
                }
            }
        }
    };
    let status = if refused.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    page_response(state, viewer, req, status, &t(l, "grading-title"), body)
}

pub(super) async fn grade_from_queue(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    form: CsrfForm<GradeForm>,
) -> Result<HttpResponse, AppError> {
    let (attempt, question) = path.into_inner();
    let user = viewer.user()?;
    let f = form.0;
    let result = super::super::grade_essay(&state.db, user, &attempt, &question, f.grade()).await;
    match result {
        Ok(()) => Ok(see_other("/trainer/grading?graded=1")),
        Err(error) => {
            let problems = Problems::from_error(error)?;
            let queue = super::super::grading_queue(&state.db, user, viewer.locale).await?;
            let refused =
                Refused { attempt: &attempt, question: &question, score: &f.score, comment: &f.comment, problems };
            Ok(queue_page(&state, &viewer, &req, &queue, None, Some(&refused)))
        }
    }
}
