"""Cost in proportion to new work: a no-op re-run starts no Dagster run; re-annotation
after an extractor upgrade rebuilds the annotation rows from stored text, with the same
IDs and the same actors where nothing changed."""
from __future__ import annotations

import shutil
import subprocess
import sys

import dagster as dg
import duckdb
import pytest

from pipeline import nlp, reannotate
from pipeline.assets import inbox_batches
from pipeline.automation import ingest_run_config
from pipeline.cli_run import _state_storage_of, reannotate_warehouse, run_pipeline
from pipeline.definitions import build_definitions
from pipeline.nlp import prefetch, warm
from pipeline.pending import is_stale, pending_work
from pipeline.records import EXTRACTOR_VERSION
from tests.conftest import ROOT, SEEDS

# Every table re-annotation may write, compared without the columns that record *when*.
ANNOTATION_TABLES = {"actors": "first_seen_at", "actor_aliases": None, "actor_roles": None, "actor_merges": "merged_at",
                     "actor_links": None, "mentions": None, "quotes": None, "events": None, "event_mentions": None,
                     "version_diffs": None, "story_members": None}


def _snapshot(db) -> dict[str, list[str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: sorted(map(str, con.sql(f"SELECT * {f'EXCLUDE ({drop})' if drop else ''} FROM {t}").fetchall()))
                for t, drop in ANNOTATION_TABLES.items()}


@pytest.fixture()
def built(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    db = tmp_path / "w.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(db), instance=instance)
    return inbox, db, instance


def test_stale_means_older_than_the_code():
    assert is_stale(None) and is_stale("0.0.1") and is_stale("0.2.9", "0.10.0")
    assert not is_stale(EXTRACTOR_VERSION) and not is_stale("99.0.0")


def test_noop_rerun_starts_no_dagster_run(built, capsys):
    inbox, db, instance = built
    runs = len(instance.get_runs())
    assert pending_work(str(inbox), str(db)).nothing
    run_pipeline(str(inbox), str(db), instance=instance)
    assert len(instance.get_runs()) == runs
    assert "no NLP, no load, no checks" in capsys.readouterr().out
    # a new file is work again
    (inbox / "new.txt").write_text((SEEDS / sorted(p.name for p in SEEDS.iterdir())[0]).read_text() + "\nMore.")
    assert pending_work(str(inbox), str(db)).new_files == ["new.txt"]


def test_reannotation_rebuilds_rows_from_stored_text_with_same_ids(built):
    inbox, db, instance = built
    before = _snapshot(db)
    with duckdb.connect(str(db)) as con:  # an "older extractor" whose rows were different
        con.execute("UPDATE versions SET extractor_version = '0.0.1'")
        con.execute("DELETE FROM quotes")
        con.execute("DELETE FROM mentions WHERE start_char < 500")
        con.execute("UPDATE event_mentions SET status = 'stale'")
    shutil.rmtree(inbox)  # no file is re-read
    inbox.mkdir()
    reannotate_warehouse(str(inbox), str(db), instance=instance, limit=2)
    with duckdb.connect(str(db), read_only=True) as con:
        versions = dict(con.sql("SELECT extractor_version, count(*) FROM versions GROUP BY 1").fetchall())
    assert versions == {EXTRACTOR_VERSION: 2, "0.0.1": 4}  # in proportion: only the 2 asked for
    runs = len(instance.get_runs())
    run_pipeline(str(inbox), str(db), instance=instance)  # `run` re-annotates the rest by itself
    assert len(instance.get_runs()) > runs
    assert _snapshot(db) == before
    assert pending_work(str(inbox), str(db)).nothing


def test_run_can_leave_stale_versions_alone(built):
    inbox, db, instance = built
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE versions SET extractor_version = '0.0.1'")
    run_pipeline(str(inbox), str(db), instance=instance, reannotate=False)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.sql("SELECT DISTINCT extractor_version FROM versions").fetchall() == [("0.0.1",)]


def test_ingest_run_with_nothing_new_skips_the_batch_stages(built):
    """What the sensor's or the schedule's run does when the inbox holds nothing new."""
    inbox, db, instance = built
    instance.add_dynamic_partitions(inbox_batches.name, ["rescan-again"])
    with _state_storage_of(instance):
        result = build_definitions(str(inbox), str(db)).resolve_job_def("ingest_job").execute_in_process(
            partition_key="rescan-again", instance=instance, run_config=ingest_run_config([]))
    assert result.success
    assert {e.step_key for e in result.get_step_success_events()} == {"inbox_files"}
    skipped = {e.step_key for e in result.all_events if e.event_type_value == "STEP_SKIPPED"}
    assert {"nlp_annotations", "warehouse_tables"} <= skipped
    assert not result.get_asset_check_evaluations()


def test_noop_cli_run_decides_before_loading_dagster(built):
    """The no-op path of `python -m pipeline run` imports neither Dagster nor Great
    Expectations nor matplotlib: its cost is a hash of the inbox and a few queries."""
    inbox, db, _ = built
    script = ("import sys; from pipeline.cli import main; "
              f"code = main(['run', '--inbox', {str(inbox)!r}, '--warehouse', {str(db)!r}]); "
              "print(sorted(m for m in ('dagster', 'great_expectations', 'matplotlib') if m in sys.modules), code)")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "no NLP, no load, no checks" in done.stdout, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[] 0"


def _event_spans_of_seed_002(db) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql("""SELECT DISTINCT first_version_no, last_version_no FROM events
                          WHERE article_id IN (SELECT article_id FROM versions WHERE source_file LIKE '002_%')
                          ORDER BY 1, 2""").fetchall()


def test_reannotating_the_first_version_keeps_event_spans_over_every_report(built):
    """An event reported in versions 1 and 2 keeps the span 1-2 when only version 1 is
    re-annotated: the span counts every report (event_mentions), not only the version the
    `events` row keeps as its first report."""
    inbox, db, instance = built
    assert _event_spans_of_seed_002(db) == [(1, 2)]
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE versions SET extractor_version = '0.0.1' WHERE source_file LIKE '002_%' "
                    "AND version_no = 1")
    reannotate_warehouse(str(inbox), str(db), instance=instance)
    assert _event_spans_of_seed_002(db) == [(1, 2)]


def test_runs_that_draw_no_report_never_import_matplotlib():
    """`reannotate`, `check`, `purge-deleted` load the definitions but draw no report: the
    report's matplotlib (~0.4 s CPU of imports) is imported only when the report is drawn."""
    script = "import sys, pipeline.cli_run; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr


def test_the_command_line_forks_its_nlp_workers_before_importing_polars():
    """What `run` imports before it forks the warm NLP workers (pipeline.cli, pipeline.cli_warm,
    with the extractors and pipeline.versions) is on the critical path of every run: polars
    (~0.3 s CPU) waits until the load needs it (until session 27 pipeline.versions.stored
    imported it at its top)."""
    script = "import sys, pipeline.cli, pipeline.cli_warm; print('polars' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr


class _RecordingService:
    """Stands in for the warm workers' pipe only (the chunks are annotated here, by the real
    model): records each request the re-annotation sends."""

    def __init__(self):
        self.requests = []

    def annotate(self, chunks, processes):
        self.requests.append(chunks)
        return [nlp.annotate_chunk(chunk) for chunk in chunks]


@pytest.mark.parametrize("processes", ["1", "2"])
def test_reannotation_sends_the_requests_the_cli_prefetches(built, monkeypatch, processes):
    """The CLI starts the warm workers on the stale versions' chunks worked out before Dagster
    starts (pipeline.nlp.prefetch): they must be exactly the requests the re-annotation sends,
    batch by batch, or the prefetched work is thrown away."""
    inbox, db, instance = built
    monkeypatch.setenv("NEWS_NLP_PROCESSES", processes)
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE versions SET extractor_version = '0.0.1'")
    expected = prefetch.expected_reannotation(str(db), limit=5, batch_size=2)
    assert [len(request) for request in expected] and sum(len(c) for r in expected for c in r) <= 5
    service = _RecordingService()
    monkeypatch.setattr(warm, "running", lambda: service)
    connect = lambda: duckdb.connect(str(db))  # noqa: E731
    done = reannotate.reannotate_stale(connect, batch_size=2, limit=5, log=lambda _: None)
    assert done.batches == 3 and service.requests == expected
