"""Change tracking: identity across re-ingests, sentence diffs with NewsEdits labels,
version-aware quotes, stories. The end-to-end tests run the real pipeline twice over a
small sample of real BBC articles, changing one file in place between the runs."""
from __future__ import annotations

import shutil

import dagster as dg
import duckdb
import pytest

from pipeline import versions as V
from pipeline.cli_run import run_pipeline
from pipeline.load import canonical_url, ensure_schema
from pipeline.model_sql import MODELS_DIR, create_view
from tests.conftest import corpus, rows

SAMPLE = ["politics/002.txt", "business/001.txt", "tech/020.txt"]  # a few real articles: the suite stays fast
EDITED = "politics/002.txt"
DONOR = "sport/001.txt"  # where the added sentence comes from


# ------------------------------------------------------------------ pure functions


def test_hash_ignores_whitespace_and_typography_but_not_words_or_title():
    base = V.version_hash("Title", "He said \u201cno\u201d.\n\nThen left.")
    assert V.version_hash("Title ", "He said \"no\".  \n\n\n Then   left. ") == base
    assert V.version_hash("Title", "He said \"yes\". Then left.") != base
    assert V.version_hash("New title", "He said \u201cno\u201d.\n\nThen left.") != base


def test_canonical_url_normalizes_scheme_tracking_and_slashes():
    urls = ["http://www.example.com/news/story/?utm_source=x&id=3#top", "https://example.com/news/story?id=3",
            "https://m.example.com/news/story/?id=3&fbclid=abc"]
    assert len({canonical_url(u) for u in urls}) == 1


def test_identity_url_less_near_duplicate_is_the_same_article_other_source_is_not():
    body = " ".join(f"Sentence number {i} tells the reader something new about the case." for i in range(30))
    batch = V.BatchFingerprints()
    first = V.resolve_article_id("article_title1", True, "daily", body, {}, batch)
    retitled = V.resolve_article_id("article_title2", True, "daily", body.replace("number 3 ", "no. 3 "), {}, batch)
    elsewhere = V.resolve_article_id("article_title3", True, "weekly", body, {}, batch)
    with_url = V.resolve_article_id("article_url", False, "daily", body, {}, batch)
    assert (first, retitled) == ("article_title1", "article_title1")
    assert (elsewhere, with_url) == ("article_title3", "article_url")


def test_sentence_splitter_keeps_abbreviations_and_initials():
    text = "Mr. Kerry met Sergey V. Lavrov in the U.S. capital. They talked.\nA new paragraph"
    assert V.sentences(text) == ["Mr. Kerry met Sergey V. Lavrov in the U.S. capital.", "They talked.",
                                 "A new paragraph"]


def test_alignment_labels_each_kind_of_change():
    old = ["The minister resigned on Monday.", "Protests grew in the capital overnight.",
           "Police arrested twelve people near the parliament.", "The opposition called for elections.",
           "Markets fell sharply in early trading."]
    new = ["The minister resigned on Monday.", "Markets fell sharply in early trading.",
           "Police arrested fifteen people near the parliament.", "The opposition called for elections.",
           "A curfew was declared for the weekend."]
    labels = {a.label: (a.from_sent, a.to_sent) for a in V.align_sentences(old, new) if a.label != "unchanged"}
    assert labels == {"refactor": (4, 1), "edit": (2, 2), "deletion": (1, None), "addition": (None, 4)}


def test_split_sentence_and_punctuation_change_are_edits_not_additions():
    old = ["Rivals fear it will hurt smaller firms The commission says ministers will adopt the draft.",
           "He said it was fine."]
    new = ["Rivals fear it will hurt smaller firms.", "The commission says ministers will adopt the draft.",
           "He said it was Fine!"]
    got = [(a.from_sent, a.to_sent, a.label) for a in V.align_sentences(old, new)]
    assert got == [(0, 0, "edit"), (0, 1, "edit"), (1, 2, "edit")]


