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

Given `expect` (pipeline.nlp.prefetch: the requests the steps will send, in order — the
new files' NLP step, then each batch of the re-annotation), the workers start on all their
chunks at once, while the CLI is still busy before its NLP step, and go on with the next
request's chunks while the CLI loads or writes the one before; a request then takes each
chunk that is the same list of texts from that work, and the prefetched chunks of it and
the requests before it that it does not ask for are cancelled (a worker skips a cancelled
chunk it has not started). A request with a chunk that was not guessed drops the whole
guess (all pending prefetched chunks cancelled) and is done as asked. The pool stays
while prefetched work is pending.

`expect` may also `keep` what it worked out on the way (the parsed and cleaned batch):
the CLI's steps `fetch` it once and take it when it is what they would compute.

Only the process that started the service uses it (a Dagster run launched by the daemon
or `dagster dev` annotates as before). The service ends when the CLI ends, also when the
CLI is killed: its end of the pipe then reads EOF."""
from __future__ import annotations

import atexit
import multiprocessing
import os
import pickle
import threading
import traceback
from functools import partial
from typing import Callable

STOP = "stop"
FETCH = "fetch"
# Set when this process first waits for the service's annotations: it has nothing else to
# do until they come, so the CLI prepares what the steps after the NLP need then (pipeline.cli_run).
waiting = threading.Event()


class Service:
    """The parent's handle: a pipe to the service process."""

    def __init__(self, processes: int, prepare: Callable[[], object], work: Callable[[list], list],
                 expect: Callable[[], list[list[list]]] | None = None):
        context = multiprocessing.get_context("fork")
        self.conn, child_end = context.Pipe()
        self.owner = os.getpid()
        self.process = context.Process(target=_serve, name="nlp-warm",  # not a daemon: daemons cannot fork workers
                                       args=(child_end, self.conn, processes, prepare, work, expect))
        self.process.start()
        child_end.close()

    def annotate(self, chunks: list[list], processes: int) -> list[list]:
        """Each chunk's annotations (in order), computed by the service's workers."""
        waiting.set()
        self.conn.send((chunks, processes))
        out = []
        for _ in chunks:
            payload = self.conn.recv_bytes()
            if payload[:1] == b"E":
                raise RuntimeError("NLP worker service failed:\n" + payload[1:].decode("utf-8", "replace"))
            out.append(pickle.loads(memoryview(payload)[1:]))
        return out

    def fetch(self, key: str):
        """What the service process kept under `key` (`keep`), taken once; None when it
        kept nothing there or cannot say (a guess only: the caller does the work itself)."""
        try:
            self.conn.send((FETCH, key))
            payload = self.conn.recv_bytes()
        except (OSError, EOFError):
            return None
        return pickle.loads(memoryview(payload)[1:]) if payload[:1] == b"R" else None

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
          expect: Callable[[], list[list[list]]] | None = None) -> None:
    """Fork the service (once per process): it calls `prepare` (the model load), forks
    `processes` workers, starts them on the chunks of the requests `expect` returns (with
    more than one worker) and waits for requests, each chunk annotated by `work`."""
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
# What `expect` worked out on the way and the CLI's steps may take (`Service.fetch`).
_KEPT: dict[str, object] = {}


def keep(key: str, value: object) -> None:
    """Keep a value in the service process for the CLI to fetch (called by `expect`)."""
    _KEPT[key] = value


