//! Quizzes: one per module, written in GIFT or Aiken per language; attempts graded on the server; item
//! analysis for trainers.

pub mod aiken;
pub mod api;
pub mod gift;
pub mod grading;
pub mod hooks;
pub mod model;
pub mod pages;
pub mod render;
pub mod stats;
mod store;

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::accounts::model::User;
use crate::core::error::{AppError, FieldErrors};
use crate::courses::{self, model::Access, model::Course};
use crate::db::{self, AnyConnection, Db};
use crate::i18n::{Locale, Msg, t};
use model::{Kind, Question, ReviewPolicy, Settings, Versions};
use store::{AttemptRow, QuizRow};

/// Checks that a translation has the same questions as the English version: the same ids in the same
/// order, each of the same type with the same number of choices or pairs.
pub fn check_translation(english: &[Question], other: &[Question]) -> Result<(), String> {
    if english.len() != other.len() {
        return Err(format!("{} questions, but the English version has {}", other.len(), english.len()));
    }
    for (n, (e, o)) in english.iter().zip(other).enumerate() {
        if e.id != o.id {
            return Err(format!("question {} has the id {:?}, but the English one has {:?}", n + 1, o.id, e.id));
        }
        if e.kind.shape() != o.kind.shape() {
            let (et, en) = e.kind.shape();
            let (ot, on) = o.kind.shape();
            return Err(format!("question {:?} is {ot} with {on} choices here, but {et} with {en} in English", e.id));
        }
    }
    Ok(())
}

#[cfg(test)]
mod shipped {
    use super::*;

    /// The shipped quizzes read without error and every translation matches its English version.
    #[test]
    fn shipped_quizzes_parse_and_translations_match() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("courses");
        let mut checked = 0;
        for course in std::fs::read_dir(&root).into_iter().flatten().flatten().filter(|e| e.path().is_dir()) {
            let mut files: Vec<_> =
                std::fs::read_dir(course.path()).into_iter().flatten().flatten().map(|e| e.path()).collect();
            files.sort();
            for en in files.iter().filter(|p| p.to_string_lossy().ends_with(".en.gift")) {
                let text = std::fs::read_to_string(en).unwrap_or_default();
                let english = gift::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", en.display()));
                assert!(english.len() >= 6, "{}", en.display());
                let kinds: std::collections::HashSet<_> = english.iter().map(|q| q.kind.name()).collect();
                assert!(kinds.len() >= 4, "{}: {kinds:?}", en.display());
                for lang in ["ru", "uk"] {
                    let path = en.to_string_lossy().replace(".en.gift", &format!(".{lang}.gift"));
                    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
                    let other = gift::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
                    check_translation(&english, &other).unwrap_or_else(|e| panic!("{path}: {e}"));
                    checked += 1;
                }
            }
        }
        assert!(checked >= 8, "{checked}");
    }
}

// ---- where a quiz lives, and who may do what with it ----

/// A quiz with its course, the reader's access and its current questions.
pub struct QuizContext {
    pub quiz: QuizRow,
    pub settings: Settings,
    pub course: Course,
    pub module_slug: String,
    pub access: Access,
}

fn parse_settings(text: &str) -> Settings {
    serde_json::from_str(text).unwrap_or_default()
}

/// 404 unless the reader may see the quiz's course (published, or theirs to edit) and its module is live.
fn context(conn: &mut AnyConnection, quiz_id: &str, user: Option<&User>) -> Result<QuizContext, AppError> {
    let (quiz, _, course_slug, module_slug, archived) =
        store::find_quiz_place(conn, quiz_id)?.ok_or(AppError::NotFound)?;
    let course = courses::find_course(conn, &course_slug)?.ok_or(AppError::NotFound)?;
    let access = courses::access(conn, &course, user)?;
    if archived || (!course.published && !access.can_edit) {
        return Err(AppError::NotFound);
    }
    let settings = parse_settings(&quiz.settings);
    Ok(QuizContext { quiz, settings, course, module_slug, access })
}

fn load_questions(conn: &mut AnyConnection, quiz_id: &str, version: i32) -> Result<Versions, AppError> {
    let (questions, _) = store::find_version(conn, quiz_id, version)?.ok_or(AppError::NotFound)?;
    serde_json::from_str(&questions).map_err(|e| AppError::internal(format!("stored quiz version is unreadable: {e}")))
}

/// The questions in `locale`, else English, else any.
fn in_language(versions: &Versions, locale: Locale) -> (Locale, Vec<Question>) {
    if let Some(q) = versions.get(&locale) {
        return (locale, q.clone());
    }
    if let Some(q) = versions.get(&Locale::En) {
        return (Locale::En, q.clone());
    }
    versions.iter().next().map(|(l, q)| (*l, q.clone())).unwrap_or((Locale::En, Vec::new()))
}

// ---- authoring ----

/// `PUT …/quiz`: settings, and one language's source.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct QuizInput {
    pub settings: Option<Settings>,
    pub language: Option<String>,
    pub format: String,
    pub source: String,
}

/// What saving a quiz gives back.
pub struct SavedQuiz {
    pub quiz_id: String,
    pub questions: Vec<Question>,
    pub course_slug: String,
    /// Translations dropped because they no longer match the English questions.
    pub dropped: Vec<Locale>,
}

/// A source that would not parse: 422 with the line and column.
pub fn syntax_error(e: gift::GiftError) -> AppError {
    AppError::Syntax { field: "source".into(), line: e.line, column: e.column, detail: e.message }
}

/// Parses a source in `format` ("gift" or "aiken").
pub fn parse_source(format: &str, source: &str) -> Result<Vec<Question>, AppError> {
    match format {
        "gift" | "" => gift::parse(source).map_err(syntax_error),
        "aiken" => aiken::parse(source).map_err(syntax_error),
        _ => Err(AppError::field("format", Msg::new("error-quiz-format"))),
    }
}

