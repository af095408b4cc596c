//! GIFT, read as Moodle reads it (question/format/gift/format.php), and written back so that a quiz
//! survives export and import unchanged.
//!
//! Moodle's rules, kept here on purpose: questions are separated by blank lines; `//` lines are comments
//! (their `[id:]` and `[tag:]` are read); `::title::`; the first `{` and the first `}` bound the answers
//! (text after them makes a missing-word question, shown with `_____`); `####` starts general feedback;
//! the type is detected in Moodle's order: empty → essay, leading `#` → numerical, any `~` → multiple
//! choice (single if it has an `=`), `=` with `->` → matching, exactly `T`/`TRUE`/`F`/`FALSE` → true/false,
//! anything else → short answer (so `{true}` is a short answer); an answer that starts with `=` is worth
//! 100 % whatever follows (so `=%50%x` is a right answer whose text is `%50%x`). Where Moodle silently
//! makes something odd of broken input (a non-number in a numerical answer, a description without
//! answers), this parser stops and names the line and column instead.

use std::fmt::Write as _;

use super::model::{Choice, Kind, NumericalAnswer, Pair, Question, ShortAnswer, Text, TextFormat};
use crate::i18n::{Locale, Msg};

/// A problem in a GIFT file: line and column from 1, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct GiftError {
    pub line: usize,
    pub column: usize,
    /// What is wrong, as a message in the reader's language.
    pub message: Msg,
}

impl std::fmt::Display for GiftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message.text(Locale::En))
    }
}

/// The largest GIFT source accepted.
pub const MAX_SOURCE_BYTES: usize = 512 * 1024;

/// One character of the source, after escapes: `\~` is `~` with `escaped` set, so it never acts as syntax.
#[derive(Debug, Clone, Copy)]
struct Unit {
    c: char,
    escaped: bool,
    line: usize,
    column: usize,
}

type Units = [Unit];

fn is(u: &Unit, c: char) -> bool {
    u.c == c && !u.escaped
}

fn find(units: &Units, pattern: &str) -> Option<usize> {
    let pat: Vec<char> = pattern.chars().collect();
    if pat.is_empty() || units.len() < pat.len() {
        return None;
    }
    (0..=units.len() - pat.len()).find(|&i| pat.iter().enumerate().all(|(j, c)| is(&units[i + j], *c)))
}

fn rfind(units: &Units, pattern: &str) -> Option<usize> {
    let pat: Vec<char> = pattern.chars().collect();
    if pat.is_empty() || units.len() < pat.len() {
        return None;
    }
    (0..=units.len() - pat.len()).rev().find(|&i| pat.iter().enumerate().all(|(j, c)| is(&units[i + j], *c)))
}

fn contains(units: &Units, pattern: &str) -> bool {
    find(units, pattern).is_some()
}

fn trim(units: &Units) -> &Units {
    let start = units.iter().position(|u| !u.c.is_whitespace() || u.escaped).unwrap_or(units.len());
    let end = units.iter().rposition(|u| !u.c.is_whitespace() || u.escaped).map_or(start, |e| e + 1);
    &units[start..end.max(start)]
}

fn split(units: &Units, c: char) -> Vec<&Units> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, u) in units.iter().enumerate() {
        if is(u, c) {
            parts.push(&units[start..i]);
            start = i + 1;
        }
    }
    parts.push(&units[start..]);
    parts
}

/// Splits at the first `limit - 1` unescaped `c`.
fn splitn(units: &Units, c: char, limit: usize) -> Vec<&Units> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, u) in units.iter().enumerate() {
        if parts.len() + 1 == limit {
            break;
        }
        if is(u, c) {
            parts.push(&units[start..i]);
            start = i + 1;
        }
    }
    parts.push(&units[start..]);
    parts
}

fn string(units: &Units) -> String {
    units.iter().map(|u| u.c).collect()
}

fn raw_string(units: &Units) -> String {
    // For comparisons Moodle makes before escapes are resolved: an escaped character never equals syntax.
    units.iter().map(|u| if u.escaped { '\u{fffd}' } else { u.c }).collect()
}

fn error_at(units: &Units, fallback: (usize, usize), id: &'static str) -> GiftError {
    let (line, column) = units.first().map(|u| (u.line, u.column)).unwrap_or(fallback);
    GiftError { line, column, message: Msg::new(id) }
}

