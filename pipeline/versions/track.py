"""The load-stage hook: after build_rows, diffs of every new version against the one
before it, version spans of quotes and events, and story assignment."""
from __future__ import annotations

from pipeline.versions.diffs import diff_versions
from pipeline.versions.keys import refresh_version_spans
from pipeline.versions.stored import StoredState
from pipeline.versions.stories import assign_stories


def track_versions(rows: dict[str, list[dict]], existing: dict) -> dict[str, list[dict]]:
    """After the load stage built the batch's rows: diffs of every new version against the
    one before it, version spans of quotes and events, and story assignment."""
    store = existing if isinstance(existing, StoredState) else StoredState(existing)
    new_versions = sorted(rows.get("versions", []), key=lambda version: (version["article_id"], version["version_no"]))
    batch_by_no = {(version["article_id"], version["version_no"]): version for version in new_versions}
    rows["version_diffs"], rows["version_diff_stats"] = [], []
    for version in new_versions:
        if version["version_no"] <= 1:
            continue
        article_id, version_no = version["article_id"], version["version_no"]
        previous = batch_by_no.get((article_id, version_no - 1)) or store.version(article_id, version_no - 1)
        if previous is None:
            continue
        diffs, stats = diff_versions(article_id, version_no - 1, version_no,
                                     previous["title"], version["title"], previous["text"], version["text"])
        rows["version_diffs"] += diffs
        rows["version_diff_stats"].append(stats)
    article_ids = sorted({version["article_id"] for version in new_versions})
    refresh_version_spans(rows, store, article_ids,
                          {version["version_id"]: version["version_no"] for version in new_versions})
    assign_stories(rows, store)
    return rows