fn check_settings(settings: &Settings) -> Result<(), AppError> {
    let mut fields = FieldErrors::new();
    if settings.pass_percent > 100 {
        fields.insert("settings.pass_percent".into(), vec![Msg::new("error-percent-range")]);
    }
    if settings.attempts_allowed == Some(0) {
        fields.insert("settings.attempts_allowed".into(), vec![Msg::new("error-attempts-range")]);
    }
    if settings.time_limit_seconds.is_some_and(|s| !(30..=86_400).contains(&s)) {
        fields.insert("settings.time_limit_seconds".into(), vec![Msg::new("error-time-limit-range")]);
    }
    if settings.draw == Some(0) {
        fields.insert("settings.draw".into(), vec![Msg::new("error-draw-range")]);
    }
    if fields.is_empty() { Ok(()) } else { Err(AppError::Validation(fields)) }
}

/// Saves one language of a module's quiz. English defines the questions; a translation must have the
/// same ids in the same order. A quiz with attempts on its current version gets a new version, so that
/// finished attempts keep theirs.
pub async fn save_quiz(
    db: &Db,
    actor: &User,
    slug: &str,
    module_slug: &str,
    input: QuizInput,
) -> Result<SavedQuiz, AppError> {
    let language = match input.language.as_deref() {
        None | Some("") => Locale::En,
        Some(code) => Locale::parse(code)
            .filter(|l| l.code() == code)
            .ok_or_else(|| AppError::field("language", Msg::new("error-locale-unknown")))?,
    };
    let questions = parse_source(&input.format, &input.source)?;
    if questions.is_empty() {
        return Err(AppError::field("source", Msg::new("error-quiz-empty")));
    }
    if let Some(settings) = &input.settings {
        check_settings(settings)?;
    }
    let (actor, slug, module_slug) = (actor.clone(), slug.to_owned(), module_slug.to_owned());
    db.write(move |conn| {
        let course = courses::editable(conn, &slug, &actor)?;
        let module =
            courses::find_module(conn, &course.id, &module_slug)?.filter(|m| !m.archived).ok_or(AppError::NotFound)?;
        store_quiz(conn, &course, &module.id, language, questions, input.settings, &input.format, &input.source)
    })
    .await
}

/// Stores a language of a quiz (inside a write transaction). Shared by the editor and the importer.
#[allow(clippy::too_many_arguments)]
pub fn store_quiz(
    conn: &mut AnyConnection,
    course: &Course,
    module_id: &str,
    language: Locale,
    questions: Vec<Question>,
    settings: Option<Settings>,
    format: &str,
    source: &str,
) -> Result<SavedQuiz, AppError> {
    let now = db::now();
    let existing = store::find_quiz_by_module(conn, module_id)?;
    let (mut versions, mut sources): (Versions, BTreeMap<String, Value>) = match &existing {
        Some(q) => match store::find_version(conn, &q.id, q.version)? {
            Some((qs, src)) => {
                (serde_json::from_str(&qs).unwrap_or_default(), serde_json::from_str(&src).unwrap_or_default())
            }
            None => (Versions::new(), BTreeMap::new()),
        },
        None => (Versions::new(), BTreeMap::new()),
    };
    let mut dropped = Vec::new();
    if language == Locale::En {
        versions.insert(Locale::En, questions.clone());
        let english = versions.get(&Locale::En).cloned().unwrap_or_default();
        for locale in [Locale::Ru, Locale::Uk] {
            if let Some(other) = versions.get(&locale)
                && check_translation(&english, other).is_err()
            {
                versions.remove(&locale);
                sources.remove(locale.code());
                dropped.push(locale);
            }
        }
    } else {
        let english = versions
            .get(&Locale::En)
            .ok_or_else(|| AppError::field("language", Msg::new("error-quiz-english-first")))?;
        check_translation(english, &questions).map_err(|detail| AppError::Syntax {
            field: "source".into(),
            line: 1,
            column: 1,
            detail,
        })?;
        versions.insert(language, questions.clone());
    }
    sources.insert(
        language.code().to_owned(),
        serde_json::json!({"format": if format.is_empty() { "gift" } else { format }, "source": source}),
    );
    let questions_json = serde_json::to_string(&versions).map_err(|e| AppError::internal(e.to_string()))?;
    let sources_json = serde_json::to_string(&sources).map_err(|e| AppError::internal(e.to_string()))?;
    let quiz_id = match existing {
        Some(q) => {
            let settings_json = match &settings {
                Some(s) => serde_json::to_string(s).map_err(|e| AppError::internal(e.to_string()))?,
                None => q.settings.clone(),
            };
            let attempted = store::count_attempts(conn, &q.id, q.version)? > 0;
            let version = if attempted { q.version + 1 } else { q.version };
            store::put_version(conn, &q.id, version, &questions_json, &sources_json, now)?;
            store::update_quiz(conn, &q.id, &settings_json, version, now)?;
            q.id
        }
        None => {
            let settings_json =
                serde_json::to_string(&settings.unwrap_or_default()).map_err(|e| AppError::internal(e.to_string()))?;
            let quiz = QuizRow {
                id: uuid::Uuid::now_v7().to_string(),
                module_id: module_id.to_owned(),
                settings: settings_json,
                version: 1,
            };
            store::insert_quiz(conn, &quiz, now)?;
            store::put_version(conn, &quiz.id, 1, &questions_json, &sources_json, now)?;
            quiz.id
        }
    };
    Ok(SavedQuiz { quiz_id, questions, course_slug: course.slug.clone(), dropped })
}

/// Language → (format, source text).
pub type QuizSources = BTreeMap<Locale, (String, String)>;

