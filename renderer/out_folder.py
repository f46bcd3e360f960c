"""Output folders: a run owns its folder while it writes, and a folder never holds files of two runs.

- `own_folder(path)` is held for a whole run. It takes an exclusive lock on a lock file in the
  folder (an OS lock: it is released when the process ends, even on SIGKILL), so a second run
  into the same folder at the same time is refused with one line (`FolderBusyError`, exit 2).
- When it starts, it removes what an earlier run left there: its files (RUN_FILES) and any
  temporary files of an interrupted write. Files that are not ours are never touched. So after
  a run, plan-only or failed, the folder holds only that run's files.
- `finished_render(path)` tells a batch whether an item's folder holds a complete, consistent
  render (image.png carries the plan that plan.json holds); `complete_pictures` redraws a missing
  layout.png or overlay.png of such a folder without rendering again.

PIL only, no torch.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from planner.errors import InputError
from planner.raw_log import RAW_RESPONSE_NAME

PLAN_FILE = "plan.json"
LAYOUT_FILE = "layout.png"
IMAGE_FILE = "image.png"
OVERLAY_FILE = "overlay.png"
RUN_FILES = (PLAN_FILE, LAYOUT_FILE, IMAGE_FILE, OVERLAY_FILE, RAW_RESPONSE_NAME)
LOCK_FILE = ".plan-and-render.lock"

PathLike = str | os.PathLike[str]


class OutputFolderError(InputError):
    """The output folder cannot be used: it cannot be made or written, or another run holds it."""


class FolderBusyError(OutputFolderError):
    """Another run is writing into the same output folder right now."""


def _try_lock(fd: int) -> bool:
    """An exclusive, non-blocking OS lock on the open file; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: Path) -> str:
    with contextlib.suppress(OSError, ValueError):
        pid = path.read_text(encoding="ascii").strip()
        if pid.isdigit():
            return f" (process {pid})"
    return ""


def _lock(directory: Path) -> int:
    """Lock the folder's lock file and write our pid into it; returns its descriptor."""
    path = directory / LOCK_FILE
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputFolderError(
                f"output folder {directory} is not writable: {exc.strerror or exc}"
            ) from None
        if not _try_lock(fd):
            os.close(fd)
            raise FolderBusyError(
                f"output folder {directory} is in use by another plan-and-render run{_holder(path)}: "
                "wait for it to finish, or choose another output folder"
            )
        # The previous holder removes the file when it is done: make sure we locked the file that
        # is there now, not one that was just removed (else two runs could each hold "the" lock).
        try:
            current = os.stat(path)
        except FileNotFoundError:
            current = None
        if current is not None and os.path.samestat(os.fstat(fd), current):
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode("ascii"))
            return fd
        os.close(fd)


def _unlock(directory: Path, fd: int) -> None:
    with contextlib.suppress(OSError):
        (directory / LOCK_FILE).unlink()  # still holding the lock: nobody else can be using it
    os.close(fd)


def remove_temporary_files(directory: Path) -> None:
    """Remove temporary files of interrupted atomic writes (`.image.png.<random>.tmp`, ...)."""
    for name in RUN_FILES:
        for leftover in directory.glob(f".{name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def remove_earlier_run(directory: Path) -> None:
    """Remove the files an earlier run wrote here (only ours: RUN_FILES and their temporary files)."""
    remove_temporary_files(directory)
    for name in RUN_FILES:
        try:
            (directory / name).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise OutputFolderError(
                f"output folder {directory}: cannot remove the earlier {name}: {exc.strerror or exc}"
            ) from None


@contextlib.contextmanager
def own_folder(directory: PathLike, *, fresh: bool = True) -> Iterator[Path]:
    """Hold `directory` for one run: create it, lock it, and (with `fresh`) remove an earlier run's files.

    Temporary files of interrupted writes are always removed. Raises OutputFolderError (one line
    naming the folder) when the folder cannot be made or written, FolderBusyError when another
    run holds it. The lock is released (and its file removed) when the block ends.
    """
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError(f"cannot create output folder {directory}: {exc.strerror or exc}") from None
    fd = _lock(directory)
    try:
        if fresh:
            remove_earlier_run(directory)
        else:
            remove_temporary_files(directory)
        yield directory
    finally:
        _unlock(directory, fd)


def finished_render(directory: PathLike) -> bool:
    """True when the folder holds a complete render: plan.json and image.png exist and image.png
    carries the plan that plan.json holds (its render settings aside); layout.png and overlay.png
    may be missing (see `complete_pictures`)."""
    from planner.plan import load_plan
    from renderer.metadata import read_metadata

    directory = Path(directory)
    if not ((directory / PLAN_FILE).is_file() and (directory / IMAGE_FILE).is_file()):
        return False
    try:
        written = load_plan(directory / PLAN_FILE)
        embedded = read_metadata(directory / IMAGE_FILE).plan
    except InputError:
        return False
    return _without_render(written) == _without_render(embedded)


def _without_render(plan) -> dict:
    return plan.model_dump(mode="json", exclude={"render"}, exclude_none=True)


def complete_pictures(directory: PathLike) -> list[str]:
    """Redraw layout.png and overlay.png of a finished render when they are missing; returns the names written."""
    from renderer.layout import draw_layout, draw_overlay
    from renderer.metadata import read_metadata, save_png
    from renderer.safe_image import open_image

    directory = Path(directory)
    missing = [name for name in (LAYOUT_FILE, OVERLAY_FILE) if not (directory / name).is_file()]
    if not missing:
        return []
    image_path = directory / IMAGE_FILE
    plan = read_metadata(image_path).plan
    if LAYOUT_FILE in missing:
        save_png(directory / LAYOUT_FILE, draw_layout(plan), picture="layout")
    if OVERLAY_FILE in missing:
        image = open_image(image_path, what="image")
        save_png(directory / OVERLAY_FILE, draw_overlay(plan, image), picture="overlay")
    return missing
