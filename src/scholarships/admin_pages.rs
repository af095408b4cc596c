//! The administrator's pages: programmes, a new call, a call's reviewers, ranking and decisions (one by
//! one or in bulk), waitlist promotion, bulk enrolment from CSV, and the dashboard with its charts and
//! the CSV files for a donor report.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

use super::components::{short_id, status_label, textarea};
use super::dashboard::{EnrolReport, ScholarProgress, Stats};
use super::model::{
    CriterionInput, Decision, Programme, ProgrammeInput, ProgrammeText, QuestionInput, QuestionKind, Status,
    country_name,
};
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Arg, Locale, Msg, format_date, format_datetime, format_decimal, t, t_with};
use crate::web::forms::{CsrfForm, Input, Problems, csrf_field, field_with, form_problem};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};
mod dashboard;
mod manage;
use dashboard::*;
use manage::*;

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
        .route("/admin/programmes/{id}/decisions/publish", web::post().to(publish))
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
    /// Who a promotion offered the place to (a handle).
    who: Option<String>,
    /// How many decisions were published.
    count: Option<usize>,
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
    offer_days: String,
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
    /// The questions (by their place, from 0) whose free-text answers blind reviewers may read.
    #[serde(skip)]
    reviewers_see: Vec<usize>,
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
            offer_days: p.offer_days.to_string(),
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
            reviewers_see: p.questions.iter().enumerate().filter(|(_, q)| q.reviewers_see).map(|(i, _)| i).collect(),
        }
    }

    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form: ProgrammeForm = serde_urlencoded::from_str(
            &serde_urlencoded::to_string(pairs.iter().filter(|(k, _)| k != "course").collect::<Vec<_>>())
                .unwrap_or_default(),
        )
        .unwrap_or_default();
        form.course_slugs = pairs.iter().filter(|(k, _)| k == "course").map(|(_, v)| v.clone()).collect();
        form.reviewers_see =
            pairs.iter().filter(|(k, _)| k == "reviewers_see").filter_map(|(_, v)| v.parse().ok()).collect();
        form
    }

    /// The free-text questions as typed (place and label), for the choice of what blind reviewers see.
    fn free_text_questions(&self) -> Vec<(usize, String)> {
        self.questions
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
            .filter_map(|(i, line)| {
                let mut parts = line.splitn(3, '|').map(str::trim);
                let kind = parts.next().unwrap_or_default();
                let label = parts.nth(1).unwrap_or_default();
                (kind != "single" && !label.is_empty()).then(|| (i, label.to_owned()))
            })
            .collect()
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
                let reviewers_see = self.reviewers_see.contains(&i);
                QuestionInput { kind, required, label, choices, labels, choice_labels, reviewers_see }
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
        let offer_days = match self.offer_days.trim() {
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
            offer_days,
        })
    }
}

async fn new_form(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let form = ProgrammeForm {
        criteria: t(viewer.locale, "admin-criteria-example"),
        blind: Some("true".into()),
        seats: "10".into(),
        offer_days: super::model::OFFER_DAYS.to_string(),
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
        Ok(input) => super::update_programme(&state.db, user, &p.id, Ok(input)).await,
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
            (Input::new("offer_days", t(l, "admin-programme-offer-days")).kind("number").value(&f.offer_days).hint(t(l, "admin-programme-offer-days-hint")).required().render(l, problems))
            (Input::new("stipend_amount", t(l, "admin-programme-stipend")).value(&f.stipend_amount).hint(t(l, "admin-programme-stipend-hint")).render(l, problems))
            (Input::new("currency", t(l, "admin-programme-currency")).value(&f.currency).hint(t(l, "error-currency")).render(l, problems))
            (Input::new("opens_at", t(l, "admin-programme-opens")).kind("datetime-local").value(&f.opens_at).hint(t(l, "admin-programme-utc")).required().render(l, problems))
            (Input::new("closes_at", t(l, "admin-programme-closes")).kind("datetime-local").value(&f.closes_at).hint(t(l, "admin-programme-utc")).required().render(l, problems))
            (Input::new("deadline", t(l, "programme-deadline")).kind("datetime-local").value(&f.deadline).hint(t(l, "admin-programme-utc")).required().render(l, problems))
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
            @let free = f.free_text_questions();
            @if !free.is_empty() {
                fieldset {
                    legend { (t(l, "admin-programme-reviewers-see")) }
                    p.hint { (t(l, "admin-programme-reviewers-see-hint")) }
                    ul.choices { @for (i, label) in &free { li { label {
                        input type="checkbox" name="reviewers_see" value=(i) checked[f.reviewers_see.contains(i)];
                        " " (label)
                    } } } }
                }
            }
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