/// What a file holds, in order: questions, and the categories Moodle would file them under.
pub fn parse(source: &str) -> Result<Vec<Question>, GiftError> {
    parse_marked(source).map(|(questions, _)| questions)
}

/// Where a question starts in its source (line from 1), and whether its id was given there or made up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub line: usize,
    pub automatic_id: bool,
}

/// `parse`, with where each question starts and whether its id was made up.
fn parse_marked(source: &str) -> Result<(Vec<Question>, Vec<Mark>), GiftError> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(GiftError {
            line: 1,
            column: 1,
            message: Msg::new("gift-too-large").with("kib", MAX_SOURCE_BYTES / 1024),
        });
    }
    let source = source.trim_start_matches('\u{feff}');
    let mut questions = Vec::new();
    let mut category: Option<String> = None;
    let mut block: Vec<(usize, &str)> = Vec::new();
    let mut starts = Vec::new();
    let lines: Vec<&str> = source.lines().collect();
    for (i, line) in lines.iter().chain(std::iter::once(&"")).enumerate() {
        if line.trim().is_empty() {
            if !block.is_empty() {
                let before = questions.len();
                read_block(&block, &mut questions, &mut category)?;
                starts.extend(std::iter::repeat_n(block[0].0, questions.len() - before));
                block.clear();
            }
        } else {
            block.push((i + 1, line));
        }
    }
    let marks: Vec<Mark> =
        questions.iter().zip(starts).map(|(q, line)| Mark { line, automatic_id: q.id.is_empty() }).collect();
    // A question without an id gets `q` and its place, or the next number no other question uses (so a
    // question added above ones whose ids were written back does not take one of theirs).
    let given: std::collections::HashSet<String> =
        questions.iter().filter(|q| !q.id.is_empty()).map(|q| q.id.clone()).collect();
    let mut seen = std::collections::HashSet::new();
    let mut next = 1;
    for (n, q) in questions.iter_mut().enumerate() {
        if q.id.is_empty() {
            next = next.max(n + 1);
            while given.contains(&format!("q{next}")) {
                next += 1;
            }
            q.id = format!("q{next}");
            next += 1;
        }
    }
    for q in &questions {
        if !seen.insert(q.id.clone()) {
            return Err(GiftError {
                line: 1,
                column: 1,
                message: Msg::new("gift-duplicate-id").with("id", q.id.as_str()),
            });
        }
    }
    Ok((questions, marks))
}

/// The source with the ids the parser made up written in (`// [id:q3]` above each such question), so that
/// the trainer sees the ids a translation must use; `None` when every question already has its own.
pub fn with_ids_written(source: &str) -> Result<Option<String>, GiftError> {
    let (questions, marks) = parse_marked(source)?;
    if !marks.iter().any(|m| m.automatic_id) {
        return Ok(None);
    }
    let source = source.trim_start_matches('\u{feff}');
    let mut out = String::with_capacity(source.len() + 16 * questions.len());
    let mut pending = questions.iter().zip(&marks).filter(|(_, m)| m.automatic_id).peekable();
    for (i, line) in source.lines().enumerate() {
        while let Some((q, _)) = pending.next_if(|(_, m)| m.line == i + 1) {
            let _ = writeln!(out, "// [id:{}]", q.id);
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(Some(out))
}

fn read_block(
    block: &[(usize, &str)],
    out: &mut Vec<Question>,
    category: &mut Option<String>,
) -> Result<(), GiftError> {
    let mut comments = String::new();
    let mut units: Vec<Unit> = Vec::new();
    for (k, (line_no, line)) in block.iter().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if k > 0 {
            units.push(Unit { c: '\n', escaped: false, line: *line_no, column: 1 });
        }
        if trimmed.starts_with("//") {
            comments.push_str(trimmed);
            comments.push('\n');
            units.push(Unit { c: ' ', escaped: false, line: *line_no, column: 1 });
            continue;
        }
        let chars: Vec<(usize, char)> = trimmed.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (byte, c) = chars[i];
            let column = indent + trimmed[..byte].chars().count() + 1;
            if c == '\\' && i + 1 < chars.len() {
                let next = chars[i + 1].1;
                if matches!(next, '\\' | ':' | '#' | '=' | '{' | '}' | '~' | 'n') {
                    let c = if next == 'n' { '\n' } else { next };
                    units.push(Unit { c, escaped: true, line: *line_no, column });
                    i += 2;
                    continue;
                }
            }
            units.push(Unit { c, escaped: false, line: *line_no, column });
            i += 1;
        }
    }
    let text = trim(&units);
    if text.is_empty() {
        return Ok(());
    }
    let start = (text[0].line, text[0].column);
    if string(&text[..text.len().min(10)]) == "$CATEGORY:" {
        // Moodle takes the rest of the block; a category is a path, so white space is folded to one space.
        let name = string(trim(&text[10..])).split_whitespace().collect::<Vec<_>>().join(" ");
        *category = Some(name);
        return Ok(());
    }
    let (id, tags) = id_and_tags(&comments);
    let mut question = read_question(text, start)?;
    question.id = id.unwrap_or_default();
    question.tags = tags;
    question.category = category.clone();
    out.push(question);
    Ok(())
}

