//! The shapes of a scholarship programme: the programme with its rubric and questions, an application and
//! its status, a review. Input becomes these types at the edge (`ProgrammeInput::parse`), so nothing past
//! it validates again.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::core::error::{AppError, FieldErrors};
use crate::i18n::{Locale, Msg};

/// Every ISO 3166-1 alpha-2 code.
const COUNTRY_CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR \
BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK \
FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO \
JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU \
MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC \
SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA \
VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// The countries whose names the pages know in every language; others show as their code.
pub const NAMED_COUNTRIES: [&str; 15] =
    ["AM", "AZ", "BY", "EE", "GE", "KG", "KZ", "LT", "LV", "MD", "RU", "TJ", "TM", "UA", "UZ"];

/// An ISO 3166-1 alpha-2 code in upper case, if `raw` is one (any case, surrounding space ignored).
pub fn country_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    (code.len() == 2 && COUNTRY_CODES.split(' ').any(|c| c == code)).then_some(code)
}

/// How a country is shown: its name where the pages know it, else its code.
pub fn country_name(locale: Locale, code: &str) -> String {
    if NAMED_COUNTRIES.contains(&code) {
        crate::i18n::t(locale, &format!("country-{}", code.to_ascii_lowercase()))
    } else {
        code.to_owned()
    }
}

pub const MAX_TITLE: usize = 200;
pub const MAX_SHORT: usize = 300;
pub const MAX_LONG: usize = 10_000;
pub const MAX_SEATS: i32 = 100_000;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct ProgrammeText {
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    pub weight: i32,
    /// What the criterion looks for, and what a low and a high score mean: shown beside the scores.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The name and description in other languages, by language code (`uk`, `ru`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub texts: BTreeMap<String, CriterionText>,
}

/// A criterion's words in one language.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(default)]
pub struct CriterionText {
    pub name: String,
    pub description: String,
}

impl Criterion {
    /// The name in `locale`, else the criterion's own.
    pub fn name_in(&self, locale: Locale) -> &str {
        self.texts.get(locale.code()).map(|t| t.name.as_str()).filter(|n| !n.is_empty()).unwrap_or(&self.name)
    }

    /// The description in `locale`, else the criterion's own.
    pub fn description_in(&self, locale: Locale) -> &str {
        let translated = self.texts.get(locale.code()).map(|t| t.description.as_str()).filter(|d| !d.is_empty());
        translated.unwrap_or(&self.description)
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Short,
    Long,
    Single,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 3] = [QuestionKind::Short, QuestionKind::Long, QuestionKind::Single];

