"""Where the last raw model response goes when planning fails, so a user can read it.

The file is written only on failure. Secrets (the API key) are blanked out before writing.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from planner.plan import write_atomic

RAW_RESPONSE_NAME = "planner_raw_response.txt"


class RawResponseLog:
    """Keeps the last raw response in memory and writes it to a file on demand."""

    def __init__(self, folder: str | Path | None = None, *, secrets: list[str] | None = None) -> None:
        self.folder = Path(folder).expanduser() if folder is not None else None
        self.secrets = [s for s in (secrets or []) if s]
        self.last = ""

    def remember(self, text: str) -> None:
        """Keep `text` as the last raw response."""
        self.last = text

    def redact(self, text: str) -> str:
        """`text` with every secret replaced."""
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return text

    def save(self, note: str = "") -> Path:
        """Write the last raw response (with an optional note first) and return the file's path."""
        body = self.redact((f"# {note}\n" if note else "") + (self.last or "(no response received)") + "\n")
        if self.folder is not None:
            path = self.folder / RAW_RESPONSE_NAME
        else:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = Path(tempfile.gettempdir()) / f"planner_raw_response_{stamp}_{os.getpid()}.txt"
        return write_atomic(path, body.encode("utf-8"))