fn id_and_tags(comments: &str) -> (Option<String>, Vec<String>) {
    let mut id = None;
    let mut tags = Vec::new();
    let mut rest = comments;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let inner = &after[..close];
        if let Some(v) = inner.strip_prefix("id:") {
            let v = v.trim();
            if id.is_none() && !v.is_empty() {
                id = Some(v.to_owned());
            }
        } else if let Some(v) = inner.strip_prefix("tag:") {
            let v = v.trim();
            if !v.is_empty() {
                tags.push(v.to_owned());
            }
        }
        rest = &after[close + 1..];
    }
    (id, tags)
}

/// `[format]` at the start of a text, as Moodle's parse_text_with_format reads it.
fn with_format(units: &Units, default: TextFormat) -> Text {
    let units = trim(units);
    if units.first().is_some_and(|u| is(u, '['))
        && let Some(end) = units.iter().position(|u| is(u, ']'))
        && let Some(format) = TextFormat::parse(&string(&units[1..end]))
    {
        return Text::new(string(trim(&units[end + 1..])), format);
    }
    Text::new(string(units), default)
}

fn optional(units: &Units, default: TextFormat) -> Option<Text> {
    let text = with_format(units, default);
    (!text.is_empty()).then_some(text)
}

/// `%50%` at the start of an answer: Moodle's `^%-*([0-9]{1,2})\.?([0-9]*)%`, and also `%100%`, which
/// Moodle writes but cannot read back.
fn weight(units: &Units) -> Option<(f64, usize)> {
    if !units.first().is_some_and(|u| is(u, '%')) {
        return None;
    }
    let end = units[1..].iter().position(|u| is(u, '%'))? + 1;
    let inner = string(&units[1..end]);
    let digits = inner.trim_start_matches('-');
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let shape_ok = !int.is_empty()
        && int.len() <= 3
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit())
        && (int.len() < 3 || int == "100");
    if !shape_ok {
        return None;
    }
    let value: f64 = format!("{}{}", if inner.starts_with('-') { "-" } else { "" }, digits).parse().ok()?;
    Some((round_fraction(value / 100.0), end + 1))
}

/// Fractions are kept to 7 decimal places, so that writing and reading them back gives the same value.
fn round_fraction(f: f64) -> f64 {
    (f * 1e7).round() / 1e7
}

/// Answer text and feedback, split at the first `#`.
fn answer_and_feedback(units: &Units, format: TextFormat) -> (Text, Option<Text>) {
    let parts = splitn(units, '#', 2);
    let answer = with_format(parts[0], format);
    let feedback = parts.get(1).and_then(|f| optional(f, format));
    (answer, feedback)
}

