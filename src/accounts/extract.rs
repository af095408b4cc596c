//! Who is asking, in which language: the `Viewer` extractor. It reads the session (Bearer token or
//! cookie), reloads the user on every request (so a role change applies at once), picks the language and
//! prepares the CSRF token that the page's forms carry.

use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};

use crate::accounts::{self, LiveSession, model::Role, model::User};
use crate::auth::csrf::{self, CsrfKey};
use crate::auth::tokens::Claims;
use crate::core::error::AppError;
use crate::i18n::Locale;
use crate::web::cookies::{NewCsrfCookie, csrf_cookie_name, session_cookie_name};
use crate::web::layout::{Reader, Reading, SecondFactorDue, SignedIn};
use crate::web::request::{bearer_token, is_unsafe, locale_without_user};
use crate::web::state::state;

/// The person behind a request (or nobody), with their language and CSRF token.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: Option<User>,
    pub locale: Locale,
    /// The token this page's forms must carry.
    pub csrf_token: String,
    /// The session's id (`sid`), when signed in.
    pub session_id: Option<String>,
    /// Signed in with `Authorization: Bearer` rather than the cookie.
    pub via_bearer: bool,
}

impl Viewer {
    /// Switches her language for this page and the ones after (kept on the account when signed in, and in
    /// the cookie): for a page's own form sent by a language button (`web::layout::switched_language`).
    /// The response must set the cookie returned.
    pub async fn switch_language(
        &mut self,
        state: &crate::web::state::AppState,
        locale: Locale,
    ) -> Result<actix_web::cookie::Cookie<'static>, AppError> {
        if let Some(user) = &mut self.user {
            accounts::set_locale(&state.db, &user.id, locale).await?;
            user.locale = locale;
        }
        self.locale = locale;
        Ok(crate::web::cookies::language(&state.settings, locale.code()))
    }

    pub fn user(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthorized)
    }

    /// The user, if their role is one of `roles` (401 when not signed in, 403 otherwise; an administrator
    /// past the grace period without a second factor gets 403 `second_factor_setup_required`).
    pub fn require(&self, roles: &[Role]) -> Result<&User, AppError> {
        let user = self.user()?;
        if user.admin_locked && roles.contains(&Role::Admin) {
            return Err(AppError::SecondFactorSetupRequired);
        }
        if roles.contains(&user.role) && !user.admin_locked { Ok(user) } else { Err(AppError::Forbidden) }
    }

    pub fn admin(&self) -> Result<&User, AppError> {
        self.require(&[Role::Admin])
    }

    /// Works out the viewer of a request once; later extractions reuse it.
    pub async fn of(req: &HttpRequest) -> Result<Viewer, AppError> {
        if let Some(viewer) = req.extensions().get::<Viewer>() {
            return Ok(viewer.clone());
        }
        let pending = PendingViewer::of(req)?;
        let found = match pending.claims.clone() {
            Some(claims) => {
                let state = state(req)?;
                let idle = state.settings.session_idle();
                let count = pending.counts_notices();
                state.db.read(move |conn| accounts::authenticate_in(conn, &claims, idle, count)).await?
            }
            None => None,
        };
        pending.finish(req, found).await
    }
}

/// The part of working out the viewer that needs no database: the session token checked for its
/// signature and expiry, and the CSRF cookie. A route that reads the database anyway runs the session
/// check ([`accounts::authenticate_in`]) in its own hop with [`PendingViewer::claims`] and then calls
/// [`PendingViewer::finish`]: one trip to the blocking pool instead of two.
pub struct PendingViewer {
    claims: Option<Claims>,
    via_bearer: bool,
    csrf_cookie: String,
    fresh_csrf: bool,
}

impl PendingViewer {
    pub fn of(req: &HttpRequest) -> Result<PendingViewer, AppError> {
        let state = state(req)?;
        let bearer = bearer_token(req);
        let via_bearer = bearer.is_some();
        let token = bearer.or_else(|| req.cookie(&session_cookie_name(&state.settings)).map(|c| c.value().to_owned()));
        let claims = token.and_then(|token| accounts::verify_session_token(&state.tokens, &token));
        let (csrf_cookie, fresh_csrf) = match req.cookie(&csrf_cookie_name(&state.settings)) {
            Some(c) if !c.value().is_empty() => (c.value().to_owned(), false),
            _ => (CsrfKey::new_cookie_value(), true),
        };
        Ok(PendingViewer { claims, via_bearer, csrf_cookie, fresh_csrf })
    }

    /// Whether the session check should count unread notices: for pages (their navigation shows it), not
    /// for Bearer-token API calls.
    pub fn counts_notices(&self) -> bool {
        !self.via_bearer
    }

    /// The checked claims of the session token, if the request carries a genuine one.
    pub fn claims(&self) -> Option<&Claims> {
        self.claims.as_ref()
    }

    /// The viewer, from what the session check found (nothing: not signed in, or the session ended).
    pub async fn finish(self, req: &HttpRequest, found: Option<LiveSession>) -> Result<Viewer, AppError> {
        let state = state(req)?;
        let session = match (found, self.claims) {
            (Some(live), Some(claims)) => accounts::finish_authentication(&state.db, live, claims).await?,
            _ => None,
        };
        if self.fresh_csrf {
            req.extensions_mut().insert(NewCsrfCookie(self.csrf_cookie.clone()));
        }
        if session.is_some() && !self.via_bearer && is_unsafe(req.method()) && req.path().starts_with("/api/") {
            let header = req.headers().get(csrf::HEADER).and_then(|h| h.to_str().ok()).unwrap_or_default();
            if self.fresh_csrf || !state.csrf.is_valid(&self.csrf_cookie, header) {
                return Err(AppError::CsrfRejected);
            }
        }
        let grace = state.settings.admin_second_factor_grace();
        let (user, session_id) = match session {
            Some((mut user, claims)) => {
                user.admin_locked = user.second_factor_grace_until(grace).is_some_and(|until| crate::db::now() > until);
                (Some(user), Some(claims.sid))
            }
            None => (None, None),
        };
        let locale = user.as_ref().map(|u| u.locale).unwrap_or_else(|| locale_without_user(req));
        let viewer = Viewer {
            user,
            locale,
            csrf_token: state.csrf.token_for(&self.csrf_cookie),
            session_id,
            via_bearer: self.via_bearer,
        };
        req.extensions_mut().insert(viewer.clone());
        Ok(viewer)
    }
}

impl FromRequest for Viewer {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Viewer, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Viewer::of(&req).await })
    }
}

impl Reading for Viewer {
    fn reader(&self) -> Reader {
        Reader {
            locale: self.locale,
            csrf: self.csrf_token.clone(),
            signed_in: self.user.as_ref().map(|u| SignedIn {
                handle: u.handle.clone(),
                staff: u.is_staff(),
                admin: u.is_admin(),
                unread: u.unread_notices,
                reviews: u.reviews_waiting,
                second_factor: (u.role == Role::Admin && !u.second_factor).then_some(if u.admin_locked {
                    SecondFactorDue::Locked
                } else {
                    SecondFactorDue::InGrace
                }),
            }),
        }
    }
}

/// Who is reading, for the error pages of the web layer (registered by app.rs as its `ReaderLookup`).
pub fn reader_of(req: HttpRequest) -> crate::web::errors::FutureReader {
    Box::pin(async move { Viewer::of(&req).await.ok().map(|v| v.reader()) })
}
