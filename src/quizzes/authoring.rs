//! Authoring a quiz: GIFT or Aiken source per language, parsed and checked, stored as a new version; the
//! quiz of a module in a course folder; the editor's view of a quiz.

#[allow(unused_imports)]
use super::*;

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
    // Question texts are Markdown: refuse deep nesting before anything parses or renders it.
    let max = crate::courses::markdown::MAX_NESTING;
    if crate::courses::markdown::nesting_depth(source) > max {
        return Err(AppError::field("source", Msg::new("error-nesting-too-deep").with("max", max)));
    }
    match format {
        "gift" | "" => gift::parse(source).map_err(syntax_error),
        "aiken" => aiken::parse(source).map_err(syntax_error),
        _ => Err(AppError::field("format", Msg::new("error-quiz-format"))),
    }
}

pub(super) fn check_settings(settings: &Settings) -> Result<(), AppError> {
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
    // The ids the parser made up are written into the source kept (and shown again in the editor), so
    // that the trainer sees the ids a translation must use.
    let mut input = input;
    if matches!(input.format.as_str(), "gift" | "")
        && let Some(written) = gift::with_ids_written(&input.source).map_err(syntax_error)?
    {
        input.source = written;
    }
    let (actor, slug, module_slug) = (actor.clone(), slug.to_owned(), module_slug.to_owned());
    db.write(move |conn| {
        let course = courses::editable(conn, &slug, &actor)?;
        let module =
            courses::find_module(conn, &course.id, &module_slug)?.filter(|m| !m.archived).ok_or(AppError::NotFound)?;
        store_quiz(
            conn,
            &course,
            &module.id,
            QuizText { language, questions, settings: input.settings, format: &input.format, source: &input.source },
        )
    })
    .await
}

/// The parts of `store_quiz` that vary between its callers.
pub struct QuizText<'a> {
    pub language: Locale,
    pub questions: Vec<Question>,
    pub settings: Option<Settings>,
    pub format: &'a str,
    pub source: &'a str,
}

/// Stores a language of a quiz (inside a write transaction). Shared by the editor and the importer.
pub fn store_quiz(
    conn: &mut AnyConnection,
    course: &Course,
    module_id: &str,
    text: QuizText<'_>,
) -> Result<SavedQuiz, AppError> {
    let QuizText { language, questions, settings, format, source } = text;
    let now = db::now();
    let existing = store::find_quiz_by_module(conn, module_id)?;
    let (mut versions, mut sources): (Versions, BTreeMap<String, Value>) = match &existing {
        Some(q) => match store::find_version(conn, &q.id, q.version)? {
            Some((qs, src)) => (stored("quiz version", &qs)?, stored("quiz sources", &src)?),
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
        .map(|(_, s)| stored("quiz sources", &s))
        .transpose()?
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
    Ok(Some((parse_settings(&quiz.settings)?, sources)))
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
        store_quiz(conn, course, module_id, QuizText { language: *locale, questions, settings, format, source })?;
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
            .map(|(_, s)| stored("quiz sources", &s))
            .transpose()?
            .unwrap_or_default();
        let sources = sources
            .into_iter()
            .map(|(l, v)| {
                let format = v["format"].as_str().unwrap_or("gift").to_owned();
                (l, (format, v["source"].as_str().unwrap_or_default().to_owned()))
            })
            .collect();
        Ok(QuizSource { quiz_id: Some(quiz.id.clone()), settings: parse_settings(&quiz.settings)?, sources })
    })
    .await
}
