"""Stories: every article of a batch gets one — its stored story, else the story of its
most similar earlier article (stored or earlier in the batch, `same_story`), else a new
story. Stories never merge afterwards (IDs stay stable)."""
from __future__ import annotations

from typing import NamedTuple

from pipeline.ids import stable_id
from pipeline.versions.sketches import SketchIndex, fingerprint, same_story
from pipeline.versions.stored import StoredState


class StoryCandidate(NamedTuple):
    """The best earlier article of the same story so far (compared by Jaccard, then containment)."""

    jaccard: float
    containment: float
    story_id: str
    article_id: str


def _latest_versions(rows: dict[str, list[dict]]) -> dict[str, dict]:
    """article_id -> its latest version row in the batch."""
    latest: dict[str, dict] = {}
    for version in rows.get("versions", []):
        if version["article_id"] not in latest or version["version_no"] > latest[version["article_id"]]["version_no"]:
            latest[version["article_id"]] = version
    return latest


def _best_story(article_id: str, sketch_values: list[int], shingle_count: int, batch_members: SketchIndex,
                store: StoredState) -> StoryCandidate | None:
    best = None
    for candidate in batch_members.candidates(sketch_values) + store.similar_articles(sketch_values):
        if candidate["article_id"] == article_id:
            continue
        same, jaccard, contained = same_story(sketch_values, shingle_count, candidate["sketch"],
                                              candidate["shingle_count"])
        if same and (best is None or (jaccard, contained) > best[:2]):
            best = StoryCandidate(jaccard, contained, candidate["story_id"], candidate["article_id"])
    return best


def _story_member(rows: dict[str, list[dict]], article: dict, version: dict, store: StoredState,
                  batch_members: SketchIndex) -> str:
    """Give a new article of the batch its story (a new one when no earlier article is
    the same story); returns the story id."""
    article_id = article["article_id"]
    sketch_values, shingle_count = fingerprint(version["text"])
    best = _best_story(article_id, sketch_values, shingle_count, batch_members, store)
    if best is None:
        story_id = stable_id("story", article_id)
        rows["stories"].append({"story_id": story_id, "first_article_id": article_id, "title": article.get("title"),
                                "first_seen_at": article.get("first_seen_at")})
        member = {"matched_article_id": None, "jaccard": None, "containment": None}
    else:
        story_id = best.story_id
        member = {"matched_article_id": best.article_id, "jaccard": round(best.jaccard, 4),
                  "containment": round(best.containment, 4)}
    rows["story_members"].append({"article_id": article_id, "story_id": story_id, "sketch": sketch_values,
                                  "shingle_count": shingle_count, **member})
    batch_members.add(article_id, sketch_values, story_id=story_id, shingle_count=shingle_count)
    return story_id


def assign_stories(rows: dict[str, list[dict]], store: StoredState) -> None:
    """Every article in the batch gets a story: its stored one, else the story of its most
    similar earlier article (stored or earlier in the batch), else a new story."""
    latest = _latest_versions(rows)
    articles = rows.get("articles", [])
    stored_story = store.story_of(sorted({article["article_id"] for article in articles}))
    rows["stories"], rows["story_members"] = [], []
    batch_members = SketchIndex()  # articles of this batch already given a story
    order = sorted(articles, key=lambda article: (article.get("first_seen_at") is None, article.get("first_seen_at"),
                                                  article["article_id"]))
    done: set[str] = set()
    story_of: dict[str, str] = {}
    for article in order:
        article_id = article["article_id"]
        if article_id in done:
            continue
        done.add(article_id)
        version = latest.get(article_id)
        if article_id in stored_story:
            story_of[article_id] = stored_story[article_id]
            if version is not None:  # a new version refreshes the fingerprint, not the story
                refreshed = fingerprint(version["text"])
                rows["story_members"].append({"article_id": article_id, "story_id": stored_story[article_id],
                                              "sketch": refreshed.sketch, "shingle_count": refreshed.shingle_count})
            continue
        if version is not None:
            story_of[article_id] = _story_member(rows, article, version, store, batch_members)
    for article in articles:  # every row of the article (a batch may hold it twice)
        article["story_id"] = story_of.get(article["article_id"], article.get("story_id"))
