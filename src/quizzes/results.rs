//! Trainers' tools: grading essays, the results (and their CSV), exporting a quiz as GIFT, and item
//! statistics.

#[allow(unused_imports)]
use super::*;

// ---- trainers: grading, results, export, statistics ----

/// A trainer grades an essay answer (0 to the question's weight), with an optional comment.
/// The longest comment on a graded essay, in characters.
pub const COMMENT_MAX: usize = 5000;

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
    let parsed = db.memo::<Parsed>();
    db.write(move |conn| {
        let (ctx, attempt, _) = attempt_context(conn, &parsed, &attempt_id, &actor)?;
        if !ctx.access.can_edit {
            return Err(AppError::Forbidden);
        }
        let (questions, layout) = attempt_questions(conn, &parsed, &attempt)?;
        let question = questions
            .iter()
            .find(|q| q.id == question_id && layout.questions.iter().any(|i| i.id == q.id))
            .ok_or(AppError::NotFound)?;
        let (score, comment) = score?;
        let comment = comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
        if comment.as_ref().is_some_and(|c| c.chars().count() > COMMENT_MAX) {
            return Err(AppError::field("comment", Msg::new("error-length-max").with("max", COMMENT_MAX)));
        }
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
        // Her inbox says a result is ready (once per answer graded; a later correction says nothing new).
        let key = format!("graded:{}:{question_id}", attempt.id);
        let link = format!("/attempts/{}", attempt.id);
        crate::mail::notices::leave(conn, &attempt.user_id, crate::mail::notices::Kind::Graded, &link, &key)?;
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
    /// Essays awaiting a grade.
    pub to_grade: Vec<ToGrade>,
}

/// An essay answer awaiting a grade, with what the trainer needs beside it: the question, its maximum
/// and the marking guide (the question's general feedback, which the scholar sees once it is graded).
pub struct ToGrade {
    pub attempt_id: String,
    pub handle: String,
    pub question_id: String,
    pub title: String,
    /// Sanitised HTML.
    pub question_html: String,
    pub max_score: f64,
    /// Sanitised HTML.
    pub guide_html: Option<String>,
    pub answer: String,
    pub submitted_at: Option<chrono::NaiveDateTime>,
}

pub(super) fn staff_context(
    conn: &mut AnyConnection,
    parsed: &Parsed,
    quiz_id: &str,
    actor: &User,
) -> Result<QuizContext, AppError> {
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    let ctx = context(conn, parsed, quiz_id, Some(actor))?;
    if !ctx.access.can_edit {
        return Err(if ctx.course.published { AppError::Forbidden } else { AppError::NotFound });
    }
    Ok(ctx)
}

/// The results as CSV: one submitted attempt a row.
pub fn results_csv(r: &Results) -> String {
    let mut out = String::from("user_id,handle,attempt_id,score,percent,submitted_at\r\n");
    for (a, handle) in &r.attempts {
        out.push_str(&crate::web::csv::row(&[
            a.user_id.clone(),
            handle.clone(),
            a.id.clone(),
            (a.score_milli.unwrap_or(0) as f64 / 1000.0).to_string(),
            percent(a.score_milli.unwrap_or(0), a.max_milli).to_string(),
            a.submitted_at.map(crate::web::json::rfc3339_naive).unwrap_or_default(),
        ]));
    }
    out
}

pub async fn results(db: &Db, actor: &User, quiz_id: &str, locale: Locale) -> Result<Results, AppError> {
    let (actor, quiz_id, parsed) = (actor.clone(), quiz_id.to_owned(), db.memo::<Parsed>());
    db.run(move |conn| {
        let ctx = staff_context(conn, &parsed, &quiz_id, &actor)?;
        let attempts = store::submitted_attempts(conn, &quiz_id)?;
        let to_grade = essays_to_grade(conn, &ctx, &attempts)?;
        let title = module_title(&ctx, locale);
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

/// The essay answers of `attempts` (a quiz's submitted attempts) that await a grade, in attempt order.
pub(super) fn essays_to_grade(
    conn: &mut AnyConnection,
    ctx: &QuizContext,
    attempts: &[(AttemptRow, String)],
) -> Result<Vec<ToGrade>, AppError> {
    let mut answers = store::answers_of_submitted(conn, &ctx.quiz.id)?;
    // Questions per (version, language), read and parsed once whatever the number of attempts.
    let mut questions_of: HashMap<(i32, String), Vec<Question>> = HashMap::new();
    let mut to_grade = Vec::new();
    for (attempt, handle) in attempts {
        let rows = answers.remove(&attempt.id).unwrap_or_default();
        if rows.iter().all(|r| r.score_milli.is_some()) {
            continue;
        }
        let key = (attempt.version, attempt.locale.clone());
        if !questions_of.contains_key(&key) {
            let versions = load_questions(conn, &attempt.quiz_id, attempt.version)?;
            let locale = Locale::parse(&attempt.locale).unwrap_or_default();
            questions_of.insert(key.clone(), in_language(&versions, locale).1);
        }
        let questions = questions_of.get(&key).map(Vec::as_slice).unwrap_or_default();
        for row in rows {
            if row.score_milli.is_none()
                && let Some(q) = questions.iter().find(|q| q.id == row.question_id && matches!(q.kind, Kind::Essay))
            {
                let text = serde_json::from_str::<Value>(&row.answer)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                to_grade.push(ToGrade {
                    attempt_id: attempt.id.clone(),
                    handle: handle.clone(),
                    question_id: q.id.clone(),
                    title: q.title.clone(),
                    question_html: render::html(&q.text, &ctx.course.slug),
                    max_score: q.weight,
                    guide_html: q.general_feedback.as_ref().map(|g| render::html(g, &ctx.course.slug)),
                    answer: text,
                    submitted_at: attempt.submitted_at,
                });
            }
        }
    }
    Ok(to_grade)
}

/// The GIFT text of a quiz in one language.
pub async fn export(db: &Db, actor: &User, quiz_id: &str, language: Locale) -> Result<String, AppError> {
    let (actor, quiz_id, parsed) = (actor.clone(), quiz_id.to_owned(), db.memo::<Parsed>());
    db.run(move |conn| {
        let ctx = staff_context(conn, &parsed, &quiz_id, &actor)?;
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
    let (actor, quiz_id, parsed) = (actor.clone(), quiz_id.to_owned(), db.memo::<Parsed>());
    db.run(move |conn| {
        let ctx = staff_context(conn, &parsed, &quiz_id, &actor)?;
        let versions = load_questions(conn, &quiz_id, ctx.quiz.version)?;
        let (_, questions) = in_language(&versions, Locale::En);
        let mut seen_users = std::collections::HashSet::new();
        let mut marks: Vec<Vec<f64>> = Vec::new();
        let mut answers = store::answers_of_submitted(conn, &quiz_id)?;
        for (attempt, _) in store::submitted_attempts(conn, &quiz_id)? {
            if attempt.version != ctx.quiz.version || (!all_attempts && !seen_users.insert(attempt.user_id.clone())) {
                continue;
            }
            let rows = answers.remove(&attempt.id).unwrap_or_default();
            let layout: Layout = stored("attempt layout", &attempt.layout)?;
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
        let title = module_title(&ctx, locale);
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