/// A module's stored quiz as a folder holds it: settings, and (format, source) per language.
pub fn stored_quiz(conn: &mut AnyConnection, module_id: &str) -> Result<Option<(Settings, QuizSources)>, AppError> {
    let Some(quiz) = store::find_quiz_by_module(conn, module_id)? else { return Ok(None) };
    let sources: BTreeMap<String, Value> = store::find_version(conn, &quiz.id, quiz.version)?
        .map(|(_, s)| serde_json::from_str(&s).unwrap_or_default())
        .unwrap_or_default();
    let sources = sources
        .into_iter()
        .filter_map(|(l, v)| {
            let locale = Locale::parse(&l)?;
            Some((
                locale,
                (
                    v["format"].as_str().unwrap_or("gift").to_owned(),
                    v["source"].as_str().unwrap_or_default().to_owned(),
                ),
            ))
        })
        .collect();
    Ok(Some((parse_settings(&quiz.settings), sources)))
}

/// Imports a module's quiz from a course folder (inside the import's transaction); nothing changes when
/// the folder holds what is stored. Returns whether anything changed.
pub fn import_quiz(
    conn: &mut AnyConnection,
    course: &Course,
    module_id: &str,
    folder: &model::QuizFolder,
) -> Result<bool, AppError> {
    if let Some((settings, sources)) = stored_quiz(conn, module_id)?
        && settings == folder.settings
        && sources == folder.sources
    {
        return Ok(false);
    }
    let mut languages: Vec<&Locale> = folder.sources.keys().collect();
    languages.sort_by_key(|l| **l != Locale::En);
    for locale in languages {
        let (format, source) = &folder.sources[locale];
        let questions = parse_source(format, source)?;
        let settings = (*locale == Locale::En).then(|| folder.settings.clone());
        store_quiz(conn, course, module_id, *locale, questions, settings, format, source)?;
    }
    Ok(true)
}

/// The quiz of a module, for its editor: settings and the source per language.
pub struct QuizSource {
    pub quiz_id: Option<String>,
    pub settings: Settings,
    pub sources: BTreeMap<String, (String, String)>,
}

pub async fn quiz_source(db: &Db, actor: &User, slug: &str, module_slug: &str) -> Result<QuizSource, AppError> {
    let (actor, slug, module_slug) = (actor.clone(), slug.to_owned(), module_slug.to_owned());
    db.run(move |conn| {
        let course = courses::editable(conn, &slug, &actor)?;
        let module =
            courses::find_module(conn, &course.id, &module_slug)?.filter(|m| !m.archived).ok_or(AppError::NotFound)?;
        let Some(quiz) = store::find_quiz_by_module(conn, &module.id)? else {
            return Ok(QuizSource { quiz_id: None, settings: Settings::default(), sources: BTreeMap::new() });
        };
        let sources: BTreeMap<String, Value> = store::find_version(conn, &quiz.id, quiz.version)?
            .map(|(_, s)| serde_json::from_str(&s).unwrap_or_default())
            .unwrap_or_default();
        let sources = sources
            .into_iter()
            .map(|(l, v)| {
                let format = v["format"].as_str().unwrap_or("gift").to_owned();
                (l, (format, v["source"].as_str().unwrap_or_default().to_owned()))
            })
            .collect();
        Ok(QuizSource { quiz_id: Some(quiz.id.clone()), settings: parse_settings(&quiz.settings), sources })
    })
    .await
}

// ---- taking a quiz ----

/// A scholar's view of a quiz: its settings and their attempts so far.
pub struct QuizInfo {
    pub id: String,
    pub title: String,
    pub settings: Settings,
    pub course_slug: String,
    pub module_slug: String,
    pub attempts: Vec<AttemptRow>,
    pub best_percent: Option<f64>,
    pub passed: bool,
    pub unfinished: Option<String>,
    pub attempts_left: Option<u32>,
    pub access: Access,
}

pub fn percent(score_milli: i64, max_milli: i64) -> f64 {
    if max_milli <= 0 { 0.0 } else { (score_milli as f64 * 10000.0 / max_milli as f64).round() / 100.0 }
}

pub async fn quiz_info(db: &Db, user: &User, quiz_id: &str, locale: Locale) -> Result<QuizInfo, AppError> {
    let (user, quiz_id) = (user.clone(), quiz_id.to_owned());
    db.write(move |conn| {
        let ctx = context(conn, &quiz_id, Some(&user))?;
        if !ctx.access.can_read_modules() {
            return Err(AppError::Forbidden);
        }
        let mut attempts = store::attempts_of(conn, &quiz_id, &user.id)?;
        for a in attempts.iter_mut() {
            close_if_expired(conn, &ctx, a)?;
        }
        let title = module_title(conn, &ctx, locale)?;
        Ok(summarise(ctx, title, attempts))
    })
    .await
}

fn module_title(conn: &mut AnyConnection, ctx: &QuizContext, locale: Locale) -> Result<String, AppError> {
    let module = courses::find_module(conn, &ctx.course.id, &ctx.module_slug)?.ok_or(AppError::NotFound)?;
    let revisions = courses::current_revisions(conn, std::slice::from_ref(&module.id))?;
    let chosen =
        revisions.iter().find(|r| r.locale == locale).or_else(|| revisions.iter().find(|r| r.locale == Locale::En));
    Ok(chosen.map(|r| r.title.clone()).unwrap_or_else(|| ctx.module_slug.clone()))
}

