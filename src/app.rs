//! `Application::build` is the only way Pravo starts, in `main` and in the tests: it prepares the
//! database, binds the listener (port 0 picks a free one) and wires the state and the routes.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpResponse, HttpServer, web};

use crate::auth::csrf::CsrfKey;
use crate::auth::ratelimit::RateLimiter;
use crate::auth::tokens::Tokens;
use crate::certificates::CertSettings;
use crate::config::Settings;
use crate::core::error::AppError;
use crate::db::{self, Db, Secrets};
use crate::i18n::Msg;
use crate::mail::{MailSettings, Mailer};
use crate::progress::Reading;
use crate::progress::activity::{self, ActivityLog};
use crate::web::errors::ReaderLookup;
use crate::web::state::AppState;
use crate::{accounts, api, courses, home, web as pweb};

/// Each domain's own context, registered beside the infrastructure state and read by that domain alone.
#[derive(Clone)]
struct Contexts {
    reading: web::Data<Reading>,
    mail: web::Data<MailSettings>,
    certs: web::Data<CertSettings>,
    scholarships: web::Data<crate::scholarships::Context>,
    privacy: web::Data<accounts::privacy::Parts>,
    privacy_files: web::Data<accounts::privacy::Files>,
    mail_heartbeat: web::Data<crate::mail::Heartbeat>,
}

pub struct Application {
    port: u16,
    server: Server,
    /// A link to create the first administrator, while the database has none.
    pub bootstrap_link: Option<String>,
    state: web::Data<AppState>,
    contexts: Contexts,
    mailer: std::sync::Arc<Mailer>,
    keeper: accounts::privacy::retention::Keeper,
}

/// Blocking threads per HTTP worker.
const BLOCKING_THREADS_PER_WORKER: usize = 4;

/// The largest request body: forms and JSON alike.
pub const BODY_LIMIT: usize = 256 * 1024;

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, AppError> {
        settings.create_folders().map_err(AppError::internal)?;
        crate::quizzes::hooks::connect(crate::progress::completion::on_graded);
        crate::accounts::hooks::connect_reviews_waiting(crate::scholarships::review::reviews_waiting);
        let url = settings.database_url.clone();
        let courses_dir = settings.courses_dir.clone();
        let key_file = settings.secret_key_file.clone();
        let secrets = web::block(move || -> Result<Secrets, AppError> {
            let mut conn = db::prepare(&url)?;
            db::with_startup_lock(&mut conn, |conn| {
                let secrets = db::write_transaction(conn, |c| Secrets::load_with_key_file(c, key_file.as_deref()))?;
                accounts::audit::chain_old_audit_entries(conn)?;
                accounts::fill_handle_skeletons(conn)?;
                crate::course_files::import_shipped_courses(conn, &courses_dir)?;
                Ok(secrets)
            })
        })
        .await
        .map_err(|e| AppError::internal(format!("start-up task failed: {e}")))??;
        let db = Db::connect(&settings.database_url)?;
        let tokens = Tokens::new(&secrets.token_key)?;
        let bootstrap_link = if accounts::admin_exists(&db).await? {
            None
        } else {
            Some(accounts::bootstrap_link(&tokens, &settings.base_url)?)
        };
        let listener = TcpListener::bind(&settings.bind)
            .map_err(|e| AppError::internal(format!("cannot listen on {}: {e}", settings.bind)))?;
        let port = listener.local_addr().map_err(|e| AppError::internal(e.to_string()))?.port();
        let workers = settings.workers;
        let keeper = retention_keeper(&settings, &secrets)?;
        let contexts = Contexts {
            reading: web::Data::new(Reading::default()),
            mail: web::Data::new(MailSettings::from_settings(&settings)),
            certs: web::Data::new(CertSettings::from_settings(&settings, &secrets.credential_seed)?),
            scholarships: web::Data::new(crate::scholarships::Context::from_settings(&settings)),
            privacy: web::Data::new(keeper.parts.clone()),
            privacy_files: web::Data::new(keeper.files.clone()),
            mail_heartbeat: web::Data::new(crate::mail::Heartbeat::default()),
        };
        // Several instances share one PostgreSQL: their limits must count the same events. One SQLite file
        // means one instance, whose memory is enough.
        let limits = match db.backend() {
            db::Backend::Sqlite => RateLimiter::in_memory(),
            db::Backend::Postgres => RateLimiter::shared(db.clone(), &secrets.csrf_key),
        };
        let state = web::Data::new(AppState { db, settings, tokens, csrf: CsrfKey::new(&secrets.csrf_key), limits });
        let mailer = std::sync::Arc::new(Mailer::new(contexts.mail.get_ref().clone())?);
        let shared = state.clone();
        let shared_contexts = contexts.clone();
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(contexts.reading.clone())
                .app_data(contexts.mail.clone())
                .app_data(contexts.certs.clone())
                .app_data(contexts.scholarships.clone())
                .app_data(contexts.privacy.clone())
                .app_data(contexts.privacy_files.clone())
                .app_data(contexts.mail_heartbeat.clone())
                .app_data(ReaderLookup(accounts::extract::reader_of))
                .app_data(json_config())
                .app_data(web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()))
                .app_data(
                    web::QueryConfig::default()
                        .error_handler(|_, _| AppError::BadRequest(Msg::new("error-bad-query")).into()),
                )
                .app_data(web::PayloadConfig::new(BODY_LIMIT))
                .app_data(web::FormConfig::default().limit(BODY_LIMIT))
                .wrap(from_fn(pweb::errors::render))
                .wrap(from_fn(pweb::headers::finish))
                .wrap(Compress::default())
                .wrap(from_fn(pweb::observe::observe))
                .configure(routes)
                .default_service(web::to(not_found))
        });
        if let Some(workers) = workers {
            server = server.workers(workers);
        }
        // Blocking work (database, argon2, PDF) runs on a few threads per worker: the pool has a handful of
        // connections, and every idle thread costs memory (actix's default is 512 / workers).
        server = server.worker_max_blocking_threads(BLOCKING_THREADS_PER_WORKER);
        let server = server.listen(listener).map_err(|e| AppError::internal(format!("cannot serve: {e}")))?.run();
        Ok(Self { port, server, bootstrap_link, state: shared, contexts: shared_contexts, mailer, keeper })
    }

    /// The application's database pool (tests read its statement count).
    pub fn db(&self) -> crate::db::Db {
        self.state.db.clone()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until the server stops, writing "continue here" markers in the background; the last ones
    /// are written on the way out.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let state = self.state.clone();
        let activity = self.contexts.reading.activity.clone();
        let reminder_every = std::time::Duration::from_secs(state.settings.reminder_check_seconds.max(1));
        let result = tokio::select! {
            result = self.server => result,
            () = write_activity_forever(state.db.clone(), activity.clone()) => Ok(()),
            () = forget_old_sessions_forever(state.db.clone()) => Ok(()),
            () = sweep_limits_forever(state.clone()) => Ok(()),
            () = retention_forever(state.db.clone(), self.keeper) => Ok(()),
            () = crate::mail::run_worker(
                state.db.clone(),
                self.mailer,
                self.contexts.mail_heartbeat.get_ref().clone(),
            ) => Ok(()),
            () = crate::certificates::run_issuer(state.db.clone(), self.contexts.certs.get_ref().clone()) => Ok(()),
            () = crate::reminders::run(
                state.db.clone(),
                reminder_settings(&state, &self.contexts.mail),
                reminder_every,
            ) => Ok(()),
        };
        if let Err(e) = activity.flush(&state.db).await {
            tracing::warn!(error = %e, "could not write reading positions");
        }
        result
    }
}

