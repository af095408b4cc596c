//! An attempt as its scholar (or a trainer) sees it: the questions, the answers, and, when the quiz's
//! review policy allows, scores, feedback and the right answers.

#[allow(unused_imports)]
use super::*;

/// One question's result, as far as the review policy lets the reader see.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReviewItem {
    pub id: String,
    /// Absent for an essay not graded yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    pub max_score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback_html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right_answer_html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// An attempt as its reader may see it.
pub struct AttemptView {
    pub attempt: AttemptRow,
    pub quiz_id: String,
    pub quiz_title: String,
    pub course_slug: String,
    pub module_slug: String,
    pub questions: Vec<ShownQuestion>,
    pub answers: BTreeMap<String, Value>,
    pub review: Option<Vec<ReviewItem>>,
    pub pending_grading: bool,
    pub pass_percent: u32,
    pub own: bool,
}

impl AttemptView {
    pub fn score(&self) -> f64 {
        self.attempt.score_milli.unwrap_or(0) as f64 / 1000.0
    }
    pub fn max_score(&self) -> f64 {
        self.attempt.max_milli as f64 / 1000.0
    }
    pub fn percent(&self) -> f64 {
        percent(self.attempt.score_milli.unwrap_or(0), self.attempt.max_milli)
    }

    /// The questions left without an answer, or with a part of one (a matching question with a prompt
    /// unmatched, an empty essay), by position: what a scholar is asked about before she submits.
    pub fn gaps(&self) -> Vec<Gap> {
        self.questions
            .iter()
            .enumerate()
            .filter_map(|(i, q)| {
                let missing = match self.answers.get(&q.id) {
                    None | Some(Value::Null) => Some(GapKind::Unanswered),
                    Some(Value::String(s)) if s.trim().is_empty() => Some(GapKind::Unanswered),
                    Some(Value::Array(a)) if a.is_empty() => Some(GapKind::Unanswered),
                    Some(Value::Object(m)) if m.is_empty() => Some(GapKind::Unanswered),
                    Some(Value::Object(m)) if q.prompts.as_ref().is_some_and(|p| m.len() < p.len()) => {
                        Some(GapKind::Incomplete)
                    }
                    Some(_) => None,
                };
                missing.map(|kind| Gap { number: i + 1, question_id: q.id.clone(), kind })
            })
            .collect()
    }
}

/// A question of an attempt that is not fully answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// Its position in the attempt, from 1.
    pub number: usize,
    pub question_id: String,
    pub kind: GapKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapKind {
    Unanswered,
    Incomplete,
}

pub async fn attempt_view(db: &Db, user: &User, attempt_id: &str, locale: Locale) -> Result<AttemptView, AppError> {
    // Most views only read: no write lock, unless an attempt past its deadline must be closed first.
    let (reader, id, parsed) = (user.clone(), attempt_id.to_owned(), db.memo::<Parsed>());
    let read = db
        .read(move |conn| {
            let (ctx, attempt, own) = attempt_context(conn, &parsed, &id, &reader)?;
            if expired_but_open(&attempt) {
                return Ok(None);
            }
            attempt_view_of(conn, &parsed, &ctx, attempt, own, locale).map(Some)
        })
        .await?;
    if let Some(view) = read {
        return Ok(view);
    }
    let (user, attempt_id, parsed) = (user.clone(), attempt_id.to_owned(), db.memo::<Parsed>());
    db.write(move |conn| {
        let (ctx, mut attempt, own) = attempt_context(conn, &parsed, &attempt_id, &user)?;
        close_if_expired(conn, &parsed, &ctx, &mut attempt)?;
        attempt_view_of(conn, &parsed, &ctx, attempt, own, locale)
    })
    .await
}

fn attempt_view_of(
    conn: &mut AnyConnection,
    parsed: &Parsed,
    ctx: &QuizContext,
    attempt: AttemptRow,
    own: bool,
    locale: Locale,
) -> Result<AttemptView, AppError> {
    let (questions, layout) = attempt_questions(conn, parsed, &attempt)?;
    let rows = store::answers_of(conn, &attempt.id)?;
    let answers: BTreeMap<String, Value> =
        rows.iter().filter_map(|a| serde_json::from_str(&a.answer).ok().map(|v| (a.question_id.clone(), v))).collect();
    let shown: Vec<ShownQuestion> = layout
        .questions
        .iter()
        .filter_map(|item| questions.iter().find(|q| q.id == item.id).map(|q| show(q, item, &ctx.course.slug)))
        .collect();
    let pending_grading = attempt.submitted_at.is_some()
        && layout.questions.iter().any(|i| {
            questions.iter().any(|q| q.id == i.id && matches!(q.kind, Kind::Essay))
                && rows.iter().any(|r| r.question_id == i.id && r.score_milli.is_none())
        });
    let all = store::attempts_of(conn, &attempt.quiz_id, &attempt.user_id)?;
    let may_review = attempt.submitted_at.is_some() && (ctx.access.can_edit || review_allowed(&ctx.settings, &all));
    let lang = Locale::parse(&attempt.locale).unwrap_or(locale);
    let review = may_review.then(|| {
        layout
            .questions
            .iter()
            .filter_map(|item| questions.iter().find(|q| q.id == item.id))
            .map(|q| {
                review_item(q, rows.iter().find(|r| r.question_id == q.id), answers.get(&q.id), &ctx.course.slug, lang)
            })
            .collect()
    });
    let quiz_title = module_title(ctx, locale);
    Ok(AttemptView {
        quiz_id: ctx.quiz.id.clone(),
        quiz_title,
        course_slug: ctx.course.slug.clone(),
        module_slug: ctx.module_slug.clone(),
        questions: shown,
        answers,
        review,
        pending_grading,
        pass_percent: ctx.settings.pass_percent,
        attempt,
        own,
    })
}

