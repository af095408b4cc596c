//! Images a trainer uploads: a phone photo with its GPS position and camera details comes out upright,
//! scaled to a phone's width, re-encoded and without a byte of its metadata; only PNG, JPEG and WebP are
//! taken; only the course's trainers and administrators may add them; the editor's form works without
//! JavaScript and keeps what was typed when it refuses a file; module pages load images lazily, with their
//! size written in so that the text does not jump as they arrive.

use std::io::Cursor;

use image::ImageEncoder;
use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Api, Backend, TestApp};
use crate::quizzes::course_with_quiz;

both!(
    a_phone_photo_is_stored_upright_small_and_without_its_metadata,
    a_trainer_adds_an_image_from_the_editor_without_javascript,
);

const GIFT: &str = "// [id:q]\nConsent can be withdrawn.{T}\n";
const SECRET: &[u8] = b"GPS 50.4501N 30.5234E taken at the shelter";

/// An EXIF block (little-endian TIFF): orientation 6 (the camera was turned: the picture must be rotated
/// a quarter turn clockwise to be upright) and an image description holding a place.
fn exif() -> Vec<u8> {
    let mut e = b"II\x2a\0\x08\0\0\0".to_vec();
    e.extend_from_slice(&2u16.to_le_bytes());
    e.extend_from_slice(&[0x12, 0x01, 0x03, 0x00, 1, 0, 0, 0, 6, 0, 0, 0]);
    let text_offset: u32 = 8 + 2 + 2 * 12 + 4;
    e.extend_from_slice(&[0x0e, 0x01, 0x02, 0x00]);
    e.extend_from_slice(&(SECRET.len() as u32 + 1).to_le_bytes());
    e.extend_from_slice(&text_offset.to_le_bytes());
    e.extend_from_slice(&0u32.to_le_bytes());
    e.extend_from_slice(SECRET);
    e.push(0);
    e
}

/// A 2400 × 1600 photo as a phone writes it (sensor orientation, EXIF with a place).
fn phone_photo() -> Vec<u8> {
    let (w, h) = (2400u32, 1600u32);
    let pixels: Vec<u8> = (0..w * h).flat_map(|i| [(i % w * 255 / w) as u8, (i / w * 255 / h) as u8, 90]).collect();
    let mut out = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
    encoder.set_exif_metadata(exif()).unwrap_or_else(|e| panic!("{e}"));
    encoder.write_image(&pixels, w, h, image::ExtendedColorType::Rgb8).unwrap_or_else(|e| panic!("{e}"));
    assert!(out.windows(SECRET.len()).any(|w| w == SECRET), "the fixture carries its place");
    out
}

/// A 300 × 200 diagram with transparency.
fn diagram() -> Vec<u8> {
    let pixels: Vec<u8> =
        (0..300 * 200).flat_map(|i| [20, 80, (i % 255) as u8, if i % 7 == 0 { 0 } else { 255 }]).collect();
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&pixels, 300, 200, image::ExtendedColorType::Rgba8)
        .unwrap_or_else(|e| panic!("{e}"));
    out
}

async fn put_image(api: &Api, name: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    api.send(
        api.raw(Method::PUT, &format!("/courses/qc/media/{name}"))
            .header("content-type", "application/octet-stream")
            .body(bytes),
    )
    .await
}

async fn fetch(app: &TestApp, api: &Api, path: &str) -> Vec<u8> {
    let client = reqwest::Client::new();
    let mut req = client.get(app.url(path));
    if let Some(token) = &api.token {
        req = req.bearer_auth(token);
    }
    let res = req.send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.bytes().await.unwrap_or_default().to_vec()
}

