//! Languages: the three locales Pravo speaks, their Fluent message files (embedded in the binary),
//! negotiation from `Accept-Language`, and date formatting per language.

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDateTime};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// A language Pravo is written in. English is the fallback for everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Ru,
    Uk,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Ru, Locale::Uk];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
            Locale::Uk => "uk",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Locale::En),
            "ru" => Some(Locale::Ru),
            "uk" => Some(Locale::Uk),
            _ => None,
        }
    }

    /// The best supported language of an `Accept-Language` header, by quality then order.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default().trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split(['-', '_']).next().unwrap_or_default();
            if let Some(locale) = Locale::parse(primary)
                && quality > 0.0
                && best.is_none_or(|(q, _)| quality > q)
            {
                best = Some((quality, locale));
            }
        }
        best.map(|(_, locale)| locale)
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A message to show a person: a Fluent id and its arguments, turned into text only when the
/// language of the reader is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub id: Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// A message of its own, written in the same language (the detail of a syntax error, say).
    Message(Box<Msg>),
}

impl Msg {
    pub fn new(id: impl Into<Cow<'static, str>>) -> Self {
        Self { id: id.into(), args: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn text(&self, locale: Locale) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                Arg::Text(s) => args.set(*name, FluentValue::from(s.as_str())),
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
                Arg::Message(m) => args.set(*name, FluentValue::from(m.text(locale))),
            }
        }
        format(locale, &self.id, Some(&args))
    }
}

impl From<Msg> for Arg {
    fn from(value: Msg) -> Self {
        Arg::Message(Box::new(value))
    }
}
impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}
impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}
impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::Number(value)
    }
}
impl From<usize> for Arg {
    fn from(value: usize) -> Self {
        Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

type Bundle = FluentBundle<FluentResource>;

const SOURCES: [(Locale, &[&str]); 3] = [
    (
        Locale::En,
        &[
            include_str!("locales/en/main.ftl"),
            include_str!("locales/en/courses.ftl"),
            include_str!("locales/en/quizzes.ftl"),
            include_str!("locales/en/scholarships.ftl"),
            include_str!("locales/en/privacy.ftl"),
            include_str!("locales/en/second_factor.ftl"),
        ],
    ),
    (
        Locale::Ru,
        &[
            include_str!("locales/ru/main.ftl"),
            include_str!("locales/ru/courses.ftl"),
            include_str!("locales/ru/quizzes.ftl"),
            include_str!("locales/ru/scholarships.ftl"),
            include_str!("locales/ru/privacy.ftl"),
            include_str!("locales/ru/second_factor.ftl"),
        ],
    ),
    (
        Locale::Uk,
        &[
            include_str!("locales/uk/main.ftl"),
            include_str!("locales/uk/courses.ftl"),
            include_str!("locales/uk/quizzes.ftl"),
            include_str!("locales/uk/scholarships.ftl"),
            include_str!("locales/uk/privacy.ftl"),
            include_str!("locales/uk/second_factor.ftl"),
        ],
    ),
];

static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| SOURCES.iter().map(|(l, s)| bundle(*l, s)).collect());

fn bundle(locale: Locale, sources: &[&str]) -> Bundle {
    let langid: LanguageIdentifier = locale.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/U+2069) would show up in plain-text places such as email subjects and CSV.
    bundle.set_use_isolating(false);
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(resource, errors)| {
            tracing::error!(?errors, locale = locale.code(), "Fluent syntax errors");
            resource
        });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(?errors, locale = locale.code(), "duplicate Fluent messages");
        }
    }
    bundle
}

/// The text of message `id` in `locale`, falling back to English, then to the id itself.
pub fn t(locale: Locale, id: &str) -> String {
    format(locale, id, None)
}

/// Like [`t`], with arguments.
pub fn t_with(locale: Locale, id: &str, args: &[(&'static str, Arg)]) -> String {
    let msg = Msg { id: Cow::Owned(id.to_owned()), args: args.to_vec() };
    msg.text(locale)
}

fn format(locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
    for candidate in [locale, Locale::En] {
        let bundle = &BUNDLES[candidate.index()];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(id, ?errors, "Fluent formatting errors");
            }
            return text.into_owned();
        }
    }
    tracing::warn!(id, locale = locale.code(), "missing Fluent message");
    id.to_owned()
}

