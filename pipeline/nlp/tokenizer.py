"""News-text rules for spaCy's tokenizer, added to the model's own (offsets stay exact: the
tokenizer only splits, never rewrites). Each rule is one named function over the tokenizer,
applied in the order of TOKENIZER_RULES.

- no_bracket_emoticons: '):' and ')-:' are emoticons in spaCy's exceptions, so 'Rep. Trey
  Gowdy (R-S.C.): “…”' kept '):' as one token — in news a closing parenthesis before a colon
  is punctuation (a party and state, an age, a role before the speaker's colon);
- quote_mark_after_punctuation: a quotation mark typed with no space after a comma, colon or
  semicolon ('Ryan said,“Look, …”', 'Gowdy (R-S.C.):“We …”') stays glued to the words
  around it; split it off, with the punctuation before it."""
from __future__ import annotations

from spacy.util import compile_infix_regex

BRACKET_EMOTICONS = ("):", ")-:")
QUOTE_INFIXES = (
    r"(?<=[\w.)])[,:;](?=[“‘\"]\w)",  # the comma or colon before a glued opening mark
    r"(?<=[,:;])[“‘\"](?=\w)",  # the opening mark itself
    r"(?<=\.)\)(?=[,:;][“‘\"]\w)",  # a parenthesis closing an abbreviation before them: 'S.C.):“'
)


def no_bracket_emoticons(nlp) -> None:
    rules = dict(nlp.tokenizer.rules)
    for emoticon in BRACKET_EMOTICONS:
        rules.pop(emoticon, None)
    nlp.tokenizer.rules = rules


def quote_mark_after_punctuation(nlp) -> None:
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + list(QUOTE_INFIXES)).finditer


TOKENIZER_RULES = [no_bracket_emoticons, quote_mark_after_punctuation]


def install(nlp) -> None:
    """Apply every rule of TOKENIZER_RULES to `nlp`'s tokenizer."""
    for rule in TOKENIZER_RULES:
        rule(nlp)
