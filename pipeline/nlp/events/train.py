"""Trainer of the learned event-candidate step (`learned.py`): writes `rules/event_model.tsv`.

    python -m pipeline.nlp.events.train [--epochs 10] [--margin M] [--check-margin M] [--install]

Without `--install` it trains and reports only. Not installed today: leave-one-file-out cross-validation
(`python -m pipeline.evaluate.events_cv`, 24 files) found no gain over the rules alone (session 16: pooled F1 0.541
rules, 0.542 with the candidate step, 0.544 with the check at its best margin, within noise), so the extractor runs the
rules alone (it reads `rules/event_model.tsv` and `rules/event_check.tsv` only when they exist). Install a model
only when the cross-validated F1 beats the rules. Why the candidate step cannot help much yet: of the 424 gold
events the rules miss, only 91 are found by the rule actor finders at ANY candidate token told the right type
(`align` with the reproducer); the other 333 need actors the rules do not find. The learned actor-role step
tried next (session 17: `roles.py`, `train_roles.py`, `python -m pipeline.evaluate.events_roles_cv`) did not carry over
to held-out files either (docs/accuracy.md).

Training data: every gold file `pipeline/evaluate/gold/events*.tsv` except the unscored held-out files (`UNSEEN`,
never opened) and the second labellings of a file (`*_second.tsv`: the same sentences as the first labelling),
plus the PLOVER GSR dev records as positives only (their sentences' other events are unlabelled, so their other
tokens are no negatives). Each sentence is parsed by the real model and run through the rule extractor with a
recorder in the learned step's place: the recorder keeps the features of every candidate the rules left, and
`align.py` labels them from the gold events the rules missed. The model is a multi-class averaged perceptron
(deterministic: fixed epochs, examples shuffled with a fixed seed), small enough to read as a table.
`python -m pipeline.evaluate.events_cv` scores it by leave-one-file-out cross-validation."""
from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path
from typing import NamedTuple

from pipeline.evaluate.events import event_match, GOLD, GSR, read_gold, read_gsr
from pipeline.nlp import parse_texts
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.events.align import align, Alignment, GoldEvent, UNSURE
from pipeline.nlp.events.extract import extract_events
from pipeline.nlp.events.learned import CHECK_PATH, DROP, EventModel, MODEL_PATH, NONE
from pipeline.nlp.events.lexicon import lexicon

# held-out files not scored yet: never read for training or cross-validation (held-out 22, drawn with
# --fresh-stories --more-pools and labelled blind in session 27, scored once by the lead at its end; it leaves UNSEEN
# when the next held-out file is drawn); held-out 12-21 were each scored once (sessions 17-26) and are development data
# since
UNSEEN = frozenset({"events_heldout22.tsv"})
SEED, EPOCHS, MARGIN, CHECK_MARGIN = 16, 10, 0.0, 0.0
MIN_WEIGHT = 0.005  # averaged weights smaller than this are left out of the data file


class Candidate(NamedTuple):
    """What the learned step (a token) or the check (an event) was asked about, and its features."""
    tok: object
    feats: list[str]


class Recorder:
    """Stands in for the model or the check during training: keeps what each was asked, decides nothing."""

    def __init__(self):
        self.seen: list[Candidate] = []

    def decide(self, feats: list[str], tok=None) -> None:
        self.seen.append(Candidate(tok, feats))
        return None


class Example(NamedTuple):
    group: str
    feats: list[str]
    label: str


class Case(NamedTuple):
    """One gold sentence, parsed: its file, gold events, the rules' events and the learned step's candidates."""
    group: str
    gold: dict
    doc: object
    entities: list
    mentions: list
    rule_preds: list[dict]
    candidates: list[Candidate]
    alignment: Alignment  # the candidates' labels from the gold events the rules missed
    checks: list[Example]  # the events kept in the output, labelled kept (right) or DROP (no gold event)



def training_files(folder: Path = GOLD.parent) -> list[Path]:
    """The gold files the model may learn from (see the module docstring), by name."""
    return [p for p in sorted(folder.glob("events*.tsv")) if p.name not in UNSEEN and not p.stem.endswith("_second")]


def as_dicts(events) -> list[dict]:
    return [{"type": e.event_type, "actor1": e.actor1_text, "actor2": e.actor2_text, "status": e.status,
             "mode": e.mode, "trigger": e.trigger} for e in events]


