"""Shared fixtures. The seed warehouse is built once per session by the real pipeline
(real spaCy model, real DuckDB file in a temp dir, in-process Dagster run)."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest

from pipeline.paths import shared_corpora

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPORA = shared_corpora()

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
# What the code derives and keeps between processes (paths.cache_folder) goes to a folder of this
# test session, never into the home folder shared with real runs and other checkouts.
os.environ["NEWS_CACHE"] = tempfile.mkdtemp(prefix="news-cache-tests-")
atexit.register(shutil.rmtree, os.environ["NEWS_CACHE"], True)


def corpus(name: str) -> Path:
    """Path to a shared corpus, or skip the test with the reason when it is absent."""
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"needs ../shared/corpora/{name} (absent in a user's fresh clone; CI has it)")
    return path


@pytest.fixture(scope="session")
def seed_inbox(tmp_path_factory) -> Path:
    inbox = tmp_path_factory.mktemp("inbox")
    for f in SEEDS.iterdir():
        shutil.copy2(f, inbox / f.name)
    return inbox


@pytest.fixture(scope="session")
def seed_warehouse(seed_inbox, tmp_path_factory) -> Path:
    """A warehouse built from the five seeds by the real pipeline (read it, don't write)."""
    # deliberately here, not at the top: every pytest run loads this conftest, and Dagster
    # (~1.2 s CPU to import) is needed only by the tests that use the seed warehouse
    import dagster as dg

    from pipeline.cli_run import run_pipeline

    path = tmp_path_factory.mktemp("warehouse") / "news.duckdb"
    run_pipeline(str(seed_inbox), str(path), instance=dg.DagsterInstance.ephemeral())
    return path


@pytest.fixture()
def seed_db(seed_warehouse):
    con = duckdb.connect(str(seed_warehouse), read_only=True)
    yield con
    con.close()


def rows(con, sql: str, *params) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall() if params else con.sql(sql).fetchall()
