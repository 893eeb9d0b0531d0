"""Cross-document entity clustering on MEANTIME: `python -m pipeline.evaluate.actors [meantime]`.

Gold: the ENTITY instances of `intra_cross-doc_annotation/` that carry a DBpedia
`external_ref` and are persons, organizations or locations; their mentions (REFERS_TO)
that are names — syntactic type NAM / PRE.NAM, or untyped (cross-document annotation)
ending in a capitalized word that is neither a pronoun nor a title ("GM", "the United
States", "U.S. automaker Chrysler"; not "it", "the company", "U.S. automaker", "CEO"). The gold cluster of a mention is its instance.

The system is the project's real code: each document's tokens become a spaCy Doc (the
pipeline's model parses it), `pipeline.nlp.entities.link_spans` links the mentions inside
the document, and one `pipeline.actors.ActorIndex` resolves the documents one after
another (corpus order), as the load stage does. A mention's predicted cluster is its
actor. Two settings are printed:
- gold mentions: the gold spans with their gold type (PER -> PERSON, ORG -> ORG,
  LOC -> GPE) go through span cleaning, type correction, in-document linking and
  cross-document resolution — this scores the resolution itself;
- system mentions: spaCy's own NER spans; a gold mention takes the actor of the NER span
  that overlaps it most (none: a singleton) — this adds the NER's misses and errors.
Scores: pairwise (mention pairs in the same cluster) and B-cubed precision/recall/F1 over
all gold name mentions, within and across documents; a baseline that clusters identical
mention strings is printed for comparison."""
from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

from pipeline.actor_resolution import resolve_all
from pipeline.names import fold, title_words
from pipeline.nlp import load_model
from pipeline.nlp.entities import DETERMINERS, PRONOUNS, link_spans
from pipeline.paths import shared_corpora

TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
NAME_TYPES = {"NAM", "PRE.NAM"}
UNTYPED = {None, ""}


@dataclass
class GoldMention:
    doc: int
    start: int  # token index in the document
    end: int
    label: str  # spaCy-style label from the gold type
    cluster: str  # gold instance id
    text: str


@dataclass
class GoldDoc:
    name: str
    words: list[str]
    sent_starts: list[bool]
    mentions: list[GoldMention]


def _is_name(words: list[str], syntactic_type: str | None) -> bool:
    if syntactic_type in NAME_TYPES:
        return True
    if syntactic_type not in UNTYPED:
        return False
    words = [w for w in words if w not in (",", "(", ")", ".", "``", "''", "'s", "'")]
    last = words[-1] if words else ""
    return last[:1].isupper() and last.lower() not in PRONOUNS | DETERMINERS and last.lower() not in title_words()


def read_corpus(folder: Path) -> list[GoldDoc]:
    """Documents of the cross-document annotation with their gold name mentions."""
    files = sorted((folder / "intra_cross-doc_annotation").glob("*/*.xml"))
    docs = []
    for path in files:
        root = ET.parse(path).getroot()
        tokens = list(root.iter("token"))
        index = {t.get("t_id"): i for i, t in enumerate(tokens)}
        words = [t.text or "_" for t in tokens]
        sents = [i == 0 or tokens[i].get("sentence") != tokens[i - 1].get("sentence") for i in range(len(tokens))]
        markables = root.find("Markables")
        ments = {m.get("m_id"): m for m in markables.findall("ENTITY_MENTION")}
        ents = {e.get("m_id"): e for e in markables.findall("ENTITY")}
        gold = []
        for rel in root.find("Relations").findall("REFERS_TO"):
            target = rel.find("target")
            ent = ents.get(target.get("m_id")) if target is not None else None
            if ent is None or ent.get("ent_type") not in TYPES or not (ent.get("external_ref") or "").strip():
                continue
            for src in rel.findall("source"):
                m = ments.get(src.get("m_id"))
                if m is None:
                    continue
                ids = sorted(index[a.get("t_id")] for a in m.findall("token_anchor") if a.get("t_id") in index)
                if not ids:
                    continue
                span_words = words[ids[0]:ids[-1] + 1]
                if not _is_name(span_words, m.get("syntactic_type")):
                    continue
                gold.append(GoldMention(len(docs), ids[0], ids[-1] + 1, TYPES[ent.get("ent_type")],
                                        ent.get("instance_id"), " ".join(span_words)))
        docs.append(GoldDoc(path.stem, words, sents, gold))
    return docs