def prepare(items: list[tuple[str, dict]]) -> list[Case]:
    """Parse each (group, gold sentence) and record the rules' events and the learned step's candidates."""
    cases = []
    for (group, gold), doc in zip(items, parse_texts([g["sentence"] for _, g in items])):
        entities, mentions = extract_entities(doc)
        rec = Recorder()
        preds = as_dicts(extract_events(doc, entities, mentions, None, model=rec, check=None))
        got = align(missed_by_rules(gold["events"], preds), [c.tok for c in rec.seen], lexicon(),
                    _reproducer(doc, entities, mentions))
        checks = _check_examples(group, gold, doc, entities, mentions, got)
        cases.append(Case(group, gold, doc, entities, mentions, preds, rec.seen, got, checks))
    return cases


def _reproducer(doc, entities, mentions):
    """(gold event, token) -> whether the extractor, told the event's type at that token, finds that event there."""
    def reproduces(event: GoldEvent, tok) -> bool:
        found = extract_events(doc, entities, mentions, None, model=Oracle({tok.i: event.type}), check=None)
        gold = {"type": event.type, "actor1": event.actor1, "actor2": event.actor2}
        return any(e.trigger_start == tok.idx and event_match(gold, p) for e, p in zip(found, as_dicts(found)))
    return reproduces


class Oracle:
    """The learned step as the alignment labels it (what a perfect model would name): the check then learns which
    of its events come out right, as well as which rule events do."""

    def __init__(self, labels: dict[int, str]):
        self.labels = labels

    def decide(self, feats: list[str], tok=None) -> str | None:
        label = self.labels.get(tok.i, NONE)
        return None if label in (NONE, UNSURE) else label


def _check_examples(group: str, gold: dict, doc, entities, mentions, got: Alignment) -> list[Example]:
    """The events found with the aligned labels in the learned step's place, labelled kept (a gold event matches)
    or DROP."""
    chk = Recorder()
    events = extract_events(doc, entities, mentions, None, model=Oracle(got.labels), check=chk)
    right = {id(events[i]) for i in matched_predictions(gold["events"], as_dicts(events))}
    out = {id(e) for e in events}
    return [Example(group, c.feats, NONE if id(c.tok) in right else DROP) for c in chk.seen if id(c.tok) in out]


def matched_predictions(gold_events: list[dict], preds: list[dict]) -> set[int]:
    """Indexes of the predictions a gold event matches (one to one, in gold order: the evaluation's matching)."""
    used: set[int] = set()
    for g in gold_events:
        hit = next((i for i, p in enumerate(preds) if i not in used and event_match(g, p)), None)
        if hit is not None:
            used.add(hit)
    return used


def gold_cases(files: list[Path]) -> list[Case]:
    return prepare([(p.name, g) for p in files for g in read_gold(p)])


def missed_by_rules(gold_events: list[dict], preds: list[dict]) -> list[GoldEvent]:
    """The gold events no rule event matches (one to one, in gold order: the evaluation's matching)."""
    used: set[int] = set()
    out = []
    for g in gold_events:
        hit = next((i for i, p in enumerate(preds) if i not in used and event_match(g, p)), None)
        if hit is None:
            out.append(GoldEvent(g["type"], g["actor1"], g["actor2"]))
        else:
            used.add(hit)
    return out


def examples_of(case: Case) -> tuple[list[Example], Alignment]:
    """The candidates' examples (an UNSURE token gives none)."""
    got = case.alignment
    return [Example(case.group, c.feats, got.labels[c.tok.i]) for c in case.candidates
            if got.labels[c.tok.i] != UNSURE], got


def gsr_examples(path: Path = GSR) -> list[Example]:
    """One positive per GSR record the rules miss: the candidate whose word is in the record's event text (a verb
    before a noun); nothing else of its sentence."""
    if not Path(path).exists():
        return []
    records = read_gsr(path)
    cases = prepare([("gsr", {"sentence": r["sentence"], "events": []}) for r in records])
    out = []
    for rec, case in zip(records, cases):
        if any(p["type"] == rec["type"] for p in case.rule_preds):
            continue
        said = {w.lower() for w in rec["event_text"].split()}
        hits = sorted((c.tok.pos_ != "VERB", c.tok.i, c.feats) for c in case.candidates if c.tok.lower_ in said)
        if hits:
            out.append(Example("gsr", hits[0][2], rec["type"]))
    return out


