//! A course to take along: one self-contained HTML file that any phone browser opens from its storage,
//! with the network off. Its styles and images are inside it (images as `data:` URIs); it has no script,
//! loads nothing and links nowhere: links between the course's modules become links within the file, and
//! every other link keeps its text but loses its address (sources are cited as text in the modules). The
//! file name is neutral, and by default so is its title: a file list or a browser's history shows
//! "Course 3", not the topic. Quizzes are not included, so no answer key travels with it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use base64::Engine;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::model::{Course, Module, Revision};
use super::{current_revisions, fallback_notice, list_courses, modules_of, store, visible_course};
use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::db::Db;
use crate::i18n::{Arg, Locale, t, t_with};

/// A downloadable file: its neutral name, its type and its bytes.
pub struct CourseFile {
    pub name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// `?format=html|epub&lang=xx&title=neutral|course`: what to download.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct DownloadQuery {
    pub format: Option<String>,
    pub lang: Option<String>,
    pub title: Option<String>,
}

impl DownloadQuery {
    /// The format, the language (else `fallback`) and the title; 400 for a format Pravo does not make.
    pub fn parse(&self, fallback: Locale) -> Result<Wanted, AppError> {
        let format = match self.format.as_deref() {
            None | Some("" | "html") => Format::Html,
            Some("epub") => Format::Epub,
            Some(_) => return Err(AppError::BadRequest(crate::i18n::Msg::new("error-download-format"))),
        };
        let locale = self.lang.as_deref().and_then(Locale::parse).unwrap_or(fallback);
        let title = if self.title.as_deref() == Some("course") { Title::Course } else { Title::Neutral };
        Ok(Wanted { format, locale, title })
    }
}

/// What a download asks for.
#[derive(Debug, Clone, Copy)]
pub struct Wanted {
    pub format: Format,
    pub locale: Locale,
    pub title: Title,
}

/// One HTML file for any browser, or an EPUB 3 book for e-readers and reading apps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Epub,
}

/// Whether the file's title names the course or only its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title {
    Neutral,
    Course,
}

