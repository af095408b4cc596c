//! The course folder format (see courses/README.md): reading it with errors that name the file and the
//! line, and writing it back in the canonical form that the shipped courses are kept in.
//!
//! ```text
//! <course-slug>/course.toml               open, published, hours, completion, [texts.<lang>] title, summary
//! <course-slug>/NN-<module>.<lang>.md     +++ front matter (title, minutes) +++, then Markdown
//! <course-slug>/NN-<module>.<lang>.gift   the module's quiz (or .aiken); settings in the English
//!                                         module's front matter, under [quiz]
//! <course-slug>/media/<name>              images the modules show (png, jpg, gif, webp)
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use crate::courses::folder::content_type;
use crate::courses::markdown::{self, MAX_MARKDOWN_BYTES};
use crate::courses::model::{Completion, CourseText, ModuleText, Slug};
use crate::i18n::Locale;
use crate::quizzes::{self, model::QuizFolder, model::Settings};

pub const MAX_MEDIA_BYTES: usize = 2 * 1024 * 1024;
const TITLE_MAX: usize = 200;
const SUMMARY_MAX: usize = 2000;

/// A problem in a course folder: which file, which line (from 1), what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A course folder, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct CourseFolder {
    pub slug: Slug,
    pub open: bool,
    pub published: bool,
    pub hours: Option<i32>,
    pub completion: Completion,
    pub texts: BTreeMap<Locale, CourseText>,
    /// In order of their `NN-` prefixes.
    pub modules: Vec<ModuleFolder>,
    pub media: BTreeMap<String, Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModuleFolder {
    pub position: i32,
    pub slug: Slug,
    pub minutes: Option<i32>,
    pub texts: BTreeMap<Locale, ModuleText>,
    pub quiz: Option<QuizFolder>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CourseToml {
    open: Option<bool>,
    published: Option<bool>,
    hours: Option<i32>,
    completion: Option<String>,
    texts: BTreeMap<String, TextToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextToml {
    title: String,
    summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    minutes: Option<i32>,
    quiz: Option<Settings>,
}

/// The largest course.toml or quiz file read, in bytes (module texts have their own limit).
const MAX_TEXT_FILE_BYTES: u64 = 256 * 1024;

/// Reads a file of a course folder, refusing what is not a regular file of at most `max` bytes: a
/// symbolic link (it could point anywhere on the server, and its target would be served as course media)
/// or a device such as /dev/zero (read until memory runs out). The size is checked before reading, and
/// the read stops at the limit whatever the file claims.
fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::symlink_metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.file_type().is_symlink() {
        return Err("a symbolic link: course folders hold only regular files".into());
    }
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > max {
        return Err(format!("larger than {} KiB", max / 1024));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!("larger than {} KiB", max / 1024));
    }
    Ok(bytes)
}

/// A text file of a course folder, as UTF-8.
fn read_text(path: &Path, max: u64) -> Result<String, String> {
    String::from_utf8(read_regular(path, max)?).map_err(|_| "cannot read: it is not UTF-8 text".into())
}

/// Whether `path` is a real folder (not a symbolic link to one).
fn is_real_dir(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

/// The course folders under `root` (every sub-folder; files at the top, such as README.md, are not
/// courses; a symbolic link is not followed).
pub fn course_dirs(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(root)?.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| is_real_dir(p)).collect();
    dirs.sort();
    Ok(dirs)
}

