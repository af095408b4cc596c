//! What every handler may reach: infrastructure only (the database, settings, token and CSRF keys, rate
//! limits). Each domain's own context is its own `web::Data`, registered in app.rs and read by that
//! domain alone.

use actix_web::{HttpRequest, web};

use crate::auth::csrf::CsrfKey;
use crate::auth::ratelimit::RateLimiter;
use crate::auth::tokens::Tokens;
use crate::config::Settings;
use crate::core::error::AppError;
use crate::db::Db;

pub struct AppState {
    pub db: Db,
    pub settings: Settings,
    pub tokens: Tokens,
    pub csrf: CsrfKey,
    pub limits: RateLimiter,
}

/// The state of the application serving `req`.
pub fn state(req: &HttpRequest) -> Result<&AppState, AppError> {
    req.app_data::<web::Data<AppState>>()
        .map(|d| d.get_ref())
        .ok_or_else(|| AppError::internal("application state missing"))
}
