//! The applicant's pages: open calls, a call with its application form (drafts saved as they are typed,
//! by a small optional script or the Save button), the application's status, and the answer to an award.

use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;

use super::components::{answers_list, paragraphs, status_label, textarea};
use super::decisions::Answer;
use super::model::{Application, DraftInput, Programme, QuestionKind, Status, country_name};
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Arg, Locale, format_date, format_datetime, t, t_with};
use crate::web::forms::{CsrfForm, Input, Problems, csrf_field, field_with, form_problem};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/programmes", web::get().to(list))
        .route("/programmes/{id}", web::get().to(show))
        .route("/programmes/{id}/apply", web::post().to(apply))
        .route("/programmes/{id}/withdraw", web::post().to(withdraw))
        .route("/applications/{id}/answer", web::post().to(answer));
}

fn window(l: Locale, p: &Programme) -> String {
    t_with(
        l,
        "programme-window",
        &[("opens", Arg::Text(format_date(l, p.opens_at))), ("closes", Arg::Text(format_datetime(l, p.closes_at)))],
    )
}

async fn list(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let open = super::programmes(&state.db, false).await?;
    let (mine, to_review) = match &viewer.user {
        Some(user) => {
            (super::my_applications(&state.db, user).await?, super::review::assignments(&state.db, user).await?.len())
        }
        None => (Vec::new(), 0),
    };
    let body = html! {
        p.lead { (t(l, "programmes-lead")) }
        @if to_review > 0 {
            p.notice { a href="/review" { (t_with(l, "programmes-to-review", &[("count", Arg::Number(to_review as i64))])) } }
        }
        @if !mine.is_empty() {
            h2 { (t(l, "programmes-mine")) }
            ul.cards { @for (a, p) in &mine { li { article.card {
                h3 { a href=(format!("/programmes/{}", p.id)) { (p.text(l).title) } }
                p { span.badge { (status_label(l, a.status)) } }
            } } } }
            h2 { (t(l, "programmes-open")) }
        }
        @if open.is_empty() { p { (t(l, "programmes-none")) } }
        ul.cards { @for p in &open { li { article.card {
            h2 { a href=(format!("/programmes/{}", p.id)) { (p.text(l).title) } }
            p.meta { (window(l, p)) }
            p.meta { (t_with(l, "programme-seats", &[("count", Arg::Number(i64::from(p.seats)))])) }
        } } } }
        @if viewer.user.as_ref().is_some_and(|u| u.is_admin()) {
            p { a href="/admin/programmes" { (t(l, "programmes-manage")) } }
        }
    };
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &t(l, "programmes-title"), body))
}

#[derive(Deserialize)]
struct ShowQuery {
    done: Option<String>,
}

async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let p = super::programme(&state.db, &path).await?;
    let application = match &viewer.user {
        Some(user) => super::my_application(&state.db, user, &p.id).await?,
        None => None,
    };
    let done = q.done.as_deref().and_then(|d| match d {
        "saved" => Some("apply-draft-saved"),
        "sent" => Some("apply-sent"),
        "withdrawn" => Some("apply-withdrawn"),
        "accepted" => Some("apply-accepted"),
        "declined" => Some("apply-declined"),
        _ => None,
    });
    let form = application.as_ref().map(form_of).unwrap_or_default();
    render(
        &state,
        &viewer,
        &req,
        &p,
        FormState { application: application.as_ref(), form: &form, problems: &Problems::default(), done },
    )
    .await
}

/// What the form shows: a draft's values, or what was just typed.
#[derive(Debug, Default, Clone)]
struct FormValues {
    organisation: String,
    country: String,
    experience: String,
    motivation: String,
    answers: std::collections::BTreeMap<String, String>,
    consent: bool,
}

fn form_of(a: &Application) -> FormValues {
    FormValues {
        organisation: a.organisation.clone(),
        country: a.country.clone(),
        experience: a.experience.clone(),
        motivation: a.motivation.clone(),
        answers: a.answers.clone(),
        consent: a.consent,
    }
}

