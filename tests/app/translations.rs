//! Every message the code asks for by name exists in English, Russian and Ukrainian, and each language's
//! text uses the same variables: a message missing in one language shows its id to the reader, and a
//! variable one translation forgets leaves a blank (a date, a count) where a fact should be.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, ext: &str, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, ext, found);
        } else if path.extension().is_some_and(|e| e == ext) {
            found.push(path);
        }
    }
}

/// The message ids named as literals in calls that look a message up: `t(l, "id")`, `t_with(l, "id", …)`,
/// `Msg::new("id")`, `error_msg("code")` (the message `error-code`). Ids built at run time (`format!`) are not seen here.
fn ids_used_in_code() -> BTreeSet<(String, String)> {
    let mut files = Vec::new();
    files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), "rs", &mut files);
    let mut ids = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for call in ["t(", "t_with(", "Msg::new(", "error_msg("] {
            let mut from = 0;
            while let Some(at) = text[from..].find(call).map(|i| i + from) {
                from = at + call.len();
                let before = text[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' || (call == "t(" && before == ':') {
                    continue;
                }
                // The id is the call's first string literal, before its first closing parenthesis.
                let rest = &text[from..text.len().min(from + 120)];
                let Some(open) = rest.find('"') else { continue };
                if rest[..open].contains(')') || rest[..open].contains('"') {
                    continue;
                }
                let Some(len) = rest[open + 1..].find('"') else { continue };
                let id = &rest[open + 1..open + 1 + len];
                let is_id = id.contains('-')
                    && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && id.starts_with(|c: char| c.is_ascii_lowercase());
                if is_id {
                    // `error_msg("code")` names the message `error-code`.
                    let id = if call == "error_msg(" { format!("error-{id}") } else { id.to_owned() };
                    let name = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&file).display().to_string();
                    ids.insert((id, name));
                }
            }
        }
    }
    ids
}

/// Each message of a language: its id and the variables its text uses (`{ $name }`, selectors too).
fn messages(locale: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/locales").join(locale), "ftl", &mut files);
    let mut found = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let mut current: Option<String> = None;
        for line in text.lines() {
            let starts_message = line.starts_with(|c: char| c.is_ascii_lowercase()) && line.contains(" =");
            if starts_message {
                let id = line.split(" =").next().unwrap_or_default().trim().to_owned();
                found.insert(id.clone(), BTreeSet::new());
                current = Some(id);
            } else if !line.starts_with(' ') {
                current = None;
                continue;
            }
            let Some(id) = &current else { continue };
            let mut rest = line;
            while let Some(at) = rest.find('$') {
                let name: String = rest[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if let Some(vars) = found.get_mut(id) {
                    vars.insert(name.clone());
                }
                rest = &rest[at + 1 + name.len()..];
            }
        }
    }
    found
}

#[test]
fn every_message_the_code_names_exists_in_each_language_with_the_same_variables() {
    let used = ids_used_in_code();
    assert!(used.len() > 300, "the scan finds the code's messages ({} found)", used.len());
    let en = messages("en");
    let missing: Vec<_> = used.iter().filter(|(id, _)| !en.contains_key(id)).collect();
    assert!(missing.is_empty(), "named in the code, missing in en: {missing:#?}");
    for locale in ["ru", "uk"] {
        let other = messages(locale);
        let mut problems = Vec::new();
        for (id, vars) in &en {
            match other.get(id) {
                None => problems.push(format!("{id}: missing")),
                Some(theirs) if theirs != vars => problems.push(format!("{id}: en uses {vars:?}, {locale} {theirs:?}")),
                Some(_) => {}
            }
        }
        assert!(problems.is_empty(), "{locale}:\n{}", problems.join("\n"));
    }
}
