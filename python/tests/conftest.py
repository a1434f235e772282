"""Shared paths: the repository, its fixtures, the examples and the command."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(EXAMPLES))
sys.path.insert(0, str(EXAMPLES / "spark"))
sys.path.insert(0, str(EXAMPLES / "datatrove"))


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `textmend` command: $TEXTMEND_CLI, else the release build (a test
    that needs it is skipped when neither exists, and fails when
    $TEXTMEND_CLI names a missing file)."""
    named = os.environ.get("TEXTMEND_CLI")
    path = Path(named) if named else ROOT / "target" / "release" / "textmend"
    if not path.is_file():
        if named:
            pytest.fail(f"TEXTMEND_CLI={named} does not exist")
        pytest.skip("no textmend command built (cargo build --release)")
    return path.resolve()
