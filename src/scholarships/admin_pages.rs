//! The administrator's pages: programmes, a new call, a call's reviewers, ranking and decisions (one by
//! one or in bulk), waitlist promotion, bulk enrolment from CSV, and the dashboard with its charts and
//! the CSV files for a donor report.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

use super::ApplicationView;
use super::dashboard::{EnrolReport, ScholarProgress, Stats};
use super::model::{
    CriterionInput, Decision, Programme, ProgrammeInput, ProgrammeText, QuestionInput, QuestionKind, Status,
    country_name,
};
use super::pages::{status_label, textarea};
use super::review_pages::short_id;
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Arg, Locale, Msg, format_date, format_datetime, format_decimal, t, t_with};
use crate::web::forms::{CsrfForm, Input, Problems, csrf_field, field_with, form_problem};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/programmes", web::get().to(list))
        .route("/admin/programmes/new", web::get().to(new_form))
        .route("/admin/programmes/new", web::post().to(create))
        .route("/admin/programmes/{id}", web::get().to(manage))
        .route("/admin/programmes/{id}/edit", web::get().to(edit_form))
        .route("/admin/programmes/{id}/edit", web::post().to(edit))
        .route("/admin/programmes/{id}/reviewers", web::post().to(add_reviewer))
        .route("/admin/programmes/{id}/reviewers/{user_id}/remove", web::post().to(remove_reviewer))
        .route("/admin/programmes/{id}/decisions", web::post().to(decide_many))
        .route("/admin/programmes/{id}/promote", web::post().to(promote))
        .route("/admin/programmes/{id}/enrol", web::post().to(enrol))
        .route("/admin/programmes/{id}/dashboard", web::get().to(dashboard))
        .route("/admin/programmes/{id}/remind", web::post().to(remind))
        .route("/admin/programmes/{id}/cohort.csv", web::get().to(cohort_csv))
        .route("/admin/programmes/{id}/report.csv", web::get().to(report_csv))
        .route("/admin/applications/{id}/decision", web::post().to(decide));
}

#[derive(Deserialize)]
struct DoneQuery {
    done: Option<String>,
    page: Option<usize>,
}

fn phase(l: Locale, p: &Programme) -> String {
    let now = crate::db::now();
    t(
        l,
        if now < p.opens_at {
            "phase-upcoming"
        } else if p.is_open(now) {
            "phase-open"
        } else {
            "phase-closed"
        },
    )
}

async fn list(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let l = viewer.locale;
    let all = super::programmes(&state.db, true).await?;
    let body = html! {
        p { a.button.primary href="/admin/programmes/new" { (t(l, "admin-programme-new")) } }
        @if all.is_empty() { p { (t(l, "programmes-none")) } }
        ul.cards { @for p in &all { li { article.card {
            h2 { a href=(format!("/admin/programmes/{}", p.id)) { (p.text(l).title) } }
            p.meta { (phase(l, p)) " · " (format_date(l, p.opens_at)) " – " (format_date(l, p.closes_at)) }
            p { a href=(format!("/admin/programmes/{}/dashboard", p.id)) { (t(l, "admin-dashboard")) } }
        } } } }
    };
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &t(l, "admin-programmes-title"), body))
}

/// The new-programme form as typed (kept when it comes back with errors).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ProgrammeForm {
    title: String,
    description: String,
    title_ru: String,
    description_ru: String,
    title_uk: String,
    description_uk: String,
    countries: String,
    seats: String,
    stipend_amount: String,
    currency: String,
    opens_at: String,
    closes_at: String,
    deadline: String,
    criteria: String,
    questions: String,
    questions_uk: String,
    questions_ru: String,
    blind: Option<String>,
    #[serde(skip)]
    course_slugs: Vec<String>,
}