    /// The kind as the API and the forms write it.
    pub fn code(self) -> &'static str {
        match self {
            QuestionKind::Short => "short",
            QuestionKind::Long => "long",
            QuestionKind::Single => "single",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Question {
    pub id: String,
    pub label: String,
    pub kind: QuestionKind,
    pub required: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// The label in other languages, by language code (`uk`, `ru`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// The choices in other languages, by language code, in the order of `choices` (which stay the
    /// values stored as answers).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub choice_labels: BTreeMap<String, Vec<String>>,
    /// While review is blind, reviewers see the answers to this question (a free-text answer, such as a
    /// city or a group's name, can say who wrote it in a small community: hidden unless the admin marks it
    /// safe). Choices from a fixed list are always shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reviewers_see: bool,
}

impl Question {
    /// Whether a blind reviewer sees the answer to this question.
    pub fn shown_in_blind_review(&self) -> bool {
        self.kind == QuestionKind::Single || self.reviewers_see
    }

    /// How a choice (as stored) reads in `locale`: its translation where there is one, else itself.
    pub fn choice_in<'a>(&'a self, locale: Locale, value: &'a str) -> &'a str {
        self.choices
            .iter()
            .position(|c| c == value)
            .and_then(|i| self.choice_labels.get(locale.code()).and_then(|list| list.get(i)))
            .map(String::as_str)
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(value)
    }

    /// The label in `locale` where translated, else the programme's own.
    pub fn label_in(&self, locale: Locale) -> &str {
        self.labels.get(locale.code()).map(String::as_str).filter(|l| !l.trim().is_empty()).unwrap_or(&self.label)
    }

    /// The answer's problem, if it has one (`None` for an acceptable answer, including an empty optional one).
    pub fn problem(&self, answer: Option<&str>) -> Option<Msg> {
        let answer = answer.map(str::trim).unwrap_or_default();
        if answer.is_empty() {
            return self.required.then(|| Msg::new("error-required"));
        }
        match self.kind {
            QuestionKind::Short if answer.chars().count() > MAX_SHORT => {
                Some(Msg::new("error-length-max").with("max", MAX_SHORT as i64))
            }
            QuestionKind::Long if answer.chars().count() > MAX_LONG => {
                Some(Msg::new("error-length-max").with("max", MAX_LONG as i64))
            }
            QuestionKind::Single if !self.choices.iter().any(|c| c == answer) => Some(Msg::new("error-choice")),
            _ => None,
        }
    }
}

/// A programme as stored: its terms, with its id. It reads as its terms (`p.seats`, `p.criteria`).
#[derive(Debug, Clone)]
pub struct Programme {
    pub id: String,
    pub created_at: NaiveDateTime,
    pub terms: Terms,
}

impl std::ops::Deref for Programme {
    type Target = Terms;

    fn deref(&self) -> &Terms {
        &self.terms
    }
}

impl Programme {
    /// Until when an awarded applicant can answer her offer: the award's time and the programme's days.
    pub fn answer_by(&self, a: &Application) -> Option<NaiveDateTime> {
        (a.status == Status::Awarded)
            .then_some(a.decided_at)
            .flatten()
            .map(|at| at + chrono::Duration::days(i64::from(self.offer_days)))
    }

    /// Title and description in `locale`, else the programme's own.
    pub fn text(&self, locale: Locale) -> ProgrammeText {
        self.texts
            .get(&locale)
            .cloned()
            .unwrap_or_else(|| ProgrammeText { title: self.title.clone(), description: self.description.clone() })
    }

    pub fn is_open(&self, now: NaiveDateTime) -> bool {
        self.opens_at <= now && now < self.closes_at
    }

    pub fn criterion_weights(&self) -> Vec<(String, i32)> {
        self.criteria.iter().map(|c| (c.id.clone(), c.weight)).collect()
    }
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Submitted,
    Waitlisted,
    Rejected,
    Awarded,
    Accepted,
    Declined,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::Submitted,
        Status::Waitlisted,
        Status::Rejected,
        Status::Awarded,
        Status::Accepted,
        Status::Declined,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Waitlisted => "waitlisted",
            Status::Rejected => "rejected",
            Status::Awarded => "awarded",
            Status::Accepted => "accepted",
            Status::Declined => "declined",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The applicant answered an offer (accepted or declined it): no decision changes it any more.
    pub fn answered(self) -> bool {
        matches!(self, Status::Accepted | Status::Declined)
    }

    /// Holds one of the programme's seats.
    pub fn holds_seat(self) -> bool {
        matches!(self, Status::Awarded | Status::Accepted)
    }

    /// Has been sent (anything but a draft).
    pub fn is_sent(self) -> bool {
        self != Status::Draft
    }
}

/// An admin's decision on an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Award,
    Waitlist,
    Reject,
}

impl Decision {
    pub fn parse(code: &str) -> Option<Decision> {
        match code {
            "award" => Some(Decision::Award),
            "waitlist" => Some(Decision::Waitlist),
            "reject" => Some(Decision::Reject),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Decision::Award => "award",
            Decision::Waitlist => "waitlist",
            Decision::Reject => "reject",
        }
    }