fn read_question(text: &Units, start: (usize, usize)) -> Result<Question, GiftError> {
    let mut text = text;
    let mut title = None;
    if find(text, "::") == Some(0) {
        let rest = &text[2..];
        if let Some(end) = find(rest, "::") {
            title = Some(string(trim(&rest[..end])));
            text = trim(&rest[end + 2..]);
        } else {
            text = rest;
        }
    }
    let open = text.iter().position(|u| is(u, '{'));
    let close = text.iter().position(|u| is(u, '}'));
    let (open, close) = match (open, close) {
        (None, None) => {
            return Err(error_at(text, start, "gift-no-answers"));
        }
        (Some(o), None) => return Err(error_at(&text[o..], start, "gift-unclosed")),
        (None, Some(c)) => return Err(error_at(&text[c..], start, "gift-stray-close")),
        (Some(o), Some(c)) if c < o => return Err(error_at(&text[c..], start, "gift-close-first")),
        (Some(o), Some(c)) => (o, c),
    };
    let mut answer = trim(&text[open + 1..close]);
    let before = &text[..open];
    let after = &text[close + 1..];
    let question_units: Vec<Unit> = if text.last().is_some_and(|u| is(u, '}')) {
        before.iter().chain(after.iter()).copied().collect()
    } else {
        let blank = (0..5).map(|_| Unit { c: '_', escaped: true, line: text[open].line, column: text[open].column });
        before.iter().copied().chain(blank).chain(after.iter().copied()).collect()
    };
    let question_text = with_format(&question_units, TextFormat::Moodle);
    let format = question_text.format;
    let mut general_feedback = None;
    if let Some(sep) = rfind(answer, "####") {
        general_feedback = optional(&answer[sep + 4..], format);
        answer = trim(&answer[..sep]);
    }
    let block_start = (text[open].line, text[open].column);
    let kind = read_kind(answer, format, block_start)?;
    let title = title.filter(|t| !t.is_empty()).unwrap_or_else(|| default_title(&question_text.text));
    Ok(Question {
        id: String::new(),
        title,
        text: question_text,
        general_feedback,
        tags: Vec::new(),
        category: None,
        weight: 1.0,
        kind,
    })
}

fn default_title(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut title: String = flat.chars().take(60).collect();
    if flat.chars().count() > 60 {
        title.push('…');
    }
    if title.is_empty() { "Question".into() } else { title }
}

fn read_kind(answer: &Units, format: TextFormat, at: (usize, usize)) -> Result<Kind, GiftError> {
    if answer.is_empty() {
        return Ok(Kind::Essay);
    }
    if is(&answer[0], '#') {
        return numerical(&answer[1..], format, at);
    }
    if contains(answer, "~") {
        return multichoice(answer, format, at);
    }
    if contains(answer, "=") && contains(answer, "->") {
        return matching(answer, format, at);
    }
    let check = match answer.iter().position(|u| is(u, '#')) {
        Some(p) if p > 0 => trim(&answer[..p]),
        _ => answer,
    };
    if matches!(raw_string(check).as_str(), "T" | "TRUE" | "F" | "FALSE") {
        let parts = splitn(answer, '#', 3);
        let value = matches!(raw_string(trim(parts[0])).as_str(), "T" | "TRUE");
        return Ok(Kind::TrueFalse {
            answer: value,
            wrong_feedback: parts.get(1).and_then(|f| optional(f, format)),
            right_feedback: parts.get(2).and_then(|f| optional(f, format)),
        });
    }
    short_answer(answer, format, at)
}

/// The pieces of an answer list split at `c`, with an empty first piece dropped (as Moodle does).
fn pieces(answer: &Units, c: char) -> Vec<&Units> {
    let mut parts = split(answer, c);
    if parts.first().is_some_and(|p| trim(p).is_empty()) {
        parts.remove(0);
    }
    parts.into_iter().map(trim).collect()
}

fn multichoice(answer: &Units, format: TextFormat, at: (usize, usize)) -> Result<Kind, GiftError> {
    let single = contains(answer, "=");
    // Moodle turns every `=` into `~=` and splits at `~`.
    let mut marked: Vec<Unit> = Vec::with_capacity(answer.len() + 8);
    for u in answer {
        if is(u, '=') {
            marked.push(Unit { c: '~', ..*u });
        }
        marked.push(*u);
    }
    let parts = pieces(&marked, '~');
    if parts.len() < 2 {
        return Err(GiftError { line: at.0, column: at.1, message: Msg::new("gift-few-choices") });
    }
    let mut choices = Vec::with_capacity(parts.len());
    for part in parts {
        let (fraction, rest): (f64, &Units) = if part.first().is_some_and(|u| is(u, '=')) {
            (1.0, &part[1..])
        } else if let Some((w, len)) = weight(part) {
            (w, &part[len..])
        } else {
            (0.0, part)
        };
        let (text, feedback) = answer_and_feedback(rest, format);
        choices.push(Choice { text, fraction, feedback });
    }
    Ok(if single { Kind::Single { choices } } else { Kind::Multiple { choices } })
}

