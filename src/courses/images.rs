//! Images a trainer uploads to a course: decoded (PNG, JPEG or WebP only, with limits on size and pixels),
//! turned upright by their EXIF orientation, scaled down to a width a phone needs, and encoded afresh:
//! JPEG for photographs, lossless WebP for images with transparency (diagrams). Only pixels are written
//! back, so whatever the file carried besides (the GPS position of a phone photo, the camera, the time,
//! the author) is gone before anything is stored: a photo can reveal where a scholar or a victim was.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use super::store;
use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::db::Db;
use crate::i18n::Msg;

/// The largest upload taken (a phone photo is 2–8 MB).
pub const MAX_UPLOAD_BYTES: usize = 12 * 1024 * 1024;
/// Images wider than this are scaled down (a phone is 360–430 px wide at 2–3× density).
pub const MAX_WIDTH: u32 = 1280;
/// And taller than this (a long screenshot).
pub const MAX_HEIGHT: u32 = 2560;
/// No decode may allocate more than this (a small file may claim an enormous picture).
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
const MAX_SIDE: u32 = 16_000;
const JPEG_QUALITY: u8 = 80;

/// An image ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub extension: &'static str,
    pub width: u32,
    pub height: u32,
}

fn refused() -> AppError {
    AppError::field("file", Msg::new("image-refused"))
}

/// Decodes, turns upright, scales and re-encodes an uploaded image. Anything but a PNG, JPEG or WebP
/// picture within the limits is refused on the `file` field.
pub fn prepare(bytes: &[u8]) -> Result<Prepared, AppError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(AppError::field(
            "file",
            Msg::new("image-too-large").with("megabytes", (MAX_UPLOAD_BYTES >> 20) as i64),
        ));
    }
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|_| refused())?;
    if !matches!(reader.format(), Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP)) {
        return Err(refused());
    }
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    let mut decoder = reader.into_decoder().map_err(|_| refused())?;
    decoder.set_limits(limits).map_err(|_| refused())?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| refused())?;
    picture.apply_orientation(orientation);
    if picture.width() > MAX_WIDTH || picture.height() > MAX_HEIGHT {
        picture = picture.resize(MAX_WIDTH, MAX_HEIGHT, image::imageops::FilterType::Triangle);
    }
    let (width, height) = (picture.width(), picture.height());
    let mut out = Vec::new();
    if picture.color().has_alpha() {
        let rgba = picture.to_rgba8();
        image::codecs::webp::WebPEncoder::new_lossless(&mut out)
            .encode(&rgba, width, height, image::ExtendedColorType::Rgba8)
            .map_err(|e| AppError::internal(e.to_string()))?;
        Ok(Prepared { bytes: out, content_type: "image/webp", extension: "webp", width, height })
    } else {
        let rgb = picture.to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
            .encode(&rgb, width, height, image::ExtendedColorType::Rgb8)
            .map_err(|e| AppError::internal(e.to_string()))?;
        Ok(Prepared { bytes: out, content_type: "image/jpeg", extension: "jpg", width, height })
    }
}

/// A media name from what the trainer typed or the file was called: lower-case Latin letters, digits and
/// dashes (at most 60), then the extension of what is stored. `photo (2).HEIC.jpg` → `photo-2-heic.jpg`.
/// A name with none of those (`Карта.png`) becomes `image-` and the start of the stored file's hash.
pub fn media_name(wanted: &str, prepared: &Prepared) -> String {
    let extension = prepared.extension;
    // A browser may send a path: only its last part counts, without its extension.
    let file = wanted.rsplit(['/', '\\']).next().unwrap_or(wanted);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let mut name = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name: String = name.trim_end_matches('-').chars().take(60).collect();
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        use sha2::{Digest, Sha256};
        let hash = hex::encode(&Sha256::digest(&prepared.bytes)[..4]);
        return format!("image-{hash}.{extension}");
    }
    format!("{name}.{extension}")
}

/// The width and height an image file declares (its header only is read), if it is one we read.
pub fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    ImageReader::new(Cursor::new(bytes)).with_guessed_format().ok()?.into_dimensions().ok()
}

