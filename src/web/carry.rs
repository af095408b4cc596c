//! A form sent after the session ended keeps what was typed: instead of a bare 401, the sign-in form is
//! shown with the typed fields carried along (hidden, `carry.<name>`, and `carry_to`: where they were
//! sent); once she has signed in, a page holds them again in a form to the same place, with the new
//! session's CSRF token, and one button sends them on. Nothing is stored on the server on the way.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use maud::{Markup, html};

use super::forms::{Input, Problems, csrf_field, form_problem};
use super::layout::Reading;
use super::state::AppState;
use crate::auth::csrf::FORM_FIELD;
use crate::i18n::{Locale, t};

const PREFIX: &str = "carry.";
const TO: &str = "carry_to";
/// At most this many fields are carried (an application with its questions has a few dozen).
const MAX_FIELDS: usize = 400;

/// Typed fields on their way through sign-in, and the path they were sent to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Carried {
    pub to: String,
    pub fields: Vec<(String, String)>,
}

impl Carried {
    /// What a form posted to `path` (the CSRF token stays behind: the new session has its own).
    pub fn from_post(path: &str, fields: &[(String, String)]) -> Self {
        let fields = fields.iter().filter(|(name, _)| name != FORM_FIELD).take(MAX_FIELDS).cloned().collect();
        Self { to: super::safe_next(Some(path)), fields }
    }

    /// The carried part of a sign-in form, if there is one. Only a path on this site is followed.
    pub fn parse(fields: &[(String, String)]) -> Option<Self> {
        let to = fields.iter().find(|(name, _)| name == TO).map(|(_, v)| v.as_str())?;
        let to = super::safe_next(Some(to));
        if to == "/" {
            return None;
        }
        let fields = fields
            .iter()
            .filter_map(|(name, value)| name.strip_prefix(PREFIX).map(|n| (n.to_owned(), value.clone())))
            .filter(|(name, _)| name != FORM_FIELD)
            .take(MAX_FIELDS)
            .collect();
        Some(Self { to, fields })
    }

    /// The hidden fields that carry them through a sign-in form.
    pub fn hidden(&self) -> Markup {
        html! {
            input type="hidden" name=(TO) value=(self.to);
            @for (name, value) in &self.fields { input type="hidden" name=(format!("{PREFIX}{name}")) value=(value); }
        }
    }
}

/// The sign-in form with a form's typed fields carried along: the answer to a form sent after the session
/// ended (401, so a script sees what happened too).
pub fn sign_in_again(
    state: &AppState,
    viewer: &impl Reading,
    req: &HttpRequest,
    fields: &[(String, String)],
) -> HttpResponse {
    let carried = Carried::from_post(req.path(), fields);
    sign_in_again_with(state, viewer, req, Some(&carried), &Problems::default(), StatusCode::UNAUTHORIZED)
}

/// The same form again after a wrong password, still carrying the text.
pub fn sign_in_again_with(
    state: &AppState,
    viewer: &impl Reading,
    req: &HttpRequest,
    carried: Option<&Carried>,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    let reader = viewer.reader();
    let l = reader.locale;
    // This page answers a POST to the form's own address: switching language leads to the plain sign-in.
    actix_web::HttpMessage::extensions_mut(req).insert(super::LanguageReturn("/login".to_owned()));
    let body = html! {
        p.notice.warning role="status" { (t(l, "carry-session-ended")) }
        (form_problem(l, problems))
        form.stack method="post" action="/login" novalidate {
            (csrf_field(&reader.csrf))
            @if let Some(carried) = carried { (carried.hidden()) }
            (Input::new("handle", t(l, "field-handle")).autocomplete("username").required().render(l, problems))
            (Input::new("password", t(l, "field-password")).kind("password").autocomplete("current-password").required().render(l, problems))
            button.primary type="submit" { (t(l, "login-submit")) }
        }
    };
    super::page_response(state, viewer, req, status, &t(l, "login-title"), body)
}

/// The page after signing in with carried fields: they are held again in a form to where they were sent.
pub fn continue_body(l: Locale, csrf_token: &str, carried: &Carried) -> Markup {
    html! {
        p { (t(l, "carry-kept")) }
        form method="post" action=(carried.to) {
            (csrf_field(csrf_token))
            @for (name, value) in &carried.fields { input type="hidden" name=(name) value=(value); }
            button.primary type="submit" autofocus { (t(l, "carry-continue")) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Carried;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    #[test]
    fn the_token_stays_behind_and_fields_come_back_in_order() {
        let posted = pairs(&[("csrf", "old"), ("motivation", "Because"), ("answer.q1", "a"), ("answer.q1", "b")]);
        let carried = Carried::from_post("/programmes/p1/apply", &posted);
        assert_eq!(carried.fields, pairs(&[("motivation", "Because"), ("answer.q1", "a"), ("answer.q1", "b")]));
        let through = pairs(&[
            ("csrf", "new"),
            ("handle", "ana"),
            ("carry_to", "/programmes/p1/apply"),
            ("carry.motivation", "Because"),
            ("carry.answer.q1", "a"),
            ("carry.answer.q1", "b"),
            ("carry.csrf", "planted"),
        ]);
        assert_eq!(Carried::parse(&through), Some(carried));
    }

    #[test]
    fn only_a_path_on_this_site_is_followed() {
        assert_eq!(Carried::parse(&pairs(&[("carry_to", "https://evil.example/x")])), None);
        assert_eq!(Carried::parse(&pairs(&[("carry_to", "//evil.example/x")])), None);
        assert_eq!(Carried::parse(&pairs(&[("handle", "ana")])), None);
    }
}