/// Reads one course folder, collecting every problem rather than stopping at the first.
pub fn read_course(dir: &Path) -> Result<CourseFolder, Vec<FileError>> {
    let folder = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut errors = Vec::new();
    let mut err = |file: &str, line: Option<usize>, message: String| {
        errors.push(FileError { file: format!("{folder}/{file}"), line, message });
    };
    let slug = Slug::parse(&folder).map_err(|_| {
        vec![FileError {
            file: folder.clone(),
            line: None,
            message: "a course folder name is a slug: 1 to 64 lower-case letters, digits and dashes".into(),
        }]
    })?;

    let course = match read_text(&dir.join("course.toml"), MAX_TEXT_FILE_BYTES) {
        Ok(text) => parse_course_toml(&normalise(&text), &mut err),
        Err(e) => {
            err("course.toml", None, e);
            None
        }
    };

    let mut modules: BTreeMap<String, ModuleFolder> = BTreeMap::new();
    let mut positions: BTreeMap<i32, String> = BTreeMap::new();
    let mut media_refs: Vec<(String, usize, String)> = Vec::new();
    let mut quiz_files: Vec<(String, i32, Slug, Locale, &'static str, String)> = Vec::new();
    let mut quiz_settings: BTreeMap<String, Settings> = BTreeMap::new();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(e) => {
            err("", None, format!("cannot read the folder: {e}"));
            Vec::new()
        }
    };
    entries.sort();
    for path in &entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name == "course.toml" || (name == "media" && is_real_dir(path)) {
            continue;
        }
        if let Some((position, module_slug, locale, format)) = parse_quiz_name(&name) {
            match read_text(path, MAX_TEXT_FILE_BYTES) {
                Ok(text) => quiz_files.push((name.clone(), position, module_slug, locale, format, normalise(&text))),
                Err(e) => err(&name, None, e),
            }
            continue;
        }
        let Some((position, module_slug, locale)) = parse_module_name(&name) else {
            err(
                &name,
                None,
                "unexpected file: module files are named NN-<module-slug>.<en|ru|uk>.md, quizzes .gift or .aiken"
                    .into(),
            );
            continue;
        };
        // A little over the module limit, so that a long text gets the Markdown limit's own message.
        let text = match read_text(path, MAX_MARKDOWN_BYTES as u64 + 4096) {
            Ok(t) => normalise(&t),
            Err(e) => {
                err(&name, None, e);
                continue;
            }
        };
        let Some((front, minutes, quiz, body, body_line)) = parse_module_file(&text, &name, &mut err) else { continue };
        if let Some(settings) = quiz {
            if locale == Locale::En {
                quiz_settings.insert(module_slug.as_str().to_owned(), settings);
            } else {
                err(
                    &name,
                    find_line(&text, "[quiz]"),
                    "quiz settings belong in the English module's front matter".into(),
                );
            }
        }
        for (line_offset, line) in body.lines().enumerate() {
            for reference in markdown::media_references(line) {
                media_refs.push((name.clone(), body_line + line_offset, reference));
            }
        }
        match positions.get(&position) {
            Some(other) if other != module_slug.as_str() => {
                err(&name, None, format!("the prefix {position:02} is already used by the module {other}"))
            }
            _ => {
                positions.insert(position, module_slug.as_str().to_owned());
            }
        }
        let entry = modules.entry(module_slug.as_str().to_owned()).or_insert_with(|| ModuleFolder {
            position,
            slug: module_slug.clone(),
            minutes,
            texts: BTreeMap::new(),
            quiz: None,
        });
        if entry.position != position {
            err(
                &name,
                None,
                format!("the module {module_slug} has two prefixes: {:02} and {position:02}", entry.position),
            );
        }
        if entry.minutes != minutes {
            err(&name, Some(2), "minutes differ between the languages of this module".into());
        }
        entry.texts.insert(locale, ModuleText { title: front, markdown: body });
    }
    attach_quizzes(&mut modules, quiz_files, &mut quiz_settings, &mut err);
    for module in modules.values() {
        if !module.texts.contains_key(&Locale::En) {
            let file = format!("{:02}-{}.en.md", module.position, module.slug);
            err(&file, None, "missing: every module needs an English version (the fallback language)".into());
        }
    }

    let media = read_media(dir, &mut err);
    for (file, line, reference) in media_refs {
        if !media.contains_key(&reference) {
            err(&file, Some(line), format!("the image media/{reference} is not in the course's media folder"));
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let Some((open, published, hours, completion, texts)) = course else {
        return Err(errors);
    };
    let mut modules: Vec<ModuleFolder> = modules.into_values().collect();
    modules.sort_by_key(|m| m.position);
    Ok(CourseFolder { slug, open, published, hours, completion, texts, modules, media })
}

/// Reads and checks the quiz files, and attaches each quiz to its module.
fn attach_quizzes(
    modules: &mut BTreeMap<String, ModuleFolder>,
    files: Vec<(String, i32, Slug, Locale, &'static str, String)>,
    settings: &mut BTreeMap<String, Settings>,
    err: &mut impl FnMut(&str, Option<usize>, String),
) {
    type Parsed = (&'static str, String, Vec<quizzes::model::Question>);
    let mut parsed: BTreeMap<String, BTreeMap<Locale, Parsed>> = BTreeMap::new();
    for (name, position, slug, locale, format, text) in files {
        let Some(module) = modules.get(slug.as_str()) else {
            err(&name, None, format!("there is no module {slug} for this quiz"));
            continue;
        };
        if module.position != position {
            err(&name, None, format!("the module {slug} has the prefix {:02}", module.position));
            continue;
        }
        let result = if format == "aiken" { quizzes::aiken::parse(&text) } else { quizzes::gift::parse(&text) };
        match result {
            Ok(questions) if questions.is_empty() => err(&name, None, "the quiz has no questions".into()),
            Ok(questions) => {
                let by_lang = parsed.entry(slug.as_str().to_owned()).or_default();
                if by_lang.contains_key(&locale) {
                    err(&name, None, "two quiz files for one module and language".into());
                }
                by_lang.insert(locale, (format, text, questions));
            }
            Err(e) => {
                err(&name, Some(e.line), format!("column {}: {}", e.column, e.message.text(crate::i18n::Locale::En)))
            }
        }
    }
    for (slug, by_lang) in parsed {
        let Some((_, _, english)) = by_lang.get(&Locale::En) else {
            let locale = by_lang.keys().next().copied().unwrap_or(Locale::Ru);
            let module = &modules[&slug];
            err(
                &format!("{:02}-{slug}.en.gift", module.position),
                None,
                format!("missing: the {locale} quiz needs an English version"),
            );
            continue;
        };
        let mut ok = true;
        for (locale, (_, _, questions)) in by_lang.iter().filter(|(l, _)| **l != Locale::En) {
            if let Err(problem) = quizzes::check_translation(english, questions) {
                let module = &modules[&slug];
                err(&format!("{:02}-{slug}.{}.gift", module.position, locale.code()), None, problem.text(Locale::En));
                ok = false;
            }
        }
        if let (true, Some(module)) = (ok, modules.get_mut(&slug)) {
            let sources = by_lang.into_iter().map(|(l, (format, text, _))| (l, (format.to_owned(), text))).collect();
            module.quiz = Some(QuizFolder { settings: settings.remove(&slug).unwrap_or_default(), sources });
        }
    }
    for slug in settings.keys() {
        if let Some(module) = modules.get(slug) {
            err(
                &format!("{:02}-{slug}.en.md", module.position),
                None,
                "quiz settings, but no quiz file for this module".into(),
            );
        }
    }
}

/// `NN-slug.lang.gift` or `.aiken` → (NN, slug, language, format).
fn parse_quiz_name(name: &str) -> Option<(i32, Slug, Locale, &'static str)> {
    let (stem, format) =
        if let Some(s) = name.strip_suffix(".gift") { (s, "gift") } else { (name.strip_suffix(".aiken")?, "aiken") };
    let (n, slug, locale) = parse_module_name(&format!("{stem}.md"))?;
    Some((n, slug, locale, format))
}

type CourseFields = (bool, bool, Option<i32>, Completion, BTreeMap<Locale, CourseText>);

fn parse_course_toml(text: &str, err: &mut impl FnMut(&str, Option<usize>, String)) -> Option<CourseFields> {
    let parsed: CourseToml = match toml::from_str(text) {
        Ok(p) => p,
        Err(e) => {
            let line = e.span().map(|s| line_at(text, s.start));
            err("course.toml", line, e.message().to_owned());
            return None;
        }
    };
    let mut ok = true;
    let completion = match parsed.completion.as_deref() {
        None => Completion::default(),
        Some(c) => Completion::parse(c).unwrap_or_else(|| {
            err(
                "course.toml",
                find_line(text, "completion"),
                format!("unknown completion rule {c:?}: use \"all_modules\""),
            );
            ok = false;
            Completion::default()
        }),
    };
    if let Some(hours) = parsed.hours
        && !(1..=1000).contains(&hours)
    {
        err("course.toml", find_line(text, "hours"), "hours must be between 1 and 1000".into());
        ok = false;
    }
    let mut texts = BTreeMap::new();
    for (code, t) in parsed.texts {
        let line = find_line(text, &format!("[texts.{code}]"));
        let Some(locale) = Locale::parse(&code).filter(|l| l.code() == code) else {
            err("course.toml", line, format!("unknown language {code:?}: use en, ru or uk"));
            ok = false;
            continue;
        };
        let (title, summary) = (t.title.trim().to_owned(), t.summary.trim().to_owned());
        if title.is_empty() || title.chars().count() > TITLE_MAX {
            err("course.toml", line, format!("texts.{code}.title must have 1 to {TITLE_MAX} characters"));
            ok = false;
        }
        if summary.chars().count() > SUMMARY_MAX {
            err("course.toml", line, format!("texts.{code}.summary may have at most {SUMMARY_MAX} characters"));
            ok = false;
        }
        texts.insert(locale, CourseText { title, summary });
    }
    if !texts.contains_key(&Locale::En) && ok {
        err("course.toml", None, "missing [texts.en]: every course needs an English title and summary".into());
        ok = false;
    }
    ok.then_some((parsed.open.unwrap_or(false), parsed.published.unwrap_or(true), parsed.hours, completion, texts))
}

/// `NN-slug.lang.md` → (NN, slug, language).
fn parse_module_name(name: &str) -> Option<(i32, Slug, Locale)> {
    let stem = name.strip_suffix(".md")?;
    let (rest, code) = stem.rsplit_once('.')?;
    let locale = Locale::parse(code).filter(|l| l.code() == code)?;
    let (number, slug) = rest.split_once('-')?;
    if number.is_empty() || number.len() > 3 || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((number.parse().ok()?, Slug::parse(slug).ok()?, locale))
}

/// What a module file holds: (title, minutes, quiz settings, body, line of the body's first line).
type ModuleFile = (String, Option<i32>, Option<Settings>, String, usize);

/// Front matter and body of a module file.
fn parse_module_file(text: &str, name: &str, err: &mut impl FnMut(&str, Option<usize>, String)) -> Option<ModuleFile> {
    let Some(rest) = text.strip_prefix("+++\n") else {
        err(name, Some(1), "a module file starts with +++, then TOML front matter (title, minutes), then +++".into());
        return None;
    };
    let Some(end) = rest.find("\n+++\n").or_else(|| rest.strip_suffix("\n+++").map(|r| r.len())) else {
        err(name, Some(1), "the front matter is not closed by a line +++".into());
        return None;
    };
    let front_text = &rest[..end + 1];
    let front: FrontMatter = match toml::from_str(front_text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map(|s| line_at(front_text, s.start) + 1);
            err(name, line, e.message().to_owned());
            return None;
        }
    };
    let mut ok = true;
    let title = front.title.trim().to_owned();
    if title.is_empty() || title.chars().count() > TITLE_MAX {
        err(name, find_line(text, "title"), format!("title must have 1 to {TITLE_MAX} characters"));
        ok = false;
    }
    if let Some(m) = front.minutes
        && !(1..=600).contains(&m)
    {
        err(name, find_line(text, "minutes"), "minutes must be between 1 and 600".into());
        ok = false;
    }
    let after = rest.get(end + 5..).unwrap_or("");
    let leading_blank = after.len() - after.trim_start_matches('\n').len();
    let body = after.trim_start_matches('\n').trim_end().to_owned();
    let body_line = front_text.lines().count() + 3 + leading_blank;
    if body.len() > MAX_MARKDOWN_BYTES {
        err(name, None, format!("the module text is larger than {} KiB", MAX_MARKDOWN_BYTES / 1024));
        ok = false;
    } else if markdown::nesting_depth(&body) > markdown::MAX_NESTING {
        err(name, None, format!("quotes or lists nest more than {} levels deep", markdown::MAX_NESTING));
        ok = false;
    }
    if body.is_empty() {
        err(name, Some(body_line), "the module has no text after its front matter".into());
        ok = false;
    }
    if let Some(quiz) = &front.quiz
        && (quiz.pass_percent > 100 || quiz.attempts_allowed == Some(0) || quiz.draw == Some(0))
    {
        err(
            name,
            find_line(text, "[quiz]"),
            "quiz settings out of range (pass_percent 0 to 100; attempts_allowed and draw at least 1)".into(),
        );
        ok = false;
    }
    ok.then_some((title, front.minutes, front.quiz, body, body_line))
}

fn read_media(dir: &Path, err: &mut impl FnMut(&str, Option<usize>, String)) -> BTreeMap<String, Vec<u8>> {
    let mut media = BTreeMap::new();
    let folder = dir.join("media");
    if !is_real_dir(&folder) {
        if folder.exists() {
            err("media", None, "media must be a folder, not a symbolic link".into());
        }
        return media;
    }
    let Ok(entries) = std::fs::read_dir(&folder) else { return media };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let file = format!("media/{name}");
        if !markdown::is_media_name(&name) || content_type(&name).is_none() {
            err(&file, None, "media files are png, jpg, gif or webp images named with letters, digits, - _ .".into());
            continue;
        }
        match read_regular(&path, MAX_MEDIA_BYTES as u64) {
            Ok(bytes) => {
                media.insert(name, bytes);
            }
            Err(e) => err(&file, None, e),
        }
    }
    media
}

/// Line endings as LF, without a byte-order mark.
fn normalise(text: &str) -> String {
    text.trim_start_matches('\u{feff}').replace("\r\n", "\n")
}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn find_line(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.trim_start().starts_with(needle)).map(|i| i + 1)
}

