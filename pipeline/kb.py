"""Convert the Phoenix actor dictionaries into the knowledge base the actor stage reads:
`python -m pipeline.kb [event-coding folder]` writes `pipeline/rules/phoenix_actors.tsv`.

The Phoenix dictionaries (PETRARCH-2, MIT licence; `../shared/corpora/event-coding/`) list
actors as TABARI entries: a primary name line (`TONY_BLAIR_  # CountryInfo.txt`, words
joined by underscores), `+` lines with other names, and indented `[CODE from-to]` lines with
dated roles (`[GBRGOV 970502-070627]`: British government, 2 May 1997 to 27 June 2007).

What is kept, and why:
- people (an entry with a dated role code): every name of two words or more that is a
  name, not a title phrase ("PRIME_MINISTER_GORDON_BROWN" is left out), with the dated
  roles — an entry names one person;
- international organizations and armed groups: the primary name, plus other names only
  when they are an acronym spelled from it or the name with/without "the"; entries with the
  same code whose names are such forms of each other are one organization ("UN_ [IGOUNO]"
  and "THE_UNITED_NATIONS_ [IGOUNO]"). Other `+` names are left out: Phoenix groups
  organizations by what they code to, not by identity (GCHQ, MI5 and MI6 are one entry);
- countries are not taken (`rules/demonyms.tsv` covers them with demonyms).
A form claimed by two entries names neither and is dropped."""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.names import RULES, fold, initials, is_acronym, spelled_acronym, title_words
from pipeline.paths import shared_corpora

OUTPUT = RULES / "phoenix_actors.tsv"
SOURCES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
CODE = re.compile(r"\[([^\]\s]+)(?:\s+([^\]]*))?\]")


@dataclass
class Entry:
    """One TABARI entry: its names and role codes."""

    source: str
    primary: str
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, dates as written)

    @property
    def is_person(self) -> bool:
        return any(dates for _, dates in self.codes) and self.source != "Phoenix.MilNonState.actors.txt" \
            and not self.primary.upper().startswith("THE_")


def readable(token: str) -> str:
    """"TONY_BLAIR_" -> "Tony Blair"; "THE_UNITED_NATIONS" -> "United Nations"; "GEORGE_W._BUSH" -> "George W. Bush"; "MCCAIN" -> "McCain";
    "NATO" stays upper case (one word of four letters or fewer)."""
    words = [w for w in token.strip().strip("_").replace("_", " ").split() if w]
    if len(words) > 1 and words[0].upper() == "THE":
        words = words[1:]
    if len(words) == 1 and len(words[0]) <= 4 and words[0].isalpha():
        return words[0].upper()  # "NATO", "UN": short one-word names are acronyms
    out = []
    for w in words:
        if re.fullmatch(r"(?:[A-Za-z]\.)+", w):  # "U.N.", "W."
            out.append(w.upper())
            continue
        word = "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))
        if re.match(r"^Mc[a-z]", word):
            word = "Mc" + word[2:3].upper() + word[3:]
        out.append(word)
    return " ".join(out)


def parse(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if raw[:1] in ("\t", " ") and line.strip().startswith("["):
            if entries:
                entries[-1].codes += [(c, (d or "").strip()) for c, d in CODE.findall(line)]
            continue
        name_part = re.sub(r"\s+", "_", CODE.split(line)[0].strip())  # a tab inside a name is a typo
        codes = [(c, (d or "").strip()) for c, d in CODE.findall(line)]
        if line.startswith("+"):
            if entries:
                entries[-1].names.append(name_part[1:].strip())
                entries[-1].codes += codes
            continue
        if not re.match(r"^[A-Z0-9]", name_part):
            continue
        entries.append(Entry(path.name, name_part, [name_part], codes))
    return entries


def _is_name_form(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and all(w.lower() not in title_words() for w in words) \
        and all(re.match(r"^[A-Z][\w.'-]*$", w) for w in words)


def _roles(entry: Entry) -> str:
    return "; ".join(f"{code} {dates}".strip() for code, dates in entry.codes)


def person_rows(entry: Entry) -> list[tuple[str, str, str, str, str]]:
    canonical = readable(entry.primary)
    forms = {readable(n) for n in entry.names}
    return [(form, canonical, "person", f"{entry.source} {entry.primary.strip('_')}", _roles(entry))
            for form in sorted(forms) if _is_name_form(form)]


def organization_rows(entries: list[Entry]) -> list[tuple[str, str, str, str, str]]:
    """Organizations: an entry's own name and its acronym/"the" forms; same-code entries
    that are such forms of each other join the first."""
    rows = []
    by_code: dict[str, list[tuple[str, Entry]]] = {}
    for entry in entries:
        canonical = readable(entry.primary)
        code = entry.codes[0][0] if entry.codes else ""
        same = [c for c, _ in by_code.get(code, []) if code and (_acronym_of(canonical, c) or fold(c) == fold(canonical))]
        target = same[0] if same else canonical
        if not same and code:
            by_code.setdefault(code, []).append((canonical, entry))
        forms = {canonical}
        for n in entry.names[1:]:
            form = readable(n)
            if _acronym_of(form.replace(" ", ""), target) or fold(form) == fold(target):
                forms.add(form.replace(" ", "") if _acronym_of(form.replace(" ", ""), target) else form)
        kind = "organization"
        rows += [(form, target, kind, f"{entry.source} {entry.primary.strip('_')}", _roles(entry)) for form in sorted(forms)]
    return rows


def _acronym_of(form: str, name: str) -> bool:
    """"UN" for "United Nations" (its initials), "EADS" spelled from a longer name."""
    return is_acronym(form) and (initials(name) == form.replace(".", "") or spelled_acronym(form, name))


def convert(folder: Path) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for name in SOURCES:
        entries = parse(folder / name)
        rows += [r for e in entries if e.is_person for r in person_rows(e)]
        if name != "Phoenix.Countries.actors.txt":
            rows += organization_rows([e for e in entries if not e.is_person and e.codes])  # no code: incomplete entry
    claims: dict[str, set[str]] = {}
    for form, canonical, *_ in rows:
        claims.setdefault(fold(form), set()).add(canonical)
    seen, out = set(), []
    for row in rows:
        key = fold(row[0])
        if len(claims[key]) == 1 and key not in seen and len(key) >= 2:
            seen.add(key)
            out.append(row)
    return sorted(out, key=lambda r: (fold(r[1]), fold(r[0])))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(shared_corpora() / "event-coding"))
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    if not (folder / SOURCES[0]).exists():
        print(f"no Phoenix dictionaries in {folder}", file=sys.stderr)
        return 2
    rows = convert(folder)
    header = ("# Generated by `python -m pipeline.kb` from the Phoenix actor dictionaries (PETRARCH-2, MIT\n"
              "# licence; ../shared/corpora/event-coding/): do not edit by hand, re-run the converter.\n"
              "# form <TAB> canonical name <TAB> type <TAB> entry (file and primary name) <TAB> role codes with dates\n")
    OUTPUT.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(rows)} forms, {len({r[1] for r in rows})} actors)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
