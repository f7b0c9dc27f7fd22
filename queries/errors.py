"""The one error the build raises for a problem in a source file or a failed check."""

from __future__ import annotations


class BuildError(Exception):
    """A source file is missing or malformed, or a check failed; the message says which."""
