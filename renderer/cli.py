"""`plan-and-render`: one long prompt -> plan.json, layout.png, image.png and overlay.png in a folder.

    plan-and-render "a misty harbour at dawn: on the left an old lighthouse ..." --out out/harbour
    plan-and-render --plan out/harbour/plan.json --seed 7 --out out/harbour-7   # edit, render again
    plan-and-render --plan out/harbour/image.png --out out/again                # reproduce an image

Exit codes: 0 success; 2 bad input (usage, invalid plan or setting, unreadable file, a model
that cannot run here); 1 any other failure; 130 interrupted (143 on SIGTERM, which stops a run
as Ctrl-C does). Errors are one line on stderr; a traceback only with --verbose. torch and
diffusers load only when rendering starts, so `--plan-only` and `--help` stay fast.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import shutil
import signal
import sys
import traceback
import typing
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn, TextIO

from planner.errors import InputError, PlannerError
from planner.make import ANSWER_TIMEOUT_S, PLANNERS
from planner.plan import MAX_REGIONS, MAX_SIZE, MIN_SIZE, REGIONS_CEILING, SIZE_MULTIPLE, Plan, load_plan
from planner.settings import KNOBS, Knob, StrictBool, StrictFloat, StrictInt
from renderer.errors import ModelUnavailableError, RenderError
from renderer.inputs import DTYPES, OFFLOAD_MODES, RenderInputs
from renderer.lora import DEFAULT_LORA_SCALE
from renderer.settings import (
    DEFAULT_CONTROL_SCALE,
    DEFAULT_MODEL,
    SETTING_NAMES,
    TINY_MODEL,
    Settings,
    check_given,
)
from renderer.versions import VersionAction

if typing.TYPE_CHECKING:
    from renderer.workflow import PlanAndRenderResult

PROG = "plan-and-render"
DEFAULT_OUT = "out"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143
_PLAN_WIDTH = Plan.model_fields["width"].default
_PLAN_HEIGHT = Plan.model_fields["height"].default


class UsageError(Exception):
    """Bad command-line input (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (and exit code 2), not the whole usage text."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {PROG} --help)")


def _bounded(kind: Callable[[str], Any], low: float | None = None, high: float | None = None):
    """An argparse type: `kind` of the text, within [low, high]."""

    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a valid {kind.__name__}") from None
        if (low is not None and value < low) or (high is not None and value > high):
            span = f"in {low:g}..{high:g}" if high is not None else f">= {low:g}"
            raise argparse.ArgumentTypeError(f"{text} is not allowed: must be {span}")
        return value

    parse.__name__ = kind.__name__
    return parse


def _size(text: str) -> int:
    value = _bounded(int, MIN_SIZE, MAX_SIZE)(text)
    if value % SIZE_MULTIPLE:
        raise argparse.ArgumentTypeError(f"{value} is not a multiple of {SIZE_MULTIPLE}")
    return value


def _int_or_name(text: str) -> int | str:
    """A whole number, or a name (checked by the settings model)."""
    return int(text) if text.strip().lstrip("+-").isdigit() else text


def _knob_flag(group: argparse._ArgumentGroup, name: str, knob: Knob) -> None:
    """The flag of one render setting, generated from its definition in planner.settings.KNOBS.

    The flag only parses the text; bounds are checked by the settings model, as for every door.
    """
    default = "see above" if knob.default is None else knob.default
    help_text = knob.help if knob.default is None else f"{knob.help} (default: {default})"
    flag = "--" + name.replace("_", "-")
    if knob.type is StrictBool:
        group.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=help_text)
    elif typing.get_origin(knob.type) is typing.Literal:
        group.add_argument(flag, choices=typing.get_args(knob.type), help=help_text)
    elif knob.type is StrictFloat:
        group.add_argument(flag, type=_bounded(float), metavar=knob.metavar, help=help_text)
    elif knob.type in (StrictInt, StrictInt | None):
        group.add_argument(flag, type=_bounded(int), metavar=knob.metavar, help=help_text)
    else:
        group.add_argument(flag, type=_int_or_name, metavar=knob.metavar, help=help_text)