fn summarise(ctx: QuizContext, title: String, attempts: Vec<AttemptRow>) -> QuizInfo {
    let best_percent = attempts
        .iter()
        .filter(|a| a.submitted_at.is_some())
        .map(|a| percent(a.score_milli.unwrap_or(0), a.max_milli))
        .reduce(f64::max);
    let passed = attempts.iter().any(|a| a.passed == Some(true));
    let unfinished = attempts.iter().find(|a| a.submitted_at.is_none()).map(|a| a.id.clone());
    let attempts_left = ctx.settings.attempts_allowed.map(|n| n.saturating_sub(attempts.len() as u32));
    QuizInfo {
        id: ctx.quiz.id,
        title,
        settings: ctx.settings,
        course_slug: ctx.course.slug,
        module_slug: ctx.module_slug,
        attempts,
        best_percent,
        passed,
        unfinished,
        attempts_left,
        access: ctx.access,
    }
}

/// One question of an attempt in its attempt's order, with ids and safe HTML only: no answer, weight or
/// feedback.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ShownQuestion {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub text_html: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<Labelled>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompts: Option<Vec<Labelled>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<Labelled>>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Labelled {
    pub id: String,
    pub text_html: String,
}

/// The questions of an attempt and the order of each one's choices or options.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Layout {
    questions: Vec<LayoutItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct LayoutItem {
    id: String,
    /// Indexes into the choices (or matching options) in the order shown.
    order: Vec<usize>,
}

fn make_layout(questions: &[Question], settings: &Settings, seed: i64) -> Layout {
    let mut rng = render::Shuffler::new(seed);
    let mut chosen: Vec<usize> = (0..questions.len()).collect();
    if let Some(n) = settings.draw.map(|n| n as usize).filter(|n| *n < questions.len()) {
        rng.shuffle(&mut chosen);
        chosen.truncate(n);
        chosen.sort_unstable();
    }
    if settings.shuffle_questions {
        rng.shuffle(&mut chosen);
    }
    let items = chosen
        .into_iter()
        .map(|i| {
            let q = &questions[i];
            let count = match &q.kind {
                Kind::Single { choices } | Kind::Multiple { choices } => choices.len(),
                Kind::Matching { pairs } => grading::options(pairs).len(),
                _ => 0,
            };
            let mut order: Vec<usize> = (0..count).collect();
            if settings.shuffle_choices || matches!(q.kind, Kind::Matching { .. }) {
                // Matching options are always shuffled: in file order they would give the answers away.
                rng.shuffle(&mut order);
            }
            LayoutItem { id: q.id.clone(), order }
        })
        .collect();
    Layout { questions: items }
}

fn show(question: &Question, item: &LayoutItem, course_slug: &str) -> ShownQuestion {
    let html = |t: &model::Text| render::html(t, course_slug);
    let (mut choices, mut prompts, mut options) = (None, None, None);
    match &question.kind {
        Kind::Single { choices: c } | Kind::Multiple { choices: c } => {
            choices = Some(
                item.order
                    .iter()
                    .filter_map(|i| {
                        c.get(*i).map(|ch| Labelled { id: grading::choice_id(*i), text_html: html(&ch.text) })
                    })
                    .collect(),
            );
        }
        Kind::Matching { pairs } => {
            prompts = Some(
                grading::prompts(pairs)
                    .into_iter()
                    .map(|(id, i)| Labelled { id, text_html: html(&pairs[i].prompt) })
                    .collect(),
            );
            let all = grading::options(pairs);
            options = Some(
                item.order
                    .iter()
                    .filter_map(|i| all.get(*i))
                    .map(|(id, text)| Labelled {
                        id: id.clone(),
                        text_html: html(&model::Text::new(text.clone(), model::TextFormat::Plain)),
                    })
                    .collect(),
            );
        }
        _ => {}
    }
    ShownQuestion {
        id: question.id.clone(),
        kind: question.kind.name().into(),
        title: question.title.clone(),
        text_html: html(&question.text),
        choices,
        prompts,
        options,
    }
}

/// What `POST /quizzes/{id}/attempts` gives: the attempt, and whether it is new.
pub async fn start_attempt(db: &Db, user: &User, quiz_id: &str, locale: Locale) -> Result<(String, bool), AppError> {
    let (user, quiz_id) = (user.clone(), quiz_id.to_owned());
    db.write(move |conn| {
        let ctx = context(conn, &quiz_id, Some(&user))?;
        if !ctx.access.enrolled {
            // Quizzes are taken by enrolled scholars; trainers read them but do not attempt them.
            return Err(AppError::Forbidden);
        }
        // One start at a time per scholar and quiz (PostgreSQL; SQLite's write lock already serialises).
        db::serialise(conn, lock_key(&quiz_id, &user.id))?;
        let mut attempts = store::attempts_of(conn, &quiz_id, &user.id)?;
        for a in attempts.iter_mut() {
            close_if_expired(conn, &ctx, a)?;
        }
        if let Some(open) = attempts.iter().find(|a| a.submitted_at.is_none()) {
            return Ok((open.id.clone(), false));
        }
        if ctx.settings.attempts_allowed.is_some_and(|n| attempts.len() as u32 >= n) {
            return Err(AppError::Conflict(Msg::new("error-no-attempts-left")));
        }
        let versions = load_questions(conn, &quiz_id, ctx.quiz.version)?;
        let (language, questions) = in_language(&versions, locale);
        let seed = rand::random::<i64>();
        let layout = make_layout(&questions, &ctx.settings, seed);
        let max: f64 =
            layout.questions.iter().filter_map(|i| questions.iter().find(|q| q.id == i.id)).map(|q| q.weight).sum();
        let now = db::now();
        let attempt = AttemptRow {
            id: uuid::Uuid::now_v7().to_string(),
            quiz_id: quiz_id.clone(),
            version: ctx.quiz.version,
            user_id: user.id.clone(),
            number: attempts.len() as i32 + 1,
            locale: language.code().into(),
            seed,
            layout: serde_json::to_string(&layout).map_err(|e| AppError::internal(e.to_string()))?,
            started_at: now,
            deadline: ctx.settings.time_limit_seconds.map(|s| now + Duration::seconds(i64::from(s))),
            submitted_at: None,
            score_milli: None,
            max_milli: (max * 1000.0).round() as i64,
            passed: None,
        };
        store::insert_attempt(conn, &attempt)?;
        Ok((attempt.id, true))
    })
    .await
}

