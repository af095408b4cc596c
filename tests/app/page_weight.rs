//! Light on data: every page a scholar opens, with the stylesheet and scripts it loads, arrives in at most
//! 50 KB compressed (gzip, as a phone asks for it), measured over every module of every shipped course in
//! every language, the course pages, the catalogue, her home, each quiz's introduction and the longest
//! attempt. Static files are kept by the phone for a year (their URL changes with them); signed-in pages
//! are never kept. The heaviest pages are printed with their figures.

use pravo::accounts::model::Role;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING};

use crate::helpers::{Backend, Browser, TestApp};

/// The budget for one page with what it loads, compressed.
const BUDGET: usize = 50 * 1024;

/// A response's bytes as they travel: gzip asked for, nothing decompressed.
async fn compressed(browser: &Browser, url: &str) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
    let res = browser.client.get(url).header(ACCEPT_ENCODING, "gzip").send().await.expect("GET");
    let (status, headers) = (res.status(), res.headers().clone());
    (status, headers, res.bytes().await.expect("body").to_vec())
}

/// The stylesheets and scripts a page loads.
fn assets(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut found = Vec::new();
    for (selector, attribute) in [("link[rel=stylesheet][href]", "href"), ("script[src]", "src")] {
        let selector = scraper::Selector::parse(selector).expect("selector");
        found.extend(doc.select(&selector).filter_map(|e| e.value().attr(attribute)).map(str::to_owned));
    }
    found
}

fn gunzip(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut text).expect("gzip");
    text
}

#[tokio::test]
async fn every_scholar_page_with_its_css_fits_in_50_kb_compressed() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else { return };
    let (_, api) = app.signed_in("light", Role::Scholar).await;
    let mut browser = app.browser().await;
    browser.sign_in("light").await;
    let (_, catalogue) = app.api().get("/courses").await;
    let slugs: Vec<String> = catalogue["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["slug"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(slugs.len(), 3, "the shipped courses");

    let mut paths = vec!["/".to_owned(), "/courses".to_owned(), "/certificates".to_owned()];
    for slug in &slugs {
        browser.post(&format!("/courses/{slug}/enrol"), &[]).await;
        paths.push(format!("/courses/{slug}"));
        let (_, course) = api.get(&format!("/courses/{slug}")).await;
        for module in course["modules"].as_array().into_iter().flatten() {
            let module_slug = module["slug"].as_str().unwrap_or_default();
            paths.push(format!("/courses/{slug}/modules/{module_slug}"));
            if let Some(quiz) = module["quiz_id"].as_str() {
                paths.push(format!("/quizzes/{quiz}"));
            }
        }
    }
    // The longest attempt page: the quiz with the most questions.
    let quiz_paths: Vec<String> = paths.iter().filter(|p| p.starts_with("/quizzes/")).cloned().collect();
    assert!(quiz_paths.len() >= 15, "every module's quiz is measured: {quiz_paths:?}");
    let mut attempts = Vec::new();
    for quiz in quiz_paths.iter().take(6) {
        let page = browser.post(&format!("{quiz}/start"), &[]).await;
        if let Some(location) = page.location {
            attempts.push(location);
        }
    }
    paths.extend(attempts);

    let mut asset_sizes = std::collections::BTreeMap::new();
    let mut weights: Vec<(usize, String, String)> = Vec::new();
    for lang in ["en", "ru", "uk"] {
        browser.post("/language", &[("locale", lang)]).await;
        for path in &paths {
            let (status, headers, body) = compressed(&browser, &app.url(path)).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert_eq!(headers.get(CONTENT_ENCODING).and_then(|v| v.to_str().ok()), Some("gzip"), "{path}");
            let cache = headers.get(CACHE_CONTROL).and_then(|v| v.to_str().ok()).unwrap_or_default();
            assert_eq!(cache, "no-store", "{path}: a signed-in page is never kept");
            let html = gunzip(&body);
            let mut total = body.len();
            for asset in assets(&html) {
                if !asset_sizes.contains_key(&asset) {
                    let (status, headers, bytes) = compressed(&browser, &app.url(&asset)).await;
                    assert_eq!(status, StatusCode::OK, "{asset}");
                    let cache = headers.get(CACHE_CONTROL).and_then(|v| v.to_str().ok()).unwrap_or_default();
                    assert!(
                        cache.contains("max-age=31536000") && asset.contains("?v="),
                        "{asset} is kept a year: {cache}"
                    );
                    asset_sizes.insert(asset.clone(), bytes.len());
                }
                total += asset_sizes[&asset];
            }
            weights.push((total, lang.to_owned(), path.clone()));
        }
    }
    weights.sort_by_key(|w| std::cmp::Reverse(w.0));
    println!("The heaviest pages, compressed, with their CSS and scripts (budget {BUDGET} bytes):");
    for (bytes, lang, path) in weights.iter().take(5) {
        println!("  {bytes:>6} bytes  {lang}  {path}");
    }
    println!("  {} pages measured; assets: {asset_sizes:?}", weights.len());
    let (heaviest, lang, path) = &weights[0];
    assert!(*heaviest <= BUDGET, "{path} in {lang} weighs {heaviest} bytes compressed, over {BUDGET}");
}