/// The translations of a programme's questions into one language, as the form shows them: one line a
/// question, `label` or, for a single choice with translated choices, `label | choice; choice`.
fn translation_lines(p: &Programme, code: &str) -> String {
    p.questions
        .iter()
        .map(|q| {
            let label = q.labels.get(code).cloned().unwrap_or_default();
            match q.choice_labels.get(code) {
                Some(choices) => format!("{label} | {}", choices.join("; ")),
                None => label,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl ProgrammeForm {
    /// A stored programme, as its form shows it for editing.
    fn of(p: &Programme) -> Self {
        let text = |l: Locale| {
            p.texts.get(&l).cloned().unwrap_or(ProgrammeText { title: String::new(), description: String::new() })
        };
        let (uk, ru) = (text(Locale::Uk), text(Locale::Ru));
        ProgrammeForm {
            title: p.title.clone(),
            description: p.description.clone(),
            title_ru: ru.title,
            description_ru: ru.description,
            title_uk: uk.title,
            description_uk: uk.description,
            countries: p.countries.join(", "),
            seats: p.seats.to_string(),
            stipend_amount: p.stipend_cents.map(plain_money).unwrap_or_default(),
            currency: p.currency.clone().unwrap_or_default(),
            opens_at: p.opens_at.format("%Y-%m-%dT%H:%M").to_string(),
            closes_at: p.closes_at.format("%Y-%m-%dT%H:%M").to_string(),
            deadline: p.deadline.format("%Y-%m-%dT%H:%M").to_string(),
            criteria: p.criteria.iter().map(|c| format!("{} | {}", c.name, c.weight)).collect::<Vec<_>>().join("\n"),
            questions: p
                .questions
                .iter()
                .map(|q| {
                    let kind = match q.kind {
                        QuestionKind::Short => "short",
                        QuestionKind::Long => "long",
                        QuestionKind::Single => "single",
                    };
                    let required = if q.required { "required" } else { "optional" };
                    let mut line = format!("{kind} | {required} | {}", q.label);
                    if !q.choices.is_empty() {
                        line.push_str(&format!(" | {}", q.choices.join("; ")));
                    }
                    line
                })
                .collect::<Vec<_>>()
                .join("\n"),
            questions_uk: translation_lines(p, "uk"),
            questions_ru: translation_lines(p, "ru"),
            blind: p.blind.then(|| "true".to_owned()),
            course_slugs: p.course_slugs.clone(),
        }
    }

    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form: ProgrammeForm = serde_urlencoded::from_str(
            &serde_urlencoded::to_string(pairs.iter().filter(|(k, _)| k != "course").collect::<Vec<_>>())
                .unwrap_or_default(),
        )
        .unwrap_or_default();
        form.course_slugs = pairs.iter().filter(|(k, _)| k == "course").map(|(_, v)| v.clone()).collect();
        form
    }

    /// The form's text fields as the API's input. Lines of the criteria and questions boxes are
    /// `name | weight` and `kind | required or optional | label | choice; choice`.
    fn input(&self) -> Result<ProgrammeInput, AppError> {
        let lines =
            |text: &str| text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect::<Vec<_>>();
        let criteria = lines(&self.criteria)
            .iter()
            .map(|line| {
                // The weight is after the last bar, so a name may hold one.
                let (name, weight) = match line.rsplit_once('|') {
                    Some((name, weight)) => (name.trim().to_owned(), Some(weight.trim().parse::<i64>().unwrap_or(0))),
                    None => (line.trim().to_owned(), None),
                };
                CriterionInput { name, weight }
            })
            .collect();
        // Translated labels: one a line, in the order of the questions (a blank line leaves one untranslated).
        let translations = |text: &str| text.lines().map(|l| l.trim().to_owned()).collect::<Vec<_>>();
        let (uk, ru) = (translations(&self.questions_uk), translations(&self.questions_ru));
        let questions = lines(&self.questions)
            .iter()
            .enumerate()
            .map(|(i, line)| {
                // kind | required | label [| choices]: only a single-choice line has choices, after its last
                // bar, so a label may hold a bar.
                let mut parts = line.splitn(3, '|').map(str::trim);
                let kind = parts.next().unwrap_or_default().to_owned();
                let required = parts.next().is_some_and(|r| r.eq_ignore_ascii_case("required"));
                let rest = parts.next().unwrap_or_default();
                let (label, choices) = match rest.rsplit_once('|') {
                    Some((label, choices)) if kind == "single" => {
                        (label.trim().to_owned(), choices.split(';').map(|c| c.trim().to_owned()).collect())
                    }
                    _ => (rest.to_owned(), Vec::new()),
                };
                let (mut labels, mut choice_labels) = (BTreeMap::new(), BTreeMap::new());
                for (code, list) in [("uk", &uk), ("ru", &ru)] {
                    let Some(line) = list.get(i).filter(|l| !l.is_empty()) else { continue };
                    // A single choice's translation may carry its choices after the last bar.
                    let (label, translated) = match line.rsplit_once('|') {
                        Some((label, choices)) if kind == "single" => {
                            (label.trim().to_owned(), Some(choices.split(';').map(|c| c.trim().to_owned()).collect()))
                        }
                        _ => (line.clone(), None),
                    };
                    if !label.is_empty() {
                        labels.insert(code.to_owned(), label);
                    }
                    if let Some(translated) = translated {
                        choice_labels.insert(code.to_owned(), translated);
                    }
                }
                QuestionInput { kind, required, label, choices, labels, choice_labels }
            })
            .collect();
        let mut texts = BTreeMap::new();
        for (code, title, description) in
            [("ru", &self.title_ru, &self.description_ru), ("uk", &self.title_uk, &self.description_uk)]
        {
            if !title.trim().is_empty() {
                texts.insert(code.to_owned(), ProgrammeText { title: title.clone(), description: description.clone() });
            }
        }
        let number = |field: &str, raw: &str| -> Result<Option<f64>, AppError> {
            let raw = raw.trim().replace(',', ".");
            if raw.is_empty() {
                return Ok(None);
            }
            raw.parse::<f64>().map(Some).map_err(|_| AppError::field(field, Msg::new("error-amount")))
        };
        let seats = match self.seats.trim() {
            "" => None,
            s => Some(s.parse::<i64>().unwrap_or(0)),
        };
        Ok(ProgrammeInput {
            title: self.title.clone(),
            description: self.description.clone(),
            texts,
            countries: self
                .countries
                .split([',', ' ', ';'])
                .filter(|c| !c.trim().is_empty())
                .map(str::to_owned)
                .collect(),
            seats,
            stipend_amount: number("stipend_amount", &self.stipend_amount)?,
            currency: Some(self.currency.clone()),
            opens_at: self.opens_at.clone(),
            closes_at: self.closes_at.clone(),
            deadline: self.deadline.clone(),
            course_slugs: self.course_slugs.clone(),
            criteria,
            questions,
            blind: Some(self.blind.is_some()),
        })
    }
}

async fn new_form(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let form = ProgrammeForm {
        criteria: t(viewer.locale, "admin-criteria-example"),
        blind: Some("true".into()),
        seats: "10".into(),
        ..Default::default()
    };
    programme_form(&state, &viewer, &req, &form, &Problems::default(), None).await
}

async fn create(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let form = ProgrammeForm::from_pairs(&form.0);
    let result = match form.input() {
        Ok(input) => super::create_programme(&state.db, user, input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(see_other(&format!("/admin/programmes/{id}?done=created"))),
        Err(e) => programme_form(&state, &viewer, &req, &form, &Problems::from_error(e)?, None).await,
    }
}

async fn edit_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let p = super::programme(&state.db, &path).await?;
    programme_form(&state, &viewer, &req, &ProgrammeForm::of(&p), &Problems::default(), Some(&p)).await
}

async fn edit(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let p = super::programme(&state.db, &path).await?;
    let form = ProgrammeForm::from_pairs(&form.0);
    let result = match form.input() {
        Ok(input) => super::update_programme(&state.db, user, &p.id, input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/admin/programmes/{}?done=updated", p.id))),
        Err(e) => programme_form(&state, &viewer, &req, &form, &Problems::from_error(e)?, Some(&p)).await,
    }
}

/// The programme form: a new programme, or `editing` one.
async fn programme_form(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    f: &ProgrammeForm,
    problems: &Problems,
    editing: Option<&Programme>,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let action =
        editing.map(|p| format!("/admin/programmes/{}/edit", p.id)).unwrap_or_else(|| "/admin/programmes/new".into());
    let courses = super::all_courses(&state.db, l).await?;
    let course_errors = problems.fields.get("course_slugs");
    let body = html! {
        (form_problem(l, problems))
        @if let Some(p) = editing { p.breadcrumb { a href=(format!("/admin/programmes/{}", p.id)) { (p.text(l).title) } } }
        form.stack method="post" action=(action) novalidate {
            (csrf_field(&viewer.csrf_token))
            (Input::new("title", t(l, "admin-programme-title")).value(&f.title).required().render(l, problems))
            (textarea(l, problems, "description", &t(l, "admin-programme-description"), Some(&t(l, "admin-programme-description-hint")), &f.description, true))
            fieldset {
                legend { (t(l, "admin-programme-translations")) }
                (Input::new("title_uk", t(l, "admin-programme-title-uk")).value(&f.title_uk).render(l, problems))
                (textarea(l, problems, "description_uk", &t(l, "admin-programme-description-uk"), None, &f.description_uk, false))
                (Input::new("title_ru", t(l, "admin-programme-title-ru")).value(&f.title_ru).render(l, problems))
                (textarea(l, problems, "description_ru", &t(l, "admin-programme-description-ru"), None, &f.description_ru, false))
            }
            (Input::new("countries", t(l, "admin-programme-countries")).value(&f.countries).hint(t(l, "admin-programme-countries-hint")).render(l, problems))
            (Input::new("seats", t(l, "programme-places")).kind("number").value(&f.seats).required().render(l, problems))
            (Input::new("stipend_amount", t(l, "admin-programme-stipend")).value(&f.stipend_amount).hint(t(l, "admin-programme-stipend-hint")).render(l, problems))
            (Input::new("currency", t(l, "admin-programme-currency")).value(&f.currency).hint(t(l, "error-currency")).render(l, problems))
            (Input::new("opens_at", t(l, "admin-programme-opens")).kind("datetime-local").value(&f.opens_at).hint(t(l, "admin-programme-utc")).required().render(l, problems))
            (Input::new("closes_at", t(l, "admin-programme-closes")).kind("datetime-local").value(&f.closes_at).hint(t(l, "admin-programme-utc")).required().render(l, problems))
            (Input::new("deadline", t(l, "programme-deadline")).kind("datetime-local").value(&f.deadline).required().render(l, problems))
            fieldset.invalid[course_errors.is_some()] {
                legend { (t(l, "programme-track")) }
                @if let Some(errors) = course_errors { ul.field-errors { @for e in errors { li { (e.text(l)) } } } }
                ul.choices { @for (slug, title) in &courses { li { label {
                    input type="checkbox" name="course" value=(slug) checked[f.course_slugs.contains(slug)];
                    span { (title) " " span.meta { "(" (slug) ")" } }
                } } } }
            }
            (lines_box(l, problems, "criteria", &t(l, "admin-programme-criteria"), &t(l, "admin-programme-criteria-hint"), &f.criteria))
            (lines_box(l, problems, "questions", &t(l, "admin-programme-questions"), &t(l, "admin-programme-questions-hint"), &f.questions))
            (lines_box(l, problems, "questions_uk", &t(l, "admin-programme-questions-uk"), &t(l, "admin-programme-questions-translation-hint"), &f.questions_uk))
            (lines_box(l, problems, "questions_ru", &t(l, "admin-programme-questions-ru"), &t(l, "admin-programme-questions-translation-hint"), &f.questions_ru))
            div.field.check { label {
                input type="checkbox" name="blind" value="true" checked[f.blind.is_some()];
                " " (t(l, "admin-programme-blind"))
            } }
            button.primary type="submit" { (t(l, if editing.is_some() { "admin-programme-save" } else { "admin-programme-create" })) }
        }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let title = t(l, if editing.is_some() { "admin-programme-edit" } else { "admin-programme-new" });
    Ok(page_response(state, viewer, req, status, &title, body))
}

fn lines_box(l: Locale, problems: &Problems, name: &str, label: &str, hint: &str, value: &str) -> Markup {
    field_with(l, problems, name, label, Some(hint), |id, described| {
        html! { textarea.editor id=(id) name=(name) rows="4" aria-describedby=[described] { (value) } }
    })
}

async fn manage(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let done = q.done.as_deref().and_then(done_message).map(Msg::new);
    manage_page(&state, &viewer, &req, &path, done, &Problems::default(), None).await
}

fn done_message(code: &str) -> Option<&'static str> {
    Some(match code {
        "created" => "admin-done-created",
        "updated" => "admin-done-updated",
        "reviewer" => "admin-done-reviewer",
        "reviewer-removed" => "admin-done-reviewer-removed",
        "decided" => "admin-done-decided",
        "promoted" => "admin-done-promoted",
        "reminded" => "admin-done-reminded",
        "no-address" => "admin-done-no-address",
        _ => return None,
    })
}

#[allow(clippy::too_many_arguments)]
async fn manage_page(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    id: &str,
    notice: Option<Msg>,
    problems: &Problems,
    enrol_report: Option<(&EnrolReport, &str)>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let l = viewer.locale;
    let (p, ranked) = super::review::ranking(&state.db, user, id).await?;
    let reviewers = super::review::reviewers(&state.db, &p.id).await?;
    let track = super::track_titles(&state.db, &p, l).await?;
    let held = ranked.iter().filter(|r| r.application.status.holds_seat()).count();
    let waiting = ranked.iter().filter(|r| r.application.status == Status::Waitlisted).count();
    let csrf = &viewer.csrf_token;
    let body = html! {
        @if let Some(msg) = &notice { p.notice role="status" { (msg.text(l)) } }
        (form_problem(l, problems))
        p.actions {
            a.button href=(format!("/admin/programmes/{}/dashboard", p.id)) { (t(l, "admin-dashboard")) }
            a.button href=(format!("/programmes/{}", p.id)) { (t(l, "admin-public-page")) }
            a.button href=(format!("/admin/programmes/{}/edit", p.id)) { (t(l, "admin-programme-edit")) }
        }
        dl.facts {
            dt { (t(l, "programme-applications")) } dd { (phase(l, &p)) " · " (format_datetime(l, p.opens_at)) " – " (format_datetime(l, p.closes_at)) }
            dt { (t(l, "programme-places")) } dd { (t_with(l, "admin-seats-held", &[("held", Arg::Number(held as i64)), ("seats", Arg::Number(i64::from(p.seats)))])) }
            @if let (Some(cents), Some(currency)) = (p.stipend_cents, &p.currency) {
                dt { (t(l, "admin-programme-stipend")) } dd { (money(l, cents)) " " (currency) }
            }
            dt { (t(l, "programme-track")) } dd { (track.iter().map(|(_, title)| title.as_str()).collect::<Vec<_>>().join(", ")) }
            dt { (t(l, "programme-deadline")) } dd { (format_date(l, p.deadline)) }
        }

        h2 #reviewers { (t(l, "admin-reviewers")) }
        @if reviewers.is_empty() { p { (t(l, "admin-reviewers-none")) } }
        @else {
            ul.edit-list { @for (id, handle) in &reviewers { li {
                (handle) " "
                form.inline method="post" action=(format!("/admin/programmes/{}/reviewers/{id}/remove", p.id)) {
                    (csrf_field(csrf))
                    button.small type="submit" aria-label=(t_with(l, "admin-reviewer-remove-who", &[("handle", Arg::Text(handle.clone()))])) { (t(l, "admin-reviewer-remove")) }
                }
            } } }
            p.hint { (t(l, "admin-reviewer-remove-hint")) }
        }
        form.stack method="post" action=(format!("/admin/programmes/{}/reviewers", p.id)) {
            (csrf_field(csrf))
            (Input::new("handle", t(l, "admin-reviewer-handle")).hint(t(l, "admin-reviewer-hint")).render(l, problems))
            button type="submit" { (t(l, "admin-reviewer-add")) }
        }

        h2 #ranking { (t(l, "admin-ranking")) }
        p { (t(l, "admin-ranking-intro")) }
        @if ranked.is_empty() { p { (t(l, "admin-ranking-none")) } } @else {
            form method="post" action=(format!("/admin/programmes/{}/decisions", p.id)) {
                (csrf_field(csrf))
                div.table-scroll { table.stack-narrow {
                    thead { tr {
                        th { span.visually-hidden { (t(l, "admin-select")) } }
                        th { (t(l, "review-application")) } th { (t(l, "review-applicant")) } th { (t(l, "apply-country")) }
                        th { (t(l, "admin-score")) } th { (t(l, "admin-reviews")) } th { (t(l, "admin-spread")) } th { (t(l, "apply-status")) }
                    } }
                    tbody { @for r in &ranked { tr {
                        td { input type="checkbox" name="application" value=(r.application.id) aria-label=(format!("{} {}", t(l, "admin-select"), short_id(&r.application.id))); }
                        td { a href=(format!("/applications/{}", r.application.id)) { (short_id(&r.application.id)) } }
                        td { (r.handle) }
                        td data-label=(t(l, "apply-country")) { (country_name(l, &r.application.country)) }
                        td data-label=(t(l, "admin-score")) { @match r.score { Some(s) => { (format_decimal(l, s, 2)) }, None => { "—" } } }
                        td data-label=(t(l, "admin-reviews")) { (r.reviews) @if r.conflicts > 0 { " " span.meta { (t_with(l, "admin-conflicts", &[("count", Arg::Number(r.conflicts as i64))])) } } }
                        td data-label=(t(l, "admin-spread")) { @match r.spread { Some(s) => { (format_decimal(l, s, 2)) }, None => { "—" } } }
                        td data-label=(t(l, "apply-status")) { (status_label(l, r.application.status)) }
                    } } }
                } }
                div.inline-form.wrap {
                    label for="f-decision" { (t(l, "admin-decide-selected")) }
                    select #f-decision name="decision" {
                        option value="award" { (t(l, "decision-award")) }
                        option value="waitlist" { (t(l, "decision-waitlist")) }
                        option value="reject" { (t(l, "decision-reject")) }
                    }
                    button.primary type="submit" { (t(l, "admin-decide")) }
                }
            }
            @if waiting > 0 && (held as i32) < p.seats {
                form method="post" action=(format!("/admin/programmes/{}/promote", p.id)) {
                    (csrf_field(csrf))
                    p { button type="submit" { (t(l, "admin-promote")) } }
                }
            }
        }

        h2 #enrol { (t(l, "admin-enrol")) }
        p { (t(l, "admin-enrol-intro")) }
        @if let Some((report, _)) = enrol_report { (enrol_result(l, report)) }
        form.stack method="post" action=(format!("/admin/programmes/{}/enrol", p.id)) {
            (csrf_field(csrf))
            (field_with(l, problems, "csv", &t(l, "admin-enrol-csv"), Some(&t(l, "admin-enrol-csv-hint")), |id, described| html! {
                textarea.editor id=(id) name="csv" rows="6" aria-describedby=[described] { (enrol_report.map(|(_, text)| text).unwrap_or_default()) }
            }))
            div.actions {
                button type="submit" name="mode" value="check" { (t(l, "admin-enrol-check")) }
                button.primary type="submit" name="mode" value="enrol" { (t(l, "admin-enrol-go")) }
            }
        }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok(page_response(state, viewer, req, status, &p.text(l).title, body))
}

/// An amount in cents, written with two decimals as the language writes them.
fn money(l: Locale, cents: i64) -> String {
    format_decimal(l, cents as f64 / 100.0, 2)
}

/// An amount in cents as the form and the CSV write it (a point, whatever the language).
fn plain_money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn enrol_result(l: Locale, report: &EnrolReport) -> Markup {
    html! {
        @if report.ok() {
            p.notice role="status" {
                @if report.dry_run {
                    (t_with(l, "admin-enrol-would", &[("count", Arg::Number(report.enrolled.len() as i64))]))
                } @else {
                    (t_with(l, "admin-enrol-done", &[("count", Arg::Number(report.enrolled.len() as i64))]))
                }
            }
        } @else {
            div.alert role="alert" {
                p { (t_with(l, "admin-enrol-errors", &[("count", Arg::Number(report.errors.len() as i64))])) }
                ul { @for e in &report.errors { li { (t_with(l, "admin-enrol-row", &[("row", Arg::Number(e.row as i64))])) ": " (e.message.text(l)) } } }
            }
        }
    }
}

async fn remove_reviewer(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let (pid, user_id) = path.into_inner();
    super::review::remove_reviewer(&state.db, viewer.admin()?, &pid, &user_id).await?;
    Ok(see_other(&format!("/admin/programmes/{pid}?done=reviewer-removed#reviewers")))
}

#[derive(Deserialize)]
struct HandleForm {
    handle: String,
}

async fn add_reviewer(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<HandleForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    match super::review::add_reviewer_by_handle(&state.db, user, &path, &form.0.handle).await {
        Ok(_) => Ok(see_other(&format!("/admin/programmes/{}?done=reviewer#reviewers", path.as_str()))),
        Err(e) => manage_page(&state, &viewer, &req, &path, None, &Problems::from_error(e)?, None).await,
    }
}

async fn decide_many(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let decision = form.0.iter().find(|(k, _)| k == "decision").and_then(|(_, v)| Decision::parse(v));
    let Some(decision) = decision else { return Err(AppError::BadRequest(Msg::new("error-bad-form"))) };
    let ids: Vec<String> = form.0.iter().filter(|(k, _)| k == "application").map(|(_, v)| v.clone()).collect();
    if ids.is_empty() {
        let problems = Problems { fields: Default::default(), form: Some(Msg::new("admin-none-selected")) };
        return manage_page(&state, &viewer, &req, &path, None, &problems, None).await;
    }
    let outcome = super::decisions::decide_many(&state.db, &ctx, user, &path, ids, decision).await?;
    if outcome.refused.is_empty() {
        return Ok(see_other(&format!("/admin/programmes/{}?done=decided#ranking", path.as_str())));
    }
    let problems = Problems { fields: Default::default(), form: outcome.refused.first().map(|(_, e)| e.message()) };
    let notice = (!outcome.decided.is_empty()).then(|| Msg::new("admin-done-decided"));
    manage_page(&state, &viewer, &req, &path, notice, &problems, None).await
}

#[derive(Deserialize)]
struct DecisionForm {
    decision: String,
}

async fn decide(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let decision = Decision::parse(&form.0.decision).ok_or(AppError::BadRequest(Msg::new("error-bad-form")))?;
    let v = super::read_application(&state.db, user, &path).await?;
    match super::decisions::decide(&state.db, &ctx, user, &path, decision).await {
        Ok(a) => Ok(see_other(&format!("/admin/programmes/{}?done=decided#ranking", a.programme_id))),
        Err(e) => manage_page(&state, &viewer, &req, &v.programme.id, None, &Problems::from_error(e)?, None).await,
    }
}

async fn promote(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    match super::decisions::promote_next(&state.db, &ctx, user, &path).await {
        Ok(_) => Ok(see_other(&format!("/admin/programmes/{}?done=promoted#ranking", path.as_str()))),
        Err(e) => manage_page(&state, &viewer, &req, &path, None, &Problems::from_error(e)?, None).await,
    }
}

#[derive(Deserialize)]
struct EnrolForm {
    csv: String,
    mode: String,
}

async fn enrol(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<EnrolForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let dry_run = form.0.mode != "enrol";
    let report = super::dashboard::enrol_csv(&state.db, user, &path, form.0.csv.clone(), dry_run).await?;
    manage_page(&state, &viewer, &req, &path, None, &Problems::default(), Some((&report, &form.0.csv))).await
}

/// Decision buttons and every review, under an application, for admins.
pub async fn application_panel(state: &AppState, viewer: &Viewer, v: &ApplicationView) -> Result<Markup, AppError> {
    let l = viewer.locale;
    let user = viewer.admin()?;
    let reviews = super::review::reviews_of(&state.db, user, &v.application.id).await?;
    let weights = v.programme.criterion_weights();
    Ok(html! {
        h2 { (t(l, "admin-reviews")) }
        @if reviews.is_empty() { p { (t(l, "admin-reviews-none")) } }
        @for (r, handle) in &reviews {
            article.card {
                h3 { (handle) }
                @if r.conflict { p { span.badge.missing { (t(l, "admin-conflict-declared")) } } } @else {
                    p { (t(l, "admin-score")) ": "
                        @if let Some(s) = super::model::weighted_score(&weights, &r.scores) { strong { (format_decimal(l, s, 2)) } } }
                    ul { @for c in &v.programme.criteria { li { (c.name) ": " (r.scores.get(&c.id).copied().unwrap_or_default()) } } }
                    @if !r.comment.is_empty() { blockquote { (super::pages::paragraphs(&r.comment)) } }
                }
            }
        }
        @if v.application.status != Status::Draft {
            h2 { (t(l, "admin-decision")) }
            div.actions { @for (value, label) in [("award", "decision-award"), ("waitlist", "decision-waitlist"), ("reject", "decision-reject")] {
                form method="post" action=(format!("/admin/applications/{}/decision", v.application.id)) {
                    (csrf_field(&viewer.csrf_token))
                    button type="submit" name="decision" value=(value) { (t(l, label)) }
                }
            } }
        }
    })
}

const DASHBOARD_PAGE: usize = 100;

async fn dashboard(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let l = viewer.locale;
    let (p, s, mut rows) = super::dashboard::overview(&state.db, &ctx, user, &path).await?;
    // Those at risk first, then by handle.
    rows.sort_by(|a, b| b.at_risk.cmp(&a.at_risk).then_with(|| a.handle.to_lowercase().cmp(&b.handle.to_lowercase())));
    let pages = rows.len().div_ceil(DASHBOARD_PAGE).max(1);
    let page = q.page.unwrap_or(1).clamp(1, pages);
    let shown: Vec<&ScholarProgress> = rows.iter().skip((page - 1) * DASHBOARD_PAGE).take(DASHBOARD_PAGE).collect();
    let charts = Charts::of(l, &s)?;
    let notice = q.done.as_deref().and_then(done_message);
    let body = html! {
        p.breadcrumb { a href=(format!("/admin/programmes/{}", p.id)) { (p.text(l).title) } }
        @if let Some(n) = notice { p.notice role="status" { (t(l, n)) } }
        p.actions {
            a.button href=(format!("/admin/programmes/{}/report.csv", p.id)) { (t(l, "admin-report-csv")) }
            a.button href=(format!("/admin/programmes/{}/cohort.csv", p.id)) { (t(l, "admin-cohort-csv")) }
        }
        (figures(l, &p, &s))
        h2 { (t(l, "admin-by-status")) }
        figure.chart.categories role="img" aria-label=(t(l, "admin-by-status")) { (PreEscaped(&charts.status)) }
        div.table-scroll { table {
            thead { tr { th { (t(l, "apply-status")) } th { (t(l, "admin-count")) } } }
            tbody { @for st in Status::ALL.iter().filter(|s| s.is_sent()) { tr { td { (status_label(l, *st)) } td { (s.by_status.get(st).copied().unwrap_or(0)) } } } }
        } }
        h2 { (t(l, "admin-by-country")) }
        figure.chart.categories role="img" aria-label=(t(l, "admin-by-country")) { (PreEscaped(&charts.country)) }
        div.table-scroll { table {
            thead { tr { th { (t(l, "apply-country")) } th { (t(l, "admin-count")) } th { (t(l, "admin-awards")) } } }
            tbody { @for (c, (n, w)) in &s.by_country { tr { td { (country_name(l, c)) } td { (n) } td { (w) } } } }
        } }
        h2 #cohort { (t(l, "admin-cohort")) }
        p { (t_with(l, "admin-at-risk-rule", &[("days", Arg::Number(ctx.quiet_days))])) }
        figure.chart { (PreEscaped(&charts.progress)) figcaption { (t(l, "admin-progress-bands")) } }
        @if rows.is_empty() { p { (t(l, "admin-cohort-none")) } } @else {
            div.table-scroll { table.stack-narrow {
                thead { tr {
                    th { (t(l, "review-applicant")) } th { (t(l, "admin-modules")) } th { (t(l, "admin-quiz-best")) }
                    th { (t(l, "admin-last-activity")) } th { (t(l, "admin-risk")) }
                } }
                tbody { @for r in &shown { tr {
                    td { (r.handle) }
                    td { (r.modules_completed) " / " (r.modules_total) " " (crate::web::components::progress_bar(l, r.progress_percent)) }
                    td data-label=(t(l, "admin-quiz-best")) { @match r.quiz_best_percent { Some(q) => { (q) "%" }, None => { "—" } } }
                    td data-label=(t(l, "admin-last-activity")) { @match r.last_activity_at { Some(at) => { (format_date(l, at)) }, None => { "—" } } }
                    td {
                        @if r.quiet { span.badge.missing { (t(l, "admin-risk-quiet")) } " " }
                        @if r.behind { span.badge.missing { (t(l, "admin-risk-behind")) } " " }
                        @if r.at_risk && r.reachable {
                            form.inline method="post" action=(format!("/admin/programmes/{}/remind", p.id)) {
                                (csrf_field(&viewer.csrf_token))
                                input type="hidden" name="user_id" value=(r.user_id);
                                button.small type="submit" { (t(l, "admin-remind")) }
                            }
                        } @else if r.at_risk { span.meta { (t(l, "admin-no-address")) } }
                    }
                } } }
            } }
            @if pages > 1 {
                nav.pager aria-label=(t(l, "admin-pages")) {
                    @if page > 1 { a rel="prev" href=(format!("?page={}#cohort", page - 1)) { (t(l, "admin-previous")) } }
                    span { (t_with(l, "admin-page-of", &[("page", Arg::Number(page as i64)), ("pages", Arg::Number(pages as i64))])) }
                    @if page < pages { a rel="next" href=(format!("?page={}#cohort", page + 1)) { (t(l, "admin-next")) } }
                }
            }
        }
    };
    let title = format!("{} · {}", t(l, "admin-dashboard"), p.text(l).title);
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &title, body))
}

fn figures(l: Locale, p: &Programme, s: &Stats) -> Markup {
    let percent = |x: Option<f64>| x.map(|x| format!("{}%", format_decimal(l, x, 1))).unwrap_or_else(|| "—".into());
    html! {
        dl.facts {
            dt { (t(l, "admin-applications")) } dd { (s.applications) " " span.meta { "(" (t_with(l, "admin-drafts", &[("count", Arg::Number(s.drafts as i64))])) ")" } }
            dt { (t(l, "admin-awards")) } dd { (s.awards) " / " (p.seats) }
            dt { (t(l, "admin-award-rate")) } dd { (percent(s.award_rate)) }
            dt { (t(l, "admin-cohort")) } dd { (s.cohort) }
            dt { (t(l, "admin-completed")) } dd { (s.completed) " (" (percent(s.completion_rate)) ")" }
            dt { (t(l, "admin-certificates")) } dd { (s.certificates) }
            dt { (t(l, "admin-at-risk")) } dd { (s.at_risk) }
            @if let (Some(cents), Some(currency)) = (s.stipends_cents, &p.currency) {
                dt { (t(l, "admin-stipends")) } dd { (money(l, cents)) " " (currency) }
            }
        }
    }
}

struct Charts {
    status: String,
    country: String,
    progress: String,
}

impl Charts {
    fn of(l: Locale, s: &Stats) -> Result<Charts, AppError> {
        let statuses: Vec<Status> = Status::ALL.into_iter().filter(|s| s.is_sent()).collect();
        let status = super::charts::hbars(
            &statuses.iter().map(|st| status_label(l, *st)).collect::<Vec<_>>(),
            &statuses.iter().map(|st| s.by_status.get(st).copied().unwrap_or(0)).collect::<Vec<_>>(),
        )?;
        let country = super::charts::hbars(
            &s.by_country.keys().map(|c| country_name(l, c)).collect::<Vec<_>>(),
            &s.by_country.values().map(|(n, _)| *n).collect::<Vec<_>>(),
        )?;
        let bands: Vec<String> = (0..=10).map(|i| if i == 10 { "100".into() } else { format!("{}", i * 10) }).collect();
        let progress = super::charts::bars(&bands, &s.progress_bands)?;
        Ok(Charts { status, country, progress })
    }
}

#[derive(Deserialize)]
struct RemindForm {
    user_id: String,
}

async fn remind(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
    form: CsrfForm<RemindForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let sent = super::dashboard::remind(&state.db, &ctx, user, &path, &form.0.user_id).await?;
    let done = if sent { "reminded" } else { "no-address" };
    Ok(see_other(&format!("/admin/programmes/{}/dashboard?done={done}#cohort", path.as_str())))
}

async fn cohort_csv(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (_, rows) = super::dashboard::cohort(&state.db, &ctx, viewer.admin()?, &path).await?;
    Ok(super::api::csv_response("cohort.csv", &super::api::dashboard_csv(&rows)))
}

async fn report_csv(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (p, s) = super::dashboard::stats(&state.db, &ctx, viewer.admin()?, &path).await?;
    Ok(super::api::csv_response("report.csv", &super::api::report_csv(&p, &s)))
}

#[cfg(test)]
mod tests {
    use super::ProgrammeForm;

    #[test]
    fn form_lines_allow_bars_in_names_and_labels() {
        let form = ProgrammeForm {
            criteria: "Need | urgency | 2\nExperience".into(),
            questions: "short | required | Either | or?\nsingle | optional | Pick one | A; B".into(),
            questions_uk: "\nОберіть | А; Б".into(),
            ..Default::default()
        };
        let input = form.input().expect("the form reads");
        assert_eq!((input.criteria[0].name.as_str(), input.criteria[0].weight), ("Need | urgency", Some(2)));
        assert_eq!((input.criteria[1].name.as_str(), input.criteria[1].weight), ("Experience", None));
        assert_eq!(input.questions[0].label, "Either | or?");
        assert!(input.questions[0].choices.is_empty() && input.questions[0].labels.is_empty());
        assert_eq!(
            (input.questions[1].label.as_str(), input.questions[1].choices.clone()),
            ("Pick one", vec!["A".to_owned(), "B".to_owned()])
        );
        assert_eq!(input.questions[1].labels.get("uk").map(String::as_str), Some("Оберіть"));
        assert_eq!(input.questions[1].choice_labels.get("uk"), Some(&vec!["А".to_owned(), "Б".to_owned()]));
    }
}
