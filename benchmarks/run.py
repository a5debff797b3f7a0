"""Benchmark: dataset loading, page script runs (1x, 10x, 50x data), real-browser loads and
in-app navigation (also to the bare reference page: Streamlit's own floor), and the cold
start of a fresh server and of a fresh browser session.

Run with ``make bench``. Prints a table and writes benchmarks/results/latest.json. These are
measurements, not tests: compare them with the targets in the README.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ["GLI_BENCH"] = "1"

from ui.navigation import PAGES as PAGE_INFO  # noqa: E402 (after the path is set)

#: The app's pages, from its own registry: name (file stem) -> (file, title, address).
PAGES = {Path(p.path).stem: p for p in PAGE_INFO}
REFERENCE_TABLE = "benchmarks/reference_table.py"
REFERENCE_CHART = "benchmarks/reference_chart.py"
REFERENCE_SHAPE = "benchmarks/reference_shape.py"
#: Streamlit's elements that take input (counted as widgets in a page's shape).
WIDGETS = frozenset({"button", "button_group", "camera_input", "checkbox", "chat_input", "color_picker",
                     "date_input", "download_button", "file_uploader", "multiselect", "number_input", "radio",
                     "selectbox", "slider", "text_area", "text_input", "time_input", "toggle"})
RESULTS = REPO / "benchmarks" / "results"


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def bench_load() -> dict:
    code = ("import time; t=time.perf_counter(); from policy_model.loader import load_catalogue; "
            "r=load_catalogue(); assert r.ok; print(time.perf_counter()-t)")
    cold = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
        cold.append(float(out.stdout.strip()))
    from policy_model.loader import load_catalogue

    load_catalogue()
    warm = []
    for _ in range(20):
        start = time.perf_counter()
        load_catalogue()
        warm.append(time.perf_counter() - start)
    return {"load_cold_ms": median_ms(cold), "load_warm_ms": median_ms(warm)}


_BATCH_CODE = """
import datetime as dt, json, resource, sys, time, tracemalloc
from policy_model.wizard.batch import MAX_ROWS, assess_batch
from policy_model.loader import load_catalogue
from policy_model.tabular import table_csv_bytes, table_xlsx_bytes
cat = load_catalogue().catalogue
year = max(cat.years, key=lambda y: len(cat.policies_for(years=[y])))
header = "name;background;registries;licences;agb_code;kvk_registered;accredited_training;hbo_level;scope;" \\
         "region_has_rho;region_has_network;prior_contract_with;in_insurer_region;programmes_offered"
backgrounds = ["leefstijlcoach", "fysiotherapeut", "oefentherapeut", "dietist"]
rows = [f"Coach {n};{backgrounds[n % 4]};BLCN|KP;CooL|SLIMMER;ja;{'ja' if n % 3 else 'nee'};ja;nee;local;"
        f"{'yes' if n % 2 else 'unknown'};no;vgz;unknown;{n % 4}" for n in range(MAX_ROWS)]
text = header + "\\n" + "\\n".join(rows) + "\\n"
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
result = assess_batch(text, "individual_coach", year, cat, dt.date(2026, 6, 1))
assess_s = time.perf_counter() - start
start = time.perf_counter()
table_csv_bytes(result.rows)
csv_s = time.perf_counter() - start
start = time.perf_counter()
table_xlsx_bytes(result.rows)
xlsx_s = time.perf_counter() - start
rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
table_xlsx_bytes(assess_batch(text, "individual_coach", year, cat, dt.date(2026, 6, 1)).rows)
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
assert len(result.rows) == MAX_ROWS, result.problems
print(json.dumps({"coaches": MAX_ROWS, "year": year, "insurers": len(cat.policies_for(years=[year])),
                  "upload_kb": round(len(text.encode()) / 1024), "assess_s": round(assess_s, 2),
                  "csv_s": round(csv_s, 2), "xlsx_s": round(xlsx_s, 2),
                  "python_peak_mb": round(peak / 2**20, 1),
                  "rss_growth_mb": round((rss_after - rss_before) / 1024, 1),
                  "rss_peak_mb": round(rss_after / 1024, 1)}))