def _spacy_doc(nlp, gd: GoldDoc, with_ner: bool):
    doc = Doc(nlp.vocab, words=gd.words, spaces=[True] * len(gd.words), sent_starts=gd.sent_starts)
    for name, proc in nlp.pipeline:
        if name == "ner" and not with_ner:
            continue
        if name == "parser":
            continue  # keep the corpus's sentence boundaries; roles use tags and entities
        doc = proc(doc)
    return doc


def predict(docs: list[GoldDoc], setting: str) -> list[str]:
    """A predicted cluster id for every gold mention (in corpus order)."""
    nlp = load_model()
    versions, keys_of = {}, []
    for d, gd in enumerate(docs):
        doc = _spacy_doc(nlp, gd, with_ner=(setting == "system"))
        if setting == "gold":
            spans = [Span(doc, m.start, m.end, label=m.label) for m in gd.mentions]
        else:
            spans = list(doc.ents)
        entities, _, span_keys = link_spans(doc, spans)
        versions[f"doc{d:04d}"] = entities
        mention_keys = []
        for i, m in enumerate(gd.mentions):
            key = None
            if setting == "gold":
                key = span_keys[i]
            else:
                best = 0
                for j, s in enumerate(spans):
                    overlap = min(m.end, s.end) - max(m.start, s.start)
                    if overlap > best or (overlap == best and overlap > 0 and s.end == m.end):
                        best, key = overlap, span_keys[j]
            mention_keys.append(key)
        keys_of.append(mention_keys)
    # every document resolved together, as the load stage does (actor_resolution.resolve_all)
    index, links = resolve_all(versions)
    out: list[str] = []
    for d, mention_keys in enumerate(keys_of):
        for i, key in enumerate(mention_keys):
            link = links.get((f"doc{d:04d}", key)) if key else None
            out.append(index.final(link.actor_id) if link else f"singleton:{d}:{i}")
    return out


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    tp = pairs(Counter(zip(gold, pred)))
    gp, pp = pairs(Counter(gold)), pairs(Counter(pred))
    return _prf(tp / pp if pp else 1.0, tp / gp if gp else 1.0)


def bcubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    cell = Counter(zip(gold, pred))
    g, p = Counter(gold), Counter(pred)
    n = len(gold)
    prec = sum(cell[(a, b)] / p[b] for a, b in zip(gold, pred)) / n
    rec = sum(cell[(a, b)] / g[a] for a, b in zip(gold, pred)) / n
    return _prf(prec, rec)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("meantime", nargs="?", default=str(shared_corpora() / "meantime"))
    ap.add_argument("--setting", choices=["gold", "system", "both"], default="both")
    args = ap.parse_args(argv)
    folder = Path(args.meantime)
    if not (folder / "intra_cross-doc_annotation").is_dir():
        print(f"no MEANTIME corpus at {folder}", file=sys.stderr)
        return 2
    docs = read_corpus(folder)
    gold = [m.cluster for d in docs for m in d.mentions]
    by_type = Counter(m.label for d in docs for m in d.mentions)
    print(f"MEANTIME cross-document entities: {len(docs)} documents, {len(gold)} gold name mentions "
          f"({', '.join(f'{k} {v}' for k, v in sorted(by_type.items()))}), {len(set(gold))} gold entities")
    base = [fold(m.text) for d in docs for m in d.mentions]  # what raw strings (GDELT-style) would give
    pw, b3 = pairwise(gold, base), bcubed(gold, base)
    print(f"\n[baseline: same mention string] {len(set(base))} clusters")
    print(f"  pairwise  P {pw[0]:.3f}  R {pw[1]:.3f}  F1 {pw[2]:.3f}")
    print(f"  B-cubed   P {b3[0]:.3f}  R {b3[1]:.3f}  F1 {b3[2]:.3f}")
    settings = ["gold", "system"] if args.setting == "both" else [args.setting]
    for setting in settings:
        t0 = time.perf_counter()
        pred = predict(docs, setting)
        secs = time.perf_counter() - t0
        pw, b3 = pairwise(gold, pred), bcubed(gold, pred)
        print(f"\n[{setting} mentions] {len(set(pred))} predicted clusters ({secs:.1f} s)")
        print(f"  pairwise  P {pw[0]:.3f}  R {pw[1]:.3f}  F1 {pw[2]:.3f}")
        print(f"  B-cubed   P {b3[0]:.3f}  R {b3[1]:.3f}  F1 {b3[2]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