/// The parts of `render` that vary between its callers.
struct FormState<'a> {
    pub application: Option<&'a Application>,
    pub form: &'a FormValues,
    pub problems: &'a Problems,
    pub done: Option<&'a str>,
}

async fn render(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    p: &Programme,
    parts: FormState<'_>,
) -> Result<HttpResponse, AppError> {
    let FormState { application, form, problems, done } = parts;
    let l = viewer.locale;
    let text = p.text(l);
    let track = super::track_titles(&state.db, p, l).await?;
    let open = p.is_open(crate::db::now());
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let form_shown =
        viewer.user.is_some() && !application.is_some_and(|a| a.status.is_sent()) && (open || !problems.is_empty());
    if form_shown {
        // The language buttons send the form (saved as a draft) rather than leave it.
        req.extensions_mut().insert(crate::web::LanguageThroughForm(FORM_ID.to_owned()));
    }
    let body = html! {
        @if let Some(done) = done { p.notice role="status" { (t(l, done)) } }
        (paragraphs(&text.description))
        dl.facts {
            dt { (t(l, "programme-applications")) }
            dd { (t_with(l, "programme-window-range", &[("opens", Arg::Text(format_date(l, p.opens_at))), ("closes", Arg::Text(format_datetime(l, p.closes_at)))])) }
            dt { (t(l, "programme-places")) } dd { (p.seats) }
            dt { (t(l, "programme-deadline")) } dd { (format_date(l, p.deadline)) }
            @if !p.countries.is_empty() {
                dt { (t(l, "programme-countries")) }
                dd { (p.countries.iter().map(|c| country_name(l, c)).collect::<Vec<_>>().join(", ")) }
            }
            dt { (t(l, "programme-track")) }
            dd { ul { @for (slug, title) in &track { li { a href=(format!("/courses/{slug}")) { (title) } } } } }
        }
        @match (&viewer.user, application) {
            (None, _) => {
                @if open {
                    p.notice {
                        a href=(format!("/login?next=/programmes/{}", p.id)) { (t(l, "apply-sign-in")) }
                        " · " a href=(format!("/register?next=/programmes/{}", p.id)) { (t(l, "nav-register")) }
                    }
                } @else { p.notice { (t(l, "apply-closed")) } }
            }
            (Some(_), Some(a)) if a.status.is_sent() => { (sent(l, viewer, p, a, open, &track)) }
            // A failed save shows the form again even when the window has just closed, so the text is not lost.
            (Some(_), _) if open || !problems.is_empty() => { (application_form(l, viewer, p, form, problems)) }
            (Some(_), _) => { p.notice { (t(l, "apply-closed")) } }
        }
    };
    Ok(page_response(state, viewer, req, status, &text.title, body))
}

fn sent(l: Locale, viewer: &Viewer, p: &Programme, a: &Application, open: bool, track: &[(String, String)]) -> Markup {
    html! {
        section.result aria-labelledby="status-heading" {
            h2 #status-heading { (t(l, "apply-status")) ": " (status_label(l, a.status)) }
            p { (t(l, &format!("status-{}-explained", a.status.code()))) }
            @if let Some(by) = p.answer_by(a) {
                p { strong { (t_with(l, "offer-answer-by", &[("when", Arg::Text(format_datetime(l, by)))])) } }
                p.hint { (t(l, "offer-answer-by-hint")) }
            }
            @if a.status == Status::Awarded {
                div.actions {
                    form method="post" action=(format!("/applications/{}/answer", a.id)) {
                        (csrf_field(&viewer.csrf_token))
                        button.primary type="submit" name="answer" value="accept" { (t(l, "apply-accept")) }
                    }
                    form method="post" action=(format!("/applications/{}/answer", a.id)) {
                        (csrf_field(&viewer.csrf_token))
                        button type="submit" name="answer" value="decline" { (t(l, "apply-decline")) }
                    }
                }
            }
            @if a.status == Status::Accepted {
                ul { @for (slug, title) in track { li { a href=(format!("/courses/{slug}")) { (title) } } } }
                form method="post" action=(format!("/applications/{}/answer", a.id)) {
                    (csrf_field(&viewer.csrf_token))
                    button.small type="submit" name="answer" value="decline" { (t(l, "apply-decline")) }
                }
            }
        }
        h2 { (t(l, "apply-what-you-sent")) }
        p.meta { @if let Some(at) = a.submitted_at { (t_with(l, "apply-sent-at", &[("when", Arg::Text(format_datetime(l, at)))])) } }
        (answers_list(l, p, a))
        @if open && !a.status.holds_seat() && a.status != Status::Declined {
            form method="post" action=(format!("/programmes/{}/withdraw", p.id)) {
                (csrf_field(&viewer.csrf_token))
                p.hint { (t(l, "apply-withdraw-hint")) }
                button type="submit" { (t(l, "apply-withdraw")) }
            }
        }
    }
}

