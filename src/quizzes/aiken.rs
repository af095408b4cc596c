//! Aiken, as Moodle reads it: a question on one line, its choices as `A.` or `A)` lines, then
//! `ANSWER: X`. Every question is single choice.

use super::gift::GiftError;
use super::model::{Choice, Kind, Question, Text, TextFormat};
use crate::i18n::Msg;

pub fn parse(source: &str) -> Result<Vec<Question>, GiftError> {
    let mut questions = Vec::new();
    let mut text: Vec<String> = Vec::new();
    let mut choices: Vec<(char, String)> = Vec::new();
    let mut start_line = 0;
    for (i, raw) in source.trim_start_matches('\u{feff}').lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let err = |message: Msg| GiftError { line: line_no, column: raw.len() - raw.trim_start().len() + 1, message };
        if let Some(rest) = line.strip_prefix("ANSWER:") {
            let letter = rest.trim().chars().next().map(|c| c.to_ascii_uppercase());
            let Some(letter) = letter.filter(|l| choices.iter().any(|(c, _)| c == l)) else {
                return Err(err(Msg::new("aiken-answer-unknown").with("value", rest.trim())));
            };
            if choices.len() < 2 || text.is_empty() {
                return Err(err(Msg::new("aiken-too-few")));
            }
            let n = questions.len() + 1;
            let question_text = text.join("\n");
            questions.push(Question {
                id: format!("q{n}"),
                title: question_text.chars().take(60).collect(),
                text: Text::new(question_text, TextFormat::Plain),
                general_feedback: None,
                tags: Vec::new(),
                category: None,
                weight: 1.0,
                kind: Kind::Single {
                    choices: choices
                        .drain(..)
                        .map(|(c, t)| Choice {
                            text: Text::new(t, TextFormat::Plain),
                            fraction: if c == letter { 1.0 } else { 0.0 },
                            feedback: None,
                        })
                        .collect(),
                },
            });
            text.clear();
            continue;
        }
        let mut chars = line.chars();
        let (first, second) = (chars.next(), chars.next());
        let is_choice = matches!((first, second), (Some(c), Some('.' | ')')) if c.is_ascii_uppercase())
            && line.chars().nth(2).is_some_and(char::is_whitespace);
        if is_choice && !text.is_empty() {
            choices.push((first.unwrap_or('A'), line[2..].trim().to_owned()));
        } else if choices.is_empty() {
            if text.is_empty() {
                start_line = line_no;
            }
            text.push(line.to_owned());
        } else {
            return Err(err(Msg::new("aiken-expected")));
        }
    }
    if !text.is_empty() || !choices.is_empty() {
        return Err(GiftError { line: start_line.max(1), column: 1, message: Msg::new("aiken-no-answer") });
    }
    Ok(questions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_moodles_example() {
        let qs = parse("What is the correct answer to this question?\nA. Is it this one?\nB. Maybe this answer?\nC) Possibly this one?\nD. Must be this one!\nANSWER: D\n\nWhich LMS has the most users?\nA) Moodle\nB) ATutor\nANSWER: A\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(qs.len(), 2);
        match &qs[0].kind {
            Kind::Single { choices } => {
                assert_eq!(choices.len(), 4);
                assert_eq!(choices[3].fraction, 1.0);
                assert_eq!(choices[2].text.text, "Possibly this one?");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_the_line_of_a_problem() {
        let err = parse("Q?\nA. x\nB. y\nANSWER: E").err().unwrap_or_else(|| panic!("error"));
        assert_eq!(err.line, 4);
        assert!(parse("Q?\nA. x\nB. y\n").is_err());
    }
}
