"""Exact, faster stand-ins for the model's two rule components, `attribute_ruler` and
`lemmatizer` (a quarter of en_core_web_sm's CPU time on news text, more than its parser).

spaCy's attribute ruler runs a Matcher of 179 token patterns over every token and its
lemmatizer makes a Token object and a Python call per token. What either assigns to a
token depends only on a small key — (ORTH, TAG, DEP) for the ruler's one-token patterns,
(ORTH, POS, MORPH) for the lemmatizer, whose own cache has that very key — so each
distinct key is worked out once (by the components' own pattern data and lemmatizer
code) and read from a dict afterwards. The few two-token patterns ("gon na", "there
is") are checked where their first token matches. The annotations are the same token
for token (tests/test_rule_pipes.py compares every token attribute with the stock
pipeline); a pattern form this module does not know makes `install` keep the stock
components."""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens._retokenize import set_token_attrs

Predicate = Callable[[tuple], bool]  # (lower, tag, dep, is_space) of one token -> matches?
FIELDS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}


class Unsupported(ValueError):
    """A pattern uses an attribute or operator this module does not evaluate."""


def _value_test(value) -> Callable[[object], bool]:
    """One pattern value as a test, with the Matcher's meaning (`IN`, `NOT_IN`, `REGEX`: re.search)."""
    if isinstance(value, (str, bool)):
        return lambda got: got == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda got: got in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda got: got not in banned
        if op == "REGEX":
            search = re.compile(arg).search
            return lambda got: bool(search(got))
    raise Unsupported(f"pattern value {value!r}")


def _token_predicate(spec: dict) -> Predicate:
    """A token pattern ({"LOWER": "gon", "TAG": {"IN": [...]}}) as one predicate."""
    tests = []
    for key, value in spec.items():
        if key not in FIELDS:
            raise Unsupported(f"pattern key {key}")
        tests.append((FIELDS[key], _value_test(value)))
    return lambda fields: all(test(fields[pos]) for pos, test in tests)


class Sequence(NamedTuple):
    """A pattern of several tokens: the attribute set it assigns and to which of its tokens."""

    attr_id: int
    tokens: list[Predicate]
    index: int


class FastAttributeRuler:
    """`attribute_ruler` with the same patterns, attributes and order (ascending rule
    number, as AttributeRuler.match sorts them), one Matcher run per distinct key."""

    def __init__(self, ruler, vocab):
        self.vocab, self.attrs, self.sequences = vocab, ruler.attrs, []
        self.by_lower: dict[str, list] = {}  # lower form -> (rule id, predicate) of patterns naming it
        self.lowerless: list = []  # patterns without a LOWER condition: (tag, dep, is_space) decides
        self.other: list = []  # patterns with another LOWER condition (REGEX, NOT_IN)
        for attr_id, index in enumerate(ruler.indices):
            for pattern in ruler.matcher.get(vocab.strings[str(attr_id)])[1]:
                if any(not spec for spec in pattern):
                    raise Unsupported("empty token pattern")
                tokens = [_token_predicate(spec) for spec in pattern]
                if len(tokens) > 1:
                    self.sequences.append(Sequence(attr_id, tokens, index))
                else:
                    self._index_single(attr_id, pattern[0], tokens[0])
        self._keys: dict[tuple, tuple] = {}  # (orth, tag, dep) -> (one-token rule ids, sequences it starts)
        self._lowerless_ids: dict[tuple, list] = {}  # (tag, dep, is_space) -> lowerless rule ids matched
        self._merged: dict[tuple, dict] = {}  # sorted rule ids -> the attributes they leave

    def _index_single(self, attr_id: int, spec: dict, test: Predicate) -> None:
        """File a one-token pattern where a key's lookup finds it without trying the others."""
        lower = spec.get("LOWER")
        if lower is None:
            self.lowerless.append((attr_id, test))
        elif isinstance(lower, str) or isinstance(lower, dict) and set(lower) == {"IN"}:
            for form in [lower] if isinstance(lower, str) else lower["IN"]:
                self.by_lower.setdefault(form, []).append((attr_id, test))
        else:
            self.other.append((attr_id, test))

    def _fields(self, orth: int, tag: int, dep: int) -> tuple:
        strings, lex = self.vocab.strings, self.vocab[orth]
        return (lex.lower_, strings[tag] if tag else "", strings[dep] if dep else "", lex.is_space)

    def _entry(self, key: tuple) -> tuple:
        entry = self._keys.get(key)
        if entry is None:
            fields = self._fields(*key)
            shape = fields[1:]
            lowerless = self._lowerless_ids.get(shape)
            if lowerless is None:
                lowerless = self._lowerless_ids[shape] = [aid for aid, test in self.lowerless if test(fields)]
            named = [aid for aid, test in self.by_lower.get(fields[0], []) + self.other if test(fields)]
            entry = (tuple(lowerless + named), tuple(seq for seq in self.sequences if seq.tokens[0](fields)))
            self._keys[key] = entry
        return entry

    def _merged_attrs(self, rule_ids: tuple) -> dict:
        merged = self._merged.get(rule_ids)
        if merged is None:
            merged = {}
            for aid in rule_ids:  # later rules win, as when spaCy sets them one after the other
                merged.update(self.attrs[aid])
            self._merged[rule_ids] = merged
        return merged

    def __call__(self, doc):
        keys = [tuple(row) for row in doc.to_array([ORTH, TAG, DEP]).tolist()]
        hits: list[list[int]] = [[] for _ in keys]
        for i, key in enumerate(keys):
            single, starts = self._entry(key)
            hits[i].extend(single)
            for seq in starts:
                self._match_sequence(seq, keys, i, hits)
        for i, rule_ids in enumerate(hits):
            if rule_ids:
                set_token_attrs(doc[i], self._merged_attrs(tuple(sorted(rule_ids))))
        return doc

    def _match_sequence(self, seq: Sequence, keys: list[tuple], start: int, hits: list[list[int]]) -> None:
        """A several-token pattern whose first token matches at `start`: the rest, then the target."""
        end = start + len(seq.tokens)
        if end > len(keys):
            return
        if all(test(self._fields(*keys[start + k])) for k, test in enumerate(seq.tokens[1:], start=1)):
            hits[start + seq.index % len(seq.tokens)].append(seq.attr_id)


