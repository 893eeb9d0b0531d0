"""The report renders from a real warehouse: five PNG charts and an HTML page showing
them, from the CLI and from the `report` asset (whose metadata shows the charts)."""
from __future__ import annotations

import shutil

import dagster as dg
import duckdb

from pipeline.cli import main
from pipeline.report import CHARTS, QUERIES
from pipeline.report_asset import report_asset
from pipeline.resources import resources

PNG = b"\x89PNG\r\n\x1a\n"


def test_report_from_the_cli_renders_every_chart(seed_warehouse, tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["report", "--out", str(out), "--warehouse", str(seed_warehouse)]) == 0
    assert "5 charts" in capsys.readouterr().out
    page = (out / "index.html").read_text(encoding="utf-8")
    for name, title, _, _ in CHARTS:
        png = out / f"{name}.png"
        assert png.read_bytes()[:8] == PNG and png.stat().st_size > 5_000, name
        assert f'<img src="{name}.png"' in page and title in page
    assert "John Kerry" not in page  # names are in the charts, the page holds figures and captions
    assert "<b>5</b> articles" in page


def test_report_asset_shows_its_charts_in_metadata(seed_warehouse, tmp_path):
    warehouse = tmp_path / "news.duckdb"
    shutil.copy2(seed_warehouse, warehouse)
    with dg.instance_for_test() as instance:  # entered: Dagster's definitions-state lookup points at it
        result = dg.materialize([report_asset], resources=resources(str(tmp_path), str(warehouse)),
                                instance=instance)
    metadata = result.asset_materializations_for_node("report")[0].metadata
    assert (tmp_path / "news-report" / "index.html").exists()
    assert metadata["path"].value.endswith("news-report/index.html")
    for name, _, _, _ in CHARTS:
        assert "](data:image/png;base64," in metadata[name].value


# The chart's pairs as the report counted them before the actor_pairs table: sentence pairs
# of stg_mentions (no venue, a sentence repeated across an article's versions once).
COUNTED_EDGES = """
WITH actor_sentences AS (
    SELECT DISTINCT article_id, sentence_hash, actor_id, actor_name FROM stg_mentions WHERE label <> 'VENUE'
)
SELECT first_actor.actor_name AS actor_a_name, second_actor.actor_name AS actor_b_name, count(*) AS sentences_together
FROM actor_sentences AS first_actor
JOIN actor_sentences AS second_actor
  ON second_actor.article_id = first_actor.article_id
 AND second_actor.sentence_hash = first_actor.sentence_hash
 AND first_actor.actor_id < second_actor.actor_id
GROUP BY first_actor.actor_id, second_actor.actor_id, first_actor.actor_name, second_actor.actor_name
ORDER BY sentences_together DESC, actor_a_name, actor_b_name
LIMIT 40"""


def test_the_actor_network_reads_the_strongest_pairs_of_actor_cooccurrence(seed_warehouse):
    """The chart reads the model's 40 strongest sentence pairs: the pairs and counts that
    counting the sentence pairs of every mention gives."""
    with duckdb.connect(str(seed_warehouse), read_only=True) as con:
        got = con.execute(QUERIES["actor_network"]["edges"]).fetchall()
        want = con.execute(COUNTED_EDGES).fetchall()
    assert got and got == want
