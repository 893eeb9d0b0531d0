"""Actor pair counts (table actor_pairs), kept by every write that changes what they count,
so the actor_cooccurrence model reads ~142k counted pairs instead of counting them from
every mention on each read (most of its cost was the group-by of the pairs).

A pair's counts are a sum over articles (sql/actor_pairs.sql counts the articles of the temp
table pair_articles). A write that touches articles — new versions, re-annotated versions,
stored rows repointed to another actor, new or undone merges (every article naming an actor
they can move), a purge — subtracts those articles' counts before its first statement and
adds them back after its last one, in its own transaction (`recounted`): never half done.
The table's COMMENT holds the fingerprint of the counting SQL: a warehouse built before the
table, or counted by other SQL, is counted whole once (`store_missing_pairs`, also run by the
models step)."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import polars as pl

from pipeline.model_sql import ensure_views, model_files, models_read_by

PAIRS_SQL = Path(__file__).resolve().parent.parent / "sql" / "actor_pairs.sql"
# the views the counting SQL reads (actor_identity here, the staging models it reads the mentions
# from) are defined in these files: a change to them changes the counts as much as a change to
# the counting SQL itself
SCHEMA_SQL = PAIRS_SQL.parent / "schema.sql"
READS = ("stg_mentions",)  # the models the counting SQL reads (ensure_views: before the models step made them)
TABLE = "actor_pairs"
PAIRS_VERSION = "1"  # bump when the counts change in a way sql/actor_pairs.sql does not show
COUNTS = ("sentences_together", "articles_sharing_a_sentence", "articles_together")


@cache
def pairs_fingerprint() -> str:
    """The version of the counts: a digest of PAIRS_VERSION, the counting SQL, the schema and the
    models whose views it reads."""
    digest = hashlib.sha256(PAIRS_VERSION.encode() + PAIRS_SQL.read_bytes() + SCHEMA_SQL.read_bytes())
    files = model_files()
    for name in models_read_by(READS):
        digest.update(files[name].read_bytes())
    return f"pairs {digest.hexdigest()[:16]}"


def _current(con) -> bool:
    """Whether the table holds the counts of every article, by the current SQL."""
    rows = con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ? "
                       "AND database_name = current_database() AND schema_name = current_schema()",
                       [TABLE]).fetchall()
    return bool(rows) and rows[0][0] == pairs_fingerprint()


def _count_into(con, sign: int) -> None:
    """Add the counts of the pair_articles (times `sign`) to the temp table pair_delta."""
    con.execute(f"INSERT INTO pair_delta SELECT actor_a, actor_b, "
                f"{', '.join(f'{sign} * {c}' for c in COUNTS)} FROM ({PAIRS_SQL.read_text(encoding='utf-8')})")


def _apply_delta(con) -> int:
    """actor_pairs += pair_delta (summed per pair); pairs left with no article go. Returns
    the pairs changed."""
    sums = ", ".join(f"sum({c})::BIGINT AS {c}" for c in COUNTS)
    con.execute(f"CREATE OR REPLACE TEMP TABLE pair_sums AS SELECT actor_a, actor_b, {sums} FROM pair_delta "
                f"GROUP BY actor_a, actor_b HAVING {' OR '.join(f'sum({c}) <> 0' for c in COUNTS)}")
    con.execute(f"UPDATE {TABLE} p SET {', '.join(f'{c} = p.{c} + d.{c}' for c in COUNTS)} FROM pair_sums d "
                f"WHERE p.actor_a = d.actor_a AND p.actor_b = d.actor_b")
    con.execute(f"INSERT INTO {TABLE} SELECT actor_a, actor_b, {', '.join(COUNTS)} FROM pair_sums "
                f"ANTI JOIN {TABLE} USING (actor_a, actor_b)")
    con.execute(f"DELETE FROM {TABLE} WHERE articles_together <= 0")
    return con.execute("SELECT count(*) FROM pair_sums").fetchall()[0][0]


def _recount_all(con) -> int:
    """Count every article again (a warehouse built before the table, or other counting SQL);
    the caller has made the views it reads (`ensure_views(con, READS)`)."""
    con.execute(f"DELETE FROM {TABLE}")
    con.execute("CREATE OR REPLACE TEMP TABLE pair_articles AS SELECT DISTINCT article_id FROM versions")
    con.execute(f"INSERT INTO {TABLE} SELECT actor_a, actor_b, {', '.join(COUNTS)} "
                f"FROM ({PAIRS_SQL.read_text(encoding='utf-8')})")
    con.execute(f"COMMENT ON TABLE {TABLE} IS '{pairs_fingerprint()}'")
    return con.execute(f"SELECT count(*) FROM {TABLE}").fetchall()[0][0]


class Recount:
    """What `recounted` did: the pairs it changed (all of them when it counted every article)."""

    def __init__(self) -> None:
        self.pairs = 0


@contextmanager
def recounted(con, articles: list[str], versions: list[str] = (), merges: list[tuple[str, str]] = (),
              unmerges: list[str] = ()):
    """Inside the caller's transaction, around its writes: the counts of the touched articles
    (`articles`, the articles of the stored `versions`, and every article naming an actor
    whose resolution the `merges` it adds or the `unmerges` it undoes can change) are
    subtracted before the writes and added after them. Counts every article instead when
    the table is not current. (A failed write rolls the temp tables back with the rest.)"""
    recount = Recount()
    ensure_views(con, READS)
    current = _current(con)
    if current:
        _touched_articles(con, articles, versions, _moved_actors(con, merges, unmerges))
        con.execute(f"CREATE OR REPLACE TEMP TABLE pair_delta AS SELECT actor_a, actor_b, {', '.join(COUNTS)} "
                    f"FROM {TABLE} LIMIT 0")
        _count_into(con, -1)
    yield recount
    if current:
        _count_into(con, 1)
        recount.pairs = _apply_delta(con)
    else:
        recount.pairs = _recount_all(con)
    for table in ("pair_articles", "pair_delta", "pair_sums"):
        con.execute(f"DROP TABLE IF EXISTS {table}")


def _touched_articles(con, articles: list[str], versions: list[str], actors: set[str]) -> None:
    """Temp table pair_articles: the articles whose counts the writes may change."""
    con.register("touched_ids", pl.DataFrame({"article_id": sorted(set(articles))}, schema={"article_id": pl.String}))
    con.register("touched_versions", pl.DataFrame({"version_id": sorted(set(versions))},
                                                  schema={"version_id": pl.String}))
    con.register("moved_actors", pl.DataFrame({"actor_id": sorted(actors)}, schema={"actor_id": pl.String}))
    try:
        con.execute("""CREATE OR REPLACE TEMP TABLE pair_articles AS
            SELECT article_id FROM touched_ids
            UNION SELECT article_id FROM versions SEMI JOIN touched_versions USING (version_id)
            UNION SELECT v.article_id FROM mentions m JOIN versions v USING (version_id)
                  SEMI JOIN moved_actors a ON a.actor_id = m.actor_id""")
    finally:
        for view in ("touched_ids", "touched_versions", "moved_actors"):
            con.unregister(view)


def _moved_actors(con, merges: list[tuple[str, str]], unmerges: list[str]) -> set[str]:
    """The actors whose resolution (actor_identity) the merges not stored yet and the undone
    stored merges can change: everything connected to their ends through stored merges."""
    stored = con.execute("SELECT from_actor_id, to_actor_id FROM actor_merges").fetchall()
    undone = set(unmerges)
    ends = {actor for merge in set(merges) - set(stored) for actor in merge}
    ends |= {actor for source, target in stored if source in undone for actor in (source, target)}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for source, target in stored:
        neighbours[source].add(target)
        neighbours[target].add(source)
    seen, frontier = set(ends), list(ends)
    while frontier:
        for other in neighbours.get(frontier.pop(), ()):
            if other not in seen:
                seen.add(other)
                frontier.append(other)
    return seen


def store_missing_pairs(con) -> int:
    """Count every article once, in a transaction of its own, when the table is not current
    (the models step: a warehouse loaded before the table). Returns the pairs stored (0: current)."""
    if _current(con):
        return 0
    con.execute("BEGIN TRANSACTION")
    try:
        ensure_views(con, READS)
        pairs = _recount_all(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("DROP TABLE IF EXISTS pair_articles")
    return pairs