/// Whether a scholar may see scores, feedback and right answers of their submitted attempts.
pub(super) fn review_allowed(settings: &Settings, attempts: &[AttemptRow]) -> bool {
    let passed = attempts.iter().any(|a| a.passed == Some(true));
    match settings.review {
        ReviewPolicy::AfterAttempt => true,
        ReviewPolicy::AfterPass => passed,
        ReviewPolicy::AfterLastAttempt => match settings.attempts_allowed {
            Some(n) => attempts.iter().filter(|a| a.submitted_at.is_some()).count() as u32 >= n,
            None => passed,
        },
        ReviewPolicy::Never => false,
    }
}

pub(super) fn review_item(
    q: &Question,
    row: Option<&store::AnswerRow>,
    answer: Option<&Value>,
    slug: &str,
    locale: Locale,
) -> ReviewItem {
    let html = |t: &model::Text| render::html(t, slug);
    let mut feedback: Vec<String> = Vec::new();
    let right = match &q.kind {
        Kind::Single { choices } | Kind::Multiple { choices } => {
            let chosen: Vec<String> = match answer {
                Some(Value::String(s)) => vec![s.clone()],
                Some(Value::Array(l)) => l.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
                _ => Vec::new(),
            };
            for (i, c) in choices.iter().enumerate() {
                if chosen.contains(&grading::choice_id(i))
                    && let Some(f) = &c.feedback
                {
                    feedback.push(html(f));
                }
            }
            let best = choices.iter().map(|c| c.fraction).fold(f64::MIN, f64::max);
            let rights: Vec<String> = choices
                .iter()
                .filter(|c| if matches!(q.kind, Kind::Single { .. }) { c.fraction == best } else { c.fraction > 0.0 })
                .map(|c| html(&c.text))
                .collect();
            Some(rights.join("<br>"))
        }
        Kind::TrueFalse { answer: right, wrong_feedback, right_feedback } => {
            let given = answer.and_then(Value::as_bool);
            let f = if given == Some(*right) { right_feedback } else { wrong_feedback };
            if let Some(f) = f.as_ref().filter(|_| given.is_some()) {
                feedback.push(html(f));
            }
            Some(t(locale, if *right { "quiz-true" } else { "quiz-false" }))
        }
        Kind::Short { answers } => {
            if let Some(given) = answer.and_then(Value::as_str)
                && let Some(f) = answers
                    .iter()
                    .find(|a| grading::short_answer_matches(given, &a.text))
                    .and_then(|a| a.feedback.as_ref())
            {
                feedback.push(html(f));
            }
            let best = answers.iter().map(|a| a.fraction).fold(f64::MIN, f64::max);
            answers
                .iter()
                .find(|a| a.fraction == best)
                .map(|a| html(&model::Text::new(a.text.clone(), model::TextFormat::Plain)))
        }
        Kind::Numerical { answers } => {
            let best = answers.iter().filter(|a| a.value.is_some()).map(|a| a.fraction).fold(f64::MIN, f64::max);
            answers.iter().find(|a| a.value.is_some() && a.fraction == best).and_then(|a| {
                a.value.map(|v| if a.tolerance > 0.0 { format!("{v} ± {}", a.tolerance) } else { format!("{v}") })
            })
        }
        Kind::Matching { pairs } => Some(
            pairs
                .iter()
                .filter(|p| !p.prompt.is_empty())
                .map(|p| {
                    format!(
                        "{} → {}",
                        html(&p.prompt),
                        html(&model::Text::new(p.answer.clone(), model::TextFormat::Plain))
                    )
                })
                .collect::<Vec<_>>()
                .join("<br>"),
        ),
        Kind::Essay => None,
    };
    // An essay's general feedback is its marking guide and model answer: shown once it is graded, so
    // that nobody copies it into an answer still to be graded.
    let graded = row.is_some_and(|r| r.score_milli.is_some());
    if let Some(g) = &q.general_feedback
        && (graded || !matches!(q.kind, Kind::Essay))
    {
        feedback.push(html(g));
    }
    ReviewItem {
        id: q.id.clone(),
        score: row
            .and_then(|r| r.score_milli)
            .map(|s| s as f64 / 1000.0)
            .or_else(|| (row.is_none() && !matches!(q.kind, Kind::Essay)).then_some(0.0)),
        max_score: q.weight,
        feedback_html: (!feedback.is_empty()).then(|| feedback.join("<br>")),
        right_answer_html: right.filter(|r| !r.is_empty()),
        comment: row.and_then(|r| r.comment.clone()),
    }
}
