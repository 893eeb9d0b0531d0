"""Sentence spans of the stored versions (table version_sentences), split in SQL by the
rule in sql/sentence_spans.sql. The stg_sentences model used to split every version's text
with regular expressions each time it was read, so every model above it (stg_mentions,
actor_cooccurrence) paid for the split of the whole warehouse on every query; a version's
text never changes (its ID is a hash of it), so it is split once, in the transaction that
loads it."""
from __future__ import annotations

from pathlib import Path

from pipeline.check_sql import BatchScope

SPANS_SQL = Path(__file__).resolve().parent.parent / "sql" / "sentence_spans.sql"
TABLE = "version_sentences"


def store_missing_spans(con, scope: BatchScope | None = None) -> int:
    """Split every stored version that has no sentence rows yet (the batch's new versions;
    on a warehouse built before this table, all of them) and insert the rows; they join
    the batch's `scope`, so its checks read them. Returns the rows inserted."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE new_sentence_spans AS {SPANS_SQL.read_text(encoding='utf-8')}")
    try:
        con.execute(f"INSERT INTO {TABLE} SELECT version_id, sentence_no, start_char, end_char, sentence_hash "
                    f"FROM new_sentence_spans")
        inserted = con.execute("SELECT count(*) FROM new_sentence_spans").fetchall()[0][0]
        if scope is not None and inserted:
            scope.add(con, TABLE, "new_sentence_spans")
    finally:
        con.execute("DROP TABLE IF EXISTS new_sentence_spans")
    return inserted
