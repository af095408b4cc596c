//! Form pieces: the CSRF-checked form extractor, and inputs that show their errors beside them and keep
//! what was typed.

use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use maud::{Markup, html};
use serde::de::DeserializeOwned;

use super::cookies::csrf_cookie_name;
use super::state::state;
use crate::auth::csrf;
use crate::core::error::{AppError, FieldErrors};
use crate::i18n::{Locale, Msg, t};

/// A urlencoded form whose `csrf` field matches the request's CSRF cookie.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let bytes = super::request::read_body(&req, body).await?;
            let state = state(&req)?;
            let pairs: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&bytes).map_err(|_| AppError::BadRequest(Msg::new("error-bad-form")))?;
            if pairs.iter().any(|(k, v)| k.contains('\0') || v.contains('\0')) {
                return Err(AppError::BadRequest(Msg::new("error-nul")));
            }
            let submitted = pairs.iter().find(|(k, _)| k == csrf::FORM_FIELD).map(|(_, v)| v.as_str());
            check_csrf(&req, state, submitted)?;
            serde_urlencoded::from_bytes(&bytes)
                .map(CsrfForm)
                .map_err(|_| AppError::BadRequest(Msg::new("error-bad-form")))
        })
    }
}

/// Whether a form's token matches the request's CSRF cookie.
fn check_csrf(req: &HttpRequest, state: &super::state::AppState, submitted: Option<&str>) -> Result<(), AppError> {
    let cookie = req.cookie(&csrf_cookie_name(&state.settings));
    match (cookie, submitted) {
        (Some(cookie), Some(token)) if state.csrf.is_valid(cookie.value(), token) => Ok(()),
        _ => Err(AppError::CsrfRejected),
    }
}

/// One part of a `multipart/form-data` form: a field, or a file with the name it had on the device.
pub struct Part {
    pub name: String,
    pub file_name: Option<String>,
    pub bytes: Vec<u8>,
}

/// A `multipart/form-data` form (a file upload) whose `csrf` field matches the request's CSRF cookie: at
/// most `limit` bytes in all, arriving within the body time limit.
pub async fn multipart_form(req: &HttpRequest, payload: web::Payload, limit: usize) -> Result<Vec<Part>, AppError> {
    use futures_util::StreamExt;
    let state = state(req)?;
    let read = async {
        let mut form = actix_multipart::Multipart::new(req.headers(), payload);
        let mut parts = Vec::new();
        let mut total = 0usize;
        while let Some(field) = form.next().await {
            let mut field = field.map_err(|_| AppError::BadRequest(Msg::new("error-bad-form")))?;
            let disposition = field.content_disposition();
            let name = disposition.and_then(|d| d.get_name()).unwrap_or_default().to_owned();
            let file_name = disposition.and_then(|d| d.get_filename()).map(str::to_owned);
            let mut bytes = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(|_| AppError::BadRequest(Msg::new("error-bad-form")))?;
                total += chunk.len();
                if total > limit {
                    return Err(AppError::PayloadTooLarge);
                }
                bytes.extend_from_slice(&chunk);
            }
            parts.push(Part { name, file_name, bytes });
        }
        Ok(parts)
    };
    let parts = match tokio::time::timeout(state.settings.body_timeout(), read).await {
        Ok(parts) => parts?,
        Err(_) => return Err(AppError::RequestTimeout),
    };
    let token = parts.iter().find(|p| p.name == csrf::FORM_FIELD).and_then(|p| std::str::from_utf8(&p.bytes).ok());
    check_csrf(req, state, token)?;
    Ok(parts)
}

/// Maps actix's body errors onto the API's codes (413 for an oversized body, else 400).
pub fn payload_error(error: actix_web::Error) -> AppError {
    if error.as_response_error().status_code() == actix_web::http::StatusCode::PAYLOAD_TOO_LARGE {
        AppError::PayloadTooLarge
    } else {
        AppError::BadRequest(Msg::new("error-bad-form"))
    }
}

/// A form's state when it is shown again: the errors of each field.
#[derive(Default)]
pub struct Problems {
    pub fields: FieldErrors,
    /// A message about the whole form.
    pub form: Option<Msg>,
}

