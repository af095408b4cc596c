//! The model's rules: weighted scores, moments as admins type them, every problem of a programme at once.

use super::*;

#[test]
fn weighted_scores_use_the_weights() {
    let weights = vec![("c1".to_owned(), 3), ("c2".to_owned(), 1)];
    let scores = BTreeMap::from([("c1".to_owned(), 5), ("c2".to_owned(), 1)]);
    assert_eq!(weighted_score(&weights, &scores), Some(4.0));
    let partial = BTreeMap::from([("c1".to_owned(), 5)]);
    assert_eq!(weighted_score(&weights, &partial), None);
}

#[test]
fn country_codes_are_iso_alpha_2() {
    assert_eq!(country_code(" ua "), Some("UA".into()));
    assert_eq!(country_code("XX"), None);
    assert_eq!(country_code("UKR"), None);
    assert_eq!(COUNTRY_CODES.split(' ').count(), 249);
}

#[test]
fn moments_accept_rfc3339_local_times_and_dates() {
    assert_eq!(parse_moment("2026-12-01T10:00:00+02:00").map(|d| d.to_string()), Some("2026-12-01 08:00:00".into()));
    assert_eq!(parse_moment("2026-12-01T10:00").map(|d| d.to_string()), Some("2026-12-01 10:00:00".into()));
    assert_eq!(parse_moment("2026-12-01").map(|d| d.to_string()), Some("2026-12-01 00:00:00".into()));
    assert_eq!(parse_moment("tomorrow"), None);
}

#[test]
fn a_programme_reports_every_problem_at_once() {
    let input = ProgrammeInput {
        seats: Some(0),
        opens_at: "2026-12-10".into(),
        closes_at: "2026-12-01".into(),
        deadline: "soon".into(),
        questions: vec![QuestionInput { label: "Pick".into(), kind: "single".into(), ..Default::default() }],
        ..Default::default()
    };
    let Err(AppError::Validation(fields)) = input.parse() else { panic!("expected field errors") };
    for field in ["title", "description", "seats", "closes_at", "deadline", "course_slugs", "criteria", "questions"] {
        assert!(fields.contains_key(field), "{field} should be reported: {fields:?}");
    }
}
