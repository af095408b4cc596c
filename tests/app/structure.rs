//! The layering of DESIGN.md, checked on the source (an architecture fitness function). It reads every
//! file under src/, finds what each imports (`crate::x`, `use crate::{x, ...}`, `super::` chains) and
//! fails when:
//! - a lower layer (core, config, db, i18n, auth, web, mail) imports a domain, app or api;
//! - a domain imports a domain that comes after it in DESIGN.md's order, or app or api;
//! - the top-level modules import each other in a circle;
//! - a face (pages, api, their kin) imports another face;
//! - a domain's store module is public;
//! - a file is longer than 700 lines, or allows `too_many_arguments`.
//!
//! The checker is a plain function over (path, text) pairs, so that the tests below can show it failing
//! on imports that break each rule.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LOWER: [&str; 7] = ["core", "config", "db", "i18n", "auth", "web", "mail"];
const DOMAINS: [&str; 9] =
    ["accounts", "courses", "quizzes", "course_files", "progress", "certificates", "reminders", "scholarships", "home"];
/// The wiring: app.rs registers every domain, api.rs merges their API; nothing may import them, except
/// app importing api.
const WIRING: [&str; 2] = ["app", "api"];
const MAX_LINES: usize = 700;

/// A source file: its path below src/ and its text.
struct Source {
    path: String,
    text: String,
}

fn read_sources(root: &Path) -> Vec<Source> {
    let mut out = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(&dir).expect("read src").flatten().map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).expect("below src").to_string_lossy().replace('\\', "/");
                out.push(Source { path: rel, text: std::fs::read_to_string(&path).expect("read file") });
            }
        }
    }
    out
}

/// The module path of a file: `scholarships/admin_pages.rs` → [scholarships, admin_pages];
/// `courses/mod.rs` → [courses]; `lib.rs` → [].
fn module_path(path: &str) -> Vec<String> {
    let trimmed = path.trim_end_matches(".rs");
    let mut parts: Vec<String> = trimmed.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib" || p == "main") {
        parts.pop();
    }
    parts
}