"""


def bench_batch() -> dict:
    """The largest batch a visitor can upload (MAX_ROWS coaches, every column), in a fresh
    process: time to assess it and write the downloads (untraced), then memory: the peak
    of Python allocations in a second, traced pass, and how much the process's peak
    resident size grew in the first."""
    out = subprocess.run([sys.executable, "-c", _BATCH_CODE], cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def share_bytecode_cache() -> None:
    """Make AppTest reuse compiled page code between runs, as the real server does.

    AppTest builds a new ScriptCache for every ``run()``, so each measured run would also
    parse and compile the page file (tens of ms for a long page). ``streamlit run`` keeps
    one cache per process and compiles a page once, so that cost is not part of a page's
    run time in use. AppTest makes two: the runner's (``app.py``) and its pages manager's
    (the page ``st.navigation`` runs); both are shared here (until 2 December 2026 only the
    first was, so every figure included compiling the page: about 5 ms for the wizard).
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    local_script_runner.ScriptCache = lambda: shared
    app_test.ScriptCache = lambda: shared


_SCRIPT_RUNS: list[float] = []


def time_script_runs() -> None:
    """Record how long each script run takes (app.py plus the page), inside the runner.

    ``AppTest.run()`` also turns the page's output into its own element tree and waits on
    the runner thread; that harness work grows with the number of elements and is not
    part of the page's script run, which is what the benchmark reports. Both are kept in
    the JSON (``pages`` = script run, ``apptest`` = the whole AppTest call).
    """
    from streamlit.runtime.scriptrunner import script_runner

    if getattr(script_runner.exec_func_with_error_handling, "_timed", False):
        return
    original = script_runner.exec_func_with_error_handling

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _SCRIPT_RUNS.append(time.perf_counter() - start)

    timed._timed = True
    script_runner.exec_func_with_error_handling = timed


def bench_pages(data_dir: Path | None, runs: int = 5) -> tuple[dict[str, float], dict[str, float]]:
    """Median script run and median AppTest round trip of every page, in ms."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    share_bytecode_cache()
    time_script_runs()

    if data_dir:
        os.environ["GLI_DATA_DIR"] = str(data_dir)
    else:
        os.environ.pop("GLI_DATA_DIR", None)
    st.cache_data.clear()
    st.cache_resource.clear()
    script, apptest = {}, {}
    for page in [REFERENCE_TABLE, REFERENCE_CHART, *[p.path for p in PAGES.values()]]:
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
        at.switch_page(page).run()
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].message}")
        runs_ms, rounds_ms = [], []
        for _ in range(runs):
            _SCRIPT_RUNS.clear()
            start = time.perf_counter()
            at.run()
            rounds_ms.append(time.perf_counter() - start)
            runs_ms.append(_SCRIPT_RUNS[-1])
        script[Path(page).stem] = median_ms(runs_ms)
        apptest[Path(page).stem] = median_ms(rounds_ms)
    return script, apptest


def page_shape(at, page: str) -> tuple[int, int, int]:
    """(elements, widgets, blocks) one script run of ``page`` sends, counted where Streamlit
    queues them."""
    from streamlit import delta_generator

    counts = {"elements": 0, "widgets": 0, "blocks": 0}
    enqueue, block = delta_generator.DeltaGenerator._enqueue, delta_generator.DeltaGenerator._block

    def counted_enqueue(self, delta_type, *args, **kwargs):
        counts["widgets" if delta_type in WIDGETS else "elements"] += 1
        return enqueue(self, delta_type, *args, **kwargs)

    def counted_block(self, *args, **kwargs):
        counts["blocks"] += 1
        return block(self, *args, **kwargs)

    delta_generator.DeltaGenerator._enqueue, delta_generator.DeltaGenerator._block = counted_enqueue, counted_block
    try:
        at.run()
    finally:
        delta_generator.DeltaGenerator._enqueue, delta_generator.DeltaGenerator._block = enqueue, block
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].message}")
    return counts["elements"], counts["widgets"], counts["blocks"]


def bench_shapes(runs: int = 9) -> dict[str, dict[str, float]]:
    """Each page's shape and the median script run of a page of that shape and nothing else
    (:mod:`benchmarks.reference_shape`): Streamlit's own cost of a page that size. A page's
    run divided by it is what the page's own work adds."""
    from streamlit.testing.v1 import AppTest

    share_bytecode_cache()
    time_script_runs()
    os.environ.pop("GLI_DATA_DIR", None)
    out = {}
    for name, info in PAGES.items():
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
        at.switch_page(info.path).run()
        elements, widgets, blocks = page_shape(at, info.path)
        os.environ["GLI_BENCH_SHAPE"] = f"{elements},{widgets},{blocks}"
        try:
            shape = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
            shape.switch_page(REFERENCE_SHAPE).run()
            samples = []
            for _ in range(runs):
                _SCRIPT_RUNS.clear()
                shape.run()
                samples.append(_SCRIPT_RUNS[-1])
        finally:
            os.environ.pop("GLI_BENCH_SHAPE", None)
        out[name] = {"elements": elements, "widgets": widgets, "blocks": blocks, "shape_ms": median_ms(samples)}
    return out


