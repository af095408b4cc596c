//! One site under two addresses: the clearnet one (`PRAVO_BASE_URL`) and an onion service run with Tor
//! (`PRAVO_ONION_URL`). Requests here carry the onion name as their Host header, as Tor hands them to the
//! app: pages under it link only to themselves (never to the clearnet address), pages under the clearnet
//! address send `Onion-Location`, and emails lead to the address their recipient last signed in through.

use pravo::accounts::model::Role;
use reqwest::header::HOST;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, PASSWORD, SmtpSink, TestApp, decode_mail};
use crate::scholarships::{apply, person, programme_body, track_course};

both!(under_the_onion_address_every_page_links_only_to_it, emails_lead_to_the_address_she_last_signed_in_through);

const ONION_HOST: &str = "pravoexampleonionaddressforteststhatislongenoughtolookreal23.onion";

fn onion() -> String {
    format!("http://{ONION_HOST}")
}

/// A browser of the onion service: keeps cookies, sends the onion name as Host, follows no redirect.
fn tor_browser() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(HOST, reqwest::header::HeaderValue::from_static(ONION_HOST));
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .expect("client")
}

/// Every address a page points to: links, images, scripts, styles and form targets.
fn addresses(body: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(body);
    let mut found = Vec::new();
    for (selector, attribute) in
        [("[href]", "href"), ("[src]", "src"), ("form[action]", "action"), ("[formaction]", "formaction")]
    {
        let selector = scraper::Selector::parse(selector).expect("selector");
        found.extend(doc.select(&selector).filter_map(|e| e.value().attr(attribute)).map(str::to_owned));
    }
    found
}

fn csrf_of(body: &str) -> String {
    let doc = scraper::Html::parse_document(body);
    let selector = scraper::Selector::parse("input[name=csrf]").expect("selector");
    doc.select(&selector).next().and_then(|e| e.value().attr("value")).unwrap_or_default().to_owned()
}

async fn under_the_onion_address_every_page_links_only_to_it(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |s| s.onion_url = Some(onion())).await else { return };
    app.create_user("walker", Role::Scholar);
    let tor = tor_browser();

    // She signs in through the onion service, with the form its own page gave her.
    let login = tor.get(app.url("/login")).send().await.expect("login page").text().await.expect("body");
    let res = tor
        .post(app.url("/login"))
        .form(&[("csrf", csrf_of(&login).as_str()), ("handle", "walker"), ("password", PASSWORD)])
        .send()
        .await
        .expect("sign in");
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{:?}", res.text().await);
    let location = res.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
    assert!(location.starts_with('/'), "a redirect stays on the address she came through: {location}");
    let body = tor.get(app.url("/courses/human-rights-monitoring")).send().await.expect("course").text().await;
    let csrf = csrf_of(&body.unwrap_or_default());
    let res = tor
        .post(app.url("/courses/human-rights-monitoring/enrol"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("enrol");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let pages = [
        "/",
        "/courses",
        "/courses/human-rights-monitoring",
        "/courses/human-rights-monitoring/modules/monitoring-principles",
        "/courses/human-rights-monitoring/download",
        "/programmes",
        "/certificates",
        "/account",
        "/privacy",
    ];
    for path in pages {
        let res = tor.get(app.url(path)).send().await.expect("page");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(res.headers().get("onion-location").is_none(), "{path}: no Onion-Location on the onion itself");
        let body = res.text().await.expect("body");
        assert!(!body.contains("127.0.0.1"), "{path} names the clearnet address:\n{body}");
        for address in addresses(&body) {
            let own = address.starts_with('/') && !address.starts_with("//")
                || address.starts_with('#')
                || address.starts_with('?')
                || address.starts_with(&onion());
            // The quick exit leaves for a neutral site on purpose: it is the one way out.
            let exit = address == pravo::config::DEFAULT_EXIT_URL;
            assert!(own || exit, "{path} points away from the onion address: {address}");
        }
    }

    // The same pages under the clearnet address tell Tor Browser where the onion one is; the API does not.
    let mut browser = app.browser().await;
    let page = browser.get("/courses/human-rights-monitoring?lang=uk").await;
    let header = page.headers.get("onion-location").and_then(|h| h.to_str().ok());
    assert_eq!(header, Some(format!("{}/courses/human-rights-monitoring?lang=uk", onion()).as_str()));
    let res = reqwest::get(app.url("/api/v1/courses")).await.expect("api");
    assert!(res.headers().get("onion-location").is_none(), "not on JSON answers");
}

async fn emails_lead_to_the_address_she_last_signed_in_through(backend: Backend) {
    let smtp = SmtpSink::start();
    let url = smtp.url();
    let Some(app) = TestApp::spawn_with(backend, |s| {
        s.smtp_url = Some(url);
        s.onion_url = Some(onion());
    })
    .await
    else {
        return;
    };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (status, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let pid = created["id"].as_str().unwrap_or_default().to_owned();

    // Oksana signs in through the onion service; Vera through the clearnet address.
    let (_, _) = person(&app, "oksana", Some("oksana@example.org"), "uk").await;
    let mut oksana = app.api();
    let sign_in = oksana.raw(Method::POST, "/auth/token").header(HOST, ONION_HOST);
    let (status, token) = oksana.send(sign_in.json(&json!({"handle": "oksana", "password": PASSWORD}))).await;
    assert_eq!(status, StatusCode::OK, "{token}");
    oksana.token = token["token"].as_str().map(str::to_owned);
    let (_, vera) = person(&app, "vera", Some("vera@example.org"), "en").await;
    apply(&oksana, &pid, "UA").await;
    apply(&vera, &pid, "UA").await;

    let mails = smtp.wait_for(2, 20).await;
    let to = |who: &str| {
        mails.iter().find(|m| m.contains(&format!("{who}@example.org"))).map(|m| decode_mail(m).1).unwrap_or_default()
    };
    let (oksana_mail, vera_mail) = (to("oksana"), to("vera"));
    assert!(oksana_mail.contains(&format!("{}/programmes/{pid}", onion())), "{oksana_mail}");
    assert!(!oksana_mail.contains("127.0.0.1"), "{oksana_mail}");
    assert!(vera_mail.contains(&format!("http://127.0.0.1/programmes/{pid}")), "{vera_mail}");
    assert!(!vera_mail.contains(".onion"), "{vera_mail}");
}
