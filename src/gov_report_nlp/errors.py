"""The package's own exceptions: misuse and bad input raise these, never a bare traceback."""
from __future__ import annotations


class GovReportError(Exception):
    """Base class of every error the package raises on purpose."""


class InputError(GovReportError):
    """The input cannot be read as a document (binary, undecodable, too large...)."""


class LexiconError(GovReportError):
    """A lexicon file has a bad line; the message names the file and the line."""
