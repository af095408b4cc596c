//! Certificates: issued at completion with the chosen name (Cyrillic and Ukrainian letters in the PDF),
//! emailed with the PDF attached, verifiable by code, hidden or revoked, and a credential that verifies
//! with the published key.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Api, Backend, PASSWORD, SmtpSink, TestApp, decode_mail, header};

both!(
    completing_a_course_issues_a_certificate_with_the_chosen_name,
    verification_shows_what_the_certificate_says_and_can_be_hidden_or_revoked,
    the_credential_verifies_with_the_published_key,
    certificate_names_with_markup_are_refused,
    a_scholar_finishes_a_shipped_course_and_gets_her_certificate_by_email,
    a_scholar_who_keeps_certificates_in_the_app_gets_no_email,
);

const NAME: &str = "Олена Їжак-Ґудзь";

/// A published course `cc` with one module and no quiz; returns a scholar, enrolled, signed in.
async fn course_and_scholar(app: &TestApp, handle: &str, email: Option<&str>) -> Api {
    let (_, trainer) = app.signed_in(&format!("trainer-{handle}"), Role::Trainer).await;
    let course = json!({"texts": {"en": {"title": "Short course", "summary": ""}, "uk": {"title": "Короткий курс", "summary": ""}}, "open": true, "hours": 2});
    trainer.send(trainer.raw(Method::PUT, "/courses/cc").json(&course)).await;
    trainer
        .send(
            trainer
                .raw(Method::PUT, "/courses/cc/modules/only")
                .json(&json!({"language": "en", "title": "Only", "markdown": "Text."})),
        )
        .await;
    trainer.post("/courses/cc/publish", json!({})).await;
    let api = app.api();
    let mut body = json!({"handle": handle, "password": PASSWORD, "locale": "uk"});
    if let Some(email) = email {
        body["email"] = json!(email);
    }
    api.post("/auth/register", body).await;
    let (_, token) = api.post("/auth/token", json!({"handle": handle, "password": PASSWORD})).await;
    let mut scholar = app.api();
    scholar.token = token["token"].as_str().map(str::to_owned);
    scholar.post("/courses/cc/enrol", json!({})).await;
    scholar
}

async fn complete(scholar: &Api) -> Value {
    let (_, done) = scholar.post("/courses/cc/modules/only/complete", json!({})).await;
    assert_eq!(done["course_completed"], true, "{done}");
    let (_, list) = scholar.get("/me/certificates").await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1), "{list}");
    list["items"][0].clone()
}

fn pdf_text(pdf: &[u8]) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("pravo-pdf-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).ok()?;
    let file = dir.join("c.pdf");
    std::fs::write(&file, pdf).ok()?;
    let out = std::process::Command::new("pdftotext").arg(&file).arg("-").output();
    let _ = std::fs::remove_dir_all(&dir);
    match out {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        _ if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("pdftotext (poppler-utils) is required under CI=true")
        }
        _ => {
            eprintln!("SKIPPED: pdftotext is not installed; the PDF's text was not checked");
            None
        }
    }
}

