//! Certificates: issued once when a scholar completes a course (by a worker that picks up new
//! completions, so every path to completion issues one), printed as a PDF with the scholar's chosen
//! name, verifiable by anyone holding the code unless the holder hides it, and issued as an Open Badges
//! 3.0 credential signed with the issuer's Ed25519 key. If the scholar has an email address, the PDF is
//! sent through the outbox in the same transaction that issues it.

pub mod api;
pub mod credential;
pub mod pages;
pub mod pdf;
pub mod privacy;
mod store;

use chrono::NaiveDateTime;

use crate::accounts::model::User;
use crate::auth::ratelimit::{Limit, RateLimiter};
use crate::core::error::AppError;
use crate::db::{self, AnyConnection, Db};
use crate::i18n::{Arg, Locale, format_date, t, t_with};
use crate::mail::{self, MailSettings, Outgoing};
use credential::IssuerKey;
pub use store::Certificate;

/// What issuing needs to know.
#[derive(Debug, Clone)]
pub struct CertSettings {
    pub base_url: String,
    pub issuer_name: String,
    pub key: IssuerKey,
    pub mail: MailSettings,
}

impl CertSettings {
    pub fn from_settings(settings: &crate::config::Settings, credential_seed: &[u8]) -> Result<Self, AppError> {
        Ok(CertSettings {
            base_url: settings.base_url.clone(),
            issuer_name: settings.issuer_name.clone(),
            key: IssuerKey::new(credential_seed)?,
            mail: MailSettings::from_settings(settings),
        })
    }
}

/// The verification link of a certificate.
pub fn verify_url(base_url: &str, code: &str) -> String {
    format!("{base_url}/verify/{code}")
}

/// The PDF of a certificate, in the language it was issued in.
pub fn render_pdf(cs: &CertSettings, c: &Certificate) -> Result<Vec<u8>, AppError> {
    let l = Locale::parse(&c.locale).unwrap_or_default();
    let hours = c.hours.map(|h| t_with(l, "cert-hours", &[("count", Arg::Number(i64::from(h)))]));
    let date = t_with(l, "cert-date", &[("date", Arg::Text(format_date(l, c.issued_at)))]);
    let issuer = t_with(l, "cert-issuer", &[("issuer", Arg::Text(c.issuer.clone()))]);
    let url = verify_url(&cs.base_url, &c.code);
    let code = t_with(l, "cert-code", &[("code", Arg::Text(c.code.clone()))]);
    pdf::render(&pdf::Printed {
        heading: &t(l, "cert-heading"),
        awarded_to: &t(l, "cert-awarded-to"),
        holder: &c.holder_name,
        for_completing: &t(l, "cert-for-completing"),
        course: &c.course_title,
        hours: hours.as_deref(),
        date: &date,
        issuer: &issuer,
        verify_label: &t(l, "cert-verify"),
        verify_url: &url,
        code: &code,
    })
}

/// Issues certificates for completions that have none yet (inside a write transaction).
pub fn issue_pending(conn: &mut AnyConnection, cs: &CertSettings, limit: i64) -> Result<usize, AppError> {
    let pending = store::completions_without_certificate(conn, limit)?;
    for (course_id, user_id) in &pending {
        issue(conn, cs, course_id, user_id)?;
    }
    crate::core::metrics::metrics().certificates_issued.inc_by(pending.len() as u64);
    Ok(pending.len())
}

fn issue(conn: &mut AnyConnection, cs: &CertSettings, course_id: &str, user_id: &str) -> Result<Certificate, AppError> {
    let user =
        crate::accounts::user_by_id(conn, &crate::core::ids::UserId::from(user_id))?.ok_or(AppError::NotFound)?;
    let course = crate::courses::find_course_by_id(conn, &crate::core::ids::CourseId::from(course_id))?
        .ok_or(AppError::NotFound)?;
    let (text, _) = course.text(user.locale);
    let holder = user.certificate_name.clone().unwrap_or_else(|| user.handle.clone());
    let id = uuid::Uuid::now_v7().to_string();
    let issued_at = db::now();
    let credential = credential::sign(
        &cs.key,
        &credential::Claim {
            certificate_id: &id,
            base_url: &cs.base_url,
            issuer_name: &cs.issuer_name,
            holder_name: &holder,
            recipient_key: &user.id,
            course_slug: &course.slug,
            course_title: &text.title,
            course_summary: &text.summary,
            issued_at: issued_at.and_utc(),
        },
    )?;
    let certificate = Certificate {
        id,
        // 128 random bits: nobody can guess another certificate's code.
        code: hex::encode(rand::random::<[u8; 16]>()),
        user_id: user.id.clone(),
        course_id: course.id.clone(),
        holder_name: holder,
        course_title: text.title,
        locale: user.locale.code().into(),
        hours: course.hours,
        issuer: cs.issuer_name.clone(),
        issued_at,
        public: true,
        revoked_at: None,
        credential,
    };
    store::insert(conn, &certificate)?;
    let key = format!("certificate:{}", certificate.id);
    crate::mail::notices::leave(conn, &user.id, crate::mail::notices::Kind::Certificate, "/certificates", &key)?;
    if let Some(email) = &user.email
        && user.certificates_by_email
    {
        send_by_email(conn, cs, &user, email, &certificate)?;
    }
    Ok(certificate)
}

