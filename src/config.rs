//! Settings: environment variables first, then an optional `pravo.toml`, then defaults.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::db::DatabaseUrl;

#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub database_url: DatabaseUrl,
    pub bind: String,
    pub base_url: String,
    pub site_name: String,
    pub issuer_name: String,
    pub reminder_days: u32,
    /// How often each instance looks for due reminders.
    pub reminder_check_seconds: u64,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    pub trust_proxy: bool,
    /// HTTP worker threads; `None` lets actix pick one per core.
    pub workers: Option<usize>,
    /// The shipped course folders, imported into an empty database on first start.
    pub courses_dir: PathBuf,
    /// The first delay before a failed email is retried; it doubles up to the maximum.
    pub mail_retry_seconds: u64,
    pub mail_retry_max_seconds: u64,
    /// Start even when the SQLite database file can be read by other users of the machine.
    pub allow_readable_database: bool,
    /// Days an outgoing .eml file (written when there is no `SMTP_URL`) is kept; 0 keeps them.
    pub eml_keep_days: u32,
    /// Hours a session may go unused before it ends; 0: only the absolute lifetime ends it.
    pub session_idle_hours: u32,
    /// Seconds a request body may take to arrive.
    pub body_timeout_seconds: u32,
    /// Months an application that was not awarded is kept after its decision; 0 keeps them.
    pub retain_applications_months: u32,
    /// Days an unsent draft is kept after its call closed; 0 keeps them.
    pub retain_drafts_days: u32,
    /// Days the record of a sent email is kept; 0 keeps them.
    pub retain_mail_days: u32,
    /// Months without use after which an account is erased (after a warning); 0: never.
    pub inactive_account_months: u32,
    /// Where the "Exit" control of every page leads: a neutral site (Pravo loads nothing from it).
    pub exit_url: String,
    /// The Bearer token `/metrics` asks for; without one, `/metrics` does not exist (404).
    pub metrics_token: Option<String>,
    /// A second address of the same site, an onion service the operator runs with Tor
    /// (`http://….onion`): pages answer under both, and pages on `base_url` point Tor Browser to it.
    pub onion_url: Option<String>,
    /// Days an administrator may act without a second factor after becoming one.
    pub admin_second_factor_grace_days: u32,
    /// A file holding the key that wraps the signing keys stored in the database (outside the data folder).
    pub secret_key_file: Option<PathBuf>,
}

/// The quick exit's default: a weather page, neutral in every country Pravo serves.
pub const DEFAULT_EXIT_URL: &str = "https://www.accuweather.com/";

/// The keys a `pravo.toml` may hold: the environment variable names in lower case, without `PRAVO_`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    data_dir: Option<String>,
    database_url: Option<String>,
    bind: Option<String>,
    base_url: Option<String>,
    site_name: Option<String>,
    issuer_name: Option<String>,
    reminder_days: Option<u32>,
    reminder_check_seconds: Option<u32>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    trust_proxy: Option<bool>,
    workers: Option<usize>,
    courses_dir: Option<String>,
    mail_retry_seconds: Option<u32>,
    mail_retry_max_seconds: Option<u32>,
    allow_readable_database: Option<bool>,
    eml_keep_days: Option<u32>,
    session_idle_hours: Option<u32>,
    body_timeout_seconds: Option<u32>,
    exit_url: Option<String>,
    retain_applications_months: Option<u32>,
    retain_drafts_days: Option<u32>,
    retain_mail_days: Option<u32>,
    inactive_account_months: Option<u32>,
    metrics_token: Option<String>,
    onion_url: Option<String>,
    admin_second_factor_grace_days: Option<u32>,
    secret_key_file: Option<String>,
}

/// The exit address must be an absolute http(s) URL: the control must always lead away.
fn exit_url(value: Option<String>) -> Result<String, String> {
    let Some(value) = value else { return Ok(DEFAULT_EXIT_URL.to_owned()) };
    match url::Url::parse(&value) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(value),
        _ => Err(format!("PRAVO_EXIT_URL must be an http:// or https:// address (got {value:?})")),
    }
}

/// The address for links sent to someone: the onion one if there is one and she uses it, else the clearnet
/// one (the rule `Settings::site_url`, the scholarship mails and the reminders share).
pub fn site_url<'a>(base_url: &'a str, onion_url: Option<&'a str>, via_onion: bool) -> &'a str {
    match onion_url {
        Some(onion) if via_onion => onion,
        _ => base_url,
    }
}

/// An onion address is an http(s) URL whose host ends in `.onion`, without a path.
fn onion_url(value: Option<String>) -> Result<Option<String>, String> {
    let Some(value) = value.filter(|v| !v.trim().is_empty()) else { return Ok(None) };
    let value = value.trim().trim_end_matches('/').to_owned();
    match url::Url::parse(&value) {
        Ok(u)
            if matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| h.ends_with(".onion"))
                && u.path() == "/"
                && u.query().is_none() =>
        {
            Ok(Some(value))
        }
        _ => Err(format!("PRAVO_ONION_URL must be an http:// or https:// address ending in .onion (got {value:?})")),
    }
}