async fn completing_a_course_issues_a_certificate_with_the_chosen_name(backend: Backend) {
    let smtp = SmtpSink::start();
    let url = smtp.url();
    let Some(app) = TestApp::spawn_with(backend, |s| s.smtp_url = Some(url)).await else { return };
    let scholar = course_and_scholar(&app, "olena", Some("olena@example.org")).await;
    let (status, _) = scholar.patch("/me", json!({"certificate_name": NAME})).await;
    assert_eq!(status, StatusCode::OK);
    let cert = complete(&scholar).await;
    assert_eq!(cert["course_title"], "Короткий курс", "in the scholar's language");
    assert_eq!(cert["code"].as_str().map(str::len), Some(32), "128 random bits");
    let res = scholar
        .raw(Method::GET, &format!("/certificates/{}/pdf", cert["id"].as_str().unwrap_or_default()))
        .send()
        .await
        .expect("pdf");
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let pdf = res.bytes().await.expect("bytes");
    assert!(pdf.starts_with(b"%PDF"));
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.contains(NAME), "the name prints in Ukrainian letters: {text}");
        assert!(text.contains("Короткий курс") && text.contains("/verify/"), "{text}");
    }
    // One email, in the scholar's language, with the PDF attached under a name that says nothing.
    let mail = smtp.wait_for(1, 15).await;
    assert_eq!(mail.len(), 1);
    let raw = &mail[0];
    assert!(header(raw, "To").is_some_and(|t| t.contains("olena@example.org")));
    assert_eq!(decode_mail(raw).0, "Ваш документ");
    assert!(raw.contains("application/pdf") && raw.contains("certificate.pdf"), "{}", &raw[..raw.len().min(2000)]);
    // Completing again issues nothing new.
    scholar.post("/courses/cc/modules/only/complete", json!({})).await;
    let (_, list) = scholar.get("/me/certificates").await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(smtp.messages().len(), 1, "one email per certificate");

    // Another scholar gets 404 for it, an admin may fetch the PDF.
    let (_, other) = app.signed_in("nosy", Role::Scholar).await;
    let id = cert["id"].as_str().unwrap_or_default();
    for path in [format!("/certificates/{id}/pdf"), format!("/certificates/{id}/credential")] {
        assert_eq!(other.raw(Method::GET, &path).send().await.expect("get").status(), StatusCode::NOT_FOUND, "{path}");
    }
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    assert_eq!(
        admin.raw(Method::GET, &format!("/certificates/{id}/pdf")).send().await.expect("get").status(),
        StatusCode::OK
    );
}

