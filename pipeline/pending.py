"""What a run has to do, found before any Dagster run starts: inbox files the warehouse
has not loaded with this content, versions annotated by older extractors, and SQL model
views that are missing or out of date. When there is none of it, `run` starts no
Dagster run at all (no NLP, no load, no checks) — the cost of a re-run of an unchanged
inbox is one hash of the inbox and one small query, not a pass over every table."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import os

import duckdb

from pipeline.inbox import scan_and_keep
from pipeline.model_sql import model_files, outdated
from pipeline.paths import is_catalogue
from pipeline.records import EXTRACTOR_VERSION

NOTHING_NEW = ("nothing new in {inbox}: every file is loaded, no version is stale, every model is current "
               "— no NLP, no load, no checks (no Dagster run started)")


def reannotate_enabled(flag: bool | None = None) -> bool:
    """Re-annotate stale versions on `run`: the flag, else NEWS_REANNOTATE (default on)."""
    return flag if flag is not None else os.environ.get("NEWS_REANNOTATE", "1") not in ("0", "false", "no")


def version_tuple(version: str | None) -> tuple[int, ...]:
    """"0.3.0" → (0, 3, 0); None or unreadable → () (older than any real version)."""
    try:
        return tuple(int(part) for part in (version or "").split("."))
    except ValueError:
        return ()


def is_stale(version: str | None, current: str = EXTRACTOR_VERSION) -> bool:
    """A row annotated by an extractor older than the code's (never a newer one)."""
    return version_tuple(version) < version_tuple(current)


def stale_versions(con) -> list[str]:
    """version_ids whose extractor_version is older than EXTRACTOR_VERSION, in id order."""
    old = [v for (v,) in con.sql("SELECT DISTINCT extractor_version FROM versions").fetchall() if is_stale(v)]
    if not old:
        return []
    nulls = " OR extractor_version IS NULL" if None in old else ""
    return [r[0] for r in con.execute(
        f"SELECT version_id FROM versions WHERE extractor_version IN (SELECT unnest(?)){nulls} ORDER BY version_id",
        [[v for v in old if v is not None]]).fetchall()]


def outdated_models(con) -> list[str]:
    """Every model whose view is missing or out of date (model_sql.outdated)."""
    return outdated(con, list(model_files()))


@dataclass
class PendingWork:
    new_files: list[str] = field(default_factory=list)  # inbox-relative names
    deleted_files: list[str] = field(default_factory=list)  # loaded before, gone now: the run marks them
    stale_versions: int = 0
    outdated_models: list[str] = field(default_factory=list)
    known: bool = True  # False: the warehouse could not be read (locked, damaged): do the full run

    @property
    def nothing(self) -> bool:
        return self.known and not (self.new_files or self.deleted_files or self.stale_versions
                                   or self.outdated_models)

    def summary(self) -> str:
        return (f"{len(self.new_files)} new or changed files, {self.stale_versions} versions to re-annotate, "
                f"{len(self.outdated_models)} SQL models to rebuild")


def pending_work(inbox: str, warehouse: str, reannotate: bool = True) -> PendingWork:
    files = scan_and_keep(inbox, warehouse)  # the run's scan step takes these hashes (inbox.kept_scan)
    if not is_catalogue(warehouse) and not Path(warehouse).exists():
        return PendingWork(new_files=[f.name for f in files], outdated_models=list(model_files()))
    try:
        with duckdb.connect(warehouse, read_only=True) as con:
            tables = {r[0] for r in con.sql("SELECT table_name FROM duckdb_tables()").fetchall()}
            if not {"files", "versions"} <= tables:
                return PendingWork(new_files=[f.name for f in files], outdated_models=list(model_files()))
            con.execute("CREATE TEMP TABLE scanned AS SELECT unnest(?::VARCHAR[]) AS file_id, unnest(?::VARCHAR[]) AS name",
                        [[f.file_id for f in files], [f.name for f in files]])
            new = [r[0] for r in con.sql("SELECT name FROM scanned WHERE file_id NOT IN "
                                         "(SELECT file_id FROM files WHERE status <> 'deleted') ORDER BY name").fetchall()]
            gone = [r[0] for r in con.sql("SELECT DISTINCT path FROM files WHERE status <> 'deleted' "
                                          "AND path NOT IN (SELECT name FROM scanned) ORDER BY 1").fetchall()]
            stale = len(stale_versions(con)) if reannotate else 0
            return PendingWork(new, gone, stale, outdated_models(con))
    except duckdb.Error:
        return PendingWork(known=False)
