"""Warm NLP workers for a CLI run: the spaCy model loaded and the worker processes forked
while the CLI is still importing Dagster and scanning, parsing and cleaning the batch.

On two cores the CLI's start (imports, the Dagster instance, the batch's first steps) keeps
one core busy and leaves the other idle, and the model load (~1 s with spaCy's imports)
used to follow it, on the critical path, before the workers could start. `start()` forks
one process at the very start of a run that has new files; it loads the model and forks
the worker pool (which shares the model copy-on-write), then waits. When the NLP step
asks (`annotate_jobs` finds the service running in this process), the jobs go to it and
each chunk's annotations come back as one pickled payload, forwarded unopened. The pool
is closed after each request (no idle workers during the load); the model stays until
`stop()`. Same texts, same functions, same chunks: the same annotations.

Given `expect` (pipeline.nlp.prefetch: the chunks the step will send, worked out from the
new files), the workers start on them at once, while the CLI is still busy before its
NLP step; the step's request then takes each chunk that is the same list of texts from
that work, and the prefetched chunks it does not ask for are cancelled (a worker skips a
cancelled chunk it has not started).

Only the process that started the service uses it (a Dagster run launched by the daemon
or `dagster dev` annotates as before). The service ends when the CLI ends, also when the
CLI is killed: its end of the pipe then reads EOF."""
from __future__ import annotations

import atexit
import multiprocessing
import os
import pickle
import traceback
from functools import partial
from typing import Callable

STOP = "stop"


class Service:
    """The parent's handle: a pipe to the service process."""

    def __init__(self, processes: int, prepare: Callable[[], object], work: Callable[[list], list],
                 expect: Callable[[], list[list]] | None = None):
        context = multiprocessing.get_context("fork")
        self.conn, child_end = context.Pipe()
        self.owner = os.getpid()
        self.process = context.Process(target=_serve, name="nlp-warm",  # not a daemon: daemons cannot fork workers
                                       args=(child_end, self.conn, processes, prepare, work, expect))  # not a daemon: daemons cannot fork workers
        self.process.start()
        child_end.close()

    def annotate(self, chunks: list[list], processes: int) -> list[list]:
        """Each chunk's annotations (in order), computed by the service's workers."""
        self.conn.send((chunks, processes))
        out = []
        for _ in chunks:
            payload = self.conn.recv_bytes()
            if payload[:1] == b"E":
                raise RuntimeError("NLP worker service failed:\n" + payload[1:].decode("utf-8", "replace"))
            out.append(pickle.loads(memoryview(payload)[1:]))
        return out

    def close(self) -> None:
        try:
            self.conn.send(STOP)
        except OSError:
            pass
        self.conn.close()
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


_service: Service | None = None


def start(processes: int, prepare: Callable[[], object], work: Callable[[list], list],
          expect: Callable[[], list[list]] | None = None) -> None:
    """Fork the service (once per process): it calls `prepare` (the model load), forks
    `processes` workers, starts them on the chunks `expect` returns (with more than one
    worker) and waits for requests, each chunk annotated by `work`."""
    global _service
    if running():
        return
    _service = Service(processes, prepare, work, expect)
    atexit.register(stop)


def running() -> Service | None:
    """The service started by *this* process (a forked child never uses its parent's)."""
    if _service is not None and _service.owner == os.getpid() and _service.process.is_alive():
        return _service
    return None


def stop() -> None:
    global _service
    service, _service = _service, None
    if service is not None and service.owner == os.getpid():
        service.close()


# ------------------------------------------------------------------ inside the service process

# Flags of the prefetched chunks, set when the step's request does not want one; shared
# memory made before the workers fork, so they inherit it.
_CANCELLED = None


def _task(work: Callable[[list], list], prefetch_index: int | None, chunk: list) -> bytes:
    """A worker's task: annotate a chunk and return it already pickled (the service
    forwards the bytes unopened); a cancelled prefetched chunk is skipped."""
    if prefetch_index is not None and _CANCELLED[prefetch_index]:
        return b"C"
    return b"R" + pickle.dumps(work(chunk), protocol=pickle.HIGHEST_PROTOCOL)


def _expected(expect: Callable[[], list[list]] | None) -> list[list]:
    try:
        return expect() if expect is not None else []
    except Exception:  # noqa: BLE001 — a guess only: the step's request is the truth
        return []


def _serve(conn, parent_end, processes: int, prepare: Callable[[], object], work: Callable[[list], list],
           expect: Callable[[], list[list]] | None) -> None:
    global _CANCELLED
    parent_end.close()  # else the pipe never reads EOF when the CLI dies
    prepare()
    expected = _expected(expect) if processes > 1 else []
    _CANCELLED = multiprocessing.RawArray("b", max(1, len(expected)))
    pool = _Pool.forked(processes)
    prefetched = {tuple(chunk): (index, pool.submit(partial(_task, work, index), chunk))
                  for index, chunk in enumerate(expected)}
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            break
        if request == STOP:
            break
        chunks, wanted = request
        try:
            if not prefetched and pool.size != wanted:
                pool.close()
                pool = _Pool.forked(wanted)
            for payload in _answers(pool, work, chunks, prefetched):
                conn.send_bytes(payload)
        except OSError:  # the CLI is gone (killed): nobody to answer
            break
        except Exception:  # noqa: BLE001 — the parent raises it with the traceback
            conn.send_bytes(b"E" + traceback.format_exc().encode("utf-8"))
        prefetched = {}
        pool.close()  # no idle workers (and their memory) during the load; the next request forks anew
    pool.close()
    conn.close()


def _answers(pool: "_Pool", work: Callable[[list], list], chunks: list[list], prefetched: dict):
    """Each requested chunk's payload, in order: from the prefetched work when it is the
    same chunk, else done now; prefetched chunks not asked for are cancelled first."""
    asked = {tuple(chunk) for chunk in chunks}
    for key, (index, _) in prefetched.items():
        if key not in asked:
            _CANCELLED[index] = 1
    task = partial(_task, work, None)
    pending = [prefetched[tuple(chunk)][1] if tuple(chunk) in prefetched else pool.submit(task, chunk)
               for chunk in chunks]
    return (result() for result in pending)


class _Pool:
    """Forked worker processes (none for one process: the service annotates itself)."""

    def __init__(self, size: int, workers):
        self.size, self.workers = size, workers

    @classmethod
    def forked(cls, size: int) -> "_Pool":
        return cls(size, multiprocessing.get_context("fork").Pool(size) if size > 1 else None)

    def submit(self, task: Callable[[list], bytes], chunk: list) -> Callable[[], bytes]:
        """Start a chunk (queued behind those before it); call the result to wait for it."""
        if self.workers is None:
            return lambda: task(chunk)  # no workers: done here, when its turn comes
        return self.workers.apply_async(task, (chunk,)).get

    def close(self) -> None:
        """Workers told to stop and joined (not killed: see pipeline.nlp.annotate_jobs)."""
        if self.workers is not None:
            self.workers.close()
            self.workers.join()
        self.size, self.workers = 0, None
