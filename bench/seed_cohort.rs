//! Seeds a database with a scholarship programme whose cohort has N scholars on a track of M modules,
//! with varied progress, for the dashboard benchmark (`bench/dashboard.sh`). It uses Pravo's own domain
//! functions (bulk enrolment from a CSV of handles, module completion), on the database that
//! `DATABASE_URL` names (default `sqlite://bench/data/pravo.db`).
//!
//! cargo run --release --example seed_cohort -- [scholars=1000] [modules=10]

use pravo::accounts::{self, model::Handle, model::Role};
use pravo::courses::{self, CourseInput, ModuleInput, model::CourseText};
use pravo::db::{self, DatabaseUrl, Db};
use pravo::scholarships::{self, model::CriterionInput, model::ProgrammeInput};

const PASSWORD: &str = "bench password of some length";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let scholars: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(1000);
    let modules: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(10);
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://bench/data/pravo.db".into());
    let url = DatabaseUrl::parse(&url)?;
    let started = std::time::Instant::now();

    // Accounts: one password hash for all, so that seeding does not spend minutes in argon2.
    let hash = pravo::auth::password::hash(PASSWORD).map_err(|e| format!("{e:?}"))?;
    let mut conn = db::prepare(&url).map_err(|e| format!("{e:?}"))?;
    let admin = accounts::create_user(
        &mut conn,
        &Handle::parse("bench-admin").map_err(|e| e.to_string())?,
        Role::Admin,
        Some(&hash),
    )
    .map_err(|e| format!("{e:?} (seed an empty database)"))?;
    for i in 0..scholars {
        let handle = Handle::parse(&format!("scholar{i:05}")).map_err(|e| e.to_string())?;
        accounts::create_user(&mut conn, &handle, Role::Scholar, Some(&hash)).map_err(|e| format!("{e:?}"))?;
    }
    drop(conn);

    let pool = Db::connect(&url).map_err(|e| format!("{e:?}"))?;
    let texts = [("en".to_owned(), CourseText { title: "Benchmark track".into(), summary: "Seeded.".into() })].into();
    courses::save_course(&pool, &admin, "bench-track", Ok(CourseInput { texts, open: false, hours: Some(10) }))
        .await
        .map_err(|e| format!("{e:?}"))?;
    for m in 1..=modules {
        let input = ModuleInput {
            language: "en".into(),
            title: format!("Module {m}"),
            markdown: "Text.".into(),
            position: None,
            minutes: Some(10),
        };
        courses::save_module(&pool, &admin, "bench-track", &format!("m{m:02}"), Ok(input))
            .await
            .map_err(|e| format!("{e:?}"))?;
    }
    courses::set_published(&pool, &admin, "bench-track", true).await.map_err(|e| format!("{e:?}"))?;

    let now = chrono::Utc::now();
    let input = ProgrammeInput {
        title: "Benchmark programme".into(),
        description: "Seeded for the dashboard benchmark.".into(),
        seats: Some(scholars as i64),
        stipend_amount: Some(100.0),
        currency: Some("EUR".into()),
        opens_at: (now - chrono::Duration::days(30)).to_rfc3339(),
        closes_at: (now - chrono::Duration::days(20)).to_rfc3339(),
        deadline: (now + chrono::Duration::days(60)).to_rfc3339(),
        course_slugs: vec!["bench-track".into()],
        criteria: vec![CriterionInput {
            name: "Need".into(),
            weight: Some(1),
            description: String::new(),
            texts: Default::default(),
        }],
        ..Default::default()
    };
    let pid = scholarships::create_programme(&pool, &admin, input).await.map_err(|e| format!("{e:?}"))?;
    let csv: String = (0..scholars).map(|i| format!("scholar{i:05}\n")).collect();
    let report =
        scholarships::dashboard::enrol_csv(&pool, &admin, &pid, csv, false).await.map_err(|e| format!("{e:?}"))?;
    assert!(report.ok(), "the seeded file is clean");

    // Progress: scholar i has completed i % (modules + 1) modules, so every band of the chart is filled.
    for i in 0..scholars {
        let user =
            accounts::find_user_by_handle(&pool, &format!("scholar{i:05}")).await.map_err(|e| format!("{e:?}"))?;
        for m in 1..=(i % (modules + 1)) {
            pravo::progress::complete_module(&pool, &user, "bench-track", &format!("m{m:02}"))
                .await
                .map_err(|e| format!("{e:?}"))?;
        }
    }
    println!("programme {pid}");
    println!("admin bench-admin, password \"{PASSWORD}\"");
    println!("{scholars} scholars, {modules} modules, seeded in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
