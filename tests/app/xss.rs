//! A corpus of script-injection and resource-loading payloads, and the check that rendered module HTML
//! carries none of them as live markup (showing a payload as text is fine).

pub const PAYLOADS: [&str; 36] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](javascript&#58;alert(1))",
    "![x](https://evil.example/track.png)",
    "![x](//evil.example/track.png)",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<form action=\"https://evil.example\"><input name=a></form>",
    "<object data=\"https://evil.example/x.swf\"></object>",
    "<embed src=\"https://evil.example/x\">",
    "<link rel=stylesheet href=\"https://evil.example/x.css\">",
    "<style>@import url(https://evil.example/x.css)</style>",
    "<div style=\"background:url(https://evil.example/x)\">x</div>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    "<video src=\"https://evil.example/v.mp4\"></video>",
    "<audio src=https://evil.example/a.mp3>",
    "<img srcset=\"https://evil.example/a.png 1x\">",
    "<picture><source srcset=\"https://evil.example/a.png\"></picture>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<base href=\"https://evil.example/\">",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x](data:text/html,<script>alert(1)</script>)",
    "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<input autofocus onfocus=alert(1)>",
    "<button formaction=\"javascript:alert(1)\">x</button>",
    "<img src=\"https://evil.example/x.png\">",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "[x]( javascript:alert(1) )",
    "<table background=\"https://evil.example/x.png\"><tr><td>x</td></tr></table>",
];

const FORBIDDEN_TAGS: [&str; 18] = [
    "script", "iframe", "form", "object", "embed", "link", "style", "meta", "base", "svg", "math", "video", "audio",
    "source", "picture", "input", "button", "noscript",
];

/// Fails unless `html` has no dangerous element, no `on*` or `style` attribute, no `javascript:` (or other
/// script) URL, and no `src`/`srcset`/`action`/`background` pointing anywhere but Pravo itself.
pub fn assert_safe(html: &str, payload: &str) {
    let doc = scraper::Html::parse_fragment(html);
    for node in doc.tree.nodes() {
        let Some(element) = node.value().as_element() else { continue };
        let name = element.name();
        assert!(!FORBIDDEN_TAGS.contains(&name), "<{name}> survived {payload:?}: {html}");
        for (attr, value) in element.attrs() {
            let attr = attr.to_ascii_lowercase();
            let value_lc = value.trim().to_ascii_lowercase();
            assert!(!attr.starts_with("on"), "{attr} survived {payload:?}: {html}");
            assert!(attr != "style" && attr != "formaction" && attr != "srcdoc", "{attr} survived {payload:?}: {html}");
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!value_lc.starts_with(scheme), "{scheme} URL survived {payload:?}: {html}");
            }
            if matches!(attr.as_str(), "src" | "srcset" | "action" | "background" | "poster" | "data") {
                assert!(
                    value_lc.starts_with('/') && !value_lc.starts_with("//"),
                    "{attr}={value} loads from elsewhere ({payload:?})"
                );
            }
        }
    }
}
