//! Module text: Markdown (tables, footnotes, heading anchors) rendered with pulldown-cmark, then
//! sanitised with ammonia. Raw HTML in the source is passed through by pulldown-cmark and removed by the
//! sanitiser; images may come only from the course's own media, served by Pravo.

use std::collections::{HashMap, HashSet};

use ammonia::Builder;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// The largest module text accepted, in bytes.
pub const MAX_MARKDOWN_BYTES: usize = 200 * 1024;

/// How deep quotes and lists may nest. Rendering and sanitising cost grows with the square of the depth
/// (a text of 200,000 `>` took minutes), and no real text comes near this.
pub const MAX_NESTING: usize = 32;

/// The deepest nesting of quotes and lists in `text`: per line, the `>` and list markers it opens, and
/// its indentation (two spaces can open a nested list). Linear in the length of the text.
pub fn nesting_depth(text: &str) -> usize {
    let mut deepest = 0;
    for line in text.lines() {
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|b| **b == b' ' || **b == b'\t').count();
        let mut depth = indent / 2;
        let mut i = indent;
        while i < bytes.len() {
            match bytes[i] {
                b'>' => {
                    depth += 1;
                    i += 1;
                }
                b'-' | b'*' | b'+' if bytes.get(i + 1).is_some_and(|b| *b == b' ') => {
                    depth += 1;
                    i += 2;
                }
                b' ' | b'\t' => i += 1,
                b'0'..=b'9' => {
                    let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                    match (bytes.get(i + digits), bytes.get(i + digits + 1)) {
                        (Some(b'.' | b')'), Some(b' ')) => {
                            depth += 1;
                            i += digits + 2;
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        // A run of `>` anywhere counts too: in a quiz the text after `::title::` starts mid-line.
        let mut run = 0;
        let mut longest = 0;
        for b in bytes {
            match b {
                b'>' => {
                    run += 1;
                    longest = longest.max(run);
                }
                b' ' | b'\t' => {}
                _ => run = 0,
            }
        }
        deepest = deepest.max(depth).max(longest);
    }
    deepest
}

/// Prefix of every id in module HTML, so that authored anchors never clash with the page's own ids.
const ID_PREFIX: &str = "m-";

/// The width and height of each of a course's images, by media name.
pub type Sizes = std::collections::HashMap<String, (u32, u32)>;

/// The safe HTML of a module of course `course_slug`.
pub fn render(markdown: &str, course_slug: &str) -> String {
    render_sized(markdown, course_slug, &Sizes::new())
}

/// The same, with each image of the course that has a known size given its `width` and `height`, so that
/// the page does not jump as images arrive on a slow connection.
pub fn render_sized(markdown: &str, course_slug: &str, sizes: &Sizes) -> String {
    let media_base = format!("/courses/{course_slug}/media/");
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let events = add_heading_ids(events);
    let events = events.into_iter().map(|event| match event {
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            let dest_url = media_url(&dest_url, &media_base).map(CowStr::from).unwrap_or(CowStr::Borrowed(""));
            Event::Start(Tag::Image { link_type, dest_url, title, id })
        }
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events);
    let mut safe = sanitise(&unsafe_html, &media_base);
    // After the sanitiser, an image's `src` is exactly the media base and a plain media name.
    for (name, (width, height)) in sizes {
        let src = format!("src=\"{media_base}{name}\"");
        if safe.contains(&src) {
            safe = safe.replace(&src, &format!("{src} width=\"{width}\" height=\"{height}\""));
        }
    }
    safe
}

/// The second-level headings of rendered module HTML, as (anchor id, plain text): a module's contents.
pub fn contents(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<h2 id=\"") {
        rest = &rest[start + 8..];
        let Some(id_end) = rest.find('"') else { break };
        let id = rest[..id_end].to_owned();
        let Some(open_end) = rest.find('>') else { break };
        rest = &rest[open_end + 1..];
        let Some(close) = rest.find("</h2>") else { break };
        let text = plain_text(&rest[..close]);
        rest = &rest[close..];
        if !text.is_empty() {
            found.push((id, text));
        }
    }
    found
}

/// The text of an HTML fragment: tags removed, the entities the renderer writes decoded.
fn plain_text(fragment: &str) -> String {
    let mut text = String::with_capacity(fragment.len());
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// `media/x.png` (or `./media/x.png`) → the course's media URL; anything else is refused.
fn media_url(dest: &str, media_base: &str) -> Option<String> {
    let name = dest.strip_prefix("./").unwrap_or(dest).strip_prefix("media/")?;
    is_media_name(name).then(|| format!("{media_base}{name}"))
}

/// A media file name: letters, digits, `-`, `_`, `.`; no folders, not hidden.
pub fn is_media_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name.len() <= 100
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The media files a module refers to (`media/NAME`), for the importer to check.
pub fn media_references(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES)
        .filter_map(|event| match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                let dest = dest_url.strip_prefix("./").unwrap_or(&dest_url).to_owned();
                dest.strip_prefix("media/").map(str::to_owned)
            }
            _ => None,
        })
        .collect()
}

fn add_heading_ids(mut events: Vec<Event>) -> Vec<Event> {
    let mut used: HashSet<String> = HashSet::new();
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i]
            && *level != HeadingLevel::H1
        {
            let mut text = String::new();
            for event in &events[i + 1..] {
                match event {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let base = slugify(&text);
            let mut id = base.clone();
            // Linear in the number of headings, however many share a text.
            while !used.insert(id.clone()) {
                let n = next_suffix.entry(base.clone()).or_insert(2);
                id = format!("{base}-{n}");
                *n += 1;
            }
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
        }
        i += 1;
    }
    events
}

/// Lower-case letters and digits of any script, joined by dashes.
fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() { "section".into() } else { slug.chars().take(60).collect() }
}

