//! Taking a quiz: what a scholar sees before starting, the attempt's layout (shuffled and drawn once,
//! seeded), answers saved one by one, the deadline, grading and submitting.

#[allow(unused_imports)]
use super::*;

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
    pub shape: Shape,
}

/// What a scholar should know before starting: how many questions an attempt holds (of how many, when
/// they are drawn at random) and whether any are graded by hand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    pub per_attempt: usize,
    pub pool: usize,
    pub by_hand: bool,
}

/// The shape of the quiz's current version, from its parsed questions (kept per database).
fn shape(conn: &mut AnyConnection, parsed: &Parsed, ctx: &QuizContext) -> Result<Shape, AppError> {
    let versions = match parsed.versions(conn, &ctx.quiz.id, ctx.quiz.version) {
        Ok(versions) => versions,
        Err(AppError::NotFound) => return Ok(Shape::default()),
        Err(e) => return Err(e),
    };
    // Every language holds the same questions (the importer and the editor refuse anything else).
    let questions = versions.get(&Locale::En).or_else(|| versions.values().next());
    let pool = questions.map_or(0, Vec::len);
    let by_hand = questions.is_some_and(|q| q.iter().any(|q| matches!(q.kind, Kind::Essay)));
    let per_attempt = ctx.settings.draw.map_or(pool, |d| pool.min(d as usize));
    Ok(Shape { per_attempt, pool, by_hand })
}

pub fn percent(score_milli: i64, max_milli: i64) -> f64 {
    if max_milli <= 0 { 0.0 } else { (score_milli as f64 * 10000.0 / max_milli as f64).round() / 100.0 }
}

pub async fn quiz_info(db: &Db, user: &User, quiz_id: &str, locale: Locale) -> Result<QuizInfo, AppError> {
    // A read, unless one of the scholar's attempts ran out of time and must be closed first.
    let (reader, id, parsed) = (user.clone(), quiz_id.to_owned(), db.memo::<Parsed>());
    if let Some(info) = db.read(move |conn| quiz_info_in(conn, &parsed, &reader, &id, locale, false)).await? {
        return Ok(info);
    }
    let (user, quiz_id, parsed) = (user.clone(), quiz_id.to_owned(), db.memo::<Parsed>());
    db.write(move |conn| {
        quiz_info_in(conn, &parsed, &user, &quiz_id, locale, true)?
            .ok_or_else(|| AppError::internal("quiz info after closing"))
    })
    .await
}

/// The quiz as its scholar sees it; `None` when an expired attempt must be closed and `close` is off.
fn quiz_info_in(
    conn: &mut AnyConnection,
    parsed: &Parsed,
    user: &User,
    quiz_id: &str,
    locale: Locale,
    close: bool,
) -> Result<Option<QuizInfo>, AppError> {
    let ctx = context(conn, parsed, quiz_id, Some(user))?;
    if !ctx.access.can_read_modules() {
        return Err(AppError::Forbidden);
    }
    let mut attempts = store::attempts_of(conn, quiz_id, &user.id)?;
    if attempts.iter().any(expired_but_open) {
        if !close {
            return Ok(None);
        }
        for a in attempts.iter_mut() {
            close_if_expired(conn, parsed, &ctx, a)?;
        }
    }
    let title = module_title(&ctx, locale);
    let shape = shape(conn, parsed, &ctx)?;
    Ok(Some(summarise(ctx, title, attempts, shape)))
}

/// After a timed attempt's limit, the attempt form's final submit is still saved and graded for this long:
/// a phone that lost its connection, a slow page, a last tap a few seconds late (Moodle's quiz has such a
/// grace period too). Single answers saved through the API are refused from the limit on.
pub fn grace() -> chrono::Duration {
    chrono::Duration::seconds(90)
}

/// Why no single answer can be saved (409): the attempt is submitted, or its time is up. `None` while open.
pub(super) fn closed_attempt(attempt: &AttemptRow) -> Option<AppError> {
    let expired = attempt.deadline.is_some_and(|d| db::now() > d);
    (attempt.submitted_at.is_some() || expired).then(|| {
        AppError::Conflict(Msg::new(if expired { "error-attempt-expired" } else { "error-attempt-submitted" }))
    })
}

