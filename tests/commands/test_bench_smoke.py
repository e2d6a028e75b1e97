"""Smoke test of scripts/bench, the benchmark of issue 6, at a tiny size.

Why: the benchmark is run by hand and rarely, so it would rot silently when the CLI, the
corpus generator or the build output change. One run at N=20 (one run, two preview edits)
checks that every measurement is taken and lands in the JSON report with sane numbers, and
that the temporary folders are gone afterwards.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "scripts" / "bench"
MEASURES = ("baseline", "check", "report", "site", "full", "zim")
BUNDLES = ("full-en", "full-es", "families-es", "facilitators-es")


@pytest.mark.slow
def test_bench_runs_every_measurement_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [str(BENCH), "--n", "20", "--runs", "1", "--edits", "2", "--out", str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Targets of issue 6:" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))

    assert report["options"]["sizes"] == [20]
    size = report["results"]["20"]
    assert size["activity_pages"] == 40
    for what in MEASURES:
        measurement = size["measurements"][what]
        assert len(measurement["runs"]) == 1
        median = measurement["median"]
        assert median["wall_s"] > 0
        assert median["cpu_s"] > 0
        assert median["user_s"] >= 0 and median["sys_s"] >= 0
        assert 10 < median["peak_rss_mb"] < 2000
        assert median["tree_rss_mb"] >= median["peak_rss_mb"]
        assert measurement["ratio_to_baseline"] > 0
        assert measurement["cpu_ratio_to_baseline"] > 0
        assert measurement["ms_per_activity"] > 0
    assert size["measurements"]["baseline"]["ratio_to_baseline"] == 1.0
    # The build reports each edition it made: both websites, and the bundles in a full build.
    assert set(size["measurements"]["site"]["editions_median_s"]) == {"site-en", "site-es"}
    assert set(size["measurements"]["full"]["editions_median_s"]) == {
        "site-en",
        "site-es",
        *BUNDLES,
    }

    preview = size["preview"]
    assert preview["edits"] == 2
    assert all(0 < x < 60 for x in preview["latency_s"])
    assert preview["median_s"] > 0
    assert preview["first_build_s"] > 0

    sizes = size["output"]["mochila"]
    assert sizes["site_bytes"] > 0 and sizes["site_files"] > 0
    assert sizes["largest_html"]["bytes"] > 0
    assert sizes["largest_html"]["path"].endswith(".html")
    assert set(sizes["search_index_bytes"]) == {"en", "es"}
    assert all(v > 0 for v in sizes["search_index_bytes"].values())
    zips = sizes["bundles"]
    assert len(zips) == 4 and all(v > 0 for v in zips.values())
    for name in BUNDLES:
        assert any(z.startswith(f"mochila-{name}-") for z in zips), (name, zips)
    assert size["output"]["baseline"]["site_bytes"] > 0
    # The "zim" build writes a ZIM beside each zip; "full" (--no-zim) does not.
    assert sizes["zims"] == {}
    zims = size["output"]["zims"]
    assert len(zims) == 4 and all(v > 0 for v in zims.values())
    assert set(size["measurements"]["zim"]["editions_median_s"]) == {"site-en", "site-es", *BUNDLES}
    target = next(t for t in report["targets"] if t["target"].startswith("ZIM files add"))
    assert re.match(r"[+-]\d+\.\d% at N=20 ", target["value"]), target

    bundle = report["bundle_size"]
    assert bundle["n"] == 20 and bundle["bundle"] == "full-en"
    assert bundle["zip_bytes"] > 0 and bundle["zim_bytes"] > 0

    targets = {t["target"]: t for t in report["targets"]}
    assert len(targets) == 9  # check, report, site, full, per-activity, preview, memory, zip, ZIM
    assert targets["report on 1,000×2 under 2 s (issue 16)"]["status"] == "not measured"
    assert all(t["status"] in {"met", "not met", "not measured"} for t in targets.values())

    assert not Path(report["tmp_dir"]).exists()
