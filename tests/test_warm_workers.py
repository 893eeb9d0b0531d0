"""The warm NLP workers of a CLI run (pipeline.nlp.warm): the model loaded and the workers
forked in a process of their own give the same annotations as the workers the NLP step
forks itself, with two processes and with one, also when the workers start on chunks guessed
ahead (right, shifted or failing guesses), and the service ends when the process
that started it is killed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from pipeline import ingest, nlp, stages
from pipeline.nlp import Job, annotate_jobs, prefetch, warm
from tests.conftest import ROOT, SEEDS


def _jobs() -> list[Job]:
    texts = []
    for path in sorted(SEEDS.iterdir()):
        text = path.read_text(encoding="utf-8", errors="replace")
        texts += [para for para in text.split("\n\n") if len(para.split()) > 12]
    return [Job(text, "2016-02-01", f"Title {i}" if i % 3 else None) for i, text in enumerate(texts[:30])]


def test_warm_workers_give_the_same_annotations_as_forked_ones():
    jobs = _jobs()
    assert len(jobs) >= 10
    expected = {procs: annotate_jobs(jobs, processes=procs) for procs in (1, 2)}
    nlp.start_warm_workers(len(jobs))
    try:
        assert warm.running() is not None
        for procs in (2, 1, 2):  # the pool is forked again after each request
            assert annotate_jobs(jobs, processes=procs) == expected[procs]
    finally:
        nlp.stop_warm_workers()
    assert warm.running() is None
    assert expected[1] == expected[2]


def test_service_ends_when_the_process_that_started_it_is_killed():
    code = ("import os, sys, time\n"
            "from pipeline import nlp\nfrom pipeline.nlp import warm\n"
            "nlp.start_warm_workers(100)\n"
            "print(warm.running().process.pid, flush=True)\n"
            "time.sleep(600)\n")
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    service_pid = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 120  # it reads EOF once the model is loaded and its workers forked
    while _alive(service_pid):
        assert time.monotonic() < deadline, "the NLP service outlived the process that started it"
        time.sleep(0.2)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie waits for init to reap it
    except OSError:
        return False


def test_prefetched_chunks_give_the_same_annotations_and_a_wrong_guess_changes_nothing():
    jobs = _jobs()
    expected = annotate_jobs(jobs, processes=2)
    guesses = (lambda: [nlp.chunks_for(jobs)],  # the step's own chunks: all taken from the prefetched work
               lambda: [nlp.chunks_for(jobs[1:])],  # one text fewer: chunks shifted, cancelled, done anew
               lambda: [[["not a job"]]],  # nonsense: its chunk fails in the worker, nobody asks for it
               lambda: 1 / 0)  # the guess itself fails: no prefetch
    for guess in guesses:
        nlp.start_warm_workers(len(jobs), guess)
        try:
            assert annotate_jobs(jobs, processes=2) == expected
        finally:
            nlp.stop_warm_workers()


def test_several_prefetched_requests_are_taken_in_turn_and_a_wrong_one_drops_the_rest():
    """The re-annotation sends one request per batch: every batch's chunks are prefetched at
    once, each request takes its own; a request that was guessed wrong drops the guess."""
    jobs = _jobs()
    first, second, third = jobs[:12], jobs[12:22], jobs[22:]
    expected = [annotate_jobs(part, processes=2) for part in (first, second, third)]
    right = [nlp.chunks_for(part) for part in (first, second, third)]
    guesses = (right,  # all three taken from the prefetched work
               [nlp.chunks_for(first[1:]), *right[1:]],  # the first guessed wrong: the rest done as asked
               [right[0], nlp.chunks_for(second[1:]), right[2]],  # the second wrong
               [right[0], right[2]],  # the second not guessed at all
               [nlp.chunks_for(jobs[:3]), *right])  # a request nobody sends before the right ones
    for guess in guesses:
        nlp.start_warm_workers(len(jobs), lambda guess=guess: guess)
        try:
            assert [annotate_jobs(part, processes=2) for part in (first, second, third)] == expected
        finally:
            nlp.stop_warm_workers()
        assert warm.running() is None



def test_the_steps_take_the_warm_process_batch_only_for_the_very_files_it_worked_on(tmp_path, monkeypatch):
    """The parse and clean steps of a CLI run take the batch the warm process parsed and
    cleaned (pipeline.nlp.prefetch) when the scan gives them the same files — quarantined
    files and records included, the same as their own work — and do the work themselves
    for any other list of files."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in sorted(SEEDS.iterdir()):
        (inbox / path.name).write_bytes(path.read_bytes())
    (inbox / "empty.txt").write_text("   \n", encoding="utf-8")
    (inbox / "broken.json").write_text('{"title": "x", "text": ', encoding="utf-8")
    (inbox / "records.jsonl").write_text('{"title": "A", "text": "Some words here."}\nnot json\n', encoding="utf-8")
    names = sorted(p.name for p in inbox.iterdir())
    files = stages.duplicates_marked(ingest.scan_inbox(str(inbox), only=names), {})
    parsed = stages.parse_batch(files)
    cleaned = stages.clean_batch(parsed)
    assert parsed.quarantine or cleaned.quarantine or cleaned.record_errors  # the bad files are in the ledger
    monkeypatch.setenv("NEWS_NLP_PROCESSES", "2")  # the warm process works the batch out only with workers
    for given, taken in ((files, True), (files[1:], False)):
        nlp.start_warm_workers(len(names), lambda: [prefetch.expected_chunks(str(inbox), names)])
        try:
            got = prefetch.prefetched_parse(given)
            assert (got is not None) == taken
            if taken:
                assert got == parsed and prefetch.prefetched_clean(got) == cleaned
                assert prefetch.prefetched_clean(got) is None  # taken once
            assert prefetch.prefetched_parse(given) is None  # fetched once
        finally:
            nlp.stop_warm_workers()