/// The application form's id, which the language buttons name to send it.
const FORM_ID: &str = "application-form";

fn application_form(l: Locale, viewer: &Viewer, p: &Programme, f: &FormValues, problems: &Problems) -> Markup {
    let optional = t(l, "form-optional");
    html! {
        h2 #apply { (t(l, "apply-heading")) }
        p { (t(l, "apply-intro")) }
        // Shown by apply.js when a draft typed offline waits on this device.
        div.notice #draft-on-device hidden role="status" {
            p { (t(l, "apply-device-draft")) }
            div.actions {
                button.primary type="button" data-use { (t(l, "apply-device-draft-use")) }
                button type="button" data-discard { (t(l, "apply-device-draft-discard")) }
            }
        }
        (form_problem(l, problems))
        form.stack.application #(FORM_ID) method="post" action=(format!("/programmes/{}/apply", p.id)) novalidate
            data-programme=(p.id) data-csrf=(viewer.csrf_token) {
            (csrf_field(&viewer.csrf_token))
            // Enter in a text field presses the form's first button: let it save the draft, not send the
            // application half-written. Out of sight and out of the tab order; the visible buttons follow.
            button.visually-hidden type="submit" name="action" value="save" tabindex="-1" aria-hidden="true" { (t(l, "apply-save")) }
            (Input::new("organisation", format!("{} {}", t(l, "apply-organisation"), optional)).value(&f.organisation).autocomplete("organization").render(l, problems))
            @if p.countries.is_empty() {
                (Input::new("country", t(l, "apply-country")).value(&f.country).hint(t(l, "apply-country-hint")).required().render(l, problems))
            } @else {
                (field_with(l, problems, "country", &t(l, "apply-country"), None, |id, described| html! {
                    select id=(id) name="country" required aria-describedby=[described] {
                        option value="" { "—" }
                        @for c in &p.countries {
                            option value=(c) selected[f.country.eq_ignore_ascii_case(c)] { (country_name(l, c)) }
                        }
                    }
                }))
            }
            (textarea(l, problems, "experience", &t(l, "apply-experience"), Some(&t(l, "apply-experience-hint")), &f.experience, true))
            (textarea(l, problems, "motivation", &t(l, "apply-motivation"), Some(&t(l, "apply-motivation-hint")), &f.motivation, true))
            @for q in &p.questions {
                @let name = format!("answer.{}", q.id);
                @let field = format!("answers.{}", q.id);
                @let value = f.answers.get(&q.id).cloned().unwrap_or_default();
                @let label = if q.required { q.label_in(l).to_owned() } else { format!("{} {optional}", q.label_in(l)) };
                @match q.kind {
                    QuestionKind::Short => {
                        (field_with(l, problems, &field, &label, None, |id, described| html! {
                            input id=(id) name=(name) type="text" value=(value) required[q.required] aria-describedby=[described];
                        }))
                    }
                    QuestionKind::Long => {
                        (field_with(l, problems, &field, &label, None, |id, described| html! {
                            textarea id=(id) name=(name) rows="5" required[q.required] aria-describedby=[described] { (value) }
                        }))
                    }
                    QuestionKind::Single => {
                        @let errors = problems.fields.get(&field);
                        fieldset.invalid[errors.is_some()] id=(format!("f-{field}")) {
                            legend { (label) }
                            @if let Some(errors) = errors { ul.field-errors { @for e in errors { li { (e.text(l)) } } } }
                            ul.choices { @for (i, c) in q.choices.iter().enumerate() { li { label {
                                input type="radio" name=(name) value=(c) id=(format!("f-{field}-{i}")) checked[&value == c];
                                (q.choice_in(l, c))
                            } } } }
                        }
                    }
                }
            }
            @let consent_errors = problems.fields.get("consent");
            fieldset.invalid[consent_errors.is_some()] {
                legend { (t(l, "apply-consent-heading")) }
                p { (t(l, "apply-consent-text")) }
                @if p.blind { p { (t(l, "apply-consent-blind")) } }
                @if let Some(errors) = consent_errors { ul.field-errors #f-consent-error { @for e in errors { li { (e.text(l)) } } } }
                div.field.check { label {
                    input #f-consent type="checkbox" name="consent" value="true" checked[f.consent]
                        aria-describedby=[consent_errors.map(|_| "f-consent-error")];
                    " " (t(l, "apply-consent"))
                } }
            }
            p.hint.save-state aria-live="polite" data-on=(t(l, "apply-autosave-on")) data-saved=(t(l, "apply-autosaved")) data-failed=(t(l, "apply-autosave-failed")) data-kept=(t(l, "apply-autosave-kept")) {}
            div.actions {
                button.primary type="submit" name="action" value="submit" { (t(l, "apply-send")) }
                button type="submit" name="action" value="save" { (t(l, "apply-save")) }
            }
        }
        script src=(crate::web::assets::apply_js_url()) defer {}
    }
}

