"""Benchmark: the hostile inputs of the hardening rounds, each in a fresh process, and the
largest legal uploads on a real server while other visitors use it.

These are measurements, not tests (the tests check the messages and exit codes, and run
the cases under a memory ceiling). Run with ``make bench`` or
``benchmarks/run.py --only-batch``.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import os
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- the inputs


def stalling_upload() -> str:
    """26 coaches with 36,000 unknown register names each: 2.8 MB, once 125 s of work."""
    pairs = ["".join(p) for p in itertools.product(string.ascii_lowercase, repeat=2)]
    rows = [f"Coach {c};" + "|".join(pairs[(n + c) % len(pairs)] for n in range(36_000)) for c in range(26)]
    return "name;registries\n" + "\n".join(rows) + "\n"


def full_batch() -> str:
    """The largest normal batch: 2,000 coaches with every column filled."""
    header = ("name;background;registries;licences;agb_code;kvk_registered;accredited_training;hbo_level;scope;"
              "region_has_rho;region_has_network;prior_contract_with;in_insurer_region;programmes_offered")
    backgrounds = ["leefstijlcoach", "fysiotherapeut", "oefentherapeut", "diëtist"]
    rows = [f"Coach {n};{backgrounds[n % 4]};BLCN|KP;CooL|SLIMMER;ja;{'ja' if n % 3 else 'nee'};ja;nee;local;"
            f"{'yes' if n % 2 else 'unknown'};no;vgz;unknown;{n % 4}" for n in range(2000)]
    return header + "\n" + "\n".join(rows) + "\n"


def distinct_batch() -> str:
    """The largest batch no cache helps with: 2,000 coaches, each with another set of
    registers and licences (every column filled)."""
    from policy_model.loader import load_catalogue

    cat = load_catalogue(REPO / "data").catalogue
    registers = [r.abbreviation or r.name for r in cat.registries]
    programmes = [p.abbreviation or p.name for p in cat.programmes]
    header = ("name;background;registries;licences;agb_code;kvk_registered;accredited_training;hbo_level;scope;"
              "region_has_rho;region_has_network;prior_contract_with;in_insurer_region;programmes_offered")
    backgrounds = ["leefstijlcoach", "fysiotherapeut", "oefentherapeut", "diëtist"]
    rows = []
    for n in range(2000):
        chosen = "|".join(r for i, r in enumerate(registers) if n >> i & 1) or "geen"
        licences = "|".join(p for i, p in enumerate(programmes) if (n * 7) >> i & 1) or "geen"
        rows.append(f"Coach {n};{backgrounds[n % 4]};{chosen};{licences};ja;{'ja' if n % 3 else 'nee'};ja;nee;local;"
                    f"{'yes' if n % 2 else 'unknown'};no;vgz;unknown;{n % 4}")
    return header + "\n" + "\n".join(rows) + "\n"


def _data_copy(root: Path) -> Path:
    data = root / "data"
    shutil.copytree(REPO / "data", data)
    return data


def _unknown_keys(root: Path) -> list[str]:
    data = _data_copy(root)
    path = data / "policies" / "zz-2024.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "".join(f"onbekend_sleutel_{n:05d}: waarde nummer {n} hier\n"
                                                                for n in range(20_000)), encoding="utf-8")
    return ["validate", str(data), "--no-quotes"]


def _hidden_depth(root: Path) -> list[str]:
    data = _data_copy(root)
    body = "".join("  " + "[" * 399 + " # " + "]" * 399 + "\n" for _ in range(125))
    (data / "policies" / "zz-2030.yaml").write_text("insurer: zz\nyear: 2030\ntitle:\n" + body, encoding="utf-8")
    return ["validate", str(data), "--no-quotes"]


def _large_aliases(root: Path) -> list[str]:
    data = _data_copy(root)
    text = f"summary: &big {'x' * 1_500_000}\ntitle: t\nderived_note: [{', '.join(['*big'] * 250)}]\n"
    (data / "policies" / "zz-2030.yaml").write_text("insurer: zz\nyear: 2030\n" + text, encoding="utf-8")
    return ["validate", str(data), "--no-quotes"]


def _deep_profile(root: Path) -> list[str]:
    body = "".join("  " + "[" * 399 + " # " + "]" * 399 + "\n" for _ in range(125))
    profile = root / "profiel.yaml"
    profile.write_text("role: individual_coach\nyear: 2027\nname:\n" + body, encoding="utf-8")
    return ["assess", str(profile)]


def _stalling_batch(root: Path) -> list[str]:
    path = root / "coaches.csv"
    path.write_text(stalling_upload(), encoding="utf-8")
    return ["assess-batch", str(path), "--year", "2027", "--today", "2026-06-01", "--out", str(root / "out.csv")]


_ICS_CODE = """
import copy, sys, time
from pathlib import Path
from policy_model.loader import load_catalogue
from policy_model.timeline import all_events, to_ics
result = load_catalogue(Path(sys.argv[1]))
assert result.ok, result.problems[:3]
events = all_events(result.catalogue)
start = time.perf_counter()
to_ics(events, result.catalogue)
print(len(events), time.perf_counter() - start)
"""


def _ics_data(root: Path) -> Path:
    """ZZ 2024 with its dated timeline items repeated to 4,020 (many identical)."""
    data = _data_copy(root)
    path = data / "policies" / "zz-2024.yaml"
    policy = yaml.safe_load(path.read_text(encoding="utf-8"))
    dated = [item for item in policy["timeline"] if item.get("date")]
    policy["timeline"] = [copy.deepcopy(dated[n % len(dated)]) for n in range(4020)]
    path.write_text(yaml.safe_dump(policy, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


CASES = {
    "validate_20000_unknown_keys": _unknown_keys,
    "validate_50000_levels_behind_comments": _hidden_depth,
    "validate_250_aliases_of_1_5_mb": _large_aliases,
    "assess_profile_50000_levels": _deep_profile,
    "assess_batch_26_coaches_36000_names": _stalling_batch,
}


def _timed_child(args: list[str]) -> dict:
    """Wall time, exit code and peak resident memory of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    _, status, usage = os.wait4(proc.pid, 0)
    return {"seconds": round(time.perf_counter() - start, 2), "exit": os.waitstatus_to_exitcode(status),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def bench_hostile() -> dict:
    """Each hostile case in a fresh process: seconds, exit code, peak resident memory."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in CASES.items():
            root = Path(tmp) / name
            root.mkdir()
            out[name] = _timed_child(["-m", "policy_model", *make(root)])
        root = Path(tmp) / "ics"
        root.mkdir()
        data = _ics_data(root)
        run = subprocess.run([sys.executable, "-c", _ICS_CODE, str(data)], cwd=REPO, capture_output=True, text=True,
                             check=True)
        events, seconds = run.stdout.split()
        out["ics_4020_events"] = {"events": int(events), "seconds": round(float(seconds), 2)}
    return out


# --------------------------------------------------------------------------- uploads under load

WATCHED_PAGE = "programmas"
UPLOADS = {"control_1_coach": lambda: "name;registries\nAnna;BLCN\n", "stalling_2_8_mb": stalling_upload,
           "full_batch_2000_coaches": full_batch, "distinct_2000_coaches": distinct_batch}
CONCURRENT_UPLOADS = 3


async def _idle(page, timeout: float = 180_000) -> None:
    from tests.e2e.server import IDLE_JS

    await page.wait_for_function(IDLE_JS, timeout=timeout)
    await page.wait_for_timeout(150)
    await page.wait_for_function(IDLE_JS, timeout=timeout)


async def _view(browser, url: str) -> float:
    """One visitor's page view: a new session, until the page is drawn."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(f"{url}/{WATCHED_PAGE}")
    await _idle(page)
    seconds = time.perf_counter() - start
    await context.close()
    return seconds


async def _upload(browser, url: str, path: Path) -> float:
    """One visitor uploading a batch, until the matrix and its downloads are drawn."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    await page.goto(f"{url}/wizard?modus=Meerdere+coaches+%28CSV%29")
    await _idle(page)
    start = time.perf_counter()
    await page.locator("input[type=file]").set_input_files(str(path))
    await page.locator(".st-key-batch_csv, [data-testid=stAlertContentWarning]").first.wait_for(timeout=600_000)
    await _idle(page, timeout=600_000)
    seconds = time.perf_counter() - start
    await context.close()
    return seconds


async def _keep_uploading(browser, url: str, path: Path, enough: asyncio.Event) -> list[float]:
    """Upload again and again until ``enough`` is set (at least once)."""
    times = [await _upload(browser, url, path)]
    while not enough.is_set():
        times.append(await _upload(browser, url, path))
    return times


async def _under_load(url: str, files: dict[str, Path], views: int) -> dict:
    from playwright.async_api import async_playwright

    from tests.e2e.server import CHROMIUM_ARGS, chromium_path

    out: dict = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium_path(shell=False), args=CHROMIUM_ARGS, headless=True)
        await _view(browser, url)  # the server's catalogue cache is filled once, as in real use
        idle = [await _view(browser, url) for _ in range(views)]
        out["others_idle_median_s"] = round(statistics.median(idle), 2)
        for name, path in files.items():
            enough = asyncio.Event()
            uploaders = [asyncio.create_task(_keep_uploading(browser, url, path, enough))
                         for _ in range(CONCURRENT_UPLOADS)]
            busy = [await _view(browser, url) for _ in range(views)]
            enough.set()
            times = [t for task in uploaders for t in await task]
            out[name] = {
                "upload_kb": round(path.stat().st_size / 1024),
                "uploads": len(times),
                "upload_median_s": round(statistics.median(times), 1),
                "others_median_s": round(statistics.median(busy), 2),
                "others_ratio_to_idle": round(statistics.median(busy) / statistics.median(idle), 2),
            }
        await browser.close()
    return out


def bench_uploads_under_load(views: int = 9) -> dict:
    """Three visitors keep uploading the largest legal batch on a real server while another
    visitor opens a page ``views`` times: that visitor's median page time, idle and
    meanwhile. A one-coach upload is the control: what three busy browser tabs on the same
    machine cost by themselves (the benchmark's browser shares the server's two cores)."""
    from tests.e2e.server import running_app

    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, make in UPLOADS.items():
            files[name] = Path(tmp) / f"{name}.csv"
            files[name].write_text(make(), encoding="utf-8")
        with running_app(extra_env={"GLI_BENCH": "1"}) as url:
            return asyncio.run(_under_load(url, files, views))