/// Reading styles for the file alone (the site's stylesheet is for the site's pages).
pub(super) const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;\
font-size:1.05rem;line-height:1.6;\
color:#1b1b1b;background:#fff;margin:0 auto;max-width:42rem;padding:1rem}\
h1{font-size:1.6rem;line-height:1.25}section>h2{font-size:1.4rem;margin-top:2.5rem;border-top:2px solid #999;\
padding-top:1rem}.text h2{font-size:1.2rem;margin-top:1.75rem}.text h3{font-size:1.08rem}img{max-width:100%;height:auto}a{color:#0b5394}\
.note{background:#fff4e0;border-left:4px solid #b26a00;padding:.5rem .75rem}\
figure{overflow-x:auto;margin:1rem 0}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.35rem .5rem;\
text-align:left;vertical-align:top;min-width:7rem}\
pre,code{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.92em;overflow-wrap:anywhere;white-space:pre-wrap}\
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc;color:#444}\
nav ol{padding-left:1.4rem}footer{margin-top:3rem;color:#555;font-size:.9rem}\
@media print{section>h2{break-before:page;border:0}nav{break-after:page}}";

/// The course as one file in `wanted.locale` (English where a module is not translated, marked), for those
/// who may read its modules: enrolled scholars, its trainers, administrators.
pub async fn course_file(db: &Db, user: &User, slug: &str, wanted: Wanted) -> Result<CourseFile, AppError> {
    let (user, slug) = (user.clone(), slug.to_owned());
    db.run(move |conn| {
        let (course, access) = visible_course(conn, &slug, Some(&user))?;
        if !access.can_read_modules() {
            return Err(AppError::Forbidden);
        }
        let number = list_courses(conn, false)?.iter().position(|c| c.id == course.id).map_or(1, |i| i + 1);
        let modules = modules_of(conn, &crate::core::ids::CourseId::from(course.id.as_str()), false)?;
        let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
        let revisions = current_revisions(conn, &ids)?;
        let media = store::all_media(conn, &course.id)?;
        let sources: Arc<HashMap<String, String>> = media
            .iter()
            .map(|(name, content_type, bytes)| {
                let src = match wanted.format {
                    Format::Html => {
                        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
                        format!("data:{content_type};base64,{data}")
                    }
                    Format::Epub => format!("media/{name}"),
                };
                (name.clone(), src)
            })
            .collect::<HashMap<_, _>>()
            .into();
        let file = File {
            course: &course,
            number,
            locale: wanted.locale,
            title: wanted.title,
            modules: &modules,
            revisions: &revisions,
            sources,
            format: wanted.format,
        };
        Ok(match wanted.format {
            Format::Html => CourseFile {
                name: format!("course-{number}.html"),
                content_type: "text/html; charset=utf-8",
                bytes: file.render().into_string().into_bytes(),
            },
            Format::Epub => CourseFile {
                name: format!("course-{number}.epub"),
                content_type: "application/epub+zip",
                bytes: super::epub::book(&file, &media)?,
            },
        })
    })
    .await
}

/// What a downloaded course is made of, in either format.
pub(super) struct File<'a> {
    course: &'a Course,
    number: usize,
    pub(super) locale: Locale,
    title: Title,
    modules: &'a [Module],
    revisions: &'a [Revision],
    /// Each media file's name and what an image's `src` becomes: a `data:` URI, or a path in the book.
    sources: Arc<HashMap<String, String>>,
    format: Format,
}

impl File<'_> {
    /// The file's title: "Course 3", or the course's own.
    pub(super) fn heading(&self) -> String {
        match self.title {
            Title::Neutral => {
                t_with(self.locale, "download-neutral-title", &[("number", Arg::Number(self.number as i64))])
            }
            Title::Course => self.course.text(self.locale).0.title,
        }
    }

    /// Each module with its text in the file's language (or English, and `true`).
    pub(super) fn texts(&self) -> Vec<(&Module, &Revision, bool)> {
        self.modules.iter().filter_map(|m| self.text_of(m).map(|(r, fell_back)| (m, r, fell_back))).collect()
    }

    pub(super) fn course_id(&self) -> &str {
        &self.course.id
    }

    /// The module's text in the file's language, else English; and whether it fell back.
    fn text_of(&self, module: &Module) -> Option<(&Revision, bool)> {
        let of = |l: Locale| self.revisions.iter().find(|r| r.module_id == module.id && r.locale == l);
        of(self.locale).map(|r| (r, false)).or_else(|| of(Locale::En).map(|r| (r, true)))
    }

    fn render(&self) -> Markup {
        let l = self.locale;
        let heading = self.heading();
        let texts = self.texts();
        html! {
            (DOCTYPE)
            html lang=(l.code()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    // Nothing may load from anywhere: no script, no network, not even from the file's own folder.
                    meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'";
                    meta name="referrer" content="no-referrer";
                    title { (heading) }
                    style { (STYLE) }
                }
                body {
                    h1 { (heading) }
                    nav aria-label=(t(l, "download-contents")) {
                        p { strong { (t(l, "download-contents")) } }
                        ol { @for (m, r, _) in &texts { li { a href=(format!("#m-{}", m.slug)) { (r.title) } } } }
                    }
                    @for (m, r, fell_back) in &texts {
                        section id=(format!("m-{}", m.slug)) lang=(r.locale.code()) {
                            h2 { (r.title) }
                            @if *fell_back { p.note lang=(l.code()) { (fallback_notice().text(l)) } }
                            // Module HTML was sanitised when it was saved; it is sanitised again here, with its
                            // addresses rewritten so that the file needs nothing outside itself.
                            div.text { (PreEscaped(self.self_contained(&r.html))) }
                        }
                    }
                    footer { p { (t(l, "download-footer")) } }
                }
            }
        }
    }

    /// A module's HTML with images inside (inlined, or files of the book), links between modules kept inside
    /// the file or book, and every other address removed (its text stays).
    pub(super) fn self_contained(&self, html: &str) -> String {
        let media_base = format!("/courses/{}/media/", self.course.slug);
        let module_base = format!("/courses/{}/modules/", self.course.slug);
        let media = self.sources.clone();
        let format = self.format;
        // Wide tables scroll sideways inside their own box instead of squeezing words on a phone.
        let wrapped = html.replace("<table", "<figure><table").replace("</table>", "</table></figure>");
        ammonia::Builder::default()
            .add_url_schemes(&["data"])
            .link_rel(None)
            .attribute_filter(move |element, attribute, value| match (element, attribute) {
                ("img", "src") => {
                    value.strip_prefix(media_base.as_str()).and_then(|name| media.get(name)).cloned().map(Cow::Owned)
                }
                ("a", "href") => match value.strip_prefix(module_base.as_str()) {
                    Some(module) if is_slug(module) => Some(Cow::Owned(match format {
                        Format::Html => format!("#m-{module}"),
                        Format::Epub => format!("m-{module}.xhtml"),
                    })),
                    _ => None,
                },
                _ => Some(Cow::Borrowed(value)),
            })
            .clean(&wrapped)
            .to_string()
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
