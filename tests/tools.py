"""Outside tools the tests drive for real: chromium (through kaleido) and LibreOffice.

A missing tool skips its tests with a message, except where BRIEFING_REQUIRE_TOOLS=1 (CI): there
the test fails, so a broken install cannot pass unnoticed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader


def require_tool(missing: bool, what: str) -> None:
    if missing:
        if os.environ.get("BRIEFING_REQUIRE_TOOLS") == "1":
            pytest.fail(f"{what} is required (BRIEFING_REQUIRE_TOOLS=1) but was not found")
        pytest.skip(f"{what} is not installed")


def libreoffice_pdf_pages(deck: Path, workdir: Path) -> int:
    """Render `deck` to PDF with LibreOffice (its own profile, so runs never clash); pages."""
    require_tool(shutil.which("libreoffice") is None, "libreoffice (libreoffice-impress)")
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{workdir / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(deck),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return len(PdfReader(workdir / f"{deck.stem}.pdf").pages)
