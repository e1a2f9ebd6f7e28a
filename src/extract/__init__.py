"""extract: people, films, schools, credits and education from articles about film-industry people.

    import extract
    extract.run(["data/raw"], out="data/out")
    records = extract.load("data/out")          # typed records
    frames = extract.to_frames("data/out")      # pandas DataFrames (pip install 'extract[pandas]')
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import load, run, to_frames  # noqa: E402
from .models import Record  # noqa: E402

__all__ = ["Record", "__version__", "load", "run", "to_frames"]