def _kept(key: str) -> bytes:
    try:
        return b"R" + pickle.dumps(_KEPT.pop(key, None), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 — nothing to hand over: the caller does the work itself
        return b"E"


def _task(work: Callable[[list], list], prefetch_index: int | None, chunk: list) -> bytes:
    """A worker's task: annotate a chunk and return it already pickled (the service
    forwards the bytes unopened); a cancelled prefetched chunk is skipped."""
    if prefetch_index is not None and _CANCELLED[prefetch_index]:
        return b"C"
    return b"R" + pickle.dumps(work(chunk), protocol=pickle.HIGHEST_PROTOCOL)


def _expected(expect: Callable[[], list[list[list]]] | None) -> list[list[list]]:
    try:
        return expect() if expect is not None else []
    except Exception:  # noqa: BLE001 — a guess only: the steps' requests are the truth
        return []


def _serve(conn, parent_end, processes: int, prepare: Callable[[], object], work: Callable[[list], list],
           expect: Callable[[], list[list[list]]] | None) -> None:
    global _CANCELLED
    parent_end.close()  # else the pipe never reads EOF when the CLI dies
    prepare()
    expected = _expected(expect) if processes > 1 else []
    _CANCELLED = multiprocessing.RawArray("b", max(1, sum(len(request) for request in expected)))
    pool = _Pool.forked(processes)
    prefetched = _Prefetched(pool, work, expected)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            break
        if request == STOP:
            break
        if request[0] == FETCH:
            try:
                conn.send_bytes(_kept(request[1]))
            except OSError:
                break
            continue
        chunks, wanted = request
        try:
            if not prefetched.pending and pool.size != wanted:
                pool.close()
                pool = _Pool.forked(wanted)
            for payload in prefetched.answers(pool, work, chunks):
                conn.send_bytes(payload)
        except OSError:  # the CLI is gone (killed): nobody to answer
            break
        except Exception:  # noqa: BLE001 — the parent raises it with the traceback
            conn.send_bytes(b"E" + traceback.format_exc().encode("utf-8"))
            prefetched.cancel(lambda _: True)
        if not prefetched.pending:
            pool.close()  # no idle workers (and their memory) during the load; the next request forks anew
    if prefetched.cancel(lambda _: True):
        pool.terminate()  # prefetched work nobody will ask for: do not wait for it
    pool.close()
    conn.close()


class _Prefetched:
    """The guessed requests' chunks, all queued on the workers at once (in request order),
    and what has not been asked for yet: chunk texts -> (request number, flag index, result)."""

    def __init__(self, pool: "_Pool", work: Callable[[list], list], requests: list[list[list]]):
        self.pending: dict[tuple, tuple[int, int, Callable[[], bytes]]] = {}
        index = 0
        for number, chunks in enumerate(requests):
            for chunk in chunks:
                if tuple(chunk) not in self.pending:
                    self.pending[tuple(chunk)] = (number, index, pool.submit(partial(_task, work, index), chunk))
                index += 1

    def cancel(self, doomed: Callable[[int], bool]) -> int:
        """Cancel the pending chunks of the requests `doomed` picks (a worker skips a
        cancelled chunk it has not started); how many were pending."""
        dropped = [key for key, (number, _, _) in self.pending.items() if doomed(number)]
        for key in dropped:
            _CANCELLED[self.pending.pop(key)[1]] = 1
        return len(dropped)

    def answers(self, pool: "_Pool", work: Callable[[list], list], chunks: list[list]):
        """Each asked chunk's payload, in order. All of them prefetched: taken from that work,
        and the unasked chunks of this and earlier guessed requests cancelled (a guess kept
        a file the stages dropped). Any of them not prefetched: the guess is wrong from
        here on — everything still pending is cancelled and the chunks are done as asked."""
        keys = [tuple(chunk) for chunk in chunks]
        if all(key in self.pending for key in keys):
            taken = [self.pending.pop(key) for key in keys]
            last = max((number for number, _, _ in taken), default=-1)
            self.cancel(lambda number: number <= last)
            results = [result for _, _, result in taken]
        else:
            self.cancel(lambda _: True)
            task = partial(_task, work, None)
            results = [pool.submit(task, chunk) for chunk in chunks]
        return (result() for result in results)


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

    def terminate(self) -> None:
        """Workers stopped now, their chunks unfinished (forked before the CLI imported
        Dagster: no inherited signal handler to print a traceback)."""
        if self.workers is not None:
            self.workers.terminate()
            self.workers.join()
        self.size, self.workers = 0, None
