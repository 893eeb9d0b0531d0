"""The inbox's hashes kept between runs (pipeline.scan_cache): a file whose size, mtime, ctime
and inode are as they were when it was hashed is not read again; any write is (also one that
restores the size and the mtime), and so is an entry written so close to the scan that hashed
it that a later write might not show (inbox.RACY_NS)."""
from __future__ import annotations

import json
import os
import time

from pipeline import inbox
from pipeline.inbox import scan_and_keep, scan_inbox
from pipeline.scan_cache import cache_path


def _hashes_counted(monkeypatch) -> list[str]:
    read = []
    real = inbox.sha256_file
    monkeypatch.setattr(inbox, "sha256_file", lambda path: read.append(path.name) or real(path))
    return read


def _write(folder, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_unchanged_files_are_not_hashed_again_and_changed_ones_are(tmp_path, monkeypatch):
    folder, warehouse = tmp_path / "inbox", str(tmp_path / "news.duckdb")
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        _write(folder, name, f"Headline {name}\n\nSome text.\n")
    monkeypatch.setattr(inbox, "RACY_NS", 0)  # as if the files were older than a timestamp tick
    read = _hashes_counted(monkeypatch)
    assert scan_and_keep(folder, warehouse) == scan_inbox(folder, detect=False)
    assert sorted(read) == ["a.txt", "a.txt", "b.txt", "b.txt", "c.txt", "c.txt"]  # scan_inbox reads them too
    assert cache_path(warehouse).exists()
    read.clear()
    stat = (folder / "b.txt").stat()
    time.sleep(0.05)  # past a coarse timestamp tick (1-4 ms before Linux 6.13), so the rewrite moves the ctime
    _write(folder, "b.txt", "Headline b.txX\n\nSome text.\n")  # same size,
    os.utime(folder / "b.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the mtime put back
    assert (folder / "b.txt").stat().st_size == stat.st_size
    (folder / "c.txt").unlink()
    _write(folder, "d.txt", "A new file\n\nIts text.\n")
    again = scan_and_keep(folder, warehouse)
    assert sorted(read) == ["b.txt", "d.txt"]  # a.txt taken from the cache
    read.clear()
    assert again == scan_inbox(folder, detect=False)  # the same records as reading every file
    read.clear()
    scan_and_keep(folder, warehouse)
    assert read == []


def test_entries_written_close_to_the_scan_are_hashed_again(tmp_path, monkeypatch):
    folder, warehouse = tmp_path / "inbox", str(tmp_path / "news.duckdb")
    folder.mkdir()
    _write(folder, "a.txt", "Headline\n\nSome text.\n")  # just written: within inbox.RACY_NS
    read = _hashes_counted(monkeypatch)
    scan_and_keep(folder, warehouse)
    scan_and_keep(folder, warehouse)
    assert read == ["a.txt", "a.txt"]


def test_a_cache_of_another_inbox_or_unreadable_is_a_miss(tmp_path, monkeypatch):
    first, second, warehouse = tmp_path / "one", tmp_path / "two", str(tmp_path / "news.duckdb")
    for folder in (first, second):
        folder.mkdir()
        _write(folder, "a.txt", "Headline\n\nSome text.\n")
    monkeypatch.setattr(inbox, "RACY_NS", 0)
    scan_and_keep(first, warehouse)
    read = _hashes_counted(monkeypatch)
    scan_and_keep(second, warehouse)  # same name, another folder: read
    assert read == ["a.txt"]
    cache_path(warehouse).write_text("{not json", encoding="utf-8")
    assert scan_and_keep(second, warehouse) == scan_inbox(second, detect=False)
    assert read == ["a.txt", "a.txt", "a.txt"]


def test_a_cache_file_of_another_shape_is_a_miss_not_a_crash(tmp_path, monkeypatch):
    """JSON that parses but is not the cache's shape (hand-edited, a future version's, a list)
    is read as no cache: the scan hashes every file and rewrites it."""
    folder, warehouse = tmp_path / "inbox", str(tmp_path / "news.duckdb")
    folder.mkdir()
    _write(folder, "a.txt", "Headline\n\nSome text.\n")
    monkeypatch.setattr(inbox, "RACY_NS", 0)
    scan_and_keep(folder, warehouse)
    root = json.loads(cache_path(warehouse).read_text(encoding="utf-8"))["root"]
    shapes = [[], {"version": 1, "root": root, "entries": {"a.txt": 5}},
              {"version": 1, "root": root, "entries": []},
              {"version": 1, "root": root, "entries": {"a.txt": [["x", 1, 2, 3], "abc"]}}]
    read = _hashes_counted(monkeypatch)
    for shape in shapes:
        cache_path(warehouse).write_text(json.dumps(shape), encoding="utf-8")
        assert scan_and_keep(folder, warehouse) == scan_inbox(folder, detect=False)
    assert read.count("a.txt") == 2 * len(shapes)  # the cache missed, scan_inbox read it too


def test_news_scan_cache_0_hashes_every_file(tmp_path, monkeypatch):
    folder, warehouse = tmp_path / "inbox", str(tmp_path / "news.duckdb")
    folder.mkdir()
    _write(folder, "a.txt", "Headline\n\nSome text.\n")
    monkeypatch.setattr(inbox, "RACY_NS", 0)
    monkeypatch.setenv("NEWS_SCAN_CACHE", "0")
    read = _hashes_counted(monkeypatch)
    scan_and_keep(folder, warehouse)
    scan_and_keep(folder, warehouse)
    assert read == ["a.txt", "a.txt"] and not cache_path(warehouse)