/// Each domain's part of the privacy request, in domain order (accounts adds its own).
pub fn privacy_parts(certs: CertSettings) -> accounts::privacy::Parts {
    accounts::privacy::Parts::new(vec![
        courses::privacy::part(),
        crate::quizzes::privacy::part(),
        crate::progress::privacy::part(),
        crate::certificates::privacy::part(certs),
        crate::scholarships::privacy::part(),
    ])
}

fn reminder_settings(state: &AppState, mail: &MailSettings) -> crate::reminders::ReminderSettings {
    crate::reminders::ReminderSettings {
        days: state.settings.reminder_days,
        base_url: state.settings.base_url.clone(),
        onion_url: state.settings.onion_url.clone(),
        site_name: state.settings.site_name.clone(),
        tokens: state.tokens.clone(),
        mail: mail.clone(),
    }
}

/// Ended and expired sessions are forgotten after a day: nothing is kept longer than needed.
async fn forget_old_sessions_forever(db: Db) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        if let Err(e) = accounts::sessions::forget_old(&db).await {
            tracing::warn!(error = %e, "could not forget old sessions");
        }
    }
}

/// Shared rate-limit events are deleted once no limit counts them any more.
async fn sweep_limits_forever(state: web::Data<AppState>) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        tick.tick().await;
        state.limits.sweep().await;
    }
}

/// What a retention run needs (the server's daily run and `pravo retention run` alike).
pub fn retention_keeper(
    settings: &Settings,
    secrets: &Secrets,
) -> Result<accounts::privacy::retention::Keeper, AppError> {
    let mail = MailSettings::from_settings(settings);
    Ok(accounts::privacy::retention::Keeper {
        rules: accounts::privacy::retention::Retention::from_settings(settings),
        parts: privacy_parts(CertSettings::from_settings(settings, &secrets.credential_seed)?),
        files: accounts::privacy::Files { eml_dir: mail.eml_dir.clone() },
        mail,
        login_url: format!("{}/login", settings.base_url),
    })
}

