"""Agreement statistics reproduce the values printed in the papers and textbooks that define them."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from inspector.calibration.ratings_csv import RatingsFileError, read_ratings
from inspector.calibration.stats import (StatisticsError, alpha, cohen_kappa, fleiss_kappa, fleiss_kappa_counts,
                                         icc)

DATA = Path(__file__).parent / "data" / "stats"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inspector", *args], capture_output=True, text=True, timeout=60)


def test_icc_reproduces_shrout_fleiss_1979_table_4():
    """Shrout & Fleiss (1979), Psychological Bulletin 86(2), Table 2 data (6 targets × 4 judges);
    Table 4 prints .17 .29 .71 .44 .62 .91."""
    table = read_ratings(DATA / "shrout_fleiss_1979.csv")
    result = icc(table.values)
    printed = {"ICC(1,1)": 0.17, "ICC(2,1)": 0.29, "ICC(3,1)": 0.71,
               "ICC(1,k)": 0.44, "ICC(2,k)": 0.62, "ICC(3,k)": 0.91}
    assert {form: round(e.value, 2) for form, e in result.items()} == printed
    for estimate in result.values():
        assert estimate.low <= estimate.value <= estimate.high


def test_icc_leaves_out_units_with_a_missing_rating():
    full = read_ratings(DATA / "shrout_fleiss_1979.csv").values
    gappy = np.vstack([full, [[3, np.nan, 4, 5]]])
    assert icc(gappy)["ICC(2,1)"].value == pytest.approx(icc(full)["ICC(2,1)"].value)


def test_krippendorff_alpha_reproduces_the_2011_worked_example_at_every_level():
    """Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units, missing
    values; printed α = .743 nominal, .815 ordinal, .849 interval, .797 ratio."""
    values = read_ratings(DATA / "krippendorff_2011.csv").values
    printed = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}
    assert {level: round(alpha(values, level).value, 3) for level in printed} == printed


def test_cohen_kappa_reproduces_the_textbook_two_by_two_example():
    """50 proposals read by two readers: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → κ = 0.40
    (the worked example of Cohen's kappa in Wikipedia and many textbooks: po = .70, pe = .50)."""
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    estimate = cohen_kappa(first, second)
    assert estimate.value == pytest.approx(0.40)
    assert estimate.low < 0.40 < estimate.high


def test_fleiss_kappa_reproduces_the_14_rater_example():
    """Ten subjects, 14 raters, 5 categories (the worked example of Fleiss' kappa): P̄ = 0.378,
    P̄e = 0.213, κ = 0.210."""
    counts = np.array([[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                       [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]])
    assert round(fleiss_kappa_counts(counts), 3) == 0.210
    labels = [[c for c, n in enumerate(row) for _ in range(n)] for row in counts]
    assert fleiss_kappa(labels).value == pytest.approx(fleiss_kappa_counts(counts))


def test_fleiss_kappa_equals_one_for_perfect_agreement_and_is_undefined_without_variation():
    assert fleiss_kappa([["a", "a", "a"], ["b", "b", "b"], ["a", "a", "a"]]).value == pytest.approx(1.0)
    with pytest.raises(StatisticsError):
        fleiss_kappa([["a", "a"], ["a", "a"]])


def test_bootstrap_intervals_are_reproducible():
    values = read_ratings(DATA / "krippendorff_2011.csv").values
    assert alpha(values, "interval") == alpha(values, "interval")
    assert alpha(values, "interval", seed=1) != alpha(values, "interval", seed=2)


def test_stats_cli_prints_the_contract_keys():
    result = run_cli("stats", "icc", str(DATA / "shrout_fleiss_1979.csv"), "--format", "json")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert round(printed["ICC(3,k)"], 2) == 0.91 and round(printed["ICC(1,1)"], 2) == 0.17
    assert set(printed) >= {"ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"}
    result = run_cli("stats", "alpha", str(DATA / "krippendorff_2011.csv"), "--level", "ordinal", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert round(json.loads(result.stdout)["alpha"], 3) == 0.815


def test_stats_cli_takes_text_categories_for_nominal_alpha(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("unit,a,b,c\nc1,通过,通过,通过\nc2,扣分,扣分,通过\nc3,扣分,扣分,扣分\nc4,通过,,通过\n", encoding="utf-8")
    result = run_cli("stats", "alpha", str(path), "--level", "nominal")
    assert result.returncode == 0, result.stderr
    assert 0 < json.loads(result.stdout)["alpha"] < 1


@pytest.mark.parametrize("text, problem", [
    ("unit,a\n1,3\n", "header row"),
    ("unit,a,b\n1,3\n", "line 2 has 2 columns"),
    ("unit,a,b\n1,3,x\n2,4,5\n", "'x' is not a number"),
    ("unit,a,b\n1,3,3\n2,3,3\n", "do not vary"),
])
def test_stats_cli_rejects_bad_files_with_a_reason(tmp_path, text, problem):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    result = run_cli("stats", "icc", str(path))
    assert result.returncode == 2
    assert str(path) in result.stderr or "ICC" in result.stderr
    assert problem in result.stderr


def test_ratings_reader_names_a_missing_file(tmp_path):
    with pytest.raises(RatingsFileError, match="cannot read"):
        read_ratings(tmp_path / "absent.csv")
