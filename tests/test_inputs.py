"""Messy input: every case gets a record or a clear failure entry, and the run goes on."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app

from .conftest import RAW, SEEDS

ARTICLE = (RAW / f"{SEEDS[0]}.txt").read_text(encoding="utf-8")
SHORT = "Meet Ana Ruiz, a director. She directed “Tides” and studied at Emerson College.\n"
HTML = """<!DOCTYPE html><html><head><title>Spotlight</title><style>body{color:red}</style>
<script>var director = "Evil Script";</script></head><body>
<nav><a href="/">Home</a> <a href="/x">Meet Menu Person</a></nav>
<header>VoyageLA</header>
<main><h1>Meet Ana Ruiz</h1><p>Ana Ruiz is a director. She directed &ldquo;Tides&rdquo;
and studied at Emerson College.</p></main><footer>Leave a Reply</footer></body></html>"""


def _build(root: Path) -> dict[str, Path]:
    """Every case of the issue as a file (or folder) under root."""
    root.mkdir()
    f = {}

    def put(name: str, data: bytes) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        f[name] = path
        return path

    put("good.txt", ARTICLE.encode())
    put("empty.txt", b"")
    put("blank.txt", b"  \n\t \r\n ")
    put("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    put("pdf-named.txt", b"%PDF-1.7\n" + bytes(range(256)))
    put("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    put("png-named.txt", b"\x89PNG\r\n\x1a\n" + bytes(64))
    put("nul.txt", b"Director Ana Ruiz\x00\x00\x01 directed")
    put("bom8.txt", b"\xef\xbb\xbf" + SHORT.encode())
    put("utf16.txt", SHORT.encode("utf-16"))
    put("cp1252.txt", SHORT.replace("“", "\x93").replace("”", "\x94").encode("latin-1"))
    put("latin1.txt", ("Meet José Ruiz\x81, a director. He directed \xabTides\xbb.\n").encode("latin-1"))
    put("mixed-endings.txt", SHORT.replace(". ", ".\r\n").encode() + b"Photo by Lena Park\r" + b"\n\n" + b"x\r")
    put("page.html", HTML.encode())
    put("big.txt", (SHORT * 700_000).encode()[:50_000_000])
    put("long-line.txt", (" ".join(f"word{i}" for i in range(160_000))).encode()[:1_000_000])
    put("/".join(f"d{i}" for i in range(30)) + "/deep.txt", SHORT.encode())
    put("name with spaces é ü.txt", SHORT.encode())
    put("copy-a.txt", SHORT.replace("Ana", "Bea").encode())
    put("copy-b.txt", SHORT.replace("Ana", "Bea").encode())
    (root / "loop-dir").mkdir()
    os.symlink("..", root / "loop-dir" / "up")
    os.symlink("self-loop.txt", root / "self-loop.txt")
    f["self-loop.txt"] = root / "self-loop.txt"
    put("locked.txt", SHORT.encode())
    return f


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    """One run over every case; `locked.txt` cannot be read (root could read a chmod-000 file,
    so reading it is made to fail the way an unreadable file does)."""
    root = tmp_path_factory.mktemp("messy")
    files = _build(root / "in")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    mp = pytest.MonkeyPatch()
    mp.setattr(Path, "read_bytes", read_bytes)
    try:
        result = CliRunner().invoke(app, ["run", str(root / "in"), "--out", str(root / "out")])
    finally:
        mp.undo()
    report = json.loads((root / "out" / "report.json").read_text())
    entries = {Path(e["source"]).name: e for e in report["files"]}
    records = {r["doc_id"]: r for r in map(json.loads, (root / "out" / "records.jsonl").read_text().splitlines())}
    return result, report, entries, records, files, root


def test_run_finishes_with_exit_1_and_names_each_failure(messy):
    result, report, entries, records, files, _ = messy
    assert result.exit_code == 1
    for name, entry in entries.items():
        if entry["status"] == "failed":
            assert name in entry["reason"] and name in result.output
    assert report["totals"]["ok"] == len(records) >= 10


@pytest.mark.parametrize("name,reason", [
    ("empty.txt", "empty"), ("blank.txt", "only white space"), ("pdf-named.txt", "PDF document"),
    ("png-named.txt", "an image"), ("nul.txt", "NUL bytes"), ("big.txt", "over the 20 MB limit"),
    ("self-loop.txt", "could not be read"), ("locked.txt", "Permission denied"),
])
def test_bad_file_gets_a_failure_entry(messy, name, reason):
    entries = messy[2]
    assert entries[name]["status"] == "failed"
    assert reason in entries[name]["reason"]


@pytest.mark.parametrize("name", ["report.pdf", "photo.png"])
def test_other_files_in_a_folder_are_listed_as_skipped(messy, name):
    entry = messy[2][name]
    assert entry["status"] == "skipped" and "not an article file" in entry["reason"]


@pytest.mark.parametrize("name,encoding", [
    ("bom8.txt", "utf-8-sig"), ("utf16.txt", "utf-16"), ("cp1252.txt", "cp1252"), ("latin1.txt", "latin-1"),
    ("good.txt", "utf-8"),
])
def test_encodings_are_decoded_and_recorded(messy, name, encoding):
    _, _, entries, records, files, _ = messy
    assert entries[name]["status"] == "ok" and entries[name]["encoding"] == encoding
    record = records[Path(name).stem]
    assert record["encoding"] == encoding
    assert record["people"], record


def test_cp1252_quotes_become_a_film(messy):
    assert [f["title"] for f in messy[3]["cp1252"]["films"]] == ["Tides"]


def _text_of(record: dict, files: dict, root: Path) -> str:
    if record["text_file"]:
        return (root / "out" / record["text_file"]).read_text(encoding="utf-8")
    data = Path(record["source"]).read_bytes()
    return data.decode(record["encoding"]).lstrip("\ufeff") if record["encoding"] != "utf-8-sig" \
        else data[3:].decode("utf-8")


def test_offsets_slice_the_decoded_text_for_every_record(messy):
    _, _, _, records, files, root = messy
    checked = 0
    for record in records.values():
        text = _text_of(record, files, root)
        for kind in ("people", "films", "schools"):
            for item in record[kind]:
                for m in item["mentions"]:
                    assert text[m["start"]:m["end"]] == m["text"], (record["doc_id"], m)
                    checked += 1
    assert checked > 20


def test_mixed_line_endings_keep_offsets(messy):
    record = messy[3]["mixed-endings"]
    assert {p["name"] for p in record["people"]} >= {"Ana Ruiz", "Lena Park"}


def test_html_page_gives_its_readable_text_only(messy):
    _, _, entries, records, _, root = messy
    record = records["page"]
    assert record["text_file"] == "texts/page.txt"
    text = (root / "out" / "texts" / "page.txt").read_text(encoding="utf-8")
    assert "Ana Ruiz is a director" in text
    for junk in ("Evil Script", "color:red", "Meet Menu Person", "Leave a Reply", "VoyageLA"):
        assert junk not in text
    assert [p["name"] for p in record["people"]] == ["Ana Ruiz"]
    assert [f["title"] for f in record["films"]] == ["Tides"]


def test_long_line_and_deep_folders_and_odd_names(messy):
    records = messy[3]
    assert "long-line" in records and "deep" in records and "name with spaces é ü" in records


def test_identical_files_are_both_listed_and_the_second_marked(messy):
    entries = messy[2]
    assert entries["copy-a.txt"]["status"] == entries["copy-b.txt"]["status"] == "ok"
    assert "duplicate_of" not in entries["copy-a.txt"]
    assert entries["copy-b.txt"]["duplicate_of"].endswith("copy-a.txt")


def test_symlinked_folder_loop_is_not_followed(messy):
    entries = messy[2]
    assert not any("/up/" in e["source"] for e in messy[1]["files"])
    assert "good.txt" in entries


def test_broken_rules_fail_before_any_article(tmp_path):
    from extract.settings import DEFAULT_RULES_DIR
    import shutil
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules)
    (rules / "degrees.tsv").write_text("# degrees\nBA\tbachelor\nMFA\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(RAW), "--out", str(tmp_path / "out"), "--rules", str(rules)])
    assert result.exit_code == 2
    assert "degrees.tsv:3" in result.output
    assert not (tmp_path / "out" / "records.jsonl").exists()
