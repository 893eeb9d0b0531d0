"""What the warehouse already holds that the load of one batch needs (`StoredState`): the
one reader of the warehouse in this package, called before build_rows, which then only
asks the snapshot, never the database."""
from __future__ import annotations

from pipeline.versions.sketches import SketchIndex, fingerprint


def _register_column(con, view: str, column: str, values: list, dtype: str) -> None:
    """`values` as a one-column frame registered on `con` as `view` (a list parameter of ~150k
    sketch values costs ~0.1 s CPU to bind, even when nothing is stored). polars is imported
    here, not at the top: pipeline.nlp imports this package before the command line forks its
    NLP workers, and importing polars there (~0.3 s CPU) delayed their start; the load, which
    calls this, has imported polars by then."""
    import polars as pl  # deliberately here: see the docstring

    con.register(view, pl.DataFrame({column: values}, schema={column: getattr(pl, dtype)}))


class StoredState(dict):
    """What the warehouse already holds that the load of one batch needs, read in one go
    before build_rows (`StoredState.read`), so build_rows and re-annotation never query:
    stored (content_hash, version_no) pairs per article (the dict the load stage always
    used), the latest stored version of each (the base of a new version's diff), stored
    quotes and events of these articles (version spans) and every story fingerprint
    (near-duplicate identity, story assignment)."""

    SPAN_TABLES = ("quotes", "events", "event_mentions")  # event_mentions: every report of an event

    def __init__(self, versions: dict[str, list[tuple[str, int]]] | None = None, latest: dict | None = None,
                 table_rows: dict[str, list[dict]] | None = None, index: SketchIndex | None = None,
                 tables: frozenset[str] = frozenset()):
        super().__init__(versions or {})
        self.latest = latest or {}  # article_id -> {"version_no", "version_id", "title", "text"}
        self.table_rows = table_rows or {}  # quotes / events / event_mentions rows with their version's _version_no
        self.index = index or SketchIndex()
        self.tables = tables

    @staticmethod
    def _story_index(con, tables: frozenset[str], near: set[int] | None = None,
                     article_ids: list[str] = ()) -> SketchIndex:
        """Stored story fingerprints, with the article's source and URL: every one, or (with
        `near`, sketch values) those sharing a value with `near` and those of `article_ids`
        — all a MinHash candidate lookup for a sketch within `near` can return."""
        index = SketchIndex()
        if "story_members" not in tables:
            return index
        where = ""
        if near is not None:  # the values and IDs as registered frames (_register_column)
            _register_column(con, "near_sketch_values", "value", list(near), "Int64")
            _register_column(con, "near_article_ids", "article_id", list(article_ids), "String")
            where = ("WHERE m.article_id IN (SELECT s.article_id FROM story_members s, unnest(s.sketch) AS u(value) "
                     "WHERE u.value IN (SELECT value FROM near_sketch_values)) "
                     "OR m.article_id IN (SELECT article_id FROM near_article_ids) ")
        for article_id, story_id, values, shingle_count, source, canonical_url in con.execute(
                "SELECT m.article_id, m.story_id, m.sketch, m.shingle_count, a.source, a.canonical_url "
                f"FROM story_members m JOIN articles a USING (article_id) {where}ORDER BY m.article_id").fetchall():
            index.add(article_id, list(values), story_id=story_id, shingle_count=shingle_count, source=source,
                      canonical_url=canonical_url)
        if near is not None:
            con.unregister("near_sketch_values")
            con.unregister("near_article_ids")
        return index

    @classmethod
    def read(cls, con, article_ids: list[str], probe_texts: list[str] = (),
             story_texts: list[str] | None = None, stories: bool = True) -> "StoredState":
        """The stored state of these articles and of the stored articles whose text is near
        one of `probe_texts` (the batch's URL-less articles: candidates of the same identity).
        `story_texts`: every text the batch will look up near-duplicates or stories for (with
        the probes); only the stored fingerprints those lookups can find are read. Without
        `stories` (re-annotation: texts, identities and stories stay as they are) no story
        fingerprint is read."""
        tables = frozenset(row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall())
        near = None if story_texts is None else \
            {value for text in [*story_texts, *probe_texts] for value in fingerprint(text).sketch}
        index = cls._story_index(con, tables, near, article_ids) if stories else SketchIndex()
        ids = set(article_ids)
        for text in probe_texts if index.entries else ():  # nothing stored: no candidate
            ids |= {candidate["article_id"] for candidate in index.candidates(fingerprint(text).sketch)}
        _register_column(con, "stored_article_ids", "article_id", sorted(ids), "String")
        versions: dict[str, list[tuple[str, int]]] = {}
        latest: dict[str, dict] = {}
        for article_id, chash, version_no, version_id, title, text in con.execute(
                "SELECT v.article_id, v.content_hash, v.version_no, v.version_id, v.title, v.text FROM versions v "
                "JOIN stored_article_ids USING (article_id) ORDER BY v.article_id, v.version_no").fetchall():
            versions.setdefault(article_id, []).append((chash, version_no))
            latest[article_id] = {"version_no": version_no, "version_id": version_id, "title": title, "text": text}
        table_rows = {}
        for table in cls.SPAN_TABLES:
            if table in tables:
                cursor = con.execute(f"SELECT t.*, v.version_no AS _version_no FROM {table} t JOIN versions v "
                                     f"USING (version_id) WHERE t.article_id IN "
                                     f"(SELECT article_id FROM stored_article_ids)")
                columns = [column[0] for column in cursor.description]
                table_rows[table] = [dict(zip(columns, row)) for row in cursor.fetchall()]
        con.unregister("stored_article_ids")
        return cls(versions, latest, table_rows, index, tables)

    def has_table(self, name: str) -> bool:
        return name in self.tables

    def versions_of(self, article_id: str) -> list[tuple[str, int]]:
        return self.get(article_id, [])

    def version(self, article_id: str, version_no: int) -> dict | None:
        got = self.latest.get(article_id)
        if not got or got["version_no"] != version_no:
            return None
        return {column: got[column] for column in ("version_id", "title", "text")}

    def rows(self, table: str, article_ids: list[str]) -> list[dict]:
        """Stored rows of a table for these articles, with the version_no of each row (copies:
        the caller updates them)."""
        wanted = set(article_ids)
        return [dict(row) for row in self.table_rows.get(table, []) if row["article_id"] in wanted]

    def story_of(self, article_ids: list[str]) -> dict[str, str]:
        return {article_id: self.index.entries[article_id]["story_id"] for article_id in article_ids
                if article_id in self.index.entries}

    def similar_articles(self, sketch_values: list[int]) -> list[dict]:
        """Stored articles that are MinHash candidates for this sketch."""
        return self.index.candidates(sketch_values) if sketch_values else []


def stored_versions(existing: dict, article_id: str) -> list[tuple[str, int]]:
    if isinstance(existing, StoredState):
        return list(existing.versions_of(article_id))
    return list(existing.get(article_id, []))
