//! The `pravo` command line: serve the site, run migrations, manage users.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use pravo::accounts::{self, model::Role};
use pravo::app::Application;
use pravo::auth::{password, tokens::Tokens};
use pravo::config::Settings;
use pravo::core::error::AppError;
use pravo::course_files::import;
use pravo::db::{self, Secrets};
use pravo::i18n::{Locale, Msg};

#[derive(Parser)]
#[command(name = "pravo", version, about = "Pravo: a learning platform for scholarship training programmes.")]
#[command(long_about = "Pravo: a learning platform for scholarship training programmes.\n\n\
Configuration comes from environment variables (DATABASE_URL, PRAVO_DATA_DIR, PRAVO_BIND, PRAVO_BASE_URL, \
PRAVO_SITE_NAME, SMTP_URL, ...), then an optional pravo.toml, then defaults. See README.md.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site (127.0.0.1:8080 unless PRAVO_BIND says otherwise).
    Serve,
    /// Create the database if needed and run pending migrations, then exit.
    Migrate,
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Import and export courses as folders (see courses/README.md).
    #[command(subcommand)]
    Courses(CoursesCommand),
    /// The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Personal data kept only for a while (see the privacy page).
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// Write a consistent backup of the database and the data folder to FILE while the server runs
    /// (readable by its owner alone: it holds the signing keys and everyone's data).
    Backup {
        /// The backup file to write (replaced if it exists), or with --verify the one to check.
        file: PathBuf,
        /// Check FILE instead: every checksum, then a restore into a scratch database and its integrity check.
        #[arg(long)]
        verify: bool,
    },
    /// Restore a backup into an empty database (DATABASE_URL, SQLite or PostgreSQL) and an empty data folder.
    Restore { file: PathBuf },
}

#[derive(Subcommand)]
enum RetentionCommand {
    /// Erase now what is past its keeping time, and print how many of each kind were erased.
    Run,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the audit log's hash chain; exits with an error naming the first broken link.
    Verify,
}

#[derive(Subcommand)]
enum CoursesCommand {
    /// Check every course folder under DIR, then import each course without errors in one transaction.
    /// Exits with an error (and names file and line of each problem) if any course had errors.
    Import {
        /// A folder of course folders, such as the shipped courses/.
        dir: PathBuf,
    },
    /// Write every course to DIR in the canonical folder form.
    Export {
        /// The folder to write into (created if missing).
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account; prints a one-time link to set its password, unless --password-stdin is given.
    Create {
        /// The account's handle (3 to 32 letters, digits, _ - .).
        #[arg(long)]
        handle: String,
        #[arg(long, value_enum, default_value_t = RoleArg::Scholar)]
        role: RoleArg,
        /// Read the password from standard input (for scripts) instead of printing a link.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Change an account's role (the last administrator cannot be demoted).
    SetRole {
        #[arg(long)]
        handle: String,
        #[arg(long, value_enum)]
        role: RoleArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Scholar,
    Trainer,
    Admin,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Scholar => Role::Scholar,
            RoleArg::Trainer => Role::Trainer,
            RoleArg::Admin => Role::Admin,
        }
    }
}

#[actix_web::main]
async fn main() -> ExitCode {
    pravo::core::process::limit_malloc_arenas();
    init_logs();
    let cli = Cli::parse();
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(message) => {
            eprintln!("pravo: {message}");
            return ExitCode::from(2);
        }
    };
    if !matches!(cli.command, Command::Courses(CoursesCommand::Export { .. })) {
        // Everything Pravo writes in its data folder (the database and its journal, outgoing mail) is
        // for its own user alone; the files it creates say so explicitly too, this is the second lock.
        pravo::core::private_files::restrict_new_files();
    }
    let result = match cli.command {
        Command::Serve => serve(settings).await,
        Command::Migrate => migrate(&settings),
        Command::User(command) => user(&settings, command),
        Command::Courses(command) => courses(&settings, command),
        Command::Audit(AuditCommand::Verify) => audit_verify(&settings),
        Command::Retention(RetentionCommand::Run) => retention_run(&settings).await,
        Command::Backup { file, verify: false } => backup(&settings, &file),
        Command::Backup { file, verify: true } => verify_backup(&file),
        Command::Restore { file } => restore(&settings, &file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pravo: {}", describe(&error));
            ExitCode::FAILURE
        }
    }
}

