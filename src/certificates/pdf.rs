//! The certificate as a PDF (A4 landscape): DejaVu Sans embedded and subset (Latin and Cyrillic,
//! Ukrainian letters included), and a QR code of the verification link drawn as vector squares.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Paint};
use krilla::text::{Font, TextDirection};

use crate::core::error::AppError;

static REGULAR: &[u8] = include_bytes!("../../static/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../static/fonts/DejaVuSans-Bold.ttf");

/// What a certificate prints, already in its language.
pub struct Printed<'a> {
    pub heading: &'a str,
    pub awarded_to: &'a str,
    pub holder: &'a str,
    pub for_completing: &'a str,
    pub course: &'a str,
    pub hours: Option<&'a str>,
    pub date: &'a str,
    pub issuer: &'a str,
    pub verify_label: &'a str,
    pub verify_url: &'a str,
    pub code: &'a str,
}

const WIDTH: f32 = 842.0;
const HEIGHT: f32 = 595.0;

fn fill(r: u8, g: u8, b: u8) -> Fill {
    Fill {
        paint: Paint::from(rgb::Color::new(r, g, b)),
        opacity: krilla::num::NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// Splits a long line at spaces so that it fits `max_chars` (krilla does not wrap text).
fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

pub fn render(p: &Printed) -> Result<Vec<u8>, AppError> {
    let regular =
        Font::new(REGULAR.into(), 0).ok_or_else(|| AppError::internal("the certificate font cannot be read"))?;
    let bold = Font::new(BOLD.into(), 0).ok_or_else(|| AppError::internal("the certificate font cannot be read"))?;
    let size = Size::from_wh(WIDTH, HEIGHT).ok_or_else(|| AppError::internal("page size"))?;
    let mut document = Document::new();
    {
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        // A calm frame in the accent colour.
        let mut frame = PathBuilder::new();
        if let (Some(outer), Some(inner)) = (
            Rect::from_xywh(24.0, 24.0, WIDTH - 48.0, HEIGHT - 48.0),
            Rect::from_xywh(30.0, 30.0, WIDTH - 60.0, HEIGHT - 60.0),
        ) {
            frame.push_rect(outer);
            frame.push_rect(inner);
        }
        if let Some(path) = frame.finish() {
            surface.set_fill(Some(Fill { rule: FillRule::EvenOdd, ..fill(11, 92, 138) }));
            surface.draw_path(&path);
        }
        surface.set_fill(Some(fill(29, 33, 38)));
        let mut text = |font: &Font, size: f32, x: f32, y: f32, s: &str| {
            surface.draw_text(Point::from_xy(x, y), font.clone(), size, s, false, TextDirection::Auto);
        };
        // krilla keeps one surface per page: everything is drawn on this one.
        let x = 70.0;
        text(&bold, 30.0, x, 105.0, p.heading);
        text(&regular, 15.0, x, 160.0, p.awarded_to);
        let mut y = 200.0;
        for line in wrap(p.holder, 40) {
            text(&bold, 28.0, x, y, &line);
            y += 34.0;
        }
        y += 10.0;
        text(&regular, 15.0, x, y, p.for_completing);
        y += 30.0;
        for line in wrap(p.course, 52) {
            text(&bold, 20.0, x, y, &line);
            y += 26.0;
        }
        if let Some(hours) = p.hours {
            y += 6.0;
            text(&regular, 13.0, x, y, hours);
        }
        text(&regular, 13.0, x, 470.0, p.date);
        text(&regular, 13.0, x, 492.0, p.issuer);
        text(&regular, 10.0, x, 530.0, p.verify_label);
        text(&regular, 10.0, x, 545.0, p.verify_url);
        text(&regular, 9.0, x, 560.0, p.code);
        // The QR code of the verification link, bottom right.
        draw_qr(&mut surface, p.verify_url, WIDTH - 70.0 - 130.0, HEIGHT - 70.0 - 130.0, 130.0)?;
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| AppError::internal(format!("PDF: {e:?}")))
}

fn draw_qr(surface: &mut krilla::surface::Surface, data: &str, x: f32, y: f32, size: f32) -> Result<(), AppError> {
    let code = qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| AppError::internal(format!("QR: {e}")))?;
    let width = code.width();
    let module = size / width as f32;
    let colors = code.to_colors();
    let mut path = PathBuilder::new();
    for (i, color) in colors.iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (row, col) = (i / width, i % width);
            if let Some(rect) = Rect::from_xywh(x + col as f32 * module, y + row as f32 * module, module, module) {
                path.push_rect(rect);
            }
        }
    }
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill(0, 0, 0)));
        surface.draw_path(&path);
    }
    Ok(())
}
