"""`python -m pipeline.cli purge-deleted`: remove what files deleted from the inbox
loaded. A run only marks such files `deleted` (their rows stay, so history is never
lost by accident); a purge removes, in one transaction checked by the blocking checks
(in SQL, over whole tables: a purge deletes anywhere) before its commit:

- the `files` rows marked deleted (and their `quarantined_records`);
- every article whose versions ALL came from deleted files, with its versions and
  everything keyed by them (mentions, quotes, actor links and roles, event mentions,
  diffs, story membership). An article that also has a version from a file still in
  the inbox is kept whole (removing a middle version would renumber the others);
- events only those articles reported; an event also reported elsewhere keeps its
  other reports and takes the earliest of them as its provenance (its version span
  and event_key then cover all its remaining reports in that article);
- stories left without members; a story whose first article went takes its earliest
  remaining member.

Actors stay (they are persistent identities; their aliases do no harm). The actor pair
counts (actor_pairs) lose the purged articles' counts in the same transaction."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import duckdb
import polars as pl

from pipeline import actor_pairs, check_sql, checks
from pipeline.versions.keys import event_key, version_spans

# The provenance columns an event takes from the report it now points to.
EVENT_PROVENANCE = ("article_id", "version_id", "sentence", "start_char", "end_char", "trigger", "actor1_text",
                    "actor2_text", "mode", "status", "place", "date_text")


@dataclass(frozen=True)
class PurgeSummary:
    files: int
    articles: int
    versions: int
    kept_articles: int  # articles with versions from deleted AND present files: kept whole


@dataclass(frozen=True)
class PurgeStep:
    """One named step of a purge, run on the purge's open transaction."""
    name: str
    run: Callable[[duckdb.DuckDBPyConnection], object]


def sql_step(name: str, statement: str) -> PurgeStep:
    """A step that is one SQL statement."""
    return PurgeStep(name, lambda con: con.execute(statement))


def delete_step(table: str, key: str, purged: str) -> PurgeStep:
    """Delete the rows of `table` whose `key` is in the temp table `purged`."""
    return sql_step(f"delete_{table}", f"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM {purged})")


def refresh_repointed_event_spans(con) -> None:
    """A re-pointed event's event_key and first/last version over every remaining report
    of that key in its new article (event_mentions), as a load or re-annotation computes
    them (pipeline.versions.keys), not over the one report it now points to."""
    events = con.sql("SELECT * FROM events WHERE event_id IN (SELECT event_id FROM event_new_source)").pl().to_dicts()
    if not events:
        return
    reports = con.sql("""SELECT m.*, v.version_no AS _version_no FROM event_mentions m JOIN versions v USING (version_id)
                         WHERE m.article_id IN (SELECT article_id FROM event_new_source)""").pl().to_dicts()
    version_no_of = {r["version_id"]: r["_version_no"] for r in reports}
    version_spans(events, version_no_of, event_key, "event_key", reports)
    con.register("repointed_spans", pl.DataFrame(
        [{c: e[c] for c in ("event_id", "event_key", "first_version_no", "last_version_no")} for e in events]))
    con.execute("""UPDATE events e SET event_key = s.event_key, first_version_no = s.first_version_no,
                   last_version_no = s.last_version_no FROM repointed_spans s WHERE e.event_id = s.event_id""")
    con.unregister("repointed_spans")


# What goes: deleted paths, articles made only of their versions, those versions (the
# purge counts them before it removes anything).
SELECT_STEPS = [
    sql_step("purge_paths", """CREATE TEMP TABLE purge_paths AS SELECT DISTINCT path FROM files
       WHERE status = 'deleted' AND path NOT IN (SELECT path FROM files WHERE status <> 'deleted')"""),
    sql_step("purge_articles", """CREATE TEMP TABLE purge_articles AS SELECT article_id FROM versions
       GROUP BY article_id HAVING bool_and(source_file IN (SELECT path FROM purge_paths))"""),
    sql_step("purge_versions", """CREATE TEMP TABLE purge_versions AS SELECT version_id FROM versions
       WHERE article_id IN (SELECT article_id FROM purge_articles)"""),
]