/// Erases what is past its keeping time, once a day (and once at start).
async fn retention_forever(db: Db, keeper: accounts::privacy::retention::Keeper) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(24 * 3600));
    loop {
        tick.tick().await;
        match accounts::privacy::retention::run(&db, &keeper).await {
            Ok(counts) => {
                let erased: usize = counts.iter().map(|(_, n)| n).sum();
                if erased > 0 {
                    tracing::info!(?counts, "retention erased what was past its keeping time");
                }
            }
            Err(e) => tracing::warn!(error = %e, "retention could not run"),
        }
    }
}

async fn write_activity_forever(db: Db, activity: ActivityLog) {
    let mut tick = tokio::time::interval(activity::FLUSH_EVERY);
    loop {
        tick.tick().await;
        if let Err(e) = activity.flush(&db).await {
            tracing::warn!(error = %e, "could not write reading positions");
        }
    }
}

fn routes(cfg: &mut web::ServiceConfig) {
    // The API first: its one static prefix is checked before the pages' patterns, each of which the router
    // would otherwise try (a regular expression each) for every API request.
    cfg.service(web::scope("/api/v1").configure(api::routes))
        .route("/healthz", web::get().to(healthz))
        .route("/readyz", web::get().to(readyz))
        .route("/metrics", web::get().to(metrics_text))
        .configure(pweb::assets::routes)
        .configure(home::routes)
        .configure(accounts::pages::routes)
        .configure(crate::progress::pages::routes)
        .configure(courses::pages::routes)
        .configure(courses::trainer::routes)
        .configure(courses::media_pages::routes)
        .configure(courses::staffing::routes)
        .configure(crate::quizzes::pages::routes)
        .configure(accounts::outbox_pages::routes)
        .configure(crate::certificates::pages::routes)
        .configure(crate::certificates::api::well_known_routes)
        .configure(crate::reminders::pages::routes)
        .configure(crate::scholarships::pages::routes)
        .configure(crate::scholarships::review_pages::routes)
        .configure(crate::scholarships::admin_pages::routes);
}

fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().limit(BODY_LIMIT).error_handler(|error, _req| {
        use actix_web::error::JsonPayloadError;
        let app_error = match error {
            JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
                AppError::PayloadTooLarge
            }
            JsonPayloadError::ContentType => AppError::BadRequest(Msg::new("error-json-content-type")),
            JsonPayloadError::Payload(actix_web::error::PayloadError::Overflow) => AppError::PayloadTooLarge,
            _ => AppError::BadRequest(Msg::new("error-bad-json")),
        };
        app_error.into()
    })
}

async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// 200 once migrations are done and the database answers.
async fn healthz(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    state
        .db
        .run(|conn| {
            use diesel::RunQueryDsl;
            diesel::sql_query("SELECT 1").execute(conn)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::Ok().content_type("text/plain").body("ok"))
}

/// Longest a ready instance's mail worker may go without a round (it goes round every few seconds; a
/// round that sends a batch through a slow SMTP server can take minutes).
const MAIL_WORKER_SILENCE: std::time::Duration = std::time::Duration::from_secs(300);

/// For a load balancer: 200 when the database answers, its migrations are current and the mail worker
/// runs; otherwise 503 within 5 seconds, naming what is wrong.
async fn readyz(state: web::Data<AppState>, heartbeat: web::Data<crate::mail::Heartbeat>) -> HttpResponse {
    let database =
        tokio::time::timeout(std::time::Duration::from_millis(4500), state.db.run(db::migrations_pending)).await;
    let mut problems = Vec::new();
    match database {
        Err(_) => problems.push("database: no answer within 4.5 s"),
        Ok(Err(_)) => problems.push("database: error"),
        Ok(Ok(true)) => problems.push("database: migrations pending"),
        Ok(Ok(false)) => {}
    }
    if !heartbeat.alive(MAIL_WORKER_SILENCE) {
        problems.push("mail worker: not running");
    }
    if problems.is_empty() {
        HttpResponse::Ok().content_type("text/plain").body("ready")
    } else {
        HttpResponse::ServiceUnavailable().content_type("text/plain").body(problems.join("\n"))
    }
}

/// The Prometheus text exposition, for whoever holds `PRAVO_METRICS_TOKEN`; 404 when none is set.
async fn metrics_text(req: actix_web::HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    use subtle::ConstantTimeEq;
    let Some(expected) = &state.settings.metrics_token else { return Err(AppError::NotFound) };
    let given = req
        .headers()
        .get("authorization")
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
        return Ok(HttpResponse::Unauthorized().insert_header(("WWW-Authenticate", "Bearer")).finish());
    }
    crate::mail::record_outbox_metrics(&state.db).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(crate::core::metrics::metrics().encode()))
}
