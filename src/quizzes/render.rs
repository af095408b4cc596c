//! Quiz texts as safe HTML, per their GIFT format; and the deterministic shuffling of an attempt.

use super::model::{Text, TextFormat};
use crate::courses::markdown;

/// A question, choice or feedback text as sanitised HTML.
pub fn html(text: &Text, course_slug: &str) -> String {
    match text.format {
        TextFormat::Markdown => markdown::render(&text.text, course_slug),
        TextFormat::Html => markdown::sanitise_html(&text.text, course_slug),
        TextFormat::Moodle => markdown::sanitise_html(&text.text.replace('\n', "<br>"), course_slug),
        TextFormat::Plain => {
            let escaped = maud::html! { (text.text) }.into_string();
            escaped.replace('\n', "<br>")
        }
    }
}

/// A small, fast, reproducible generator (SplitMix64): an attempt's seed gives the same order every time.
pub struct Shuffler(u64);

impl Shuffler {
    pub fn new(seed: i64) -> Self {
        Shuffler(seed as u64)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_order() {
        let order = |seed| {
            let mut v: Vec<u32> = (0..10).collect();
            Shuffler::new(seed).shuffle(&mut v);
            v
        };
        assert_eq!(order(42), order(42));
        assert_ne!(order(42), order(43));
    }

    #[test]
    fn texts_render_safely_in_every_format() {
        assert_eq!(html(&Text::new("a < b\nc", TextFormat::Plain), "c"), "a &lt; b<br>c");
        assert!(!html(&Text::new("<script>x</script>ok", TextFormat::Html), "c").contains("<script"));
        assert!(html(&Text::new("**bold**", TextFormat::Markdown), "c").contains("<strong>bold</strong>"));
        assert_eq!(html(&Text::new("line\nnext", TextFormat::Moodle), "c"), "line<br>next");
    }
}
