//! GIFT written back: questions as text that `parse` reads back to the same questions (export, and the
//! round trip the tests check).

use std::fmt::Write as _;

use crate::quizzes::model::{Kind, Question, Text, TextFormat};

/// Escapes GIFT's special characters (Moodle's repchar).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '#' | '=' | '~' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            // A carriage return is kept as it is: dropping it could join `-` and `>` into `->`.
            _ => out.push(c),
        }
    }
    out
}

fn text_out(text: &Text, default: TextFormat) -> String {
    let marker = if text.format != default && !text.text.is_empty() {
        format!("[{}]", text.format.name())
    } else {
        String::new()
    };
    let body = escape(&text.text);
    // A text that itself starts with `[` would be read as a format marker.
    if marker.is_empty() && text.text.starts_with('[') {
        format!("[{}]{body}", default.name())
    } else {
        format!("{marker}{body}")
    }
}

fn number_out(v: f64) -> String {
    let s = format!("{v}");
    if s.contains('e') { format!("{v:.10}").trim_end_matches('0').trim_end_matches('.').to_owned() } else { s }
}

fn weight_out(fraction: f64) -> String {
    let w = format!("{:.5}", fraction * 100.0);
    let w = w.trim_end_matches('0').trim_end_matches('.');
    format!("%{}%", if w == "-0" { "0" } else { w })
}

fn feedback_out(feedback: &Option<Text>, default: TextFormat) -> String {
    feedback.as_ref().map(|f| format!("#{}", text_out(f, default))).unwrap_or_default()
}

/// Writes questions as GIFT that [`parse`] reads back to the same questions.
pub fn write(questions: &[Question]) -> String {
    let mut out = String::new();
    let mut category: Option<&String> = None;
    for q in questions {
        if q.category.is_some() && q.category.as_ref() != category {
            category = q.category.as_ref();
            let _ = writeln!(out, "$CATEGORY: {}\n", escape(q.category.as_deref().unwrap_or_default()));
        }
        let mut comment = format!("// [id:{}]", q.id);
        for tag in &q.tags {
            let _ = write!(comment, " [tag:{tag}]");
        }
        let _ = writeln!(out, "{comment}");
        let format = q.text.format;
        let question_text = match (q.text.format, q.text.text.is_empty()) {
            (TextFormat::Moodle, _) => text_out(&q.text, TextFormat::Moodle),
            (f, _) => format!("[{}]{}", f.name(), escape(&q.text.text)),
        };
        let _ = write!(out, "::{}::{}{{", escape(&q.title), question_text);
        match &q.kind {
            Kind::Essay => {}
            Kind::TrueFalse { answer, wrong_feedback, right_feedback } => {
                out.push_str(if *answer { "TRUE" } else { "FALSE" });
                match (wrong_feedback, right_feedback) {
                    (None, None) => {}
                    (w, r) => {
                        let _ = write!(out, "#{}", w.as_ref().map(|t| text_out(t, format)).unwrap_or_default());
                        if let Some(r) = r {
                            let _ = write!(out, "#{}", text_out(r, format));
                        }
                    }
                }
            }
            Kind::Single { choices } | Kind::Multiple { choices } => {
                let single = matches!(q.kind, Kind::Single { .. });
                out.push('\n');
                for c in choices {
                    let mark = if single && c.fraction == 1.0 {
                        "=".to_owned()
                    } else if c.fraction == 0.0 {
                        "~".to_owned()
                    } else {
                        format!("~{}", weight_out(c.fraction))
                    };
                    let _ = writeln!(
                        out,
                        "\t{mark}{}{}",
                        answer_text_out(&c.text, format),
                        feedback_out(&c.feedback, format)
                    );
                }
            }
            Kind::Short { answers } => {
                out.push('\n');
                for a in answers {
                    let text = Text::new(a.text.clone(), format);
                    let _ = writeln!(
                        out,
                        "\t={}{}{}",
                        weight_out(a.fraction),
                        answer_text_out(&text, format),
                        feedback_out(&a.feedback, format)
                    );
                }
            }
            Kind::Numerical { answers } => {
                out.push_str("#\n");
                for a in answers {
                    match a.value {
                        Some(v) => {
                            let _ = writeln!(
                                out,
                                "\t={}{}:{}{}",
                                weight_out(a.fraction),
                                number_out(v),
                                number_out(a.tolerance),
                                feedback_out(&a.feedback, format)
                            );
                        }
                        None => {
                            let _ =
                                writeln!(out, "\t={}*{}", weight_out(a.fraction), feedback_out(&a.feedback, format));
                        }
                    }
                }
            }
            Kind::Matching { pairs } => {
                out.push('\n');
                for p in pairs {
                    let _ = writeln!(out, "\t={} -> {}", text_out(&p.prompt, format), escape(&p.answer));
                }
            }
        }
        if let Some(gf) = &q.general_feedback {
            let _ = writeln!(out, "	####{}", text_out(gf, format));
        }
        out.push_str("}\n\n");
    }
    out
}

/// An answer text that starts with `%` or `=` would be read as a weight or a mark; protect it.
fn answer_text_out(text: &Text, default: TextFormat) -> String {
    let written = text_out(text, default);
    if written.starts_with('%') || written.starts_with('=') {
        format!("[{}]{written}", text.format.name())
    } else {
        written
    }
}