def test_title_change_is_an_edit_at_index_minus_one():
    diffs, stats = V.diff_versions("a", 1, 2, "Old headline here", "New headline here", "Same body.", "Same body.")
    assert [(d["unit"], d["from_sent"], d["to_sent"], d["label"]) for d in diffs] == [("title", -1, -1, "edit")]
    assert stats["title_changed"] and stats["unchanged"] == 1


def test_event_span_counts_every_report_not_only_the_first():
    """An `events` row keeps its first report (version 1); its reports in versions 1 and 2
    are event_mentions. A third version without it leaves the span 1-2 as stored."""
    event = {"article_id": "a1", "event_type": "MEET", "trigger": "met", "actor1_id": "x", "actor2_id": "y"}
    stored_event = {**event, "event_id": "e1", "version_id": "v1", "_version_no": 1,
                    "event_key": V.event_key(event), "first_version_no": 1, "last_version_no": 2}
    mentions = [{**event, "event_mention_id": f"m{no}", "event_id": "e1", "version_id": f"v{no}", "_version_no": no}
                for no in (1, 2)]
    store = V.StoredState({"a1": [("h1", 1), ("h2", 2)]}, table_rows={"events": [stored_event],
                          "event_mentions": mentions}, tables=frozenset({"events", "event_mentions"}))
    rows = {"quotes": [], "events": [], "event_mentions": []}
    V.refresh_version_spans(rows, store, ["a1"], {"v3": 3})
    assert rows["events"] == []  # nothing changed: no stored row rewritten
    reported = {"quotes": [], "events": [{**event, "event_id": "e1", "version_id": "v3"}],
                "event_mentions": [{**event, "event_mention_id": "m3", "event_id": "e1", "version_id": "v3"}]}
    V.refresh_version_spans(reported, store, ["a1"], {"v3": 3})
    assert {(r["version_id"], r["first_version_no"], r["last_version_no"]) for r in reported["events"]} \
        == {("v3", 1, 3), ("v1", 1, 3)}


def test_minhash_groups_copies_not_different_articles():
    a = " ".join(f"word{i} alpha beta gamma" for i in range(60))
    b = a.replace("word10 ", "other10 ")
    c = " ".join(f"term{i} delta epsilon" for i in range(80))
    sk = lambda t: (V.sketch(V.shingles(t)), len(V.shingles(t)))  # noqa: E731
    assert V.same_story(*sk(a), *sk(b))[0]
    assert not V.same_story(*sk(a), *sk(c))[0]


# ------------------------------------------------------------------ seeds


def test_seed_002_one_article_two_versions_title_edit(seed_db):
    got = rows(seed_db, "SELECT DISTINCT article_id FROM versions WHERE source_file LIKE '002_%'")
    assert len(got) == 1
    article_id = got[0][0]
    assert rows(seed_db, "SELECT version_no FROM versions WHERE article_id = ? ORDER BY 1", article_id) == [(1,), (2,)]
    title = rows(seed_db, "SELECT from_version, to_version, from_sent, to_sent, label, from_text <> to_text "
                          "FROM version_diffs WHERE article_id = ? AND unit = 'title'", article_id)
    assert title == [(1, 2, -1, -1, "edit", True)]
    assert rows(seed_db, "SELECT title_changes FROM most_edited_stories WHERE article_id = ?", article_id) == [(1,)]


def test_seed_stories_and_version_spans(seed_db):
    assert rows(seed_db, "SELECT count(*) FROM articles WHERE story_id IS NULL")[0][0] == 0
    # quotes of the retitled seed appear in both versions
    assert rows(seed_db, """SELECT DISTINCT first_version_no, last_version_no FROM quotes
                            WHERE version_id IN (SELECT version_id FROM versions WHERE source_file LIKE '002_%')""") \
        == [(1, 2)]
    assert rows(seed_db, """SELECT DISTINCT first_version_no, last_version_no FROM events
                            WHERE version_id IN (SELECT version_id FROM versions WHERE source_file LIKE '002_%')""") \
        == [(1, 2)]
    assert rows(seed_db, "SELECT count(*) FROM quotes WHERE quote_key IS NULL OR first_version_no IS NULL")[0][0] == 0


