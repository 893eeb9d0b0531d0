"""Actors an analyst can trust, on BBC politics: `python -m pipeline.evaluate.actors_bbc [bbc-politics]`.

The first 150 files by name of `bbc-news/politics/` go through the project's real code:
ingest → clean → spaCy → entity linking inside each article → the load stage
(`load.read_for_batch` / `build_rows` / `write_batch`) into a real DuckDB file in a temp
folder. A mention's cluster is the actor its row points to, after recorded merges
(`actor_identity`).

Two checks are printed:
- alias gold (`gold/actors_bbc_politics.tsv`, hand-made from the text before the code
  was changed): every `same` set must be whole — all mentions whose text (folded) is one
  of its forms, in its files, sit in one actor, and each form is found at least once;
  every `apart` pair must never share an actor;
- order independence: the same files loaded in three shuffled orders (seeded), each cut
  into batches of different sizes, must give identical mention clusters (the corpus
  order in one batch is the reference)."""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline import clean, ingest, load
from pipeline.names import HONORIFICS, fold
from pipeline.nlp import annotate_doc, parse_texts
from pipeline.paths import shared_corpora

GOLD = Path(__file__).resolve().parent / "gold" / "actors_bbc_politics.tsv"
HELDOUT = Path(__file__).resolve().parent / "gold" / "actors_bbc_politics_heldout.tsv"  # its "# files:" line names them
N_FILES = 150
ORDER_SEEDS = (11, 23, 37)  # three shuffled orders
BATCH_SIZES = (7, 40, 150)  # one batch size per shuffled order


@dataclass
class AliasSet:
    """An actor of the gold: mention forms that must all be one actor (within `files`)."""

    label: str
    forms: dict[str, set[str] | None] = field(default_factory=dict)  # folded form -> files (None: all)


@dataclass
class ApartPair:
    """Two gold actors (by their forms) that must never be one actor."""

    left: str
    right: str
    left_files: set[str] | None
    right_files: set[str] | None


@dataclass
class Gold:
    sets: dict[str, AliasSet]
    apart: list[ApartPair]


def _files(cell: str) -> set[str] | None:
    cell = cell.strip()
    return {f.strip() if f.strip().endswith(".txt") else f.strip() + ".txt" for f in cell.split(",")} if cell else None


def read_gold(path: Path = GOLD) -> Gold:
    """`same<TAB>label<TAB>form|form…[<TAB>files]` and `apart<TAB>form<TAB>form[<TAB>files<TAB>files]`."""
    sets: dict[str, AliasSet] = {}
    apart: list[ApartPair] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + ["", ""]
        kind = cells[0].strip()
        if kind == "same":
            alias_set = sets.setdefault(cells[1].strip(), AliasSet(cells[1].strip()))
            files = _files(cells[3])
            for form in cells[2].split("|"):
                alias_set.forms[fold(form)] = files
        elif kind == "apart":
            apart.append(ApartPair(fold(cells[1]), fold(cells[2]), _files(cells[3]), _files(cells[4])))
        else:
            raise ValueError(f"{path}: unknown kind {kind!r} in {line!r}")
    return Gold(sets, apart)


# ------------------------------------------------------------------ running the real pipeline


@dataclass
class Annotated:
    """One input file after ingest, clean and NLP (the part that does not depend on order)."""

    name: str
    files: list
    articles: list
    annotations: list


def annotate_files(paths: list[Path]) -> list[Annotated]:
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp)
        for p in paths:
            (inbox / p.name).write_bytes(p.read_bytes())
        files = ingest.scan_inbox(inbox)
        by_name = {f.name: f for f in files}
        out = []
        for p in paths:
            f = by_name[p.name]
            articles = [clean.clean_document(d) for d in ingest.parse_file(f)]
            out.append(Annotated(p.name, [f], articles, []))
    keys = [(a, i, v) for a in out for i, art in enumerate(a.articles) for v in art.versions]
    docs = parse_texts([v.text for _, _, v in keys])
    for (a, i, v), doc in zip(keys, docs):
        a.annotations.append(annotate_doc(doc, a.articles[i].published_at, i, v.version_no))
    return out


def load_in_batches(items: list[Annotated], batch_size: int, db_path: Path) -> None:
    """Load the annotated files batch by batch, as the Dagster asset does (one transaction each)."""
    with duckdb.connect(str(db_path)) as con:
        load.ensure_schema(con)
        for start in range(0, len(items), batch_size):
            batch = items[start:start + batch_size]
            articles, annotations, files = [], [], []
            for item in batch:
                offset = len(articles)
                articles.extend(item.articles)
                files.extend(item.files)
                for ann in item.annotations:
                    annotations.append(type(ann)(ann.article_index + offset, ann.version_no, ann.entities,
                                                 ann.mentions, ann.quotes, ann.events))
            stored, stored_actors = load.read_for_batch(con, articles, annotations)
            rows = load.build_rows(articles, annotations, stored, stored_actors)
            load.write_batch(con, load.file_rows(files, {}, f"batch{start}"), rows)


@dataclass
class MentionRow:
    file: str
    start: int
    end: int
    text: str
    actor: str  # resolved actor id
    actor_name: str


