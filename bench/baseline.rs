//! The minimal handler Pravo's module page is compared with (`bench/fast.sh`): actix-web, diesel with an
//! r2d2 pool on SQLite in WAL mode, and maud, reading one row by primary key and rendering a page of
//! about 12 KB. Same stack, same machine, same load: the ratio says how much work Pravo adds.
//!
//! cargo run --release --example baseline -- 127.0.0.1:18090 bench/data/baseline.db

use actix_web::{App, HttpResponse, HttpServer, web};
use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool};
use diesel::sql_types::{Integer, Text};
use diesel::{QueryableByName, RunQueryDsl, SqliteConnection};
use maud::{DOCTYPE, PreEscaped, html};

#[derive(QueryableByName)]
struct Page {
    #[diesel(sql_type = Text)]
    title: String,
    #[diesel(sql_type = Text)]
    body: String,
}

#[derive(Debug)]
struct Pragmas;

impl CustomizeConnection<SqliteConnection, diesel::r2d2::Error> for Pragmas {
    fn on_acquire(&self, conn: &mut SqliteConnection) -> Result<(), diesel::r2d2::Error> {
        conn.batch_execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")
            .map_err(diesel::r2d2::Error::QueryError)
    }
}

type DbPool = Pool<ConnectionManager<SqliteConnection>>;

async fn page(pool: web::Data<DbPool>, id: web::Path<i32>) -> HttpResponse {
    let id = id.into_inner();
    let row = web::block(move || -> Result<Page, String> {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        diesel::sql_query("SELECT title, body FROM pages WHERE id = ?")
            .bind::<Integer, _>(id)
            .get_result::<Page>(&mut conn)
            .map_err(|e| e.to_string())
    })
    .await;
    match row {
        Ok(Ok(p)) => {
            let markup = html! {
                (DOCTYPE)
                html lang="en" {
                    head { meta charset="utf-8"; title { (p.title) } }
                    body { main { h1 { (p.title) } article { (PreEscaped(p.body)) } } }
                }
            };
            HttpResponse::Ok().content_type("text/html; charset=utf-8").body(markup.into_string())
        }
        _ => HttpResponse::NotFound().finish(),
    }
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let bind = args.next().unwrap_or_else(|| "127.0.0.1:18090".into());
    let path = args.next().unwrap_or_else(|| "bench/data/baseline.db".into());
    let manager = ConnectionManager::<SqliteConnection>::new(&path);
    let pool = Pool::builder()
        .max_size(4)
        .connection_customizer(Box::new(Pragmas))
        .build(manager)
        .map_err(std::io::Error::other)?;
    {
        let mut conn = pool.get().map_err(std::io::Error::other)?;
        let paragraph = "<p>Monitoring means collecting, checking and using information to address human rights \
                         problems, carefully and with the consent of the people concerned.</p>";
        let body = paragraph.repeat(12_000 / paragraph.len());
        conn.batch_execute(
            "CREATE TABLE IF NOT EXISTS pages (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)",
        )
        .map_err(std::io::Error::other)?;
        for id in 1..=10 {
            diesel::sql_query("INSERT OR REPLACE INTO pages (id, title, body) VALUES (?, ?, ?)")
                .bind::<Integer, _>(id)
                .bind::<Text, _>(format!("Page {id}"))
                .bind::<Text, _>(&body)
                .execute(&mut conn)
                .map_err(std::io::Error::other)?;
        }
    }
    HttpServer::new(move || App::new().app_data(web::Data::new(pool.clone())).route("/page/{id}", web::get().to(page)))
        .bind(bind)?
        .run()
        .await
}