/// Writes a course folder in the canonical form (what `read_course` of it gives back exactly).
pub fn write_course(root: &Path, course: &CourseFolder) -> std::io::Result<()> {
    let dir = root.join(course.slug.as_str());
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("course.toml"), course_toml(course))?;
    for module in &course.modules {
        for (locale, text) in &module.texts {
            let name = format!("{:02}-{}.{}.md", module.position, module.slug, locale.code());
            let settings = module.quiz.as_ref().filter(|_| *locale == Locale::En).map(|q| &q.settings);
            std::fs::write(dir.join(name), module_file(module.minutes, settings, text))?;
        }
        for (locale, (format, source)) in module.quiz.iter().flat_map(|q| q.sources.iter()) {
            let name = format!("{:02}-{}.{}.{format}", module.position, module.slug, locale.code());
            std::fs::write(dir.join(name), source)?;
        }
    }
    if !course.media.is_empty() {
        std::fs::create_dir_all(dir.join("media"))?;
        for (name, bytes) in &course.media {
            std::fs::write(dir.join("media").join(name), bytes)?;
        }
    }
    Ok(())
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn course_toml(course: &CourseFolder) -> String {
    let mut out = String::new();
    out.push_str(&format!("open = {}\n", course.open));
    out.push_str(&format!("published = {}\n", course.published));
    if let Some(hours) = course.hours {
        out.push_str(&format!("hours = {hours}\n"));
    }
    out.push_str(&format!("completion = {}\n", quoted(course.completion.as_str())));
    for (locale, text) in &course.texts {
        out.push_str(&format!("\n[texts.{}]\n", locale.code()));
        out.push_str(&format!("title = {}\n", quoted(&text.title)));
        out.push_str(&format!("summary = {}\n", quoted(&text.summary)));
    }
    out
}

