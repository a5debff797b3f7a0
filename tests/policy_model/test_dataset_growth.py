"""Adding a valid record keeps the tests green (issue 20 item 6): the tests about the committed
dataset are run on a copy of the data with next year's ZZ and VGZ records added."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from policy_model.cli import main
from policy_model.paths import DEFAULT_DATA_DIR
from tests.conftest import REPO
from tests.dataset import add_next_year, newest_full

#: The tests that say something about the committed dataset as a whole (the newest record of
#: each insurer, the default columns, the years the dataset lacks).
DATASET_TESTS = [
    "tests/policy_model/comparison/test_selection.py",
    "tests/policy_model/curation/test_carry_forward_locate_calendar.py::test_missing_years_on_a_fixed_day",
    "tests/pages/test_missing_years.py",
    "tests/pages/test_comparison_pages.py::test_garbage_url_parameters_are_ignored_with_a_notice",
    "tests/pages/test_side_by_side.py::test_the_default_choice_is_written_to_the_url_with_every_toggle_and_the_tab",
    "tests/pages/test_side_by_side.py::test_derived_years_are_offered_only_with_the_switch",
    # (not its uploads that cannot be read or are too long: no record is consulted for those)
    "tests/pages/test_new_document.py::test_a_newer_document_is_held_against_the_newest_record",
    "tests/pages/test_new_document.py::test_the_result_stays_in_the_session_and_nothing_is_written",
    "tests/pages/test_new_document.py::test_another_insurers_document_is_named_as_such",
    "tests/policy_model/test_data_zz.py",
    "tests/policy_model/test_data_vgz.py",
]


def test_the_dataset_tests_pass_with_a_next_year_added(tmp_path: Path, source_texts: Path, cat, capsys) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    added = [add_next_year(data, key) for key in newest_full(cat) if not key.startswith("cz-")]
    assert main(["validate", str(data)]) == 0, capsys.readouterr().out
    env = {**os.environ, "GLI_DATA_DIR": str(data)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *DATASET_TESTS],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, f"with {added} added:\n" + done.stdout[-3000:]
    assert " passed" in done.stdout.splitlines()[-1]