/// The application form as posted: the fixed fields, `answer.<question id>` fields and the consent box.
fn draft_from(fields: &[(String, String)]) -> (DraftInput, bool) {
    let get = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let answers =
        fields.iter().filter_map(|(k, v)| k.strip_prefix("answer.").map(|id| (id.to_owned(), v.clone()))).collect();
    let draft = DraftInput {
        organisation: Some(get("organisation").unwrap_or_default()),
        country: Some(get("country").unwrap_or_default()),
        experience: Some(get("experience").unwrap_or_default()),
        motivation: Some(get("motivation").unwrap_or_default()),
        answers: Some(answers),
        consent: Some(get("consent").is_some_and(|v| v == "true" || v == "on")),
    };
    (draft, get("action").as_deref() == Some("submit"))
}

async fn apply(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    mut viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    // Signed out while typing (the session ended): sign in again, and the text comes along.
    let Some(user) = viewer.user.clone() else {
        return Ok(crate::web::carry::sign_in_again(&state, &viewer, &req, &form.0));
    };
    let user = &user;
    let p = super::programme(&state.db, &path).await?;
    let switched = crate::web::layout::switched_language(&form.0);
    let (draft, send) = draft_from(&form.0);
    // A language button sent the form: save it as a draft, never send it.
    let send = send && switched.is_none();
    let typed = FormValues {
        organisation: draft.organisation.clone().unwrap_or_default(),
        country: draft.country.clone().unwrap_or_default(),
        experience: draft.experience.clone().unwrap_or_default(),
        motivation: draft.motivation.clone().unwrap_or_default(),
        answers: draft.answers.clone().unwrap_or_default(),
        consent: draft.consent.unwrap_or(false),
    };
    // The draft is kept first, so that nothing typed is lost even when sending fails.
    let mut result = super::save_draft(&state.db, user, &p.id, Ok(draft)).await.map(|_| ());
    if result.is_ok() && send {
        result = super::submit(&state.db, &ctx, user, &p.id).await.map(|_| ());
    }
    let cookie = match switched {
        Some(locale) => Some(viewer.switch_language(&state, locale).await?),
        None => None,
    };
    let mut response = match result {
        Ok(()) if switched.is_some() => see_other(&format!("/programmes/{}?done=saved#apply", p.id)),
        Ok(()) => see_other(&format!("/programmes/{}?done={}", p.id, if send { "sent" } else { "saved" })),
        Err(e) => {
            let problems = Problems::from_error(e)?;
            let application = super::my_application(&state.db, user, &p.id).await?;
            render(
                &state,
                &viewer,
                &req,
                &p,
                FormState { application: application.as_ref(), form: &typed, problems: &problems, done: None },
            )
            .await?
        }
    };
    if let Some(cookie) = cookie {
        crate::web::cookies::set(&mut response, &cookie)?;
    }
    Ok(response)
}

