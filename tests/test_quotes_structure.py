"""The quote package stays a room you can live in (issue 14): no file over 500 lines, no
function over 80, every name it binds three letters or more, the cue strategies named
functions in ordered lists, the word lists in rules/quote_*.tsv with a comment per set."""
import ast
from pathlib import Path

from pipeline.nlp.quotes.cues import DIRECT_CUE_RULES
from pipeline.nlp.quotes.indirect import INDIRECT_CUE_RULES
from pipeline.nlp.quotes.lexicon import WORD_FILES, word_set

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline" / "nlp" / "quotes"
RULES = PACKAGE.parents[1] / "rules"


def _modules():
    return sorted(PACKAGE.glob("*.py"))


def test_no_file_over_500_lines():
    assert _modules()
    long = {p.name: n for p in _modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert not long


def test_no_function_over_80_lines():
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 80:
                long.append(f"{path.name}:{node.name}")
    assert not long


def _bound_names(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            yield node.id, node.lineno
        elif isinstance(node, ast.arg):
            yield node.arg, node.lineno
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            yield node.name, node.lineno


def test_names_have_three_letters_or_more():
    short = [f"{path.name}:{line} {name}" for path in _modules()
             for name, line in _bound_names(ast.parse(path.read_text(encoding="utf-8"))) if len(name.strip("_")) < 3]
    assert not short


def test_cue_rules_are_ordered_lists_of_named_functions():
    for rules in (DIRECT_CUE_RULES, INDIRECT_CUE_RULES):
        assert len(rules) >= 7 and all(callable(rule) and rule.__doc__ for rule in rules)
    assert [rule.__name__ for rule in DIRECT_CUE_RULES[:5]] == ["credit_after", "headline_speaker", "cue_after",
                                                                "interposed_cue", "cue_before"]


def test_word_sets_are_data_with_a_comment_each():
    for name in WORD_FILES:
        lines = (RULES / name).read_text(encoding="utf-8").splitlines()
        sets = {line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")}
        commented = {line[2:].split(":")[0] for line in lines if line.startswith("# ") and ":" in line}
        assert sets and sets <= commented, name
        assert all(word_set(set_name) for set_name in sets)


def test_each_word_set_is_one_block():
    """A set written twice is read as one (the loader merges by name), so a second list of the same name
    silently widens the first one's rule (session 24's passive naming verbs widened the naming content)."""
    seen: set[str] = set()
    for name in WORD_FILES:
        previous = None
        for line in (RULES / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            set_name = line.split("\t")[0]
            if set_name != previous:
                assert set_name not in seen, f"{name}: {set_name} begins a second block"
                seen.add(set_name)
            previous = set_name
