//! The quizzes domain's part of the privacy request: attempts with their answers and grades.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Value, json};

use super::store;
use crate::accounts::privacy::{Entry, Erase, Export, Exported, Part};
use crate::core::error::AppError;
use crate::db::AnyConnection;

pub const REGISTER: &[Entry] = &[
    Entry { table: "attempts", columns: &["user_id"], export: Export::Yes, erase: Erase::Delete },
    Entry {
        table: "attempt_answers",
        columns: &["attempt_id", "answer", "graded_by"],
        export: Export::Yes,
        erase: Erase::Delete,
    },
];

pub fn part() -> Part {
    Part { domain: "quizzes", register: REGISTER, export: Arc::new(export), erase: store::forget_person, retain: None }
}

/// Thousandths of a point as a number of points.
fn points(milli: i64) -> f64 {
    milli as f64 / 1000.0
}

fn export(conn: &mut AnyConnection, user_id: &str) -> Result<Exported, AppError> {
    let mut answers: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (attempt, question, answer, saved, score, feedback, graded) in store::answer_records_of(conn, user_id)? {
        let answer: Value = serde_json::from_str(&answer).unwrap_or(Value::String(answer));
        answers.entry(attempt).or_default().push(json!({
            "question": question,
            "answer": answer,
            "saved_at": saved,
            "score": score.map(points),
            "feedback": feedback,
            "graded_at": graded,
        }));
    }
    let attempts: Vec<Value> = store::attempt_records_of(conn, user_id)?
        .into_iter()
        .map(|(id, course, module, number, language, started, deadline, submitted, score, max, passed)| {
            json!({
                "course": course,
                "module": module,
                "number": number,
                "language": language,
                "started_at": started,
                "deadline": deadline,
                "submitted_at": submitted,
                "score": score.map(points),
                "max_score": points(max),
                "passed": passed,
                "answers": answers.remove(&id).unwrap_or_default(),
            })
        })
        .collect();
    let mut kinds = vec![("quiz_attempts", Value::Array(attempts))];
    let graded = store::count_graded_by(conn, user_id)?;
    if graded > 0 {
        kinds.push(("grading", json!({"answers_graded": graded})));
    }
    Ok(Exported { kinds, files: Vec::new() })
}
