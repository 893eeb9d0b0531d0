"""Clean stage (issue 3): chrome removal by the rule table, glued-sentence repair and the
article fields, on the five seeds and on samples of the BBC and PolNeAR corpora.

Real inputs only: the seeds and corpus files go through `ingest.parse_file` and
`clean.clean_document`, the same functions the pipeline's assets call."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from pipeline import clean, clean_text, ingest
from pipeline.records import CleanArticle, InboxFile
from tests.conftest import SEEDS, corpus, rows


def _inbox_file(path: Path) -> InboxFile:
    return InboxFile(path=str(path), name=path.name, size=path.stat().st_size, sha256="",
                     mtime=path.stat().st_mtime, format=ingest.detect_format(path))


def clean_file(path: Path) -> list[CleanArticle]:
    return [clean.clean_document(d) for d in ingest.parse_file(_inbox_file(path))]


def seed(prefix: str) -> CleanArticle:
    (path,) = [p for p in SEEDS.iterdir() if p.name.startswith(prefix)]
    (article,) = clean_file(path)
    return article


def _nows(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


# ------------------------------------------------------------------------ the seeds

CHROME = {
    "000": ["Advertisement", "Supported by", "By Michael R. Gordon"],
    "001": ["Leave a comment"],
    "003": ["From the news desk", "Share this article", "WhatsApp", "Wait a sec", "restore vars"],
    "004": ["Consular assistance", "EmbassyPages", "Home News", "Published on", "05/09/2013",
            "currently at war"],
    "002": ["This article is from the source", "Version 1 Version 2", "RSS feed",
            "original source at"],  # the timing is kept in relative_timing
}

# (first body sentence, last body sentence) of every version, as the cleaned text holds them.
FIRST_LAST = {
    "000": ("GENEVA — Secretary of State John Kerry voiced support for Russia’s attempt to convene "
            "peace talks in Moscow between representatives of the Syrian government and the "
            "opposition, even though some leading opposition figures have said they do not plan to attend.",
            "Michael R. Gordon reported from Geneva and Anne Barnard from Beirut, Lebanon."),
    "001": ("“We agreed that we are both serious, more than serious, committed,” Mr. Kerry said after "
            "meeting here in the Brunei capital with his Russian counterpart, Foreign Minister Sergey V. Lavrov.",
            "“Obviously August is very difficult for Europeans and others, so it may be somewhat "
            "thereafter,” he said."),
    "002": ("MOSCOW — Secretary of State John Kerry pressed ahead on Tuesday with a push for a new round "
            "of talks on the Syrian peace process in meetings in the red-carpeted, chandeliered halls of "
            "the Kremlin that are sure to outrage critics of diplomatic engagement with Russia.",
            "“We have made absolutely clear,” the official told journalists before Mr. Kerry’s meetings "
            "in Moscow, “all the way through this at every level from the president on down, that we are "
            "not playing let’s make a deal here, trading Ukraine for Syria, that these are distinct "
            "issues with distinct paths forward.”"),
    "003": ("U.S. Secretary of State John Kerry said he wanted to use a visit to Moscow on Tuesday to "
            "make “real progress” in narrowing differences with Russian leader Vladimir Putin over how "
            "to end the conflict in Syria.",
            "Kerry will also underscore the importance of implementing the Minsk peace accords on "
            "Ukraine and plans for free and fair elections in eastern Ukraine."),
    "004": ("US Secretary of State John Kerry on Thursday phoned his Russian counterpart Sergei Lavrov "
            "seeking to give fresh impetus to plans to hold peace talks on Syria, officials said.",
            "For its part the United States has sought to build a cohesive opposition which would have "
            "the authority to negotiate for the fractured rebels seeking to oust Assad."),
}

# Seed 000's paragraphs are glued ("…Mr. Kerry said.Russia, which…"): each joint must become a
# paragraph break, and the abbreviations and initials next to them must stay whole.
GLUED_000 = [
    ("do not plan to attend.", "“We hope that the Russian efforts"),
    ("the United Nations envoy for the crisis in Syria.", "Mr. Kerry also praised"),
    ("saying he hoped it could “have effect.”", "Mr. Kerry’s support for the Russian"),
    ("interest among some Obama administration officials.", "Mr. Kerry said before the failed"),
    ("urging instead that Syria’s leaders rethink their course.", "“It is time for President Assad"),
    ("to remove Assad,” Mr. Kerry said.", "Russia, which has backed the Syrian government"),
    ("on Jan. 26 in Moscow.", "There has been speculation"),
    ("inside Syria, said recently.", "Whether Iran is racing"),
    ("challenging the West.", "Leaders of the exile opposition coalition"),
    ("from this whole nightmare.”", "Sergey V. Lavrov, Russia’s foreign minister"),
    ("Mr. Lavrov told a news conference in Moscow.", "Mr. de Mistura, who is planning"),
    ("to speed up the process.”", "The talks on limiting Iran’s nuclear program"),
]
KEPT_WHOLE_000 = ["Michael R. Gordon", "Sergey V. Lavrov", "Mr. de Mistura", "Jan. 26", "“The U.S. has",
                  "Mohammad Javad Zarif", "March 1, and"]


@pytest.mark.parametrize("prefix", sorted(CHROME))
def test_seed_chrome_removed_and_kept_for_audit(prefix):
    art = seed(prefix)
    for v in art.versions:
        for s in CHROME[prefix]:
            assert s not in v.text, f"seed {prefix} v{v.version_no}: {s!r} left in the text"
            assert s in v.removed_text, f"seed {prefix}: {s!r} not kept in removed_text"


@pytest.mark.parametrize("prefix", sorted(FIRST_LAST))
def test_seed_first_and_last_body_sentences(prefix):
    first, last = FIRST_LAST[prefix]
    for v in seed(prefix).versions:
        paras = v.text.split("\n\n")
        assert paras[0].startswith(first)
        assert paras[-1].endswith(last)


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_seed_loses_no_text(prefix):
    """Every non-space character of the file is in the body, the title or removed_text."""
    (path,) = [p for p in SEEDS.iterdir() if p.name.startswith(prefix)]
    v = seed(prefix).versions[0]
    original = _nows(path.read_text(encoding="utf-8"))
    assert len(original) == len(_nows(v.text + (v.title or "") + v.removed_text))
    # and the body is the file's text in order (breaks inserted, nothing reordered)
    assert _is_subsequence(_nows(v.text), original)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def test_seed_000_glued_paragraphs_split_at_real_sentence_ends():
    text = seed("000").versions[0].text
    for left, right in GLUED_000:
        assert f"{left}\n\n{right}" in text, (left, right)
    for whole in KEPT_WHOLE_000:
        assert whole in text
    assert len(text.split("\n\n")) == 19


def test_seed_fields():
    a0 = seed("000")
    assert a0.byline == "Michael R. Gordon and Anne Barnard"
    assert a0.authors == ["Michael R. Gordon", "Anne Barnard"]
    assert a0.dateline == "Geneva" and a0.wire_agency is None and a0.title is None
    a1 = seed("001")
    assert a1.title == "Kerry Says US and Russia Are Working Toward Syria Talks"
    assert (a1.byline, a1.dateline, a1.wire_agency) == (None, None, None)
    a3 = seed("003")
    assert a3.title == "Kerry seeks ‘real progress’ on Syria at Moscow talks"
    assert a3.wire_agency == "Reuters" and a3.source == "reuters"
    assert a3.versions[0].removed_text.endswith("Reuters")  # the signature, kept for audit
    a4 = seed("004")
    assert a4.title == "Kerry pushes Syria peace talks with Russian FM"
    assert (a4.published_at, a4.published_from) == ("2013-09-05", "text")  # day-first rule
    for a in (a0, a1, a3):
        assert a.published_at is None and a.published_from is None  # never invented


def test_seed_002_newssniffer_one_article_two_versions():
    a = seed("002")
    assert a.url == ("http://www.nytimes.com/2015/12/16/world/europe/"
                     "in-russia-john-kerry-pushes-forward-on-syrian-peace-process.html")
    assert a.source == "nytimes" and a.dateline == "Moscow"
    assert (a.published_at, a.published_from) == ("2015-12-16", "url")
    v1, v2 = a.versions
    assert v1.title == "In Russia, John Kerry Pushes Forward on Syrian Peace Process"
    assert v2.title == "In Russia, John Kerry Pushes Forward on Syria Talks"
    assert a.title == v2.title
    assert v2.relative_timing == "(about 7 hours later)" and v1.relative_timing is None
    assert v1.text == v2.text  # this page changed only the headline
    assert len(v1.text.split("\n\n")) == 17
    assert "\n\n“So I very much look forward" not in v1.text  # a row's two sentences stay one paragraph


# ------------------------------------------------------------------------ unit rules

@pytest.mark.parametrize("raw, expected", [
    ("Mr. Kerry said.Russia, which", "Mr. Kerry said.\n\nRussia, which"),
    ("could “have effect.”Mr. Kerry’s", "could “have effect.”\n\nMr. Kerry’s"),
    ("he said.“We hope", "he said.\n\n“We hope"),
    ("for example).This country", "for example).\n\nThis country"),
    ("nearly 1000.Watch it", "nearly 1000.\n\nWatch it"),
    ("Is it over?Yes, it is", "Is it over?\n\nYes, it is"),
    # a straight mark after the period opens the next quotation unless one is open before it
    ('the authorities."We were deceived," he said', 'the authorities.\n\n"We were deceived," he said'),
    ('he said "it is over."Then he left', 'he said "it is over."\n\nThen he left'),
    # inside a quotation the joint gets a space: a paragraph break would cut the quotation
    ("“The sixth bloc is the moderates.The only one left,” he said.", "“The sixth bloc is the moderates. The only one left,” he said."),
])
def test_glued_sentences_split(raw, expected):
    assert clean_text.repair_glued_sentences(raw) == expected


@pytest.mark.parametrize("raw", [
    "The U.S. Army said", "the U.S.Army said", "Mr. Kerry met Mrs. Clinton", "on Sept. 5 in Moscow",
    "Sgt.Pepper", "Michael R. Gordon", "J.R.R. Tolkien wrote", "it grew 3.5 percent", "at 10.30 a.m. Friday",
    "at 5 p.m.Friday", "see http://www.nytimes.com/2015/12/16/World.Html now",
    "fansite Halo.Bungie.Org, said", "such as TalkTalk and One.Tel, which", "mail press@bbc.co.uk.Thanks",
    "versus the Co.Op", "St.Louis", "Dr.Who",
])
def test_glued_repair_leaves_abbreviations_initials_numbers_urls_alone(raw):
    assert clean_text.repair_glued_sentences(raw) == raw


def test_chrome_rule_table_is_documented_data():
    rules = clean_text.chrome_rules()
    assert len(rules) >= 20
    for r in rules:
        assert r.kind in {"line", "inline", "tail", "block"}
        assert (r.end is not None) == (r.kind == "block")
        assert r.why.strip(), f"rule {r.pattern.pattern!r} has no reason"
    text, removed = clean_text.remove_chrome("Share this article\nBody line.\nCopyright 2015 Reuters\nfooter")
    assert text.strip() == "Body line." and removed == ["Share this article", "Copyright 2015 Reuters", "footer"]


@pytest.mark.parametrize("text, expected", [
    ("GENEVA — Secretary", ("Geneva", None)),
    ("MOSCOW (Reuters) - Russia", ("Moscow", "Reuters")),
    ("HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party", ("Hempstead, N.Y.", "UPI")),
    ("New York (AFP) – Oscar-winning", ("New York", "AFP")),
    ("MANCHESTER, N.H. - Hillary", ("Manchester, N.H.", None)),
    ("ST. LOUIS — The", ("St. Louis", None)),
    ("Aug 27 (Reuters) - Democrat", (None, "Reuters")),
    ("EXCLUSIVE – Roger Stone", (None, None)),
    ("Secretary of State - John", (None, None)),
])
def test_dateline(text, expected):
    assert clean.extract_dateline(text) == expected


@pytest.mark.parametrize("date, source, expected", [
    ("05/09/2013", None, "2013-09-05"),          # unknown / non-US source: day first
    ("05/09/2013", "nytimes", "2013-05-09"),     # US outlet: month first
    ("13/09/2013", "nytimes", "2013-09-13"),     # unambiguous: read the only way it can be
    ("09/13/2013", None, "2013-09-13"),
    ("2015-12-16T10:00:00", None, "2015-12-16"),
    ("September 5, 2013", None, "2013-09-05"),
    ("sometime soon", None, None),
])
def test_date_rules(date, source, expected):
    assert clean.parse_date_string(date, source) == expected


def test_date_from_url_and_source_from_url():
    url = "http://www.nytimes.com/2015/12/16/world/europe/x.html"
    assert clean.date_from_url(url) == "2015-12-16"
    assert clean.source_from_url(url) == "nytimes"
    assert clean.date_from_url("https://example.com/news/12345") is None


def test_byline_forms():
    assert clean.extract_byline("By Michael R. Gordon and Anne BarnardGENEVA — Text")[0] == \
        "Michael R. Gordon and Anne Barnard"
    assert clean.extract_byline("By the fall of 2010, the super PACs")[0] is None
    assert clean.extract_byline("By Monday morning, the grim ritual")[0] is None
    assert clean.extract_byline("By MARK LANDLER and NOAH WEILAND\n\nWASHINGTON — Mr. Obama")[0] == \
        "MARK LANDLER and NOAH WEILAND"
    assert clean.split_authors("MARK LANDLER and NOAH WEILAND") == ["Mark Landler", "Noah Weiland"]
    assert clean.split_authors("Jane Doe, John Roe and Max Moe") == ["Jane Doe", "John Roe", "Max Moe"]


def test_titles():
    assert clean.tidy_title("Green Party candidate Jill Stein removed from N.Y. debate site by police.") == \
        "Green Party candidate Jill Stein removed from N.Y. debate site by police"
    assert clean.tidy_title("Talks resume in the U.S.") == "Talks resume in the U.S."
    title, paras, _ = clean.split_title_and_header(["A short standfirst here", "Body paragraph one."], "Headline")
    assert title is None and paras[0] == "A short standfirst here"  # a known title never drops a paragraph


# ------------------------------------------------------------------------ the corpora

def _polnear_files() -> list[Path]:
    root = corpus("polnear")
    return sorted(root.glob("train/text/*.txt")) + sorted(root.glob("dev/text/*.txt"))


def _bbc_files() -> list[Path]:
    return sorted(corpus("bbc-news").glob("*/[0-9][0-9][0-9].txt"))


def test_polnear_nyt_proquest_headers_removed():
    files = [p for p in _polnear_files() if "FULL TEXT." in p.read_text(encoding="utf-8")][:10]
    assert files
    for p in files:
        (a,) = clean_file(p)
        v = a.versions[0]
        assert "ABSTRACT." not in v.text.split("\n\n") and "FULL TEXT." not in v.text.split("\n\n")
        assert "FULL TEXT." in v.removed_text and a.title


def test_polnear_titles_and_wire_agencies_match_metadata():
    """Titles: the first line (PolNeAR adds a final period; metadata has none). Wire: the
    agency named by the dateline "(AP)", a signature or a Reuters credit line."""
    root = corpus("polnear")
    meta = {r["filename"]: r for r in csv.DictReader(open(root / "metadata.tsv", encoding="utf-8"), delimiter="\t")}
    files = _polnear_files()[::3]
    titles = wires = wire_gold = false_wires = 0
    for p in files:
        (a,) = clean_file(p)
        m = meta[p.stem]
        titles += (a.title or "") == m["title"].strip()
        gold = {"reuters": "Reuters"}.get(m["wire"], m["wire"]) if m["wire"] not in ("None", "NA", "") else None
        wire_gold += gold is not None
        wires += gold is not None and a.wire_agency == gold
        false_wires += gold is None and a.wire_agency is not None
    assert titles / len(files) >= 0.85
    assert wires / wire_gold >= 0.85 and false_wires == 0


def test_bbc_first_line_is_the_title():
    for p in _bbc_files()[::50]:
        (a,) = clean_file(p)
        first = p.read_bytes().decode("utf-8", errors="replace").splitlines()[0].strip()
        assert a.title == clean.tidy_title(first), p


# Abbreviations, initials and the like that a sentence split must never follow.
NO_SPLIT_AFTER = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "inc", "co", "corp", "ltd", "jr", "sr", "no", "vs",
}


SAMPLE_STEP = 3
RAW_JOINT = re.compile(r"[a-z0-9)][.!?][”\"’]?[“\"]?[A-Z][a-z]")


def _sample() -> list[Path]:
    """Every 3rd BBC file and every 3rd PolNeAR file (train then dev, sorted), plus every
    file of both corpora whose raw text has a "word.Word" joint (RAW_JOINT: where glued
    sentences, and the abbreviations, domains and names that look like them, are), plus
    BBC sport/199.txt (the one file that is not UTF-8)."""
    bbc, polnear = _bbc_files(), _polnear_files()
    sample = set(bbc[::SAMPLE_STEP] + polnear[::SAMPLE_STEP])
    sample |= {p for p in bbc + polnear if RAW_JOINT.search(ingest.read_text(p))}
    sample |= {p for p in bbc if p.parent.name == "sport" and p.name == "199.txt"}
    return sorted(sample)


def test_sampled_corpora_no_sentence_glued_or_split_wrongly():
    """On the sample of `_sample()` (a third of BBC and PolNeAR, every file with a
    "word.Word" joint, the non-UTF-8 BBC file), cleaning must
    1. glue nothing: every whitespace-separated token of the cleaned body occurs in the
       original file (cleaning removes text and inserts breaks, it never joins words, so a
       paragraph break of the original can never vanish between two words);
    2. leave no sentence glued: no "word.Word" joint remains (a lower-case letter, digit or
       ")" then [.!?], optional closing quote, then a capitalised word) unless the token is
       a URL, e-mail or dotted domain/name ("Halo.Bungie.Org", "One.Tel");
    3. split nothing wrongly: at every break the repair inserted inside an original token,
       the left part ends a sentence ([.!?] plus optional closing quote) after a word of two
       or more letters that is no abbreviation of NO_SPLIT_AFTER ("Mr.", "U.S.", "Sept."),
       the right part starts with a capital or an opening quote, no digit follows a
       digit-and-period (decimals, times), and the token is no URL/e-mail/domain;
    4. lose nothing: non-space characters of body + title + removed_text equal the file's
       (up to the period a headline loses)."""
    glued_left, bad_splits, lost, joined = [], [], [], []
    n_splits = 0
    sample = _sample()
    n_files = len(sample)
    for p in sample:
        original = ingest.read_text(p)
        (a,) = clean_file(p)
        v = a.versions[0]
        body = v.text
        tokens = body.split()
        # 1. nothing joined
        joined += [(p.name, t) for t in tokens if t not in original]
        # 2. nothing left glued
        for m in re.finditer(r"(\S*[a-z0-9)][.!?][”\"’]?[“\"]?[A-Z][a-z]\S*)", body):
            tok = m.group(1)
            if re.search(r"://|www\.|@|\.[A-Z][a-z]+\.[A-Za-z]|\.(?:Com|Org|Net|Tel)\b", tok):
                continue
            if re.search(r"\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec|U\.S|[A-Z])\.[A-Z]", tok):
                continue
            glued_left.append((p.name, tok))
        # 3. splits inserted by the repair
        for left, right in zip(tokens, tokens[1:]):
            if left + right not in original or re.search(re.escape(left) + r"\s+" + re.escape(right), original):
                continue
            n_splits += 1
            last = re.search(r"([\w.]+)[)\]]?[.!?][”\"’]?$", left)
            ok = (
                re.search(r"[.!?][”\"’]?$", left)
                and last and last.group(1).lower() not in NO_SPLIT_AFTER and len(last.group(1)) >= 2
                and re.match(r"[“\"‘]?[A-Z]", right)
                and not (re.search(r"\d[.!?]$", left) and right[:1].isdigit())
                and not re.search(r"://|www\.|@", left + right)
            )
            if not ok:
                bad_splits.append((p.name, left, right))
        # 4. nothing lost
        diff = len(_nows(original)) - len(_nows(body + (a.title or "") + v.removed_text))
        if not 0 <= diff <= 1:
            lost.append((p.name, diff))
    assert not joined, joined[:10]
    assert not glued_left, glued_left[:10]
    assert not bad_splits, bad_splits[:10]
    assert not lost, lost[:10]
    assert n_files >= 1000 and n_splits >= 15, (n_files, n_splits)  # 1059 files, 18 repairs today


# ------------------------------------------------------------------------ in the warehouse

def test_seed_fields_stored_in_articles(seed_db):
    """The fields above as the pipeline stores them (articles + versions.removed_text)."""
    got = {r[0][:3]: r[1:] for r in rows(seed_db, """
        SELECT v.source_file, a.title, a.byline, a.authors, a.dateline, a.wire_agency, a.source, a.url,
               CAST(a.published_at AS VARCHAR), a.published_from
        FROM articles a JOIN versions v USING (article_id) WHERE v.version_no = 1""")}
    assert got["000"][1:4] == ("Michael R. Gordon and Anne Barnard", ["Michael R. Gordon", "Anne Barnard"], "Geneva")
    assert got["001"][0] == "Kerry Says US and Russia Are Working Toward Syria Talks"
    assert got["002"][0] == "In Russia, John Kerry Pushes Forward on Syria Talks"
    assert got["002"][5:] == ("nytimes", "http://www.nytimes.com/2015/12/16/world/europe/"
                              "in-russia-john-kerry-pushes-forward-on-syrian-peace-process.html", "2015-12-16", "url")
    assert got["003"][4:6] == ("Reuters", "reuters")
    assert got["004"][0] == "Kerry pushes Syria peace talks with Russian FM"
    assert got["004"][7:] == ("2013-09-05", "text")
    removed = dict(rows(seed_db, "SELECT substr(source_file, 1, 3), removed_text FROM versions WHERE version_no = 1"))
    assert "Share this article" in removed["003"] and "Supported by" in removed["000"]
    assert "This article is from the source 'nytimes'" in removed["002"]