fn matching(answer: &Units, format: TextFormat, at: (usize, usize)) -> Result<Kind, GiftError> {
    let parts = pieces(answer, '=');
    if parts.len() < 2 {
        return Err(GiftError { line: at.0, column: at.1, message: Msg::new("gift-few-pairs") });
    }
    let mut pairs = Vec::with_capacity(parts.len());
    for part in parts {
        let Some(arrow) = find(part, "->") else {
            return Err(error_at(part, at, "gift-pair-arrow"));
        };
        let prompt = with_format(&part[..arrow], format);
        let answer = string(trim(&part[arrow + 2..]));
        if answer.is_empty() {
            return Err(error_at(part, at, "gift-pair-empty"));
        }
        pairs.push(Pair { prompt, answer });
    }
    if pairs.iter().filter(|p| !p.prompt.is_empty()).count() < 2 {
        return Err(GiftError { line: at.0, column: at.1, message: Msg::new("gift-few-prompts") });
    }
    Ok(Kind::Matching { pairs })
}

fn short_answer(answer: &Units, format: TextFormat, at: (usize, usize)) -> Result<Kind, GiftError> {
    let parts = pieces(answer, '=');
    if parts.is_empty() {
        return Err(GiftError { line: at.0, column: at.1, message: Msg::new("gift-short-no-answer") });
    }
    let mut answers = Vec::with_capacity(parts.len());
    for part in parts {
        let (fraction, rest) = match weight(part) {
            Some((w, len)) => (w, &part[len..]),
            None => (1.0, part),
        };
        let (text, feedback) = answer_and_feedback(rest, format);
        if text.text.is_empty() {
            return Err(error_at(part, at, "gift-empty-answer"));
        }
        answers.push(ShortAnswer { text: text.text, fraction, feedback });
    }
    Ok(Kind::Short { answers })
}

/// PHP's is_numeric, near enough: optional sign, digits with an optional point, optional exponent.
fn number(s: &str) -> Option<f64> {
    let s = s.trim();
    let ok = !s.is_empty()
        && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && s.chars().any(|c| c.is_ascii_digit());
    ok.then(|| s.parse::<f64>().ok()).flatten().filter(|v| v.is_finite())
}

fn numerical(answer: &Units, format: TextFormat, at: (usize, usize)) -> Result<Kind, GiftError> {
    let (answer, wrong) = match answer.iter().position(|u| is(u, '~')) {
        Some(p) => (&answer[..p], Some(&answer[p..])),
        None => (answer, None),
    };
    let parts = pieces(answer, '=');
    if parts.is_empty() {
        return Err(GiftError { line: at.0, column: at.1, message: Msg::new("gift-numerical-no-number") });
    }
    let mut answers = Vec::with_capacity(parts.len() + 1);
    for part in parts {
        let (fraction, rest) = match weight(part) {
            Some((w, len)) => (w, &part[len..]),
            None => (1.0, part),
        };
        let (text, feedback) = answer_and_feedback(rest, format);
        let spec = text.text.trim().to_owned();
        let bad = || {
            let mut e = error_at(part, at, "gift-not-a-number");
            e.message = e.message.with("value", spec.as_str());
            e
        };
        let (value, tolerance) = if let Some(p) = spec.find("..").filter(|p| *p > 0) {
            let (min, max) = (number(&spec[..p]).ok_or_else(bad)?, number(&spec[p + 2..]).ok_or_else(bad)?);
            let middle = (min + max) / 2.0;
            (Some(middle), max - middle)
        } else if let Some(p) = spec.find(':').filter(|p| *p > 0) {
            let value = if spec[..p].trim() == "*" { None } else { Some(number(&spec[..p]).ok_or_else(bad)?) };
            (value, number(&spec[p + 1..]).ok_or_else(bad)?)
        } else if spec == "*" {
            (None, 0.0)
        } else {
            (Some(number(&spec).ok_or_else(bad)?), 0.0)
        };
        if tolerance < 0.0 {
            return Err(error_at(part, at, "gift-negative-tolerance"));
        }
        answers.push(NumericalAnswer { value, tolerance, fraction, feedback });
    }
    if let Some(wrong) = wrong {
        let (_, feedback) = answer_and_feedback(&wrong[1..], format);
        answers.push(NumericalAnswer { value: None, tolerance: 0.0, fraction: 0.0, feedback });
    }
    Ok(Kind::Numerical { answers })
}

// ---- writing ----

mod write;
pub use write::write;

#[cfg(test)]
mod tests;
