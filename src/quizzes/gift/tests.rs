//! GIFT as Moodle reads it: its documented examples, its traps, escapes, errors with line and column,
//! and the round trip (write, then read, gives the same questions).

use super::*;
use crate::quizzes::model::{Kind, TextFormat};

fn one(source: &str) -> Question {
    let mut qs = parse(source).unwrap_or_else(|e| panic!("{source:?}: {e}"));
    assert_eq!(qs.len(), 1, "{qs:?}");
    qs.remove(0)
}

fn fractions(kind: &Kind) -> Vec<f64> {
    match kind {
        Kind::Single { choices } | Kind::Multiple { choices } => choices.iter().map(|c| c.fraction).collect(),
        Kind::Short { answers } => answers.iter().map(|a| a.fraction).collect(),
        Kind::Numerical { answers } => answers.iter().map(|a| a.fraction).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn moodles_documented_examples() {
    let q = one("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");
    assert_eq!(q.kind.name(), "single");
    assert_eq!(fractions(&q.kind), [0.0, 0.0, 1.0]);
    assert_eq!(q.text.text, "Who's buried in Grant's tomb?");

    let q = one("Grant is {~buried =entombed ~living} in Grant's tomb.");
    assert_eq!(q.text.text, "Grant is _____ in Grant's tomb.", "missing word, shown as Moodle shows it");

    let q = one("Grant is buried in Grant's tomb.{FALSE}");
    assert!(matches!(q.kind, Kind::TrueFalse { answer: false, .. }));

    let q = one("Who's buried in Grant's tomb?{=no one =nobody}");
    assert_eq!(q.kind.name(), "short");

    let q = one("When was Ulysses S. Grant born?{#1822:5}");
    match q.kind {
        Kind::Numerical { answers } => assert_eq!((answers[0].value, answers[0].tolerance), (Some(1822.0), 5.0)),
        other => panic!("{other:?}"),
    }

    let q = one(
        "Match the following countries with their corresponding capitals. {=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo}",
    );
    match q.kind {
        Kind::Matching { pairs } => {
            assert_eq!(pairs.len(), 3);
            assert_eq!((pairs[1].prompt.text.as_str(), pairs[1].answer.as_str()), ("Italy", "Rome"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_type_detection_traps() {
    assert_eq!(one("Is the sky blue?{true}").kind.name(), "short", "lower-case true is a short answer");
    assert_eq!(one("Is the sky blue?{TRUE}").kind.name(), "truefalse");
    assert_eq!(one("Is the sky blue?{T#no#yes}").kind.name(), "truefalse");
    assert_eq!(one("Name it{=Paris ~ Lyon}").kind.name(), "single", "an unescaped ~ makes a choice question");
    assert_eq!(one("Name it{=Paris \\~ Lyon}").kind.name(), "short", "an escaped one does not");
    assert_eq!(one("Pick{~%50%a ~%50%b ~c}").kind.name(), "multiple", "no = means several answers");
    let q = one("Capital?{=%50%Paris ~Lyon}");
    match q.kind {
        Kind::Single { choices } => {
            assert_eq!(choices[0].fraction, 1.0, "after = the weight is ignored, as in Moodle");
            assert_eq!(choices[0].text.text, "%50%Paris");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(one("Pair {=a -> 1 =b -> 2}").kind.name(), "matching");
    assert_eq!(one("Pair {=a => 1}").kind.name(), "short", "= without -> is not matching");
    assert_eq!(one("Write about it.{}").kind.name(), "essay");
    assert_eq!(one("Write about it.{####Think of X.}").kind.name(), "essay");
}

#[test]
fn weights_feedback_and_general_feedback() {
    let q = one("::Pick::Which?{~%50%A#half ~%50%B ~%-100%C#no ####Both A and B.}");
    assert_eq!(q.title, "Pick");
    assert_eq!(fractions(&q.kind), [0.5, 0.5, -1.0]);
    assert_eq!(q.general_feedback.as_ref().map(|t| t.text.as_str()), Some("Both A and B."));
    match &q.kind {
        Kind::Multiple { choices } => {
            assert_eq!(choices[0].feedback.as_ref().map(|t| t.text.as_str()), Some("half"));
            assert_eq!(choices[1].feedback, None);
        }
        other => panic!("{other:?}"),
    }
    let q = one("Colour?{=%100%red#yes =%50%pink#close}");
    assert_eq!(fractions(&q.kind), [1.0, 0.5]);
    let q = one("Third?{~%33.333%a ~%33.333%b ~%33.334%c}");
    assert_eq!(fractions(&q.kind), [0.33333, 0.33333, 0.33334]);
}

#[test]
fn numerical_forms() {
    let q = one("Between 1 and 5?{#1..5}");
    match &q.kind {
        Kind::Numerical { answers } => assert_eq!((answers[0].value, answers[0].tolerance), (Some(3.0), 2.0)),
        other => panic!("{other:?}"),
    }
    let q = one("Root two?{#=1.41500:0.0005#Exact ~#Try again =%50%1.4:0.1#Close}");
    match &q.kind {
        Kind::Numerical { answers } => {
            // The ~ part starts the feedback for any other number; what follows it belongs to it.
            assert_eq!(answers.len(), 2);
            assert_eq!(answers[0].value, Some(1.41500));
            assert_eq!(answers[1].value, None);
            assert_eq!(answers[1].fraction, 0.0);
        }
        other => panic!("{other:?}"),
    }
    let q = one("Root two?{#=1.41500:0.0005#Exact =%50%1.4:0.1#Close}");
    assert_eq!(fractions(&q.kind), [1.0, 0.5]);
    let q = one("Negative?{#-5..-1}");
    match &q.kind {
        Kind::Numerical { answers } => assert_eq!((answers[0].value, answers[0].tolerance), (Some(-3.0), 2.0)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn escapes_are_text_not_syntax() {
    let q = one("Is 1\\=1 \\{really\\} \\~ true\\: yes \\# \\\\ and a\\nline?{T}");
    assert_eq!(q.text.text, "Is 1=1 {really} ~ true: yes # \\ and a\nline?");
    let q = one("A\\:B{=x\\=y ~z}");
    match &q.kind {
        Kind::Single { choices } => assert_eq!(choices[0].text.text, "x=y"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn ids_tags_categories_and_formats() {
    let qs = parse(
        "$CATEGORY: $course$/Monitoring\n\n// [id:mp-01] [tag:consent] [tag:basics]\n::T::[markdown]**Bold** question{T}\n\n// just a comment\nSecond{F}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].id, "mp-01");
    assert_eq!(qs[0].tags, ["consent", "basics"]);
    assert_eq!(qs[0].category.as_deref(), Some("$course$/Monitoring"));
    assert_eq!(qs[0].text.format, TextFormat::Markdown);
    assert_eq!(qs[0].text.text, "**Bold** question");
    assert_eq!(qs[1].id, "q2", "without [id:], the position");
    assert_eq!(qs[1].title, "Second");
    assert_eq!(one("[html]<b>Hi</b>{T}").text.format, TextFormat::Html);
    assert_eq!(one("[plain]a < b{T}").text.format, TextFormat::Plain);
    assert_eq!(one("[weird]text{T}").text.text, "[weird]text", "an unknown marker is text");
}

#[test]
fn errors_name_line_and_column() {
    let err = parse("Fine{T}\n\nSecond question\n  with an open {brace\n").err().unwrap_or_else(|| panic!("error"));
    assert_eq!((err.line, err.column), (4, 16), "{err}");
    let err = parse("Bad number?{#abc}").err().unwrap_or_else(|| panic!("error"));
    assert_eq!(err.line, 1);
    assert!(err.message.text(crate::i18n::Locale::En).contains("not a number"), "{err}");
    let err = parse("Just a description").err().unwrap_or_else(|| panic!("error"));
    assert!(err.message.text(crate::i18n::Locale::En).contains("no answers"));
    let err = parse("Only one{~a}").err().unwrap_or_else(|| panic!("error"));
    assert!(err.message.text(crate::i18n::Locale::En).contains("at least 2"), "{err}");
    let err = parse("// [id:x]\nA{T}\n\n// [id:x]\nB{T}").err().unwrap_or_else(|| panic!("error"));
    assert!(err.message.text(crate::i18n::Locale::En).contains("used by two"));
    let err = parse("Match{=a -> 1 =b 2}").err().unwrap_or_else(|| panic!("error"));
    assert!(err.message.text(crate::i18n::Locale::En).contains("->"));
    let err = parse("Closed first}{").err().unwrap_or_else(|| panic!("error"));
    assert_eq!((err.line, err.column), (1, 13));
}

const CORPUS: &str = r#"// [id:a1] [tag:t]
::Choice::Who's buried in Grant's tomb?{~Grant#No ~Jefferson =no one#Yes ####Nobody is buried there.}

Grant is {~buried =entombed ~living} in Grant's tomb.

::TF::[markdown]The sun *rises* in the east.{T#Wrong#Right}

::Short::Two plus two, in words?{=four =%50%for#Spelling ####It is four.}

::Num::When was Grant born?{#=1822:0#Exact =%50%1822:2 ~#Look it up}

::Match::Capitals{=Canada -> Ottawa =Italy -> Rome = -> Paris}

::Essay::Why does consent matter?{####Think of safety.}

::Multi::Pick the right ones{~%50%A ~%50%B ~%-100%C#Never \= or \~ or \{x\}}

::Odd::Capital?{=%50%Paris ~Lyon}

::Range::Between?{#1..5}
"#;

#[test]
fn writing_then_reading_gives_the_same_questions() {
    let first = parse(CORPUS).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.len(), 10);
    let written = write(&first);
    let second = parse(&written).unwrap_or_else(|e| panic!("{e}\n{written}"));
    assert_eq!(first, second, "{written}");
    assert_eq!(write(&second), written, "writing is stable");
}

/// A small deterministic generator for the property test (no extra dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn text(&mut self) -> String {
        const PIECES: [&str; 16] =
            ["word", "слово", "слово і", " ", "#", "=", "~", "{", "}", ":", "\\", "->", "%", "\n", "[x]", "_"];
        let n = 1 + self.below(6);
        let mut s: String = (0..n).map(|_| PIECES[self.below(PIECES.len() as u64) as usize]).collect();
        s = s.trim().to_owned();
        if s.is_empty() { "text".into() } else { s }
    }
    fn fraction(&mut self) -> f64 {
        [0.0, 1.0, 0.5, -0.5, 0.33333, -1.0][self.below(6) as usize]
    }
}

fn random_question(rng: &mut Rng, n: usize) -> Question {
    let format = [TextFormat::Moodle, TextFormat::Markdown, TextFormat::Plain, TextFormat::Html][rng.below(4) as usize];
    let t = |rng: &mut Rng| Text::new(rng.text(), format);
    let fb = |rng: &mut Rng| if rng.below(2) == 0 { None } else { Some(Text::new(rng.text(), format)) };
    let kind = match rng.below(7) {
        0 => {
            let mut choices: Vec<Choice> =
                (0..2 + rng.below(3)).map(|_| Choice { text: t(rng), fraction: 0.0, feedback: fb(rng) }).collect();
            choices[0].fraction = 1.0;
            Kind::Single { choices }
        }
        1 => Kind::Multiple {
            choices: (0..2 + rng.below(3))
                .map(|_| Choice { text: t(rng), fraction: rng.fraction(), feedback: fb(rng) })
                .collect(),
        },
        2 => Kind::TrueFalse { answer: rng.below(2) == 0, wrong_feedback: fb(rng), right_feedback: fb(rng) },
        // A short answer's block holds `=`; with a `->` anywhere in it, Moodle (and GIFT) would see matching.
        3 => Kind::Short {
            answers: (0..1 + rng.below(3))
                .map(|_| ShortAnswer {
                    text: rng.text().replace("->", "-"),
                    fraction: rng.fraction(),
                    feedback: fb(rng).map(|t| Text::new(t.text.replace("->", "-"), t.format)),
                })
                .collect(),
        },
        4 => Kind::Numerical {
            answers: (0..1 + rng.below(3))
                .map(|_| NumericalAnswer {
                    value: if rng.below(5) == 0 { None } else { Some((rng.below(20000) as f64 - 10000.0) / 8.0) },
                    tolerance: rng.below(100) as f64 / 4.0,
                    fraction: rng.fraction(),
                    feedback: fb(rng),
                })
                .collect(),
        },
        5 => Kind::Matching {
            // GIFT cannot escape `->` (neither can Moodle), so matching texts avoid it.
            pairs: (0..2 + rng.below(3))
                .map(|_| Pair {
                    prompt: Text::new(rng.text().replace("->", "-"), format),
                    answer: rng.text().replace("->", "-"),
                })
                .collect(),
        },
        _ => Kind::Essay,
    };
    Question {
        id: format!("g-{n}"),
        title: rng.text(),
        text: t(rng),
        general_feedback: fb(rng),
        tags: Vec::new(),
        category: None,
        weight: 1.0,
        kind,
    }
}

#[test]
fn property_any_written_quiz_reads_back_the_same() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..400 {
        let questions: Vec<Question> = (0..1 + rng.below(5) as usize).map(|n| random_question(&mut rng, n)).collect();
        let written = write(&questions);
        let read = parse(&written).unwrap_or_else(|e| panic!("round {round}: {e}\n{written}"));
        // Reading normalises what GIFT cannot carry: texts are trimmed, and the ~ feedback of a numerical
        // question is its own answer. Compare what survives the first trip with the second.
        let again = parse(&write(&read)).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert_eq!(read, again, "round {round}:\n{written}");
        assert_eq!(read.len(), questions.len(), "round {round}:\n{written}");
        for (a, b) in questions.iter().zip(&read) {
            assert_eq!(a.kind.shape(), b.kind.shape(), "round {round}:\n{written}");
            assert_eq!(a.id, b.id);
        }
    }
}

/// GIFT cannot write `->` inside a short answer (it would read as matching; Moodle has the same limit).
fn has_unwritable_arrow(q: &Question) -> bool {
    matches!(&q.kind, Kind::Short { answers } if answers.iter().any(|a| a.text.contains("->") || a.feedback.as_ref().is_some_and(|f| f.text.contains("->"))))
}

#[test]
fn a_carriage_return_inside_text_survives_writing() {
    // Found by cargo-fuzz: dropping the \r wrote `->`, which reads back as a matching question.
    let source = "{{\0\0\0\0{{-\r>-\0\0\0Ⱦ\u{1}}}:";
    let questions = parse(source).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parse(&write(&questions)).unwrap_or_else(|e| panic!("{e}")), questions);
}

#[test]
fn a_category_spanning_lines_is_written_on_one() {
    // Found by cargo-fuzz: Moodle's $CATEGORY takes the rest of its block, newlines and all.
    let source = "$CATEGORY: a\n}\n{b\n\nQ{T}";
    let questions = parse(source).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(questions[0].category.as_deref(), Some("a } {b"));
    assert_eq!(parse(&write(&questions)).unwrap_or_else(|e| panic!("{e}")), questions);
}

#[test]
fn property_no_input_makes_the_parser_panic() {
    const PIECES: [&str; 23] = [
        "{",
        "}",
        "~",
        "=",
        "#",
        "####",
        "->",
        "::",
        ":",
        "..",
        "%",
        "%50%",
        "%-100%",
        "\\",
        "\n",
        "\n\n",
        "//",
        "[id:x]",
        "[markdown]",
        "T",
        "1.5",
        "слово",
        "$CATEGORY: ",
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..5000 {
        let n = 1 + rng.below(24);
        let source: String = (0..n).map(|_| PIECES[rng.below(PIECES.len() as u64) as usize]).collect();
        // Either questions or an error with a position inside the text; never a panic.
        if let Err(e) = parse(&source) {
            assert!(e.line >= 1 && e.column >= 1, "{source:?}: {e}");
        } else if let Ok(questions) = parse(&source)
            && !questions.iter().any(has_unwritable_arrow)
        {
            let again = parse(&write(&questions));
            assert!(again.is_ok(), "{source:?}: {:?}", again.err());
        }
    }
}

/// Replays a fuzzer artifact: `PRAVO_GIFT_CASE=path cargo test --lib replay -- --ignored --nocapture`.
#[test]
#[ignore]
fn replay() {
    let Ok(path) = std::env::var("PRAVO_GIFT_CASE") else { return };
    let bytes = std::fs::read(path).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let first = parse(&text);
    println!("first: {first:#?}");
    if let Ok(qs) = first {
        let written = write(&qs);
        println!("written:\n{written}");
        println!("again: {:#?}", parse(&written));
    }
}

#[test]
fn made_up_ids_are_written_back_and_a_question_added_above_takes_a_new_one() {
    let source = "$CATEGORY: rights\n\n::A:: One? {T}\n\n// [id:mine]\n::B:: Two? {F}\n\n::C:: Three? {T}\n";
    let written = with_ids_written(source).unwrap_or_else(|e| panic!("{e}")).expect("ids to write");
    assert_eq!(
        written,
        "$CATEGORY: rights\n\n// [id:q1]\n::A:: One? {T}\n\n// [id:mine]\n::B:: Two? {F}\n\n// [id:q3]\n::C:: Three? {T}\n"
    );
    assert_eq!(with_ids_written(&written).unwrap_or_else(|e| panic!("{e}")), None, "nothing left to write");
    let ids = |s: &str| parse(s).unwrap_or_else(|e| panic!("{e}")).into_iter().map(|q| q.id).collect::<Vec<_>>();
    assert_eq!(ids(source), ids(&written), "the same ids, now visible");
    // A question added above them does not take an id they hold.
    assert_eq!(ids(&format!("::N:: New? {{T}}\n\n{written}")), ["q2", "q1", "mine", "q3"]);
}