# ------------------------------------------------------------------ real articles, re-ingested


def _body_sentences(path) -> tuple[str, list[list[str]]]:
    raw = path.read_text(encoding="utf-8")
    title, _, body = raw.partition("\n")
    return title, [V.sentences(p) for p in body.split("\n") if p.strip()]


def _write(path, title: str, paragraphs: list[list[str]]) -> None:
    path.write_text(title + "\n\n" + "\n\n".join(" ".join(p) for p in paragraphs if p) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def reingested(tmp_path_factory):
    """Run 1 over the sample; then edit one sentence, add one, delete one (one holding a
    quote the pipeline found) and move one in EDITED, in place; run 2."""
    bbc = corpus("bbc-news")
    tmp = tmp_path_factory.mktemp("versions")
    inbox, db = tmp / "inbox", tmp / "w.duckdb"
    inbox.mkdir()
    for name in SAMPLE:
        shutil.copy2(bbc / name, inbox / name.replace("/", "_"))
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(db), instance=instance)
    target = inbox / EDITED.replace("/", "_")
    with duckdb.connect(str(db), read_only=True) as con:
        article_id, = rows(con, "SELECT article_id FROM versions WHERE source_file = ?", target.name)[0]
        quotes = [q for q, in rows(con, "SELECT text FROM quotes WHERE article_id = ? AND kind = 'direct' "
                                        "ORDER BY start_char", article_id)]
        before = rows(con, "SELECT count(*) FROM versions")[0][0]
    title, paras = _body_sentences(target)
    flat = [(p, s) for p, para in enumerate(paras) for s in range(len(para))]
    quoted = [(p, s) for p, s in flat if any(q in paras[p][s] for q in quotes) and (p, s) != flat[0]]
    assert quoted, "the sample article should hold a direct quote"
    deleted = quoted[-1]
    others = [(p, s) for p, s in flat[1:] if (p, s) != deleted and len(paras[p][s].split()) >= 12
              and not any(mark in paras[p][s] for mark in '"\u201c\u201d')]  # quotes stay where they are
    edited, moved = others[0], others[1]
    words = paras[edited[0]][edited[1]].split()
    words[len(words) // 2] = "reportedly"
    new_paras = [list(p) for p in paras]
    new_paras[edited[0]][edited[1]] = " ".join(words)
    moved_text = paras[moved[0]][moved[1]]
    donor = _body_sentences(bbc / DONOR)[1]
    added_text = max((s for p in donor for s in p), key=len)
    for p, s in sorted([deleted, moved], reverse=True):
        del new_paras[p][s]
    new_paras[-1].append(moved_text)
    new_paras.insert(len(new_paras) // 2, [added_text])
    _write(target, title, new_paras)
    run_pipeline(str(inbox), str(db), instance=instance)
    return {"inbox": inbox, "db": db, "instance": instance, "article_id": article_id, "before": before,
            "deleted": paras[deleted[0]][deleted[1]], "added": added_text, "moved": moved_text,
            "edited": paras[edited[0]][edited[1]]}


def test_changed_file_becomes_version_two_with_exactly_four_labels(reingested):
    with duckdb.connect(str(reingested["db"]), read_only=True) as con:
        aid = reingested["article_id"]
        assert rows(con, "SELECT count(*) FROM versions")[0][0] == reingested["before"] + 1
        assert rows(con, "SELECT version_no FROM versions WHERE article_id = ? ORDER BY 1", aid) == [(1,), (2,)]
        diffs = rows(con, "SELECT label, from_text, to_text FROM version_diffs WHERE article_id = ? "
                          "AND from_version = 1 AND to_version = 2 ORDER BY label", aid)
        assert [d[0] for d in diffs] == ["addition", "deletion", "edit", "refactor"]
        by_label = {d[0]: d for d in diffs}
        assert by_label["addition"][2] == reingested["added"]
        assert by_label["deletion"][1] == reingested["deleted"]
        assert by_label["refactor"][1] == by_label["refactor"][2] == reingested["moved"]
        stats = rows(con, "SELECT additions, deletions, edits, refactors, title_changed FROM version_diff_stats "
                          "WHERE article_id = ?", aid)
        assert stats == [(1, 1, 1, 1, False)]
        assert rows(con, "SELECT sentence_changes FROM most_edited_stories WHERE article_id = ?", aid) == [(4,)]


def test_deleted_quote_shows_in_quote_changes(reingested):
    """The deleted sentence's quote is 'removed'. A kept quote may be 'removed' too, but only
    as a re-attribution: its words are still in version 2, under another speaker, because
    the deleted sentence was the antecedent of its pronoun ('Mr Thomas said: “…” He said …'
    — without the quotation, 'He' is the person named before it)."""
    deleted = reingested["deleted"]
    with duckdb.connect(str(reingested["db"]), read_only=True) as con:
        removed = [t for t, in rows(con, "SELECT old_text FROM quote_changes WHERE article_id = ? "
                                         "AND change = 'removed' AND from_version = 1 AND to_version = 2",
                                    reingested["article_id"])]
        in_v2 = {t for t, in rows(con, "SELECT q.text FROM quotes q JOIN versions v USING (version_id) "
                                      "WHERE q.article_id = ? AND v.version_no = 2", reingested["article_id"])}
        assert any(t in deleted for t in removed)
        # (the edited sentence may lose its cue word to 'reportedly'; the moved sentence lands at
        # the end of the last paragraph, inside the quotation the deleted sentence's closing
        # mark no longer ends: no report of its own there)
        lost = {t for t in removed if t not in deleted and (t in reingested["edited"] or t in reingested["moved"])}
        reattributed = {t for t in removed if t not in deleted and t not in lost}
        assert reattributed <= in_v2
        # the stored version-1 rows of the quotes kept in version 2 now end at version 2
        spans = rows(con, """SELECT q.text, q.first_version_no, q.last_version_no FROM quotes q
                             JOIN versions v USING (version_id) WHERE q.article_id = ? AND v.version_no = 1""",
                     reingested["article_id"])
        # (a quotation whose closing mark was the deleted sentence's opening one — paragraphs run
        # together — runs on in version 2: a longer quote there, its version-1 row ends at 1)
        lost |= {t for t, _, _ in spans if any(longer.startswith(t) and t != longer for longer in in_v2)}
        assert {(f, l) for t, f, l in spans if t not in deleted and t not in reattributed and t not in lost} == {(1, 2)}
        assert {(f, l) for t, f, l in spans if t in deleted or t in reattributed or t in lost} == {(1, 1)}


def test_reingesting_unchanged_or_respaced_or_renamed_adds_no_version(reingested):
    inbox, db, instance = reingested["inbox"], reingested["db"], reingested["instance"]
    with duckdb.connect(str(db), read_only=True) as con:
        versions_before = rows(con, "SELECT count(*) FROM versions")[0][0]
        articles_before = rows(con, "SELECT count(*) FROM articles")[0][0]
    run_pipeline(str(inbox), str(db), instance=instance)  # nothing changed
    bbc = corpus("bbc-news")
    for name in SAMPLE[1:]:  # the same articles again, re-spaced, under other names
        text = (bbc / name).read_text(encoding="utf-8")
        (inbox / ("copy_" + name.replace("/", "_"))).write_text(text.replace(". ", ".  ") + "\n\n", encoding="utf-8")
    run_pipeline(str(inbox), str(db), instance=instance)
    with duckdb.connect(str(db), read_only=True) as con:
        assert rows(con, "SELECT count(*) FROM versions")[0][0] == versions_before
        assert rows(con, "SELECT count(*) FROM articles")[0][0] == articles_before
        assert rows(con, "SELECT count(*) FROM files WHERE path LIKE 'copy_%' AND status = 'loaded'")[0][0] == 2
        # distinct articles are never grouped: one story each
        assert rows(con, "SELECT count(DISTINCT story_id), count(*) FROM articles")[0] == (len(SAMPLE), len(SAMPLE))


def test_light_copy_under_another_outlet_joins_the_story(reingested, tmp_path):
    """A wire copy elsewhere (its own URL, a house edit) is a new article in the same story."""
    bbc = corpus("bbc-news")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    name = SAMPLE[1]
    title, paras = _body_sentences(bbc / name)
    _write(inbox / "original.txt", title, paras)
    (inbox / "original.json").write_text('{"url": "https://news.example.org/a/1", "source": "example"}')
    (inbox / "unrelated.txt").write_bytes((bbc / "sport/001.txt").read_bytes())
    db = tmp_path / "w.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(db), instance=instance)  # the copy arrives in a later batch
    copy = [list(p) for p in paras]
    copy[0][0] = "NEW YORK (Reuters) - " + copy[0][0]
    del copy[-1]
    _write(inbox / "copy.txt", title, copy)
    (inbox / "copy.json").write_text('{"url": "https://other.example.net/wire/77?utm_source=rss", "source": "other"}')
    run_pipeline(str(inbox), str(db), instance=instance)
    with duckdb.connect(str(db), read_only=True) as con:
        stories = dict(rows(con, "SELECT v.source_file, a.story_id FROM articles a JOIN versions v USING (article_id)"))
        assert stories["original.txt"] == stories["copy.txt"] != stories["unrelated.txt"]
        assert rows(con, "SELECT articles, outlets FROM wire_stories") == [(2, 2)]
        assert rows(con, "SELECT m.jaccard > 0.5 FROM story_members m JOIN versions v USING (article_id) "
                         "WHERE v.source_file = 'copy.txt'") == [(True,)]


def test_quote_changes_model_tells_removed_reworded_added(tmp_path):
    """The SQL model on hand-made rows: one quote kept, one reworded, one removed, one added."""
    con = duckdb.connect(str(tmp_path / "q.duckdb"))
    ensure_schema(con)
    con.execute("INSERT INTO versions (version_id, article_id, version_no, text, content_hash, source_file) VALUES "
                "('v1', 'a', 1, 'x', 'h1', 'f'), ('v2', 'a', 2, 'x', 'h2', 'f')")
    quotes = [("v1", "We will not give up the fight", "Ann Lee"), ("v2", "We will not give up the fight", "Ann Lee"),
              ("v1", "The budget is fair and balanced for everyone", "Bo Chan"),
              ("v2", "The budget is fair and balanced for all", "Bo Chan"),
              ("v1", "Nobody saw this coming", "Cy Diaz"), ("v2", "Talks resume on Monday", "Ann Lee")]
    for n, (version_id, text, speaker) in enumerate(quotes):
        row = {"article_id": "a", "text": text, "speaker_text": speaker}
        con.execute("INSERT INTO quotes (quote_id, version_id, article_id, text, start_char, end_char, kind, "
                    "speaker_text, quote_key) VALUES (?, ?, 'a', ?, 0, 1, 'direct', ?, ?)",
                    [f"q{n}", version_id, text, speaker, V.quote_key(row)])
    create_view(con, "quote_changes", (MODELS_DIR / "quote_changes.sql").read_text(encoding="utf-8"))
    got = sorted(rows(con, "SELECT change, speaker_text, old_text, new_text FROM quote_changes"), key=str)
    con.close()
    assert got == sorted([
        ("reworded", "Bo Chan", "The budget is fair and balanced for everyone", "The budget is fair and balanced for all"),
        ("removed", "Cy Diaz", "Nobody saw this coming", None),
        ("added", "Ann Lee", None, "Talks resume on Monday"),
    ], key=str)
