"""Batches: many prompts (or plans) -> one folder each, with the model loaded once, resumable, across GPUs.

A batch file is either text, one prompt a line, or JSONL (its first item line starts with '{'),
one object a line with "prompt" (or "plan": a plan object, or a plan.json / image.png path),
an optional "name", and any per-item options (planner options, render settings, control
inputs; see ITEM_OPTIONS). Blank lines and lines starting with '#' are skipped. Per-item options
override the command's flags for that item.

Item k goes to OUT/<name or kkkk-slug>/ with plan.json, layout.png, image.png and overlay.png,
each written atomically as soon as it exists. An item is finished when its plan.json and
image.png are there and image.png carries the plan that plan.json holds; a rerun skips it,
redrawing a missing layout.png or overlay.png. Any other item folder is rendered again (its
earlier files removed first, see renderer.out_folder). A failing item is reported in one line
and the rest go on.

Under `accelerate launch` (more than one process), items are split between processes with
accelerate's PartialState().split_between_processes, each process rendering its share on its
own device; names, seeds and so outputs are the same as in one process.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.errors import InputError
from planner.make import PLANNERS
from planner.plan import REGIONS_CEILING, Plan, load_plan, validate_plan
from planner.safe_read import MAX_BATCH_BYTES, loads_json, read_text
from renderer.settings import SETTING_NAMES, SettingsError, check_given

PLANNER_OPTIONS = ("planner", "llm_model", "max_regions", "width", "height")
CONTROL_OPTIONS = ("control_image", "control_mode", "control_scale")
ITEM_OPTIONS = frozenset((*PLANNER_OPTIONS, *SETTING_NAMES, *CONTROL_OPTIONS))
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ -]{0,99}$")
_SLUG_LENGTH = 40


class BatchFileError(InputError):
    """The batch file cannot be used as a whole (unreadable, bad JSON, unknown keys, clashing names)."""


@dataclass(frozen=True)
class BatchItem:
    """One job of a batch: a prompt or a plan, its folder name, and its own options."""

    index: int
    name: str
    line: int
    prompt: str | None = None
    plan: dict[str, Any] | str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    folder: str = "."  # the batch file's folder: relative mask paths in a plan object start here


@dataclass
class BatchReport:
    """What a run of (this process's share of) a batch did, by item folder name."""

    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every item is done or was done before, 1 when any failed."""
        return 1 if self.failed else 0

    def summary(self) -> str:
        return f"batch: {len(self.done)} done, {len(self.skipped)} skipped, {len(self.failed)} failed"


# ------------------------------------------------------------------ reading the batch file
def slug(text: str) -> str:
    """A short folder-friendly name from text: lowercase words joined by '-' ('item' when none)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > _SLUG_LENGTH:
            break
        out = f"{out}-{word}" if out else word
    return out or (words[0][:_SLUG_LENGTH] if words else "item")


def read_batch(path: str | os.PathLike[str]) -> list[BatchItem]:
    """Parse a batch file into items; BatchFileError names the line and the problem.

    Relative plan and control-image paths are taken from the batch file's folder.
    """
    path = Path(path)
    try:  # a regular UTF-8 file of bounded size (no FIFO, no /dev/zero): planner.safe_read
        lines = read_text(path, what="batch file", limit=MAX_BATCH_BYTES).splitlines()
    except InputError as exc:
        raise BatchFileError(str(exc)) from None
    entries = [(n, line.strip()) for n, line in enumerate(lines, 1)]
    entries = [(n, text) for n, text in entries if text and not text.startswith("#")]
    if not entries:
        raise BatchFileError(f"batch file {path} holds no prompts (one a line, or JSONL objects)")
    jsonl = entries[0][1].startswith("{")
    items = []
    for index, (line, text) in enumerate(entries, 1):
        where = f"{path.name}:{line}"
        if jsonl:
            items.append(_json_item(index, line, text, where, path.parent))
        else:
            items.append(BatchItem(index, f"{index:04d}-{slug(text)}", line, prompt=text))
    first_line: dict[str, int] = {}
    for item in items:  # one pass: a 50,000-line batch is checked in milliseconds
        if item.name in first_line:
            raise BatchFileError(
                f"{path.name}:{first_line[item.name]}: name {item.name!r} is used by more than one item "
                f"(again on line {item.line})"
            )
        first_line[item.name] = item.line
    return items


def _json_item(index: int, line: int, text: str, where: str, base: Path) -> BatchItem:
    try:  # bounded numbers and nesting (planner.safe_read)
        data = loads_json(text, source=where)
    except InputError as exc:
        raise BatchFileError(str(exc)) from None
    if not isinstance(data, dict):
        raise BatchFileError(f"{where}: each line must be a JSON object")
    prompt, plan, name = data.pop("prompt", None), data.pop("plan", None), data.pop("name", None)
    unknown = sorted(set(data) - ITEM_OPTIONS)
    if unknown:
        raise BatchFileError(f"{where}: unknown option(s) {', '.join(unknown)}")
    if (prompt is None) == (plan is None):
        raise BatchFileError(f'{where}: give exactly one of "prompt" or "plan"')
    if prompt is not None and (not isinstance(prompt, str) or not prompt.strip()):
        raise BatchFileError(f'{where}: "prompt" must be a non-empty string')
    if plan is not None and not isinstance(plan, dict | str):
        raise BatchFileError(f'{where}: "plan" must be a plan object or a path to plan.json / image.png')
    if isinstance(plan, str):
        plan = str(base / Path(plan).expanduser())
    _check_options(data, where)
    if isinstance(data.get("control_image"), str):
        data["control_image"] = str(base / Path(data["control_image"]).expanduser())
    if name is None:
        name = f"{index:04d}-{slug(prompt or _plan_words(plan))}"
    elif not isinstance(name, str) or not _NAME.match(name) or name.endswith("."):
        raise BatchFileError(
            f"{where}: name {name!r} must be a plain folder name (letters, digits, . _ - space)"
        )
    return BatchItem(index, name, line, prompt=prompt, plan=plan, options=data, folder=str(base))


def _check_options(data: dict[str, Any], where: str) -> None:
    """Refuse a line's options of the wrong type or out of bounds, with the same rules as every door."""
    try:
        check_given({k: v for k, v in data.items() if k in SETTING_NAMES})
    except SettingsError as exc:
        raise BatchFileError(f"{where}: {exc}") from None
    whole = {
        "max_regions": (0, REGIONS_CEILING),
        "width": (0, None),
        "height": (0, None),
        "control_mode": (0, None),
    }
    for key, (low, high) in whole.items():
        value = data.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < low or (high and value > high)
        ):
            span = f"{low}..{high}" if high else f">= {low}"
            raise BatchFileError(f'{where}: "{key}" must be a whole number {span}, not {value!r}')
    scale = data.get("control_scale")
    if scale is not None and (
        isinstance(scale, bool) or not isinstance(scale, int | float) or not 0 <= scale < float("inf")
    ):
        raise BatchFileError(f'{where}: "control_scale" must be a finite number >= 0, not {scale!r}')
    for key in ("llm_model", "control_image"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise BatchFileError(f'{where}: "{key}" must be a string')
    if data.get("planner") is not None and data["planner"] not in PLANNERS:
        raise BatchFileError(f'{where}: "planner" must be one of {", ".join(PLANNERS)}')


def _plan_words(plan: dict[str, Any] | str) -> str:
    if isinstance(plan, dict):
        return str(plan.get("base_prompt") or plan.get("prompt") or "")
    return Path(plan).stem


def item_source(item: BatchItem) -> str | Plan:
    """What to plan or render for an item: its prompt, or its plan (an image's plan carries its settings)."""
    if item.prompt is not None:
        return item.prompt
    if isinstance(item.plan, dict):
        return validate_plan(item.plan).resolve_mask_paths(item.folder)
    from renderer.metadata import is_png, read_metadata

    if is_png(item.plan):
        return read_metadata(item.plan).plan
    return load_plan(item.plan)


# ------------------------------------------------------------------ running
def split_between_processes(items: list[BatchItem]) -> tuple[list[BatchItem], Any]:
    """This process's share of the items and accelerate's state (None in a single process)."""
    if int(os.environ.get("WORLD_SIZE", "1")) <= 1:
        return items, None
    import torch
    from accelerate import PartialState

    # PartialState reads no CPU flag from the environment: without CUDA (or with --cpu) ask for
    # CPU processes explicitly, so they form a gloo group instead of each taking every item.
    cpu = (
        os.environ.get("ACCELERATE_USE_CPU", "").lower() in ("1", "true", "yes")
        or not torch.cuda.is_available()
    )
    state = PartialState(cpu=cpu)
    with state.split_between_processes(items) as share:
        return list(share), state


def run_batch(
    items: list[BatchItem],
    out: str | os.PathLike[str],
    *,
    load_pipe: Callable[[], Any],
    options: dict[str, Any] | None = None,
    on_line: Callable[[str], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> BatchReport:
    """Plan and render each item into OUT/<item name>/, skipping finished items (see module docstring).

    `load_pipe()` is called once, when the first item needs rendering (a load failure stops the
    batch: it is not one item's fault). `options` are keyword arguments of plan_and_render shared
    by all items; an item's own options override them. Each item's failure is one line for
    `on_error`; progress lines go to `on_line`.
    """
    from renderer.workflow import plan_and_render

    out = Path(out)
    report = BatchReport()
    pipe = None
    total = len(items)
    for position, item in enumerate(items, 1):
        folder = out / item.name
        tag = f"[{position}/{total}] {item.name}"
        try:
            finished = _resume_finished(folder)
        except Exception as exc:  # the folder is held by another run, or cannot be written
            _fail(report, item, tag, exc, on_error)
            continue
        if finished is not None:
            report.skipped.append(item.name)
            _say(on_line, f"{tag}: skipped ({finished})")
            continue
        if pipe is None:
            pipe = load_pipe()
        started = time.perf_counter()
        try:
            source = item_source(item)
            kwargs = dict(options or {})
            kwargs.update(item.options)
            result = plan_and_render(source, out=folder, pipe=pipe, progress=False, **kwargs)
        except Exception as exc:  # one bad item must not stop the rest
            _fail(report, item, tag, exc, on_error)
            continue
        report.done.append(item.name)
        for finding in result.findings:  # as the CLI prints them under a plan: advice, not a failure
            _say(on_line, f"{tag}: critic: {finding.message}")
        _say(on_line, f"{tag}: done in {time.perf_counter() - started:.1f} s")
    return report


def _resume_finished(folder: Path) -> str | None:
    """How an item's folder is finished ('finished', or which missing pictures were redrawn); None
    when it must be rendered (again). Finished means plan.json and image.png are there and agree
    (renderer.out_folder.finished_render); a missing layout.png or overlay.png is redrawn, and
    temporary files of an interrupted write are removed."""
    from renderer.out_folder import complete_pictures, finished_render, own_folder

    if not folder.is_dir() or not finished_render(folder):
        return None
    with own_folder(folder, fresh=False):
        redrawn = complete_pictures(folder)
    return f"finished; redrew {', '.join(redrawn)}" if redrawn else "finished"


def _fail(
    report: BatchReport, item: BatchItem, tag: str, exc: Exception, on_error: Callable[[str], None] | None
) -> None:
    message = " ".join(str(exc).split()) or type(exc).__name__
    if not isinstance(exc, InputError):
        message = f"{type(exc).__name__}: {message}"
    report.failed.append((item.name, message))
    _say(on_error, f"{tag} (line {item.line}): failed: {message}")


def _say(sink: Callable[[str], None] | None, text: str) -> None:
    if sink is not None:
        sink(text)