/// Logs go to standard error: plain lines, coloured only on a terminal, or one JSON object per line with
/// `PRAVO_LOG_FORMAT=json` (for a log collector). `RUST_LOG` chooses what is logged.
fn init_logs() {
    use std::io::IsTerminal;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,actix_server=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if std::env::var("PRAVO_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json")) {
        builder.json().flatten_event(true).with_current_span(false).with_span_list(false).init();
    } else {
        builder.with_ansi(std::io::stderr().is_terminal()).init();
    }
}

fn describe(error: &AppError) -> String {
    let texts = |msgs: &[Msg]| msgs.iter().map(|m| m.text(Locale::En)).collect::<Vec<_>>().join("; ");
    match error {
        AppError::Validation(fields) => {
            fields.iter().map(|(f, m)| format!("{f}: {}", texts(m))).collect::<Vec<_>>().join("\n")
        }
        AppError::Internal(detail) => detail.clone(),
        AppError::NotFound => "no such account".into(),
        other => other.message().text(Locale::En),
    }
}

async fn serve(settings: Settings) -> Result<(), AppError> {
    let app = Application::build(settings.clone()).await?;
    println!("Pravo is listening on {} ({})", settings.bind, settings.base_url);
    if let Some(link) = &app.bootstrap_link {
        println!("No administrator yet. Open this one-time link to create the first one (valid for 24 hours):");
        println!("  {link}");
    }
    app.run_until_stopped().await.map_err(|e| AppError::internal(e.to_string()))
}

fn migrate(settings: &Settings) -> Result<(), AppError> {
    settings.create_folders().map_err(AppError::internal)?;
    db::prepare(&settings.database_url)?;
    println!("Migrations are up to date.");
    Ok(())
}

fn data_folder(settings: &Settings) -> db::backup::DataFolder<'_> {
    let database_files = match &settings.database_url {
        db::DatabaseUrl::Sqlite(path) => pravo::core::private_files::database_files(std::path::Path::new(path)),
        db::DatabaseUrl::Postgres(_) => Vec::new(),
    };
    db::backup::DataFolder { dir: &settings.data_dir, database_files }
}

fn print_summary(verb: &str, summary: &db::backup::Summary) {
    println!(
        "{verb}: {} tables, {} rows, {} files, at migration {}.",
        summary.tables.len(),
        summary.rows(),
        summary.files,
        summary.migration
    );
}

fn backup(settings: &Settings, file: &std::path::Path) -> Result<(), AppError> {
    let mut conn =
        settings.database_url.establish().map_err(|e| AppError::internal(format!("cannot open the database: {e}")))?;
    let summary = db::backup::backup(&mut conn, &data_folder(settings), file)?;
    print_summary(&format!("Backed up to {}", file.display()), &summary);
    Ok(())
}

fn verify_backup(file: &std::path::Path) -> Result<(), AppError> {
    let summary = db::backup::verify(file)?;
    print_summary(&format!("{} is sound (checksums, a trial restore, integrity check)", file.display()), &summary);
    Ok(())
}

fn restore(settings: &Settings, file: &std::path::Path) -> Result<(), AppError> {
    let summary = db::backup::restore(&settings.database_url, &data_folder(settings), file)?;
    print_summary(&format!("Restored {}", file.display()), &summary);
    Ok(())
}

async fn retention_run(settings: &Settings) -> Result<(), AppError> {
    let mut conn = db::prepare(&settings.database_url)?;
    let key_file = settings.secret_key_file.clone();
    let secrets = db::with_startup_lock(&mut conn, |c| {
        db::write_transaction(c, |c| Secrets::load_with_key_file(c, key_file.as_deref()))
    })?;
    drop(conn);
    let keeper = pravo::app::retention_keeper(settings, &secrets)?;
    let pool = db::Db::connect(&settings.database_url)?;
    let counts = accounts::privacy::retention::run(&pool, &keeper).await?;
    for (kind, n) in counts {
        println!("{kind}: {n}");
    }
    Ok(())
}