fn lock_key(quiz_id: &str, user_id: &str) -> i64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("attempt:{quiz_id}:{user_id}").as_bytes());
    i64::from_le_bytes(digest[..8].try_into().unwrap_or([0; 8]))
}

/// An attempt past its deadline is closed as it stood, whatever the client sends afterwards.
fn close_if_expired(conn: &mut AnyConnection, ctx: &QuizContext, attempt: &mut AttemptRow) -> Result<(), AppError> {
    if attempt.submitted_at.is_none()
        && let Some(deadline) = attempt.deadline
        && db::now() > deadline
    {
        grade_and_close(conn, ctx, attempt, deadline)?;
    }
    Ok(())
}

fn attempt_questions(conn: &mut AnyConnection, attempt: &AttemptRow) -> Result<(Vec<Question>, Layout), AppError> {
    let versions = load_questions(conn, &attempt.quiz_id, attempt.version)?;
    let locale = Locale::parse(&attempt.locale).unwrap_or_default();
    let (_, questions) = in_language(&versions, locale);
    let layout: Layout =
        serde_json::from_str(&attempt.layout).map_err(|e| AppError::internal(format!("layout: {e}")))?;
    Ok((questions, layout))
}

fn grade_and_close(
    conn: &mut AnyConnection,
    ctx: &QuizContext,
    attempt: &mut AttemptRow,
    at: NaiveDateTime,
) -> Result<(), AppError> {
    let (questions, layout) = attempt_questions(conn, attempt)?;
    let answers: HashMap<String, Value> = store::answers_of(conn, &attempt.id)?
        .into_iter()
        .filter_map(|a| serde_json::from_str(&a.answer).ok().map(|v| (a.question_id, v)))
        .collect();
    let mut total = 0i64;
    for item in &layout.questions {
        let Some(q) = questions.iter().find(|q| q.id == item.id) else { continue };
        let answer = answers.get(&q.id);
        let score = grading::grade(q, answer).map(|f| (f * q.weight * 1000.0).round() as i64);
        if answer.is_some() {
            store::set_answer_score(conn, &attempt.id, &q.id, score, None, None, None)?;
        }
        total += score.unwrap_or(0);
    }
    let passed = percent(total, attempt.max_milli) >= f64::from(ctx.settings.pass_percent);
    if store::finish_attempt(conn, &attempt.id, at, total, passed)? {
        attempt.submitted_at = Some(at);
        attempt.score_milli = Some(total);
        attempt.passed = Some(passed);
        hooks::report_graded(conn, &ctx.course.id, &attempt.user_id)?;
    }
    Ok(())
}

/// Who is looking at an attempt.
fn attempt_context(
    conn: &mut AnyConnection,
    attempt_id: &str,
    user: &User,
) -> Result<(QuizContext, AttemptRow, bool), AppError> {
    let attempt = store::find_attempt(conn, attempt_id)?.ok_or(AppError::NotFound)?;
    let ctx = context(conn, &attempt.quiz_id, Some(user))?;
    let own = attempt.user_id == user.id;
    if !own && !ctx.access.can_edit {
        return Err(AppError::NotFound);
    }
    Ok((ctx, attempt, own))
}

/// Saves one answer of an open attempt, as it is given.
pub async fn save_answer(
    db: &Db,
    user: &User,
    attempt_id: &str,
    question_id: &str,
    answer: Result<Value, AppError>,
) -> Result<(), AppError> {
    let (user, attempt_id, question_id) = (user.clone(), attempt_id.to_owned(), question_id.to_owned());
    db.write(move |conn| {
        let (ctx, mut attempt, own) = attempt_context(conn, &attempt_id, &user)?;
        if !own {
            return Err(AppError::NotFound);
        }
        let (questions, layout) = attempt_questions(conn, &attempt)?;
        if !layout.questions.iter().any(|i| i.id == question_id) {
            return Err(AppError::NotFound);
        }
        let question = questions.iter().find(|q| q.id == question_id).ok_or(AppError::NotFound)?;
        let answer = answer?;
        grading::check_shape(question, &answer).map_err(shape_error)?;
        close_if_expired(conn, &ctx, &mut attempt)?;
        if attempt.submitted_at.is_some() {
            return Err(AppError::Conflict(Msg::new(if attempt.deadline.is_some_and(|d| db::now() > d) {
                "error-attempt-expired"
            } else {
                "error-attempt-submitted"
            })));
        }
        let text = serde_json::to_string(&answer).map_err(|e| AppError::internal(e.to_string()))?;
        store::put_answer(conn, &attempt.id, &question_id, &text, db::now())
    })
    .await
}

fn shape_error(e: grading::ShapeError) -> AppError {
    let msg = match e {
        grading::ShapeError::WrongType(expected) => Msg::new("error-answer-shape").with("expected", expected),
        grading::ShapeError::UnknownId(id) => Msg::new("error-answer-unknown-id").with("id", id),
        grading::ShapeError::TooLong => Msg::new("error-answer-too-long").with("max", grading::MAX_TEXT_ANSWER_CHARS),
    };
    AppError::field("answer", msg)
}

