"""The text half of the clean stage: site chrome removed by the rule table in
`rules/chrome.tsv` (what is removed is kept, for `versions.removed_text`), sentences glued
across a lost paragraph break split again, white space normalized. Apart from
pipeline.clean, which reads the article's metadata (title, byline, dateline, wire agency,
dates) out of the cleaned text and assembles the article: two concerns, each of a size to
read at once. Pure functions of the text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_PATH = Path(__file__).parent / "rules" / "chrome.tsv"


@dataclass(frozen=True)
class ChromeRule:
    kind: str  # line | inline | tail | block
    pattern: re.Pattern
    why: str
    end: re.Pattern | None = None  # block: the line that closes it


@lru_cache(maxsize=1)
def chrome_rules() -> tuple[ChromeRule, ...]:
    rules = []
    for raw in RULES_PATH.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, rest = raw.split("\t", 1)
        if kind == "block":
            start, end, why = rest.split("\t", 2)
            rules.append(ChromeRule(kind, re.compile(start), why, re.compile(end)))
        else:
            pattern, why = rest.split("\t", 1)
            rules.append(ChromeRule(kind, re.compile(pattern), why))
    return tuple(rules)


def remove_chrome(text: str) -> tuple[str, list[str]]:
    """Apply the rule table; return (text, removed pieces). Inline chrome is replaced by a
    line break (it sits between two blocks), so no two words are ever joined."""
    removed: list[str] = []
    rules = chrome_rules()
    inline = [r for r in rules if r.kind == "inline"]
    blocks = [r for r in rules if r.kind == "block"]
    lines_out: list[str] = []
    raw_lines = text.split("\n")
    i = 0
    while i < len(raw_lines):
        line = raw_lines[i]
        stripped = line.strip()
        if any(r.kind == "tail" and r.pattern.fullmatch(stripped) for r in rules):
            removed.extend(l.strip() for l in raw_lines[i:] if l.strip())
            break
        block = next((r for r in blocks if r.pattern.fullmatch(stripped)), None)
        if block:
            close = next((k for k in range(i + 1, min(i + 40, len(raw_lines)))
                          if block.end.fullmatch(raw_lines[k].strip())), None)
            if close is not None:
                removed.extend(l.strip() for l in raw_lines[i : close + 1] if l.strip())
                i = close + 1
                continue
        if stripped and any(r.kind == "line" and r.pattern.fullmatch(stripped) for r in rules):
            removed.append(stripped)
            i += 1
            continue
        for r in inline:
            def _keep(m: re.Match) -> str:
                removed.append(m.group(0).strip())
                return "\n"
            line = r.pattern.sub(_keep, line)
        lines_out.append(line)
        i += 1
    return "\n".join(lines_out), removed


# ------------------------------------------------------------------ paragraph repair

# Words that end with a period but do not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "st", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g",
    "i.e", "a.m", "p.m", "ft", "mt", "rev", "hon", "pres", "adm", "maj", "cmdr", "supt",
}

# A sentence end glued to the next sentence: "said.Russia", "effect.”Mr.", "here.“I".
_GLUED = re.compile(r"(?<=[a-z0-9%\)])([.!?][”\"’]?)(?=[“\"]?[A-Z][a-z’'])")
# Top-level domains written capitalised in names: "One.Tel", "Halo.Bungie.Org".
_TLDS = {"com", "org", "net", "tel", "info", "biz", "edu", "gov", "io", "tv", "uk"}


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([\w.]+)$", text[:pos])
    return m.group(1).lower() if m else ""


def _is_sentence_joint(text: str, m: re.Match) -> bool:
    """The rule of `repair_glued_sentences`: a [.!?] (and closing quote) between a
    lower-case letter/digit/")"/"%" and a capitalised word is a glued sentence end, unless
    the word before is an abbreviation ("Mr.", "Sept.", "U.S.") or one letter (an
    initial), the token is a URL, e-mail or domain ("www.", "://", "@", "Halo.Bungie.Org",
    "One.Tel"). Decimals ("3.5") and times ("10.30", "5 p.m.") never match: the next
    character must be a capital followed by a lower-case letter."""
    word = _word_before(text, m.start()).rstrip(".")
    if word in ABBREVIATIONS or len(word) == 1 or "." in word and len(word.split(".")[-1]) <= 1:
        return False
    token_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    nxt = re.match(r"[“\"]?([A-Za-z]+)(\.[A-Za-z])?", text[m.end():])
    token = text[token_start : m.end() + 12]
    if "://" in token or "www." in token or "@" in token:
        return False
    if nxt and not m.group(1).startswith(("!", "?")) and len(m.group(1)) == 1:
        if nxt.group(1).lower() in _TLDS or nxt.group(2):  # "One.Tel", "Halo.Bungie.Org"
            return False
    return True


def _joint_offset(text: str, m: re.Match) -> int:
    """Where the break goes: after the sentence end and its closing mark — but a straight
    double mark after the period closes nothing when the paragraph before holds an even
    number of them ('the authorities."We basically got deceived…"'): it opens the next
    sentence's quotation and goes with it."""
    if m.group(1).endswith('"'):
        paragraph_start = text.rfind("\n", 0, m.start()) + 1
        if text.count('"', paragraph_start, m.start()) % 2 == 0:
            return m.end() - 1
    return m.end()


def glued_joints(text: str) -> list[int]:
    """Offsets just after each glued sentence end in `text` (where a break belongs)."""
    return [_joint_offset(text, m) for m in _GLUED.finditer(text) if _is_sentence_joint(text, m)]


def _inside_quotation(text: str, pos: int) -> bool:
    """A quotation opened earlier in the paragraph is still open at `pos`."""
    start = text.rfind("\n", 0, pos) + 1
    return text.count("“", start, pos) > text.count("”", start, pos) or text.count('"', start, pos) % 2 == 1


def repair_glued_sentences(text: str) -> str:
    """Insert a paragraph break where a sentence end is glued to the next sentence,
    leaving abbreviations ("Mr.", "Sept."), initials, decimals, URLs, domains and times
    alone (the rule is `_is_sentence_joint`). Inside a quotation the joint gets a space:
    a paragraph break there would cut the quotation in two ('“… moderate Republicans.The
    only one that can unite the party …”')."""
    out, last = [], 0
    for end in glued_joints(text):
        out.append(text[last:end])
        out.append(" " if _inside_quotation(text, end) else "\n\n")
        last = end
    out.append(text[last:])
    return "".join(out)


def normalize_whitespace(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[ \t]+", " ", text)
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paras if p)


def clean_version_text(raw: str) -> tuple[str, list[str]]:
    text, removed = remove_chrome(raw)
    text = repair_glued_sentences(text)
    return normalize_whitespace(text), removed