def build_parser() -> argparse.ArgumentParser:
    """The command's arguments; render defaults are read from renderer.settings.DEFAULTS."""
    parser = _Parser(
        prog=PROG,
        description="Plan a long image description into regions, then render it with regional FLUX. "
        "Writes plan.json and layout.png (before any model loads), then image.png and overlay.png.",
        epilog="Exit codes: 0 ok, 2 bad input, 1 other failure. Settings precedence: flags > the plan "
        "file's settings > the model's own defaults (FLUX.1-schnell-like models: 4 steps, guidance 0) > "
        "the defaults shown here.",
    )
    _add_job_arguments(parser)
    _add_planning_arguments(parser.add_argument_group("planning"))
    _add_rendering_arguments(parser.add_argument_group("rendering"))
    _add_extras_arguments(parser.add_argument_group("LoRA and ControlNet"))
    _add_advanced_arguments(parser.add_argument_group("advanced rendering"))
    _add_browser_arguments(parser.add_argument_group("in the browser (needs the [ui] extra)"))
    _add_output_arguments(parser.add_mutually_exclusive_group())
    return parser


def _add_job_arguments(parser: argparse.ArgumentParser) -> None:
    """What to do: the prompt, --plan, --out, --plan-only and --batch (and --version)."""
    parser.add_argument("prompt", nargs="?", help="the image description (omit with --plan or --batch)")
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument(
        "--plan",
        metavar="FILE",
        help="render an existing plan.json, or an image.png made by this tool (its plan and settings)",
    )
    parser.add_argument(
        "--out", metavar="DIR", default=DEFAULT_OUT, help="output folder (default: %(default)s)"
    )
    parser.add_argument("--plan-only", action="store_true", help="stop after plan.json and layout.png")
    parser.add_argument(
        "--batch",
        metavar="FILE",
        help="many jobs: one prompt a line, or JSONL with per-item options; one folder each in --out, "
        "finished items skipped on a rerun",
    )


def _add_planning_arguments(planning: argparse._ArgumentGroup) -> None:
    """The planner, its model, timeout and critic, the region limit, templates and the image size."""
    planning.add_argument(
        "--planner",
        choices=PLANNERS,
        help="auto: openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else hf when a CUDA GPU is "
        "present and the default local model is already cached, else rules (default: auto)",
    )
    planning.add_argument("--llm-model", metavar="NAME", help="model for the openai or hf planner")
    planning.add_argument(
        "--timeout",
        type=_bounded(float, 0.1),
        metavar="S",
        help=f"total seconds for one LLM answer: attempts, waits and reading included (default: {ANSWER_TIMEOUT_S:g})",
    )
    planning.add_argument(
        "--no-critic",
        action="store_true",
        help="do not check the plan against the prompt (no critic repairs, no findings under the table)",
    )
    planning.add_argument(
        "--max-regions",
        type=_bounded(int, 0, REGIONS_CEILING),
        metavar="N",
        help=f"at most N regions, up to {REGIONS_CEILING} (default: {MAX_REGIONS}); recorded in the plan",
    )
    planning.add_argument("--templates", metavar="DIR", help="your own planner prompt templates")
    planning.add_argument(
        "--width",
        type=_size,
        metavar="PX",
        help=f"image width, multiple of {SIZE_MULTIPLE} (default: {_PLAN_WIDTH})",
    )
    planning.add_argument(
        "--height",
        type=_size,
        metavar="PX",
        help=f"image height, multiple of {SIZE_MULTIPLE} (default: {_PLAN_HEIGHT})",
    )


def _add_rendering_arguments(rendering: argparse._ArgumentGroup) -> None:
    """The model, the everyday render settings (from KNOBS), and device, dtype and offload."""
    rendering.add_argument(
        "--model",
        metavar="ID",
        help=f"hub id, local folder, or '{TINY_MODEL}' (random weights, CPU smoke run); recorded in "
        f"plan.json (default: the plan's model, else {DEFAULT_MODEL})",
    )
    for name, knob in KNOBS.items():
        if not knob.advanced:
            _knob_flag(rendering, name, knob)
    rendering.add_argument(
        "--device", help="torch device, e.g. cuda, cuda:1, cpu (default: cuda; cpu for tiny)"
    )
    rendering.add_argument(
        "--dtype", choices=DTYPES, help="weights dtype (default: bfloat16; float32 for tiny)"
    )
    rendering.add_argument(
        "--offload", choices=OFFLOAD_MODES, help="diffusers CPU offload, to save GPU memory"
    )


