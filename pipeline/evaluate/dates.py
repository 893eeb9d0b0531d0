"""Date normalization against TimeML gold: every TIMEX3 of every .tml file under a folder
(default ../shared/corpora/tempeval3/TBAQ-cleaned), its text normalized by
`pipeline.nlp.dates.timex_value` with the document creation time (DCT) as anchor and its
sentence as context (for the tense), compared exactly with the gold value. The DCT's own
TIMEX3 (functionInDocument=CREATION_TIME) is skipped. The TIMEX3s of a file are
normalized in text order through one `DateTracker`, so anaphoric expressions ("later that
year") take the reference time the text established. Prints value accuracy for DATE
expressions, per type and overall.

Values are compared exactly, as the official TempEval-3 scorer does
(evaluation-entities/evaluate_entities.py: `g.value == s.value`; its TimeML-Normalizer
step only renumbers ids). Gold variants such as "1998-XX" for "1998" or "2000-W7" for
"2000-W07" therefore count as misses here too; no normalization is applied.

    python -m pipeline.evaluate.dates [folder] [--errors N]
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from pipeline.nlp import load_model
from pipeline.nlp.dates import DateTracker, token_tense
from pipeline.paths import shared_corpora

DEFAULT = shared_corpora() / "tempeval3" / "TBAQ-cleaned"


def _sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence (roughly) holding text[start:end], up to the previous/next sentence
    end, and the offset of the sentence in the text."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start), text.rfind(".\n", 0, start))
    right = [i for i in (text.find(". ", end), text.find("\n\n", end), text.find(".\n", end)) if i >= 0]
    lo = left + 1 if left >= 0 else 0
    sent = text[lo: min(right) + 1 if right else len(text)]
    stripped = sent.lstrip()
    return stripped.rstrip(), lo + len(sent) - len(stripped)


def read_tml(path: Path) -> tuple[str | None, list[dict]]:
    """(DCT value, TIMEX3 list with text, type, value and sentence) of one TimeML file."""
    root = ET.parse(path).getroot()
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value")
            break
    body = root.find("TEXT")
    out: list[dict] = []
    if body is None:
        return dct, out
    # flatten the TEXT element, remembering where each TIMEX3 sits
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []

    def walk(el):
        if el.tag == "TIMEX3":
            start = sum(map(len, parts))
            parts.append("".join(el.itertext()))
            spans.append((start, start + len(parts[-1]), el))
        else:
            parts.append(el.text or "")
            for child in el:
                walk(child)
                parts.append(child.tail or "")
        return

    walk(body)
    text = "".join(parts)
    for start, end, el in spans:
        if el.get("functionInDocument") == "CREATION_TIME":
            continue
        sentence, offset = _sentence_around(text, start, end)
        out.append({"text": text[start:end], "type": el.get("type"), "value": el.get("value"),
                    "sentence": sentence, "start": start - offset, "end": end - offset, "file": path.name})
    return dct, out


def tenses(timexes: list[dict]) -> list[str]:
    """The tense of the clause of each TIMEX3, from the spaCy parse of its sentence
    ("none" when there is no verb to read it from)."""
    nlp = load_model()
    sentences = [t["sentence"] for t in timexes]
    unique = list(dict.fromkeys(sentences))
    docs = dict(zip(unique, nlp.pipe(unique, batch_size=64)))
    out = []
    for t in timexes:
        doc = docs[t["sentence"]]
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
        out.append((token_tense(span.root) if span is not None and len(span) else None) or "none")
    return out


def unique_documents(files: list[Path]) -> list[Path]:
    """Each document once: TBAQ-cleaned ships `testpipeline/AP900815-0044.tml`, a byte-identical
    copy of the TimeBank file (the corpus is 256 documents); scoring it twice would weigh
    that one article double."""
    seen: set[bytes] = set()
    out = []
    for f in files:
        digest = hashlib.sha256(f.read_bytes()).digest()
        if digest not in seen:
            seen.add(digest)
            out.append(f)
    return out


def evaluate(folder: Path, limit_files: int | None = None) -> dict:
    files = unique_documents(sorted(folder.rglob("*.tml")))
    if limit_files:
        files = files[:limit_files]
    total, correct = Counter(), Counter()
    errors: list[tuple] = []
    for f in files:
        dct, timexes = read_tml(f)
        anchor = dct[:10] if dct and re.match(r"\d{4}-\d{2}-\d{2}", dct) else None
        tracker = DateTracker(anchor)  # the reference time moves along the document
        for t, tense in zip(timexes, tenses(timexes)):
            got = tracker.value(t["text"], tense=tense, context=t["sentence"])
            ok = got == t["value"]
            total[t["type"]] += 1
            correct[t["type"]] += ok
            if not ok:
                errors.append((t["type"], t["text"], t["value"], got, anchor, tense, t["file"], t["sentence"][:150]))
    return {"files": len(files), "total": total, "correct": correct, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong values")
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    if not folder.exists():
        print(f"no such folder: {folder}", file=sys.stderr)
        return 2
    r = evaluate(folder)
    total, correct = r["total"], r["correct"]
    print(f"TimeML date normalization: {r['files']} files, {sum(total.values())} TIMEX3 (DCT excluded), folder {folder}")
    for typ in sorted(total):
        print(f"  {typ:<9} value accuracy {correct[typ] / total[typ]:.3f}  ({correct[typ]}/{total[typ]})")
    n, c = sum(total.values()), sum(correct.values())
    if total["DATE"]:
        print(f"DATE value accuracy: {correct['DATE'] / total['DATE']:.3f}")
    print(f"overall value accuracy: {c / n:.3f}" if n else "overall value accuracy: n/a")
    for e in r["errors"][: args.errors]:
        print("  x", *e, sep=" | ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