/// Submits an attempt (grading it once; a second submit returns the same result).
pub async fn submit(db: &Db, user: &User, attempt_id: &str, locale: Locale) -> Result<AttemptView, AppError> {
    let (user2, attempt_id2) = (user.clone(), attempt_id.to_owned());
    db.write(move |conn| {
        let (ctx, mut attempt, own) = attempt_context(conn, &attempt_id2, &user2)?;
        if !own {
            return Err(AppError::NotFound);
        }
        close_if_expired(conn, &ctx, &mut attempt)?;
        if attempt.submitted_at.is_none() {
            grade_and_close(conn, &ctx, &mut attempt, db::now())?;
        }
        Ok(())
    })
    .await?;
    attempt_view(db, user, attempt_id, locale).await
}

/// One question's result, as far as the review policy lets the reader see.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReviewItem {
    pub id: String,
    /// Absent for an essay not graded yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    pub max_score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback_html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right_answer_html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// An attempt as its reader may see it.
pub struct AttemptView {
    pub attempt: AttemptRow,
    pub quiz_id: String,
    pub quiz_title: String,
    pub course_slug: String,
    pub module_slug: String,
    pub questions: Vec<ShownQuestion>,
    pub answers: BTreeMap<String, Value>,
    pub review: Option<Vec<ReviewItem>>,
    pub pending_grading: bool,
    pub pass_percent: u32,
    pub own: bool,
}

impl AttemptView {
    pub fn score(&self) -> f64 {
        self.attempt.score_milli.unwrap_or(0) as f64 / 1000.0
    }
    pub fn max_score(&self) -> f64 {
        self.attempt.max_milli as f64 / 1000.0
    }
    pub fn percent(&self) -> f64 {
        percent(self.attempt.score_milli.unwrap_or(0), self.attempt.max_milli)
    }
}

pub async fn attempt_view(db: &Db, user: &User, attempt_id: &str, locale: Locale) -> Result<AttemptView, AppError> {
    let (user, attempt_id) = (user.clone(), attempt_id.to_owned());
    db.write(move |conn| {
        let (ctx, mut attempt, own) = attempt_context(conn, &attempt_id, &user)?;
        close_if_expired(conn, &ctx, &mut attempt)?;
        let (questions, layout) = attempt_questions(conn, &attempt)?;
        let rows = store::answers_of(conn, &attempt.id)?;
        let answers: BTreeMap<String, Value> = rows
            .iter()
            .filter_map(|a| serde_json::from_str(&a.answer).ok().map(|v| (a.question_id.clone(), v)))
            .collect();
        let shown: Vec<ShownQuestion> = layout
            .questions
            .iter()
            .filter_map(|item| questions.iter().find(|q| q.id == item.id).map(|q| show(q, item, &ctx.course.slug)))
            .collect();
        let pending_grading = attempt.submitted_at.is_some()
            && layout.questions.iter().any(|i| {
                questions.iter().any(|q| q.id == i.id && matches!(q.kind, Kind::Essay))
                    && rows.iter().any(|r| r.question_id == i.id && r.score_milli.is_none())
            });
        let all = store::attempts_of(conn, &attempt.quiz_id, &attempt.user_id)?;
        let may_review = attempt.submitted_at.is_some() && (ctx.access.can_edit || review_allowed(&ctx.settings, &all));
        let lang = Locale::parse(&attempt.locale).unwrap_or(locale);
        let review = may_review.then(|| {
            layout
                .questions
                .iter()
                .filter_map(|item| questions.iter().find(|q| q.id == item.id))
                .map(|q| {
                    review_item(
                        q,
                        rows.iter().find(|r| r.question_id == q.id),
                        answers.get(&q.id),
                        &ctx.course.slug,
                        lang,
                    )
                })
                .collect()
        });
        let quiz_title = module_title(conn, &ctx, locale)?;
        Ok(AttemptView {
            quiz_id: ctx.quiz.id.clone(),
            quiz_title,
            course_slug: ctx.course.slug.clone(),
            module_slug: ctx.module_slug.clone(),
            questions: shown,
            answers,
            review,
            pending_grading,
            pass_percent: ctx.settings.pass_percent,
            attempt,
            own,
        })
    })
    .await
}

/// Whether a scholar may see scores, feedback and right answers of their submitted attempts.
fn review_allowed(settings: &Settings, attempts: &[AttemptRow]) -> bool {
    let passed = attempts.iter().any(|a| a.passed == Some(true));
    match settings.review {
        ReviewPolicy::AfterAttempt => true,
        ReviewPolicy::AfterPass => passed,
        ReviewPolicy::AfterLastAttempt => match settings.attempts_allowed {
            Some(n) => attempts.iter().filter(|a| a.submitted_at.is_some()).count() as u32 >= n,
            None => passed,
        },
        ReviewPolicy::Never => false,
    }
}

