"""Ingest stage: find the files in the inbox, hash them, detect their format and parse
them into `ParsedDocument`s. Anything that cannot be read raises `ParseError` with a
reason the load stage records in the quarantine (nothing is silently dropped)."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from pathlib import Path

from pipeline.records import InboxFile, ParsedDocument, RawVersion

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".html.gz", ".htm.gz"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
IGNORED_NAMES = {".DS_Store", "Thumbs.db"}

NEWSSNIFFER_MARKERS = (
    re.compile(r"^This article is from the source '[^']*'", re.M),
    re.compile(r"^Version \d+ Version \d+\s*$", re.M),
)


class ParseError(ValueError):
    """An input file that cannot be turned into an article; the message is the reason."""


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for double in (".html.gz", ".htm.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def read_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when its name ends in .gz."""
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        data = gzip.decompress(data)
    return data


def read_text(path: Path) -> str:
    """Decode a file as UTF-8 (BOM tolerated), falling back to Windows-1252 for legacy
    files; raises ParseError for binary content."""
    data = read_bytes(path)
    if b"\x00" in data[:4096]:
        raise ParseError("binary content (NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def is_sidecar(path: Path) -> bool:
    """A `<stem>.json` beside a `<stem>.txt`/`.html` carries metadata for that file."""
    if _suffix(path) != ".json":
        return False
    return any(path.with_suffix(s).exists() for s in (".txt", ".html", ".htm"))


def detect_format(path: Path) -> str:
    suffix = _suffix(path)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "sidecar" if is_sidecar(path) else "json"
    if suffix in TEXT_SUFFIXES:
        try:
            head = read_text(path)[:5000]
        except ParseError:
            return "unknown"
        if all(m.search(head) for m in NEWSSNIFFER_MARKERS):
            return "newssniffer"
        if re.match(r"\s*<(!doctype html|html)", head, re.I):
            return "html"
        return "text"
    return "unknown"


def scan_inbox(inbox: str | os.PathLike, only: list[str] | None = None) -> list[InboxFile]:
    """Every regular file under `inbox` (recursively, sorted), hashed. `only` restricts
    the scan to those inbox-relative names (the sensor's batch)."""
    root = Path(inbox).resolve()
    if not root.is_dir():
        raise FileNotFoundError(f"inbox {root} is not a directory")
    wanted = set(only) if only else None
    found: list[InboxFile] = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name in IGNORED_NAMES or path.name.startswith("."):
            continue
        name = path.relative_to(root).as_posix()
        if wanted is not None and name not in wanted:
            continue
        st = path.stat()
        found.append(
            InboxFile(
                path=str(path),
                name=name,
                size=st.st_size,
                sha256=sha256_file(path),
                mtime=st.st_mtime,
                format=detect_format(path),
            )
        )
    return found


# ----------------------------------------------------------------------------- parsers


def _load_sidecar(path: Path) -> dict:
    for suffix in (".json",):
        side = path.with_suffix(suffix)
        if side.exists() and side != path:
            try:
                data = json.loads(read_text(side))
            except json.JSONDecodeError as exc:
                raise ParseError(f"sidecar {side.name} is not valid JSON: {exc}") from exc
            if not isinstance(data, dict):
                raise ParseError(f"sidecar {side.name} is not a JSON object")
            return data
    return {}


def _first(record: dict, *keys: str):
    for k in keys:
        v = record.get(k)
        if v not in (None, "", []):
            return v
    return None


def _authors(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [a.strip() for a in re.split(r",|\band\b|;", value) if a.strip()]
    return [str(a).strip() for a in value if str(a).strip()]


def document_from_record(f: InboxFile, record: dict, record_no: int = 0) -> ParsedDocument:
    """A JSON record in news-please field names (maintext, date_publish, source_domain,
    authors) or the plain `{url, title, text, published_at, source}` shape."""
    if not isinstance(record, dict):
        raise ParseError(f"record {record_no} is not a JSON object")
    text = _first(record, "text", "maintext", "body", "content", "articleBody")
    if not text or not str(text).strip():
        raise ParseError(f"record {record_no} has no text (expected 'text' or 'maintext')")
    title = _first(record, "title")
    return ParsedDocument(
        file=f,
        record_no=record_no,
        versions=[RawVersion(text=str(text), title=title)],
        url=_first(record, "url", "canonical_url"),
        source=_first(record, "source", "source_domain", "outlet"),
        title=title,
        authors=_authors(_first(record, "authors", "author", "byline")),
        published_at=_first(record, "published_at", "date_publish", "date", "published"),
        metadata={k: v for k, v in record.items() if k not in ("text", "maintext")},
    )


def parse_text(f: InboxFile) -> list[ParsedDocument]:
    text = read_text(Path(f.path))
    if not text.strip():
        raise ParseError("empty file")
    side = _load_sidecar(Path(f.path))
    doc = ParsedDocument(file=f, record_no=0, versions=[RawVersion(text=text)])
    if side:
        doc.url = _first(side, "url", "canonical_url")
        doc.source = _first(side, "source", "source_domain", "outlet")
        doc.title = _first(side, "title")
        doc.authors = _authors(_first(side, "authors", "author", "byline"))
        doc.published_at = _first(side, "published_at", "date_publish", "date")
        doc.metadata = side
    return [doc]


# trafilatura options for HTML bodies, chosen on the extraction benchmark
# (python -m pipeline.evaluate.extraction): default balance of precision and recall
# (favor_precision 0.957, favor_recall 0.955, default 0.959 F1 after cleaning); tables off
# (+0.003 F1 on the benchmark, but table cells are no sentences for the NLP stage);
# comments off (reader comments are not the article).
HTML_OPTIONS = {"include_comments": False, "include_tables": False,
                "favor_precision": False, "favor_recall": False}


def parse_html(f: InboxFile) -> list[ParsedDocument]:
    """An HTML page: trafilatura gives body, title, date, author, URL and site; a
    sidecar `<stem>.json` overrides them with known metadata. The raw bytes go to
    trafilatura so that a page's declared charset is honoured."""
    import trafilatura

    path = Path(f.path)
    data = read_bytes(path)
    if not data.strip():
        raise ParseError("empty file")
    if b"\x00" in data[:4096]:
        raise ParseError("binary content (NUL bytes), not an HTML page")
    from trafilatura.settings import set_date_params

    # Dates only from the page's markup (meta tags, JSON-LD, <time>, URL): no extensive
    # search through the text, which guesses a date for pages that carry none.
    doc = trafilatura.bare_extraction(data, with_metadata=True, date_extraction_params=set_date_params(False),
                                      **HTML_OPTIONS)
    if doc is None:
        raise ParseError("no article body found in HTML")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = meta.get("text") or ""
    if not text.strip():
        raise ParseError("no article body found in HTML")
    side = _load_sidecar(path)
    url = _first(side, "url", "canonical_url") or meta.get("url")
    title = _first(side, "title") or meta.get("title")
    source = _first(side, "source", "source_domain", "outlet") or _source_from_url(url) \
        or meta.get("sitename") or meta.get("hostname")
    return [
        ParsedDocument(
            file=f,
            record_no=0,
            versions=[RawVersion(text=text, title=title)],
            url=url,
            source=source,
            title=title,
            authors=_authors(_first(side, "authors", "author", "byline") or meta.get("author")),
            published_at=_first(side, "published_at", "date_publish", "date") or meta.get("date"),
            metadata={"html_extractor": "trafilatura", "sitename": meta.get("sitename"), **side},
        )
    ]


def _source_from_url(url: str | None) -> str | None:
    from pipeline.clean import source_from_url

    return source_from_url(url)


def parse_json(f: InboxFile) -> list[ParsedDocument]:
    try:
        data = json.loads(read_text(Path(f.path)))
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc}") from exc
    records = data if isinstance(data, list) else [data]
    return [document_from_record(f, r, i) for i, r in enumerate(records)]


def parse_jsonl(f: InboxFile) -> list[ParsedDocument]:
    docs = []
    for i, line in enumerate(read_text(Path(f.path)).splitlines()):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ParseError(f"line {i + 1}: invalid JSON: {exc}") from exc
        docs.append(document_from_record(f, record, i))
    if not docs:
        raise ParseError("no records in JSONL file")
    return docs


def _split_doubled_line(line: str) -> tuple[str, str]:
    """A NewsSniffer row is the left cell followed by the right cell with no separator.
    Identical rows are exact doubles; changed rows are split where the right cell
    starts again like the left one (best similarity); rows that match neither pattern
    are kept on both sides."""
    import difflib

    n = len(line)
    if n % 2 == 0 and line[: n // 2] == line[n // 2 :]:
        return line[: n // 2], line[n // 2 :]
    head = line[: min(20, max(1, n // 4))]
    best, best_k = 0.0, None
    for m in re.finditer(re.escape(head), line):
        k = m.start()
        if k == 0:
            continue
        left, right = line[:k].rstrip(), line[k:]
        ratio = difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()
        if ratio > best:
            best, best_k = ratio, k
    if best_k is not None and best >= 0.5:
        return line[:best_k].rstrip(), line[best_k:]
    return line, line


def parse_newssniffer(f: InboxFile) -> list[ParsedDocument]:
    """A NewsSniffer change page: header ("This article is from the source 'x'…",
    the original URL), a "Version N Version M" row, the two titles on one line, an
    optional relative timing "(about 7 hours later)", then the body rows side by side."""
    text = read_text(Path(f.path))
    lines = text.split("\n")
    source = url = None
    m = re.search(r"from the source '([^']+)'", text)
    if m:
        source = m.group(1)
    published = None
    m = re.search(r"first published or seen on (.+?)\. It ", text)
    if m and m.group(1).strip():
        published = m.group(1).strip()
    m = re.search(r"original source at (\S+)", text)
    if m:
        url = m.group(1).rstrip(".")
    idx = next((i for i, l in enumerate(lines) if re.match(r"^Version \d+ Version \d+\s*$", l)), None)
    if idx is None:
        raise ParseError("NewsSniffer page without a 'Version N Version M' row")
    header = "\n".join(l.strip() for l in lines[: idx + 1] if l.strip())
    nums = [int(x) for x in re.findall(r"\d+", lines[idx])]
    rest = lines[idx + 1 :]
    if not rest:
        raise ParseError("NewsSniffer page without titles")
    title_line = rest.pop(0)
    timing = None
    if rest and re.match(r"^\(.*\)\s*$", rest[0]):
        timing = rest.pop(0).strip()
    t1, t2 = _split_titles(title_line)
    left, right = [], []
    for line in rest:
        if not line.strip():
            continue
        a, b = _split_doubled_line(line)
        left.append(a)
        right.append(b)
    return [
        ParsedDocument(
            file=f,
            record_no=0,
            versions=[
                RawVersion(text="\n\n".join(left), title=t1),
                RawVersion(text="\n\n".join(right), title=t2, relative_timing=timing),
            ],
            url=url,
            source=source,
            title=t2,
            published_at=published,
            metadata={"newssniffer_versions": nums, "removed_header": header},
        )
    ]


def _split_titles(line: str) -> tuple[str, str]:
    """The two titles are joined by one space; pick the space that makes the halves most
    alike (the titles of two versions share their start)."""
    import difflib

    line = line.strip()
    n = len(line)
    if n % 2 == 1 and line[: n // 2] == line[n // 2 + 1 :]:
        return line[: n // 2], line[n // 2 + 1 :]
    words = line.split(" ")
    best, best_i = -1.0, len(words) // 2
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        score = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
        if b.split(" ")[0] == a.split(" ")[0]:
            score += 0.5
        if score > best:
            best, best_i = score, i
    return " ".join(words[:best_i]), " ".join(words[best_i:])


PARSERS = {
    "text": parse_text,
    "html": parse_html,
    "json": parse_json,
    "jsonl": parse_jsonl,
    "newssniffer": parse_newssniffer,
}


def parse_file(f: InboxFile) -> list[ParsedDocument]:
    """Parse one inbox file; raises ParseError (quarantine reason) when it cannot."""
    parser = PARSERS.get(f.format)
    if parser is None and _suffix(Path(f.path)) in TEXT_SUFFIXES:
        read_text(Path(f.path))  # a .txt that is no text: raises the real reason (binary)
    if parser is None:
        raise ParseError(f"unsupported format for {f.name!r} (detected: {f.format})")
    return parser(f)