class FastLemmatizer:
    """`lemmatizer` (rule mode, not overwriting): every token without a lemma gets the
    lemmatizer's own answer for its (ORTH, POS, MORPH), computed once per key."""

    def __init__(self, lemmatizer, vocab):
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise Unsupported(f"lemmatizer mode {lemmatizer.mode}, overwrite {lemmatizer.overwrite}")
        self.lemmatizer, self.vocab = lemmatizer, vocab
        self._lemmas: dict[tuple, int] = {}  # (orth, pos, morph) -> lemma hash
        # The lemmatizer asks `form in index` of each candidate form, and its index of known
        # words per part of speech is a list of tens of thousands: 0.25 ms a lookup. The same
        # words as a set answer the same.
        if "lemma_index" in lemmatizer.lookups:
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos in list(index.keys()):
                index[pos] = frozenset(index[pos])

    def __call__(self, doc):
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = table.tolist()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = self._lemmas[key] = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            table[i, 3] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], table[:, 3].copy())
        return doc


@Language.factory("fast_attribute_ruler")
def make_fast_attribute_ruler(nlp, name: str) -> FastAttributeRuler:
    """Built from the pipeline's stock `attribute_ruler` (which `install` then removes)."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"), nlp.vocab)


@Language.factory("fast_lemmatizer")
def make_fast_lemmatizer(nlp, name: str) -> FastLemmatizer:
    """Built from the pipeline's stock `lemmatizer` (kept inside it for the unseen keys)."""
    return FastLemmatizer(nlp.get_pipe("lemmatizer"), nlp.vocab)


def install(nlp) -> bool:
    """Put the fast components in place of the stock ones (same names, same positions);
    False (stock components kept) when their configuration is one this module does not know."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return False
    try:
        FastAttributeRuler(nlp.get_pipe("attribute_ruler"), nlp.vocab)
        FastLemmatizer(nlp.get_pipe("lemmatizer"), nlp.vocab)
    except Unsupported:
        return False
    for stock, factory in (("attribute_ruler", "fast_attribute_ruler"), ("lemmatizer", "fast_lemmatizer")):
        nlp.add_pipe(factory, name=factory, after=stock)
        nlp.remove_pipe(stock)
        nlp.rename_pipe(factory, stock)
    return True