def mention_rows(db_path: Path) -> list[MentionRow]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return [MentionRow(*r) for r in con.sql("""
            SELECT v.source_file, m.start_char, m.end_char, m.text, i.resolved_id, a.canonical_name
            FROM mentions m
            JOIN versions v USING (version_id)
            JOIN actor_identity i ON i.actor_id = m.actor_id
            JOIN actors a ON a.actor_id = i.resolved_id
            ORDER BY ALL""").fetchall()]


def clusters(rows: list[MentionRow]) -> set[frozenset]:
    """The partition of mentions (file, span) into actors: what must not depend on order."""
    by_actor: dict[str, set] = {}
    for r in rows:
        by_actor.setdefault(r.actor, set()).add((r.file, r.start, r.end))
    return {frozenset(s) for s in by_actor.values()}


# ------------------------------------------------------------------ scoring


def _matches(rows: list[MentionRow], form: str, files: set[str] | None) -> list[MentionRow]:
    """Mentions whose text is the form; a form of two words or more also matches the
    mention with an honorific before it ("Ian Blair" in "Sir Ian Blair")."""
    def text_forms(text: str) -> set[str]:
        words = fold(text).split()
        return {" ".join(words)} | ({" ".join(words[1:])} if len(words) > 2 and words[0] in HONORIFICS else set())

    return [r for r in rows if form in text_forms(r.text) and (files is None or r.file in files)]


def score_gold(gold: Gold, rows: list[MentionRow]) -> tuple[int, list[str], int, list[str]]:
    """(whole sets, problems with sets, merged apart pairs, problems with pairs)."""
    whole, set_problems = 0, []
    for alias_set in gold.sets.values():
        actors: dict[str, set[str]] = {}
        missing = []
        for form, files in alias_set.forms.items():
            found = _matches(rows, form, files)
            if not found:
                missing.append(form)
            for r in found:
                actors.setdefault(f"{r.actor_name} ({r.actor[-6:]})", set()).add(form)
        if len(actors) == 1 and not missing:
            whole += 1
        else:
            detail = "; ".join(f"{a}: {', '.join(sorted(f))}" for a, f in sorted(actors.items()))
            set_problems.append(f"{alias_set.label}: split into {len(actors)} actors [{detail}]"
                                + (f"; forms not found: {', '.join(missing)}" if missing else ""))
    merged, pair_problems = 0, []
    for pair in gold.apart:
        left = {r.actor for r in _matches(rows, pair.left, pair.left_files)}
        right = {r.actor for r in _matches(rows, pair.right, pair.right_files)}
        if not left or not right:
            pair_problems.append(f"{pair.left} / {pair.right}: not found "
                                 f"({'left' if not left else 'right'} side has no mention)")
        elif left & right:
            merged += 1
            pair_problems.append(f"{pair.left} / {pair.right}: MERGED")
    return whole, set_problems, merged, pair_problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("politics", nargs="?", default=str(shared_corpora() / "bbc-news" / "politics"))
    ap.add_argument("--files", type=int, default=N_FILES)
    ap.add_argument("--no-orders", action="store_true", help="skip the order-independence check")
    ap.add_argument("--heldout", action="store_true", help="score the held-out gold on its own 20 files (once)")
    args = ap.parse_args(argv)
    folder = Path(args.politics)
    paths = sorted(folder.glob("*.txt"))[:args.files]
    gold_path = GOLD
    if args.heldout:
        gold_path, args.no_orders = HELDOUT, True
        names = next(line for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.startswith("# files:"))
        paths = [folder / f"{stem}.txt" for stem in names.split(":", 1)[1].split()]
    if not paths:
        print(f"no BBC politics files at {folder}", file=sys.stderr)
        return 2
    gold = read_gold(gold_path)
    items = annotate_files(paths)
    with tempfile.TemporaryDirectory() as tmp:
        reference_db = Path(tmp) / "corpus_order.duckdb"
        load_in_batches(items, len(items), reference_db)
        rows = mention_rows(reference_db)
        whole, set_problems, merged, pair_problems = score_gold(gold, rows)
        n_sets, n_pairs = len(gold.sets), len(gold.apart)
        print(f"BBC politics alias gold{' (held-out)' if args.heldout else ''}: {len(paths)} files, {n_sets} actors (alias sets), {n_pairs} pairs that must stay apart")
        print(f"  alias sets whole: {whole}/{n_sets} ({whole / n_sets:.1%})")
        print(f"  must-stay-apart pairs merged: {merged}/{n_pairs}")
        for p in set_problems + pair_problems:
            print(f"    - {p}")
        if args.no_orders:
            return 0
        reference = clusters(rows)
        print(f"\nOrder independence: {len(reference)} actor clusters of {len(rows)} mentions in corpus order, one batch")
        same = 0
        for seed, size in zip(ORDER_SEEDS, BATCH_SIZES):
            shuffled = list(items)
            random.Random(seed).shuffle(shuffled)
            db = Path(tmp) / f"order_{seed}.duckdb"
            load_in_batches(shuffled, size, db)
            got = clusters(mention_rows(db))
            ok = got == reference
            same += ok
            print(f"  shuffle seed {seed}, batches of {size}: {len(got)} clusters, "
                  f"{'identical' if ok else f'DIFFERENT ({len(got - reference)} clusters not in the reference)'}")
        print(f"  identical clusters: {same}/{len(ORDER_SEEDS)} orders")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
