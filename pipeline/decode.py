"""Bytes to text for the ingest stage, with limits: a file is read once, streamed
through gunzip with a cap (a gzip bomb or a 200 MB file never reaches memory whole),
judged binary over ALL its bytes, and decoded by a documented rule:

1. UTF-8 (BOM tolerated). A file that is UTF-8 but for a few bad bytes (a truncated
   character) stays UTF-8 with those bytes replaced and is flagged `lossy`;
2. otherwise charset-normalizer picks the encoding; a file it cannot decode without
   chaos is quarantined rather than stored as mojibake.

The detected encoding and the `lossy` flag go to the `files` table."""
from __future__ import annotations

import codecs
import gzip
import os
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_FILE_MB = 32  # bytes of one input file (after gunzip)
DEFAULT_MAX_TEXT_CHARS = 1_000_000  # characters of one article body: spaCy's nlp.max_length
# UTF-8 with at most this share of undecodable bytes is "UTF-8, lossy"; above it, detection.
LOSSY_UTF8_MAX_SHARE = 0.001
# Control characters (other than tab, newlines, form feed) above this share of the
# decoded text mean the file is binary, wherever they sit in the file.
BINARY_CONTROL_SHARE = 0.01
ALLOWED_CONTROLS = set("\t\n\r\f\v")
CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc without \t \n \v \f \r
ASCII = bytes(range(128))
CONTROL_BYTES = bytes(b for b in range(32) if chr(b) not in ALLOWED_CONTROLS)  # C0 controls other than whitespace


class ParseError(ValueError):
    """An input file that cannot be turned into an article; the message is the reason."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    lossy: bool  # some bytes could not be decoded and were replaced (U+FFFD)


def max_file_bytes() -> int:
    """NEWS_MAX_FILE_MB: files larger than this are quarantined unread."""
    return int(float(os.environ.get("NEWS_MAX_FILE_MB", DEFAULT_MAX_FILE_MB)) * 1024 * 1024)


def max_text_chars() -> int:
    """NEWS_MAX_TEXT_CHARS: article bodies longer than this are quarantined (not chunked)."""
    return int(os.environ.get("NEWS_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS))


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, gunzipped when its name ends in .gz, never more than `limit`
    (raises ParseError past it)."""
    limit = max_file_bytes() if limit is None else limit
    opener = gzip.open if is_gzip(path) else open
    try:
        with opener(path, "rb") as fh:
            data = fh.read(limit + 1)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise ParseError(f"unreadable {'gzip ' if is_gzip(path) else ''}file: {exc}") from exc
    if len(data) > limit:
        what = "decompresses to" if is_gzip(path) else "is"
        raise ParseError(f"file {what} more than {limit // (1024 * 1024)} MB (NEWS_MAX_FILE_MB)")
    return data


def read_head(path: Path, size: int = 65536) -> bytes:
    """The first bytes of a file (gunzipped): enough to tell its format."""
    opener = gzip.open if is_gzip(path) else open
    try:
        with opener(path, "rb") as fh:
            return fh.read(size)
    except (OSError, EOFError, gzip.BadGzipFile):
        return b""


def _control_share_bytes(data: bytes) -> float:
    """Share of C0 control bytes other than whitespace: ~12% in random bytes, ~0 in
    text of any ASCII-compatible encoding."""
    if not data:
        return 0.0
    bad = len(data) - len(data.translate(None, CONTROL_BYTES))  # one pass, not a count per byte value
    return bad / len(data)


def _control_share(text: str) -> float:
    """Share of control characters (Unicode category Cc) other than whitespace."""
    return len(CONTROL_CHARS.findall(text)) / len(text) if text else 0.0


