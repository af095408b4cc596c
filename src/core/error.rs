//! The one error type. Handlers and domain functions return `AppError`; it knows no HTTP. It becomes a
//! response in exactly one place, `web::errors`: `error_response` marks the response, and `render` turns
//! the mark into the JSON error body (under /api/) or an HTML page, in the reader's language.

use std::collections::BTreeMap;

use crate::i18n::Msg;

/// A request body as the API received it: parsed, or why not. Domain functions take it unchecked and
/// look at it only after they have found the object and authorised the actor, so that the API answers
/// in its fixed order (401 → 403 → 404 → 400/413/422 → 409) without a second lookup in the handler.
pub type Unchecked<T> = Result<T, AppError>;

/// Field name → messages, as in the API's `fields`.
pub type FieldErrors = BTreeMap<String, Vec<Msg>>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("bad request")]
    BadRequest(Msg),
    #[error("not signed in")]
    Unauthorized,
    /// A wrong password or an unknown handle: one answer for both.
    #[error("bad credentials")]
    BadCredentials,
    #[error("forbidden")]
    Forbidden,
    /// A step that needs the password again (export, erasure, changing the email), and it was missing or
    /// wrong: someone holding an unlocked phone cannot take or erase the account's data.
    #[error("re-authentication required")]
    ReauthenticationRequired,
    /// The right password of an account with a second factor, without the right code (401).
    #[error("second factor required")]
    SecondFactorRequired,
    /// An administrator past the grace period without a second factor: only enrolling one is allowed (403).
    #[error("second factor setup required")]
    SecondFactorSetupRequired,
    /// A form or cookie-authenticated API call without a valid CSRF token, or from another site.
    #[error("csrf check failed")]
    CsrfRejected,
    #[error("not found")]
    NotFound,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("validation failed")]
    Validation(FieldErrors),
    #[error("conflict")]
    Conflict(Msg),
    /// The request's body did not arrive in time (a slow client holding a connection open).
    #[error("request body too slow")]
    RequestTimeout,
    #[error("rate limited")]
    RateLimited { retry_after_seconds: u64 },
    /// A source text (GIFT, Aiken) that does not parse: 422 on `field`, with where.
    #[error("syntax error at {line}:{column}: {}", detail.id)]
    Syntax { field: String, line: usize, column: usize, detail: Msg },
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn internal(detail: impl Into<String>) -> Self {
        AppError::Internal(detail.into())
    }

    /// One validation message on one field.
    pub fn field(field: &str, msg: Msg) -> Self {
        let mut fields = FieldErrors::new();
        fields.insert(field.to_owned(), vec![msg]);
        AppError::Validation(fields)
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthorized | AppError::BadCredentials => "unauthorized",
            AppError::Forbidden | AppError::CsrfRejected => "forbidden",
            AppError::ReauthenticationRequired => "reauthentication_required",
            AppError::SecondFactorRequired => "second_factor_required",
            AppError::SecondFactorSetupRequired => "second_factor_setup_required",
            AppError::NotFound => "not_found",
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::Validation(_) | AppError::Syntax { .. } => "validation_failed",
            AppError::Conflict(_) => "conflict",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::RequestTimeout => "request_timeout",
            AppError::Internal(_) => "internal",
        }
    }

    /// The messages per field of a validation or syntax error (empty for other errors).
    pub fn field_errors(&self) -> FieldErrors {
        match self {
            AppError::Validation(fields) => fields.clone(),
            AppError::Syntax { field, line, column, detail } => {
                let msg =
                    Msg::new("error-syntax").with("line", *line).with("column", *column).with("detail", detail.clone());
                FieldErrors::from([(field.clone(), vec![msg])])
            }
            _ => FieldErrors::new(),
        }
    }

    /// The headline message of the error, in Fluent terms.
    pub fn message(&self) -> Msg {
        match self {
            AppError::BadRequest(msg) | AppError::Conflict(msg) => msg.clone(),
            AppError::RateLimited { retry_after_seconds } => {
                Msg::new("error-rate-limited").with("minutes", retry_after_seconds.div_ceil(60) as i64)
            }
            AppError::BadCredentials => Msg::new("error-bad-credentials"),
            AppError::CsrfRejected => Msg::new("error-csrf"),
            AppError::Syntax { .. } => Msg::new("error-validation-failed"),
            other => Msg::new(format!("error-{}", other.code().replace('_', "-"))),
        }
    }
}

impl From<validator::ValidationErrors> for AppError {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut fields = FieldErrors::new();
        for (field, list) in errors.field_errors() {
            let messages = list
                .iter()
                .map(|e| {
                    let mut msg = Msg::new(format!("error-{}", e.code));
                    for (name, value) in &e.params {
                        if let Some(n) = value.as_i64()
                            && let Some(name) = PARAM_NAMES.iter().find(|p| **p == name.as_ref())
                        {
                            msg = msg.with(name, n);
                        }
                    }
                    msg
                })
                .collect();
            fields.insert(field.to_string(), messages);
        }
        AppError::Validation(fields)
    }
}

/// Numeric validator parameters that messages may use (`{ $min }`, `{ $max }`).
const PARAM_NAMES: [&str; 2] = ["min", "max"];
