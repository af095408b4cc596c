//! Storage of quizzes, their versions, attempts and answers: the only code that names these tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::{attempt_answers, attempts, courses, modules, quiz_versions, quizzes, users};
use crate::db_match;

#[derive(Debug, Clone, Queryable)]
pub struct QuizRow {
    pub id: String,
    pub module_id: String,
    pub settings: String,
    pub version: i32,
}

fn quiz_columns() -> (quizzes::id, quizzes::module_id, quizzes::settings, quizzes::version) {
    (quizzes::id, quizzes::module_id, quizzes::settings, quizzes::version)
}

/// A quiz with where it lives: (quiz, course id, course slug, module slug, module archived).
pub type QuizPlace = (QuizRow, String, String, String, bool);

pub fn find_quiz_place(conn: &mut AnyConnection, quiz_id: &str) -> Result<Option<QuizPlace>, AppError> {
    let row = quizzes::table
        .inner_join(modules::table.inner_join(courses::table))
        .filter(quizzes::id.eq(quiz_id))
        .select((quiz_columns(), courses::id, courses::slug, modules::slug, modules::archived))
        .first::<QuizPlace>(conn)
        .optional()?;
    Ok(row)
}

pub fn find_quiz_by_module(conn: &mut AnyConnection, module_id: &str) -> Result<Option<QuizRow>, AppError> {
    Ok(quizzes::table.filter(quizzes::module_id.eq(module_id)).select(quiz_columns()).first(conn).optional()?)
}

/// The quizzes of the given modules: (module id, quiz id, settings).
pub fn quizzes_of_modules(
    conn: &mut AnyConnection,
    module_ids: &[String],
) -> Result<Vec<(String, String, String)>, AppError> {
    if module_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(quizzes::table
        .filter(quizzes::module_id.eq_any(module_ids))
        .select((quizzes::module_id, quizzes::id, quizzes::settings))
        .load(conn)?)
}

