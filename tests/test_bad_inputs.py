"""Bad input (issue 12): a mixed inbox of every case in tests/fixtures/bad_inputs/ plus
the cases that cannot live in git (symlinks out of the inbox and in loops, a FIFO, an
oversized text, a file over the size limit, a gzip bomb) goes through the real pipeline:
every entry is accounted for in `files`, the good records load, and a second run leaves
every table identical. Then per-stage isolation and checks that stop a bad batch."""
from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipeline import clean, load, nlp
from pipeline.cli import main
from pipeline.cli_output import RunFailed
from pipeline.cli_run import run_pipeline
from tests.conftest import SEEDS

FIXTURES = Path(__file__).parent / "fixtures" / "bad_inputs"
VOLATILE = {"ingested_at", "merged_at"}  # wall-clock columns: differ between runs by design

# name -> (status, words the reason must contain); None = no reason required
EXPECTED = {
    "good_article.txt": ("loaded", None),
    "good_article_copy.txt": ("duplicate", "same content as good_article.txt"),
    "gzipped_article.txt.gz": ("loaded", None),
    "gzipped_page.html.gz": ("loaded", None),
    "truncated_utf8.txt": ("loaded", None),
    "windows_1252.txt": ("loaded", None),
    "mixed_records.jsonl": ("loaded", "3 record(s) quarantined"),
    "only_bad_records.jsonl": ("quarantined", "no readable record"),
    "random_bytes_no_nul.txt": ("quarantined", "binary content"),
    "nul_after_4096.txt": ("quarantined", "NUL byte at offset 4950"),
    "empty.txt": ("quarantined", "empty file"),
    "broken.json": ("quarantined", "invalid JSON"),
    "picture.png": ("quarantined", "unsupported format"),
    "not_really.txt.gz": ("quarantined", "unreadable gzip"),
    "README.md": ("quarantined", "unsupported format"),
    "links/escape.txt": ("quarantined", "leaves the inbox"),
    "links/loop_a.txt": ("quarantined", "symlink loop"),
    "links/loop_b.txt": ("quarantined", "symlink loop"),
    "links/inside.txt": ("quarantined", "inside the inbox"),
    "links/dangling.txt": ("quarantined", "broken symlink"),
    "pipe.txt": ("quarantined", "not a regular file (FIFO)"),
    "one_line_1_2M_chars.txt": ("quarantined", "NEWS_MAX_TEXT_CHARS"),
    "three_megabytes.txt": ("quarantined", "NEWS_MAX_FILE_MB"),
    "gzip_bomb.txt.gz": ("quarantined", "decompresses to more than 2 MB"),
}


def build_bad_inbox(root: Path) -> Path:
    inbox = root / "inbox"
    shutil.copytree(FIXTURES, inbox)
    links = inbox / "links"
    links.mkdir()
    (links / "escape.txt").symlink_to("/etc/passwd")
    (links / "loop_a.txt").symlink_to("loop_b.txt")
    (links / "loop_b.txt").symlink_to("loop_a.txt")
    (links / "inside.txt").symlink_to("../good_article.txt")
    (links / "dangling.txt").symlink_to("nowhere.txt")
    os.mkfifo(inbox / "pipe.txt")
    (inbox / "one_line_1_2M_chars.txt").write_text("word " * 240_000, encoding="utf-8")
    (inbox / "three_megabytes.txt").write_bytes(b"big text " * 350_000)
    with gzip.open(inbox / "gzip_bomb.txt.gz", "wb") as fh:
        fh.write(b"a" * (3 * 1024 * 1024))
    return inbox


def snapshot(path: Path) -> dict[str, list]:
    """Every table's rows (wall-clock columns left out), sorted."""
    with duckdb.connect(str(path), read_only=True) as con:
        out = {}
        for table in load.TABLE_KEYS:
            cols = [c for c in con.sql(f"SELECT * FROM {table} LIMIT 0").columns if c not in VOLATILE]
            out[table] = sorted(map(str, con.sql(f"SELECT {', '.join(cols)} FROM {table}").fetchall()))
        return out


@pytest.fixture()
def limits(monkeypatch):
    monkeypatch.setenv("NEWS_MAX_FILE_MB", "2")


def test_mixed_bad_inbox_every_file_accounted_for_and_rerun_identical(tmp_path, limits):
    inbox = build_bad_inbox(tmp_path)
    db = tmp_path / "w.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(db), instance=instance)
    with duckdb.connect(str(db), read_only=True) as con:
        files = {p: (s, r, e, lossy, dup) for p, s, r, e, lossy, dup in con.sql(
            "SELECT path, status, reason, encoding, lossy, duplicate_of FROM files").fetchall()}
        records = con.sql("SELECT record_no, reason FROM quarantined_records ORDER BY 1").fetchall()
        sources = {r[0] for r in con.sql("SELECT source_file FROM versions").fetchall()}
        texts = " ".join(r[0] for r in con.sql("SELECT text FROM versions").fetchall())
    assert set(files) == set(EXPECTED)  # every entry of the inbox has its row
    for name, (status, words) in EXPECTED.items():
        assert files[name][0] == status, (name, files[name])
        if words:
            assert words in (files[name][1] or ""), (name, files[name])
    assert files["truncated_utf8.txt"][2:4] == ("utf-8", True)
    assert files["windows_1252.txt"][2:4] == ("cp1252", False)
    assert files["good_article.txt"][2:4] == ("utf-8", False)
    assert files["good_article_copy.txt"][4] == "good_article.txt"
    assert [r[0] for r in records] == [1, 2, 5]  # lines 2, 3 and 6 of mixed_records.jsonl
    assert "line 2: invalid JSON" in records[0][1]
    assert sources == {"good_article.txt", "gzipped_article.txt.gz", "gzipped_page.html.gz",
                       "truncated_utf8.txt", "windows_1252.txt", "mixed_records.jsonl"}
    assert "root:" not in texts  # /etc/passwd was never read
    assert "city’s new terrace rules" in texts and "Ã" not in texts and "â€" not in texts  # no mojibake
    first = snapshot(db)
    run_pipeline(str(inbox), str(db), instance=instance)
    assert snapshot(db) == first  # a second run changes nothing

    (inbox / "gzipped_article.txt.gz").unlink()  # deleted from the inbox: marked, rows kept
    run_pipeline(str(inbox), str(db), instance=instance)
    after = snapshot(db)
    assert {t: v for t, v in after.items() if t != "files"} == {t: v for t, v in first.items() if t != "files"}
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.sql("SELECT status, reason FROM files WHERE path = 'gzipped_article.txt.gz'").fetchall() == \
            [("deleted", "removed from the inbox (was loaded)")]