/// "Are you sure?" before a step that cannot be undone: what it means, the button that takes it (the same
/// form again, confirmed) and a way back. Without JavaScript, like every scholar's page.
fn confirm_page(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    action: &str,
    fields: &[(&str, &str)],
    texts: [&str; 4],
    back: &str,
) -> HttpResponse {
    let l = viewer.locale;
    let [title, explained, yes, no] = texts;
    // The step's own path answers POST only: switching language leads back to where she came from.
    req.extensions_mut().insert(crate::web::LanguageReturn(back.to_owned()));
    let body = html! {
        p { (t(l, explained)) }
        div.actions {
            form method="post" action=(action) {
                (csrf_field(&viewer.csrf_token))
                @for (name, value) in fields { input type="hidden" name=(name) value=(value); }
                input type="hidden" name="confirm" value="yes";
                button.danger type="submit" { (t(l, yes)) }
            }
            a.button href=(back) { (t(l, no)) }
        }
    };
    page_response(state, viewer, req, StatusCode::OK, &t(l, title), body)
}

fn confirmed(fields: &[(String, String)]) -> bool {
    fields.iter().any(|(name, value)| name == "confirm" && value == "yes")
}

async fn withdraw(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let back = format!("/programmes/{}", path.as_str());
    if !confirmed(&form.0) {
        super::withdraw(&state.db, viewer.user()?, &path, super::Step::Check).await?;
        let texts =
            ["apply-withdraw-confirm-title", "apply-withdraw-confirm-text", "apply-withdraw-yes", "apply-withdraw-no"];
        return Ok(confirm_page(&state, &viewer, &req, &format!("{back}/withdraw"), &[], texts, &back));
    }
    super::withdraw(&state.db, viewer.user()?, &path, super::Step::Take).await?;
    Ok(see_other(&format!("{back}?done=withdrawn")))
}

async fn answer(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let given = form.0.iter().find(|(name, _)| name == "answer").map(|(_, v)| v.as_str());
    let answer = match given {
        Some("accept") => Answer::Accept,
        Some("decline") => Answer::Decline,
        _ => return Err(AppError::BadRequest(crate::i18n::Msg::new("error-bad-form"))),
    };
    if answer == Answer::Decline && !confirmed(&form.0) {
        let a = super::decisions::answer(&state.db, viewer.user()?, &path, answer, super::Step::Check).await?;
        let texts =
            ["apply-decline-confirm-title", "apply-decline-confirm-text", "apply-decline-yes", "apply-decline-no"];
        let (action, back) =
            (format!("/applications/{}/answer", path.as_str()), format!("/programmes/{}", a.programme_id));
        return Ok(confirm_page(&state, &viewer, &req, &action, &[("answer", "decline")], texts, &back));
    }
    let a = super::decisions::answer(&state.db, viewer.user()?, &path, answer, super::Step::Take).await?;
    let done = if answer == Answer::Accept { "accepted" } else { "declined" };
    Ok(see_other(&format!("/programmes/{}?done={done}", a.programme_id)))
}
