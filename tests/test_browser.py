"""The Dagster UI in a real browser: a small warehouse is built into a fresh Dagster
instance, dagster-webserver serves it on a free localhost port, and headless Debian
chromium (driven by Playwright, never its own browser download) checks that the asset
graph shows the tables materialized with passing checks and that a table asset lists its
columns. Screenshots go to build/browser-test/."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import dagster as dg
import pytest
from playwright.sync_api import sync_playwright

from pipeline.cli_run import run_pipeline
from tests.conftest import ROOT, SEEDS

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "build" / "browser-test"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", "--disable-sync",
                  "--metrics-recording-only", "--mute-audio"]
LOCATION = "pipeline.definitions:defs"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian chromium at /usr/bin/chromium (apt-get install -y chromium; "
                                       ".ci/run installs it)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer in {seconds:.0f} s")


@pytest.fixture(scope="module")
def dagster_ui(tmp_path_factory):
    """A warehouse of two seed articles, its Dagster instance and a webserver on a free port."""
    root = tmp_path_factory.mktemp("ui")
    inbox, home, warehouse = root / "inbox", root / "news.dagster", root / "news.duckdb"
    inbox.mkdir()
    home.mkdir()
    for name in sorted(p.name for p in SEEDS.iterdir())[3:]:
        shutil.copy2(SEEDS / name, inbox / name)
    shutil.copy2(ROOT / "config" / "dagster.yaml", home / "dagster.yaml")
    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)  # the instance the webserver will read
    try:
        run_pipeline(str(inbox), str(warehouse), instance=dg.DagsterInstance.get())
    finally:
        if previous is None:
            os.environ.pop("DAGSTER_HOME")
        else:
            os.environ["DAGSTER_HOME"] = previous
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "NEWS_INBOX": str(inbox), "NEWS_WAREHOUSE": str(warehouse)}
    log = (root / "webserver.log").open("w")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "dagster-webserver"), "-h", "127.0.0.1", "-p", str(port),
         "-w", "workspace.yaml"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_for(f"http://127.0.0.1:{port}/server_info", 120)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def page(dagster_ui):
    profile = tempfile.mkdtemp(prefix="chromium-profile-")  # a fresh user-data dir
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1600, "height": 1000})
        try:
            yield context.new_page()
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


def _open(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded", timeout=120_000)
    skip = page.get_by_role("button", name="Skip")  # the "Join the Dagster community" dialog
    try:
        skip.wait_for(timeout=10_000)
        skip.click()
    except Exception:  # the dialog does not always come
        pass


def test_asset_graph_shows_materialized_tables_with_passing_checks(dagster_ui, page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    _open(page, f"{dagster_ui}/locations/{LOCATION}/asset-groups/warehouse")
    page.get_by_text("Passed").first.wait_for(timeout=120_000)
    page.wait_for_timeout(2_000)
    page.screenshot(path=str(SCREENSHOTS / "asset_graph.png"))
    text = page.inner_text("body")  # the graph draws the nodes in view: several tables
    assert text.count("Passed") >= 3 and "Failed" not in text
    assert text.count("100% filled") >= 3  # their batch partition is materialized
    assert "events" in text and "Latest event" in text
    _open(page, f"{dagster_ui}/locations/{LOCATION}/asset-groups/models")
    page.get_by_text("Latest event").first.wait_for(timeout=120_000)
    page.wait_for_timeout(2_000)
    page.screenshot(path=str(SCREENSHOTS / "models_graph.png"))
    models = page.inner_text("body")
    assert "Materialized" in models and "Never materialized" not in models and "Failed" not in models


def test_table_asset_lists_its_columns(dagster_ui, page):
    _open(page, f"{dagster_ui}/assets/quotes")
    page.get_by_text("speaker_actor_id").first.wait_for(timeout=120_000)
    page.screenshot(path=str(SCREENSHOTS / "quotes_asset.png"), full_page=True)
    text = page.inner_text("body")
    assert "Columns" in text
    for column, meaning in (("cue_type", "stance"), ("quote_key", "across an article's versions")):
        assert column in text and meaning in text
    assert "preview" in text  # the Markdown preview of a few rows
