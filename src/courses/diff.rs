//! A readable line diff between two revisions of a module's text.

use similar::{ChangeTag, TextDiff};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineChange {
    Same,
    Added,
    Removed,
}

/// The lines of `new` against `old`, each marked; long unchanged stretches are cut to a few lines of
/// context around each change (`None` marks a cut).
pub fn lines(old: &str, new: &str) -> Vec<Option<(LineChange, String)>> {
    let diff = TextDiff::from_lines(old, new);
    let mut out = Vec::new();
    for group in diff.grouped_ops(3) {
        if !out.is_empty() {
            out.push(None);
        }
        for op in group {
            for change in diff.iter_changes(&op) {
                let kind = match change.tag() {
                    ChangeTag::Equal => LineChange::Same,
                    ChangeTag::Insert => LineChange::Added,
                    ChangeTag::Delete => LineChange::Removed,
                };
                out.push(Some((kind, change.value().trim_end_matches('\n').to_owned())));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_lines_are_marked() {
        let d = lines("a\nb\nc\n", "a\nB\nc\n");
        assert!(d.contains(&Some((LineChange::Removed, "b".into()))));
        assert!(d.contains(&Some((LineChange::Added, "B".into()))));
    }
}
