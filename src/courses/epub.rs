//! The course as an EPUB 3 book for e-readers and reading apps: the same contents as the HTML file (every
//! module in order, images inside, nothing outside the book, no quiz), one XHTML document per module, a
//! navigation document, and the media files as resources of the book. Written with the `zip` crate: the
//! format is a ZIP whose first entry, stored uncompressed, is its media type.

use std::io::{Cursor, Write};

use maud::{Markup, PreEscaped, html};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::download::{File, STYLE};
use crate::core::error::AppError;
use crate::i18n::t;

fn zip_error(e: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("epub: {e}"))
}

/// The book's bytes. `media` is every media file of the course (name, content type, bytes).
pub fn book(file: &File, media: &[(String, String, Vec<u8>)]) -> Result<Vec<u8>, AppError> {
    let l = file.locale;
    let heading = file.heading();
    let texts = file.texts();
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut add = |name: &str, bytes: &[u8], options: SimpleFileOptions| -> Result<(), AppError> {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(bytes).map_err(zip_error)
    };
    add("mimetype", b"application/epub+zip", stored)?;
    add("META-INF/container.xml", CONTAINER.as_bytes(), deflated)?;
    add("OEBPS/style.css", STYLE.as_bytes(), deflated)?;
    let chapters: Vec<(String, String)> = texts
        .iter()
        .map(|(m, r, fell_back)| {
            let body = html! {
                section {
                    h2 { (r.title) }
                    @if *fell_back { p.note lang=(l.code()) xml:lang=(l.code()) { (super::fallback_notice().text(l)) } }
                    // Sanitised when saved, sanitised again with the book's addresses, then made XML.
                    div.text { (PreEscaped(xhtml(&file.self_contained(&r.html)))) }
                }
            };
            (format!("m-{}.xhtml", m.slug), document(r.locale.code(), &r.title, body))
        })
        .collect();
    for (name, text) in &chapters {
        add(&format!("OEBPS/{name}"), text.as_bytes(), deflated)?;
    }
    let nav = html! {
        nav epub:type="toc" id="toc" {
            h1 { (heading) }
            ol { @for (m, r, _) in &texts { li { a href=(format!("m-{}.xhtml", m.slug)) { (r.title) } } } }
        }
        p { (t(l, "download-footer")) }
    };
    add("OEBPS/nav.xhtml", document(l.code(), &heading, nav).as_bytes(), deflated)?;
    for (name, _, bytes) in media {
        add(&format!("OEBPS/media/{name}"), bytes, deflated)?;
    }
    add("OEBPS/content.opf", package(file, &heading, &texts, media).as_bytes(), deflated)?;
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

const CONTAINER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"#;

/// An XHTML content document around `body`.
fn document(lang: &str, title: &str, body: Markup) -> String {
    let page = html! {
        html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang=(lang) xml:lang=(lang) {
            head {
                title { (title) }
                link rel="stylesheet" type="text/css" href="style.css";
            }
            body { (body) }
        }
    };
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n{}", xhtml(&page.into_string()))
}

/// The package document: what the book holds and in which order.
fn package(
    file: &File,
    heading: &str,
    texts: &[(&super::model::Module, &super::model::Revision, bool)],
    media: &[(String, String, Vec<u8>)],
) -> String {
    let lang = file.locale.code();
    // Stable across downloads of one course; names nothing.
    let digest = <sha2::Sha256 as sha2::Digest>::digest(file.course_id().as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    let id = format!("urn:uuid:{}", uuid::Uuid::from_bytes(bytes));
    let modified = chrono::Utc::now().format("%Y-%m-%dT00:00:00Z");
    let manifest = html! {
        item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav";
        item id="css" href="style.css" media-type="text/css";
        @for (m, _, _) in texts { item id=(format!("m-{}", m.slug)) href=(format!("m-{}.xhtml", m.slug)) media-type="application/xhtml+xml"; }
        @for (i, (name, content_type, _)) in media.iter().enumerate() {
            item id=(format!("media-{i}")) href=(format!("media/{name}")) media-type=(content_type);
        }
    };
    let spine = html! {
        itemref idref="nav";
        @for (m, _, _) in texts { itemref idref=(format!("m-{}", m.slug)); }
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" xml:lang=\"{lang}\">\n\
         <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
         <dc:identifier id=\"book-id\">{id}</dc:identifier>\n\
         <dc:title>{title}</dc:title>\n\
         <dc:language>{lang}</dc:language>\n\
         <meta property=\"dcterms:modified\">{modified}</meta>\n\
         </metadata>\n<manifest>\n{manifest}\n</manifest>\n<spine>\n{spine}\n</spine>\n</package>\n",
        title = html! { (heading) }.into_string(),
        manifest = closed(&manifest.into_string(), &["item"]),
        spine = closed(&spine.into_string(), &["itemref"]),
    )
}

/// Elements that HTML writes without an end tag; XML needs them closed.
const VOID: [&str; 12] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"];

/// HTML as serialised by maud and ammonia, made well-formed XML: void elements closed (`<br />`), and the
/// one named entity they write that XML does not know (`&nbsp;`) as a number. Attribute values are always
/// quoted there, and `<`, `&` and `"` always escaped, so a tag ends at the first `>` outside quotes.
fn xhtml(html: &str) -> String {
    closed(&html.replace("&nbsp;", "&#160;"), &VOID)
}

/// `html` with every element named in `names` closed as XML wants (`<br />`).
fn closed(html: &str, names: &[&str]) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let name: String = rest[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let Some(end) = tag_end(rest) else {
            out.push_str(rest);
            return out;
        };
        let tag = &rest[..=end];
        if names.contains(&name.to_ascii_lowercase().as_str()) && !tag.ends_with("/>") && !name.is_empty() {
            out.push_str(&tag[..tag.len() - 1]);
            out.push_str(" />");
        } else {
            out.push_str(tag);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The index of the `>` that ends the tag at the start of `s`, outside quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::xhtml;

    #[test]
    fn void_elements_are_closed_and_nbsp_is_numbered() {
        assert_eq!(
            xhtml(r#"<p>a<br>b&nbsp;c <img src="m.png" alt="x > y"></p>"#),
            r#"<p>a<br />b&#160;c <img src="m.png" alt="x > y" /></p>"#
        );
        assert_eq!(xhtml("<hr/><col>"), "<hr/><col />");
    }
}
