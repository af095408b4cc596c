//! Seeds the scale benchmark of issue "Fast" (`bench/scale.sh`): N scholars on a track of 10 modules with
//! a quiz, each enrolled and through every module (N × 10 module-progress rows), each with one finished
//! attempt (one in twenty passes, completes the track and so gets a certificate, which the server issues
//! when it starts), and a programme whose cohort is the first 1,000 of them. With N = 100,000 that is
//! 1,000,000 progress rows, 100,000 finished attempts and 5,000 certificates.
//!
//! Fast enough for 100,000 scholars in minutes: one password hash for everyone; accounts, enrolments and
//! progress written through Pravo's own store functions in transactions of 1,000 scholars (one commit
//! each, not one per row); attempts through the domain's own functions from 8 tasks at once, so that their
//! saves share commits as a class's would.
//!
//! cargo run --release --example seed_scale -- [scholars=1000]

use std::sync::Arc;

use pravo::accounts::{self, model::Handle, model::Role, model::User};
use pravo::core::ids::{CourseId, UserId};
use pravo::courses::{self, CourseInput, ModuleInput, model::CourseText};
use pravo::db::{self, DatabaseUrl, Db};
use pravo::i18n::Locale;
use pravo::quizzes::{self, QuizInput, model::Settings};
use pravo::scholarships::{self, model::CriterionInput, model::ProgrammeInput};

const PASSWORD: &str = "bench password of some length";
const MODULES: usize = 10;
const CHUNK: usize = 1000;
const COHORT: usize = 1000;

type Failure = Box<dyn std::error::Error>;