/// Every message id of a locale's files, for the test that all languages define the same messages.
pub fn message_ids(locale: Locale) -> Vec<String> {
    let mut ids: Vec<String> = SOURCES[locale.index()]
        .1
        .iter()
        .filter_map(|s| FluentResource::try_new((*s).to_owned()).ok())
        .flat_map(|r| {
            r.entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    ids.sort();
    ids
}

/// A date as people write it in `locale`: "29 November 2026", "29 ноября 2026 г.", "29 листопада 2026 р.".
/// A decimal number as the language writes it: a point in English, a comma in Russian and Ukrainian.
pub fn format_decimal(locale: Locale, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    if locale == Locale::En { text } else { text.replace('.', ",") }
}

pub fn format_date(locale: Locale, at: NaiveDateTime) -> String {
    let date = at.date();
    let month = t(locale, &format!("month-genitive-{}", date.month()));
    t_with(
        locale,
        "date-long",
        &[
            ("day", Arg::Text(date.day().to_string())),
            ("month", Arg::Text(month)),
            ("year", Arg::Text(date.year().to_string())),
        ],
    )
}

/// A date and time in UTC: the date as in [`format_date`], then hours and minutes.
pub fn format_datetime(locale: Locale, at: NaiveDateTime) -> String {
    format!("{}, {} UTC", format_date(locale, at), at.format("%H:%M"))
}

#[cfg(test)]
mod tests {

    #[test]
    fn decimals_are_written_as_each_language_writes_them() {
        assert_eq!(super::format_decimal(Locale::En, 66.666, 1), "66.7");
        assert_eq!(super::format_decimal(Locale::Uk, 66.666, 1), "66,7");
        assert_eq!(super::format_decimal(Locale::Ru, 750.0, 2), "750,00");
    }
    use super::*;

    #[test]
    fn every_language_defines_the_same_messages() {
        let en = message_ids(Locale::En);
        assert!(en.len() > 50);
        for locale in [Locale::Ru, Locale::Uk] {
            let other = message_ids(locale);
            let missing: Vec<_> = en.iter().filter(|id| !other.contains(id)).collect();
            let extra: Vec<_> = other.iter().filter(|id| !en.contains(id)).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{locale}: missing {missing:?}, extra {extra:?}");
        }
    }

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(Locale::from_accept_language("uk-UA,uk;q=0.9,en;q=0.8"), Some(Locale::Uk));
        assert_eq!(Locale::from_accept_language("de-DE,ru;q=0.5,en;q=0.7"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("fr"), None);
        assert_eq!(Locale::from_accept_language("ru;q=0"), None);
    }

    #[test]
    fn russian_and_ukrainian_plurals_follow_their_rules() {
        let count = |l, n: i64| t_with(l, "course-count", &[("count", Arg::Number(n))]);
        assert_eq!(count(Locale::Ru, 1), "1 курс");
        assert_eq!(count(Locale::Ru, 2), "2 курса");
        assert_eq!(count(Locale::Ru, 5), "5 курсов");
        assert_eq!(count(Locale::Ru, 21), "21 курс");
        assert_eq!(count(Locale::Uk, 3), "3 курси");
        assert_eq!(count(Locale::Uk, 11), "11 курсів");
        assert_eq!(count(Locale::En, 1), "1 course");
        assert_eq!(count(Locale::En, 2), "2 courses");
    }

    #[test]
    fn dates_are_written_per_language() {
        let at =
            chrono::NaiveDate::from_ymd_opt(2026, 11, 29).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap_or_default();
        assert_eq!(format_date(Locale::En, at), "29 November 2026");
        assert_eq!(format_date(Locale::Ru, at), "29 ноября 2026 г.");
        assert_eq!(format_date(Locale::Uk, at), "29 листопада 2026 р.");
    }
}
