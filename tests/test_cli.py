"""The command line as a user meets it: one-line errors with exit code 2, a closing
summary of what a run did, `query` and `export` on a real warehouse."""
from __future__ import annotations

import re
import shutil

import duckdb
import pytest

from pipeline import cli_output, cli_warm, pending
from pipeline.cli import main
from pipeline.inbox import scan_and_keep
from tests.conftest import SEEDS


@pytest.fixture()
def no_dagster_home(monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)  # an ephemeral instance, not the repo's


def test_missing_inbox_is_one_line_and_exit_2(tmp_path, capsys, no_dagster_home):
    code = main(["run", "--inbox", str(tmp_path / "nowhere"), "--warehouse", str(tmp_path / "w.duckdb")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == [f"error: inbox folder {tmp_path / 'nowhere'} does not exist "
                                        "(set NEWS_INBOX or --inbox)"]


@pytest.mark.parametrize("make_bad, message", [
    (lambda p: p.write_text("not a database"), "is not a DuckDB database file"),
    (lambda p: p.mkdir(), "is a folder, not a DuckDB file"),
])
def test_unreadable_warehouse_is_one_line_and_exit_2(tmp_path, capsys, no_dagster_home, make_bad, message):
    bad = tmp_path / "w.duckdb"
    make_bad(bad)
    code = main(["run", "--inbox", str(SEEDS), "--warehouse", str(bad)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and message in err[0]


def test_run_prints_what_it_did(tmp_path, capsys, no_dagster_home, monkeypatch):
    scans = []  # the pending-work scans (each hashes the whole inbox): one per run
    counted = []  # the NLP warm-up and the row counts before the run, in order
    warm, snapshot = cli_warm.warm_for_run, cli_output.snapshot
    monkeypatch.setattr(cli_warm, "warm_for_run", lambda *a: counted.append("warm") or warm(*a))
    monkeypatch.setattr(cli_output, "snapshot", lambda *a: counted.append("snapshot") or snapshot(*a))
    monkeypatch.setattr(pending, "scan_and_keep",
                        lambda folder, *rest: scans.append(folder) or scan_and_keep(folder, *rest))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for f in sorted(SEEDS.iterdir())[:2]:
        shutil.copy2(f, inbox / f.name)
    (inbox / "broken.json").write_text("{not json", encoding="utf-8")
    warehouse = str(tmp_path / "w.duckdb")
    assert main(["run", "--inbox", str(inbox), "--warehouse", warehouse]) == 0
    captured = capsys.readouterr()
    assert "3 files — 3 new (2 loaded, 1 quarantined), 0 unchanged" in captured.out
    assert "quarantined    1  invalid JSON" in captured.out
    assert "checks: 43 run, 0 failed" in captured.out  # keys + foreign keys of every loaded table
    assert "✓ nlp_annotations" in captured.err and "views rebuilt" in captured.err  # a line per stage
    with duckdb.connect(warehouse, read_only=True) as con:
        articles = con.sql("SELECT count(*) FROM articles").fetchall()[0][0]
    assert re.search(rf"^  articles\s+\+{articles}  \({articles}\)$", captured.out, re.M)
    assert len(scans) == 1  # the Dagster run takes the work the command line found (session 26: two scans)
    assert counted == ["warm", "snapshot"]  # the row counts before the run read after the NLP fork, once
    assert main(["run", "--inbox", str(inbox), "--warehouse", warehouse]) == 0  # nothing new: no checks ran
    out = capsys.readouterr().out
    assert "checks: 0 run, 0 failed" in out
    assert re.search(rf"^  articles\s+\+0  \({articles}\)$", out, re.M)
    assert len(scans) == 2 and counted == ["warm", "snapshot"]  # a no-op run counts the rows once, after


def test_query_model_table_and_sql(seed_warehouse, capsys):
    assert main(["query", "quotes_per_speaker", "--limit", "3", "--warehouse", str(seed_warehouse)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("actor_id") and "John Kerry" in out and "first 3 shown" in out
    assert main(["query", "SELECT count(*) AS n FROM quotes", "--csv", "--warehouse", str(seed_warehouse)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "n"
    assert main(["query", "no_such_model", "--warehouse", str(seed_warehouse)]) == 2
    assert "no table or model named 'no_such_model'" in capsys.readouterr().err
    assert main(["query", "SELEC 1", "--warehouse", str(seed_warehouse)]) == 2
    assert capsys.readouterr().err.startswith("error: query failed: Parser Error")


def test_export_tables_and_models_to_parquet_and_csv(seed_warehouse, tmp_path, capsys):
    out = tmp_path / "export"
    assert main(["export", str(out), "--models", "--warehouse", str(seed_warehouse)]) == 0
    with duckdb.connect(str(seed_warehouse), read_only=True) as con:
        quotes = con.sql("SELECT count(*) FROM quotes").fetchall()[0][0]
    assert duckdb.sql(f"SELECT count(*) FROM '{out / 'quotes.parquet'}'").fetchall()[0][0] == quotes
    assert (out / "quotes_per_speaker.parquet").exists() and not (out / "stg_quotes.parquet").exists()
    assert main(["export", str(out), "--format", "csv", "--only", "articles", "--warehouse", str(seed_warehouse)]) == 0
    assert (out / "articles.csv").read_text(encoding="utf-8").startswith("article_id,")
    assert main(["export", str(out), "--warehouse", str(tmp_path / "missing.duckdb")]) == 2
