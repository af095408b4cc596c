//! Grading, on the server only. Each question's score is a fraction of its weight between 0 and 1;
//! choices, prompts and options are named by stable ids (`c1…`, `p1…`, `o1…`) that do not change with
//! shuffling.

use serde_json::Value;

use super::model::{Kind, Question};

/// A choice id: `c1`, `c2`, … in the order the question lists them.
pub fn choice_id(index: usize) -> String {
    format!("c{}", index + 1)
}

/// The prompts of a matching question (pairs with a prompt), with their ids `p1…`.
pub fn prompts(pairs: &[super::model::Pair]) -> Vec<(String, usize)> {
    pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.prompt.is_empty())
        .enumerate()
        .map(|(n, (i, _))| (format!("p{}", n + 1), i))
        .collect()
}

/// The options of a matching question: each distinct answer once, in order of first appearance, `o1…`.
pub fn options(pairs: &[super::model::Pair]) -> Vec<(String, String)> {
    let mut seen: Vec<String> = Vec::new();
    for p in pairs {
        if !seen.contains(&p.answer) {
            seen.push(p.answer.clone());
        }
    }
    seen.into_iter().enumerate().map(|(i, a)| (format!("o{}", i + 1), a)).collect()
}

/// Why an answer was refused before grading (its shape does not fit the question).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeError {
    /// The answer is not of the type the question takes (the expected JSON shape is named).
    WrongType(&'static str),
    /// An id that the question does not have.
    UnknownId(String),
    TooLong,
}

pub const MAX_TEXT_ANSWER_CHARS: usize = 20_000;

/// Checks an answer's shape against its question, before it is saved.
pub fn check_shape(question: &Question, answer: &Value) -> Result<(), ShapeError> {
    let id_in = |id: &str, ids: &[String]| {
        if ids.iter().any(|i| i == id) { Ok(()) } else { Err(ShapeError::UnknownId(id.to_owned())) }
    };
    match &question.kind {
        Kind::Single { choices } => {
            let ids: Vec<String> = (0..choices.len()).map(choice_id).collect();
            id_in(answer.as_str().ok_or(ShapeError::WrongType("a choice id"))?, &ids)
        }
        Kind::Multiple { choices } => {
            let ids: Vec<String> = (0..choices.len()).map(choice_id).collect();
            let list = answer.as_array().ok_or(ShapeError::WrongType("a list of choice ids"))?;
            for item in list {
                id_in(item.as_str().ok_or(ShapeError::WrongType("a list of choice ids"))?, &ids)?;
            }
            Ok(())
        }
        Kind::TrueFalse { .. } => answer.as_bool().map(|_| ()).ok_or(ShapeError::WrongType("true or false")),
        Kind::Short { .. } | Kind::Essay => {
            let s = answer.as_str().ok_or(ShapeError::WrongType("a text"))?;
            if s.chars().count() > MAX_TEXT_ANSWER_CHARS { Err(ShapeError::TooLong) } else { Ok(()) }
        }
        Kind::Numerical { .. } => {
            answer.as_f64().filter(|v| v.is_finite()).map(|_| ()).ok_or(ShapeError::WrongType("a number"))
        }
        Kind::Matching { pairs } => {
            let map = answer.as_object().ok_or(ShapeError::WrongType("an object from prompt id to option id"))?;
            let prompt_ids: Vec<String> = prompts(pairs).into_iter().map(|(id, _)| id).collect();
            let option_ids: Vec<String> = options(pairs).into_iter().map(|(id, _)| id).collect();
            for (prompt, option) in map {
                id_in(prompt, &prompt_ids)?;
                id_in(
                    option.as_str().ok_or(ShapeError::WrongType("an object from prompt id to option id"))?,
                    &option_ids,
                )?;
            }
            Ok(())
        }
    }
}