fn audit_verify(settings: &Settings) -> Result<(), AppError> {
    settings.create_folders().map_err(AppError::internal)?;
    let mut conn = db::prepare(&settings.database_url)?;
    match accounts::audit::verify_audit_chain(&mut conn)? {
        accounts::audit::ChainReport::Intact { entries } => {
            println!("The audit log's chain is intact: {entries} entries.");
            Ok(())
        }
        accounts::audit::ChainReport::Broken { entry, entries_before } => Err(AppError::internal(format!(
            "the audit log's chain is broken at entry {entry} (the {entries_before} entries before it hold)"
        ))),
    }
}

fn courses(settings: &Settings, command: CoursesCommand) -> Result<(), AppError> {
    settings.create_folders().map_err(AppError::internal)?;
    let mut conn = db::prepare(&settings.database_url)?;
    match command {
        CoursesCommand::Import { dir } => {
            let report = db::with_startup_lock(&mut conn, |conn| {
                import::import_root(conn, &dir, |i, n, slug| eprintln!("[{i}/{n}] importing {slug}"))
            })?;
            println!(
                "Courses: {} created, {} updated, {} unchanged; {} new module revisions; {} quizzes saved; {} modules archived.",
                report.courses_created,
                report.courses_updated,
                report.courses_unchanged,
                report.revisions_added,
                report.quizzes_saved,
                report.modules_archived
            );
            if report.errors.is_empty() {
                return Ok(());
            }
            for error in &report.errors {
                eprintln!("{error}");
            }
            Err(AppError::internal(format!(
                "{} problem(s) found; the courses that have them were not imported",
                report.errors.len()
            )))
        }
        CoursesCommand::Export { dir } => {
            std::fs::create_dir_all(&dir)
                .map_err(|e| AppError::internal(format!("cannot create {}: {e}", dir.display())))?;
            let written = import::export_all(&mut conn, &dir)?;
            println!("Exported {} course(s) to {}: {}", written.len(), dir.display(), written.join(", "));
            Ok(())
        }
    }
}

fn user(settings: &Settings, command: UserCommand) -> Result<(), AppError> {
    settings.create_folders().map_err(AppError::internal)?;
    let mut conn = db::prepare(&settings.database_url)?;
    let key_file = settings.secret_key_file.clone();
    let secrets = db::with_startup_lock(&mut conn, |c| {
        db::write_transaction(c, |c| Secrets::load_with_key_file(c, key_file.as_deref()))
    })?;
    match command {
        UserCommand::Create { handle, role, password_stdin } => {
            let handle = accounts::handle_field(&handle)?;
            let hash = if password_stdin {
                let mut typed = String::new();
                std::io::stdin().read_to_string(&mut typed).map_err(|e| AppError::internal(e.to_string()))?;
                let typed = typed.trim_end_matches(['\r', '\n']);
                password::check_new(typed).map_err(|p| {
                    let msg =
                        accounts::error_msg(p.code()).with("min", password::MIN_CHARS).with("max", password::MAX_CHARS);
                    AppError::field("password", msg)
                })?;
                Some(password::hash(typed)?)
            } else {
                None
            };
            let user = accounts::create_user(&mut conn, &handle, role.into(), hash.as_deref())?;
            println!("Created {} ({}).", user.handle, user.role.as_str());
            if hash.is_none() {
                let link = accounts::set_password_link(&Tokens::new(&secrets.token_key)?, &settings.base_url, &user)?;
                println!("One-time link to set the password (valid for 3 days):\n  {link}");
            }
            Ok(())
        }
        UserCommand::SetRole { handle, role } => {
            let user = accounts::set_role_by_operator(&mut conn, &handle, role.into())?;
            println!("{} is now {}.", user.handle, user.role.as_str());
            Ok(())
        }
    }
}
