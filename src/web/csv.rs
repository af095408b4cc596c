//! CSV for spreadsheets: fields that a spreadsheet would run as formulas are defused, and a response
//! that a browser saves as a file.

use actix_web::{HttpRequest, HttpResponse};

/// Whether the client asked for CSV (`Accept: text/csv`).
pub fn wants_csv(req: &HttpRequest) -> bool {
    req.headers().get("accept").and_then(|h| h.to_str().ok()).is_some_and(|a| a.contains("text/csv"))
}

/// One field: quoted when needed; a leading `=`, `+`, `-` or `@` (unless a number) is defused.
pub fn field(field: &str) -> String {
    let defused = if field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err() {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) { format!("\"{}\"", defused.replace('"', "\"\"")) } else { defused }
}

/// One row, ended with CRLF.
pub fn row<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields.iter().map(|f| field(f.as_ref())).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// A CSV file named `name`.
/// A CSV file's name that says what it holds and when, without a topic (a download list is seen by whoever
/// holds the computer): `programme-report-0190c3a1-2026-12-05.csv`.
pub fn file_name(what: &str, id: &str) -> String {
    let short: String = id.chars().filter(char::is_ascii_alphanumeric).take(8).collect();
    format!("{what}-{short}-{}.csv", crate::db::now().date())
}

pub fn response(name: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{name}\"")))
        .body(body)
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        assert_eq!(super::field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(super::field("-5"), "-5");
        assert_eq!(super::field("@a"), "'@a");
        assert_eq!(super::row(&["a,b", "c"]), "\"a,b\",c\r\n");
    }
}
