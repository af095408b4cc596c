#!/usr/bin/env python3
"""Compare the numbers in each course text with its translations.

For every English module (NN-slug.en.md) and quiz (NN-slug.en.gift) under courses/, this reads the
Russian and Ukrainian files of the same name and compares, paragraph by paragraph, the numbers they
contain: every run of digits (years, article numbers, percentages, doses, document symbols). A
translation should carry the same facts, so the multiset of numbers in a paragraph should be the same in
every language. Paragraphs are split on blank lines; a module's TOML front matter is compared as a whole
(leaving out tables such as [quiz] that, by the file format, only the English file carries).

Each paragraph whose numbers differ is printed with the numbers found only on one side, then a summary.
Some differences are legitimate (a number written as a word in one language, a date format); the script
only points at them. It always exits with status 0.

Usage: python3 scripts/compare_course_numbers.py [COURSES_DIR] [--full]
  COURSES_DIR  defaults to the courses/ folder next to this script's folder
  --full       print whole paragraphs instead of the first 300 characters of each
"""

import difflib
import re
import sys
from collections import Counter
from pathlib import Path

LANGS = ("ru", "uk")
EXCERPT = 300

# Thousands separators: English writes 1,000; Russian and Ukrainian write 1000 or 50 000 with a
# no-break space (U+00A0) or narrow no-break space (U+202F). A comma is a thousands separator only in
# English: in Russian and Ukrainian it is the decimal comma (0,5), which, like the English 0.5, counts as
# two numbers on both sides.
NUMBER = {
    "en": re.compile(r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?!\d)|\d+"),
    "other": re.compile(r"\d{1,3}(?:[\u00a0\u202f]\d{3})+(?!\d)|\d+"),
}


def numbers(text, lang):
    pattern = NUMBER["en"] if lang == "en" else NUMBER["other"]
    found = []
    for match in pattern.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        found.append(digits.lstrip("0") or "0")
    return Counter(found)


def split_front_matter(text):
    """(front matter or None, body, line number where the body starts)."""
    if text.startswith("+++\n"):
        end = text.find("\n+++\n", 4)
        if end != -1:
            front = text[4:end]
            body_start = end + len("\n+++\n")
            return front, text[body_start:], text[:body_start].count("\n") + 1
    return None, text, 1


def front_matter_tables(front):
    """The front matter as {table name: text}; top-level keys sit under ''."""
    tables = {"": []}
    current = ""
    for line in front.split("\n"):
        header = re.match(r"\s*\[+\s*([^\]]+?)\s*\]+\s*$", line)
        if header:
            current = header.group(1)
            tables.setdefault(current, [])
        else:
            tables[current].append(line)
    return {name: "\n".join(lines) for name, lines in tables.items()}


def paragraphs(body, first_line):
    """[(line number, paragraph text)] split on blank lines."""
    result = []
    lines = body.split("\n")
    start = None
    chunk = []
    for offset, line in enumerate(lines):
        if line.strip():
            if start is None:
                start = first_line + offset
            chunk.append(line)
        elif chunk:
            result.append((start, "\n".join(chunk)))
            start, chunk = None, []
    if chunk:
        result.append((start, "\n".join(chunk)))
    return result


def shape(text):
    """A rough signature used to align paragraphs when the counts differ."""
    first = text.lstrip()[:1]
    kind = {"#": "heading", "-": "list", "|": "table", "/": "comment", ":": "title"}.get(first, "text")
    if re.match(r"\d+\.", text.lstrip()):
        kind = "numbered"
    return kind