pub fn insert_quiz(conn: &mut AnyConnection, quiz: &QuizRow, now: NaiveDateTime) -> Result<(), AppError> {
    diesel::insert_into(quizzes::table)
        .values((
            quizzes::id.eq(&quiz.id),
            quizzes::module_id.eq(&quiz.module_id),
            quizzes::settings.eq(&quiz.settings),
            quizzes::version.eq(quiz.version),
            quizzes::created_at.eq(now),
            quizzes::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn update_quiz(
    conn: &mut AnyConnection,
    id: &str,
    settings: &str,
    version: i32,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::update(quizzes::table.filter(quizzes::id.eq(id)))
        .set((quizzes::settings.eq(settings), quizzes::version.eq(version), quizzes::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

/// The questions (JSON, per language) and sources (JSON) of a version.
pub fn find_version(
    conn: &mut AnyConnection,
    quiz_id: &str,
    version: i32,
) -> Result<Option<(String, String)>, AppError> {
    Ok(quiz_versions::table
        .filter(quiz_versions::quiz_id.eq(quiz_id))
        .filter(quiz_versions::version.eq(version))
        .select((quiz_versions::questions, quiz_versions::sources))
        .first(conn)
        .optional()?)
}

pub fn put_version(
    conn: &mut AnyConnection,
    quiz_id: &str,
    version: i32,
    questions: &str,
    sources: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::delete(
        quiz_versions::table.filter(quiz_versions::quiz_id.eq(quiz_id)).filter(quiz_versions::version.eq(version)),
    )
    .execute(conn)?;
    diesel::insert_into(quiz_versions::table)
        .values((
            quiz_versions::quiz_id.eq(quiz_id),
            quiz_versions::version.eq(version),
            quiz_versions::questions.eq(questions),
            quiz_versions::sources.eq(sources),
            quiz_versions::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn count_attempts(conn: &mut AnyConnection, quiz_id: &str, version: i32) -> Result<i64, AppError> {
    Ok(attempts::table
        .filter(attempts::quiz_id.eq(quiz_id))
        .filter(attempts::version.eq(version))
        .count()
        .get_result(conn)?)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = attempts)]
pub struct AttemptRow {
    pub id: String,
    pub quiz_id: String,
    pub version: i32,
    pub user_id: String,
    pub number: i32,
    pub locale: String,
    pub seed: i64,
    pub layout: String,
    pub started_at: NaiveDateTime,
    pub deadline: Option<NaiveDateTime>,
    pub submitted_at: Option<NaiveDateTime>,
    pub score_milli: Option<i64>,
    pub max_milli: i64,
    pub passed: Option<bool>,
}

pub fn find_attempt(conn: &mut AnyConnection, id: &str) -> Result<Option<AttemptRow>, AppError> {
    Ok(attempts::table.filter(attempts::id.eq(id)).select(AttemptRow::as_select()).first(conn).optional()?)
}

/// A user's attempts at a quiz, oldest first.
pub fn attempts_of(conn: &mut AnyConnection, quiz_id: &str, user_id: &str) -> Result<Vec<AttemptRow>, AppError> {
    Ok(attempts::table
        .filter(attempts::quiz_id.eq(quiz_id))
        .filter(attempts::user_id.eq(user_id))
        .order(attempts::number.asc())
        .select(AttemptRow::as_select())
        .load(conn)?)
}

/// Every submitted attempt at a quiz, with the scholar's handle, oldest first.
pub fn submitted_attempts(conn: &mut AnyConnection, quiz_id: &str) -> Result<Vec<(AttemptRow, String)>, AppError> {
    Ok(attempts::table
        .inner_join(users::table)
        .filter(attempts::quiz_id.eq(quiz_id))
        .filter(attempts::submitted_at.is_not_null())
        .order((attempts::submitted_at.asc(), attempts::id.asc()))
        .select((AttemptRow::as_select(), users::handle))
        .load(conn)?)
}

pub fn insert_attempt(conn: &mut AnyConnection, a: &AttemptRow) -> Result<(), AppError> {
    diesel::insert_into(attempts::table)
        .values((
            attempts::id.eq(&a.id),
            attempts::quiz_id.eq(&a.quiz_id),
            attempts::version.eq(a.version),
            attempts::user_id.eq(&a.user_id),
            attempts::number.eq(a.number),
            attempts::locale.eq(&a.locale),
            attempts::seed.eq(a.seed),
            attempts::layout.eq(&a.layout),
            attempts::started_at.eq(a.started_at),
            attempts::deadline.eq(a.deadline),
            attempts::max_milli.eq(a.max_milli),
        ))
        .execute(conn)?;
    Ok(())
}

/// Closes an attempt with its score; only an open attempt is closed (a second submit changes nothing).
pub fn finish_attempt(
    conn: &mut AnyConnection,
    id: &str,
    at: NaiveDateTime,
    score_milli: i64,
    passed: bool,
) -> Result<bool, AppError> {
    let n = diesel::update(attempts::table.filter(attempts::id.eq(id)).filter(attempts::submitted_at.is_null()))
        .set((attempts::submitted_at.eq(at), attempts::score_milli.eq(score_milli), attempts::passed.eq(passed)))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn set_attempt_score(conn: &mut AnyConnection, id: &str, score_milli: i64, passed: bool) -> Result<(), AppError> {
    diesel::update(attempts::table.filter(attempts::id.eq(id)))
        .set((attempts::score_milli.eq(score_milli), attempts::passed.eq(passed)))
        .execute(conn)?;
    Ok(())
}

/// The quiz ids among `quiz_ids` that the user has passed in some attempt.
pub fn passed_quizzes(conn: &mut AnyConnection, user_id: &str, quiz_ids: &[String]) -> Result<Vec<String>, AppError> {
    if quiz_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids: Vec<String> = attempts::table
        .filter(attempts::user_id.eq(user_id))
        .filter(attempts::quiz_id.eq_any(quiz_ids))
        .filter(attempts::passed.eq(true))
        .select(attempts::quiz_id)
        .load(conn)?;
    ids.sort();
    ids.dedup();
    Ok(ids)
}

#[derive(Debug, Clone, Queryable)]
pub struct AnswerRow {
    pub question_id: String,
    pub answer: String,
    pub score_milli: Option<i64>,
    pub comment: Option<String>,
}

pub fn answers_of(conn: &mut AnyConnection, attempt_id: &str) -> Result<Vec<AnswerRow>, AppError> {
    Ok(attempt_answers::table
        .filter(attempt_answers::attempt_id.eq(attempt_id))
        .select((
            attempt_answers::question_id,
            attempt_answers::answer,
            attempt_answers::score_milli,
            attempt_answers::comment,
        ))
        .load(conn)?)
}

/// The answers of every submitted attempt at a quiz, by attempt id: one query however many attempts.
pub fn answers_of_submitted(
    conn: &mut AnyConnection,
    quiz_id: &str,
) -> Result<std::collections::HashMap<String, Vec<AnswerRow>>, AppError> {
    type Row = (String, String, String, Option<i64>, Option<String>);
    let rows: Vec<Row> = attempt_answers::table
        .inner_join(attempts::table.on(attempts::id.eq(attempt_answers::attempt_id)))
        .filter(attempts::quiz_id.eq(quiz_id))
        .filter(attempts::submitted_at.is_not_null())
        .select((
            attempt_answers::attempt_id,
            attempt_answers::question_id,
            attempt_answers::answer,
            attempt_answers::score_milli,
            attempt_answers::comment,
        ))
        .load(conn)?;
    let mut by_attempt: std::collections::HashMap<String, Vec<AnswerRow>> = std::collections::HashMap::new();
    for (attempt_id, question_id, answer, score_milli, comment) in rows {
        by_attempt.entry(attempt_id).or_default().push(AnswerRow { question_id, answer, score_milli, comment });
    }
    Ok(by_attempt)
}

/// Saves an answer, replacing an earlier one to the same question.
pub fn put_answer(
    conn: &mut AnyConnection,
    attempt_id: &str,
    question_id: &str,
    answer: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let row = (
        attempt_answers::attempt_id.eq(attempt_id),
        attempt_answers::question_id.eq(question_id),
        attempt_answers::answer.eq(answer),
        attempt_answers::saved_at.eq(now),
    );
    let change = (attempt_answers::answer.eq(answer), attempt_answers::saved_at.eq(now));
    let target = (attempt_answers::attempt_id, attempt_answers::question_id);
    db_match!(conn,
        sqlite => diesel::insert_into(attempt_answers::table).values(row).on_conflict(target).do_update().set(change).execute(conn)?,
        postgres => diesel::insert_into(attempt_answers::table).values(row).on_conflict(target).do_update().set(change).execute(conn)?,
    );
    Ok(())
}

/// Records the score of one answer (automatic grading, or a trainer grading an essay).
pub fn set_answer_score(
    conn: &mut AnyConnection,
    attempt_id: &str,
    question_id: &str,
    score_milli: Option<i64>,
    comment: Option<&str>,
    graded_by: Option<&str>,
    at: Option<NaiveDateTime>,
) -> Result<bool, AppError> {
    let n = diesel::update(
        attempt_answers::table
            .filter(attempt_answers::attempt_id.eq(attempt_id))
            .filter(attempt_answers::question_id.eq(question_id)),
    )
    .set((
        attempt_answers::score_milli.eq(score_milli),
        attempt_answers::comment.eq(comment),
        attempt_answers::graded_by.eq(graded_by),
        attempt_answers::graded_at.eq(at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// A submitted attempt, for the programme dashboard: user id, quiz id, score and max score (thousandths),
/// and when it was submitted.
pub type ScoreRow = (String, String, i64, i64, NaiveDateTime);

/// The submitted attempts of `user_ids` at `quiz_ids`.
pub fn scores_of_users(
    conn: &mut AnyConnection,
    quiz_ids: &[String],
    user_ids: &[String],
) -> Result<Vec<ScoreRow>, AppError> {
    let mut out = Vec::new();
    if quiz_ids.is_empty() {
        return Ok(out);
    }
    for chunk in user_ids.chunks(500) {
        let rows: Vec<(String, String, Option<i64>, i64, NaiveDateTime)> = attempts::table
            .filter(attempts::quiz_id.eq_any(quiz_ids))
            .filter(attempts::user_id.eq_any(chunk))
            .filter(attempts::submitted_at.is_not_null())
            .select((
                attempts::user_id,
                attempts::quiz_id,
                attempts::score_milli,
                attempts::max_milli,
                attempts::submitted_at.assume_not_null(),
            ))
            .load(conn)?;
        out.extend(rows.into_iter().map(|(u, q, s, m, at)| (u, q, s.unwrap_or(0), m, at)));
    }
    Ok(out)
}

/// A person's attempt, for her data export: (attempt id, course, module, number, language, started,
/// deadline, submitted, score, maximum (thousandths), passed).
pub type AttemptRecord = (
    String,
    String,
    String,
    i32,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<i64>,
    i64,
    Option<bool>,
);

pub fn attempt_records_of(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<AttemptRecord>, AppError> {
    Ok(attempts::table
        .inner_join(quizzes::table.inner_join(modules::table.inner_join(courses::table)))
        .filter(attempts::user_id.eq(user_id))
        .order(attempts::started_at.asc())
        .select((
            attempts::id,
            courses::slug,
            modules::slug,
            attempts::number,
            attempts::locale,
            attempts::started_at,
            attempts::deadline,
            attempts::submitted_at,
            attempts::score_milli,
            attempts::max_milli,
            attempts::passed,
        ))
        .load(conn)?)
}

/// The answers of a person's attempts: (attempt, question, answer JSON, saved, score, feedback, graded).
pub type AnswerRecord = (String, String, String, NaiveDateTime, Option<i64>, Option<String>, Option<NaiveDateTime>);

pub fn answer_records_of(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<AnswerRecord>, AppError> {
    Ok(attempt_answers::table
        .inner_join(attempts::table)
        .filter(attempts::user_id.eq(user_id))
        .order((attempt_answers::attempt_id.asc(), attempt_answers::question_id.asc()))
        .select((
            attempt_answers::attempt_id,
            attempt_answers::question_id,
            attempt_answers::answer,
            attempt_answers::saved_at,
            attempt_answers::score_milli,
            attempt_answers::comment,
            attempt_answers::graded_at,
        ))
        .load(conn)?)
}

/// How many answers a person graded (as a trainer).
pub fn count_graded_by(conn: &mut AnyConnection, user_id: &str) -> Result<i64, AppError> {
    Ok(attempt_answers::table.filter(attempt_answers::graded_by.eq(user_id)).count().get_result(conn)?)
}

/// Erasure: her attempts and answers go; grades she gave others stay with their attempts, unsigned.
pub fn forget_person(conn: &mut AnyConnection, user_id: &str) -> Result<(), AppError> {
    let mine = attempts::table.filter(attempts::user_id.eq(user_id)).select(attempts::id);
    diesel::delete(attempt_answers::table.filter(attempt_answers::attempt_id.eq_any(mine))).execute(conn)?;
    diesel::delete(attempts::table.filter(attempts::user_id.eq(user_id))).execute(conn)?;
    diesel::update(attempt_answers::table.filter(attempt_answers::graded_by.eq(user_id)))
        .set(attempt_answers::graded_by.eq(None::<String>))
        .execute(conn)?;
    Ok(())
}