def check_not_binary(data: bytes, text: str | None = None) -> None:
    """Raise ParseError when the bytes are not text, judged over the WHOLE file: a NUL
    anywhere, or control characters above BINARY_CONTROL_SHARE (of the bytes, and of
    the decoded text)."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ParseError(f"binary content (NUL byte at offset {nul}), not a text article")
    for share in (_control_share_bytes(data), _control_share(text or "")):
        if share > BINARY_CONTROL_SHARE:
            raise ParseError(f"binary content ({share:.1%} control characters), not a text article")


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _utf16_with_bom(data: bytes) -> DecodedText | None:
    """A UTF-16 file announced by its byte order mark (NUL bytes are normal there)."""
    if not data.startswith(UTF16_BOMS):
        return None
    try:
        return DecodedText(data.decode("utf-16"), "utf-16", False)
    except UnicodeDecodeError:
        return None


def _bad_chunks(data: bytes) -> list[bytes]:
    """The byte runs that are not valid UTF-8."""
    chunks: list[bytes] = []

    def record(err: UnicodeDecodeError):
        chunks.append(err.object[err.start:err.end])
        return ("\ufffd", err.end)

    codecs.register_error("news_record", record)
    data.decode("utf-8", errors="news_record")
    return chunks


def _truncated_char(chunk: bytes) -> bool:
    """A UTF-8 lead byte followed by fewer continuation bytes than it announces."""
    lead, rest = chunk[0], chunk[1:]
    need = 1 if 0xC2 <= lead <= 0xDF else 2 if 0xE0 <= lead <= 0xEF else 3 if 0xF0 <= lead <= 0xF4 else 0
    return need > 0 and len(rest) < need and all(0x80 <= b <= 0xBF for b in rest)


def _utf8(data: bytes) -> DecodedText | None:
    """UTF-8; or UTF-8 with a few damaged characters (each a truncated sequence, the
    rest of the non-ASCII bytes valid UTF-8), decoded with U+FFFD and flagged lossy.
    Latin-1/cp1252 text (lone high bytes) goes on to detection instead."""
    try:
        return DecodedText(data.decode("utf-8-sig"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    chunks = _bad_chunks(data)
    if len(chunks) > max(1, int(len(data) * LOSSY_UTF8_MAX_SHARE)):
        return None
    ascii_count = len(data) - len(data.translate(None, ASCII))
    valid_multibyte = len(data.decode("utf-8", errors="ignore").encode("utf-8")) - ascii_count
    bad_bytes = sum(len(c) for c in chunks)
    if all(_truncated_char(c) for c in chunks) and (valid_multibyte >= bad_bytes or all(len(c) > 1 for c in chunks)):
        return DecodedText(data.decode("utf-8-sig", errors="replace"), "utf-8", True)
    return None


# Legacy encodings preferred when a detector finds several that read the bytes alike
# (news files in a single-byte encoding are overwhelmingly Windows-1252).
PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")


def _detected(data: bytes) -> DecodedText | None:
    """charset-normalizer's choice; on a tie in chaos, a Western encoding first."""
    # imported here: ~0.05 s, a tenth of the start-up of `query` and a no-op run, which import this module
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        return None
    least_chaos = min(m.chaos for m in results)
    for preferred in PREFERRED_LEGACY:
        for m in results:
            if m.chaos <= least_chaos and preferred in m.could_be_from_charset:
                return DecodedText(data.decode(preferred), preferred, False)
    best = from_bytes(data).best()
    return DecodedText(str(best), best.encoding, False)


def decode(data: bytes) -> DecodedText:
    """Text of an input file by the module's rule; ParseError for binary or undecodable."""
    found = _utf16_with_bom(data)
    if found is not None:
        check_not_binary(b"", found.text)
        return found
    check_not_binary(data)
    for rule in (_utf8, _detected):
        found = rule(data)
        if found is not None:
            check_not_binary(b"", found.text)
            return found
    raise ParseError("undecodable: neither UTF-8 nor any encoding charset-normalizer can read cleanly")


def read_text(path: Path) -> DecodedText:
    return decode(read_bytes(path))
