"""Clean stage: remove site chrome by the rule table in `rules/chrome.tsv`, repair glued
paragraphs, and read article metadata (title, byline, dateline, wire agency, dates)
out of the text. Pure functions: `clean_document(ParsedDocument) -> CleanArticle`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from pipeline.records import CleanArticle, CleanVersion, ParsedDocument

RULES_PATH = Path(__file__).parent / "rules" / "chrome.tsv"


@dataclass(frozen=True)
class ChromeRule:
    kind: str  # line | inline | tail
    pattern: re.Pattern
    why: str


@lru_cache(maxsize=1)
def chrome_rules() -> tuple[ChromeRule, ...]:
    rules = []
    for raw in RULES_PATH.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, pattern, why = raw.split("\t", 2)
        rules.append(ChromeRule(kind, re.compile(pattern), why))
    return tuple(rules)


def remove_chrome(text: str) -> tuple[str, list[str]]:
    """Apply the rule table; return (text, removed pieces)."""
    removed: list[str] = []
    rules = chrome_rules()
    inline = [r for r in rules if r.kind == "inline"]
    lines_out: list[str] = []
    raw_lines = text.split("\n")
    for i, line in enumerate(raw_lines):
        stripped = line.strip()
        if any(r.kind == "tail" and r.pattern.fullmatch(stripped) for r in rules):
            removed.extend(l for l in raw_lines[i:] if l.strip())
            break
        if stripped and any(r.kind == "line" and r.pattern.fullmatch(stripped) for r in rules):
            removed.append(stripped)
            continue
        for r in inline:
            def _keep(m: re.Match) -> str:
                removed.append(m.group(0).strip())
                return ""
            line = r.pattern.sub(_keep, line)
        lines_out.append(line)
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


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([\w.]+)$", text[:pos])
    return m.group(1).lower() if m else ""


def repair_glued_sentences(text: str) -> str:
    """Insert a paragraph break where a sentence end is glued to the next sentence,
    leaving abbreviations ("Mr.", "Sept."), initials, decimals, URLs and times alone."""
    out, last = [], 0
    for m in _GLUED.finditer(text):
        word = _word_before(text, m.start())
        if word.rstrip(".") in ABBREVIATIONS or len(word.rstrip(".")) == 1:
            continue
        token_start = text.rfind(" ", 0, m.start()) + 1
        token = text[token_start : m.end() + 10]
        if "://" in token or "www." in token or "@" in token:
            continue
        out.append(text[last : m.end()])
        out.append("\n\n")
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def normalize_whitespace(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[ \t]+", " ", text)
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paras if p)


# ------------------------------------------------------------------ metadata

# "By Michael R. Gordon and Anne Barnard" possibly glued to an upper-case dateline.
_NAME = r"[A-Z][\w.’'\-]*?[a-z.]"
_BYLINE = re.compile(
    rf"^\s*By\s+(?P<names>{_NAME}(?:\s+{_NAME})*?(?:(?:,\s*|\s+and\s+){_NAME}(?:\s+{_NAME})*?)*?)"
    r"(?=(?:[A-Z]{2,}[A-Z .,’'\-]*\s*(?:\([^)]*\)\s*)?[—–]|\s*\n|\s*$))"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.’'\-]+(?:[ ,]+[A-Z][A-Za-z.’'\-]+){0,3})\s*(?:\((?P<agency>[A-Za-z .\-]+)\))?\s*[—–-]{1,2}\s+"
)
WIRE_AGENCIES = {
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "bloomberg": "Bloomberg",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "upi": "UPI",
}
_SIGNATURE = re.compile(
    r"(?:^|\s)[—–-]?\s*\(?(Reuters|AFP|Agence France-Presse|Associated Press|The Associated Press|AP|Xinhua|dpa|UPI)\)?\s*$"
)


def split_authors(byline: str) -> list[str]:
    return [a.strip() for a in re.split(r",\s*(?:and\s+)?|\s+and\s+", byline) if a.strip()]


def extract_byline(text: str) -> tuple[str | None, str]:
    m = _BYLINE.match(text)
    if not m:
        return None, text
    return m.group("names").strip(), text[m.end():].lstrip()


def extract_dateline(text: str) -> tuple[str | None, str | None]:
    """Return (place, agency) from a dateline "GENEVA —" / "MOSCOW (Reuters) -"."""
    m = _DATELINE.match(text)
    if not m:
        return None, None
    place = m.group("place").strip(" ,")
    if not re.search(r"[A-Z]{2}", place):
        return None, None
    agency = m.group("agency")
    return place.title(), WIRE_AGENCIES.get((agency or "").lower())


def find_wire_signature(text: str) -> tuple[str | None, str]:
    """A wire signature at the very end ("… in eastern Ukraine. Reuters") is removed
    from the text and returned as the agency."""
    m = _SIGNATURE.search(text)
    if not m:
        return None, text
    before = text[: m.start()].rstrip()
    if before and before[-1] not in ".!?”\"":
        return None, text
    return WIRE_AGENCIES[m.group(1).lower()], before


# Per-source rule for ambiguous numeric dates (both parts <= 12): month-first for US
# outlets, day-first everywhere else (most of the world, and wire copies on
# non-US sites). Unambiguous dates (a part > 12) are read the only way they can be.
MONTH_FIRST_SOURCES = {
    "nytimes", "washingtonpost", "usatoday", "politico", "huffingtonpost", "breitbart",
    "westernjournal", "wsj", "cnn", "foxnews", "nbcnews", "latimes", "apnews",
}

_PUBLISHED = re.compile(
    r"^(?:Published|Posted|Updated|Date)(?: on)?:?\s+(?P<date>.+?)\s*$", re.I | re.M
)


def parse_numeric_date(s: str, source: str | None) -> str | None:
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", s.strip())
    if not m:
        return None
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    month_first = (source or "").lower() in MONTH_FIRST_SOURCES
    if a > 12:
        d, mo = a, b
    elif b > 12:
        mo, d = a, b
    else:
        mo, d = (a, b) if month_first else (b, a)
    try:
        return datetime(y, mo, d).date().isoformat()
    except ValueError:
        return None


def parse_date_string(s: str, source: str | None = None) -> str | None:
    """A date as written in metadata or a 'Published on' line → ISO date."""
    if not s:
        return None
    s = str(s).strip()
    numeric = parse_numeric_date(s, source)
    if numeric:
        return numeric
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    import dateparser

    dt = dateparser.parse(s, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return dt.date().isoformat() if dt else None


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    m = re.search(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/", url)
    if m:
        try:
            return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3))).date().isoformat()
        except ValueError:
            return None
    return None


def source_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower()
    host = re.sub(r"^(www|m|mobile|edition|amp)\.", "", host)
    return host.split(".")[0] if host else None


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 25
        and len(line) <= 200
        and not re.search(r"[.!?:]\s*$", line)
        and line[0].isupper() or line[:1] in "“‘\"'"
    ) and not line.lower().startswith("by ")


def split_title_and_header(paragraphs: list[str]) -> tuple[str | None, list[str], list[str]]:
    """Find the headline among the leading paragraphs. A breadcrumb ("Home News X")
    ending with a later headline marks navigation: everything up to it is chrome."""
    removed: list[str] = []
    for i, p in enumerate(paragraphs[:8]):
        for j in range(i + 1, min(i + 3, len(paragraphs))):
            nxt = paragraphs[j]
            if p != nxt and p.endswith(nxt) and len(p) - len(nxt) < 60 and _looks_like_title(nxt):
                removed.extend(paragraphs[: i + 1])
                paragraphs = paragraphs[i + 1 :]
                break
        else:
            continue
        break
    title = None
    if paragraphs and _looks_like_title(paragraphs[0]) and len(paragraphs) > 1:
        title = paragraphs[0]
        paragraphs = paragraphs[1:]
    return title, paragraphs, removed


def clean_version_text(raw: str) -> tuple[str, list[str]]:
    text, removed = remove_chrome(raw)
    text = repair_glued_sentences(text)
    return normalize_whitespace(text), removed


def clean_document(doc: ParsedDocument) -> CleanArticle:
    """Turn a parsed document into an article with cleaned versions and metadata."""
    source = doc.source or source_from_url(doc.url)
    versions: list[CleanVersion] = []
    byline = dateline = agency = None
    published_at, published_from = None, None
    if doc.published_at:
        published_at, published_from = parse_date_string(doc.published_at, source), "metadata"
        if not published_at:
            published_from = None
    title = doc.title
    for n, raw in enumerate(doc.versions, start=1):
        text, removed = clean_version_text(raw.text)
        paragraphs = text.split("\n\n")
        v_title, paragraphs, more = split_title_and_header(paragraphs)
        removed += more
        # "Published on 05/09/2013" line
        if paragraphs:
            for k, p in enumerate(paragraphs[:3]):
                m = _PUBLISHED.match(p)
                if m:
                    if not published_at:
                        published_at = parse_date_string(m.group("date"), source)
                        published_from = "text" if published_at else None
                    removed.append(p)
                    paragraphs = paragraphs[:k] + paragraphs[k + 1 :]
                    break
        body = "\n\n".join(paragraphs)
        b, body = extract_byline(body)
        if b:
            byline = byline or b
            removed.append("By " + b)
        place, dl_agency = extract_dateline(body)
        if place:
            dateline = dateline or place
            agency = agency or dl_agency
        sig_agency, body = find_wire_signature(body)
        if sig_agency:
            agency = agency or sig_agency
            removed.append(sig_agency)
        v_title = raw.title or v_title
        title = title or v_title
        versions.append(
            CleanVersion(
                version_no=n,
                title=v_title,
                text=body,
                removed_text="\n".join(r for r in removed if r),
                relative_timing=raw.relative_timing,
            )
        )
    if not published_at:
        published_at = date_from_url(doc.url)
        published_from = "url" if published_at else None
    authors = doc.authors or (split_authors(byline) if byline else [])
    if not byline and doc.authors:
        byline = " and ".join(doc.authors)
    if not source and agency:
        source = agency.lower()
    return CleanArticle(
        source_file=doc.file.name,
        file_id=doc.file.file_id,
        record_no=doc.record_no,
        url=doc.url,
        source=source,
        title=title,
        byline=byline,
        authors=authors,
        dateline=dateline,
        wire_agency=agency,
        published_at=published_at,
        published_from=published_from,
        versions=versions,
        seen_at=datetime.fromtimestamp(doc.file.mtime, tz=timezone.utc).isoformat(timespec="seconds"),
    )