def align(en_paras, tr_paras, en_numbers, tr_numbers):
    """Pairs of indexes (i, j); None where a paragraph has no counterpart.

    Paragraphs are first paired by position (or, when the counts differ, by a sequence alignment on
    their kind and numbers). Pairs whose numbers differ are then re-paired among themselves: first with
    a paragraph holding exactly the same numbers (this handles glossaries, whose entries each language
    sorts in its own alphabetical order), then with the paragraph sharing the most numbers.
    """
    if len(en_paras) == len(tr_paras):
        pairs = [(i, i) for i in range(len(en_paras))]
    else:
        key_en = [(shape(p), tuple(sorted(en_numbers[i].elements()))) for i, (_, p) in enumerate(en_paras)]
        key_tr = [(shape(p), tuple(sorted(tr_numbers[j].elements()))) for j, (_, p) in enumerate(tr_paras)]
        matcher = difflib.SequenceMatcher(a=key_en, b=key_tr, autojunk=False)
        pairs = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                pairs.extend(zip(range(i1, i2), range(j1, j2)))
            else:
                n = min(i2 - i1, j2 - j1)
                pairs.extend(zip(range(i1, i1 + n), range(j1, j1 + n)))
                pairs.extend((i, None) for i in range(i1 + n, i2))
                pairs.extend((None, j) for j in range(j1 + n, j2))

    good = [(i, j) for i, j in pairs if i is not None and j is not None and en_numbers[i] == tr_numbers[j]]
    loose_en = sorted(i for i, j in pairs if i is not None and (i, j) not in good)
    loose_tr = sorted(j for i, j in pairs if j is not None and (i, j) not in good)

    def nearest(i, candidates):
        # the candidate at the most similar relative position
        where = i / max(len(en_paras), 1)
        return min(candidates, key=lambda j: abs(j / max(len(tr_paras), 1) - where))

    for i in list(loose_en):
        same = [j for j in loose_tr if tr_numbers[j] == en_numbers[i]]
        if same:
            j = nearest(i, same)
            good.append((i, j))
            loose_en.remove(i)
            loose_tr.remove(j)

    result = list(good)
    for i in list(loose_en):
        if not en_numbers[i]:
            continue
        overlap = [(sum((en_numbers[i] & tr_numbers[j]).values()), j) for j in loose_tr if tr_numbers[j]]
        overlap = [(o, j) for o, j in overlap if o > 0]
        if overlap:
            best = max(o for o, _ in overlap)
            j = nearest(i, [j for o, j in overlap if o == best])
            result.append((i, j))
            loose_en.remove(i)
            loose_tr.remove(j)
    # What is left holds no numbers, or numbers found nowhere on the other side: pair it in order.
    leftover_tr = list(loose_tr)
    for i in loose_en:
        if leftover_tr:
            result.append((i, leftover_tr.pop(0)))
        else:
            result.append((i, None))
    result.extend((None, j) for j in leftover_tr)
    return sorted(result, key=lambda p: (p[0] if p[0] is not None else float("inf"), p[1] or 0))


def excerpt(text, full):
    text = text.strip()
    if full or len(text) <= EXCERPT:
        return text
    return text[:EXCERPT].rstrip() + " …"


def show(counter):
    return ", ".join(f"{n}×{c}" if c > 1 else n for n, c in sorted(counter.items(), key=lambda x: (len(x[0]), x[0])))


class Report:
    def __init__(self, full):
        self.full = full
        self.pairs = 0
        self.compared = 0
        self.differing = Counter()
        self.unpaired = Counter()
        self.missing = []
        self.errors = []

    def difference(self, en_path, tr_path, label, en_text, tr_text, en_nums, tr_nums):
        only_en = en_nums - tr_nums
        only_tr = tr_nums - en_nums
        lang = tr_path.name.split(".")[-2]
        self.differing[lang] += 1
        print(f"--- {en_path} {label[0]}  <->  {tr_path} {label[1]}")
        if only_en:
            print(f"    only in en: {show(only_en)}")
        if only_tr:
            print(f"    only in {lang}: {show(only_tr)}")
        print("    en: " + excerpt(en_text, self.full).replace("\n", "\n        "))
        print(f"    {lang}: " + excerpt(tr_text, self.full).replace("\n", "\n        "))
        print()

    def no_counterpart(self, path, line, text, lang_side, nums):
        self.unpaired[lang_side] += 1
        print(f"--- {path} line {line}: paragraph with numbers and no counterpart in the other language")
        print(f"    numbers: {show(nums)}")
        print("    " + excerpt(text, self.full).replace("\n", "\n    "))
        print()