fn review_item(
    q: &Question,
    row: Option<&store::AnswerRow>,
    answer: Option<&Value>,
    slug: &str,
    locale: Locale,
) -> ReviewItem {
    let html = |t: &model::Text| render::html(t, slug);
    let mut feedback: Vec<String> = Vec::new();
    let right = match &q.kind {
        Kind::Single { choices } | Kind::Multiple { choices } => {
            let chosen: Vec<String> = match answer {
                Some(Value::String(s)) => vec![s.clone()],
                Some(Value::Array(l)) => l.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
                _ => Vec::new(),
            };
            for (i, c) in choices.iter().enumerate() {
                if chosen.contains(&grading::choice_id(i))
                    && let Some(f) = &c.feedback
                {
                    feedback.push(html(f));
                }
            }
            let best = choices.iter().map(|c| c.fraction).fold(f64::MIN, f64::max);
            let rights: Vec<String> = choices
                .iter()
                .filter(|c| if matches!(q.kind, Kind::Single { .. }) { c.fraction == best } else { c.fraction > 0.0 })
                .map(|c| html(&c.text))
                .collect();
            Some(rights.join("<br>"))
        }
        Kind::TrueFalse { answer: right, wrong_feedback, right_feedback } => {
            let given = answer.and_then(Value::as_bool);
            let f = if given == Some(*right) { right_feedback } else { wrong_feedback };
            if let Some(f) = f.as_ref().filter(|_| given.is_some()) {
                feedback.push(html(f));
            }
            Some(t(locale, if *right { "quiz-true" } else { "quiz-false" }))
        }
        Kind::Short { answers } => {
            if let Some(given) = answer.and_then(Value::as_str)
                && let Some(f) = answers
                    .iter()
                    .find(|a| grading::short_answer_matches(given, &a.text))
                    .and_then(|a| a.feedback.as_ref())
            {
                feedback.push(html(f));
            }
            let best = answers.iter().map(|a| a.fraction).fold(f64::MIN, f64::max);
            answers
                .iter()
                .find(|a| a.fraction == best)
                .map(|a| html(&model::Text::new(a.text.clone(), model::TextFormat::Plain)))
        }
        Kind::Numerical { answers } => {
            let best = answers.iter().filter(|a| a.value.is_some()).map(|a| a.fraction).fold(f64::MIN, f64::max);
            answers.iter().find(|a| a.value.is_some() && a.fraction == best).and_then(|a| {
                a.value.map(|v| if a.tolerance > 0.0 { format!("{v} ± {}", a.tolerance) } else { format!("{v}") })
            })
        }
        Kind::Matching { pairs } => Some(
            pairs
                .iter()
                .filter(|p| !p.prompt.is_empty())
                .map(|p| {
                    format!(
                        "{} → {}",
                        html(&p.prompt),
                        html(&model::Text::new(p.answer.clone(), model::TextFormat::Plain))
                    )
                })
                .collect::<Vec<_>>()
                .join("<br>"),
        ),
        Kind::Essay => None,
    };
    if let Some(g) = &q.general_feedback {
        feedback.push(html(g));
    }
    ReviewItem {
        id: q.id.clone(),
        score: row
            .and_then(|r| r.score_milli)
            .map(|s| s as f64 / 1000.0)
            .or_else(|| (row.is_none() && !matches!(q.kind, Kind::Essay)).then_some(0.0)),
        max_score: q.weight,
        feedback_html: (!feedback.is_empty()).then(|| feedback.join("<br>")),
        right_answer_html: right.filter(|r| !r.is_empty()),
        comment: row.and_then(|r| r.comment.clone()),
    }
}

// ---- trainers: grading, results, export, statistics ----

/// A trainer grades an essay answer (0 to the question's weight), with an optional comment.
pub async fn grade_essay(
    db: &Db,
    actor: &User,
    attempt_id: &str,
    question_id: &str,
    score: Result<(f64, Option<String>), AppError>,
) -> Result<(), AppError> {
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    let (actor, attempt_id, question_id) = (actor.clone(), attempt_id.to_owned(), question_id.to_owned());
    db.write(move |conn| {
        let (ctx, attempt, _) = attempt_context(conn, &attempt_id, &actor)?;
        if !ctx.access.can_edit {
            return Err(AppError::Forbidden);
        }
        let (questions, layout) = attempt_questions(conn, &attempt)?;
        let question = questions
            .iter()
            .find(|q| q.id == question_id && layout.questions.iter().any(|i| i.id == q.id))
            .ok_or(AppError::NotFound)?;
        let (score, comment) = score?;
        if !matches!(question.kind, Kind::Essay) {
            return Err(AppError::field("score", Msg::new("error-not-an-essay")));
        }
        if !(0.0..=question.weight).contains(&score) || !score.is_finite() {
            return Err(AppError::field("score", Msg::new("error-score-range").with("max", question.weight as i64)));
        }
        if attempt.submitted_at.is_none() {
            return Err(AppError::Conflict(Msg::new("error-attempt-open")));
        }
        let milli = (score * 1000.0).round() as i64;
        if !store::set_answer_score(
            conn,
            &attempt.id,
            &question_id,
            Some(milli),
            comment.as_deref(),
            Some(&actor.id),
            Some(db::now()),
        )? {
            // No answer was given: record the grade on an empty answer.
            store::put_answer(conn, &attempt.id, &question_id, "\"\"", db::now())?;
            store::set_answer_score(
                conn,
                &attempt.id,
                &question_id,
                Some(milli),
                comment.as_deref(),
                Some(&actor.id),
                Some(db::now()),
            )?;
        }
        let total: i64 = store::answers_of(conn, &attempt.id)?.iter().filter_map(|a| a.score_milli).sum();
        let passed = percent(total, attempt.max_milli) >= f64::from(ctx.settings.pass_percent);
        store::set_attempt_score(conn, &attempt.id, total, passed)?;
        hooks::report_graded(conn, &ctx.course.id, &attempt.user_id)?;
        Ok(())
    })
    .await
}

/// What trainers see of a quiz: its context and every submitted attempt with the scholar's handle.
pub struct Results {
    pub quiz_id: String,
    pub title: String,
    pub course_slug: String,
    pub module_slug: String,
    pub attempts: Vec<(AttemptRow, String)>,
    /// (attempt id, handle, question id, question title, answer text) of essays awaiting a grade.
    pub to_grade: Vec<(String, String, String, String, String)>,
}

fn staff_context(conn: &mut AnyConnection, quiz_id: &str, actor: &User) -> Result<QuizContext, AppError> {
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    let ctx = context(conn, quiz_id, Some(actor))?;
    if !ctx.access.can_edit {
        return Err(if ctx.course.published { AppError::Forbidden } else { AppError::NotFound });
    }
    Ok(ctx)
}

