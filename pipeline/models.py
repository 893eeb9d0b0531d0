"""Models stage: every `sql/models/*.sql` becomes a DuckDB view, built by an asset that
depends on the tables and models its SQL reads (found from FROM/JOIN clauses)."""

import hashlib
import re
from pathlib import Path

import dagster as dg
from pipeline.resources import WarehouseResource

from pipeline.load import TABLE_KEYS


def model_fingerprint(sql: str) -> str:
    """Stored as the view's comment, so an edited model file is seen as out of date."""
    return "sql sha256 " + hashlib.sha256(sql.encode("utf-8")).hexdigest()[:16]


MODELS_DIR = Path(__file__).resolve().parent.parent / "sql" / "models"
_REFERENCE = re.compile(r"\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)", re.I)


def model_files() -> dict[str, Path]:
    return {p.stem: p for p in sorted(MODELS_DIR.glob("*.sql"))}


def model_dependencies(sql: str, known: set[str]) -> list[str]:
    """Tables and models the SQL reads (CTE names are not dependencies)."""
    ctes = set(re.findall(r"\b([A-Za-z_][A-Za-z0-9_]*)\s+AS\s*\(", sql, re.I))
    refs = {r for r in _REFERENCE.findall(sql)} - ctes
    return sorted(r for r in refs if r in known)


def model_question(sql: str) -> str:
    lines = [l[2:].strip() for l in sql.splitlines() if l.startswith("--")]
    return " ".join(lines) or "SQL model"


def create_view(con, name: str, sql: str) -> None:
    """The view, with a fingerprint of its SQL as comment (how `run` sees an edited model)."""
    con.execute(f"CREATE OR REPLACE VIEW {name} AS\n{sql.rstrip().rstrip(';')}")
    con.execute(f"COMMENT ON VIEW {name} IS '{model_fingerprint(sql)}'")


def build_model_assets() -> list[dg.AssetsDefinition]:
    files = model_files()
    known = set(TABLE_KEYS) | set(files)
    assets = []
    for name, path in files.items():
        sql = path.read_text(encoding="utf-8")
        assets.append(_model_asset(name, sql, model_dependencies(sql, known)))
    return assets


def _model_asset(name: str, sql: str, deps: list[str]) -> dg.AssetsDefinition:
    @dg.asset(
        name=name,
        group_name="models",
        deps=deps,
        description=model_question(sql),
        kinds={"duckdb", "sql"},
        pool="duckdb_writer",
        automation_condition=dg.AutomationCondition.eager(),
    )
    def _model(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
        from pipeline.load import ensure_schema

        with warehouse.get_connection() as con:
            ensure_schema(con)
            create_view(con, name, sql)
            rows = con.sql(f"SELECT count(*) FROM {name}").fetchall()[0][0]
        return dg.MaterializeResult(metadata={"row_count": rows, "sql": dg.MetadataValue.md(f"```sql\n{sql}\n```")})

    return _model