fn module_file(minutes: Option<i32>, quiz: Option<&Settings>, text: &ModuleText) -> String {
    let mut out = String::from("+++\n");
    out.push_str(&format!("title = {}\n", quoted(&text.title)));
    if let Some(minutes) = minutes {
        out.push_str(&format!("minutes = {minutes}\n"));
    }
    if let Some(q) = quiz {
        out.push_str("\n[quiz]\n");
        out.push_str(&format!("pass_percent = {}\n", q.pass_percent));
        if let Some(n) = q.attempts_allowed {
            out.push_str(&format!("attempts_allowed = {n}\n"));
        }
        if let Some(n) = q.time_limit_seconds {
            out.push_str(&format!("time_limit_seconds = {n}\n"));
        }
        out.push_str(&format!("shuffle_questions = {}\n", q.shuffle_questions));
        out.push_str(&format!("shuffle_choices = {}\n", q.shuffle_choices));
        if let Some(n) = q.draw {
            out.push_str(&format!("draw = {n}\n"));
        }
        let review =
            serde_json::to_value(q.review).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        out.push_str(&format!("review = {}\n", quoted(&review)));
        out.push_str(&format!("required_for_completion = {}\n", q.required_for_completion));
    }
    out.push_str("+++\n\n");
    out.push_str(&text.markdown);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names_carry_order_slug_and_language() {
        let (n, slug, locale) = parse_module_name("03-do-no-harm.uk.md").unwrap_or_else(|| panic!("parses"));
        assert_eq!((n, slug.as_str(), locale), (3, "do-no-harm", Locale::Uk));
        assert!(parse_module_name("3-x.de.md").is_none());
        assert!(parse_module_name("ab-x.en.md").is_none());
        assert!(parse_module_name("03-Bad_Slug.en.md").is_none());
        assert!(parse_module_name("03-notes.en.txt").is_none());
    }
}