/// The sizes of a course's images (to write them into module HTML), inside a hop.
pub fn sizes_in(conn: &mut crate::db::AnyConnection, course_id: &str) -> Result<super::markdown::Sizes, AppError> {
    Ok(store::all_media(conn, course_id)?
        .into_iter()
        .filter_map(|(name, _, bytes)| dimensions(&bytes).map(|size| (name, size)))
        .collect())
}

/// The sizes of the images of the course `slug` (none for a course that is not there).
pub async fn sizes(db: &Db, slug: &str) -> Result<super::markdown::Sizes, AppError> {
    let slug = slug.to_owned();
    db.run(move |conn| match store::find_course(conn, &slug)? {
        Some(course) => sizes_in(conn, &course.id),
        None => Ok(super::markdown::Sizes::new()),
    })
    .await
}

/// An image stored in a course's media.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub name: String,
    pub width: u32,
    pub height: u32,
    pub bytes: usize,
    /// An image of this name was there before and was replaced.
    pub replaced: bool,
}

/// Stores an uploaded image in a course's media (its trainers and administrators), prepared as above; an
/// image of the same name is replaced.
pub async fn upload(db: &Db, user: &User, slug: &str, wanted_name: &str, bytes: Vec<u8>) -> Result<Stored, AppError> {
    let (who, course_slug) = (user.clone(), slug.to_owned());
    let course = db
        .run(move |conn| {
            let (course, access) = super::visible_course(conn, &course_slug, Some(&who))?;
            if access.can_edit { Ok(course) } else { Err(AppError::Forbidden) }
        })
        .await?;
    // Decoding and encoding take a while: off the request threads.
    let prepared =
        actix_web::web::block(move || prepare(&bytes)).await.map_err(|e| AppError::internal(e.to_string()))??;
    let name = media_name(wanted_name, &prepared);
    let stored_name = name.clone();
    db.write(move |conn| {
        use sha2::{Digest, Sha256};
        let replaced = store::find_media(conn, &course.id, &stored_name)?.is_some();
        let hash = hex::encode(Sha256::digest(&prepared.bytes));
        store::put_media(conn, &course.id, &stored_name, prepared.content_type, &prepared.bytes, &hash)?;
        Ok(Stored {
            name: stored_name,
            width: prepared.width,
            height: prepared.height,
            bytes: prepared.bytes.len(),
            replaced,
        })
    })
    .await
}

/// A course's images, for its trainers and administrators: (name, size in bytes).
pub async fn list(db: &Db, user: &User, slug: &str) -> Result<Vec<(String, usize)>, AppError> {
    let (who, slug) = (user.clone(), slug.to_owned());
    db.run(move |conn| {
        let (course, access) = super::visible_course(conn, &slug, Some(&who))?;
        if !access.can_edit {
            return Err(AppError::Forbidden);
        }
        Ok(store::all_media(conn, &course.id)?.into_iter().map(|(name, _, bytes)| (name, bytes.len())).collect())
    })
    .await
}

/// Whether she may add images to this course (checked before an upload is read).
pub async fn may_upload(db: &Db, user: &User, slug: &str) -> Result<(), AppError> {
    let (who, slug) = (user.clone(), slug.to_owned());
    db.run(move |conn| {
        let (_, access) = super::visible_course(conn, &slug, Some(&who))?;
        if access.can_edit { Ok(()) } else { Err(AppError::Forbidden) }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_and_keep_the_stored_type() {
        let jpeg = Prepared { bytes: vec![1, 2, 3], content_type: "image/jpeg", extension: "jpg", width: 1, height: 1 };
        assert_eq!(media_name("photo (2).HEIC.jpg", &jpeg), "photo-2-heic.jpg");
        assert_eq!(media_name("map", &jpeg), "map.jpg");
        assert_eq!(media_name("../../etc/passwd", &jpeg), "passwd.jpg");
        let cyrillic = media_name("Карта района.png", &jpeg);
        assert!(cyrillic.starts_with("image-") && cyrillic.ends_with(".jpg") && cyrillic.len() == 18, "{cyrillic}");
        assert!(crate::courses::markdown::is_media_name(&cyrillic));
    }

    #[test]
    fn text_is_not_an_image() {
        assert!(prepare(b"GIF89a not really").is_err());
        assert!(prepare(b"hello").is_err());
    }
}
