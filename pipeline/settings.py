"""Where the pipeline reads and writes, from the environment (`NEWS_INBOX`,
`NEWS_WAREHOUSE`), so `make run`, `make dev` and the CLI agree. No Dagster import:
the CLI reads these before it loads Dagster."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_INBOX = "seeds"
DEFAULT_WAREHOUSE = "warehouse/news.duckdb"


def inbox_path() -> str:
    return str(Path(os.environ.get("NEWS_INBOX", DEFAULT_INBOX)).resolve())


def warehouse_path() -> str:
    path = Path(os.environ.get("NEWS_WAREHOUSE", DEFAULT_WAREHOUSE)).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)
