"""The SQL models as files: every `sql/models/**/*.sql` is one view named after its file
(shared joins in `sql/models/staging/stg_*.sql`). Pure functions: find the files, read
which tables and models each one reads, order them so every view is created after what
it reads, and create one."""
from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "sql" / "models"
_REFERENCE = re.compile(r"\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)", re.I)
_CTE = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s+AS\s*\(", re.I)


def model_files() -> dict[str, Path]:
    """{model name: file}, staging models included."""
    return {p.stem: p for p in sorted(MODELS_DIR.rglob("*.sql"))}


def model_dependencies(sql: str, known: set[str]) -> list[str]:
    """Tables and models the SQL reads (CTE names are not dependencies)."""
    ctes = set(_CTE.findall(sql))
    refs = set(_REFERENCE.findall(sql)) - ctes
    return sorted(r for r in refs if r in known)


def model_question(sql: str) -> str:
    """The header comment: the question the model answers."""
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].strip())
    return " ".join(lines) or "SQL model"


def model_order(files: dict[str, Path]) -> list[str]:
    """Model names with every model after the models it reads."""
    deps = {name: set(model_dependencies(path.read_text(encoding="utf-8"), set(files)) ) - {name}
            for name, path in files.items()}
    ordered: list[str] = []
    while deps:
        ready = sorted(name for name, needs in deps.items() if needs <= set(ordered))
        if not ready:
            raise ValueError(f"SQL models read each other in a cycle: {sorted(deps)}")
        ordered += ready
        for name in ready:
            del deps[name]
    return ordered


def model_fingerprint(sql: str) -> str:
    """Stored as the view's comment, so `run` sees an edited model file as out of date."""
    return "sql sha256 " + hashlib.sha256(sql.encode("utf-8")).hexdigest()[:16]


def create_view(con, name: str, sql: str) -> None:
    con.execute(f"CREATE OR REPLACE VIEW {name} AS\n{sql.rstrip().rstrip(';')}")
    con.execute(f"COMMENT ON VIEW {name} IS '{model_fingerprint(sql)}'")


@cache
def models_read_by(names: tuple[str, ...]) -> tuple[str, ...]:
    """These models and every model they read, each after the models it reads (remembered
    for the process, like the fingerprints read from the same files: ~8 ms of parsing every
    model file per load)."""
    files, wanted, todo = model_files(), set(), list(names)
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo += model_dependencies(files[name].read_text(encoding="utf-8"), set(files))
    return tuple(name for name in model_order(files) if name in wanted)


def stored_fingerprints(con) -> dict[str, str | None]:
    """{view name: comment} of the views of the connection's current database and schema
    (where `create_view` creates them): a view of the same name elsewhere — an attached
    database, another schema, a temporary view — is not the warehouse's."""
    return dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal "
                            "AND database_name = current_database() AND schema_name = current_schema()").fetchall())


def outdated(con, names) -> list[str]:
    """Those of the models `names` whose view is missing or out of date: its comment is not
    the fingerprint of its file's SQL (as `create_view` writes it). The one comparison of
    stored views with the files: the pending-work scan asks it for every model,
    `ensure_views` for the models some SQL reads."""
    files, stored = model_files(), stored_fingerprints(con)
    return [name for name in names if stored.get(name) != model_fingerprint(files[name].read_text(encoding="utf-8"))]


def ensure_views(con, names: tuple[str, ...]) -> None:
    """These models and the models they read as views, created from their files where
    missing or out of date (`outdated`), so SQL run before the models step
    (pipeline.actor_pairs) reads the views the models read, never a copy of their SQL."""
    files = model_files()
    for name in outdated(con, models_read_by(names)):
        create_view(con, name, files[name].read_text(encoding="utf-8"))


def create_all_views(con) -> list[str]:
    """Every model as a view, in dependency order (the CLI's `query` and tests use it)."""
    files = model_files()
    order = model_order(files)
    for name in order:
        create_view(con, name, files[name].read_text(encoding="utf-8"))
    return order
