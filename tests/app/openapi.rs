//! The API's description: a snapshot of the merged document (each domain declares its own paths and
//! schemas; api.rs merges them), so that any change to what the API says is seen in review. Run with
//! `UPDATE_SNAPSHOTS=1` to accept an intended change.

use std::path::PathBuf;

use serde_json::Value;

use crate::helpers::{Backend, TestApp};

fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json")
}

async fn served() -> Value {
    let app = TestApp::spawn(Backend::Sqlite).await.expect("sqlite app");
    reqwest::get(app.url("/api/v1/openapi.json")).await.expect("send").json().await.expect("json")
}

#[tokio::test]
async fn the_openapi_document_matches_its_snapshot() {
    let doc = served().await;
    let text = serde_json::to_string_pretty(&doc).expect("pretty") + "\n";
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::write(snapshot_path(), &text).expect("write snapshot");
        return;
    }
    let stored = std::fs::read_to_string(snapshot_path()).unwrap_or_default();
    let stored: Value = serde_json::from_str(&stored).unwrap_or(Value::Null);
    assert!(
        stored == doc,
        "the OpenAPI document changed; if that was meant, run UPDATE_SNAPSHOTS=1 cargo test openapi and commit \
         tests/snapshots/openapi.json"
    );
}

/// Two schemas named ReviewDto made the quiz attempt's `review` point at the scholarship review.
#[tokio::test]
async fn every_schema_has_its_own_name() {
    let doc = served().await;
    let attempt = &doc["components"]["schemas"]["AttemptDto"]["properties"]["review"];
    let reference = attempt.to_string();
    assert!(reference.contains("#/components/schemas/AttemptReviewDto"), "{reference}");
    let review = &doc["components"]["schemas"]["AttemptReviewDto"]["properties"];
    assert!(review.get("questions").is_some(), "{review}");
    let application = &doc["components"]["schemas"]["ApplicationReviewDto"]["properties"];
    assert!(application.get("scores").is_some(), "{application}");
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        for (method, op) in ops.as_object().expect("operations") {
            let tags = op["tags"].as_array().map(Vec::len).unwrap_or(0);
            assert_eq!(tags, 1, "{method} {path} is tagged with its domain");
            // Any request can be refused at the door (a NUL in the address, a malformed query or body).
            assert!(op["responses"]["400"].is_object(), "{method} {path} documents 400");
            if op.get("requestBody").is_some() {
                assert!(op["responses"]["413"].is_object(), "{method} {path} documents 413");
            }
        }
    }
}
