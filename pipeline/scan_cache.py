"""The inbox's hashes kept between runs: every `run` finds its pending work by hashing the
inbox, and on a warehouse of 1,300 files that was every file read again for the few new ones
(~0.15 s CPU per run). A file's sha256 is taken from the cache when its state — size, mtime,
ctime and inode (`inbox._entry_state`) — is the one it had when it was hashed, as git's index
does: a write changes the ctime, which no one can set back (`os.utime` restoring the mtime
changes it too), and a file replaced by a rename has another inode.

An entry written within `inbox.RACY_NS` of the scan that hashed it may change again without
its state showing it ("racily clean"): such entries are not kept, so the next scan hashes them
again. The cache is a JSON file beside the warehouse (`cache_path`: it goes with the
warehouse), for one inbox folder at a time; a cache that cannot be read or written is a miss,
never an error (the scan hashes every file, as before)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

from pipeline.paths import is_catalogue, keep_file

CACHE_VERSION = 1
State = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def cache_path(warehouse: str) -> Path | None:
    """warehouse/news.duckdb -> warehouse/news-inbox-hashes.json; None (no cache: every file is
    hashed) for a catalogue, or when NEWS_SCAN_CACHE=0 — for file systems whose ctime cannot be
    trusted (some FUSE and SMB mounts report a made-up one)."""
    if is_catalogue(warehouse) or os.environ.get("NEWS_SCAN_CACHE") == "0":
        return None
    path = Path(warehouse)
    return path.with_name(path.stem + "-inbox-hashes.json")


def _state(values) -> State:
    """A stored state as four integers (a TypeError or ValueError for any other shape)."""
    size, mtime_ns, ctime_ns, inode = (int(value) for value in values)
    return size, mtime_ns, ctime_ns, inode


class ScanCache:
    """{inbox-relative name: (state, sha256)} of one inbox root, read from and written to `path`."""

    def __init__(self, root: Path, path: Path | None):
        self.root, self.path = root, path
        self.known: dict[str, tuple[State, str]] = self._read()
        self.hashed: dict[str, tuple[State, str]] = {}  # what this scan found, hashed or taken from `known`

    def _read(self) -> dict[str, tuple[State, str]]:
        """The kept entries; {} for a missing file, another version or inbox, or a file of any
        other shape (hand-edited, truncated by a full disk, written by a future version)."""
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8")) if self.path else {}
            if stored.get("version") != CACHE_VERSION or stored.get("root") != str(self.root):
                return {}
            return {name: (_state(state), str(sha)) for name, (state, sha) in stored.get("entries", {}).items()}
        except (OSError, ValueError, TypeError, AttributeError):
            return {}

    def sha256(self, name: str, state: State, compute: Callable[[], str]) -> str:
        """The file's hash: the kept one when its state is unchanged, else `compute()`."""
        kept = self.known.get(name)
        sha = kept[1] if kept is not None and kept[0] == state else compute()
        self.hashed[name] = (state, sha)
        return sha

    def save(self, started_ns: int, racy_ns: int) -> None:
        """Keep what this scan hashed, less the entries written within `racy_ns` of its start
        (`started_ns`); written only when it changed, atomically (a rename)."""
        settled = started_ns - racy_ns
        entries = {name: kept for name, kept in self.hashed.items() if max(kept[0][1], kept[0][2]) < settled}
        if self.path is None or entries == self.known:
            return
        keep_file(self.path, json.dumps({"version": CACHE_VERSION, "root": str(self.root),
                                         "entries": {name: [list(state), sha] for name, (state, sha) in
                                                     entries.items()}}))
