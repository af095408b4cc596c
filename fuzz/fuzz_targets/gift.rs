//! Feeds arbitrary text to the GIFT and Aiken parsers: no input may panic, and whatever parses must
//! write back to text that parses again to the same questions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pravo::quizzes::{aiken, gift};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = aiken::parse(text);
    if let Ok(questions) = gift::parse(text) {
        // GIFT cannot write `->` inside a short answer (Moodle has the same limit): skip those.
        if questions.iter().any(|q| matches!(&q.kind, pravo::quizzes::model::Kind::Short { answers } if answers.iter().any(|a| a.text.contains("->") || a.feedback.as_ref().is_some_and(|f| f.text.contains("->"))))) {
            return;
        }
        let written = gift::write(&questions);
        let again = gift::parse(&written).expect("written GIFT parses");
        assert_eq!(gift::parse(&gift::write(&again)).expect("stable"), again);
    }
});