    pub fn status(self) -> Status {
        match self {
            Decision::Award => Status::Awarded,
            Decision::Waitlist => Status::Waitlisted,
            Decision::Reject => Status::Rejected,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Application {
    pub id: String,
    pub programme_id: String,
    pub user_id: String,
    pub status: Status,
    pub organisation: String,
    pub country: String,
    pub experience: String,
    pub motivation: String,
    pub answers: BTreeMap<String, String>,
    pub consent: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
    pub decided_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone)]
pub struct Review {
    pub application_id: String,
    pub reviewer_id: String,
    pub conflict: bool,
    pub scores: BTreeMap<String, i32>,
    pub comment: String,
    pub updated_at: NaiveDateTime,
}

/// What an admin sends to create a programme (API body and the page's form alike).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProgrammeInput {
    pub title: String,
    pub description: String,
    pub texts: BTreeMap<String, ProgrammeText>,
    pub countries: Vec<String>,
    pub seats: Option<i64>,
    pub stipend_amount: Option<f64>,
    pub currency: Option<String>,
    pub opens_at: String,
    pub closes_at: String,
    pub deadline: String,
    pub course_slugs: Vec<String>,
    pub criteria: Vec<CriterionInput>,
    pub questions: Vec<QuestionInput>,
    /// Blind review (default): reviewers see neither handle nor contact.
    pub blind: Option<bool>,
    /// Days an awarded applicant has to answer the offer (default 14).
    pub offer_days: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CriterionInput {
    pub name: String,
    pub weight: Option<i64>,
    /// What it looks for, and what a 1 and a 5 mean (at most 1,000 characters).
    pub description: String,
    /// The name and description in other languages: `{"uk": {"name": "...", "description": "..."}}`.
    pub texts: BTreeMap<String, CriterionText>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct QuestionInput {
    pub label: String,
    pub kind: String,
    pub required: bool,
    pub choices: Vec<String>,
    /// Translations of the label: `{"uk": "...", "ru": "..."}`.
    pub labels: BTreeMap<String, String>,
    /// Translations of the choices, in their order: `{"uk": ["...", "..."]}`.
    pub choice_labels: BTreeMap<String, Vec<String>>,
    /// While review is blind, reviewers see the answers (free text is hidden from them unless this is set).
    pub reviewers_see: bool,
}

/// What a programme offers and asks: everything an admin sets, checked but for its courses' existence.
#[derive(Debug, Clone)]
pub struct Terms {
    pub title: String,
    pub description: String,
    pub texts: BTreeMap<Locale, ProgrammeText>,
    pub countries: Vec<String>,
    pub seats: i32,
    pub stipend_cents: Option<i64>,
    pub currency: Option<String>,
    pub opens_at: NaiveDateTime,
    pub closes_at: NaiveDateTime,
    pub deadline: NaiveDateTime,
    pub course_slugs: Vec<String>,
    pub criteria: Vec<Criterion>,
    pub questions: Vec<Question>,
    pub blind: bool,
    /// Days an awarded applicant has to accept or decline, from when the award reached her.
    pub offer_days: i32,
}

/// Days to answer an offer when the admin says nothing, and the longest allowed.
pub const OFFER_DAYS: i32 = 14;
pub const MAX_OFFER_DAYS: i32 = 90;

/// A moment given as RFC 3339, as `YYYY-MM-DDTHH:MM` (a browser's datetime-local) or as a date (midnight
/// UTC); times without an offset are UTC.
pub fn parse_moment(raw: &str) -> Option<NaiveDateTime> {
    let raw = raw.trim();
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(raw) {
        return Some(at.naive_utc());
    }
    for format in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(raw, format) {
            return Some(at);
        }
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0))
}

fn push(fields: &mut FieldErrors, field: &str, msg: Msg) {
    fields.entry(field.to_owned()).or_default().push(msg);
}

fn text_field(fields: &mut FieldErrors, field: &str, value: &str, max: usize, required: bool) -> String {
    let value = value.trim();
    if required && value.is_empty() {
        push(fields, field, Msg::new("error-required"));
    } else if value.chars().count() > max {
        push(fields, field, Msg::new("error-length-max").with("max", max as i64));
    }
    value.to_owned()
}

fn moment_field(fields: &mut FieldErrors, field: &str, raw: &str) -> Option<NaiveDateTime> {
    if raw.trim().is_empty() {
        push(fields, field, Msg::new("error-required"));
        return None;
    }
    let at = parse_moment(raw);
    if at.is_none() {
        push(fields, field, Msg::new("error-date"));
    }
    at
}

impl ProgrammeInput {
    /// Checks every field at once, so a form can show all its problems together.
    pub fn parse(self) -> Result<Terms, AppError> {
        let mut f = FieldErrors::new();
        let title = text_field(&mut f, "title", &self.title, MAX_TITLE, true);
        let description = text_field(&mut f, "description", &self.description, MAX_LONG, true);
        let mut texts = BTreeMap::new();
        for (code, text) in &self.texts {
            match Locale::parse(code) {
                Some(locale) if !text.title.trim().is_empty() => {
                    let field = format!("texts.{code}");
                    let title = text_field(&mut f, &field, &text.title, MAX_TITLE, true);
                    let description = text_field(&mut f, &field, &text.description, MAX_LONG, false);
                    texts.insert(locale, ProgrammeText { title, description });
                }
                Some(_) => {}
                None => push(&mut f, "texts", Msg::new("error-language")),
            }
        }
        let mut countries = Vec::new();
        for raw in &self.countries {
            match country_code(raw) {
                Some(code) if !countries.contains(&code) => countries.push(code),
                Some(_) => {}
                None => push(&mut f, "countries", Msg::new("error-country").with("value", raw.as_str())),
            }
        }
        let seats = match self.seats {
            None => {
                push(&mut f, "seats", Msg::new("error-required"));
                0
            }
            Some(n) if !(1..=i64::from(MAX_SEATS)).contains(&n) => {
                push(
                    &mut f,
                    "seats",
                    Msg::new("error-number-range").with("min", 1_i64).with("max", i64::from(MAX_SEATS)),
                );
                0
            }
            Some(n) => n as i32,
        };
        let offer_days = match self.offer_days {
            None => OFFER_DAYS,
            Some(n) if (1..=i64::from(MAX_OFFER_DAYS)).contains(&n) => n as i32,
            Some(_) => {
                let range = Msg::new("error-number-range").with("min", 1_i64).with("max", i64::from(MAX_OFFER_DAYS));
                push(&mut f, "offer_days", range);
                OFFER_DAYS
            }
        };
        let stipend_cents = match self.stipend_amount {
            None => None,
            Some(a) if a.is_finite() && (0.0..=1e9).contains(&a) => Some((a * 100.0).round() as i64),
            Some(_) => {
                push(&mut f, "stipend_amount", Msg::new("error-amount"));
                None
            }
        };
        let currency = self.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_ascii_uppercase);
        if let Some(c) = &currency
            && !(c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()))
        {
            push(&mut f, "currency", Msg::new("error-currency"));
        }
        if stipend_cents.is_some() && currency.is_none() {
            push(&mut f, "currency", Msg::new("error-required"));
        }
        let opens_at = moment_field(&mut f, "opens_at", &self.opens_at);
        let closes_at = moment_field(&mut f, "closes_at", &self.closes_at);
        let deadline = moment_field(&mut f, "deadline", &self.deadline);
        if let (Some(o), Some(c)) = (opens_at, closes_at)
            && c <= o
        {
            push(&mut f, "closes_at", Msg::new("error-closes-before-opens"));
        }
        if let (Some(c), Some(d)) = (closes_at, deadline)
            && d <= c
        {
            push(&mut f, "deadline", Msg::new("error-deadline-before-close"));
        }
        let mut course_slugs: Vec<String> = Vec::new();
        for slug in &self.course_slugs {
            let slug = slug.trim().to_owned();
            if !slug.is_empty() && !course_slugs.contains(&slug) {
                course_slugs.push(slug);
            }
        }
        if course_slugs.is_empty() {
            push(&mut f, "course_slugs", Msg::new("error-required"));
        }
        let mut criteria = Vec::new();
        for (i, c) in self.criteria.iter().enumerate() {
            let name = c.name.trim();
            let weight = c.weight.unwrap_or(1);
            if name.is_empty() || name.chars().count() > MAX_TITLE {
                push(&mut f, "criteria", Msg::new("error-criterion-name").with("row", i as i64 + 1));
            } else if !(1..=100).contains(&weight) {
                push(&mut f, "criteria", Msg::new("error-criterion-weight").with("row", i as i64 + 1));
            } else if std::iter::once(&c.description)
                .chain(c.texts.values().map(|t| &t.description))
                .any(|d| d.chars().count() > 1000)
                || c.texts.values().any(|t| t.name.chars().count() > MAX_TITLE)
            {
                push(&mut f, "criteria", Msg::new("error-length-max").with("max", 1000_i64));
            } else if c.texts.keys().any(|code| !matches!(code.as_str(), "uk" | "ru")) {
                push(&mut f, "criteria", Msg::new("error-language"));
            } else {
                let (id, name, description) = (format!("c{}", i + 1), name.to_owned(), c.description.trim().to_owned());
                let texts = c
                    .texts
                    .iter()
                    .map(|(code, t)| {
                        let words = CriterionText {
                            name: t.name.trim().to_owned(),
                            description: t.description.trim().to_owned(),
                        };
                        (code.clone(), words)
                    })
                    .filter(|(_, t)| !(t.name.is_empty() && t.description.is_empty()))
                    .collect();
                criteria.push(Criterion { id, name, weight: weight as i32, description, texts });
            }
        }
        if self.criteria.is_empty() {
            push(&mut f, "criteria", Msg::new("error-required"));
        }
        let mut questions = Vec::new();
        for (i, q) in self.questions.iter().enumerate() {
            let row = i as i64 + 1;
            let kind = QuestionKind::parse(&q.kind);
            let choices: Vec<String> =
                q.choices.iter().map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
            let label = q.label.trim();
            match kind {
                _ if label.is_empty() || label.chars().count() > MAX_SHORT => {
                    push(&mut f, "questions", Msg::new("error-question-label").with("row", row))
                }
                None => push(&mut f, "questions", Msg::new("error-question-kind").with("row", row)),
                Some(QuestionKind::Single) if choices.len() < 2 => {
                    push(&mut f, "questions", Msg::new("error-question-choices").with("row", row))
                }
                Some(kind) => {
                    let mut labels = BTreeMap::new();
                    for (code, text) in &q.labels {
                        let text = text.trim();
                        match Locale::parse(code) {
                            _ if text.is_empty() => {}
                            Some(l) if text.chars().count() <= MAX_SHORT => {
                                labels.insert(l.code().to_owned(), text.to_owned());
                            }
                            Some(_) => push(&mut f, "questions", Msg::new("error-question-label").with("row", row)),
                            None => push(&mut f, "questions", Msg::new("error-language")),
                        }
                    }
                    let mut choice_labels = BTreeMap::new();
                    for (code, list) in q.choice_labels.iter().filter(|_| kind == QuestionKind::Single) {
                        let list: Vec<String> = list.iter().map(|c| c.trim().to_owned()).collect();
                        match Locale::parse(code) {
                            _ if list.iter().all(String::is_empty) => {}
                            Some(l)
                                if list.len() == choices.len()
                                    && list.iter().all(|c| c.chars().count() <= MAX_SHORT) =>
                            {
                                choice_labels.insert(l.code().to_owned(), list);
                            }
                            Some(_) => push(
                                &mut f,
                                "questions",
                                Msg::new("error-question-choice-translations").with("row", row),
                            ),
                            None => push(&mut f, "questions", Msg::new("error-language")),
                        }
                    }
                    questions.push(Question {
                        id: format!("q{row}"),
                        label: label.to_owned(),
                        kind,
                        required: q.required,
                        choices: if kind == QuestionKind::Single { choices } else { Vec::new() },
                        labels,
                        choice_labels,
                        reviewers_see: q.reviewers_see,
                    })
                }
            }
        }
        if !f.is_empty() {
            return Err(AppError::Validation(f));
        }
        let (Some(opens_at), Some(closes_at), Some(deadline)) = (opens_at, closes_at, deadline) else {
            return Err(AppError::internal("dates checked above"));
        };
        Ok(Terms {
            title,
            description,
            texts,
            countries,
            seats,
            stipend_cents,
            currency,
            opens_at,
            closes_at,
            deadline,
            course_slugs,
            criteria,
            questions,
            blind: self.blind.unwrap_or(true),
            offer_days,
        })
    }
}

/// An applicant's draft: every field optional, so a half-typed form can be kept.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DraftInput {
    pub organisation: Option<String>,
    pub country: Option<String>,
    pub experience: Option<String>,
    pub motivation: Option<String>,
    pub answers: Option<BTreeMap<String, String>>,
    pub consent: Option<bool>,
}

/// The weighted score of one review on the 1 to 5 scale, if it scores every criterion.
pub fn weighted_score(weights: &[(String, i32)], scores: &BTreeMap<String, i32>) -> Option<f64> {
    let total: i32 = weights.iter().map(|(_, w)| w).sum();
    if total == 0 {
        return None;
    }
    let mut sum = 0.0;
    for (id, weight) in weights {
        sum += f64::from(*scores.get(id)?) * f64::from(*weight);
    }
    Some(sum / f64::from(total))
}

#[cfg(test)]
mod tests;
