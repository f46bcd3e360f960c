"""Bounded reading of the files a user hands the tool: plans, batch files, templates, images.

Every file the tool reads goes through `read_bytes`, so none of them can hang or exhaust memory:

- only regular files are opened (a FIFO would block forever, /dev/zero would never end, a
  folder is a mistake): anything else is refused at once, before it is opened for reading;
- at most `limit` bytes are read; a larger file is refused, not truncated;
- text must be UTF-8 (a UTF-8 byte-order mark is accepted); UTF-16 and UTF-32 files are
  refused with a line that names the encoding, so the user knows what to re-save;
- JSON is parsed with bounded numbers (no 5000-digit literals) and bounded nesting.

Every refusal is an `InputError` whose one-line message names the file. Standard library only:
the planner stays light (no torch, no PIL).
"""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path
from typing import Any

from planner.errors import InputError

MiB = 1024 * 1024
MAX_TEXT_BYTES = 8 * MiB  # a plan, a template, few-shot examples: kilobytes in practice
MAX_BATCH_BYTES = 64 * MiB  # a batch file: about 300,000 lines of 200 characters
MAX_JSON_DEPTH = 32  # a plan is 4 levels deep
MAX_NUMBER_CHARS = 40  # longer than any float repr or 64-bit integer

PathLike = str | os.PathLike[str]

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

# Byte-order marks of encodings we refuse, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _size_text(size: int) -> str:
    return f"{size / MiB:g} MiB" if size >= MiB else f"{size} bytes"


def _not_regular(mode: int) -> str | None:
    """What a file is when it is not a regular file ('a folder', 'a FIFO (named pipe)', ...)."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def read_bytes(path: PathLike, *, what: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError names `what` and the path.

    The file is checked with stat() before it is opened (opening a FIFO for reading blocks until
    a writer appears), and again on the open descriptor, so a swap in between changes nothing.
    """
    shown = str(path)
    kind: str | None = None
    data = b""
    try:
        kind = _not_regular(os.stat(path).st_mode)
        if kind is None:
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
            with os.fdopen(os.open(path, flags), "rb") as handle:
                kind = _not_regular(os.fstat(handle.fileno()).st_mode)
                if kind is None:
                    data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"cannot read {what} {shown}: {what} not found") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} {shown}: {exc.strerror or exc}") from None
    except ValueError as exc:  # a path with a NUL character
        raise InputError(f"cannot read {what} {shown!r}: {exc}") from None
    if kind is not None:
        raise InputError(f"cannot read {what} {shown}: it is {kind}, not a regular file")
    if len(data) > limit:
        raise InputError(f"{what} {shown} is larger than the limit of {_size_text(limit)}")
    return data


def decode_text(data: bytes, *, source: str) -> str:
    """UTF-8 text (an optional UTF-8 byte-order mark is dropped); other encodings are refused by name."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise InputError(f"{source}: the file is {name} encoded: save it as UTF-8")
    if b"\x00" in data[:64]:
        raise InputError(f"{source}: the file holds NUL bytes (UTF-16 or binary?): save it as UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}): save it as UTF-8"
        ) from None


def read_text(path: PathLike, *, what: str, limit: int = MAX_TEXT_BYTES) -> str:
    """A regular UTF-8 text file of at most `limit` bytes (see `read_bytes` and `decode_text`)."""
    return decode_text(read_bytes(path, what=what, limit=limit), source=str(path))


class _NumberTooLong(Exception):
    pass


def _bounded(kind: type) -> Any:
    def parse(text: str) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            raise _NumberTooLong(text)
        return kind(text)

    return parse


# One decoder for every call (it holds only these two hooks): building one per call is most of
# the cost of a 50,000-line batch.
_DECODER = json.JSONDecoder(parse_int=_bounded(int), parse_float=_bounded(float))


def _too_deep(data: Any, limit: int) -> bool:
    """True when containers nest more than `limit` levels (iterative: no recursion on hostile input)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def loads_json(text: str | bytes, *, source: str) -> Any:
    """Parse JSON with bounded numbers and nesting; InputError (one line naming `source`) otherwise.

    Numbers longer than MAX_NUMBER_CHARS characters and containers nested deeper than
    MAX_JSON_DEPTH levels are refused: no plan needs them, and both cost time or memory.
    """
    try:
        data = _DECODER.decode(text.decode("utf-8") if isinstance(text, bytes) else text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text ({exc.reason})") from None
    except _NumberTooLong as exc:
        raise InputError(
            f"{source}: a number with {len(str(exc))} characters is longer than the limit of {MAX_NUMBER_CHARS}"
        ) from None
    except RecursionError:
        raise InputError(f"{source}: JSON nested more than {MAX_JSON_DEPTH} levels deep") from None
    if _too_deep(data, MAX_JSON_DEPTH):
        raise InputError(f"{source}: JSON nested more than {MAX_JSON_DEPTH} levels deep")
    return data


def read_json(path: PathLike, *, what: str, limit: int = MAX_TEXT_BYTES) -> Any:
    """A bounded JSON file: `read_text`, then `loads_json`."""
    return loads_json(read_text(path, what=what, limit=limit), source=str(Path(path)))