fn fail(e: impl std::fmt::Debug) -> Failure {
    format!("{e:?}").into()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Failure> {
    let scholars: usize = std::env::args().nth(1).map(|a| a.parse()).transpose()?.unwrap_or(1000);
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://bench/data/scale/pravo.db".into());
    let url = DatabaseUrl::parse(&url)?;
    let started = std::time::Instant::now();
    let hash = pravo::auth::password::hash(PASSWORD).map_err(fail)?;
    let mut conn = db::prepare(&url).map_err(fail)?;
    let admin =
        accounts::create_user(&mut conn, &Handle::parse("bench-admin").map_err(fail)?, Role::Admin, Some(&hash))
            .map_err(|e| format!("{e:?} (seed an empty database)"))?;

    // The track: ten modules of a few kilobytes each, and a required quiz on the first.
    let pool = Db::connect(&url).map_err(fail)?;
    let texts = [("en".to_owned(), CourseText { title: "Scale track".into(), summary: "Seeded.".into() })].into();
    courses::save_course(&pool, &admin, "scale-track", Ok(CourseInput { texts, open: true, hours: Some(10) }))
        .await
        .map_err(fail)?;
    let paragraph = "Monitoring starts with consent and ends with a report that does no harm. ".repeat(8);
    for m in 1..=MODULES {
        let markdown = (1..=6).map(|s| format!("## Part {s}\n\n{paragraph}\n\n")).collect::<String>();
        let input = ModuleInput {
            language: "en".into(),
            title: format!("Module {m}"),
            markdown,
            position: None,
            minutes: Some(10),
        };
        courses::save_module(&pool, &admin, "scale-track", &format!("m{m:02}"), Ok(input)).await.map_err(fail)?;
    }
    let settings = Settings { pass_percent: 50, required_for_completion: true, ..Default::default() };
    // Graded on the server (no essay waiting for a trainer), so that a passed attempt completes the track.
    let source = "// [id:consent]\n::Consent::Consent can be withdrawn at any time.{T}\n\n\
                  // [id:word]\n::Word::One word for agreeing freely, after being told everything?{=consent}\n";
    let quiz = quizzes::save_quiz(
        &pool,
        &admin,
        "scale-track",
        "m01",
        QuizInput { settings: Some(settings), language: None, format: "gift".into(), source: source.into() },
    )
    .await
    .map_err(fail)?
    .quiz_id;
    courses::set_published(&pool, &admin, "scale-track", true).await.map_err(fail)?;
    let course = courses::find_course(&mut conn, "scale-track").map_err(fail)?.ok_or("no track")?;
    let module_ids: Vec<String> = courses::modules_of(&mut conn, &CourseId::from(&course.id), false)
        .map_err(fail)?
        .into_iter()
        .map(|m| m.id)
        .collect();

    // Accounts, enrolments and progress, a thousand scholars per transaction.
    let mut users: Vec<User> = Vec::with_capacity(scholars);
    for first in (0..scholars).step_by(CHUNK) {
        let handles = (first..(first + CHUNK).min(scholars))
            .map(|i| Handle::parse(&format!("scholar{i:06}")))
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)?;
        let made = accounts::create_users(&mut conn, &handles, Role::Scholar, Some(&hash)).map_err(fail)?;
        db::write_transaction(&mut conn, |conn| {
            for user in &made {
                courses::enrol_in(conn, &CourseId::from(&course.id), &UserId::from(&user.id))?;
                for module in &module_ids {
                    pravo::progress::record_module_complete(conn, &course.id, module, &module_ids, &user.id)?;
                }
            }
            Ok(())
        })
        .map_err(fail)?;
        users.extend(made);
    }
    drop(conn);
    println!(
        "{scholars} scholars with {} progress rows in {:.1} s",
        scholars * MODULES,
        started.elapsed().as_secs_f64()
    );

    // One finished attempt each, from 8 tasks at once: one in twenty answers right and passes.
    let users = Arc::new(users);
    let mut tasks = Vec::new();
    for task in 0..8 {
        let (pool, users, quiz) = (pool.clone(), users.clone(), quiz.clone());
        tasks.push(tokio::spawn(async move {
            for (i, user) in users.iter().enumerate().skip(task).step_by(8) {
                let (attempt, _) = quizzes::start_attempt(&pool, user, &quiz, Locale::En).await?;
                let right = i % 20 == 0;
                quizzes::save_answer(&pool, user, &attempt, "consent", Ok(serde_json::Value::Bool(right))).await?;
                let word = if right { "consent" } else { "permission" };
                quizzes::save_answer(&pool, user, &attempt, "word", Ok(serde_json::Value::from(word))).await?;
                quizzes::submit(&pool, user, &attempt, Locale::En).await?;
            }
            Ok::<(), pravo::core::error::AppError>(())
        }));
    }
    for task in tasks {
        task.await.map_err(fail)?.map_err(fail)?;
    }
    // A passed attempt completes the track: the server's hook (connected by the application, not here)
    // records it; done here through the same domain function, a thousand scholars per transaction.
    let mut conn = url.establish().map_err(fail)?;
    let passed: Vec<&User> = users.iter().step_by(20).collect();
    for chunk in passed.chunks(CHUNK) {
        db::write_transaction(&mut conn, |conn| {
            for user in chunk {
                pravo::progress::completion::update(conn, &CourseId::from(&course.id), &UserId::from(&user.id))?;
            }
            Ok(())
        })
        .map_err(fail)?;
    }
    println!("{scholars} finished attempts, {} passed, at {:.1} s", passed.len(), started.elapsed().as_secs_f64());

    // A programme whose cohort is the first thousand scholars, for the dashboard.
    let now = chrono::Utc::now();
    let input = ProgrammeInput {
        title: "Scale programme".into(),
        description: "Seeded for the scale benchmark.".into(),
        seats: Some(COHORT as i64),
        opens_at: (now - chrono::Duration::days(30)).to_rfc3339(),
        closes_at: (now - chrono::Duration::days(20)).to_rfc3339(),
        deadline: (now + chrono::Duration::days(60)).to_rfc3339(),
        course_slugs: vec!["scale-track".into()],
        criteria: vec![CriterionInput {
            name: "Need".into(),
            weight: Some(1),
            description: String::new(),
            texts: Default::default(),
        }],
        ..Default::default()
    };
    let programme = scholarships::create_programme(&pool, &admin, input).await.map_err(fail)?;
    let csv: String = (0..scholars.min(COHORT)).map(|i| format!("scholar{i:06}\n")).collect();
    let report = scholarships::dashboard::enrol_csv(&pool, &admin, &programme, csv, false).await.map_err(fail)?;
    if !report.ok() {
        return Err("the seeded cohort file was refused".into());
    }
    println!("programme {programme}");
    println!("quiz {quiz}");
    println!("seeded in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
