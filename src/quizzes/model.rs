//! Quiz types: settings, questions as parsed from GIFT or Aiken (per language), and the answers scholars
//! give.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How a text is written: GIFT's `[moodle]`, `[html]`, `[markdown]` and `[plain]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum TextFormat {
    #[default]
    Moodle,
    Html,
    Markdown,
    Plain,
}

impl TextFormat {
    pub fn name(self) -> &'static str {
        match self {
            TextFormat::Moodle => "moodle",
            TextFormat::Html => "html",
            TextFormat::Markdown => "markdown",
            TextFormat::Plain => "plain",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "moodle" => Some(TextFormat::Moodle),
            "html" => Some(TextFormat::Html),
            "markdown" => Some(TextFormat::Markdown),
            "plain" => Some(TextFormat::Plain),
            _ => None,
        }
    }
}

/// A piece of text and its format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Text {
    pub text: String,
    #[serde(default)]
    pub format: TextFormat,
}

impl Text {
    pub fn new(text: impl Into<String>, format: TextFormat) -> Self {
        Text { text: text.into(), format }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// One choice of a single- or multiple-choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub text: Text,
    /// Credit as a fraction of the question's mark: 1.0 right, 0 wrong, negative allowed.
    pub fraction: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Text>,
}

/// One accepted answer of a short-answer question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShortAnswer {
    pub text: String,
    pub fraction: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Text>,
}

/// One graded answer of a numerical question: a value with a tolerance (a range `a..b` is stored as its
/// middle and half-width), or `*` for any other number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericalAnswer {
    /// `None` is the wildcard `*`.
    pub value: Option<f64>,
    pub tolerance: f64,
    pub fraction: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Text>,
}

/// One pair of a matching question; an empty prompt is a distractor (an extra option).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub prompt: Text,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Kind {
    Single {
        choices: Vec<Choice>,
    },
    Multiple {
        choices: Vec<Choice>,
    },
    TrueFalse {
        answer: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        wrong_feedback: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        right_feedback: Option<Text>,
    },
    Short {
        answers: Vec<ShortAnswer>,
    },
    Numerical {
        answers: Vec<NumericalAnswer>,
    },
    Matching {
        pairs: Vec<Pair>,
    },
    Essay,
}

impl Kind {
    /// The API's name of the type.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Single { .. } => "single",
            Kind::Multiple { .. } => "multiple",
            Kind::TrueFalse { .. } => "truefalse",
            Kind::Short { .. } => "short",
            Kind::Numerical { .. } => "numerical",
            Kind::Matching { .. } => "matching",
            Kind::Essay => "essay",
        }
    }

    /// The shape that must be the same in every language: type and number of choices or pairs.
    pub fn shape(&self) -> (&'static str, usize) {
        let n = match self {
            Kind::Single { choices } | Kind::Multiple { choices } => choices.len(),
            Kind::Matching { pairs } => pairs.len(),
            _ => 0,
        };
        (self.name(), n)
    }
}

/// A question as written in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The `[id:]` from the comment before it, else `q1`, `q2`, … by position.
    pub id: String,
    pub title: String,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general_feedback: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The mark the question weighs (1 unless a source says otherwise).
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(flatten)]
    pub kind: Kind,
}

fn one() -> f64 {
    1.0
}

/// When a scholar may see scores, feedback and right answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewPolicy {
    #[default]
    AfterAttempt,
    AfterPass,
    AfterLastAttempt,
    Never,
}

/// A quiz's settings (API.md's `settings`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default = "default_pass")]
    pub pass_percent: u32,
    #[serde(default)]
    pub attempts_allowed: Option<u32>,
    #[serde(default)]
    pub time_limit_seconds: Option<u32>,
    #[serde(default)]
    pub shuffle_questions: bool,
    #[serde(default)]
    pub shuffle_choices: bool,
    #[serde(default)]
    pub draw: Option<u32>,
    #[serde(default)]
    pub review: ReviewPolicy,
    #[serde(default = "default_required")]
    pub required_for_completion: bool,
}

fn default_pass() -> u32 {
    70
}

fn default_required() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            pass_percent: default_pass(),
            attempts_allowed: None,
            time_limit_seconds: None,
            shuffle_questions: false,
            shuffle_choices: false,
            draw: None,
            review: ReviewPolicy::default(),
            required_for_completion: default_required(),
        }
    }
}

/// The questions of a quiz version in each language it is written in.
pub type Versions = BTreeMap<crate::i18n::Locale, Vec<Question>>;

/// A module's quiz: its settings (from the English front matter) and its source per language.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizFolder {
    pub settings: Settings,
    /// Language → (format: "gift" or "aiken", source text as written).
    pub sources: std::collections::BTreeMap<crate::i18n::Locale, (String, String)>,
}
