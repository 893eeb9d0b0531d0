"""Bounded waits for a busy warehouse. DuckDB lets one process hold a file for writing;
another process (a second run, the duckdb CLI, a notebook) makes every writer fail with
"Could not set lock". dagster-duckdb retries ~100 s in silence and then raises a
traceback; here the wait is said at once at INFO level (with the holder's PID from
DuckDB's message) and gives up after NEWS_LOCK_TIMEOUT seconds with one line
(`RunBlocked`, CLI exit code 2). Light on purpose (no Dagster import): the CLI probes
the lock before it loads Dagster, so a busy warehouse is reported within a second or two."""
from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable

import duckdb

# Files stay readable by the duckdb CLI 1.5 from PyPI (stack findings).
CONNECTION_CONFIG = {"storage_compatibility_version": "v1.5.0"}
DEFAULT_LOCK_TIMEOUT_S = 60.0
POLL_S = 0.5
LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")

log = logging.getLogger("pipeline")


class RunBlocked(RuntimeError):
    """The run cannot proceed (warehouse locked, writer pool held) within the bounded wait."""


def lock_timeout() -> float:
    """NEWS_LOCK_TIMEOUT: seconds to wait for the warehouse file lock or the writer pool."""
    return float(os.environ.get("NEWS_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT_S))


def wait_until(ready: Callable[[], str | None], what: str, timeout: float, logger: logging.Logger) -> None:
    """Poll `ready()` (None = go on, else who holds it) until it frees or `timeout`
    passes; says so at INFO once, raises RunBlocked with one line at the end."""
    deadline = time.monotonic() + timeout
    holder = ready()
    if holder is None:
        return
    logger.info(f"waiting for {what} (held by {holder}); giving up after {timeout:.0f} s (NEWS_LOCK_TIMEOUT)")
    while time.monotonic() < deadline:
        time.sleep(POLL_S)
        holder = ready()
        if holder is None:
            logger.info(f"{what} is free: going on")
            return
    raise RunBlocked(f"gave up after {timeout:.0f} s waiting for {what}, still held by {holder} "
                     "(set NEWS_LOCK_TIMEOUT to wait longer)")


def writer_config(extra: dict | None = None) -> dict:
    """The configuration every read-write connection uses (DuckDB refuses a second
    connection to the same file in one process with a different one)."""
    return {"custom_user_agent": "dagster", **CONNECTION_CONFIG, **(extra or {})}


def lock_holder(exc: BaseException) -> str:
    found = LOCK_HOLDER.search(str(exc))
    return f"{found.group(1)} (pid {found.group(2)})" if found else "another process"


def is_lock_error(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def connect_waiting(database: str, config: dict, timeout: float | None = None,
                    logger: logging.Logger | None = None) -> duckdb.DuckDBPyConnection:
    """A read-write connection to the warehouse, waiting (bounded) while another
    process holds its file lock."""
    logger = logger or log
    conn: list[duckdb.DuckDBPyConnection] = []

    def holder() -> str | None:
        try:
            conn.append(duckdb.connect(database, read_only=False, config=config))
            return None
        except duckdb.IOException as exc:
            if not is_lock_error(exc):
                raise
            return lock_holder(exc)

    wait_until(holder, f"the warehouse {database} (file lock)", lock_timeout() if timeout is None else timeout, logger)
    return conn[0]
