"""One exception root for everything `extract` reports to a user."""
from __future__ import annotations


class ExtractError(Exception):
    """Root of every error `extract` raises on purpose."""


class InputError(ExtractError):
    """An input article could not be read or decoded."""


class RulesError(ExtractError):
    """A file in `rules/` is malformed; the message names file, line and problem."""


class GoldError(ExtractError):
    """A gold file or a predictions file does not have the expected shape."""
