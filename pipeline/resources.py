"""Resources: the DuckDB warehouse and the inbox folder, both configured from the
environment (`NEWS_WAREHOUSE`, `NEWS_INBOX`) so `make run`, `make dev` and the CLI agree."""
from __future__ import annotations

from contextlib import contextmanager

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline import locks
from pipeline.locks import CONNECTION_CONFIG  # files readable by the duckdb CLI 1.5
from pipeline.paths import inbox_path, warehouse_path


class InboxResource(dg.ConfigurableResource):
    """The folder watched for new articles."""

    path: str


class WarehouseResource(DuckDBResource):
    """dagster-duckdb's resource, but (1) while another process holds the file lock it
    waits at INFO level for at most NEWS_LOCK_TIMEOUT seconds and then fails with one
    line (`RunBlocked`), instead of upstream's silent ~100 s backoff and traceback;
    (2) the connection is closed even when the step fails (upstream leaks it, which
    keeps the file locked in an in-process run)."""

    @contextmanager
    def get_connection(self):
        conn = locks.connect_waiting(self.database, locks.writer_config(self.connection_config))
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