impl Problems {
    /// Sorts an error into field messages or a form message; anything else is passed on.
    pub fn from_error(error: AppError) -> Result<Self, AppError> {
        match error {
            AppError::Validation(_) | AppError::Syntax { .. } => {
                Ok(Problems { fields: error.field_errors(), form: None })
            }
            AppError::BadCredentials | AppError::Conflict(_) | AppError::RateLimited { .. } => {
                Ok(Problems { fields: FieldErrors::new(), form: Some(error.message()) })
            }
            other => Err(other),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none()
    }
}

pub struct Input<'a> {
    pub name: &'a str,
    pub label: String,
    pub kind: &'a str,
    pub value: &'a str,
    pub hint: Option<String>,
    pub autocomplete: &'a str,
    pub required: bool,
}

impl<'a> Input<'a> {
    pub fn new(name: &'a str, label: String) -> Self {
        Input { name, label, kind: "text", value: "", hint: None, autocomplete: "off", required: false }
    }
    pub fn kind(mut self, kind: &'a str) -> Self {
        self.kind = kind;
        self
    }
    pub fn value(mut self, value: &'a str) -> Self {
        self.value = value;
        self
    }
    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }
    pub fn autocomplete(mut self, autocomplete: &'a str) -> Self {
        self.autocomplete = autocomplete;
        self
    }
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// The label, input, hint and errors of one field. Password inputs never echo a value.
    pub fn render(&self, locale: Locale, problems: &Problems) -> Markup {
        let value = if self.kind == "password" { "" } else { self.value };
        let invalid = problems.fields.contains_key(self.name);
        field_with(locale, problems, self.name, &self.label, self.hint.as_deref(), |id, described| {
            html! {
                input id=(id) name=(self.name) type=(self.kind) value=(value) autocomplete=(self.autocomplete)
                    required[self.required] aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[described];
            }
        })
    }
}

/// What went wrong with a sent form, at its top (the GOV.UK error summary): a message about the whole form,
/// or a list of every field's error, each a link to its field. It takes focus as the page loads
/// (`autofocus`, so without JavaScript too): on a long form the reader starts where the errors are listed,
/// not at the top of the page with the one error screens below, and a screen reader reads the list.
pub fn form_problem(locale: Locale, problems: &Problems) -> Markup {
    html! {
        @if let Some(msg) = &problems.form {
            div.alert #form-problem role="alert" tabindex="-1" autofocus { (msg.text(locale)) }
        } @else if !problems.fields.is_empty() {
            div.alert.error-summary #form-problem role="alert" tabindex="-1" autofocus {
                p { (t(locale, "form-has-errors")) }
                ul {
                    @for (name, msgs) in &problems.fields {
                        @for msg in msgs {
                            li { a href=(field_anchor(name)) { (msg.text(locale)) } }
                        }
                    }
                }
            }
        }
    }
}

/// Where a field's error leads: its control (`f-name`), or a quiz question's box (`q.id` fields).
fn field_anchor(name: &str) -> String {
    match name.strip_prefix("q.") {
        Some(question) => format!("#question-{}", question.split('.').next().unwrap_or(question)),
        None => format!("#f-{name}"),
    }
}

/// The hidden CSRF field every form carries.
pub fn csrf_field(token: &str) -> Markup {
    html! { input type="hidden" name=(csrf::FORM_FIELD) value=(token); }
}

/// A field whose control is not a plain input (a textarea, a select, a group of radios): the label, hint
/// and errors around it, as `Input::render` draws them. `control` gets the control's id and the ids that
/// describe it.
pub fn field_with(
    locale: Locale,
    problems: &Problems,
    name: &str,
    label: &str,
    hint: Option<&str>,
    control: impl FnOnce(&str, Option<&str>) -> Markup,
) -> Markup {
    let id = format!("f-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let errors = problems.fields.get(name);
    let described: Vec<&str> =
        [hint.map(|_| hint_id.as_str()), errors.map(|_| error_id.as_str())].into_iter().flatten().collect();
    let described = described.join(" ");
    html! {
        div.field.invalid[errors.is_some()] {
            label for=(id) { (label) }
            @if let Some(hint) = hint { p.hint id=(hint_id) { (hint) } }
            @if let Some(errors) = errors {
                ul.field-errors id=(error_id) { @for e in errors { li { (e.text(locale)) } } }
            }
            (control(&id, (!described.is_empty()).then_some(described.as_str())))
        }
    }
}
