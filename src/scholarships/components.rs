//! Markup that the scholarships faces share (the applicant's, the reviewer's and the administrator's
//! pages): plain text as paragraphs, a status in words, an application's answers, a text area with its
//! label and errors, an application's short name, and the reviews and decision buttons under it.

use maud::{Markup, html};

use super::ApplicationView;
use super::model::{Application, Programme, QuestionKind, Review, Status, country_name};

use crate::i18n::{Locale, format_decimal, t};
use crate::web::forms::{Problems, csrf_field, field_with};

/// Paragraphs of a plain text, split at blank lines.
pub fn paragraphs(text: &str) -> Markup {
    html! { @for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) { p { (p) } } }
}

pub fn status_label(l: Locale, s: Status) -> String {
    t(l, &format!("status-{}", s.code()))
}

/// A short, stable name for an application that says nothing of who sent it.
pub fn short_id(id: &str) -> String {
    id.chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect::<String>().to_uppercase()
}

/// An application's answers as a list of facts (for the applicant, reviewers and admins).
pub fn answers_list(l: Locale, p: &Programme, a: &Application) -> Markup {
    answers_shown(l, p, a, &[])
}

/// The answers, saying which ones blind review keeps from this reader (`hidden`: `organisation` and
/// question ids).
pub fn answers_shown(l: Locale, p: &Programme, a: &Application, hidden: &[String]) -> Markup {
    let withheld = |id: &str| hidden.iter().any(|h| h == id);
    html! {
        dl.facts.answers {
            @if withheld("organisation") {
                dt { (t(l, "apply-organisation")) } dd { span.notice-inline { (t(l, "review-hidden-blind")) } }
            } @else if !a.organisation.is_empty() { dt { (t(l, "apply-organisation")) } dd { (a.organisation) } }
            dt { (t(l, "apply-country")) } dd { (country_name(l, &a.country)) }
            dt { (t(l, "apply-experience")) } dd { (paragraphs(&a.experience)) }
            dt { (t(l, "apply-motivation")) } dd { (paragraphs(&a.motivation)) }
            @for q in &p.questions {
                dt { (q.label_in(l)) }
                dd { @match a.answers.get(&q.id).filter(|v| !v.trim().is_empty()) {
                    _ if withheld(&q.id) => { span.notice-inline { (t(l, "review-hidden-blind")) } }
                    Some(v) if q.kind == QuestionKind::Single => { p { (q.choice_in(l, v)) } }
                    Some(v) => { (paragraphs(v)) }
                    None => { span.notice-inline { (t(l, "apply-no-answer")) } }
                } }
            }
        }
    }
}

pub fn textarea(
    l: Locale,
    problems: &Problems,
    name: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    required: bool,
) -> Markup {
    field_with(l, problems, name, label, hint, |id, described| {
        html! { textarea id=(id) name=(name) rows="6" required[required] aria-describedby=[described] { (value) } }
    })
}

/// Decision buttons and every review, under an application, for admins.
pub fn application_panel(l: Locale, csrf: &str, v: &ApplicationView, reviews: &[(Review, String)]) -> Markup {
    let weights = v.programme.criterion_weights();
    html! {
        h2 { (t(l, "admin-reviews")) }
        @if reviews.is_empty() { p { (t(l, "admin-reviews-none")) } }
        @for (r, handle) in reviews {
            article.card {
                h3 { (handle) }
                @if r.conflict { p { span.badge.missing { (t(l, "admin-conflict-declared")) } } } @else {
                    p { (t(l, "admin-score")) ": "
                        @if let Some(s) = super::model::weighted_score(&weights, &r.scores) { strong { (format_decimal(l, s, 2)) } } }
                    ul { @for c in &v.programme.criteria {  li { (c.name_in(l)) ": " (r.scores.get(&c.id).copied().unwrap_or_default()) } } }
                    @if !r.comment.is_empty() { blockquote { (paragraphs(&r.comment)) } }
                }
            }
        }
        @if v.application.status != Status::Draft {
            h2 { (t(l, "admin-decision")) }
            div.actions { @for (value, label) in [("award", "decision-award"), ("waitlist", "decision-waitlist"), ("reject", "decision-reject")] {
                form method="post" action=(format!("/admin/applications/{}/decision", v.application.id)) {
                    (csrf_field(csrf))
                    button type="submit" name="decision" value=(value) { (t(l, label)) }
                }
            } }
        }
    }
}