def display(path, base):
    try:
        return path.relative_to(base)
    except ValueError:
        return path


def compare_pair(en_file, tr_file, report, base):
    lang = tr_file.name.split(".")[-2]
    en_text = en_file.read_text(encoding="utf-8")
    tr_text = tr_file.read_text(encoding="utf-8")
    en_path, tr_path = display(en_file, base), display(tr_file, base)
    report.pairs += 1

    en_front, en_body, en_first = split_front_matter(en_text)
    tr_front, tr_body, tr_first = split_front_matter(tr_text)
    if en_front is not None or tr_front is not None:
        en_tables = front_matter_tables(en_front or "")
        tr_tables = front_matter_tables(tr_front or "")
        shared = [name for name in en_tables if name in tr_tables]
        en_fm = "\n".join(en_tables[name] for name in shared)
        tr_fm = "\n".join(tr_tables[name] for name in shared)
        en_nums, tr_nums = numbers(en_fm, "en"), numbers(tr_fm, lang)
        report.compared += 1
        if en_nums != tr_nums:
            report.difference(en_path, tr_path, ("front matter", "front matter"), en_fm, tr_fm, en_nums, tr_nums)

    en_paras = paragraphs(en_body, en_first)
    tr_paras = paragraphs(tr_body, tr_first)
    en_counts = [numbers(p, "en") for _, p in en_paras]
    tr_counts = [numbers(p, lang) for _, p in tr_paras]
    if len(en_paras) != len(tr_paras):
        print(f"=== {en_path}: {len(en_paras)} paragraphs, {tr_path}: {len(tr_paras)}; aligning by content")
        print()
    for i, j in align(en_paras, tr_paras, en_counts, tr_counts):
        if j is None:
            if en_counts[i]:
                report.no_counterpart(en_path, en_paras[i][0], en_paras[i][1], "en", en_counts[i])
            continue
        if i is None:
            if tr_counts[j]:
                report.no_counterpart(tr_path, tr_paras[j][0], tr_paras[j][1], lang, tr_counts[j])
            continue
        report.compared += 1
        if en_counts[i] != tr_counts[j]:
            report.difference(
                en_path,
                tr_path,
                (f"line {en_paras[i][0]}", f"line {tr_paras[j][0]}"),
                en_paras[i][1],
                tr_paras[j][1],
                en_counts[i],
                tr_counts[j],
            )


def main(argv):
    full = "--full" in argv
    args = [a for a in argv if a != "--full"]
    root = Path(args[0]).resolve() if args else Path(__file__).resolve().parent.parent / "courses"
    report = Report(full)
    if not root.is_dir():
        print(f"no courses folder at {root}")
    else:
        english = sorted(list(root.glob("*/*.en.md")) + list(root.glob("*/*.en.gift")))
        for en_path in english:
            stem = en_path.name[: -len(".en" + en_path.suffix)]
            for lang in LANGS:
                tr_path = en_path.with_name(f"{stem}.{lang}{en_path.suffix}")
                if not tr_path.exists():
                    report.missing.append(tr_path)
                    continue
                try:
                    compare_pair(en_path, tr_path, report, root.parent)
                except (OSError, UnicodeDecodeError) as error:
                    report.errors.append(f"{tr_path}: {error}")

    print("=== Summary")
    print(f"file pairs compared: {report.pairs}")
    print(f"paragraphs compared (front matter counts as one): {report.compared}")
    for lang in LANGS:
        print(f"paragraphs whose numbers differ, en vs {lang}: {report.differing[lang]}")
    print(f"paragraphs with numbers but no counterpart: {sum(report.unpaired.values())}")
    print(f"translations missing: {len(report.missing)}")
    for path in report.missing:
        print(f"  {path}")
    for error in report.errors:
        print(f"error: {error}")


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Exception as error:  # the script reports; it never fails a build
        print(f"error: {error}")
    sys.exit(0)