def fit_model(examples: list[Example], epochs: int = EPOCHS, margin: float = MARGIN) -> EventModel:
    """A multi-class averaged perceptron over the examples (fixed seed: the same data gives the same weights)."""
    weights: dict[str, dict[str, float]] = {}
    totals: dict[str, dict[str, float]] = {}
    stamps: dict[tuple[str, str], int] = {}
    classes = sorted({e.label for e in examples} | {NONE})
    order = list(range(len(examples)))
    rng = random.Random(SEED)
    step = 0

    def bump(feat: str, cls: str, delta: float) -> None:
        row, tot = weights.setdefault(feat, {}), totals.setdefault(feat, {})
        w = row.get(cls, 0.0)
        tot[cls] = tot.get(cls, 0.0) + (step - stamps.get((feat, cls), 0)) * w
        stamps[(feat, cls)] = step
        row[cls] = w + delta

    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            step += 1
            ex = examples[k]
            model = EventModel(weights)
            scores = model.scores(ex.feats)
            guess = max(classes, key=lambda c: (scores.get(c, 0.0), c == NONE))
            if guess != ex.label:
                for f in ex.feats:
                    bump(f, ex.label, 1.0)
                    bump(f, guess, -1.0)
    averaged = {}
    for feat, row in weights.items():
        for cls, w in row.items():
            total = totals[feat].get(cls, 0.0) + (step - stamps.get((feat, cls), 0)) * w
            avg = total / step if step else 0.0
            if abs(avg) >= MIN_WEIGHT:
                averaged.setdefault(feat, {})[cls] = round(avg, 4)
    return EventModel(averaged, margin, tuple(classes))


def fit_logistic(examples: list[Example], positive: str = DROP, epochs: int = 15, rate: float = 0.1,
                 l2: float = 1e-3, margin: float = MARGIN) -> EventModel:
    """A binary logistic regression (stochastic gradient, L2, fixed seed) of `positive` against the rest: its score
    is a log-odds, so a margin is a probability threshold (margin log(p/(1-p)))."""
    weights: dict[str, float] = {}
    order = list(range(len(examples)))
    rng = random.Random(SEED)
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1 + epoch)
        for k in order:
            ex = examples[k]
            z = sum(weights.get(f, 0.0) for f in ex.feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            grad = (1.0 if ex.label == positive else 0.0) - p
            for f in ex.feats:
                w = weights.get(f, 0.0)
                weights[f] = w + step * (grad - l2 * w)
    kept = {f: {positive: round(w, 4)} for f, w in weights.items() if abs(w) >= MIN_WEIGHT}
    return EventModel(kept, margin, (NONE, positive))


HEADER = """\
# GENERATED by `python -m pipeline.nlp.events.train` (the learned event-candidate step, pipeline/nlp/events/learned.py):
# averaged-perceptron weights of the features of a candidate trigger token for each PLOVER type ('-' = no event),
# trained on the gold files pipeline/evaluate/gold/events*.tsv (not the unscored held-out files, not the second
# labellings) and the PLOVER GSR dev records. Do not edit: retrain. Columns: feature, class, weight.
"""


CHECK_HEADER = """\
# GENERATED by `python -m pipeline.nlp.events.train` (the learned check of found events, pipeline/nlp/events/learned.py):
# averaged-perceptron weights of the features of an event the rules found ('-' = keep, 'drop' = no gold event there),
# trained on the rule events of the gold files pipeline/evaluate/gold/events*.tsv (not the unscored held-out files, not
# the second labellings). Do not edit: retrain. Columns: feature, class, weight.
"""


def write_model(model: EventModel, path: Path, header: str, note: str = "") -> None:
    rows = [f"{feat}\t{cls}\t{w}\n" for feat in sorted(model.weights) for cls, w in sorted(model.weights[feat].items())]
    path.write_text(header + note + f"# margin {model.margin}\n" + "".join(rows), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--margin", type=float, default=MARGIN, help="a type must beat no-event by this much")
    ap.add_argument("--check-margin", type=float, default=CHECK_MARGIN, help="drop must beat keep by this much")
    ap.add_argument("--install", action="store_true", help="write the model files the extractor reads (rules/)")
    args = ap.parse_args(argv)
    files = training_files()
    examples, checks, aligned, missed = [], [], 0, 0
    for case in gold_cases(files):
        exs, got = examples_of(case)
        examples += exs
        checks += case.checks
        aligned += sum(1 for v in got.labels.values() if v not in (NONE, UNSURE))
        missed += len(got.unaligned)
    examples += gsr_examples()
    model = fit_model(examples, args.epochs, args.margin)
    note = f"# files: {', '.join(p.name for p in files)}\n# epochs {args.epochs}\n"
    check = fit_logistic(checks, margin=args.check_margin)
    if args.install:
        write_model(model, MODEL_PATH, HEADER, note)
        write_model(check, CHECK_PATH, CHECK_HEADER, note)
    print(f"{len(examples)} examples ({aligned} gold events the rules missed aligned to a token, {missed} unaligned); "
          f"{sum(len(r) for r in model.weights.values())} weights" + (f" -> {MODEL_PATH}" if args.install else ""))
    print(f"{len(checks)} found events (rules and aligned labels; {sum(c.label == DROP for c in checks)} wrong); "
          f"{sum(len(r) for r in check.weights.values())} weights" + (f" -> {CHECK_PATH}" if args.install else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
