//! Small pieces of markup that pages of several domains share.

use maud::{Markup, html};

use crate::i18n::{Arg, Locale, t_with};

/// A progress bar with its percentage in words.
pub fn progress_bar(l: Locale, percent: i32) -> Markup {
    let label = t_with(l, "course-progress", &[("percent", Arg::Number(i64::from(percent)))]);
    html! {
        div.progress {
            progress max="100" value=(percent) aria-label=(label) { (percent) "%" }
            span { (label) }
        }
    }
}