/// The graded fraction (0 to 1) of an answer, or `None` for an essay (a trainer grades it).
/// A missing answer scores 0.
pub fn grade(question: &Question, answer: Option<&Value>) -> Option<f64> {
    if matches!(question.kind, Kind::Essay) {
        return None;
    }
    let Some(answer) = answer else { return Some(0.0) };
    let fraction = match &question.kind {
        Kind::Single { choices } => answer
            .as_str()
            .and_then(|id| (0..choices.len()).find(|i| choice_id(*i) == id))
            .map_or(0.0, |i| choices[i].fraction),
        Kind::Multiple { choices } => {
            let chosen: Vec<&str> =
                answer.as_array().map(|l| l.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
            (0..choices.len()).filter(|i| chosen.contains(&choice_id(*i).as_str())).map(|i| choices[i].fraction).sum()
        }
        Kind::TrueFalse { answer: right, .. } => {
            if answer.as_bool() == Some(*right) {
                1.0
            } else {
                0.0
            }
        }
        Kind::Short { answers } => {
            let given = answer.as_str().unwrap_or_default();
            answers.iter().find(|a| short_answer_matches(given, &a.text)).map_or(0.0, |a| a.fraction)
        }
        Kind::Numerical { answers } => {
            let given = answer.as_f64();
            given.and_then(|x| answers.iter().find(|a| numerical_matches(x, a))).map_or(0.0, |a| a.fraction)
        }
        Kind::Matching { pairs } => {
            let map = answer.as_object();
            let options = options(pairs);
            let prompts = prompts(pairs);
            let right = prompts
                .iter()
                .filter(|(pid, index)| {
                    let chosen = map.and_then(|m| m.get(pid)).and_then(Value::as_str);
                    let wanted = options.iter().find(|(_, a)| *a == pairs[*index].answer).map(|(id, _)| id.as_str());
                    chosen.is_some() && chosen == wanted
                })
                .count();
            if prompts.is_empty() { 0.0 } else { right as f64 / prompts.len() as f64 }
        }
        Kind::Essay => return None,
    };
    Some(fraction.clamp(0.0, 1.0))
}

/// Case- and whitespace-insensitive comparison, with `*` matching any run of characters.
pub fn short_answer_matches(given: &str, pattern: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let given: Vec<char> = norm(given).chars().collect();
    let pattern: Vec<char> = norm(pattern).chars().collect();
    wildcard(&given, &pattern)
}

/// Glob matching with `*`, linear in time (no backtracking blow-up on hostile patterns).
fn wildcard(text: &[char], pattern: &[char]) -> bool {
    let (mut t, mut p) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while t < text.len() {
        if p < pattern.len() && pattern[p] != '*' && pattern[p] == text[t] {
            t += 1;
            p += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some(p);
            mark = t;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            t = mark;
        } else {
            return false;
        }
    }
    while p < pattern.len() && pattern[p] == '*' {
        p += 1;
    }
    p == pattern.len()
}

fn numerical_matches(x: f64, answer: &super::model::NumericalAnswer) -> bool {
    match answer.value {
        None => true,
        // Edges count as inside; a little slack absorbs binary rounding (0.1 + 0.2).
        Some(v) => (x - v).abs() <= answer.tolerance + 1e-9 * (1.0 + v.abs()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quizzes::gift::parse;
    use serde_json::json;

    fn qn(source: &str) -> Question {
        parse(source).unwrap_or_else(|e| panic!("{e}")).remove(0)
    }

    #[test]
    fn single_choice_gives_the_choices_credit() {
        let q = qn("Q{=right ~%50%half ~wrong ~%-50%bad}");
        assert_eq!(grade(&q, Some(&json!("c1"))), Some(1.0));
        assert_eq!(grade(&q, Some(&json!("c2"))), Some(0.5));
        assert_eq!(grade(&q, Some(&json!("c3"))), Some(0.0));
        assert_eq!(grade(&q, Some(&json!("c4"))), Some(0.0), "never below 0");
        assert_eq!(grade(&q, None), Some(0.0));
    }

    #[test]
    fn multiple_response_adds_partial_and_negative_credit() {
        let q = qn("Q{~%50%a ~%50%b ~%-100%c ~d}");
        assert_eq!(grade(&q, Some(&json!(["c1"]))), Some(0.5));
        assert_eq!(grade(&q, Some(&json!(["c1", "c2"]))), Some(1.0));
        assert_eq!(grade(&q, Some(&json!(["c1", "c2", "c3"]))), Some(0.0));
        assert_eq!(grade(&q, Some(&json!(["c1", "c3"]))), Some(0.0), "a negative total is 0");
        assert_eq!(grade(&q, Some(&json!(["c1", "c2", "c4"]))), Some(1.0));
        assert_eq!(grade(&q, Some(&json!([]))), Some(0.0));
    }

    #[test]
    fn short_answers_ignore_case_and_spaces_and_take_wildcards() {
        let q = qn("Q{=Informed consent =%50%consent =inform*agree}");
        assert_eq!(grade(&q, Some(&json!("  informed   CONSENT "))), Some(1.0));
        assert_eq!(grade(&q, Some(&json!("Consent"))), Some(0.5));
        assert_eq!(grade(&q, Some(&json!("inform them and agree"))), Some(1.0));
        assert_eq!(grade(&q, Some(&json!("informed"))), Some(0.0));
        let q2 = qn("Q{=Согласие}");
        assert_eq!(grade(&q2, Some(&json!("СОГЛАСИЕ"))), Some(1.0), "case folding works in Cyrillic");
        assert!(!short_answer_matches(&"a".repeat(5000), &"*a".repeat(40).chars().chain(['b']).collect::<String>()));
    }

    #[test]
    fn numerical_tolerance_edges_and_ranges() {
        let q = qn("Q{#=10:2 =%50%20:0}");
        assert_eq!(grade(&q, Some(&json!(12))), Some(1.0), "the edge is inside");
        assert_eq!(grade(&q, Some(&json!(8.0))), Some(1.0));
        assert_eq!(grade(&q, Some(&json!(12.0001))), Some(0.0));
        assert_eq!(grade(&q, Some(&json!(20))), Some(0.5));
        let r = qn("Q{#1..5}");
        assert_eq!(grade(&r, Some(&json!(1))), Some(1.0));
        assert_eq!(grade(&r, Some(&json!(5))), Some(1.0));
        assert_eq!(grade(&r, Some(&json!(5.01))), Some(0.0));
        let p = qn("Q{#0.3}");
        assert_eq!(grade(&p, Some(&json!(0.1 + 0.2))), Some(1.0));
    }

    #[test]
    fn matching_counts_right_pairs_and_ignores_distractors() {
        let q = qn("Q{=a -> 1 =b -> 2 =c -> 3 = -> 4}");
        let Kind::Matching { pairs } = &q.kind else { panic!() };
        assert_eq!(prompts(pairs).len(), 3);
        assert_eq!(options(pairs).len(), 4);
        assert_eq!(grade(&q, Some(&json!({"p1": "o1", "p2": "o2", "p3": "o3"}))), Some(1.0));
        assert_eq!(grade(&q, Some(&json!({"p1": "o1", "p2": "o4"}))), Some(1.0 / 3.0));
        assert_eq!(check_shape(&q, &json!({"p9": "o1"})), Err(ShapeError::UnknownId("p9".into())));
    }

    #[test]
    fn true_false_and_essays() {
        let q = qn("Q{F}");
        assert_eq!(grade(&q, Some(&json!(false))), Some(1.0));
        assert_eq!(grade(&q, Some(&json!(true))), Some(0.0));
        assert_eq!(grade(&q, Some(&json!("false"))), Some(0.0));
        assert_eq!(grade(&qn("Q{}"), Some(&json!("My essay"))), None);
    }

    #[test]
    fn shapes_are_checked_before_saving() {
        let single = qn("Q{=a ~b}");
        assert_eq!(check_shape(&single, &json!("c2")), Ok(()));
        assert_eq!(check_shape(&single, &json!("c3")), Err(ShapeError::UnknownId("c3".into())));
        assert_eq!(check_shape(&single, &json!(["c1"])), Err(ShapeError::WrongType("a choice id")));
        assert!(check_shape(&qn("Q{#1}"), &json!("one")).is_err());
        assert!(check_shape(&qn("Q{T}"), &json!(1)).is_err());
        assert!(check_shape(&qn("Q{}"), &json!("x".repeat(20_001))).is_err());
    }
}
