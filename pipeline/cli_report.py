"""`report`: the HTML report of the warehouse, read-only (the same report the `report`
asset writes after a run). Its own module because pipeline.report imports matplotlib
(~0.35 s CPU), which `query` and `export` (pipeline.cli_query) never need."""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline.cli_query import open_read_only
from pipeline.paths import report_folder
from pipeline.report import write_report


def report(warehouse: str, folder: str | None, stream=None) -> Path:
    """The HTML report of the warehouse (read-only) into `folder` or next to the warehouse."""
    out = stream or sys.stdout
    with open_read_only(warehouse) as con:
        written = write_report(con, folder or report_folder(warehouse))
    out.write(f"report: {written.index} ({len(written.charts)} charts)\n")
    return written.index
