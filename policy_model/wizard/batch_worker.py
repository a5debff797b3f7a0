"""A batch upload assessed in its own low-priority process, so it cannot slow other visitors.

The app serves every visitor from one Python process; three visitors assessing 2,000
coaches each in that process shared its interpreter lock with everyone else's pages, and
every page took several times as long. Here a batch runs in a child process
(``python -m policy_model.wizard.batch_worker``) that:

- runs at a lower CPU priority (``nice`` :data:`NICENESS`), so the server's own work goes first;
- has a memory ceiling (:data:`MEMORY_LIMIT_MB`) and a deadline (the batch's time budget
  plus :data:`START_SECONDS` to start and load the data); past either it is stopped and the
  visitor gets a Dutch message;
- is one at a time per server (:data:`_ONE_AT_A_TIME`): further uploads wait their turn.

The child loads the same data folder (``GLI_DATA_DIR``) and hides drafts the same way as
the app. Text goes in and the result comes out as JSON on the pipes; nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

from policy_model.wizard.batch import MAX_BATCH_SECONDS, BatchResult

#: How much lower the child's CPU priority is than the server's (0-19).
NICENESS = 10
#: The child's address-space ceiling: far above a full batch (about 200 MB), far below trouble.
MEMORY_LIMIT_MB = 1024
#: Seconds the child may take to start and load the data, on top of the batch's own budget.
START_SECONDS = 30.0
_ONE_AT_A_TIME = threading.BoundedSemaphore(1)

_FAILED = ("De beoordeling kon niet worden afgemaakt{why}. Probeer het later opnieuw of splits het bestand in "
           "kleinere delen.")


def _lower_priority_and_cap_memory() -> None:
    os.nice(NICENESS)
    limit = MEMORY_LIMIT_MB * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def assess_batch_apart(text: str, role: str, year: int, today: dt.date, data_dir: Path, *,
                       time_budget: float = MAX_BATCH_SECONDS, show_drafts: bool = False) -> BatchResult:
    """:func:`~policy_model.wizard.batch.assess_batch` in a child process (see the module's docstring)."""
    request = json.dumps({"text": text, "role": role, "year": year, "today": today.isoformat(),
                          "data_dir": str(data_dir), "time_budget": time_budget, "show_drafts": show_drafts})
    with _ONE_AT_A_TIME:
        started = time.monotonic()
        try:
            done = subprocess.run(
                [sys.executable, "-m", "policy_model.wizard.batch_worker"], input=request, capture_output=True,
                text=True, timeout=time_budget + START_SECONDS, preexec_fn=_lower_priority_and_cap_memory,
                env={**os.environ, "OPENBLAS_NUM_THREADS": "1"},
            )
        except subprocess.TimeoutExpired:
            return BatchResult(problems=[_FAILED.format(why=": het duurde te lang")], seconds=time_budget)
        seconds = time.monotonic() - started  # what the session's budget spends: the child's whole run
    if done.returncode != 0:
        why = ": er was te weinig geheugen" if "MemoryError" in done.stderr else ""
        return BatchResult(problems=[_FAILED.format(why=why)], seconds=seconds)
    answer = json.loads(done.stdout)
    return BatchResult(rows=answer["rows"], problems=answer["problems"], seconds=seconds)


def main() -> int:
    """Read a request (JSON) from standard input, write the result (JSON) to standard output."""
    from policy_model.drafts import without_drafts
    from policy_model.loader import load_catalogue
    from policy_model.wizard.batch import assess_batch

    request = json.loads(sys.stdin.read())
    catalogue = load_catalogue(Path(request["data_dir"])).catalogue
    if not request["show_drafts"]:
        catalogue = without_drafts(catalogue)
    result = assess_batch(request["text"], request["role"], request["year"], catalogue,
                          dt.date.fromisoformat(request["today"]), time_budget=request["time_budget"])
    json.dump({"rows": result.rows, "problems": result.problems, "seconds": result.seconds}, sys.stdout,
              ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
