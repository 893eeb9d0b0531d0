"""Ingest stage: parse each inbox file (found, hashed and typed by pipeline.inbox, its
bytes decoded by pipeline.decode) into `ParsedDocument`s. Anything that cannot be read
raises `ParseError` with a reason the load stage records in the quarantine; a bad record
of a multi-record file is quarantined alone (nothing is silently dropped)."""
from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from pipeline.clean import source_from_url
from pipeline.decode import DecodedText, ParseError, decode, max_text_chars, read_bytes
from pipeline.inbox import TEXT_SUFFIXES, suffix_of
from pipeline.inbox import detect_format, kept_scan, scan_inbox, with_format  # noqa: F401  (re-exported: the ingest stage's entry points)
from pipeline.records import InboxFile, ParsedDocument, ParsedFile, RawVersion, RecordError


def read_decoded(path: Path) -> DecodedText:
    """The file's text by pipeline.decode's rule (limit, binary test, encoding)."""
    return decode(read_bytes(Path(path)))


def read_text(path: Path) -> str:
    return read_decoded(path).text


# ----------------------------------------------------------------------------- parsers


def _load_sidecar(path: Path) -> dict:
    for suffix in (".json",):
        side = path.with_suffix(suffix)
        if side.exists() and side != path:
            try:
                data = json.loads(read_text(side))
            except ParseError as exc:
                raise ParseError(f"sidecar {side.name}: {exc}") from exc
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


def parse_text(f: InboxFile) -> ParsedFile:
    decoded = read_decoded(Path(f.path))
    text = decoded.text
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
    return ParsedFile([doc], decoded.encoding, decoded.lossy)


# trafilatura options for HTML bodies, chosen on the extraction benchmark
# (python -m pipeline.evaluate.extraction): default balance of precision and recall
# (favor_precision 0.957, favor_recall 0.955, default 0.959 F1 after cleaning); tables off
# (+0.003 F1 on the benchmark, but table cells are no sentences for the NLP stage);
# comments off (reader comments are not the article).
HTML_OPTIONS = {"include_comments": False, "include_tables": False,
                "favor_precision": False, "favor_recall": False}


def parse_html(f: InboxFile) -> ParsedFile:
    """An HTML page: trafilatura gives body, title, date, author, URL and site; a
    sidecar `<stem>.json` overrides them with known metadata. The raw bytes go to
    trafilatura so that a page's declared charset is honoured."""
    # imported here: trafilatura costs ~0.25 s CPU, paid by every process that reads an inbox without HTML
    import trafilatura
    from trafilatura.settings import set_date_params

    path = Path(f.path)
    data = read_bytes(path)
    if not data.strip():
        raise ParseError("empty file")
    decoded = decode(data)  # binary test over the whole file; encoding recorded (trafilatura reads the bytes)
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
    source = _first(side, "source", "source_domain", "outlet") or source_from_url(url) \
        or meta.get("sitename") or meta.get("hostname")
    return ParsedFile([
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
    ], decoded.encoding, decoded.lossy)


def _records(f: InboxFile, records: list, line_numbers: list[int] | None = None) -> ParsedFile:
    """Documents from JSON records, one at a time: a bad record is quarantined with its
    position (its line number in a JSONL file), the good ones go on."""
    out = ParsedFile([])
    for i, record in enumerate(records):
        line = line_numbers[i] if line_numbers else None
        record_no = line - 1 if line else i
        try:
            out.documents.append(document_from_record(f, record, record_no))
        except ParseError as exc:
            out.record_errors.append(RecordError(record_no, f"line {line}: {exc}" if line else str(exc)))
    return out


def parse_json(f: InboxFile) -> ParsedFile:
    decoded = read_decoded(Path(f.path))
    try:
        data = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc}") from exc
    if not isinstance(data, list):
        return ParsedFile([document_from_record(f, data, 0)], decoded.encoding, decoded.lossy)
    out = _records(f, data)
    out.encoding, out.lossy = decoded.encoding, decoded.lossy
    return out


def parse_jsonl(f: InboxFile) -> ParsedFile:
    """One record per line; a line that is not a JSON object with text is quarantined
    with its line number, the other lines load."""
    decoded = read_decoded(Path(f.path))
    records, lines, errors = [], [], []
    for i, line in enumerate(decoded.text.splitlines()):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
            lines.append(i + 1)
        except json.JSONDecodeError as exc:
            errors.append(RecordError(i, f"line {i + 1}: invalid JSON: {exc}"))
    if not records and not errors:
        raise ParseError("no records in JSONL file")
    out = _records(f, records, lines)
    out.record_errors = sorted(errors + out.record_errors, key=lambda e: e.record_no)
    out.encoding, out.lossy = decoded.encoding, decoded.lossy
    return out


def _split_doubled_line(line: str) -> tuple[str, str]:
    """A NewsSniffer row is the left cell followed by the right cell with no separator.
    Identical rows are exact doubles; changed rows are split where the right cell
    starts again like the left one (best similarity); rows that match neither pattern
    are kept on both sides."""
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


def parse_newssniffer(f: InboxFile) -> ParsedFile:
    """A NewsSniffer change page: header ("This article is from the source 'x'…",
    the original URL), a "Version N Version M" row, the two titles on one line, an
    optional relative timing "(about 7 hours later)", then the body rows side by side."""
    decoded = read_decoded(Path(f.path))
    text = decoded.text
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
    return ParsedFile([
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
    ], decoded.encoding, decoded.lossy)


def _split_titles(line: str) -> tuple[str, str]:
    """The two titles are joined by one space; pick the space that makes the halves most
    alike (the titles of two versions share their start)."""
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


def _too_long(doc: ParsedDocument) -> str | None:
    """Bodies over NEWS_MAX_TEXT_CHARS are quarantined (not split: a split article's
    spans, quotes and events would straddle chunks)."""
    limit = max_text_chars()
    longest = max((len(v.text) for v in doc.versions), default=0)
    if longest > limit:
        return f"text of {longest:,} characters is over the NEWS_MAX_TEXT_CHARS limit of {limit:,}"
    return None


def parse_file_report(f: InboxFile) -> ParsedFile:
    """Parse one inbox entry: its documents, encoding and quarantined records. Raises
    ParseError (the file's quarantine reason) when no document can be read."""
    if f.problem:
        raise ParseError(f.problem)
    parser = PARSERS.get(f.format)
    if parser is None and suffix_of(Path(f.path)) in TEXT_SUFFIXES:
        read_decoded(Path(f.path))  # a .txt that is no text: raises the real reason (binary)
    if parser is None:
        raise ParseError(f"unsupported format for {f.name!r} (detected: {f.format})")
    parsed = parser(f)
    kept = []
    for doc in parsed.documents:
        reason = _too_long(doc)
        if reason is None:
            kept.append(doc)
        else:
            parsed.record_errors.append(RecordError(doc.record_no, reason))
    parsed.documents = kept
    if not kept:
        reasons = [e.reason for e in parsed.record_errors]
        raise ParseError(reasons[0] if len(reasons) == 1 else f"no readable record ({len(reasons)} bad): "
                         + "; ".join(reasons[:5]))
    return parsed


def parse_file(f: InboxFile) -> list[ParsedDocument]:
    """The documents of one inbox file; raises ParseError (quarantine reason) when none."""
    return parse_file_report(f).documents
