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

/// A downloadable file: its neutral name and its bytes.
pub struct CourseFile {
    pub name: String,
    pub html: String,
}

/// `?format=html&lang=xx&title=neutral|course`: what to download (HTML only, so far; EPUB is to come).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct DownloadQuery {
    pub format: Option<String>,
    pub lang: Option<String>,
    pub title: Option<String>,
}

impl DownloadQuery {
    /// The language (else `fallback`) and the title; 400 for a format Pravo does not make.
    pub fn parse(&self, fallback: Locale) -> Result<(Locale, Title), AppError> {
        if self.format.as_deref().is_some_and(|f| !f.is_empty() && f != "html") {
            return Err(AppError::BadRequest(crate::i18n::Msg::new("error-download-format")));
        }
        let locale = self.lang.as_deref().and_then(Locale::parse).unwrap_or(fallback);
        let title = if self.title.as_deref() == Some("course") { Title::Course } else { Title::Neutral };
        Ok((locale, title))
    }
}

/// Whether the file's title names the course or only its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title {
    Neutral,
    Course,
}

/// Reading styles for the file alone (the site's stylesheet is for the site's pages).
const STYLE: &str = "body{font:1.05rem/1.6 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;\
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

/// The course as one HTML file in `locale` (English where a module is not translated, marked), for those
/// who may read its modules: enrolled scholars, its trainers, administrators.
pub async fn html_file(db: &Db, user: &User, slug: &str, locale: Locale, title: Title) -> Result<CourseFile, AppError> {
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
        let media: Arc<HashMap<String, String>> = store::all_media(conn, &course.id)?
            .into_iter()
            .map(|(name, content_type, bytes)| {
                let uri =
                    format!("data:{content_type};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes));
                (name, uri)
            })
            .collect::<HashMap<_, _>>()
            .into();
        let file = File { course: &course, number, locale, title, modules: &modules, revisions: &revisions, media };
        Ok(CourseFile { name: format!("course-{number}.html"), html: file.render().into_string() })
    })
    .await
}

struct File<'a> {
    course: &'a Course,
    number: usize,
    locale: Locale,
    title: Title,
    modules: &'a [Module],
    revisions: &'a [Revision],
    /// Each media file's name and its `data:` URI.
    media: Arc<HashMap<String, String>>,
}

impl File<'_> {
    /// The module's text in the file's language, else English; and whether it fell back.
    fn text_of(&self, module: &Module) -> Option<(&Revision, bool)> {
        let of = |l: Locale| self.revisions.iter().find(|r| r.module_id == module.id && r.locale == l);
        of(self.locale).map(|r| (r, false)).or_else(|| of(Locale::En).map(|r| (r, true)))
    }

    fn render(&self) -> Markup {
        let l = self.locale;
        let heading = match self.title {
            Title::Neutral => t_with(l, "download-neutral-title", &[("number", Arg::Number(self.number as i64))]),
            Title::Course => self.course.text(l).0.title,
        };
        let texts: Vec<(&Module, &Revision, bool)> =
            self.modules.iter().filter_map(|m| self.text_of(m).map(|(r, fell_back)| (m, r, fell_back))).collect();
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

    /// A module's HTML with images inlined, links between modules kept inside the file, and every other
    /// address removed (its text stays).
    fn self_contained(&self, html: &str) -> String {
        let media_base = format!("/courses/{}/media/", self.course.slug);
        let module_base = format!("/courses/{}/modules/", self.course.slug);
        let media = self.media.clone();
        // Wide tables scroll sideways inside their own box instead of squeezing words on a phone.
        let wrapped = html.replace("<table>", "<figure><table>").replace("</table>", "</table></figure>");
        ammonia::Builder::default()
            .add_url_schemes(&["data"])
            .link_rel(None)
            .attribute_filter(move |element, attribute, value| match (element, attribute) {
                ("img", "src") => {
                    value.strip_prefix(media_base.as_str()).and_then(|name| media.get(name)).cloned().map(Cow::Owned)
                }
                ("a", "href") => match value.strip_prefix(module_base.as_str()) {
                    Some(module) if is_slug(module) => Some(Cow::Owned(format!("#m-{module}"))),
                    _ if value.starts_with('#') => Some(Cow::Borrowed(value)),
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