impl Settings {
    /// Reads the environment and `pravo.toml` (or the file `PRAVO_CONFIG` names) from the working folder.
    pub fn load() -> Result<Self, String> {
        let path = std::env::var("PRAVO_CONFIG").unwrap_or_else(|_| "pravo.toml".to_owned());
        let file = if Path::new(&path).exists() {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
            toml::from_str(&text).map_err(|e| format!("{path}: {e}"))?
        } else {
            FileSettings::default()
        };
        Self::resolve(|name| std::env::var(name).ok().filter(|v| !v.is_empty()), file)
    }

    fn resolve(env: impl Fn(&str) -> Option<String>, file: FileSettings) -> Result<Self, String> {
        let data_dir = PathBuf::from(env("PRAVO_DATA_DIR").or(file.data_dir).unwrap_or_else(|| "data".into()));
        let database_url = env("DATABASE_URL")
            .or(file.database_url)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("pravo.db").display()));
        let database_url = DatabaseUrl::parse(&database_url)?;
        let bind = env("PRAVO_BIND").or(file.bind).unwrap_or_else(|| "127.0.0.1:8080".into());
        let base_url = env("PRAVO_BASE_URL")
            .or(file.base_url)
            .unwrap_or_else(|| format!("http://{bind}"))
            .trim_end_matches('/')
            .to_owned();
        let parsed = url::Url::parse(&base_url).map_err(|e| format!("PRAVO_BASE_URL {base_url:?}: {e}"))?;
        let host = parsed.host_str().unwrap_or("localhost").to_owned();
        let number = |name: &str, fallback: Option<u32>, default: u32| -> Result<u32, String> {
            match env(name) {
                Some(v) => v.parse().map_err(|_| format!("{name} must be a whole number (got {v:?})")),
                None => Ok(fallback.unwrap_or(default)),
            }
        };
        let flag = |name: &str, fallback: Option<bool>| match env(name).as_deref() {
            Some("1" | "true" | "yes") => true,
            Some(_) => false,
            None => fallback.unwrap_or(false),
        };
        Ok(Settings {
            database_url,
            bind,
            site_name: env("PRAVO_SITE_NAME").or(file.site_name).unwrap_or_else(|| "Pravo".into()),
            issuer_name: env("PRAVO_ISSUER_NAME").or(file.issuer_name).unwrap_or_else(|| "Pravo".into()),
            reminder_days: number("PRAVO_REMINDER_DAYS", file.reminder_days, 14)?,
            reminder_check_seconds: u64::from(number(
                "PRAVO_REMINDER_CHECK_SECONDS",
                file.reminder_check_seconds,
                3600,
            )?),
            smtp_url: env("SMTP_URL").or(file.smtp_url),
            mail_from: env("PRAVO_MAIL_FROM").or(file.mail_from).unwrap_or_else(|| format!("noreply@{host}")),
            trust_proxy: flag("PRAVO_TRUST_PROXY", file.trust_proxy),
            workers: match env("PRAVO_WORKERS") {
                Some(v) => Some(v.parse().map_err(|_| format!("PRAVO_WORKERS must be a whole number (got {v:?})"))?),
                None => file.workers,
            },
            mail_retry_seconds: u64::from(number("PRAVO_MAIL_RETRY_SECONDS", file.mail_retry_seconds, 10)?),
            mail_retry_max_seconds: u64::from(number(
                "PRAVO_MAIL_RETRY_MAX_SECONDS",
                file.mail_retry_max_seconds,
                300,
            )?),
            courses_dir: PathBuf::from(
                env("PRAVO_COURSES_DIR").or(file.courses_dir).unwrap_or_else(|| "courses".into()),
            ),
            allow_readable_database: flag("PRAVO_ALLOW_READABLE_DATABASE", file.allow_readable_database),
            eml_keep_days: number("PRAVO_EML_KEEP_DAYS", file.eml_keep_days, 7)?,
            session_idle_hours: number("PRAVO_SESSION_IDLE_HOURS", file.session_idle_hours, 12)?,
            body_timeout_seconds: number("PRAVO_BODY_TIMEOUT_SECONDS", file.body_timeout_seconds, 30)?,
            exit_url: exit_url(env("PRAVO_EXIT_URL").or(file.exit_url))?,
            retain_applications_months: number(
                "PRAVO_RETAIN_APPLICATIONS_MONTHS",
                file.retain_applications_months,
                12,
            )?,
            retain_drafts_days: number("PRAVO_RETAIN_DRAFTS_DAYS", file.retain_drafts_days, 30)?,
            retain_mail_days: number("PRAVO_RETAIN_MAIL_DAYS", file.retain_mail_days, 30)?,
            inactive_account_months: number("PRAVO_INACTIVE_ACCOUNT_MONTHS", file.inactive_account_months, 0)?,
            admin_second_factor_grace_days: number(
                "PRAVO_ADMIN_SECOND_FACTOR_GRACE_DAYS",
                file.admin_second_factor_grace_days,
                7,
            )?,
            secret_key_file: env("PRAVO_SECRET_KEY_FILE")
                .or(file.secret_key_file)
                .filter(|f| !f.is_empty())
                .map(PathBuf::from),
            metrics_token: env("PRAVO_METRICS_TOKEN").or(file.metrics_token).filter(|t| !t.trim().is_empty()),
            onion_url: onion_url(env("PRAVO_ONION_URL").or(file.onion_url))?,
            base_url,
            data_dir,
        })
    }

    /// How long a session may go unused before it ends.
    pub fn admin_second_factor_grace(&self) -> chrono::Duration {
        chrono::Duration::days(i64::from(self.admin_second_factor_grace_days))
    }

    pub fn session_idle(&self) -> chrono::Duration {
        if self.session_idle_hours == 0 {
            chrono::Duration::days(36_500)
        } else {
            chrono::Duration::hours(i64::from(self.session_idle_hours))
        }
    }

    /// How long a request body may take to arrive.
    pub fn body_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(u64::from(self.body_timeout_seconds.max(1)))
    }

    /// The address links sent to someone should use: the onion one for someone who uses it.
    pub fn site_url(&self, via_onion: bool) -> &str {
        site_url(&self.base_url, self.onion_url.as_deref(), via_onion)
    }

    /// The host of the onion address, if there is one.
    pub fn onion_host(&self) -> Option<String> {
        let onion = self.onion_url.as_deref()?;
        url::Url::parse(onion).ok()?.host_str().map(str::to_owned)
    }

    /// Whether cookies must be `Secure` and `__Host-` prefixed.
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// Creates the data folder 0700 (and the SQLite file 0600 in its folder) if missing; tightens a folder
    /// that others can read, with a warning; refuses a database file that others can read unless
    /// `allow_readable_database` is set.
    pub fn create_folders(&self) -> Result<(), String> {
        use crate::core::private_files;
        let database = match &self.database_url {
            DatabaseUrl::Sqlite(path) => Some(PathBuf::from(path)),
            DatabaseUrl::Postgres(_) => None,
        };
        let keep = database.as_deref().map(private_files::database_files).unwrap_or_default();
        let changed = private_files::secure_data_dir(&self.data_dir, &keep)
            .map_err(|e| format!("cannot secure the data folder {}: {e}", self.data_dir.display()))?;
        for path in changed {
            tracing::warn!(path = %path.display(), "was readable by other users of this machine; now only Pravo's user can read it");
        }
        if let Some(database) = database {
            if let Some(parent) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
                private_files::create_dir(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            private_files::create_empty_if_missing(&database)
                .map_err(|e| format!("cannot create {}: {e}", database.display()))?;
            private_files::check_database_file(&database, self.allow_readable_database)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn defaults_put_the_database_in_the_data_folder() {
        let s = Settings::resolve(env_of(&[]), FileSettings::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.database_url, DatabaseUrl::Sqlite("data/pravo.db".into()));
        assert_eq!(s.base_url, "http://127.0.0.1:8080");
        assert_eq!(s.mail_from, "noreply@127.0.0.1");
    }

    #[test]
    fn environment_wins_over_the_file() {
        let file =
            FileSettings { bind: Some("0.0.0.0:9000".into()), site_name: Some("File".into()), ..Default::default() };
        let s = Settings::resolve(env_of(&[("PRAVO_SITE_NAME", "Env")]), file).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.site_name, "Env");
        assert_eq!(s.bind, "0.0.0.0:9000");
    }

    #[test]
    fn an_unknown_database_scheme_is_refused_clearly() {
        let err = Settings::resolve(env_of(&[("DATABASE_URL", "mysql://x")]), FileSettings::default())
            .err()
            .unwrap_or_default();
        assert!(err.contains("sqlite://, postgres:// or postgresql://"), "{err}");
        let abs = Settings::resolve(env_of(&[("DATABASE_URL", "sqlite:///tmp/p.db")]), FileSettings::default());
        assert_eq!(abs.map(|s| s.database_url).ok(), Some(DatabaseUrl::Sqlite("/tmp/p.db".into())));
    }

    #[test]
    fn an_onion_address_must_be_one() {
        let onion = "http://pravoexampleabcdefghijklmnopqrstuvwxyz234567abcdefghijklm.onion";
        let ok = Settings::resolve(env_of(&[("PRAVO_ONION_URL", "http://abc.onion/")]), FileSettings::default());
        assert_eq!(ok.ok().and_then(|s| s.onion_url), Some("http://abc.onion".to_owned()));
        for bad in ["https://example.org", "abc.onion", "http://abc.onion/path", "ftp://abc.onion"] {
            let pairs: &'static [(&'static str, &'static str)] = Box::leak(Box::new([("PRAVO_ONION_URL", bad)]));
            let err = Settings::resolve(env_of(pairs), FileSettings::default()).err().unwrap_or_default();
            assert!(err.contains("PRAVO_ONION_URL"), "{bad}: {err}");
        }
        let s = Settings {
            onion_url: Some(onion.into()),
            ..Settings::resolve(env_of(&[]), FileSettings::default()).unwrap_or_else(|e| panic!("{e}"))
        };
        assert_eq!(s.site_url(true), onion);
        assert_eq!(s.site_url(false), "http://127.0.0.1:8080");
    }
}
