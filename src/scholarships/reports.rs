//! The programme's figures as CSV files: the cohort's progress, one scholar a row, and the donor report,
//! one `metric,key,value` row per figure. Both faces (the API and the admin pages) serve these.

use super::dashboard::{ScholarProgress, Stats};
use super::model::{Programme, Status};
use crate::web::csv;
use crate::web::json::rfc3339_naive;

/// The cohort as CSV, one scholar a row.
pub fn cohort_csv(rows: &[ScholarProgress]) -> String {
    let mut out = String::from(
        "user_id,handle,modules_completed,modules_total,progress_percent,quiz_best_percent,last_activity_at,at_risk\r\n",
    );
    for r in rows {
        let fields = [
            r.user_id.clone(),
            r.handle.clone(),
            r.modules_completed.to_string(),
            r.modules_total.to_string(),
            r.progress_percent.to_string(),
            r.quiz_best_percent.map(|p| p.to_string()).unwrap_or_default(),
            r.last_activity_at.map(rfc3339_naive).unwrap_or_default(),
            r.at_risk.to_string(),
        ];
        out.push_str(&csv::row(&fields));
    }
    out
}

/// The donor report as CSV: one `metric,key,value` row per figure.
pub fn donor_csv(p: &Programme, s: &Stats) -> String {
    let mut rows: Vec<(String, String, String)> = vec![
        ("seats".into(), String::new(), p.seats.to_string()),
        ("applications".into(), String::new(), s.applications.to_string()),
        ("awards".into(), String::new(), s.awards.to_string()),
        ("award_rate_percent".into(), String::new(), s.award_rate.map(|r| format!("{r:.1}")).unwrap_or_default()),
        ("cohort".into(), String::new(), s.cohort.to_string()),
        ("completed".into(), String::new(), s.completed.to_string()),
        (
            "completion_rate_percent".into(),
            String::new(),
            s.completion_rate.map(|r| format!("{r:.1}")).unwrap_or_default(),
        ),
        ("certificates".into(), String::new(), s.certificates.to_string()),
        ("at_risk".into(), String::new(), s.at_risk.to_string()),
    ];
    if let (Some(cents), Some(currency)) = (s.stipends_cents, &p.currency) {
        rows.push(("stipends_awarded".into(), currency.clone(), format!("{}.{:02}", cents / 100, cents % 100)));
    }
    for status in Status::ALL.iter().filter(|s| s.is_sent()) {
        rows.push((
            "applications_by_status".into(),
            status.code().into(),
            s.by_status.get(status).copied().unwrap_or(0).to_string(),
        ));
    }
    for (country, (applied, awarded)) in &s.by_country {
        rows.push(("applications_by_country".into(), country.clone(), applied.to_string()));
        rows.push(("awards_by_country".into(), country.clone(), awarded.to_string()));
    }
    let mut out = String::from("metric,key,value\r\n");
    for (metric, key, value) in rows {
        out.push_str(&csv::row(&[metric, key, value]));
    }
    out
}
