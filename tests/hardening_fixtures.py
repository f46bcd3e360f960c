"""Hostile files for the hardening tests: FIFOs, devices, decompression bombs, text bombs, deep JSON.

Every reader must refuse these with one line, fast; `within` turns a hang into a test failure
instead of a blocked CI run.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]


def within(seconds: float, call: Callable[[], Any]) -> Any:
    """Run `call` in a daemon thread; fail the test when it has not returned after `seconds`.

    Returns what `call` returned, or re-raises what it raised.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed back to the test thread
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (it should have been refused at once)"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def run_cli(args: list[str], *, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m renderer.cli ARGS` in a fresh interpreter from this checkout, offline; a hang fails."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "renderer.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def pixel_bomb(path: Path, side: int = 20000) -> Path:
    """A PNG of a few KB whose header says side x side pixels (greyscale): a decompression bomb."""
    rows = zlib.compress(b"\x00" * (side + 1) * 64, 9)  # only the first rows; the header is what counts
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows) + _chunk(b"IEND", b"")
    )
    return path


def text_bomb(path: Path, megabytes: int = 40) -> Path:
    """An 8 x 8 PNG with a compressed text chunk that inflates to `megabytes` MB."""
    Image.new("L", (8, 8), 255).save(path)
    data = path.read_bytes()
    chunk = _chunk(b"zTXt", b"regional_flux\x00\x00" + zlib.compress(b"{" * (megabytes << 20), 9))
    path.write_bytes(data[:33] + chunk + data[33:])  # right after IHDR (8 + 25 bytes)
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path
