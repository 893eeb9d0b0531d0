"""The table catalogue: sql/schema.yml (tables and views) and sql/models/models.yml (the
SQL models) read into named records. Everything that needs to know what a table is —
its key, its foreign keys, what its columns mean — asks here: the load stage (keys and
write order), the Dagster assets (descriptions, column schemas), the checks (keys and
foreign keys) and sql/README.md, which `python -m pipeline.catalog --write` generates."""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

# libyaml's safe loader when PyYAML has it (the same documents; 36 -> 4 ms for the two
# catalogue files, read by every run's process), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
SCHEMA_YML = SQL_DIR / "schema.yml"
MODELS_YML = SQL_DIR / "models" / "models.yml"
README = SQL_DIR / "README.md"


@dataclass(frozen=True)
class ForeignKey:
    column: str
    parent_table: str
    parent_column: str
    nullable: bool


@dataclass(frozen=True)
class Relation:
    """A table, view or model: what one row is, its key and its columns' meanings."""

    name: str
    kind: str  # table | view | model
    description: str
    keys: tuple[str, ...]
    columns: dict[str, str]
    foreign_keys: tuple[ForeignKey, ...] = ()
    written_by: str | None = None  # None: the load stage writes it
    example: str | None = None
    derived_from: tuple[str, ...] = ()  # a table counted from these tables in their writes (no asset of its own)
    key_declared: bool = True  # False: no PRIMARY KEY in DuckDB; the load merges on the key, the checks keep it unique


def _foreign_key(raw: dict) -> ForeignKey:
    parent_table, parent_column = raw["references"].split(".")
    return ForeignKey(raw["column"], parent_table, parent_column, bool(raw.get("nullable", False)))


def _relation(name: str, raw: dict, kind: str) -> Relation:
    return Relation(
        name=name,
        kind=kind,
        description=" ".join(raw["description"].split()),
        keys=tuple(raw.get("keys") or raw.get("grain") or ()),
        columns={str(c): str(meaning) for c, meaning in raw["columns"].items()},
        foreign_keys=tuple(_foreign_key(fk) for fk in raw.get("foreign_keys") or ()),
        written_by=raw.get("written_by"),
        example=(raw.get("example") or "").strip() or None,
        derived_from=tuple(raw.get("derived_from") or ()),
        key_declared=bool(raw.get("key_declared", True)),
    )


@lru_cache(maxsize=1)
def relations() -> dict[str, Relation]:
    """Every table, view and model by name, tables first in write order."""
    schema = yaml.load(SCHEMA_YML.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    models = yaml.load(MODELS_YML.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    out: dict[str, Relation] = {}
    for section, kind, raw_all in (("tables", "table", schema), ("views", "view", schema), ("models", "model", models)):
        for name, raw in (raw_all.get(section) or {}).items():
            out[name] = _relation(name, raw, kind)
    return out


def tables() -> dict[str, Relation]:
    return {n: r for n, r in relations().items() if r.kind == "table"}


def loaded_tables() -> dict[str, Relation]:
    """The tables the load stage writes, in the order it writes them."""
    return {n: r for n, r in tables().items() if r.written_by is None}


def lineage(names: list[str]) -> list[str]:
    """The assets behind tables and models: a derived table (no asset of its own) stands for
    the tables it is counted from."""
    known = relations()
    return sorted({source for name in names
                   for source in (known[name].derived_from if name in known and known[name].derived_from else (name,))})


def table_keys() -> dict[str, tuple[str, ...]]:
    """Primary key of every table the load stage writes (its write order)."""
    return {n: r.keys for n, r in loaded_tables().items()}


def undeclared_keys() -> frozenset[str]:
    """The tables the load writes whose key is not a PRIMARY KEY in DuckDB (schema.yml's
    `key_declared: false`): the load merges on it, the checks keep it unique."""
    return frozenset(n for n, r in loaded_tables().items() if not r.key_declared)


def table_counts(con) -> dict[str, int]:
    """Rows in every table the load writes (in its write order)."""
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in table_keys()}


def foreign_keys() -> list[tuple[str, ForeignKey]]:
    return [(n, fk) for n, r in tables().items() for fk in r.foreign_keys]


def describe(name: str) -> str:
    return relations()[name].description


# ------------------------------------------------------------------ sql/README.md


def _markdown_table(relation: Relation) -> list[str]:
    fks = {fk.column: fk for fk in relation.foreign_keys}
    lines = ["| column | meaning |", "|---|---|"]
    for column, meaning in relation.columns.items():
        notes = []
        if column in relation.keys:
            notes.append("key" if relation.kind == "table" else "grain")
        if column in fks:
            fk = fks[column]
            notes.append(f"→ {fk.parent_table}.{fk.parent_column}" + (" (nullable)" if fk.nullable else ""))
        note = f" *({'; '.join(notes)})*" if notes else ""
        lines.append(f"| `{column}` | {meaning.replace('|', '&#124;')}{note} |")
    return lines


def render_readme() -> str:
    """sql/README.md from the catalogue (a test fails when the file is out of date)."""
    out = [
        "# Warehouse catalogue",
        "",
        "Generated from `sql/schema.yml` and `sql/models/models.yml` by",
        "`python -m pipeline.catalog --write` — edit those, not this file.",
        "",
        "Tables are created by `sql/schema.sql` and written by the load stage, one transaction",
        "per inbox batch. Models are views: one `sql/models/*.sql` file each (shared joins in",
        "`sql/models/staging/stg_*.sql`), rebuilt after every load.",
        "",
    ]
    sections = (("Tables", "table"), ("Views", "view"), ("Models", "model"))
    for title, kind in sections:
        members = [r for r in relations().values() if r.kind == kind]
        out += [f"## {title}", ""]
        out += [f"- [`{r.name}`](#{r.name}) — {r.description}" for r in members]
        out.append("")
        for relation in members:
            out += [f"### {relation.name}", "", relation.description, ""]
            if relation.keys:
                label = "Primary key" if kind == "table" else "One row per"
                kept = "" if relation.key_declared else (" (not declared to DuckDB: the load merges on it, the checks "
                                                          "keep it unique)")
                out += [f"{label}: `{', '.join(relation.keys)}`{kept}.", ""]
            if relation.written_by:
                out += [f"Written by: {relation.written_by}.", ""]
            out += _markdown_table(relation) + [""]
            if relation.example:
                out += ["```sql", relation.example, "```", ""]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.catalog", description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite sql/README.md from the catalogue")
    args = parser.parse_args(argv)
    text = render_readme()
    if args.write:
        README.write_text(text, encoding="utf-8")
        print(f"wrote {README} ({len(relations())} tables, views and models)")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