def fresh_session_s(browser, address: str, timeout: float = 60_000) -> float:
    """Seconds from opening ``address`` in a new browser context (nothing cached) until idle."""
    from tests.e2e.server import wait_idle

    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(address)
    wait_idle(page, timeout=timeout)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def bench_browser(runs: int = 3) -> dict[str, dict[str, float]]:
    from playwright.sync_api import sync_playwright

    from tests.e2e.server import CHROMIUM_ARGS, chromium_path, running_app, wait_idle

    targets = {"reference_table": "ref_table", "reference_chart": "ref_chart",
               **{name: info.url_path for name, info in PAGES.items()}}
    # Navigation from Home by the sidebar menu, to every page and to the bare reference
    # page (in the menu only on a benchmark server): Streamlit's own floor.
    titles = {"reference_table": "Referentie", **{name: info.title for name, info in PAGES.items() if info.url_path}}
    results: dict[str, dict[str, float]] = {}
    with running_app(extra_env={"GLI_BENCH": "1"}) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(shell=False), args=CHROMIUM_ARGS, headless=True)
        warm = browser.new_page()
        warm.goto(url)
        wait_idle(warm)  # the server's catalogue cache is filled once, as in real use
        warm.close()
        for name, path in targets.items():
            results[name] = {"cold_ms": median_ms([fresh_session_s(browser, f"{url}/{path}") for _ in range(runs)])}
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        for name, title in titles.items():
            nav = []
            for _ in range(runs):
                page.goto(url)
                wait_idle(page)
                start = time.perf_counter()
                page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
                page.wait_for_url(f"**/{targets[name]}*")  # the page writes its choices into the query
                wait_idle(page)
                nav.append(time.perf_counter() - start)
            results[name]["navigate_ms"] = median_ms(nav)
        browser.close()
    return results


_IMPORT_CODE = """
import json, time
t0 = time.perf_counter()
import streamlit, pandas  # what a server has loaded before it runs any page
t1 = time.perf_counter()
import policy_model.loader, ui.layout, ui.tables, ui.selection, ui.side_by_side, ui.timeline_chart, ui.charts
t2 = time.perf_counter()
from policy_model.loader import load_catalogue
assert load_catalogue().ok
t3 = time.perf_counter()
print(json.dumps({"streamlit_ms": round((t1 - t0) * 1000), "app_modules_ms": round((t2 - t1) * 1000),
                  "catalogue_ms": round((t3 - t2) * 1000)}))
"""


def bench_cold_start(runs: int = 3) -> dict:
    """What a fresh server and a fresh browser session spend their first seconds on.

    In a fresh Python process: importing Streamlit (the server does it once, at start),
    importing the app's own modules, loading the catalogue (both on the first page a new
    server shows). Then a new server: from its start to healthy, and its very first page
    (Home, and the Tijdlijn on another new server) until idle in a browser.
    """
    from playwright.sync_api import sync_playwright

    from tests.e2e.server import CHROMIUM_ARGS, chromium_path, running_app

    parts = [json.loads(subprocess.run([sys.executable, "-c", _IMPORT_CODE], cwd=REPO, capture_output=True,
                                       text=True, check=True).stdout) for _ in range(runs)]
    out = {key: statistics.median(p[key] for p in parts) for key in parts[0]}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(shell=False), args=CHROMIUM_ARGS, headless=True)
        for name, path in (("home", ""), ("tijdlijn", "tijdlijn")):
            start_ms, first_ms = [], []
            for _ in range(runs):
                start = time.perf_counter()
                with running_app() as url:
                    start_ms.append(time.perf_counter() - start)
                    first_ms.append(fresh_session_s(browser, f"{url}/{path}", timeout=120_000))
            out["server_start_ms"] = median_ms(start_ms) if name == "home" else out["server_start_ms"]
            out[f"first_{name}_on_new_server_ms"] = median_ms(first_ms)
        browser.close()
    return out


