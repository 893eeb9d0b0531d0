"""Measuring tools for the benchmark: peak RSS of a whole process tree (sampled from
/proc, so spaCy's worker processes count), timed CLI runs in a private Dagster home,
and the per-step times Dagster recorded for those runs."""
from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = os.sysconf("SC_PAGE_SIZE")


def _children_of() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().decode(errors="replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def tree_rss(root_pid: int) -> int:
    """Resident bytes of a process and all its descendants (shared pages counted in each)."""
    tree, total, todo = _children_of(), 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo.extend(tree.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm") as fh:
                total += int(fh.read().split()[1]) * PAGE
        except OSError:
            continue
    return total


class PeakRss:
    """Samples tree_rss(pid) every `every` seconds in a thread; `.peak` in bytes."""

    def __init__(self, pid: int, every: float = 0.1):
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(self.every)

    def __enter__(self) -> "PeakRss":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class CliRun:
    """One `python -m pipeline.cli …` run: wall seconds, peak RSS of its tree, output."""

    seconds: float
    peak_rss: int
    output: str
    ok: bool


@dataclass
class Workspace:
    """An inbox, a warehouse file and a Dagster home of their own (nothing shared with
    the developer's .dagster_home)."""

    root: Path
    inbox: Path = field(init=False)
    warehouse: Path = field(init=False)
    home: Path = field(init=False)

    def __post_init__(self) -> None:
        self.inbox, self.warehouse, self.home = self.root / "inbox", self.root / "news.duckdb", self.root / "dagster"
        for d in (self.inbox, self.home):
            d.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "config" / "dagster.yaml", self.home / "dagster.yaml")

    def env(self) -> dict[str, str]:
        return {**os.environ, "NEWS_INBOX": str(self.inbox), "NEWS_WAREHOUSE": str(self.warehouse),
                "DAGSTER_HOME": str(self.home), "GX_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}

    def cli(self, *args: str) -> CliRun:
        """Run the CLI as a user would (new process: imports and model load count)."""
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, env=self.env(),
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        with PeakRss(proc.pid) as rss:
            out, _ = proc.communicate()
        return CliRun(time.perf_counter() - t, rss.peak, out, proc.returncode == 0)

    def step_seconds(self, since: float) -> dict[str, float]:
        """Seconds per Dagster step (summed over the runs started after `since`)."""
        import dagster as dg

        out: dict[str, float] = {}
        with dg.DagsterInstance.from_config(str(self.home)) as instance:
            for run in instance.get_runs():
                record = instance.get_run_record_by_id(run.run_id)
                if record is None or (record.create_timestamp.timestamp() < since):
                    continue
                for step in instance.get_run_step_stats(run.run_id):
                    if step.start_time and step.end_time:
                        out[step.step_key] = out.get(step.step_key, 0.0) + step.end_time - step.start_time
        return out


def machine() -> dict[str, object]:
    """Where the figures come from (the README shows it beside the table)."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem / 2**30, 1),
            "load_average_at_start": round(os.getloadavg()[0], 2), "python": platform.python_version(),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