def _seed_inbox(tmp_path: Path, count: int) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir(parents=True)
    for f in sorted(SEEDS.iterdir())[:count]:
        shutil.copy2(f, inbox / f.name)
    return inbox


def test_one_failing_document_per_stage_is_quarantined_and_the_rest_loads(tmp_path, monkeypatch):
    """A document that makes the cleaner, spaCy/the extractors or the row builder raise
    is quarantined with the stage and error; the other documents of the batch load."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("good_article.txt", "gzipped_article.txt.gz", "gzipped_page.html.gz", "mixed_records.jsonl"):
        shutil.copy2(FIXTURES / name, inbox / name)
    real_clean, real_annotate, real_build = clean.clean_document, nlp.annotate_doc, load.build_rows

    def clean_or_fail(doc):
        if "Kessel pass" in doc.versions[0].text:
            raise ValueError("cleaner exploded")
        return real_clean(doc)

    def annotate_or_fail(doc, *args, **kwargs):
        if "Brinmouth" in doc.text:
            raise RuntimeError("extractor exploded")
        return real_annotate(doc, *args, **kwargs)

    def build_or_fail(articles, *args, **kwargs):
        if any("Ravel" in a.versions[0].text for a in articles):
            raise KeyError("row builder exploded")
        return real_build(articles, *args, **kwargs)

    monkeypatch.setattr(clean, "clean_document", clean_or_fail)
    monkeypatch.setattr(nlp, "annotate_doc", annotate_or_fail)
    monkeypatch.setattr(load, "build_rows", build_or_fail)
    db = tmp_path / "w.duckdb"
    run_pipeline(str(inbox), str(db), instance=dg.DagsterInstance.ephemeral())
    with duckdb.connect(str(db), read_only=True) as con:
        files = dict(con.sql("SELECT path, status || ': ' || coalesce(reason, '') FROM files").fetchall())
        records = con.sql("SELECT record_no, reason FROM quarantined_records ORDER BY 1").fetchall()
        titles = {r[0] for r in con.sql("SELECT title FROM articles").fetchall()}
    assert files["gzipped_article.txt.gz"].startswith("quarantined: cleaning failed: ValueError: cleaner exploded")
    assert files["gzipped_page.html.gz"].startswith("quarantined: NLP failed: RuntimeError: extractor exploded")
    assert files["mixed_records.jsonl"].startswith("loaded: 4 record(s) quarantined")
    assert "load failed: KeyError" in dict(records)[4]  # line 5, the Ravel record
    assert files["good_article.txt"] == "loaded: "
    assert "Bridge opens to traffic" in titles and "Harbour council approves new ferry link" in titles


def test_failing_blocking_check_rolls_the_batch_back_and_says_why(tmp_path, monkeypatch):
    inbox = _seed_inbox(tmp_path, 2)
    db = tmp_path / "w.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(db), instance=instance)
    before = snapshot(db)
    shutil.copy2(FIXTURES / "good_article.txt", inbox / "good_article.txt")
    real_build = load.build_rows

    def orphan_quote(*args, **kwargs):
        rows = real_build(*args, **kwargs)
        rows["quotes"].append({**rows["quotes"][0], "quote_id": "q_orphan", "version_id": "v_missing"})
        return rows

    monkeypatch.setattr(load, "build_rows", orphan_quote)
    with pytest.raises(RunFailed) as failure:
        run_pipeline(str(inbox), str(db), instance=instance)
    message = str(failure.value)
    assert failure.value.exit_code == 1
    assert "quotes_foreign_keys_resolve" in message and "quote_id=q_orphan" in message
    assert "rolled back" in message
    assert snapshot(db) == before  # the bad batch never landed


def test_purge_deleted_removes_what_only_deleted_files_loaded(tmp_path):
    inbox = _seed_inbox(tmp_path, 3)
    db = tmp_path / "w.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(db), instance=instance)
    for f in sorted(inbox.iterdir())[1:]:
        f.unlink()
    run_pipeline(str(inbox), str(db), instance=instance)  # marks the two files deleted
    keep = sorted(SEEDS.iterdir())[0].name
    reference = tmp_path / "only_first.duckdb"
    only_first = _seed_inbox(tmp_path / "ref", 1)
    run_pipeline(str(only_first), str(reference), instance=instance)
    assert main(["purge-deleted", "--warehouse", str(db)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.sql("SELECT path, status FROM files").fetchall() == [(keep, "loaded")]
        assert {r[0] for r in con.sql("SELECT source_file FROM versions").fetchall()} == {keep}
    after, ref = snapshot(db), snapshot(reference)
    for table in ("articles", "versions", "mentions", "quotes", "event_mentions", "version_diffs", "stories",
                  "story_members"):
        assert after[table] == ref[table], table
