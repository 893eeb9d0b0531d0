"""Where the inbox, the warehouse and its report are (NEWS_INBOX, NEWS_WAREHOUSE). Light on
purpose (no Dagster): the command line decides a no-op run before it loads Dagster."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_INBOX = "seeds"
DEFAULT_WAREHOUSE = "warehouse/news.duckdb"
# A NEWS_WAREHOUSE with one of these prefixes names a catalogue DuckDB attaches (MotherDuck,
# DuckLake), not a local file: the storage is configuration behind the warehouse resource.
CATALOGUE_PREFIXES = ("md:", "motherduck:", "ducklake:")


def inbox_path() -> str:
    return str(Path(os.environ.get("NEWS_INBOX", DEFAULT_INBOX)).resolve())


def is_catalogue(database: str) -> bool:
    return database.startswith(CATALOGUE_PREFIXES)


def warehouse_path() -> str:
    value = os.environ.get("NEWS_WAREHOUSE", DEFAULT_WAREHOUSE)
    if is_catalogue(value):
        return value
    path = Path(value).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)


def shared_corpora() -> Path:
    """The shared corpora the evaluations read: NEWS_CORPORA, else ../shared/corpora beside the
    checkout (a worktree elsewhere sets NEWS_CORPORA)."""
    default = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
    return Path(os.environ.get("NEWS_CORPORA", default))


def cache_folder() -> Path:
    """Where what is derived from the code alone is kept between processes (NEWS_CACHE, else
    $XDG_CACHE_HOME/news-warehouse, else ~/.cache/news-warehouse); created by its writer."""
    if os.environ.get("NEWS_CACHE"):
        return Path(os.environ["NEWS_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-warehouse"


def keep_file(path: Path, text: str, make_folder: bool = False) -> bool:
    """Write `text` to `path` whole or not at all (a temporary file beside it, renamed over it:
    a reader never sees half a file, two writers never mix): for caches, where a failed write
    only means the next process computes again (`make_folder`: its folder made first, else it
    must exist). False when it could not be written."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        if make_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        return True
    except OSError:
        temporary.unlink(missing_ok=True)
        return False


def report_folder(warehouse: str) -> Path:
    """warehouse/news.duckdb -> warehouse/news-report/."""
    path = Path(warehouse)
    return path.with_name(path.stem + "-report")
