"""Great Expectations validation of one frame, in an ephemeral context (nothing on disk).
A module of its own so that GX (seconds of imports) is loaded only when a whole-table suite
runs (pipeline.check_suites imports it then), never by the Dagster definitions."""
from __future__ import annotations

import os
from functools import lru_cache

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")  # before GX is imported: no analytics calls

import great_expectations as gx  # noqa: E402  (after the setting above)
import great_expectations.expectations as gxe  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402


def validate_frame(frame, expectations: tuple[tuple[str, dict], ...], name: str,
                   keys: tuple[str, ...] = ()) -> tuple[bool, list[dict]]:
    """Validate a pandas frame with a GX suite in an ephemeral context (nothing on disk);
    for a failing expectation, `offending` holds the `keys` of up to five bad rows."""
    context = _gx_context()
    suite = gx.ExpectationSuite(name=f"suite_{name}")
    for cls_name, kwargs in expectations:
        suite.add_expectation(getattr(gxe, cls_name)(**kwargs))
    if frame.empty:
        return True, [{"expectation": c, "success": True, "note": "empty table"} for c, _ in expectations]
    source = context.data_sources.add_or_update_pandas(name=f"src_{name}")
    asset = source.add_dataframe_asset(name=f"asset_{name}")
    batch_def = asset.add_batch_definition_whole_dataframe(f"batch_{name}")
    result_format = {"result_format": "SUMMARY", "partial_unexpected_count": 5}
    if keys:
        result_format["unexpected_index_column_names"] = list(keys)
    result = batch_def.get_batch(batch_parameters={"dataframe": frame}).validate(suite, result_format=result_format)
    details = []
    for r in result.results:
        found = r.result or {}
        details.append({
            "expectation": r.expectation_config.type,
            "kwargs": {k: v for k, v in r.expectation_config.kwargs.items() if k != "batch_id"},
            "success": bool(r.success),
            "unexpected_count": found.get("unexpected_count"),
            "partial_unexpected_list": [str(x) for x in (found.get("partial_unexpected_list") or [])[:5]],
            "offending": [_row_keys(x, keys) for x in (found.get("partial_unexpected_index_list") or [])[:5]],
        })
    return bool(result.success), details


def _row_keys(index_entry, keys: tuple[str, ...]) -> str:
    """`key=value` of one offending row, from GX's index list entry (a dict of the
    unexpected_index_column_names plus the checked columns)."""
    if isinstance(index_entry, dict):
        return ", ".join(f"{k}={index_entry.get(k)}" for k in keys if k in index_entry) or str(index_entry)
    return str(index_entry)


@lru_cache(maxsize=1)
def _gx_context():
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context
