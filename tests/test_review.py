"""The review page in a real headless browser (Debian's chromium through selenium), and the
corrections round trip: page -> corrections.jsonl -> extract run --corrections -> gold files."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (test extra)")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="chromium and chromedriver are not installed (.ci/run installs them)")


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000"):
        opts.add_argument(arg)
    opts.binary_location = CHROMIUM
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield driver
    driver.quit()


def _records(out: Path) -> dict[str, dict]:
    return {r["doc_id"]: r for r in map(json.loads, (out / "records.jsonl").read_text().splitlines())}


def test_page_loads_highlights_and_filters(run_out, browser, tmp_path):
    browser.get((run_out / "review.html").as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    records = _records(run_out)
    assert browser.execute_script("return document.querySelectorAll('nav a').length") == len(records)
    for doc_id, record in records.items():
        browser.execute_script("extractShow(arguments[0])", doc_id)
        for kind, key in (("person", "people"), ("film", "films"), ("school", "schools")):
            shown = browser.execute_script(f"return document.querySelectorAll('#article mark.{kind}').length")
            assert shown == sum(len(i["mentions"]) for i in record[key]), (doc_id, kind)
        rows = browser.execute_script("return document.querySelectorAll('table.credit tbody tr').length")
        assert rows == len(record["credits"])
    box = browser.find_element("id", "search")
    box.send_keys("Lizzy Yang")
    listed = browser.execute_script("return [...document.querySelectorAll('nav a')].map(a => a.dataset.doc)")
    assert listed == [d for d, r in records.items()
                      if any("lizzy yang" in n.lower() for p in r["people"] for n in [p["name"], *p["aliases"]])]
    assert 0 < len(listed) < len(records)
    shot = tmp_path / "review.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_corrections_round_trip(run_out, browser, tmp_path):
    browser.get((run_out / "review.html").as_uri())
    doc = "001_a353ed90bfaa6c56"
    browser.execute_script("extractShow(arguments[0])", doc)
    # reject the first person row, add a credit the extractor missed
    browser.execute_script("""
        const row = [...document.querySelectorAll('table.person tbody tr')]
            .find(r => r.cells[0].textContent === 'Jesse Grant');
        row.querySelector('button.no').click();
        const form = document.querySelector('form.add');
        form.querySelector('select').value = 'credit';
        const [a, b, c] = form.querySelectorAll('input');
        a.value = 'Dante Jiayu Liu'; b.value = 'director'; c.value = 'Huace Reel';
        form.querySelector('button[type=submit]').click();""")
    text = browser.execute_script("return extractCorrections()")
    lines = [json.loads(x) for x in text.splitlines()]
    assert [(d["kind"], d["action"]) for d in lines] == [("person", "reject"), ("credit", "add")]
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_text(text, encoding="utf-8")
    raw = Path(json.loads((run_out / "records.jsonl").read_text().splitlines()[0])["source"]).parent
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(raw), "--out", str(out), "--corrections", str(corrections), "-q"])
    assert result.exit_code == 0, result.output
    record = _records(out)[doc]
    assert "Jesse Grant" not in [p["name"] for p in record["people"]]
    added = [c for c in record["credits"] if c["film"] == "Huace Reel"]
    assert added and added[0]["source"] == "correction" and added[0]["person"] == "Dante Jiayu Liu"
    assert any(f["title"] == "Huace Reel" and f["source"] == "correction" for f in record["films"])
    gold = tmp_path / "gold"
    result = CliRunner().invoke(app, ["eval", str(out / "records.jsonl"), "--corrections", str(corrections),
                                      "--write-gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in gold.iterdir()] == [f"{doc}.json"]
    written = json.loads((gold / f"{doc}.json").read_text())
    assert {"person": "Dante Jiayu Liu", "role": "director", "film": "Huace Reel"} in written["credits"]
    assert "Jesse Grant" not in [p["name"] for p in written["people"]]
