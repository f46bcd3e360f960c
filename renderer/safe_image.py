"""Bounded reading of image files (mask images, control images, image.png plans).

An image is read like every other input file (planner.safe_read: a regular file, at most
MAX_IMAGE_BYTES), then its header is checked for the pixel count before any pixel is decoded,
so a small file that would inflate to gigabytes (a decompression bomb) is refused at once.
PNG text chunks are bounded: one chunk up to MAX_TEXT_BYTES, 64 MiB in all (Pillow's total); a
chunk over that limit is refused here with one line instead of a ValueError. PIL only: no torch.
"""

from __future__ import annotations

import io
import os
import struct
import warnings

from PIL import Image, PngImagePlugin, UnidentifiedImageError

from planner.errors import InputError
from planner.safe_read import MiB, read_bytes

MAX_IMAGE_BYTES = 128 * MiB
MAX_IMAGE_PIXELS = 64 * 1024 * 1024  # 8192 x 8192: far above any size FLUX renders (2048 x 2048)
MAX_TEXT_BYTES = 16 * MiB  # one PNG text chunk: an image.png's plan, with its masks inline (KBs each)

# Pillow's own limit for one text chunk (1 MiB) is less than a plan with inline masks can need.
# It is a process-wide setting, so it is raised once, here, and never lowered again: raising and
# restoring it around each read would race between threads (the browser editor serves several).
PngImagePlugin.MAX_TEXT_CHUNK = max(PngImagePlugin.MAX_TEXT_CHUNK, MAX_TEXT_BYTES)


def open_image(
    path: str | os.PathLike[str] | bytes, *, what: str = "image", error: type[InputError] = InputError
) -> Image.Image:
    """The image at `path` (or in the bytes given: an inline mask), fully decoded, its file closed;
    `error` (one line naming `what` and the path) when it is not a regular file, too large, too many
    pixels, or not a readable image."""
    if isinstance(path, bytes):
        data, path = path, "(inline PNG)"
        if len(data) > MAX_IMAGE_BYTES:
            raise error(f"{what} {path} is larger than {MAX_IMAGE_BYTES // MiB} MiB")
    else:
        data = _read(path, what, error)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise error(
                    f"{what} {path} is {width} x {height} pixels, more than the limit of "
                    f"{MAX_IMAGE_PIXELS // (1024 * 1024)} megapixels"
                )
            image.load()
    except UnidentifiedImageError:
        raise error(f"cannot read {what} {path}: not an image file Pillow can read") from None
    except Image.DecompressionBombError:
        raise error(
            f"{what} {path} has more pixels than the limit of {MAX_IMAGE_PIXELS // (1024 * 1024)} megapixels"
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError, struct.error, MemoryError) as exc:
        # Pillow raises ValueError for oversized PNG text chunks ("Decompressed Data Too Large")
        # and OSError/SyntaxError/struct.error for truncated or malformed files.
        raise error(f"cannot read {what} {path}: {_reason(exc)}") from None
    return image


def _read(path: str | os.PathLike[str], what: str, error: type[InputError]) -> bytes:
    try:
        return read_bytes(path, what=what, limit=MAX_IMAGE_BYTES)
    except InputError as exc:
        if isinstance(exc, error):
            raise
        raise error(str(exc)) from None


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if any(bomb in text.lower() for bomb in ("decompressed data too large", "too much memory used in text")):
        return f"a PNG text chunk is too large ({text})"
    return text or type(exc).__name__
