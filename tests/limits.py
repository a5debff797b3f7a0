"""Run a command line case in a child process with a memory ceiling.

A hostile input that once took gigabytes or crashed the interpreter (a segmentation fault
in a C parser) is run in its own process, so a regression fails one test with a clear
exit code instead of taking pytest, or the machine, down. The ceiling is an address-space
limit (``RLIMIT_AS``): the command gets a ``MemoryError`` or is killed when it would grow
past it. Its time is measured in ``make bench``, not asserted here; ``timeout`` only keeps
a hang from blocking the suite.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: Far above what any case needs (validating the real data takes under 400 MB of address
#: space) and far below the gigabytes the hostile inputs once took.
MEMORY_LIMIT_MB = 1024


def run_limited(args: list[str], *, memory_mb: int = MEMORY_LIMIT_MB, timeout: float = 300,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m policy_model ARGS`` in a child process with at most ``memory_mb`` of memory."""
    limit = memory_mb * 2**20

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    child_env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "policy_model", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=cap_memory, env=child_env)


def crashed(run: subprocess.CompletedProcess[str]) -> bool:
    """Killed by a signal (a segmentation fault, or the memory ceiling) or a traceback printed."""
    return run.returncode < 0 or "Traceback" in run.stderr or "MemoryError" in run.stderr
