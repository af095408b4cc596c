//! The dashboard's charts: bar charts drawn by plotters into SVG text, inlined in the page (no script, no
//! other host). Labels come from the caller, already in the reader's language; the same numbers are in a
//! table beside each chart, for screen readers and for copying.

use plotters::prelude::*;

use crate::core::error::AppError;

/// The accent colour of the stylesheet.
const ACCENT: RGBColor = RGBColor(0x0b, 0x5c, 0x8a);
const INK: RGBColor = RGBColor(0x1d, 0x21, 0x26);

fn failed<E: std::fmt::Debug>(e: E) -> AppError {
    AppError::internal(format!("chart: {e:?}"))
}

/// A bar chart of `values`, one bar per label, as an SVG document.
pub fn bars(labels: &[String], values: &[usize]) -> Result<String, AppError> {
    if labels.is_empty() {
        return bars(&["—".to_owned()], &[0]);
    }
    let mut svg = String::new();
    {
        // One size for every chart, so that their text is the same size on the page.
        let root = SVGBackend::with_string(&mut svg, (640, 280)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let top = values.iter().copied().max().unwrap_or(0).max(1);
        // Some room above the highest bar, and whole-number steps.
        let y_max = top + top.div_ceil(5);
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(40)
            .build_cartesian_2d((0..labels.len() - 1).into_segmented(), 0..y_max)
            .map_err(failed)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .bold_line_style(RGBColor(0xe1, 0xe5, 0xea))
            .light_line_style(TRANSPARENT)
            .axis_style(INK)
            .y_labels(y_max.min(6) + 1)
            .x_labels(labels.len().max(1))
            .x_label_formatter(&|x| match x {
                SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .label_style(("sans-serif", 16).into_font().color(&INK))
            .draw()
            .map_err(failed)?;
        chart
            .draw_series(values.iter().enumerate().map(|(i, v)| {
                let mut bar =
                    Rectangle::new([(SegmentValue::Exact(i), 0), (SegmentValue::Exact(i + 1), *v)], ACCENT.filled());
                bar.set_margin(0, 0, 10, 10);
                bar
            }))
            .map_err(failed)?;
        root.present().map_err(failed)?;
    }
    Ok(svg)
}

/// A horizontal bar chart, one bar per label, first label on top: for categories whose names are long.
pub fn hbars(labels: &[String], values: &[usize]) -> Result<String, AppError> {
    if labels.is_empty() {
        return hbars(&["—".to_owned()], &[0]);
    }
    let n = labels.len();
    let shown: Vec<String> =
        labels
            .iter()
            .map(|l| {
                if l.chars().count() > 24 {
                    format!("{}…", l.chars().take(23).collect::<String>())
                } else {
                    l.clone()
                }
            })
            .collect();
    let mut svg = String::new();
    {
        let height = 50 + 36 * n as u32;
        let root = SVGBackend::with_string(&mut svg, (400, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let top = values.iter().copied().max().unwrap_or(0).max(1);
        let x_max = top + top.div_ceil(5);
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(30)
            .y_label_area_size(170)
            .build_cartesian_2d(0..x_max, (0..n - 1).into_segmented())
            .map_err(failed)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .bold_line_style(RGBColor(0xe1, 0xe5, 0xea))
            .light_line_style(TRANSPARENT)
            .axis_style(INK)
            .x_labels(x_max.min(6) + 1)
            .y_labels(n)
            .y_label_formatter(&|y| match y {
                SegmentValue::CenterOf(i) => shown.get(n - 1 - *i).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .label_style(("sans-serif", 19).into_font().color(&INK))
            .draw()
            .map_err(failed)?;
        chart
            .draw_series(values.iter().enumerate().map(|(i, v)| {
                let row = n - 1 - i;
                let mut bar = Rectangle::new(
                    [(0, SegmentValue::Exact(row)), (*v, SegmentValue::Exact(row + 1))],
                    ACCENT.filled(),
                );
                bar.set_margin(8, 8, 0, 0);
                bar
            }))
            .map_err(failed)?;
        root.present().map_err(failed)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::bars;

    #[test]
    fn a_horizontal_chart_puts_the_first_label_on_top() {
        let svg = super::hbars(&["Sent".into(), "Awarded".into()], &[1, 2]).expect("chart");
        let sent = svg.find("Sent").expect("first label");
        let awarded = svg.find("Awarded").expect("second label");
        let y = |at: usize| {
            svg[..at].rsplit(" y=\"").next().and_then(|s| s.split('"').next()).and_then(|v| v.parse::<f64>().ok())
        };
        assert!(y(sent).is_some() && y(sent) < y(awarded), "{svg}");
    }

    #[test]
    fn labels_are_escaped_in_the_svg() {
        // The page inlines the SVG: a label must never become markup.
        let svg = super::hbars(&["<b>&\"x".into()], &[1]).expect("chart");
        assert!(!svg.contains("<b>"), "{svg}");
    }

    #[test]
    fn a_bar_chart_is_an_svg_with_one_bar_per_value() {
        let svg = bars(&["UA".into(), "RU".into()], &[3, 1]).expect("chart");
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(
            svg.lines().any(|l| l.trim() == "UA") && svg.lines().any(|l| l.trim() == "RU"),
            "labels are drawn: {svg}"
        );
        // The two bars are filled with the accent colour.
        assert_eq!(svg.matches("#0B5C8A").count() + svg.matches("#0b5c8a").count(), 2, "{svg}");
    }
}
