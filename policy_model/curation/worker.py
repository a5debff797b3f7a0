"""Parse an untrusted document in a separate process with a time and a memory limit.

A PDF or HTML file from outside (a curator's download for ``add-source``, a visitor's upload
on Wijzigingen) is parsed by ``python -m policy_model.curation.worker`` in a fresh
interpreter: the bytes go in on standard input, the text comes back as JSON on standard
output. The worker limits its own address space and CPU time (``resource``) before it reads
anything, and the caller kills it after :data:`TIMEOUT_SECONDS` of wall-clock time. So a
hostile PDF (a decompression bomb, a page tree that loops, a file that makes the parser
allocate without end) costs at most that time and memory, and never holds the server or a
curator's shell.

With ``review`` the same worker also holds a record's citations against the text
(:func:`.review.review_citations`), whose work grows with the text: a visitor's upload is
parsed *and* compared within the one limit.

A fresh interpreter rather than a fork: the Streamlit server runs threads, and forking a
threaded process is unsafe.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from policy_model.curation.extract import Extracted, ExtractionError, extract_bytes, read_bounded
from policy_model.curation.review import MAX_REVIEW_CHARS, Citation, FactCheck, Uncited, review_citations

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
    answer = _run("extract", raw, name, timeout, memory)
    return Extracted(**answer["extracted"])


def review_bytes_bounded(raw: bytes, name: str, citations: list[Citation], *, timeout: float = TIMEOUT_SECONDS,
                         memory: int = MEMORY_BYTES) -> tuple[Extracted, list[FactCheck], list[Uncited]]:
    """The document parsed and every citation held against it (:func:`.review.review_citations`),
    both in the worker: the review's work grows with the text, so it is bounded with the parse."""
    payload = json.dumps({"document": base64.b64encode(raw).decode("ascii"),
                          "citations": [asdict(c) for c in citations]}).encode("utf-8")
    answer = _run("review", payload, name, timeout, memory)
    return (Extracted(**answer["extracted"]), [FactCheck(**f) for f in answer["facts"]],
            [Uncited(**{**u, "suggested_for": tuple(u["suggested_for"])}) for u in answer["uncited"]])


def _run(mode: str, payload: bytes, name: str, timeout: float, memory: int) -> dict:
    env = {**os.environ, "PYTHONPATH": _package_root()}
    command = [sys.executable, "-m", "policy_model.curation.worker", mode, name, str(memory), str(int(timeout) + 1)]
    try:
        done = subprocess.run(command, input=payload, capture_output=True, timeout=timeout, env=env, check=False)
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
        if isinstance(answer, dict) and "extracted" in answer:
            return answer
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
    """Worker entry point: ``MODE NAME MEMORY_BYTES CPU_SECONDS``; on standard input the
    document (``extract``) or JSON with the document and the citations (``review``)."""
    mode, name, memory, cpu = argv[0], argv[1], int(argv[2]), int(argv[3])
    _limit(memory, cpu)
    payload = sys.stdin.buffer.read()
    try:
        answer = _work(mode, name, payload)
    except ExtractionError as exc:
        sys.stdout.write(json.dumps({"error": str(exc)}))
        return _EXIT_ERROR
    except MemoryError:
        sys.stderr.write("MemoryError\n")
        return 4
    except RecursionError:
        sys.stdout.write(json.dumps({"error": f"{name}: the document nests too deeply to be read"}))
        return _EXIT_ERROR
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


def _work(mode: str, name: str, payload: bytes) -> dict:
    if mode == "extract":
        return {"extracted": asdict(extract_bytes(payload, name))}
    request = json.loads(payload)
    extracted = extract_bytes(base64.b64decode(request["document"]), name)
    if len(extracted.text) > MAX_REVIEW_CHARS:
        raise ExtractionError(f"{name}: the text is {len(extracted.text):,} characters, more than the "
                              f"{MAX_REVIEW_CHARS:,} a policy document is held against a record with")
    review = review_citations([Citation(**c) for c in request["citations"]], extracted.text)
    return {"extracted": asdict(extracted), "facts": [asdict(f) for f in review.facts],
            "uncited": [asdict(u) for u in review.uncited]}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
