"""What is in the inbox: every entry under the folder, never following a link. Only
regular files are read; a symlink (wherever it points, loops and broken links too), a
FIFO or a device gets an `InboxFile` with the `problem` that quarantines it, so it is
accounted for in `files` and never opened. A file over NEWS_MAX_FILE_MB is hashed by
streaming and quarantined unread."""
from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import NamedTuple

from pipeline.decode import ParseError, decode, max_file_bytes, read_head
from pipeline.records import InboxFile
from pipeline.scan_cache import ScanCache, cache_path

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
IGNORED_NAMES = {".DS_Store", "Thumbs.db"}

NEWSSNIFFER_MARKERS = (
    re.compile(r"^This article is from the source '[^']*'", re.M),
    re.compile(r"^Version \d+ Version \d+\s*$", re.M),
)


def suffix_of(path: Path) -> str:
    """The format suffix, looking through a trailing .gz (`a.txt.gz` → `.txt`)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix


def is_ignored(path: Path) -> bool:
    return path.name in IGNORED_NAMES or path.name.startswith(".")


def inbox_entries(root: Path) -> list[Path]:
    """Every non-hidden entry under `root` that is not a real directory: regular
    files, symlinks (to files, folders, nowhere or themselves) and special files,
    sorted. Links are listed, never followed."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        links_to_dirs = [d for d in dirs if (base / d).is_symlink()]
        found.extend(base / name for name in files + links_to_dirs if not is_ignored(base / name))
    return sorted(found)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_sidecar(path: Path) -> bool:
    """A `<stem>.json` beside a `<stem>.txt`/`.html` carries metadata for that file."""
    if path.name.lower().endswith(".gz") or suffix_of(path) != ".json":
        return False
    return any(path.with_suffix(s).exists() for s in (".txt", ".html", ".htm"))


def detect_format(path: Path) -> str:
    suffix = suffix_of(path)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "sidecar" if is_sidecar(path) else "json"
    if suffix in TEXT_SUFFIXES:
        try:
            head = decode(read_head(path)).text[:5000]
        except ParseError:
            return "unknown"
        if all(m.search(head) for m in NEWSSNIFFER_MARKERS):
            return "newssniffer"
        if re.match(r"\s*<(!doctype html|html)", head, re.I):
            return "html"
        return "text"
    return "unknown"


def _link_problem(path: Path, root: Path) -> str:
    target = os.readlink(path)
    try:
        resolved = path.resolve(strict=True)
    except (RuntimeError, OSError) as exc:
        if isinstance(exc, FileNotFoundError):
            return f"broken symlink to {target} (never followed)"
        return f"symlink loop through {target} (never followed)"
    if not resolved.is_relative_to(root):
        return f"symlink to {target} leaves the inbox (never followed)"
    return f"symlink to {resolved.relative_to(root).as_posix()} inside the inbox (the target is read, not the link)"


def _special_kind(mode: int) -> str:
    kinds = {stat.S_ISFIFO: "FIFO", stat.S_ISSOCK: "socket", stat.S_ISCHR: "character device",
             stat.S_ISBLK: "block device"}
    return next((name for test, name in kinds.items() if test(mode)), "special file")


def _marker_sha(kind: str, text: str) -> str:
    """A stable content id for entries that are not read (links, special files)."""
    return hashlib.sha256(f"{kind}:{text}".encode("utf-8", "surrogateescape")).hexdigest()


def inbox_file(path: Path, root: Path, detect: bool = True, cache: ScanCache | None = None) -> InboxFile:
    """The record of one inbox entry; `problem` says why it will not be read. `cache`: the
    hashes of the scan before, taken for files whose state is unchanged (pipeline.scan_cache)."""
    name = path.relative_to(root).as_posix()
    st = path.lstat()
    sha256 = partial(cache.sha256, name, _state_of(st), partial(sha256_file, path)) if cache else \
        partial(sha256_file, path)
    if stat.S_ISLNK(st.st_mode):
        return InboxFile(str(path), name, 0, _marker_sha("symlink", os.readlink(path)), st.st_mtime, "symlink",
                         problem=_link_problem(path, root))
    if not stat.S_ISREG(st.st_mode):
        kind = _special_kind(st.st_mode)
        return InboxFile(str(path), name, 0, _marker_sha("special", kind), st.st_mtime, "special",
                         problem=f"not a regular file ({kind}): never opened")
    limit = max_file_bytes()
    if st.st_size > limit:
        return InboxFile(str(path), name, st.st_size, sha256(), st.st_mtime, "oversized",
                         problem=f"file of {st.st_size / 1048576:.1f} MB is over the NEWS_MAX_FILE_MB limit "
                                 f"of {limit // 1048576} MB (quarantined unread)")
    return InboxFile(str(path), name, st.st_size, sha256(), st.st_mtime,
                     detect_format(path) if detect else "unknown")