pub async fn results(db: &Db, actor: &User, quiz_id: &str, locale: Locale) -> Result<Results, AppError> {
    let (actor, quiz_id) = (actor.clone(), quiz_id.to_owned());
    db.run(move |conn| {
        let ctx = staff_context(conn, &quiz_id, &actor)?;
        let attempts = store::submitted_attempts(conn, &quiz_id)?;
        let mut to_grade = Vec::new();
        for (attempt, handle) in &attempts {
            let (questions, _) = attempt_questions(conn, attempt)?;
            for row in store::answers_of(conn, &attempt.id)? {
                if row.score_milli.is_none()
                    && let Some(q) = questions.iter().find(|q| q.id == row.question_id && matches!(q.kind, Kind::Essay))
                {
                    let text = serde_json::from_str::<Value>(&row.answer)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default();
                    to_grade.push((attempt.id.clone(), handle.clone(), q.id.clone(), q.title.clone(), text));
                }
            }
        }
        let title = module_title(conn, &ctx, locale)?;
        Ok(Results {
            quiz_id: ctx.quiz.id,
            title,
            course_slug: ctx.course.slug,
            module_slug: ctx.module_slug,
            attempts,
            to_grade,
        })
    })
    .await
}

/// The GIFT text of a quiz in one language.
pub async fn export(db: &Db, actor: &User, quiz_id: &str, language: Locale) -> Result<String, AppError> {
    let (actor, quiz_id) = (actor.clone(), quiz_id.to_owned());
    db.run(move |conn| {
        let ctx = staff_context(conn, &quiz_id, &actor)?;
        let versions = load_questions(conn, &quiz_id, ctx.quiz.version)?;
        let questions = versions.get(&language).ok_or(AppError::NotFound)?;
        Ok(gift::write(questions))
    })
    .await
}

/// Item analysis of a quiz's current version.
pub struct Statistics {
    pub quiz_id: String,
    pub title: String,
    pub course_slug: String,
    pub module_slug: String,
    pub attempts: usize,
    pub alpha: Option<f64>,
    /// (question id, title, figures).
    pub questions: Vec<(String, String, stats::ItemStats)>,
}

pub async fn statistics(
    db: &Db,
    actor: &User,
    quiz_id: &str,
    all_attempts: bool,
    locale: Locale,
) -> Result<Statistics, AppError> {
    let (actor, quiz_id) = (actor.clone(), quiz_id.to_owned());
    db.run(move |conn| {
        let ctx = staff_context(conn, &quiz_id, &actor)?;
        let versions = load_questions(conn, &quiz_id, ctx.quiz.version)?;
        let (_, questions) = in_language(&versions, Locale::En);
        let mut seen_users = std::collections::HashSet::new();
        let mut marks: Vec<Vec<f64>> = Vec::new();
        for (attempt, _) in store::submitted_attempts(conn, &quiz_id)? {
            if attempt.version != ctx.quiz.version || (!all_attempts && !seen_users.insert(attempt.user_id.clone())) {
                continue;
            }
            let rows = store::answers_of(conn, &attempt.id)?;
            let layout: Layout = serde_json::from_str(&attempt.layout).unwrap_or(Layout { questions: Vec::new() });
            if layout.questions.len() != questions.len() {
                // Drawn subsets are not comparable question by question; Moodle leaves them out too.
                continue;
            }
            marks.push(
                questions
                    .iter()
                    .map(|q| {
                        rows.iter().find(|r| r.question_id == q.id).and_then(|r| r.score_milli).unwrap_or(0) as f64
                            / 1000.0
                    })
                    .collect(),
            );
        }
        let max: Vec<f64> = questions.iter().map(|q| q.weight).collect();
        let (items, alpha) = stats::analyse(&marks, &max);
        let title = module_title(conn, &ctx, locale)?;
        Ok(Statistics {
            quiz_id: ctx.quiz.id,
            title,
            course_slug: ctx.course.slug,
            module_slug: ctx.module_slug,
            attempts: marks.len(),
            alpha,
            questions: questions.iter().zip(items).map(|(q, s)| (q.id.clone(), q.title.clone(), s)).collect(),
        })
    })
    .await
}

// ---- for the domains above: progress (completion, reading views) and scholarships (dashboards) ----

/// The quiz of each of `module_ids` that has one: (module id, quiz id).
pub fn quiz_of_each_module(conn: &mut AnyConnection, module_ids: &[String]) -> Result<Vec<(String, String)>, AppError> {
    Ok(store::quizzes_of_modules(conn, module_ids)?.into_iter().map(|(module, quiz, _)| (module, quiz)).collect())
}

/// The quizzes of `module_ids` that must be passed to complete the course. A quiz whose stored settings
/// cannot be read counts as required: a course is never completed by a corrupt row.
pub fn required_for_completion(conn: &mut AnyConnection, module_ids: &[String]) -> Result<Vec<String>, AppError> {
    Ok(store::quizzes_of_modules(conn, module_ids)?
        .into_iter()
        .filter(|(_, _, settings)| {
            serde_json::from_str::<model::Settings>(settings).map(|s| s.required_for_completion).unwrap_or(true)
        })
        .map(|(_, quiz_id, _)| quiz_id)
        .collect())
}

/// Which of `quiz_ids` the user has passed.
pub fn passed_quizzes(conn: &mut AnyConnection, user_id: &str, quiz_ids: &[String]) -> Result<Vec<String>, AppError> {
    store::passed_quizzes(conn, user_id, quiz_ids)
}

/// The scores of `user_ids` on `quiz_ids`: (user id, quiz id, score, maximum, when), in thousandths.
pub fn scores_of_users(
    conn: &mut AnyConnection,
    quiz_ids: &[String],
    user_ids: &[String],
) -> Result<Vec<store::ScoreRow>, AppError> {
    store::scores_of_users(conn, quiz_ids, user_ids)
}
