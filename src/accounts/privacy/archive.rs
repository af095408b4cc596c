//! The export archive: a ZIP with one JSON file per kind of data, the files (certificate PDFs), and an HTML
//! index in her language that says what each file holds. Dates inside the ZIP are left at their neutral
//! default, so the archive does not say when it was made beyond its name.

use std::io::{Cursor, Write};

use maud::{DOCTYPE, html};
use serde_json::Value;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::Exported;
use crate::core::error::AppError;
use crate::i18n::{Locale, t};

pub fn build(locale: Locale, parts: &[Exported]) -> Result<Vec<u8>, AppError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let kinds: Vec<&(&'static str, Value)> = parts.iter().flat_map(|p| p.kinds.iter()).collect();
    let files: Vec<&(String, Vec<u8>)> = parts.iter().flat_map(|p| p.files.iter()).collect();
    for (kind, value) in &kinds {
        let text = serde_json::to_vec_pretty(value).map_err(|e| AppError::internal(e.to_string()))?;
        add(&mut zip, &format!("{kind}.json"), &text, options)?;
    }
    for (name, bytes) in &files {
        add(&mut zip, name, bytes, options)?;
    }
    add(&mut zip, "index.html", index(locale, &kinds, &files).as_bytes(), options)?;
    let cursor = zip.finish().map_err(|e| AppError::internal(format!("zip: {e}")))?;
    Ok(cursor.into_inner())
}

fn add(
    zip: &mut ZipWriter<Cursor<Vec<u8>>>,
    name: &str,
    bytes: &[u8],
    options: SimpleFileOptions,
) -> Result<(), AppError> {
    zip.start_file(name, options).map_err(|e| AppError::internal(format!("zip: {e}")))?;
    zip.write_all(bytes).map_err(|e| AppError::internal(format!("zip: {e}")))
}

/// How many items a kind holds: the length of a list, or one record.
fn count(value: &Value) -> usize {
    match value {
        Value::Array(items) => items.len(),
        Value::Null => 0,
        _ => 1,
    }
}

fn index(locale: Locale, kinds: &[&(&'static str, Value)], files: &[&(String, Vec<u8>)]) -> String {
    let l = locale;
    html! {
        (DOCTYPE)
        html lang=(l.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (t(l, "export-title")) }
            }
            body {
                h1 { (t(l, "export-title")) }
                p { (t(l, "export-intro")) }
                p { (t(l, "export-keep-safe")) }
                table {
                    thead { tr { th { (t(l, "export-file")) } th { (t(l, "export-holds")) } th { (t(l, "export-items")) } } }
                    tbody {
                        @for (kind, value) in kinds {
                            tr {
                                td { a href=(format!("{kind}.json")) { (kind) ".json" } }
                                td { (t(l, &format!("export-kind-{kind}"))) }
                                td { (count(value)) }
                            }
                        }
                        @for (name, _) in files {
                            tr {
                                td { a href=(name) { (name) } }
                                td { (t(l, "export-kind-file")) }
                                td { "1" }
                            }
                        }
                    }
                }
                p { (t(l, "export-dates")) }
            }
        }
    }
    .into_string()
}