def scan_inbox(inbox: str | os.PathLike, only: list[str] | None = None, detect: bool = True) -> list[InboxFile]:
    """Every entry under `inbox` (recursively, sorted), hashed. `only` restricts the
    scan to those inbox-relative names (the sensor's batch); `detect=False` leaves the
    formats unread (a file's identity is its name and hash: enough to find new work)."""
    root = Path(inbox).resolve()
    if not root.is_dir():
        raise FileNotFoundError(f"inbox {root} is not a directory")
    wanted = set(only) if only else None
    found: list[InboxFile] = []
    for path in inbox_entries(root):
        name = path.relative_to(root).as_posix()
        if wanted is None or name in wanted:
            found.append(inbox_file(path, root, detect))
    return found


def _entry_state(path: Path) -> tuple[int, int, int, int]:
    """What changes when an entry's bytes may have: size, mtime, ctime (set by every write;
    no one can set it back) and inode (a file replaced by a rename)."""
    return _state_of(path.lstat())


def _state_of(st: os.stat_result) -> tuple[int, int, int, int]:
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


# A file system stamps times in ticks (Linux: a clock tick of a few ms; FAT 2 s, ext3 and HFS+
# 1 s): a file written again within the tick of the write before keeps its size, mtime and
# ctime. So an entry whose mtime or ctime lies within this much of the start of the kept scan
# may have changed after it was hashed without its state showing it ("racily clean", as git
# calls it): `kept_scan` hashes such entries again; older entries are safe on any file system
# with ticks up to this long (a clock that is not this host's, e.g. an NFS server's, may
# need more).
RACY_NS = 2 * 10**9


class _Kept(NamedTuple):
    """A scan `scan_and_keep` made: each entry's state, the files, and when it started."""

    state: dict[str, tuple[int, int, int, int]]
    files: list[InboxFile]
    started_ns: int


# The scan `scan_and_keep` made, per inbox root, for the run's scan step (`kept_scan`).
_KEPT: dict[str, _Kept] = {}


def scan_and_keep(inbox: str | os.PathLike, warehouse: str | None = None) -> list[InboxFile]:
    """`scan_inbox(inbox, detect=False)`, kept for the run's scan step: the CLI finds its
    pending work by hashing the inbox, and the run it starts in this process takes these
    hashes (`kept_scan`) instead of reading every file again. With `warehouse`, the hashes
    of the scan before are kept beside it and taken for unchanged files (pipeline.scan_cache)."""
    root = Path(inbox).resolve()
    _KEPT.pop(str(root), None)
    if not root.is_dir():
        raise FileNotFoundError(f"inbox {root} is not a directory")
    started = time.time_ns()
    cache = ScanCache(root, cache_path(warehouse) if warehouse else None)
    entries = inbox_entries(root)
    state = {path.relative_to(root).as_posix(): _entry_state(path) for path in entries}
    files = [inbox_file(path, root, detect=False, cache=cache) for path in entries]
    if state == {path.relative_to(root).as_posix(): _entry_state(path) for path in inbox_entries(root)}:
        _KEPT[str(root)] = _Kept(state, files, started)  # nothing changed while it was hashed
        cache.save(started, RACY_NS)
    return files


def _racy(entry_state: tuple[int, int, int, int], started_ns: int) -> bool:
    """Written so close to the kept scan that a later write may not show in its state (RACY_NS)."""
    _, mtime_ns, ctime_ns, _ = entry_state
    return max(mtime_ns, ctime_ns) >= started_ns - RACY_NS


def kept_scan(inbox: str | os.PathLike) -> list[InboxFile] | None:
    """The scan `scan_and_keep` kept (taken once), when every entry of the inbox is as it was
    then, its racily clean entries (`RACY_NS`) hashed again; None otherwise (scan again)."""
    root = Path(inbox).resolve()
    kept = _KEPT.pop(str(root), None)
    if kept is None or not root.is_dir():
        return None
    now = {path.relative_to(root).as_posix(): _entry_state(path) for path in inbox_entries(root)}
    if now != kept.state:
        return None
    try:
        return [inbox_file(Path(f.path), root, detect=False) if _racy(kept.state[f.name], kept.started_ns) else f
                for f in kept.files]
    except FileNotFoundError:  # a racy entry removed since the state check: scan again
        return None


def with_format(entry: InboxFile) -> InboxFile:
    """An entry scanned with `detect=False`, its format read now (the scan step reads the
    format of new files only: a file the warehouse holds is never parsed again)."""
    if entry.format != "unknown" or entry.problem:
        return entry
    return replace(entry, format=detect_format(Path(entry.path)))


def inbox_state(inbox: str) -> dict[str, str]:
    """{inbox-relative name: "size:mtime_ns"} — cheap (lstat only, links never
    followed) change detection over every entry the scan will account for."""
    root = Path(inbox).resolve()
    if not root.is_dir():
        return {}
    state = {}
    for p in inbox_entries(root):
        st = p.lstat()
        state[p.relative_to(root).as_posix()] = f"{st.st_size}:{st.st_mtime_ns}"
    return state