# The removal, in this order: rows keyed by a version, events (gone when no report is
# left, else re-pointed to their earliest remaining report), diffs and stories, then the
# versions, articles and files themselves.
REMOVE_STEPS = [
    delete_step("mentions", "version_id", "purge_versions"),
    delete_step("quotes", "version_id", "purge_versions"),
    delete_step("actor_links", "version_id", "purge_versions"),
    delete_step("actor_link_keys", "version_id", "purge_versions"),
    delete_step("actor_roles", "version_id", "purge_versions"),
    delete_step("event_mentions", "version_id", "purge_versions"),
    sql_step("delete_unreported_events",
             "DELETE FROM events WHERE event_id NOT IN (SELECT event_id FROM event_mentions)"),
    sql_step("event_new_source", """CREATE TEMP TABLE event_new_source AS
       SELECT DISTINCT ON (m.event_id) m.*, v.version_no FROM event_mentions m JOIN versions v USING (version_id)
       WHERE m.event_id IN (SELECT event_id FROM events WHERE version_id IN (SELECT version_id FROM purge_versions))
       ORDER BY m.event_id, m.published_at NULLS LAST, m.event_mention_id"""),
    sql_step("repoint_events", "UPDATE events e SET " + ", ".join(f"{c} = s.{c}" for c in EVENT_PROVENANCE)
             + " FROM event_new_source s WHERE e.event_id = s.event_id"),
    PurgeStep("refresh_repointed_event_spans", refresh_repointed_event_spans),
    delete_step("version_diffs", "article_id", "purge_articles"),
    delete_step("version_diff_stats", "article_id", "purge_articles"),
    delete_step("story_members", "article_id", "purge_articles"),
    sql_step("unmatch_story_members", """UPDATE story_members SET matched_article_id = NULL
       WHERE matched_article_id IN (SELECT article_id FROM purge_articles)"""),
    sql_step("delete_empty_stories",
             "DELETE FROM stories WHERE story_id NOT IN (SELECT story_id FROM story_members)"),
    sql_step("repoint_story_first_article", """UPDATE stories s SET first_article_id = (
           SELECT a.article_id FROM story_members m JOIN articles a USING (article_id)
           WHERE m.story_id = s.story_id AND a.article_id NOT IN (SELECT article_id FROM purge_articles)
           ORDER BY a.first_seen_at, a.article_id LIMIT 1)
       WHERE first_article_id IN (SELECT article_id FROM purge_articles)"""),
    delete_step("version_sentences", "version_id", "purge_versions"),
    delete_step("versions", "version_id", "purge_versions"),
    delete_step("articles", "article_id", "purge_articles"),
    sql_step("delete_quarantined_records", """DELETE FROM quarantined_records WHERE file_id IN (
           SELECT file_id FROM files WHERE path IN (SELECT path FROM purge_paths))"""),
    delete_step("files", "path", "purge_paths"),
]


def _count(con, query: str) -> int:
    return con.sql(query).fetchall()[0][0]


def purge_deleted(con) -> PurgeSummary:
    """Purge in one transaction; a failing blocking check rolls it all back."""
    con.execute("BEGIN TRANSACTION")
    try:
        for step in SELECT_STEPS:
            step.run(con)
        files = _count(con, "SELECT count(*) FROM files WHERE path IN (SELECT path FROM purge_paths)")
        articles = _count(con, "SELECT count(*) FROM purge_articles")
        versions = _count(con, "SELECT count(*) FROM purge_versions")
        kept = _count(con, """SELECT count(DISTINCT article_id) FROM versions
                              WHERE source_file IN (SELECT path FROM purge_paths)
                                AND article_id NOT IN (SELECT article_id FROM purge_articles)""")
        purged = [row[0] for row in con.execute("SELECT article_id FROM purge_articles").fetchall()]
        with actor_pairs.recounted(con, purged):  # the purged articles' pair counts go with them
            for step in REMOVE_STEPS:
                step.run(con)
        failed = [o for o in check_sql.run_table_checks(con) if not o.passed]
        if failed:
            raise checks.BlockingChecksFailed(failed)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    for table in ("purge_paths", "purge_articles", "purge_versions", "event_new_source"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    return PurgeSummary(files, articles, versions, kept)