async fn a_phone_photo_is_stored_upright_small_and_without_its_metadata(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("photo-coach", Role::Trainer).await;
    course_with_quiz(&trainer, GIFT, json!({})).await;
    let photo = phone_photo();

    // Who may add images: the course's trainers and administrators only.
    let (_, scholar) = app.signed_in("photo-scholar", Role::Scholar).await;
    scholar.post("/courses/qc/enrol", json!({})).await;
    let (_, other_trainer) = app.signed_in("photo-other", Role::Trainer).await;
    let (_, admin) = app.signed_in("photo-admin", Role::Admin).await;
    assert_eq!(put_image(&app.api(), "x.jpg", photo.clone()).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(put_image(&scholar, "x.jpg", photo.clone()).await.0, StatusCode::FORBIDDEN);
    assert_eq!(put_image(&other_trainer, "x.jpg", photo.clone()).await.0, StatusCode::FORBIDDEN);
    let (status, _) = admin.send(admin.raw(Method::PUT, "/courses/no-such/media/x.jpg").body(photo.clone())).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, stored) = put_image(&trainer, "Photo%20(1).JPG", photo.clone()).await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    assert_eq!(stored["name"], "photo-1.jpg");
    assert_eq!(stored["markdown"], "![](media/photo-1.jpg)");
    // Upright (the quarter turn applied: portrait), and scaled to the width cap.
    assert_eq!((stored["width"].as_u64(), stored["height"].as_u64()), (Some(1280), Some(1920)), "{stored}");
    let kept = fetch(&app, &trainer, "/courses/qc/media/photo-1.jpg").await;
    assert!(kept.len() < photo.len(), "recompressed: {} of {} bytes", kept.len(), photo.len());
    assert!(!kept.windows(SECRET.len()).any(|w| w == SECRET), "the place the photo was taken is gone");
    assert!(!kept.windows(4).any(|w| w == b"Exif"), "no EXIF block at all");
    let decoded = image::ImageReader::new(Cursor::new(&kept)).with_guessed_format().ok().and_then(|r| r.decode().ok());
    assert_eq!(decoded.map(|d| (d.width(), d.height())), Some((1280, 1920)));
    // The enrolled scholar reads it; the same name again replaces it.
    assert_eq!(fetch(&app, &scholar, "/courses/qc/media/photo-1.jpg").await, kept);
    let (_, again) = put_image(&admin, "photo-1.jpg", photo.clone()).await;
    assert_eq!(again["replaced"], true, "{again}");

    // A diagram with transparency stays lossless (WebP), at its size.
    let (status, stored) = put_image(&trainer, "districts.png", diagram()).await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    assert_eq!(stored["name"], "districts.webp");
    assert_eq!((stored["width"].as_u64(), stored["height"].as_u64()), (Some(300), Some(200)));
    let webp = fetch(&app, &trainer, "/courses/qc/media/districts.webp").await;
    assert_eq!(&webp[..4], b"RIFF");

    // Anything else is refused on the file, in the reader's language; too much is refused whole.
    let (status, body) = put_image(&trainer, "notes.jpg", b"<svg onload=alert(1)>".to_vec()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["file"][0].as_str().unwrap_or_default().contains("PNG, JPEG or WebP"), "{body}");
    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
    assert_eq!(put_image(&trainer, "anim.gif", gif.to_vec()).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = put_image(&trainer, "huge.jpg", vec![0xff; 13 * 1024 * 1024]).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);

    // In a module, the image loads when she scrolls to it.
    let module =
        json!({"language": "en", "title": "Module one", "markdown": "Look.\n\n![The district](media/photo-1.jpg)\n"});
    trainer.send(trainer.raw(Method::PUT, "/courses/qc/modules/m1").json(&module)).await;
    let (_, page) = scholar.get("/courses/qc/modules/m1").await;
    let html = page["html"].as_str().unwrap_or_default();
    assert!(html.contains(r#"src="/courses/qc/media/photo-1.jpg" width="1280" height="1920""#), "{html}");
    assert!(html.contains(r#"loading="lazy""#), "{html}");
}

/// A multipart body as a browser sends the form.
fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "----pravo-test-boundary-7MA4YWxk";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    if let Some((file_name, bytes)) = file {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn a_trainer_adds_an_image_from_the_editor_without_javascript(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("form-coach", Role::Trainer).await;
    course_with_quiz(&trainer, GIFT, json!({})).await;
    app.signed_in("form-scholar", Role::Scholar).await;
    let mut browser = app.browser().await;
    browser.sign_in("form-coach").await;
    let editor = browser.get("/trainer/courses/qc/modules/m1/edit").await;
    assert!(editor.has("a[href='/trainer/courses/qc/media?module=m1']"), "the editor leads to the images");
    let page = browser.get("/trainer/courses/qc/media?module=m1").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("form[enctype='multipart/form-data'] input[type=file][name=file]"), "{}", page.body);
    let post = |fields: Vec<(&'static str, String)>, file: Option<(&'static str, Vec<u8>)>| {
        let fields: Vec<(&str, String)> = fields;
        let client = browser.client.clone();
        let url = app.url("/trainer/courses/qc/media?module=m1");
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let (content_type, body) = multipart(&pairs, file.as_ref().map(|(n, b)| (*n, b.as_slice())));
            client
                .post(url)
                .header("content-type", content_type)
                .body(body)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"))
        }
    };
    let csrf = browser.csrf.clone();

    // A file that is not an image: the form again, the error beside the file, the typed name kept.
    let refused =
        post(vec![("csrf", csrf.clone()), ("name", "street-map".into())], Some(("notes.txt", b"just text".to_vec())))
            .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.unwrap_or_default();
    let html = scraper::Html::parse_document(&body);
    let select = |s: &str| scraper::Selector::parse(s).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(html.select(&select("#form-problem a[href='#f-file']")).count(), 1, "{body}");
    assert_eq!(html.select(&select(".field.invalid ul.field-errors")).count(), 1, "{body}");
    assert_eq!(
        html.select(&select("input[name=name]")).next().and_then(|i| i.value().attr("value")),
        Some("street-map")
    );
    // No file chosen.
    let empty = post(vec![("csrf", csrf.clone())], None).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Without the page's token (another site's form), nothing is stored.
    let forged = post(vec![("name", "forged".into())], Some(("a.png", diagram()))).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    // A photo: stored, then the page says under which name and how to show it (post/redirect/get).
    let saved = post(vec![("csrf", csrf.clone()), ("name", "".into())], Some(("IMG_2041.jpeg", phone_photo()))).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let location = saved.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(location, "/trainer/courses/qc/media?uploaded=img-2041.jpg&module=m1");
    let after = browser.get(&location).await;
    assert!(after.text().contains("Saved as img-2041.jpg."), "{}", after.body);
    assert!(after.has("ul.media-list img[src='/courses/qc/media/img-2041.jpg'][loading=lazy]"));
    let kept = fetch(&app, &trainer, "/courses/qc/media/img-2041.jpg").await;
    assert!(!kept.windows(SECRET.len()).any(|w| w == SECRET));

    // Nor may a trainer of other courses, or a scholar.
    app.signed_in("form-other-trainer", Role::Trainer).await;
    let mut other = app.browser().await;
    other.sign_in("form-other-trainer").await;
    assert_eq!(other.get("/trainer/courses/qc/media").await.status, StatusCode::FORBIDDEN);
    let mut scholar = app.browser().await;
    scholar.sign_in("form-scholar").await;
    assert_eq!(scholar.get("/trainer/courses/qc/media").await.status, StatusCode::FORBIDDEN);
    let token = scholar.csrf.clone();
    let (content_type, body) = multipart(&[("csrf", token.as_str())], Some(("a.png", &diagram())));
    let res = scholar
        .client
        .post(app.url("/trainer/courses/qc/media"))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Someone not signed in is sent to sign in first.
    let anonymous = app.browser().await.get("/trainer/courses/qc/media").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(anonymous.location.as_deref().unwrap_or_default().starts_with("/login"), "{:?}", anonymous.location);
}
