"""Clean stage: `clean_document(ParsedDocument) -> CleanArticle`. The text of each
version is cleaned by pipeline.clean_text (site chrome by the rule table in
`rules/chrome.tsv`, glued paragraphs repaired); this module reads the article metadata
(title, byline, dateline, wire agency, dates, source) out of the text and assembles the
article. Pure functions."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import urlparse

import dateparser

from pipeline.clean_text import ABBREVIATIONS, clean_version_text, glued_joints
from pipeline.records import CleanArticle, CleanVersion, ParsedDocument


# ------------------------------------------------------------------ metadata

# "By Michael R. Gordon and Anne Barnard" possibly glued to an upper-case dateline.
_NAME = r"[A-Z][\w.’'\-]*?[A-Za-z.]"  # also "By MARK LANDLER and NOAH WEILAND" (NYT archive)
_BYLINE = re.compile(
    rf"^\s*By\s+(?P<names>{_NAME}(?:\s+{_NAME})*?(?:(?:,\s*|\s+and\s+){_NAME}(?:\s+{_NAME})*?)*?)"
    r"(?=(?:[A-Z]{2,}[A-Z .,’'\-]*\s*(?:\([^)]*\)\s*)?[—–]|\s*\n|\s*$))"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# "GENEVA —", "MANCHESTER, N.H. -", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", "New York (AFP) –",
# "LONDON, Dec 15 (Reuters) -". A mixed-case place needs the agency in brackets.
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Za-z.’'\-]+(?:[ ,]+[A-Z][A-Za-z.’'\-]+){0,3}?)"
    rf"(?:,?\s+(?P<date>{_MONTH}\s+\d{{1,2}}))?|(?P<date_only>{_MONTH}\s+\d{{1,2}}))"
    r"\s*(?:\((?P<agency>[A-Za-z .\-]+)\))?\s*[—–-]{1,2}\s+"
)
# Upper-case kickers that precede a dash like a dateline but name no place.
NOT_PLACES = {
    "EXCLUSIVE", "BREAKING", "UPDATE", "UPDATED", "WATCH", "ANALYSIS", "OPINION", "EDITORIAL",
    "COMMENTARY", "REVIEW", "LIVE", "VIDEO", "PHOTOS", "CORRECTION", "EDITOR'S", "EDITOR’S",
    "FACT", "SPOILER", "WARNING", "REPORT", "POLL",
}
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
    """"A, B and C" → [A, B, C]; names written in capitals are title-cased."""
    names = [a.strip() for a in re.split(r",\s*(?:and\s+)?|\s+and\s+", byline) if a.strip()]
    return [n.title() if n.isupper() else n for n in names]


def extract_byline(text: str) -> tuple[str | None, str]:
    m = _BYLINE.match(text)
    if not m:
        return None, text
    return m.group("names").strip(), text[m.end():].lstrip()


def extract_dateline(text: str) -> tuple[str | None, str | None]:
    """Return (place, agency) from a dateline at the start of the body: "GENEVA —",
    "MOSCOW (Reuters) -", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", "New York (AFP) –".
    The dateline stays in the text (it is the first words of the lede)."""
    m = _DATELINE.match(text)
    if not m:
        return None, None
    agency = WIRE_AGENCIES.get((m.group("agency") or "").strip().lower())
    if m.group("date_only"):  # "Aug 27 (Reuters) - …": no place, only the agency
        return None, agency
    place = m.group("place").strip(" ,")
    first = place.split()[0].strip(",")
    if place.upper() in NOT_PLACES or first.upper() in NOT_PLACES and len(place.split()) == 1:
        return None, None
    if not agency and not re.fullmatch(r"[A-Z][A-Z.’'\-]+", first):
        return None, None  # "Secretary of State - ..." is no dateline
    if agency is None and m.group("agency"):
        return None, None  # "(something) —" that is not a wire agency
    return place.title(), agency


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


# Reuters closes its copy with "(Reporting by X; Editing by Y)": the chrome table removes
# that line (into removed_text) and its form names the agency.
_REUTERS_CREDIT = re.compile(r"^\(?(?:Additional )?[Rr]eporting by .*;.*\b[Ee]diting by .*\)?\.?$")


def credit_line_agency(removed: list[str]) -> str | None:
    return "Reuters" if any(_REUTERS_CREDIT.match(r) for r in removed) else None


def wire_signature(text: str) -> tuple[str | None, str, str]:
    """(agency, text without the signature, the signature as written)."""
    agency, before = find_wire_signature(text)
    return agency, before, (text[len(before):].strip() if agency else "")


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


def _looks_like_title(line: str, following: str | None = None) -> bool:
    """A headline: 2-25 words, starts with a capital, digit or quote, no byline, no
    dateline, no colon at the end. A final period is allowed (PolNeAR adds one to every
    headline) only for one sentence of at most 20 words followed by a longer paragraph."""
    words = line.split()
    if not (2 <= len(words) <= 25 and len(line) <= 200):
        return False
    if line.lower().startswith("by ") or not (line[0].isupper() or line[0].isdigit() or line[0] in "“‘\"'"):
        return False
    if line.rstrip().endswith(":") or _DATELINE.match(line) and extract_dateline(line)[0]:
        return False
    if re.search(r"\.[”’\"']?$", line):
        one_sentence = not glued_joints(line) and not re.search(r"[a-z0-9][.!?][”’\"']?\s+[A-Z“‘\"]", line[:-2])
        return len(words) <= 20 and one_sentence and following is not None and len(following) > len(line)
    return True


def tidy_title(title: str | None) -> str | None:
    """Drop the period a corpus put at the end of a headline ("… by police." → "… by
    police"), unless it belongs to an abbreviation ("… in the U.S.")."""
    if not title:
        return title
    title = title.strip()
    m = re.search(r"(\S+)\.([”’\"']?)$", title)
    if m and m.group(1).rstrip("”’\"'").lower() not in ABBREVIATIONS and "." not in m.group(1) \
            and len(m.group(1)) > 1:
        title = title[: m.start()] + m.group(1) + m.group(2)
    return title


def _same_text(a: str, b: str) -> bool:
    norm = lambda t: re.sub(r"\W+", " ", t).strip().lower()
    return norm(a) == norm(b)


def split_title_and_header(paragraphs: list[str], known_title: str | None = None
                           ) -> tuple[str | None, list[str], list[str]]:
    """Find the headline among the leading paragraphs. A breadcrumb ("Home News X")
    ending with a later headline marks navigation: everything up to it is chrome.
    With a `known_title` (HTML, JSON, sidecar, NewsSniffer) a leading paragraph is taken
    out only when it repeats that title; otherwise it stays in the body."""
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
    if (not known_title and len(paragraphs) > 2 and paragraphs[0].endswith(";")
            and len(paragraphs[0].split()) <= 15 and len(paragraphs[1].split()) <= 30):
        # "Head;" and its deck over two lines (USA Today, NYT in ProQuest)
        return paragraphs[0] + " " + paragraphs[1], paragraphs[2:], removed
    if known_title:
        if paragraphs and len(paragraphs) > 1 and _same_text(paragraphs[0], known_title):
            title = paragraphs[0]
            paragraphs = paragraphs[1:]
    elif len(paragraphs) > 1 and _looks_like_title(paragraphs[0], paragraphs[1]):
        title = paragraphs[0]
        paragraphs = paragraphs[1:]
    return title, paragraphs, removed


def _take_published_line(paragraphs: list[str]) -> tuple[list[str], re.Match | None]:
    """A "Published on 05/09/2013" line among the first three paragraphs: the paragraphs
    without it, and its match (the date for an article whose metadata has none)."""
    for index, paragraph in enumerate(paragraphs[:3]):
        found = _PUBLISHED.match(paragraph)
        if found:
            return paragraphs[:index] + paragraphs[index + 1 :], found
    return paragraphs, None


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
    title = tidy_title(doc.title)
    header = doc.metadata.get("removed_header") if doc.metadata else None
    for n, raw in enumerate(doc.versions, start=1):
        text, removed = clean_version_text(raw.text)
        if header:  # a page header the parser took off (NewsSniffer), kept for audit
            removed.insert(0, header)
        paragraphs = text.split("\n\n")
        v_title, paragraphs, more = split_title_and_header(paragraphs, raw.title or doc.title)
        removed += more
        paragraphs, published_line = _take_published_line(paragraphs)
        if published_line:
            if not published_at:
                published_at = parse_date_string(published_line.group("date"), source)
                published_from = "text" if published_at else None
            removed.append(published_line.string)
        body = "\n\n".join(paragraphs)
        b, body = extract_byline(body)
        if b:
            byline = byline or b
            removed.append("By " + b)
        place, dl_agency = extract_dateline(body)
        dateline = dateline or place
        agency = agency or dl_agency or credit_line_agency(removed)
        sig_agency, body, signature = wire_signature(body)
        if sig_agency:
            agency = agency or sig_agency
            removed.append(signature)
        v_title = tidy_title(raw.title or v_title)
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