fn send_by_email(
    conn: &mut AnyConnection,
    cs: &CertSettings,
    user: &User,
    email: &str,
    c: &Certificate,
) -> Result<(), AppError> {
    let l = user.locale;
    let pdf = render_pdf(cs, c)?;
    let body = format!(
        "{}\n\n{}\n\n{}\n{}\n\n{}\n",
        t_with(l, "mail-greeting", &[("handle", Arg::Text(user.handle.clone()))]),
        t(l, "mail-certificate-intro"),
        t(l, "mail-certificate-verify"),
        verify_url(&cs.base_url, &c.code),
        t(l, "mail-signature")
    );
    mail::enqueue(
        conn,
        &cs.mail,
        Outgoing {
            kind: "certificate",
            dedupe_key: format!("certificate:{}", c.id),
            user_id: Some(&user.id),
            recipient: email,
            subject: t(l, "mail-subject-certificate"),
            body,
            // The file name says nothing about the course either.
            attachment: Some(("certificate.pdf".into(), pdf)),
        },
    )?;
    Ok(())
}

/// Issues pending certificates until the server stops (a completion is picked up within seconds).
pub async fn run_issuer(db: Db, cs: CertSettings) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(2));
    loop {
        tick.tick().await;
        let cs2 = cs.clone();
        if let Err(e) = db.write(move |conn| issue_pending(conn, &cs2, 20)).await {
            tracing::warn!(error = %e, "certificates could not be issued");
        }
    }
}

/// A scholar's certificates (issuing any that are due first, so a fresh completion shows at once).
pub async fn mine(db: &Db, cs: &CertSettings, user: &User) -> Result<Vec<Certificate>, AppError> {
    Ok(mine_with_slugs(db, cs, user).await?.into_iter().map(|(c, _)| c).collect())
}

/// A scholar's certificates with their course's slug, in one read. The write lock is taken only when some
/// completion is still waiting for its certificate (then the list is read again after issuing it).
pub async fn mine_with_slugs(db: &Db, cs: &CertSettings, user: &User) -> Result<Vec<(Certificate, String)>, AppError> {
    let id = user.id.clone();
    let (waiting, mine) = db
        .read(move |conn| {
            let waiting = !store::completions_without_certificate(conn, 1)?.is_empty();
            Ok((waiting, if waiting { Vec::new() } else { mine_in(conn, &id)? }))
        })
        .await?;
    if !waiting {
        return Ok(mine);
    }
    let cs = cs.clone();
    db.write(move |conn| issue_pending(conn, &cs, 50).map(|_| ())).await?;
    let id = user.id.clone();
    db.read(move |conn| mine_in(conn, &id)).await
}

fn mine_in(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<(Certificate, String)>, AppError> {
    let certificates = store::of_user(conn, user_id)?;
    let slugs: std::collections::HashMap<String, String> =
        crate::courses::list_courses(conn, true)?.into_iter().map(|c| (c.id, c.slug)).collect();
    Ok(certificates
        .into_iter()
        .map(|c| {
            let slug = slugs.get(&c.course_id).cloned().unwrap_or_default();
            (c, slug)
        })
        .collect())
}

/// A certificate its holder (or, where `admin_too`, an admin) may fetch; 404 for anyone else.
pub async fn owned(db: &Db, user: &User, id: &str, admin_too: bool) -> Result<Certificate, AppError> {
    let id = id.to_owned();
    let c = db.run(move |conn| store::find(conn, &id)).await?.ok_or(AppError::NotFound)?;
    if c.user_id == user.id || (admin_too && user.is_admin()) { Ok(c) } else { Err(AppError::NotFound) }
}

pub async fn set_public(db: &Db, user: &User, id: &str, public: bool) -> Result<Certificate, AppError> {
    let c = owned(db, user, id, false).await?;
    let id = c.id.clone();
    db.write(move |conn| {
        store::set_public(conn, &id, public)?;
        store::find(conn, &id)?.ok_or(AppError::NotFound)
    })
    .await
}

/// What anyone holding a code may see: the certificate as printed, if it is public.
pub async fn verify(db: &Db, code: &str) -> Result<Certificate, AppError> {
    if code.len() != 32 || !code.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let code = code.to_ascii_lowercase();
    let c = db.run(move |conn| store::find_by_code(conn, &code)).await?.ok_or(AppError::NotFound)?;
    if c.public { Ok(c) } else { Err(AppError::NotFound) }
}

pub async fn revoke(db: &Db, actor: &User, id: &str) -> Result<(), AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let id = id.to_owned();
    db.write(move |conn| {
        store::find(conn, &id)?.ok_or(AppError::NotFound)?;
        store::revoke(conn, &id, db::now())
    })
    .await
}

/// For pages: when a certificate was revoked, if it was.
pub fn revoked(c: &Certificate) -> Option<NaiveDateTime> {
    c.revoked_at
}

/// How many unrevoked certificates `user_ids` hold for `course_ids`.
pub fn count_held(conn: &mut AnyConnection, course_ids: &[String], user_ids: &[String]) -> Result<i64, AppError> {
    store::count_held(conn, course_ids, user_ids)
}

/// Verification answers per address and minute: plenty for people, too few to enumerate anything.
const VERIFY_PER_ADDRESS: Limit =
    Limit { name: "verifications_per_address", events: 60, window: std::time::Duration::from_secs(60) };

/// Counts a verification from `address`; 429 past the limit.
pub async fn check_verify_rate(limits: &RateLimiter, address: &str) -> Result<(), AppError> {
    let key = format!("verify:{address}");
    limits
        .hit(&key, VERIFY_PER_ADDRESS)
        .await
        .map_err(|retry_after_seconds| AppError::RateLimited { retry_after_seconds })
}
