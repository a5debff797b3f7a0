"""Parse an untrusted document in a separate process with a time and a memory limit.

A PDF or HTML file from outside (a curator's download for ``add-source``, a visitor's upload
on Wijzigingen) is parsed by ``python -m policy_model.curation.worker`` in a fresh
interpreter: the bytes go in on standard input, the text comes back as JSON on standard
output. The worker limits its own address space and CPU time (``resource``) before it reads
anything, and the caller kills it after :data:`TIMEOUT_SECONDS` of wall-clock time. So a
hostile PDF (a decompression bomb, a page tree that loops, a file that makes the parser
allocate without end) costs at most that time and memory, and never holds the server or a
curator's shell.

A fresh interpreter rather than a fork: the Streamlit server runs threads, and forking a
threaded process is unsafe.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from policy_model.curation.extract import Extracted, ExtractionError, extract_bytes, read_bounded

TIMEOUT_SECONDS = 60
#: Address-space limit of the worker (the interpreter, pdfplumber and pypdfium2 take about 150 MB).
MEMORY_BYTES = 1024 * 1024 * 1024
_EXIT_ERROR = 3


def extract_bounded(path: Path, *, timeout: float = TIMEOUT_SECONDS, memory: int = MEMORY_BYTES) -> Extracted:
    """:func:`~policy_model.curation.extract.extract` of a file, in a worker with limits."""
    return extract_bytes_bounded(read_bounded(Path(path)), str(path), timeout=timeout, memory=memory)


def extract_bytes_bounded(raw: bytes, name: str, *, timeout: float = TIMEOUT_SECONDS,
                          memory: int = MEMORY_BYTES) -> Extracted:
    """The text of a document given as bytes, parsed in a worker process with limits."""
    env = {**os.environ, "PYTHONPATH": _package_root()}
    command = [sys.executable, "-m", "policy_model.curation.worker", name, str(memory), str(int(timeout) + 1)]
    try:
        done = subprocess.run(command, input=raw, capture_output=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise ExtractionError(f"{name}: reading the document took longer than {timeout:g} seconds; this is not an "
                              "ordinary policy document (save it again, or print it to a new PDF)") from None
    if done.returncode in (0, _EXIT_ERROR):
        try:
            answer = json.loads(done.stdout.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            answer = None
        if isinstance(answer, dict) and "error" in answer:
            raise ExtractionError(str(answer["error"]))
        if isinstance(answer, dict) and "text" in answer:
            return Extracted(**answer)
    if done.returncode < 0 or b"MemoryError" in done.stderr:
        raise ExtractionError(f"{name}: reading the document needed more than {memory // 1024 // 1024} MB of memory "
                              f"or {timeout:g} seconds of processor time; this is not an ordinary policy document")
    last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
    raise ExtractionError(f"{name}: the document could not be read ({last[0][:200]})")


def _package_root() -> str:
    root = str(Path(__file__).resolve().parents[2])
    existing = os.environ.get("PYTHONPATH")
    return root + (os.pathsep + existing if existing else "")


def _limit(memory: int, cpu_seconds: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))


def main(argv: list[str]) -> int:
    """Worker entry point: ``NAME MEMORY_BYTES CPU_SECONDS``, the document on standard input."""
    name, memory, cpu = argv[0], int(argv[1]), int(argv[2])
    _limit(memory, cpu)
    raw = sys.stdin.buffer.read()
    try:
        result = extract_bytes(raw, name)
    except ExtractionError as exc:
        sys.stdout.write(json.dumps({"error": str(exc)}))
        return _EXIT_ERROR
    except MemoryError:
        sys.stderr.write("MemoryError\n")
        return 4
    except RecursionError:
        sys.stdout.write(json.dumps({"error": f"{name}: the document nests too deeply to be read"}))
        return _EXIT_ERROR
    sys.stdout.write(json.dumps(asdict(result), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