/// An attempt still open after its deadline and its grace period: reading it must close (and grade) it.
pub(super) fn expired_but_open(attempt: &AttemptRow) -> bool {
    attempt.submitted_at.is_none() && attempt.deadline.is_some_and(|deadline| db::now() > deadline + grace())
}

/// Whether an attempt was closed by its time limit rather than submitted (it is then dated at the limit).
pub fn closed_by_time(attempt: &AttemptRow) -> bool {
    attempt.deadline.is_some() && attempt.submitted_at == attempt.deadline
}

/// The quiz's title: its module's title in `locale`, else in English, else its slug.
pub(super) fn module_title(ctx: &QuizContext, locale: Locale) -> String {
    let titled = |wanted: Locale| ctx.titles.iter().find(|(l, _)| *l == wanted).map(|(_, t)| t.clone());
    titled(locale).or_else(|| titled(Locale::En)).unwrap_or_else(|| ctx.module_slug.clone())
}

pub(super) fn summarise(ctx: QuizContext, title: String, attempts: Vec<AttemptRow>, shape: Shape) -> QuizInfo {
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
        shape,
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
pub(super) struct Layout {
    pub(super) questions: Vec<LayoutItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct LayoutItem {
    pub(super) id: String,
    /// Indexes into the choices (or matching options) in the order shown.
    pub(super) order: Vec<usize>,
}

pub(super) fn make_layout(questions: &[Question], settings: &Settings, seed: i64) -> Layout {
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

pub(super) fn show(question: &Question, item: &LayoutItem, course_slug: &str) -> ShownQuestion {
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
    let (user, quiz_id, parsed) = (user.clone(), quiz_id.to_owned(), db.memo::<Parsed>());
    db.write(move |conn| {
        let ctx = context(conn, &parsed, &quiz_id, Some(&user))?;
        if !ctx.access.enrolled {
            // Quizzes are taken by enrolled scholars; trainers read them but do not attempt them.
            return Err(AppError::Forbidden);
        }
        // One start at a time per scholar and quiz (PostgreSQL; SQLite's write lock already serialises).
        db::serialise(conn, lock_key(&quiz_id, &user.id))?;
        let mut attempts = store::attempts_of(conn, &quiz_id, &user.id)?;
        for a in attempts.iter_mut() {
            close_if_expired(conn, &parsed, &ctx, a)?;
        }
        if let Some(open) = attempts.iter().find(|a| a.submitted_at.is_none()) {
            return Ok((open.id.clone(), false));
        }
        if ctx.settings.attempts_allowed.is_some_and(|n| attempts.len() as u32 >= n) {
            return Err(AppError::Conflict(Msg::new("error-no-attempts-left")));
        }
        let questions = parsed.questions(conn, &quiz_id, ctx.quiz.version, locale)?;
        let language = questions.locale();
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

pub(super) fn lock_key(quiz_id: &str, user_id: &str) -> i64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("attempt:{quiz_id}:{user_id}").as_bytes());
    i64::from_le_bytes(digest[..8].try_into().unwrap_or([0; 8]))
}

/// An attempt past its deadline and grace period is closed as it stood at the limit, whatever the client
/// sends afterwards.
pub(super) fn close_if_expired(
    conn: &mut AnyConnection,
    parsed: &Parsed,
    ctx: &QuizContext,
    attempt: &mut AttemptRow,
) -> Result<(), AppError> {
    if expired_but_open(attempt)
        && let Some(deadline) = attempt.deadline
    {
        grade_and_close(conn, parsed, ctx, attempt, deadline)?;
    }
    Ok(())
}

pub(super) fn attempt_questions(
    conn: &mut AnyConnection,
    parsed: &Parsed,
    attempt: &AttemptRow,
) -> Result<(Questions, Layout), AppError> {
    let locale = Locale::parse(&attempt.locale).unwrap_or_default();
    let questions = parsed.questions(conn, &attempt.quiz_id, attempt.version, locale)?;
    let layout: Layout =
        serde_json::from_str(&attempt.layout).map_err(|e| AppError::internal(format!("layout: {e}")))?;
    Ok((questions, layout))
}

pub(super) fn grade_and_close(
    conn: &mut AnyConnection,
    parsed: &Parsed,
    ctx: &QuizContext,
    attempt: &mut AttemptRow,
    at: NaiveDateTime,
) -> Result<(), AppError> {
    let (questions, layout) = attempt_questions(conn, parsed, attempt)?;
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
pub(super) fn attempt_context(
    conn: &mut AnyConnection,
    parsed: &Parsed,
    attempt_id: &str,
    user: &User,
) -> Result<(QuizContext, AttemptRow, bool), AppError> {
    let attempt = store::find_attempt(conn, attempt_id)?.ok_or(AppError::NotFound)?;
    let ctx = context(conn, parsed, &attempt.quiz_id, Some(user))?;
    let own = attempt.user_id == user.id;
    if !own && !ctx.access.can_edit {
        return Err(AppError::NotFound);
    }
    Ok((ctx, attempt, own))
}

/// The scholar's own attempt, for a change to it: 404 for anyone else's; closed first if its time and grace
/// period ran out.
fn own_attempt(
    conn: &mut AnyConnection,
    parsed: &Parsed,
    attempt_id: &str,
    user: &User,
) -> Result<(QuizContext, AttemptRow), AppError> {
    let (ctx, mut attempt, own) = attempt_context(conn, parsed, attempt_id, user)?;
    if !own {
        return Err(AppError::NotFound);
    }
    close_if_expired(conn, parsed, &ctx, &mut attempt)?;
    Ok((ctx, attempt))
}

/// Saves one answer of an open attempt, as it is given. What can be checked beforehand (whose attempt,
/// which question, the answer's shape) is checked in a read; the save itself only makes sure the attempt is
/// still open and writes the answer, and on SQLite it is committed together with the other answers saved
/// at that moment (`Db::write_grouped`): scholars sitting a quiz at the same time share fsyncs.
pub async fn save_answer(
    db: &Db,
    user: &User,
    attempt_id: &str,
    question_id: &str,
    answer: Result<Value, AppError>,
) -> Result<(), AppError> {
    let (reader, id, question, parsed) =
        (user.clone(), attempt_id.to_owned(), question_id.to_owned(), db.memo::<Parsed>());
    let (attempt, text) = db
        .read(move |conn| {
            let (_, attempt, own) = attempt_context(conn, &parsed, &id, &reader)?;
            if !own {
                return Err(AppError::NotFound);
            }
            let (questions, layout) = attempt_questions(conn, &parsed, &attempt)?;
            if !layout.questions.iter().any(|i| i.id == question) {
                return Err(AppError::NotFound);
            }
            let question = questions.iter().find(|q| q.id == question).ok_or(AppError::NotFound)?;
            let answer = answer?;
            grading::check_shape(question, &answer).map_err(shape_error)?;
            let text = serde_json::to_string(&answer).map_err(|e| AppError::internal(e.to_string()))?;
            Ok((attempt, text))
        })
        .await?;
    if expired_but_open(&attempt) {
        // Its time and grace period ran out: it is closed (and graded) now, and the answer refused.
        let (user, attempt_id, parsed) = (user.clone(), attempt_id.to_owned(), db.memo::<Parsed>());
        let attempt = db.write(move |conn| own_attempt(conn, &parsed, &attempt_id, &user).map(|(_, a)| a)).await?;
        return Err(closed_attempt(&attempt).unwrap_or_else(|| AppError::Conflict(Msg::new("error-attempt-expired"))));
    }
    if let Some(closed) = closed_attempt(&attempt) {
        return Err(closed);
    }
    let question = question_id.to_owned();
    db.write_grouped(move |conn| {
        // A submit, or the time limit, may have come between the read and this turn.
        let now = store::find_attempt(conn, &attempt.id)?.ok_or(AppError::NotFound)?;
        if let Some(closed) = closed_attempt(&now) {
            return Err(closed);
        }
        store::put_answer(conn, &attempt.id, &question, &text, db::now())
    })
    .await
}

/// Saves the answers of a whole attempt form in one transaction (one commit, one fsync). An answer of the
/// wrong shape is reported per question (`q.<id>`) and the others are saved; an attempt that is closed
/// answers 409 and saves nothing.
pub async fn save_answers(
    db: &Db,
    user: &User,
    attempt_id: &str,
    answers: Vec<(String, Value)>,
) -> Result<FieldErrors, AppError> {
    let (user, attempt_id, parsed) = (user.clone(), attempt_id.to_owned(), db.memo::<Parsed>());
    db.write(move |conn| {
        let (_, attempt) = own_attempt(conn, &parsed, &attempt_id, &user)?;
        if let Some(closed) = closed_attempt(&attempt) {
            return Err(closed);
        }
        put_answers(conn, &parsed, &attempt, answers)
    })
    .await
}

pub(super) fn shape_error(e: grading::ShapeError) -> AppError {
    let msg = match e {
        grading::ShapeError::WrongType(expected) => Msg::new("error-answer-shape").with("expected", expected),
        grading::ShapeError::UnknownId(id) => Msg::new("error-answer-unknown-id").with("id", id),
        grading::ShapeError::TooLong => Msg::new("error-answer-too-long").with("max", grading::MAX_TEXT_ANSWER_CHARS),
    };
    AppError::field("answer", msg)
}

/// Saves the answers of the right shape to questions of the attempt (others are ignored) and returns the
/// problems of the rest, per field (`q.<question id>`). Run inside the caller's write transaction.
fn put_answers(
    conn: &mut AnyConnection,
    parsed: &Parsed,
    attempt: &AttemptRow,
    answers: Vec<(String, Value)>,
) -> Result<FieldErrors, AppError> {
    let (questions, layout) = attempt_questions(conn, parsed, attempt)?;
    let mut errors = FieldErrors::new();
    let now = db::now();
    for (question_id, answer) in answers {
        let Some(question) =
            questions.iter().find(|q| q.id == question_id && layout.questions.iter().any(|i| i.id == q.id))
        else {
            continue;
        };
        if let Err(e) = grading::check_shape(question, &answer) {
            if let AppError::Validation(fields) = shape_error(e) {
                for (_, msgs) in fields {
                    errors.entry(format!("q.{question_id}")).or_default().extend(msgs);
                }
            }
            continue;
        }
        let text = serde_json::to_string(&answer).map_err(|e| AppError::internal(e.to_string()))?;
        store::put_answer(conn, &attempt.id, &question_id, &text, now)?;
    }
    Ok(errors)
}

/// What became of the attempt form's final submit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    /// Saved and graded (in time, or within the grace period after the limit).
    Graded,
    /// Too late even for the grace period: what was saved before the limit was graded.
    TimeRanOut,
    /// Not sent: some answers need correcting first (there is still time).
    NeedsCorrecting,
}

/// The attempt form's final submit: its answers saved and the attempt graded, in one transaction. Before the
/// limit, an answer of the wrong shape stops the submit (the form shows it); within the grace period after
/// the limit, the answers that can be saved are saved and the attempt is graded anyway; after it, nothing
/// new is taken and what was saved before the limit is graded. Never a silent zero.
pub async fn submit_form(
    db: &Db,
    user: &User,
    attempt_id: &str,
    answers: Vec<(String, Value)>,
) -> Result<(FieldErrors, Submitted), AppError> {
    let (user, attempt_id, parsed) = (user.clone(), attempt_id.to_owned(), db.memo::<Parsed>());
    db.write(move |conn| {
        let (ctx, mut attempt) = own_attempt(conn, &parsed, &attempt_id, &user)?;
        if attempt.submitted_at.is_some() {
            let outcome = if closed_by_time(&attempt) { Submitted::TimeRanOut } else { Submitted::Graded };
            return Ok((FieldErrors::new(), outcome));
        }
        let late = attempt.deadline.is_some_and(|d| db::now() > d);
        let errors = put_answers(conn, &parsed, &attempt, answers)?;
        if !errors.is_empty() && !late {
            return Ok((errors, Submitted::NeedsCorrecting));
        }
        grade_and_close(conn, &parsed, &ctx, &mut attempt, db::now())?;
        Ok((errors, Submitted::Graded))
    })
    .await
}

/// Submits an attempt (grading it once; a second submit returns the same result).
pub async fn submit(db: &Db, user: &User, attempt_id: &str, locale: Locale) -> Result<AttemptView, AppError> {
    let (user2, attempt_id2, parsed) = (user.clone(), attempt_id.to_owned(), db.memo::<Parsed>());
    db.write(move |conn| {
        let (ctx, mut attempt) = own_attempt(conn, &parsed, &attempt_id2, &user2)?;
        if attempt.submitted_at.is_none() {
            grade_and_close(conn, &parsed, &ctx, &mut attempt, db::now())?;
        }
        Ok(())
    })
    .await?;
    attempt_view(db, user, attempt_id, locale).await
}