def _add_extras_arguments(extras: argparse._ArgumentGroup) -> None:
    """LoRAs and a ControlNet with its image, mode and scale."""
    extras.add_argument(
        "--lora",
        action="append",
        metavar="PATH_OR_ID[:SCALE]",
        help=f"load a FLUX LoRA (file, folder or hub id) at a scale (default {DEFAULT_LORA_SCALE:g}); repeatable",
    )
    extras.add_argument("--controlnet", metavar="ID_OR_PATH", help="a FLUX ControlNet (Union models too)")
    extras.add_argument("--control-image", metavar="FILE", help="the ControlNet's conditioning image")
    extras.add_argument(
        "--control-mode", type=_bounded(int, 0), metavar="N", help="the control type of a Union ControlNet"
    )
    extras.add_argument(
        "--control-scale",
        type=_bounded(float, 0),
        metavar="S",
        help=f"ControlNet strength (default: {DEFAULT_CONTROL_SCALE:g})",
    )


def _add_advanced_arguments(advanced: argparse._ArgumentGroup) -> None:
    """The advanced render settings (from KNOBS)."""
    for name, knob in KNOBS.items():
        if knob.advanced:
            _knob_flag(advanced, name, knob)


def _add_browser_arguments(browser: argparse._ArgumentGroup) -> None:
    """--ui and where the page listens (--host, --port, --share)."""
    browser.add_argument(
        "--ui",
        action="store_true",
        help="start the plan editor page (a PROMPT or --plan FILE opens in it); renders use --model",
    )
    browser.add_argument("--host", metavar="ADDR", help="address the page listens on (default: 127.0.0.1)")
    browser.add_argument(
        "--port", type=_bounded(int, 1, 65535), metavar="N", help="port (default: a free one from 7860)"
    )
    browser.add_argument("--share", action="store_true", help="also make a public Gradio share link")


def _add_output_arguments(output: argparse._MutuallyExclusiveGroup) -> None:
    """How much the command prints: -v or -q."""
    output.add_argument("-v", "--verbose", action="store_true", help="more logging; tracebacks on errors")
    output.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing on success (no table, no progress)"
    )


# ------------------------------------------------------------------ terminal output
def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


def _where(region) -> str:
    if region.box is not None:
        return "[" + ", ".join(f"{v:.2f}" for v in region.box) + "]"
    return "mask (inline)" if region.inline_mask else f"mask {Path(region.mask).name}"


