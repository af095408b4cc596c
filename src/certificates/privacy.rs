//! The certificates domain's part of the privacy request: her certificates, with their PDFs and signed
//! credentials.

use std::sync::Arc;

use serde_json::{Value, json};

use super::{CertSettings, render_pdf, store};
use crate::accounts::privacy::{Entry, Erase, Export, Exported, Part};
use crate::core::error::AppError;
use crate::db::AnyConnection;

pub const REGISTER: &[Entry] = &[Entry {
    table: "certificates",
    columns: &["user_id", "holder_name", "credential"],
    export: Export::Yes,
    erase: Erase::Delete,
}];

pub fn part(settings: CertSettings) -> Part {
    Part {
        domain: "certificates",
        register: REGISTER,
        export: Arc::new(move |conn, user_id| export(conn, &settings, user_id)),
        erase: store::forget_person,
        retain: None,
    }
}

fn export(conn: &mut AnyConnection, settings: &CertSettings, user_id: &str) -> Result<Exported, AppError> {
    let mut items = Vec::new();
    let mut files = Vec::new();
    for c in store::of_user(conn, user_id)? {
        let credential: Value = serde_json::from_str(&c.credential).unwrap_or(Value::String(c.credential.clone()));
        let pdf = format!("certificates/{}.pdf", c.code);
        files.push((pdf.clone(), render_pdf(settings, &c)?));
        items.push(json!({
            "code": c.code,
            "holder_name": c.holder_name,
            "course_title": c.course_title,
            "language": c.locale,
            "hours": c.hours,
            "issuer": c.issuer,
            "issued_at": c.issued_at,
            "public": c.public,
            "revoked_at": c.revoked_at,
            "pdf": pdf,
            "credential": credential,
        }));
    }
    Ok(Exported { kinds: vec![("certificates", Value::Array(items))], files })
}
