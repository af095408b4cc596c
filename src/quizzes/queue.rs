//! One grading queue for a trainer: every essay answer awaiting a grade in the quizzes of the courses she
//! teaches (an administrator: all courses), oldest submission first, each with what grading needs beside
//! it (the question, its maximum, the marking guide when the quiz has one, the answer).

#[allow(unused_imports)]
use super::*;

/// An essay waiting in the queue, with where it comes from.
pub struct Queued {
    pub essay: ToGrade,
    pub quiz_id: String,
    pub course_slug: String,
    /// The module's title in the reader's language (the quiz is that module's).
    pub module_title: String,
}

/// The essays awaiting a grade that `actor` may grade, oldest submission first.
pub async fn grading_queue(db: &Db, actor: &User, locale: Locale) -> Result<Vec<Queued>, AppError> {
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    let courses = courses::trainer_courses(db, actor).await?;
    let (actor, parsed) = (actor.clone(), db.memo::<Parsed>());
    db.run(move |conn| {
        let course_ids: Vec<String> = courses.iter().map(|c| c.id.clone()).collect();
        let module_ids: Vec<String> =
            courses::modules_of_courses(conn, &course_ids)?.into_iter().map(|m| m.id).collect();
        let mut queue = Vec::new();
        for (_, quiz_id) in quiz_of_each_module(conn, &module_ids)? {
            let ctx = results::staff_context(conn, &parsed, &quiz_id, &actor)?;
            let attempts = store::submitted_attempts(conn, &quiz_id)?;
            let essays = results::essays_to_grade(conn, &ctx, &attempts)?;
            if essays.is_empty() {
                continue;
            }
            let module_title = module_title(&ctx, locale);
            queue.extend(essays.into_iter().map(|essay| Queued {
                essay,
                quiz_id: quiz_id.clone(),
                course_slug: ctx.course.slug.clone(),
                module_title: module_title.clone(),
            }));
        }
        queue.sort_by_key(|q| q.essay.submitted_at);
        Ok(queue)
    })
    .await
}
