"""`plan-and-render --batch FILE --out DIR`: the command-line side of renderer.batch.

Turns the parsed flags into options shared by all items, checks the inputs that do not depend
on an item (LoRA specs and files, the dtype, the ControlNet and its control image) before
anything loads, loads the pipeline once (model, LoRAs, ControlNet) on this process's device, runs
this process's share of the items and prints one line per item (failures on stderr) and a
summary. Returns the exit code: 0 all done, 1 any item failed; a bad batch file raises
BatchFileError (exit 2 in the CLI).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from planner.plan import MAX_REGIONS
from renderer.batch import read_batch, run_batch, split_between_processes
from renderer.cli import PROG, flag_inputs, flag_settings
from renderer.settings import DEFAULT_MODEL


def batch_options(args: argparse.Namespace) -> dict[str, Any]:
    """plan_and_render keyword arguments shared by every item, from the command's flags."""
    options: dict[str, Any] = flag_settings(args)
    options.update(
        planner=args.planner or "auto",
        llm_model=args.llm_model,
        max_regions=MAX_REGIONS if args.max_regions is None else args.max_regions,
        width=args.width,
        height=args.height,
        model=args.model,  # recorded in each plan.json only when chosen
    )
    inputs = flag_inputs(args)
    for name in ("control_image", "control_mode", "control_scale"):
        if getattr(inputs, name) is not None:
            options[name] = getattr(inputs, name)
    planner_options = {
        key: value
        for key, value in (
            ("templates_dir", getattr(args, "templates", None)),
            ("timeout_s", getattr(args, "timeout", None)),
        )
        if value is not None
    }
    if planner_options:
        options["planner_options"] = planner_options
    if getattr(args, "no_critic", False):
        options["critic"] = False
    return options


def load_batch_pipeline(args: argparse.Namespace, device: str | None):
    """The pipeline every item renders with: the model, then the LoRAs, then the ControlNet."""
    from renderer.controlnet import controlnet_pipeline
    from renderer.lora import apply_loras
    from renderer.pipeline import load_pipeline, parse_dtype

    pipe = load_pipeline(
        args.model or DEFAULT_MODEL, device=device, dtype=args.dtype, offload=getattr(args, "offload", None)
    )
    apply_loras(pipe, getattr(args, "lora", None) or [])
    if getattr(args, "controlnet", None):
        pipe = controlnet_pipeline(pipe, args.controlnet, dtype=parse_dtype(args.dtype))
    return pipe


def run_batch_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO | None = None) -> int:
    """Run the batch named by `args.batch` into `args.out`; returns 0 or 1 (see module docstring)."""
    stderr = stderr or sys.stderr
    items = read_batch(args.batch)  # first: a bad batch file fails before torch is imported

    flag_inputs(args).prepare()  # the same checks as one render's, once, before anything loads
    share, state = split_between_processes(items)
    device = str(state.device) if state is not None else args.device
    prefix = f"[process {state.process_index}] " if state is not None else ""

    def say(text: str) -> None:
        if not args.quiet:
            print(prefix + text, file=stdout, flush=True)

    def error(text: str) -> None:
        print(f"{PROG}: {prefix}{text}", file=stderr, flush=True)

    try:
        report = run_batch(
            share,
            args.out,
            load_pipe=lambda: load_batch_pipeline(args, device),
            options=batch_options(args),
            on_line=say,
            on_error=error,
        )
    finally:
        if state is not None:
            state.destroy_process_group()
    say(report.summary() + f" (of {len(items)} items in {args.batch})")
    return report.exit_code