def main() -> int:
    from benchmarks.synth import make_scaled_dataset

    report: dict = {
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus": os.cpu_count(), "date": time.strftime("%Y-%m-%d")},
    }
    report["batch"] = bench_batch()
    print(f"Largest batch: {report['batch']}")
    from benchmarks.hostile import bench_hostile, bench_uploads_under_load

    report["hostile"] = bench_hostile()
    for name, figures in report["hostile"].items():
        print(f"Hostile input {name}: {figures}")
    if "--no-browser" not in sys.argv:
        report["uploads_under_load"] = bench_uploads_under_load()
        print(f"Largest uploads, three at once, beside another visitor: {report['uploads_under_load']}")
    if "--only-batch" in sys.argv:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "batch.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
        return 0
    report["load"] = bench_load()
    report["pages"], report["apptest"] = {}, {}
    report["pages"]["1x"], report["apptest"]["1x"] = bench_pages(None, runs=9)
    report["shapes"] = bench_shapes()
    with tempfile.TemporaryDirectory() as tmp:
        for scale in (10, 50):
            data = make_scaled_dataset(scale, Path(tmp) / f"data{scale}")
            report["pages"][f"{scale}x"], report["apptest"][f"{scale}x"] = bench_pages(data, runs=3)
    os.environ.pop("GLI_DATA_DIR", None)
    skip_browser = "--no-browser" in sys.argv
    report["browser"] = {} if skip_browser else bench_browser()
    report["cold_start"] = {} if skip_browser else bench_cold_start()

    ref = report["pages"]["1x"]["reference_table"]
    print(f"Machine: {report['machine']}")
    print(f"Dataset load: cold {report['load']['load_cold_ms']} ms (fresh process, incl. imports), "
          f"warm {report['load']['load_warm_ms']} ms")
    print()
    print("1x/10x/50x: median script run (app.py + page); AppTest: median whole AppTest.run() at 1x")
    print("cold ms: a new browser session (no cache) until idle, ratio to the one-chart reference page; "
          "nav ms: from Home by the menu until idle, ratio to the bare reference page (Streamlit's floor)")
    print("shape: elements/widgets/blocks of one run; shape ms: a page of that shape and nothing else "
          "(Streamlit's own cost of a page that size); ÷shape: the page's run divided by it")
    header = (f"{'page':<16}{'1x ms':>9}{'ratio':>7}{'shape':>10}{'shape ms':>9}{'÷shape':>7}{'10x ms':>9}"
              f"{'50x ms':>9}{'AppTest':>9}{'cold ms':>10}{'ratio':>7}{'nav ms':>9}{'ratio':>7}")
    print(header)
    print("-" * len(header))
    chart_cold = report["browser"].get("reference_chart", {}).get("cold_ms")
    nav_floor = report["browser"].get("reference_table", {}).get("navigate_ms")
    for name in ["reference_table", "reference_chart", *PAGES]:
        one = report["pages"]["1x"][name]
        browser = report["browser"].get(name, {})
        cold = browser.get("cold_ms", float("nan"))
        ratio_cold = round(cold / chart_cold, 2) if chart_cold else float("nan")
        nav = browser.get("navigate_ms", float("nan"))
        ratio_nav = round(nav / nav_floor, 2) if nav_floor and nav == nav else float("nan")
        shape = report["shapes"].get(name)
        counts = f"{shape['elements']}/{shape['widgets']}/{shape['blocks']}" if shape else "–"
        shape_ms = shape["shape_ms"] if shape else float("nan")
        print(f"{name:<16}{one:>9}{round(one / ref, 2):>7}{counts:>10}{shape_ms:>9}{round(one / shape_ms, 2):>7}"
              f"{report['pages']['10x'][name]:>9}{report['pages']['50x'][name]:>9}"
              f"{report['apptest']['1x'][name]:>9}{cold:>10}{ratio_cold:>7}{nav:>9}{ratio_nav:>7}")
    cold_start = report["cold_start"]
    if cold_start:
        tijdlijn = report["browser"].get("tijdlijn", {}).get("cold_ms", float("nan"))
        print(f"\nCold start: in a fresh process Streamlit imports in {cold_start['streamlit_ms']} ms, the app's "
              f"modules in {cold_start['app_modules_ms']} ms, the catalogue loads in {cold_start['catalogue_ms']} ms; "
              f"a new server is healthy after {cold_start['server_start_ms']} ms and shows its first page idle after "
              f"{cold_start['first_home_on_new_server_ms']} ms (Home) / {cold_start['first_tijdlijn_on_new_server_ms']} ms "
              f"(Tijdlijn). A fresh session on a running server: Tijdlijn idle after {tijdlijn} ms (target 3000).")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"\nwritten: {RESULTS / 'latest.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