def plan_table(plan: Plan, width: int | None = None) -> str:
    """The plan as a short table: size, base prompt, one line per region (label, box, prompt), background."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    width = max(60, width)
    count = len(plan.regions)
    lines = [
        f"plan: {count} region{'s' if count != 1 else ''}, {plan.width}x{plan.height}",
        _shorten(f"base: {plan.base_prompt}", width),
    ]
    if plan.regions:
        label_w = min(24, max(5, *(len(r.label) for r in plan.regions)))
        box_w = max(24, *(len(_where(r)) for r in plan.regions))
        head = f"{'#':>3}  {'label':<{label_w}}  {'box':<{box_w}}  prompt"
        lines.append(head)
        for i, region in enumerate(plan.regions, 1):
            row = f"{i:>3}  {_shorten(region.label, label_w):<{label_w}}  {_where(region):<{box_w}}  "
            lines.append(row + _shorten(region.prompt, width - len(row)))
        lines.append(_shorten(f"background: {plan.background_prompt or '(the base prompt)'}", width))
    else:
        lines.append("no regions: plain FLUX on the base prompt")
    return "\n".join(lines)


def _settings_line(settings: Settings, model: str | None) -> str:
    return (
        f"render: model {model}, seed {settings.seed}, steps {settings.steps}, guidance {settings.guidance:g}, "
        f"base_ratio {settings.base_ratio:g}, inject_steps {settings.inject_steps}, "
        f"intervals {settings.double_interval}/{settings.single_interval}"
    )


# ------------------------------------------------------------------ logging and quiet mode
@contextlib.contextmanager
def _logging_to_stderr(verbose: bool, quiet: bool) -> Iterator[None]:
    """Our packages' log records (planner warnings, for example) go to stderr, one line each, for
    the length of one run; the loggers' levels and handlers are as before afterwards."""
    level = logging.INFO if verbose else logging.ERROR if quiet else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"{PROG}: %(levelname)s: %(message)s"))
    loggers = [logging.getLogger(name) for name in ("planner", "renderer")]
    before = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
        logger.addHandler(handler)
    try:
        yield
    finally:
        for logger, old in zip(loggers, before, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(old)


@contextlib.contextmanager
def _silenced(verbose: bool, quiet: bool, renders: bool) -> Iterator[None]:
    """Hide library warnings and log chatter (diffusers, transformers, ...) unless --verbose.

    Users see our table, the progress bars and our own warnings; --verbose shows everything;
    --quiet also hides the libraries' download and loading bars (when the run `renders`, so
    loads those libraries anyway: a plan-only run never imports them).
    """
    from renderer.quiet import library_chatter_shown, quiet_libraries

    if verbose:
        with library_chatter_shown():
            yield
        return
    bars = quiet and renders
    if bars:
        _library_progress_bars(enabled=False)
    try:
        with quiet_libraries(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        if bars:
            _library_progress_bars(enabled=True)


_PROGRESS_SWITCHES = {
    "huggingface_hub.utils": ("enable_progress_bars", "disable_progress_bars"),
    "diffusers.utils.logging": ("enable_progress_bar", "disable_progress_bar"),
    "transformers.utils.logging": ("enable_progress_bar", "disable_progress_bar"),
}


def _library_progress_bars(enabled: bool) -> None:
    """Switch the download and loading bars of huggingface_hub, diffusers and transformers."""
    import importlib

    for module_name, (enable, disable) in _PROGRESS_SWITCHES.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        with warnings.catch_warnings():  # huggingface_hub warns when its env variable forbids enabling
            warnings.simplefilter("ignore")
            getattr(module, enable if enabled else disable)()


# ------------------------------------------------------------------ the run
log = logging.getLogger("renderer.cli")


def _planning_flags(args: argparse.Namespace) -> list[tuple[str, Any]]:
    """The planning options as (flag, value); value None when not given."""
    return [
        ("--planner", args.planner),
        ("--llm-model", args.llm_model),
        ("--max-regions", args.max_regions),
        ("--templates", args.templates),
        ("--timeout", args.timeout),
    ]


def _read_plan_file(path: str) -> tuple[Plan, RenderInputs]:
    """A plan from a plan.json or an image.png made by this tool, and the inputs the image was made with.

    An image's plan carries every setting and the model in its `render` object; its inputs are
    the LoRA/ControlNet inputs and the device, dtype and offload chosen. A plan.json has no inputs.
    """
    from renderer.metadata import is_png, read_metadata

    if is_png(path):
        found = read_metadata(path)
        return found.plan, found.inputs
    return load_plan(path), RenderInputs()


def flag_inputs(args: argparse.Namespace) -> RenderInputs:
    """The LoRA, ControlNet, device, dtype and offload flags."""
    return RenderInputs(
        loras=args.lora,
        controlnet=args.controlnet,
        control_image=args.control_image,
        control_mode=args.control_mode,
        control_scale=args.control_scale,
        device=args.device,
        dtype=args.dtype,
        offload=args.offload,
    )


def flag_settings(args: argparse.Namespace) -> dict[str, Any]:
    """The render settings given as flags, checked by the settings model (SettingsError when bad)."""
    return check_given({name: getattr(args, name) for name in SETTING_NAMES})


def run(args: argparse.Namespace, stdout: TextIO) -> int:
    """One job (a prompt or --plan FILE), a batch of them (--batch FILE), or the page (--ui); returns the exit code."""
    flag_settings(args)  # bad settings are refused before anything is read or planned
    if args.ui:
        return _run_ui(args)
    if args.host or args.port or args.share:
        raise UsageError(f"--host, --port and --share go with --ui (see {PROG} --help)")
    return _run_batch(args, stdout) if args.batch else _run_one(args, stdout)


def _run_ui(args: argparse.Namespace) -> int:
    """Start the plan editor page and serve it until interrupted (see renderer.ui)."""
    given = [flag for flag, value in (("--batch", args.batch), ("--plan-only", args.plan_only)) if value]
    if given:
        raise UsageError(f"--ui does not go with {', '.join(given)} (see {PROG} --help)")
    if args.plan and args.prompt:
        raise UsageError(f"give a PROMPT or --plan FILE, not both (see {PROG} --help)")
    from renderer.ui import DEFAULT_HOST, UiConfig, launch, require_gradio
    from renderer.ui_plan import read_upload

    try:
        require_gradio()
    except ImportError as exc:
        raise UsageError(str(exc)) from None

    flags = flag_settings(args)
    start, model = None, args.model
    if args.plan:
        start = read_upload(args.plan)
        start = replace(start, settings={**start.settings, **flags})
        model = model or start.model
    config = UiConfig(
        model=model or DEFAULT_MODEL,
        out=Path(args.out),
        device=args.device,
        dtype=args.dtype,
        offload=args.offload,
        planner=args.planner or "auto",
        llm_model=args.llm_model,
        templates=args.templates,
        prompt=args.prompt or "",
        width=args.width or _PLAN_WIDTH,
        height=args.height or _PLAN_HEIGHT,
        settings=flags,
        start=start,
    )
    launch(config, host=args.host or DEFAULT_HOST, port=args.port, share=args.share)
    return EXIT_OK


def _run_batch(args: argparse.Namespace, stdout: TextIO) -> int:
    """Many jobs from a batch file, one folder each (see renderer.batch_command)."""
    given = [flag for flag, value in (("PROMPT", args.prompt), ("--plan", args.plan)) if value]
    given += ["--plan-only"] if args.plan_only else []
    if given:
        raise UsageError(f"--batch FILE does not go with {', '.join(given)} (see {PROG} --help)")
    from renderer.batch_command import run_batch_command

    return run_batch_command(args, stdout)


def _run_one(args: argparse.Namespace, stdout: TextIO) -> int:
    """Plan (or read the plan), write plan.json + layout.png, then render and write image + overlay."""
    from renderer.workflow import plan_and_render

    _check_one_job(args)
    source, inputs = _job_source(args)
    _make_out_folder(args.out)
    if args.plan:
        _warn_ignored_planning_flags(args)
    planner = _announced_planner(args, stdout)
    max_regions = MAX_REGIONS if args.max_regions is None else args.max_regions
    planner_options = _planner_options(args)
    result = plan_and_render(
        source,
        out=args.out,
        plan_only=args.plan_only,
        planner=planner,
        llm_model=args.llm_model,
        width=args.width,
        height=args.height,
        max_regions=max_regions,
        planner_options=planner_options or None,
        critic=not args.no_critic,
        model=args.model,
        progress=not args.quiet,
        on_plan=_plan_printer(args, stdout),
        **inputs.as_kwargs(),
        **flag_settings(args),
    )
    if not args.quiet:
        _print_written(args.out, result, stdout)
    return EXIT_OK


def _check_one_job(args: argparse.Namespace) -> None:
    """Refuse (UsageError) a job with both or neither of PROMPT and --plan, or a missing --templates folder."""
    if args.plan and args.prompt:
        raise UsageError(f"give a PROMPT or --plan FILE, not both (see {PROG} --help)")
    if not args.plan and not (args.prompt or "").strip():
        raise UsageError(
            f"give a PROMPT (the image description), --plan FILE or --batch FILE (see {PROG} --help)"
        )

    if args.templates and not Path(args.templates).expanduser().is_dir():
        raise UsageError(f"--templates {args.templates}: no such folder")


def _job_source(args: argparse.Namespace) -> tuple[str | Plan, RenderInputs]:
    """What to plan or render (the prompt, or the --plan file's plan) and the inputs to render with.

    The flags' inputs win; a --plan image's recorded inputs fill in what the flags leave unset.
    """
    inputs = flag_inputs(args)
    source: str | Plan = args.prompt
    if args.plan:
        source, found = _read_plan_file(args.plan)
        inputs = inputs.or_else(found)
    return source, inputs


def _make_out_folder(out: str) -> None:
    """Create the --out folder (UsageError when it cannot be)."""
    try:
        Path(out).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot create the folder ({exc.strerror or exc})") from None


def _warn_ignored_planning_flags(args: argparse.Namespace) -> None:
    """Warn that planning flags given with --plan change nothing: the plan is already made."""
    ignored = [flag for flag, value in _planning_flags(args) if value is not None]
    if ignored:
        log.warning("%s: ignored with --plan (the plan is already made)", ", ".join(ignored))


def _announced_planner(args: argparse.Namespace, stdout: TextIO) -> str:
    """The planner to use; for a prompt, the one chosen (auto resolved), printed unless --quiet."""
    planner = args.planner or "auto"
    if not args.plan:
        from planner.make import choose_planner

        choice = choose_planner(planner)
        planner = choice.name
        if not args.quiet:
            print(choice.line(), file=stdout)
            stdout.flush()
    return planner


def _planner_options(args: argparse.Namespace) -> dict[str, Any]:
    """The planner's extra options given as flags (templates folder, answer timeout)."""
    return {
        key: value
        for key, value in (("templates_dir", args.templates), ("timeout_s", args.timeout))
        if value is not None
    }


def _plan_printer(args: argparse.Namespace, stdout: TextIO) -> Callable[[PlanAndRenderResult], None]:
    """The on_plan callback: print the plan table, the critic's findings and the render settings line."""

    def show_plan(result: PlanAndRenderResult) -> None:
        if args.quiet:
            return
        plan = result.plan
        print(plan_table(plan), file=stdout)
        for finding in result.findings:  # empty with --no-critic
            print(f"critic: {finding.message}", file=stdout)
        if not args.plan_only:
            chosen = plan.render.model if plan.render is not None else None
            print(_settings_line(result.settings, args.model or chosen or DEFAULT_MODEL), file=stdout)
        stdout.flush()

    return show_plan


def _print_written(out_dir: str, result: PlanAndRenderResult, stdout: TextIO) -> None:
    """The closing line: the files written."""
    out = Path(out_dir)
    names_written = ["plan.json", "layout.png"] + (
        [] if result.image is None else ["image.png", "overlay.png"]
    )
    print(f"wrote {', '.join(str(out / name) for name in names_written)}", file=stdout)


def _is_bad_input(exc: BaseException) -> bool:
    """Errors that mean "fix your input" (exit 2): invalid plans or settings, unusable models."""
    return isinstance(exc, UsageError | InputError | ModelUnavailableError)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if not isinstance(exc, UsageError | InputError | PlannerError | RenderError):
        text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return text or type(exc).__name__


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: raised like Ctrl-C, so an atomic write in progress removes its temporary file."""


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """While the run lasts, SIGTERM stops it as SIGINT does (nothing half-written, exit 143).

    Only the main thread can set signal handlers; elsewhere (the CLI called from a thread)
    SIGTERM keeps its default meaning.
    """
    try:
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (the console script passes it to sys.exit)."""
    stdout, stderr = sys.stdout, sys.stderr
    for stream in (stdout, stderr):  # a prompt's characters must never crash a narrow console encoding
        with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
            stream.reconfigure(errors="replace")
    verbose = False
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        verbose = args.verbose
        with (
            _logging_to_stderr(args.verbose, args.quiet),
            _terminate_as_interrupt(),
            _silenced(args.verbose, args.quiet, renders=not args.plan_only),
        ):
            return run(args, stdout)
    except Terminated:
        print(f"{PROG}: interrupted (SIGTERM)", file=stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # one line per failure; the traceback only with --verbose
        if verbose:
            traceback.print_exc(file=stderr)
        code = EXIT_USAGE if _is_bad_input(exc) else EXIT_FAILURE
        print(f"{PROG}: error: {_one_line(exc)}", file=stderr)
        return code


if __name__ == "__main__":
    sys.exit(main())
