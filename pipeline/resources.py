"""Resources: the DuckDB warehouse and the inbox folder, both configured from the
environment (`NEWS_WAREHOUSE`, `NEWS_INBOX`) so `make run`, `make dev` and the CLI agree."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

DEFAULT_INBOX = "seeds"
DEFAULT_WAREHOUSE = "warehouse/news.duckdb"
# Files stay readable by the duckdb CLI 1.5 from PyPI (stack findings).
CONNECTION_CONFIG = {"storage_compatibility_version": "v1.5.0"}


def inbox_path() -> str:
    return str(Path(os.environ.get("NEWS_INBOX", DEFAULT_INBOX)).resolve())


# A NEWS_WAREHOUSE with one of these prefixes names a catalogue DuckDB attaches (MotherDuck,
# DuckLake), not a local file: the storage is configuration behind the warehouse resource.
CATALOGUE_PREFIXES = ("md:", "motherduck:", "ducklake:")


def is_catalogue(database: str) -> bool:
    return database.startswith(CATALOGUE_PREFIXES)


def warehouse_path() -> str:
    value = os.environ.get("NEWS_WAREHOUSE", DEFAULT_WAREHOUSE)
    if is_catalogue(value):
        return value
    path = Path(value).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)


class InboxResource(dg.ConfigurableResource):
    """The folder watched for new articles."""

    path: str


class WarehouseResource(DuckDBResource):
    """dagster-duckdb's resource, but the connection is closed even when the step
    fails (upstream leaks it, which keeps the file locked in an in-process run)."""

    @contextmanager
    def get_connection(self):
        with super().get_connection() as conn:
            try:
                yield conn
            finally:
                conn.close()


def warehouse_resource(database: str | None = None) -> WarehouseResource:
    return WarehouseResource(database=database or warehouse_path(), connection_config=CONNECTION_CONFIG)


def resources(inbox: str | None = None, warehouse: str | None = None) -> dict:
    return {
        "warehouse": warehouse_resource(warehouse),
        "inbox": InboxResource(path=inbox or inbox_path()),
    }
