"""The Python API: run an extraction, load its records, get pandas tables."""
from __future__ import annotations

from pathlib import Path

from .models import Record
from .settings import Settings


def run(paths: list[str | Path] | str | Path, out: str | Path = "data/out", **options) -> dict:
    """Extracts every article under `paths` into `out` (as `extract run` does) and returns
    the report. Options: settings, model, use_cache, workers, cluster, corrections."""
    from .pipeline import run as run_pipeline

    if isinstance(paths, (str, Path)):
        paths = [paths]
    settings = options.pop("settings", None) or Settings()
    return run_pipeline([Path(p) for p in paths], Path(out), settings, **options)


def load(out: str | Path = "data/out") -> list[Record]:
    """The records of an output folder (or of a records.jsonl file), checked against the schema."""
    path = Path(out) / "records.jsonl" if Path(out).is_dir() else Path(out)
    with path.open(encoding="utf-8") as fh:
        return [Record.model_validate_json(line) for line in fh if line.strip()]


def to_frames(out: str | Path = "data/out") -> dict:
    """The CSV tables of an output folder as pandas DataFrames, by name: people, films,
    schools, credits, education. Needs pandas (pip install 'extract[pandas]')."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError("to_frames needs pandas: pip install 'extract[pandas]'") from exc
    folder = Path(out)
    return {name: pd.read_csv(folder / f"{name}.csv", keep_default_na=False, na_values=[""])
            for name in ("people", "films", "schools", "credits", "education")}
