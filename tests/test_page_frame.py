"""Every page script starts inside the app frame, even when a link to it is the first request."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ui.frame import PAGE_FILES

ROOT = Path(__file__).resolve().parents[1]


def _first_call(script: Path) -> str | None:
    """The name of the function the script calls first, after its imports and docstring."""
    for node in ast.parse(script.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the module docstring
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = node.value.func
            return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        return None
    return None


@pytest.mark.parametrize("page", sorted(PAGE_FILES))
def test_page_calls_ensure_frame_before_anything_else(page: str) -> None:
    # Without it, a slide or page link opened first after a server start runs the page alone:
    # no sidebar, no state filter, no page config (see ui.frame.ensure_frame).
    assert _first_call(ROOT / PAGE_FILES[page][0]) == "ensure_frame"