async fn verification_shows_what_the_certificate_says_and_can_be_hidden_or_revoked(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let scholar = course_and_scholar(&app, "maria", None).await;
    let cert = complete(&scholar).await;
    let code = cert["code"].as_str().unwrap_or_default().to_owned();
    let anonymous = app.api();
    let (status, body) = anonymous.get(&format!("/verify/{code}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "valid");
    assert_eq!(body["holder_name"], "maria", "the handle when no name is set");
    assert_eq!(body["course_title"], "Короткий курс");
    let unknown = anonymous.get(&format!("/verify/{}", "0".repeat(32))).await;
    let malformed = anonymous.get("/verify/not-a-code").await;
    assert_eq!(unknown.0, StatusCode::NOT_FOUND);
    assert_eq!(unknown, malformed, "identical answers");

    let id = cert["id"].as_str().unwrap_or_default().to_owned();
    let (status, _) = scholar.patch(&format!("/certificates/{id}"), json!({"public": false})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(anonymous.get(&format!("/verify/{code}")).await, unknown, "hidden looks like unknown");
    scholar.patch(&format!("/certificates/{id}"), json!({"public": true})).await;

    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    assert_eq!(scholar.post(&format!("/admin/certificates/{id}/revoke"), json!({})).await.0, StatusCode::FORBIDDEN);
    assert_eq!(admin.post(&format!("/admin/certificates/{id}/revoke"), json!({})).await.0, StatusCode::OK);
    let (_, body) = anonymous.get(&format!("/verify/{code}")).await;
    assert_eq!(body["status"], "revoked");
    assert!(body["revoked_at"].is_string());
    let page = app.browser().await.get(&format!("/verify/{code}")).await;
    assert!(page.text().contains("maria") && page.has("p.alert"), "{}", page.text());
}

async fn the_credential_verifies_with_the_published_key(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let scholar = course_and_scholar(&app, "ivanna", None).await;
    let cert = complete(&scholar).await;
    let id = cert["id"].as_str().unwrap_or_default();
    let jwt = scholar
        .raw(Method::GET, &format!("/certificates/{id}/credential"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    let jwks: Value = reqwest::get(app.url("/.well-known/jwks.json")).await.expect("jwks").json().await.expect("json");
    let key = &jwks["keys"][0];
    assert_eq!((key["kty"].as_str(), key["crv"].as_str()), (Some("OKP"), Some("Ed25519")));
    let header = jsonwebtoken::decode_header(&jwt).expect("header");
    assert_eq!(header.alg, jsonwebtoken::Algorithm::EdDSA);
    assert_eq!(header.kid.as_deref(), key["kid"].as_str());
    let decoding = jsonwebtoken::DecodingKey::from_ed_components(key["x"].as_str().unwrap_or_default()).expect("key");
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::EdDSA);
    validation.set_required_spec_claims(&["iss", "sub", "nbf"]);
    validation.validate_exp = false;
    let data = jsonwebtoken::decode::<Value>(&jwt, &decoding, &validation).expect("the credential verifies");
    let vc = &data.claims["vc"];
    assert!(vc["type"].as_array().is_some_and(|t| t.iter().any(|x| x == "OpenBadgeCredential")));
    assert_eq!(vc["credentialSubject"]["achievement"]["name"], "Короткий курс");
    let identity = &vc["credentialSubject"]["identifier"][0];
    assert_eq!(identity["hashed"], true);
    assert!(identity["identityHash"].as_str().is_some_and(|h| h.starts_with("sha256$")));
    assert!(!jwt.contains("ivanna@") && !data.claims.to_string().contains("ivanna@"), "no email in the credential");
    // A tampered token fails.
    let mut parts: Vec<String> = jwt.split('.').map(str::to_owned).collect();
    parts[1] = parts[1].chars().rev().collect();
    let tampered = parts.join(".");
    assert!(jsonwebtoken::decode::<Value>(&tampered, &decoding, &validation).is_err());

    // And a wholly independent implementation (PyJWT with pyca/cryptography) agrees on both.
    if let Some(claims) = verify_with_pyjwt(&jwt, &jwks) {
        assert_eq!(claims.expect("PyJWT verifies the credential")["vc"], *vc);
        assert!(verify_with_pyjwt(&tampered, &jwks).is_some_and(|r| r.is_err()), "PyJWT refuses a tampered one");
    }
}

const PYJWT_VERIFY: &str = r#"
import json, sys
import jwt
from jwt.algorithms import OKPAlgorithm
jwks = json.loads(sys.argv[1])
key = OKPAlgorithm.from_jwk(json.dumps(jwks["keys"][0]))
token = sys.stdin.read().strip()
if jwt.get_unverified_header(token).get("kid") != jwks["keys"][0]["kid"]:
    sys.exit("kid differs")
claims = jwt.decode(token, key, algorithms=["EdDSA"], options={"require": ["iss", "sub", "nbf"]})
print(json.dumps(claims))
"#;

/// The credential's claims as PyJWT sees them (`Err` if it refuses the token); `None` (after a note)
/// when Debian's python3-jwt is missing outside CI (.ci/run installs it).
fn verify_with_pyjwt(jwt: &str, jwks: &Value) -> Option<Result<Value, String>> {
    use std::io::Write;
    let python = "/usr/bin/python3";
    let has = std::process::Command::new(python).args(["-c", "import jwt, cryptography"]).output();
    if !has.is_ok_and(|o| o.status.success()) {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("python3-jwt and python3-cryptography are required under CI=true");
        }
        eprintln!("SKIPPED: PyJWT is not installed (apt-get install python3-jwt python3-cryptography)");
        return None;
    }
    let mut child = std::process::Command::new(python)
        .args(["-c", PYJWT_VERIFY, &jwks.to_string()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run python3");
    child.stdin.take().expect("stdin").write_all(jwt.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("wait");
    Some(if out.status.success() {
        serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    })
}

async fn certificate_names_with_markup_are_refused(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, scholar) = app.signed_in("careful", Role::Scholar).await;
    for (name, words) in [("<b>Olena</b>", "markup"), ("Ole\u{7}na", "markup"), (&"я".repeat(500)[..], "100")] {
        let (status, body) = scholar.patch("/me", json!({"certificate_name": name})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(body["error"]["fields"]["certificate_name"][0].as_str().unwrap_or_default().contains(words), "{body}");
    }
}

/// The right answer to a question, as the API takes it (essays get a considered text).
fn right_answer(q: &pravo::quizzes::model::Question) -> Value {
    use pravo::quizzes::grading::{choice_id, options, prompts};
    use pravo::quizzes::model::Kind;
    let best = |fractions: Vec<f64>| {
        fractions.iter().enumerate().fold(0, |best, (i, f)| if *f > fractions[best] { i } else { best })
    };
    match &q.kind {
        Kind::Single { choices } => json!(choice_id(best(choices.iter().map(|c| c.fraction).collect()))),
        Kind::Multiple { choices } => json!(
            choices.iter().enumerate().filter(|(_, c)| c.fraction > 0.0).map(|(i, _)| choice_id(i)).collect::<Vec<_>>()
        ),
        Kind::TrueFalse { answer, .. } => json!(answer),
        Kind::Short { answers } => json!(answers[best(answers.iter().map(|a| a.fraction).collect())].text),
        Kind::Numerical { answers } => {
            let graded: Vec<_> = answers.iter().filter(|a| a.value.is_some()).collect();
            json!(graded[best(graded.iter().map(|a| a.fraction).collect())].value)
        }
        Kind::Matching { pairs } => {
            let options = options(pairs);
            let mut answer = serde_json::Map::new();
            for (prompt_id, index) in prompts(pairs) {
                let option = options.iter().find(|(_, text)| *text == pairs[index].answer).map(|(id, _)| id.clone());
                answer.insert(prompt_id, json!(option));
            }
            Value::Object(answer)
        }
        Kind::Essay => json!("Я б задокументувала випадок, спитавши згоду і не записуючи імен."),
    }
}

/// The decoded body of a message's (base64) part of a content type.
fn mime_part(raw: &str, content_type: &str) -> Vec<u8> {
    use base64::Engine;
    let start = raw.find(&format!("Content-Type: {content_type}")).expect("the part");
    let part = &raw[start..];
    let body_start = part.find("\r\n\r\n").expect("part body") + 4;
    let body: String = part[body_start..].lines().take_while(|l| !l.starts_with("--")).collect();
    base64::engine::general_purpose::STANDARD.decode(body.trim()).expect("base64")
}

/// The "Done when" of certificates, on a course as shipped: every module read, every quiz answered,
/// the essays graded by a trainer, then one email in Ukrainian with a PDF that prints the name.
async fn a_scholar_finishes_a_shipped_course_and_gets_her_certificate_by_email(backend: Backend) {
    let smtp = SmtpSink::start();
    let url = smtp.url();
    let Some(app) = TestApp::spawn_with(backend, |s| s.smtp_url = Some(url)).await else { return };
    let slug = "human-rights-monitoring";
    let api = app.api();
    let body = json!({"handle": "marta", "password": PASSWORD, "locale": "uk", "email": "marta@example.org"});
    assert_eq!(api.post("/auth/register", body).await.0, StatusCode::CREATED);
    let (_, token) = api.post("/auth/token", json!({"handle": "marta", "password": PASSWORD})).await;
    let mut scholar = app.api();
    scholar.token = token["token"].as_str().map(str::to_owned);
    assert_eq!(scholar.patch("/me", json!({"certificate_name": NAME})).await.0, StatusCode::OK);
    assert!(scholar.post(&format!("/courses/{slug}/enrol"), json!({})).await.0.is_success());
    let (_, admin) = app.signed_in("grader", Role::Admin).await;

    let folder = crate::helpers::shipped_courses().join(slug);
    let (_, course) = scholar.get(&format!("/courses/{slug}")).await;
    let modules = course["modules"].as_array().cloned().unwrap_or_default();
    assert!(modules.len() >= 4, "{course}");
    for m in &modules {
        let module = m["slug"].as_str().unwrap_or_default();
        let (status, _) = scholar.post(&format!("/courses/{slug}/modules/{module}/complete"), json!({})).await;
        assert_eq!(status, StatusCode::OK);
        let Some(quiz) = m["quiz_id"].as_str() else { continue };
        let file = std::fs::read_dir(&folder)
            .expect("course folder")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(&format!("-{module}.uk.gift")))
            .expect("the module's quiz file");
        let questions = pravo::quizzes::gift::parse(&std::fs::read_to_string(file).expect("read")).expect("parse");
        let (status, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
        assert!(status.is_success(), "{attempt}");
        let attempt_id = attempt["id"].as_str().unwrap_or_default().to_owned();
        let mut essays = Vec::new();
        for q in attempt["questions"].as_array().cloned().unwrap_or_default() {
            let id = q["id"].as_str().unwrap_or_default();
            let written = questions.iter().find(|w| w.id == id).expect("the question is in the file");
            if matches!(written.kind, pravo::quizzes::model::Kind::Essay) {
                essays.push((id.to_owned(), written.weight));
            }
            let path = format!("/attempts/{attempt_id}/answers/{id}");
            let (status, body) =
                scholar.send(scholar.raw(Method::PUT, &path).json(&json!({"answer": right_answer(written)}))).await;
            assert_eq!(status, StatusCode::NO_CONTENT, "{module} {id}: {body}");
        }
        let (status, result) = scholar.post(&format!("/attempts/{attempt_id}/submit"), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{result}");
        for (id, weight) in essays {
            let path = format!("/attempts/{attempt_id}/answers/{id}/grade");
            let grade = json!({"score": weight, "comment": "Добре: згода і жодних імен."});
            let (status, body) = admin.send(admin.raw(Method::PUT, &path).json(&grade)).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        let (_, quiz_state) = scholar.get(&format!("/quizzes/{quiz}")).await;
        assert_eq!(quiz_state["passed"], true, "{module}: {quiz_state}");
    }
    let (_, course) = scholar.get(&format!("/courses/{slug}")).await;
    assert_eq!(course["completed"], true, "{course}");

    // One email, in Ukrainian, with the PDF attached; the name prints in Cyrillic.
    let mail = smtp.wait_for(1, 30).await;
    assert_eq!(mail.len(), 1);
    let raw = &mail[0];
    assert!(header(raw, "To").is_some_and(|t| t.contains("marta@example.org")));
    assert_eq!(decode_mail(raw).0, "Ваш документ");
    let text = String::from_utf8(mime_part(raw, "text/plain")).expect("UTF-8 text");
    assert!(text.contains("marta"), "{text}");
    let pdf = mime_part(raw, "application/pdf");
    assert!(pdf.starts_with(b"%PDF"));
    let title = course["title"].as_str().unwrap_or_default().to_owned();
    if let Some(printed) = pdf_text(&pdf) {
        assert!(printed.contains(NAME), "{printed}");
        assert!(printed.contains(&title), "the course title in Ukrainian: {printed}");
    }
    // The verification link in it shows the same facts.
    let link = text.split_whitespace().find(|w| w.contains("/verify/")).expect("a verification link");
    let code = link.rsplit('/').next().unwrap_or_default();
    let (status, verified) = app.api().get(&format!("/verify/{code}")).await;
    assert_eq!(status, StatusCode::OK, "{verified}");
    let facts = verified.to_string();
    assert!(facts.contains(NAME) && facts.contains(&title), "{facts}");
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(smtp.messages().len(), 1, "one email");
}

async fn a_scholar_who_keeps_certificates_in_the_app_gets_no_email(backend: Backend) {
    let smtp = SmtpSink::start();
    let url = smtp.url();
    let Some(app) = TestApp::spawn_with(backend, |s| s.smtp_url = Some(url)).await else { return };
    let scholar = course_and_scholar(&app, "quiet-one", Some("quiet@example.org")).await;
    let (_, me) = scholar.get("/me").await;
    assert_eq!(me["certificates_by_email"], true, "emailed unless she says otherwise: {me}");
    // On the account page, without JavaScript: she unticks the box and saves.
    let mut browser = app.browser().await;
    browser.sign_in("quiet-one").await;
    browser.get("/account").await;
    let saved = browser
        .post("/account/profile", &[("locale", "uk"), ("email", "quiet@example.org"), ("certificate_name", NAME)])
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = browser.get("/account").await;
    assert!(page.has("input[name=certificates_by_email]:not([checked])"), "the choice is kept");
    let (_, me) = scholar.get("/me").await;
    assert_eq!(me["certificates_by_email"], false, "{me}");

    let certificate = complete(&scholar).await;
    assert!(certificate["code"].is_string(), "the certificate is there to download: {certificate}");
    let mut conn = app.connection();
    let kinds: Vec<String> = {
        use diesel::prelude::*;
        pravo::db::schema::outbox::table.select(pravo::db::schema::outbox::kind).load(&mut conn).unwrap_or_default()
    };
    assert!(!kinds.iter().any(|k| k.contains("certificate")), "no certificate email is queued: {kinds:?}");
    // Ticked again, the next certificate would be emailed: the API takes the choice too.
    let (status, me) = scholar.patch("/me", json!({"certificates_by_email": true})).await;
    assert_eq!((status, me["certificates_by_email"].clone()), (StatusCode::OK, json!(true)));
    assert!(smtp.messages().iter().all(|m| !m.contains("certificate.pdf")), "nothing with the PDF was sent");
}
