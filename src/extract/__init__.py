"""extract: people, films, schools, credits and education from articles about film-industry people."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
