"""Benchmark (not a test): speed and memory of `extract run` against spaCy's tokenizer.

Builds synthetic collections of 1k, 10k and 50k articles from the project's own articles
(data/raw and tests/collection), giving every copy new person names and film titles so
that no cache flatters the figures. Then measures, in the same run and each in a fresh
process: words per second of spaCy's blank English tokenizer alone over the same texts
(the baseline), of the full pipeline with 1 worker and with 2 workers, and the peak
resident memory of each. Prints a table and writes bench/results.json.

    python bench/run_bench.py [--sizes 1000 10000 50000] [--work /tmp/extract-bench]

Targets: 1 worker at least 0.30x the tokenizer's rate; 2 workers at least 1.7x 1 worker;
peak memory at 50k within 1.3x of that at 10k.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def templates() -> list[tuple[str, list[str], list[str]]]:
    """(text, person names, film titles) of each fixture article, names from its gold file."""
    out = []
    for gold in sorted((ROOT / "tests" / "gold").glob("*.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        text = (ROOT / "data" / "raw" / f"{g['doc_id']}.txt").read_text(encoding="utf-8")
        names = [n for p in g["people"] for n in [p["name"], *p["aliases"]]]
        out.append((text, names, [f["title"] for f in g["films"]]))
    expected = json.loads((ROOT / "tests" / "collection" / "expected.json").read_text(encoding="utf-8"))
    names = [v for p in expected["people"] for v in p["variants"]]
    films = [f["title"] for f in expected["films"]]
    for path in sorted((ROOT / "tests" / "collection" / "articles").glob("*.txt")):
        out.append((path.read_text(encoding="utf-8"), names, films))
    return out


def make_collection(folder: Path, n: int, seed: int = 11) -> None:
    """n articles: the templates in turn, each name word and title replaced at random."""
    sys.path.insert(0, str(ROOT / "src"))
    from extract.nlp import rules_for
    from extract.settings import Settings

    rules = rules_for(Settings())
    given, family = sorted(rules.given_names), sorted(rules.surnames)
    words = sorted(rules.common_words)
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    temps = templates()
    for i in range(n):
        text, names, films = temps[i % len(temps)]
        swap: dict[str, str] = {}
        for name in names:
            for w in name.split():
                if w[:1].isupper() and w not in swap and len(w) > 2:
                    swap[w] = rng.choice(given if len(swap) % 2 == 0 else family)
        for title in films:
            swap[title] = " ".join(rng.choice(words).capitalize() for _ in range(len(title.split())))
        pattern = re.compile("|".join(re.escape(k) for k in sorted(swap, key=len, reverse=True)))
        new = pattern.sub(lambda m: swap[m.group(0)], text) if swap else text
        (folder / f"a{i:06d}.txt").write_text(new, encoding="utf-8")


def measure(mode: str, folder: Path, out: Path, workers: int) -> dict:
    """Runs one measurement in a fresh Python process; returns seconds, words and peak RSS."""
    code = f"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {str(ROOT / 'src')!r})
folder = Path({str(folder)!r})
import spacy
from extract.pipeline import run
started = time.perf_counter()  # imports aside; loading the pipeline counts
if {mode!r} == "tokenizer":
    tok = spacy.blank("en").tokenizer
    for path in sorted(folder.glob("*.txt")):
        tok(path.read_text(encoding="utf-8"))
else:
    run([folder], Path({str(out)!r}), use_cache=False, workers={workers})
seconds = time.perf_counter() - started
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({{"seconds": seconds, "peak_mb": peak / 1024}}))
"""
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description="Speed and memory of extract run against the tokenizer.")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    ap.add_argument("--work", type=Path, default=Path("/tmp/extract-bench"))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = ap.parse_args()
    rows = []
    print(f"{'articles':>9} {'words':>11} {'tokenizer w/s':>14} {'1 worker w/s':>13} {'ratio':>6} "
          f"{'2 workers w/s':>14} {'speed-up':>9} {'peak MB 1w':>10} {'peak MB 2w':>10}", flush=True)
    for n in args.sizes:
        folder = args.work / f"in-{n}"
        shutil.rmtree(folder, ignore_errors=True)
        make_collection(folder, n)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
        tok = measure("tokenizer", folder, args.work / "out", 1)
        one = measure("extract", folder, args.work / "out", 1)
        two = measure("extract", folder, args.work / "out", 2)
        row = {"articles": n, "words": words,
               "tokenizer_wps": round(words / tok["seconds"]), "one_worker_wps": round(words / one["seconds"]),
               "two_workers_wps": round(words / two["seconds"]),
               "ratio_to_tokenizer": round(tok["seconds"] / one["seconds"], 3),
               "two_worker_speedup": round(one["seconds"] / two["seconds"], 2),
               "peak_mb_one_worker": round(one["peak_mb"]), "peak_mb_two_workers": round(two["peak_mb"])}
        rows.append(row)
        print(f"{n:>9,} {words:>11,} {row['tokenizer_wps']:>14,} {row['one_worker_wps']:>13,} "
              f"{row['ratio_to_tokenizer']:>6.2f} {row['two_workers_wps']:>14,} {row['two_worker_speedup']:>8.2f}x "
              f"{row['peak_mb_one_worker']:>10,} {row['peak_mb_two_workers']:>10,}", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
    if len(rows) >= 2:
        print(f"peak memory {rows[-1]['articles']:,} vs {rows[-2]['articles']:,} articles (1 worker): "
              f"{rows[-1]['peak_mb_one_worker'] / rows[-2]['peak_mb_one_worker']:.2f}x")
    args.out.write_text(json.dumps({"rows": rows, "when": time.strftime("%Y-%m-%d")}, indent=2) + "\n")


if __name__ == "__main__":
    main()