/// The code of a file without comments (doc comments name paths that are not imports).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path the file names, as absolute module paths from the crate root (`crate::a::b`,
/// `super::x` resolved against the file's place, and the members of `use crate::{a, b::c}` groups).
fn referenced_paths(path: &str, text: &str) -> Vec<Vec<String>> {
    let code = code_of(text);
    let here = module_path(path);
    // Within a file, `super` names the parent of the file's module.
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != ':';
        let rest: String = bytes[i..bytes.len().min(i + 7)].iter().collect();
        if starts_word && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let mut j = i;
            let mut segments = Vec::new();
            // Read a::b::c, stopping at anything else; `{` opens a group.
            loop {
                let start = j;
                while j < bytes.len() && is_ident(bytes[j]) {
                    j += 1;
                }
                segments.push(bytes[start..j].iter().collect::<String>());
                if j + 1 < bytes.len() && bytes[j] == ':' && bytes[j + 1] == ':' {
                    j += 2;
                    if j < bytes.len() && bytes[j] == '{' {
                        let close = matching_brace(&bytes, j);
                        let inner: String = bytes[j + 1..close].iter().collect();
                        for member in group_members(&inner) {
                            let mut full = segments.clone();
                            full.extend(member);
                            out.push(resolve(&here, &full));
                        }
                        j = close;
                        break;
                    }
                    continue;
                }
                break;
            }
            if segments.len() > 1 || segments.first().is_some_and(|s| s != "crate" && s != "super") {
                out.push(resolve(&here, &segments));
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn matching_brace(chars: &[char], open: usize) -> usize {
    let mut depth = 0;
    for (k, c) in chars.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    chars.len().saturating_sub(1)
}

/// The members of a `use` group: `a, b::c, d::{e, f}` → [a], [b, c], [d, e], [d, f].
fn group_members(inner: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    let mut items = Vec::new();
    for c in inner.chars() {
        match c {
            '{' => {
                depth += 1;
                current.push(c);
            }
            '}' => {
                depth -= 1;
                current.push(c);
            }
            ',' if depth == 0 => items.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    items.push(current);
    for item in items {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        if let Some(at) = item.find("::{") {
            let head: Vec<String> = item[..at].split("::").map(|s| s.trim().to_owned()).collect();
            for member in group_members(&item[at + 3..item.len() - 1]) {
                let mut full = head.clone();
                full.extend(member);
                out.push(full);
            }
        } else {
            let name = item.split(" as ").next().unwrap_or(item);
            out.push(name.split("::").map(|s| s.trim().to_owned()).collect());
        }
    }
    out
}

/// An absolute module path from the crate root.
fn resolve(here: &[String], segments: &[String]) -> Vec<String> {
    let mut base: Vec<String> = here.to_vec();
    let mut rest = segments;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("super") => {
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        _ => {}
    }
    base.extend(rest.iter().filter(|s| *s != "self").cloned());
    base
}

fn top_of(path: &str) -> String {
    module_path(path).first().cloned().unwrap_or_default()
}

fn is_face_name(name: &str) -> bool {
    name == "pages" || name == "api" || name == "trainer" || name.ends_with("_pages")
}

/// A face: a domain's pages or API module, or the home page.
fn is_face(path: &str) -> bool {
    let parts = module_path(path);
    match parts.as_slice() {
        [top] => top == "home",
        [top, name, ..] => DOMAINS.contains(&top.as_str()) && is_face_name(name),
        _ => false,
    }
}

/// The face module a path names, if any: `[scholarships, pages, textarea]` → `scholarships/pages`.
fn face_named(path: &[String]) -> Option<String> {
    match path {
        [top, name, ..] if DOMAINS.contains(&top.as_str()) && is_face_name(name) => Some(format!("{top}/{name}")),
        [top, ..] if top == "home" => Some("home".into()),
        _ => None,
    }
}

fn rank(module: &str) -> Option<usize> {
    DOMAINS.iter().position(|d| *d == module)
}

/// Every broken rule, in words.
fn violations(sources: &[Source]) -> Vec<String> {
    let mut out = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let tops: BTreeSet<String> = sources.iter().map(|s| top_of(&s.path)).filter(|t| !t.is_empty()).collect();
    for source in sources {
        let from = top_of(&source.path);
        let lines = source.text.lines().count();
        if lines > MAX_LINES {
            out.push(format!("src/{} has {lines} lines (at most {MAX_LINES})", source.path));
        }
        if source.text.contains("too_many_arguments") {
            out.push(format!("src/{} allows too_many_arguments: group the parameters", source.path));
        }
        if source.path.ends_with("/mod.rs") && source.text.lines().any(|l| l.trim() == "pub mod store;") {
            out.push(format!("src/{} makes its store public: other domains call its functions", source.path));
        }
        if from.is_empty() {
            continue;
        }
        let own_face = is_face(&source.path).then(|| face_named(&module_path(&source.path))).flatten();
        for target in referenced_paths(&source.path, &source.text) {
            let Some(to) = target.first() else { continue };
            if !tops.contains(to) {
                continue;
            }
            if *to != from {
                graph.entry(from.clone()).or_default().insert(to.clone());
                let allowed = if LOWER.contains(&from.as_str()) {
                    LOWER.contains(&to.as_str())
                } else if let Some(mine) = rank(&from) {
                    LOWER.contains(&to.as_str()) || rank(to).is_some_and(|theirs| theirs < mine)
                } else {
                    // The wiring: app registers every domain and api; api merges the domains' API.
                    !WIRING.contains(&to.as_str()) || (from == "app" && to == "api")
                };
                if !allowed {
                    out.push(format!("src/{} ({from}) imports {} ({to})", source.path, target.join("::")));
                }
            }
            if let (Some(own), Some(other)) = (&own_face, face_named(&target))
                && *own != other
            {
                out.push(format!("src/{}: a face imports another face, {}", source.path, target.join("::")));
            }
        }
    }
    if let Some(cycle) = find_cycle(&graph) {
        out.push(format!("a circle between top-level modules: {}", cycle.join(" → ")));
    }
    out.sort();
    out.dedup();
    out
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, graph, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}

fn src() -> Vec<Source> {
    read_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

#[test]
fn the_source_keeps_the_layering_of_design_md() {
    let sources = src();
    assert!(sources.len() > 50, "read the source tree ({} files)", sources.len());
    let found = violations(&sources);
    assert!(found.is_empty(), "the layering is broken:\n{}", found.join("\n"));
}

/// The real tree with one file replaced or added: what a careless change would do.
fn with(path: &str, text: &str) -> Vec<String> {
    let mut sources: Vec<Source> = src().into_iter().filter(|s| s.path != path).collect();
    sources.push(Source { path: path.into(), text: text.into() });
    violations(&sources)
}

#[test]
fn a_lower_layer_importing_a_domain_is_caught() {
    let found = with("web/bad.rs", "use crate::accounts::model::User;\n");
    assert!(found.iter().any(|v| v.contains("web/bad.rs (web) imports accounts::model::User")), "{found:?}");
    let grouped = with("db/bad.rs", "use crate::{core::error::AppError, scholarships::Context};\n");
    assert!(grouped.iter().any(|v| v.contains("imports scholarships::Context")), "{grouped:?}");
}

#[test]
fn a_domain_importing_a_later_one_or_the_wiring_is_caught() {
    let found = with("courses/bad.rs", "fn f() { crate::quizzes::hooks::connect(g); }\n");
    assert!(found.iter().any(|v| v.contains("(courses) imports quizzes::hooks::connect")), "{found:?}");
    let found = with("quizzes/bad.rs", "use crate::app::Application;\n");
    assert!(found.iter().any(|v| v.contains("(quizzes) imports app::Application")), "{found:?}");
    let relative = with("accounts/bad.rs", "fn f() { super::super::reminders::run(); }\n");
    assert!(relative.iter().any(|v| v.contains("(accounts) imports reminders::run")), "{relative:?}");
    assert!(relative.iter().any(|v| v.contains("circle")), "accounts → reminders → accounts: {relative:?}");
}

#[test]
fn a_face_importing_another_face_is_caught() {
    let found = with("scholarships/review_pages.rs", "use super::admin_pages::application_panel;\n");
    assert!(found.iter().any(|v| v.contains("a face imports another face")), "{found:?}");
    let domain = with("scholarships/review_pages.rs", "use super::review::ReviewInput;\n");
    assert!(!domain.iter().any(|v| v.contains("review_pages.rs")), "a face may use its domain: {domain:?}");
    let folder = with("quizzes/pages/extra.rs", "use super::super::pages::routes;\n");
    assert!(!folder.iter().any(|v| v.contains("extra.rs")), "one face may span a folder: {folder:?}");
}

#[test]
fn a_public_store_a_long_file_and_long_parameter_lists_are_caught() {
    let found = with("courses/mod.rs", "pub mod store;\n");
    assert!(found.iter().any(|v| v.contains("makes its store public")), "{found:?}");
    let long = "fn f() {}\n".repeat(MAX_LINES + 1);
    assert!(with("quizzes/long.rs", &long).iter().any(|v| v.contains("lines (at most 700)")));
    let allow = "#[allow(clippy::too_many_arguments)]\nfn f() {}\n";
    assert!(with("quizzes/args.rs", allow).iter().any(|v| v.contains("too_many_arguments")));
}

#[test]
fn comments_are_not_imports() {
    let found = with("web/doc.rs", "//! See [`crate::accounts::extract::Viewer`].\n// crate::scholarships\n");
    assert!(!found.iter().any(|v| v.contains("web/doc.rs")), "{found:?}");
}