/// Sanitises HTML written by a trainer (quiz texts in `[html]` or `[moodle]` format) with the same rules
/// as module text.
pub fn sanitise_html(html: &str, course_slug: &str) -> String {
    sanitise(html, &format!("/courses/{course_slug}/media/"))
}

fn sanitise(html: &str, media_base: &str) -> String {
    let media_base = media_base.to_owned();
    let mut tag_attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    for heading in ["h2", "h3", "h4", "h5", "h6"] {
        tag_attributes.insert(heading, HashSet::from(["id"]));
    }
    tag_attributes.insert("img", HashSet::from(["src", "alt", "title"]));
    tag_attributes.insert("a", HashSet::from(["href", "title"]));
    tag_attributes.insert("div", HashSet::from(["id"]));
    tag_attributes.insert("li", HashSet::from(["id"]));
    tag_attributes.insert("th", HashSet::from(["align"]));
    tag_attributes.insert("td", HashSet::from(["align"]));
    Builder::default()
        .tag_attributes(tag_attributes)
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer nofollow"))
        .id_prefix(Some(ID_PREFIX))
        // A table wider than a phone scrolls sideways (rather than break its words), and a region that
        // scrolls must be reachable from the keyboard.
        .set_tag_attribute_value("table", "tabindex", "0")
        // An image below the fold costs no data until she scrolls to it.
        .set_tag_attribute_value("img", "loading", "lazy")
        .attribute_filter(move |element, attribute, value| match (element, attribute) {
            // Only a file of the course's own media: a plain name after the prefix, so that no dot segment
            // (`media/../../logout`) or encoding leads anywhere else; never another host, never a data: or
            // javascript: URL.
            ("img", "src") => {
                value.strip_prefix(media_base.as_str()).filter(|name| is_media_name(name)).map(|_| value.into())
            }
            // In-page links follow the id prefix.
            ("a", "href") if value.starts_with('#') => Some(format!("#{ID_PREFIX}{}", &value[1..]).into()),
            _ => Some(value.into()),
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn nesting_is_measured_by_quotes_lists_and_indentation() {
        assert_eq!(super::nesting_depth("plain text\n\n# heading"), 0);
        assert_eq!(super::nesting_depth("> a\n>> b\n> > > c"), 3);
        assert_eq!(super::nesting_depth("- a\n  - b\n    - c"), 3);
        assert_eq!(super::nesting_depth("1. a\n2) b"), 1);
        assert_eq!(super::nesting_depth(&">".repeat(50_000)), 50_000);
        assert_eq!(super::nesting_depth("-5 degrees, *emphasis*"), 0);
        assert_eq!(super::nesting_depth("::Q::>>> deep"), 3);
        assert_eq!(super::nesting_depth("=CEDAW -> Women's committee"), 1);
    }

    #[test]
    fn images_of_known_size_say_so() {
        let sizes = super::Sizes::from([("map.jpg".to_owned(), (1280, 853))]);
        let html = super::render_sized("![A map](media/map.jpg) ![Other](media/other.png)", "c", &sizes);
        assert!(html.contains(r#"src="/courses/c/media/map.jpg" width="1280" height="853""#), "{html}");
        assert!(!html.contains(r#"other.png" width"#), "{html}");
        assert!(html.contains(r#"loading="lazy""#), "{html}");
    }

    #[test]
    fn images_only_from_plain_media_names() {
        let html = super::render("<img src=\"/courses/c/media/../../../logout\"> ![ok](media/a.png)", "c");
        assert!(!html.contains("logout"), "{html}");
        assert!(html.contains("/courses/c/media/a.png"), "{html}");
    }

    use super::*;

    #[test]
    fn contents_lists_second_level_headings_as_plain_text() {
        let html = super::render("## Do *no* harm & more\n\ntext\n\n### Detail\n\n## Consent\n", "c");
        assert_eq!(
            super::contents(&html),
            vec![
                ("m-do-no-harm-more".to_owned(), "Do no harm & more".to_owned()),
                ("m-consent".to_owned(), "Consent".to_owned())
            ]
        );
    }

    #[test]
    fn headings_get_prefixed_anchors_and_tables_render() {
        let html = render("## Do no harm\n\n## Do no harm\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "c");
        assert!(html.contains(r#"<h2 id="m-do-no-harm">"#), "{html}");
        assert!(html.contains(r#"<h2 id="m-do-no-harm-2">"#), "{html}");
        assert!(html.contains(r#"<table tabindex="0">"#), "a table that scrolls sideways takes keyboard focus: {html}");
    }

    #[test]
    fn cyrillic_headings_keep_their_letters() {
        assert!(render("## Не навреди", "c").contains(r#"id="m-не-навреди""#));
    }

    #[test]
    fn footnotes_link_within_the_module() {
        let html = render("Text[^1].\n\n[^1]: A source.\n", "c");
        assert!(html.contains(r##"href="#m-1""##), "{html}");
        assert!(html.contains(r#"id="m-1""#), "{html}");
    }

    #[test]
    fn images_come_only_from_the_course_media() {
        let html =
            render("![map](media/map.png) ![x](https://evil.example/x.png) ![y](../other/media/y.png)", "rights");
        assert!(html.contains(r#"src="/courses/rights/media/map.png""#), "{html}");
        assert!(!html.contains("evil.example") && !html.contains("other/media"), "{html}");
    }

    #[test]
    fn raw_html_and_scripts_are_removed() {
        let html =
            render("<script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>", "c");
        assert!(!html.contains("<script") && !html.contains("onerror") && !html.contains("javascript:"), "{html}");
    }
}
