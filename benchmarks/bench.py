"""Side-by-side speed and memory of plain FLUX, the authors' cost structure and ours.

One run measures, on random weights at FLUX.1-dev's width (3072, 24 heads x 128), for each
region count: plain FLUX; the authors' cost structure (every region padded to the base text
length, dense boolean mask, the base stream's duplicate image carried through the single blocks
on every step); and this project's regional attention (the real RegionalAttention and its
processors, on the real diffusers transformer) with its defaults and each option. A variant's
token budget is "padded" (the base length), "own" (a regional prompt's bare length, 24 tokens at
512 base tokens) or a number N (each prompt padded to N tokens at 512 base tokens; 256 is the
default), scaled with the base length when the run uses a shorter one.
It reports per-step transformer time for controlled and later steps, the whole-schedule
estimate, peak memory, each as a ratio to plain, next to an analytic estimate for the full model.

  CPU (default here): 1 double + 2 single blocks in bf16 (the 19:38 proportion), at a reduced
      scale by default (512x512, 128 base T5 tokens, regional prompts scaled alike), so a sweep
      finishes in minutes. `--size 1024 --text-len 512 --own-tokens 24` is full geometry.
  CUDA: the whole 19 + 38-block transformer (FLUX.1-dev's geometry, random weights) in bf16 at
      1024x1024 with 512 T5 tokens; warmup 1, fastest of 3; about 3 minutes on an H200 for the
      default variants at 2/4/8/16 regions (limit with --regions and --variants).

The table is printed and written to out/bench-<device>-<time>.md; `--record` appends it to
benchmarks/RESULTS.md instead (the tracked record).

Examples:
  python benchmarks/bench.py                              # CPU sweep
  python benchmarks/bench.py --device cuda                # full model on a GPU
  python benchmarks/bench.py --device cuda --regions 4 16 --variants padded/nocopy/sdpa 256/nocopy/sdpa
  python benchmarks/bench.py --estimate-only              # the analytic table only
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
for _name in ("TRANSFORMERS_VERBOSITY", "DIFFUSERS_VERBOSITY"):  # no library chatter in the table
    os.environ.setdefault(_name, "error")

import estimate  # noqa: E402
import torch  # noqa: E402
from authors import DuplicateBaseStream  # noqa: E402
from flux_random import grid_regions, random_flux_transformer, random_inputs, random_text  # noqa: E402

from renderer.attention_mask import token_region_bits  # noqa: E402
from renderer.regional import RegionalAttention  # noqa: E402
from renderer.settings import DEFAULT_REGIONAL_TOKENS, DEFAULTS  # noqa: E402

GB = 1024**3
RESULTS = Path(__file__).with_name("RESULTS.md")
BIG = 10**9


@dataclass(frozen=True)
class Variant:
    """One regional configuration: 'tokens/copy/attention', e.g. '256/nocopy/flex'.

    tokens: 'padded', 'own', or a token budget N (a number, as `regional_tokens` takes).
    """

    tokens: str
    copy: bool
    attention: str
    authors: bool = False

    @classmethod
    def parse(cls, text: str) -> Variant:
        if text == "authors":
            return cls("padded", True, "sdpa", authors=True)
        tokens, copy, attention = text.split("/")
        if (
            (tokens not in ("padded", "own") and not (tokens.isdigit() and 1 <= int(tokens) <= 512))
            or copy not in ("copy", "nocopy")
            or attention not in ("sdpa", "flex")
        ):
            raise argparse.ArgumentTypeError(f"bad variant {text!r}: use tokens/copy/attention or 'authors'")
        return cls(tokens, copy == "copy", attention)

    @property
    def name(self) -> str:
        if self.authors:
            return "authors (re-created)"
        return f"{self.tokens}/{'copy' if self.copy else 'nocopy'}/{self.attention}"

    def config(self) -> estimate.Config:
        return estimate.Config(copy=self.copy, flex=self.attention == "flex", authors=self.authors)

    def region_tokens(self, base_len: int, own_tokens: int) -> int:
        """T5 tokens per regional prompt at a base length of `base_len` (budgets scaled from 512)."""
        if self.tokens == "padded":
            return base_len
        if self.tokens == "own":
            return own_tokens
        return min(base_len, max(own_tokens, round(int(self.tokens) * base_len / 512)))


DEFAULT_VARIANTS = [
    "authors",
    "padded/nocopy/sdpa",
    f"{DEFAULT_REGIONAL_TOKENS}/nocopy/sdpa",
    "own/nocopy/sdpa",
    f"{DEFAULT_REGIONAL_TOKENS}/nocopy/flex",
]
CUDA_VARIANTS = DEFAULT_VARIANTS[:4]  # flex compiles per shape: ask for it with --variants


# ------------------------------------------------------------------ measuring
class Meter:
    """Time and peak memory of a callable, on CPU (CPU time, profiler allocations) or CUDA."""

    def __init__(self, device: torch.device, warmup: int, repeats: int, resident: float) -> None:
        self.device, self.warmup, self.repeats, self.resident = device, warmup, repeats, resident
        self.use_cpu_time = device.type == "cpu"
        if device.type == "cpu" and platform.system() == "Linux":
            # glibc's default (a heap that grows and fragments under multi-MB tensors) made steps
            # here about 2x slower and noisier; serving blocks of 1 MiB and more straight from
            # mmap gives steady timings.
            libc = ctypes.CDLL("libc.so.6")
            libc.mallopt(-3, 1 << 20)  # M_MMAP_THRESHOLD

    def _sync(self) -> None:
        if self.device.type == "cuda":
            torch.cuda.synchronize(self.device)

    def _timed(self, fn: Callable[[], object]) -> tuple[float, float]:
        """One call: (seconds, peak bytes).

        CPU: seconds are the process's CPU time (both threads), not wall time, since this machine
        is shared and wall time swings 2-3x with other jobs; memory is the profiler's running total
        of tensors allocated during the call, at its high point, on top of what was resident.
        CUDA: wall time after synchronising, and the allocator's peak statistic.
        """
        if self.device.type == "cuda":
            torch.cuda.reset_peak_memory_stats(self.device)
            start = time.perf_counter()
            fn()
            self._sync()
            return time.perf_counter() - start, float(torch.cuda.max_memory_allocated(self.device))
        from torch.profiler import ProfilerActivity, profile

        prof = profile(activities=[ProfilerActivity.CPU], profile_memory=True)
        with _silent_fds():  # the profiler's C++ side prints a line at start and stop
            prof.__enter__()
        try:
            start, cpu_start = time.perf_counter(), time.process_time()
            fn()
            wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        finally:
            with _silent_fds():
                prof.__exit__(None, None, None)
        with tempfile.TemporaryDirectory() as folder:
            trace = Path(folder) / "trace.json"
            prof.export_chrome_trace(str(trace))
            events = json.loads(trace.read_text())["traceEvents"]
        memory = [e["args"] for e in events if e.get("name") == "[memory]"]
        if not memory:
            return (cpu if self.use_cpu_time else wall), self.resident
        # The profiler's running total carries over between sessions, so measure from where
        # this call started: the first event's total before its own bytes.
        start = memory[0]["Total Allocated"] - memory[0]["Bytes"]
        peak = max(m["Total Allocated"] for m in memory) - start
        return (cpu if self.use_cpu_time else wall), self.resident + peak

    @torch.no_grad()
    def __call__(self, fn: Callable[[], object]) -> tuple[float, float]:
        """(fastest of the timed calls in seconds, highest peak bytes over them)."""
        for _ in range(self.warmup):
            fn()
        self._sync()
        results = [self._timed(fn) for _ in range(self.repeats)]
        return min(r[0] for r in results), max(r[1] for r in results)


@contextlib.contextmanager
def _silent_fds() -> Iterator[None]:
    """Send the process's stdout and stderr (file descriptors 1 and 2) to /dev/null for a moment."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, null):
            os.close(fd)


def tile_density(memberships: torch.Tensor, lengths: list[int], sort: bool, block: int = 128) -> float:
    """Share of (block x block) tiles of the regional mask with anything to compute."""
    if sort:
        order = torch.argsort(token_region_bits(memberships, lengths)[sum(lengths) :], stable=True)
        memberships = memberships[:, order]
    bits = token_region_bits(memberships, lengths)
    size = bits.shape[0]
    tiles = -(-size // block)
    # Count exactly with the dense mask, one row of tiles at a time.
    nonempty = 0
    for row in range(tiles):
        q = bits[row * block : (row + 1) * block]
        hit = (q[:, None] & bits[None, :]) != 0
        padded = torch.nn.functional.pad(hit, (0, tiles * block - size))
        nonempty += int(padded.reshape(q.shape[0], tiles, block).any(dim=2).any(dim=0).sum())
    return nonempty / (tiles * tiles)


# ------------------------------------------------------------------ the run
@dataclass
class Row:
    regions: int
    name: str
    control: float
    noncontrol: float
    peak: float
    est_ratio: float
    est_extra_gb: float
    density: float | None = None
    is_default: bool = False


def regional_setup(variant: Variant, regions: int, args, device, dtype, grid: int):
    masks = grid_regions(regions, grid, grid).to(device)
    per_region = variant.region_tokens(args.text_len, args.own_tokens)
    lengths = [per_region] * regions
    embeds = random_text(per_region * regions, device, dtype)
    return masks, lengths, embeds


def run(args) -> str:
    device = torch.device(args.device)
    dtype = torch.bfloat16
    torch.manual_seed(0)
    started = time.perf_counter()
    model = random_flux_transformer(args.double, args.single, device, dtype)
    inputs = random_inputs(args.size, args.text_len, device, dtype)
    call_kwargs = inputs.kwargs()
    resident = sum(t.numel() * t.element_size() for t in [*model.parameters(), *model.buffers()])
    resident += sum(t.numel() * t.element_size() for t in vars(inputs).values())
    meter = Meter(device, args.warmup, args.repeats, float(resident))
    grid = args.size // 16
    print(f"model built in {time.perf_counter() - started:.1f} s", flush=True)

    def forward() -> object:
        return model(**call_kwargs)

    with torch.no_grad():
        forward()  # first touch of weights and allocator, untimed
    plain_time, plain_peak = meter(forward)
    print(f"plain: {plain_time:.3f} s/step, peak {plain_peak / GB:.2f} GB", flush=True)
    default_variant = Variant(str(DEFAULTS.regional_tokens), DEFAULTS.base_copy, resolve_auto(device))
    rows: list[Row] = []
    for regions in args.regions:
        shared_noncontrol = None
        control_cache: dict[tuple, tuple[float, float]] = {}
        for variant in args.variants:
            masks, lengths, embeds = regional_setup(variant, regions, args, device, dtype, grid)

            def regional(control_steps: int, variant=variant, masks=masks, lengths=lengths, embeds=embeds):
                return RegionalAttention(
                    model,
                    base_embeds=inputs.encoder_hidden_states,
                    regional_embeds=embeds,
                    text_lengths=lengths,
                    region_masks=lambda _grid: masks,
                    control_steps=control_steps,
                    base_ratio=args.base_ratio,
                    base_copy=variant.copy,
                    double_interval=DEFAULTS.double_interval,
                    single_interval=DEFAULTS.single_interval,
                    attention=variant.attention,
                )

            key = (variant.tokens, variant.copy, variant.attention)
            if key not in control_cache:
                with regional(BIG):
                    control_cache[key] = meter(forward)
            control, control_peak = control_cache[key]
            if variant.authors:
                with regional(0), DuplicateBaseStream(model):
                    noncontrol, non_peak = meter(forward)
            else:
                if shared_noncontrol is None:
                    with regional(0):
                        shared_noncontrol = meter(forward)
                noncontrol, non_peak = shared_noncontrol
            est = full_model_estimate(variant, regions, args)
            row = Row(
                regions,
                variant.name,
                control,
                noncontrol,
                max(control_peak, non_peak),
                est.ratio,
                est.extra_bytes / GB,
                est.density if variant.attention == "flex" else None,
                is_default=variant == default_variant,
            )
            rows.append(row)
            print(format_row(row, plain_time, plain_peak, args), flush=True)
    again, _ = meter(forward)
    print(f"plain again at the end: {again:.3f} s/step", flush=True)
    if again < plain_time:  # the ratios use plain's best, so the ratios err against us
        plain_time = again
    total = time.perf_counter() - started
    return report(args, rows, plain_time, plain_peak, total)


def resolve_auto(device: torch.device) -> str:
    """The attention the defaults give on `device` (what resolve_attention does for a pipeline)."""
    from renderer.attention import auto_attention

    return auto_attention(device) if DEFAULTS.attention == "auto" else DEFAULTS.attention


# ------------------------------------------------------------------ reporting
def schedule_ratio(row: Row, plain: float, args) -> float:
    return estimate.schedule(row.control, row.noncontrol, args.steps, args.control_steps) / (
        args.steps * plain
    )


def format_row(row: Row, plain_time: float, plain_peak: float, args) -> str:
    return (
        f"{row.regions:>2} regions {row.name:<22} control {row.control:7.3f} s ({row.control / plain_time:4.2f}x)"
        f"  later {row.noncontrol:7.3f} s ({row.noncontrol / plain_time:4.2f}x)"
        f"  schedule {schedule_ratio(row, plain_time, args):4.2f}x"
        f"  peak {row.peak / GB:6.2f} GB (+{(row.peak - plain_peak) / GB:5.2f})"
        f"  | full-model estimate {row.est_ratio:4.2f}x, +{row.est_extra_gb:4.2f} GB"
    )


def machine(device: torch.device) -> str:
    if device.type == "cuda":
        name = torch.cuda.get_device_name(device)
        return f"{name}, torch {torch.__version__}, CUDA {torch.version.cuda}"
    model = platform.processor() or "unknown CPU"
    try:
        for line in subprocess.run(
            ["lscpu"], capture_output=True, text=True, check=False
        ).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, torch {torch.__version__} (CPU)"


def report(args, rows: list[Row], plain_time: float, plain_peak: float, total: float) -> str:
    device = torch.device(args.device)
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"### Run {now}: {args.device}, {args.double} double + {args.single} single blocks",
        "",
        f"- Machine: {machine(device)}",
        f"- Command: `python benchmarks/bench.py {' '.join(sys.argv[1:])}`",
        f"- Geometry: {args.size}x{args.size} ({(args.size // 16) ** 2} image tokens), base text {args.text_len} "
        f"T5 tokens, regions tile the image (no background run), padded regions {args.text_len} tokens each, "
        f"own-length regions {args.own_tokens} each, budget N regions N x {args.text_len}/512 each; bf16; base_ratio {args.base_ratio}; intervals "
        f"{DEFAULTS.double_interval}/{DEFAULTS.single_interval}; warmup {args.warmup}, fastest of {args.repeats}; '+' GB is peak memory above plain FLUX's peak.",
        "- Time: "
        + (
            "process CPU seconds (both threads; the machine is shared, so wall time is noisy)"
            if device.type == "cpu"
            else "wall seconds after synchronising"
        )
        + ".",
        f"- Schedule: {args.steps} steps, control in the first {args.control_steps}.",
        f"- Plain FLUX (best of a measurement at the start and one at the end): {plain_time:.3f} s per step, peak {plain_peak / GB:.2f} GB. Wall time of the run {total:.0f} s.",
        "- Estimate columns: the analytic model (benchmarks/estimate.py) for the full 19+38-block model at "
        "1024x1024 with 512 base tokens (regional lengths scaled to that base length).",
        "- `*` marks this project's defaults (renderer/settings.py, attention 'auto' resolved for this device).",
        "",
        "| regions | config | control step | later step | schedule (x plain) | peak GB (+ over plain) "
        "| flex tiles computed | estimate: schedule x plain | estimate: + GB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        density = f"{row.density:.0%}" if row.density is not None else ""
        lines.append(
            f"| {row.regions} | {row.name}{' *' if row.is_default else ''} "
            f"| {row.control:.3f} s ({row.control / plain_time:.2f}x) "
            f"| {row.noncontrol:.3f} s ({row.noncontrol / plain_time:.2f}x) "
            f"| {schedule_ratio(row, plain_time, args):.2f}x "
            f"| {row.peak / GB:.2f} (+{(row.peak - plain_peak) / GB:.2f}) "
            f"| {density} | {row.est_ratio:.2f}x | +{row.est_extra_gb:.2f} |"
        )
    return "\n".join(lines) + "\n"


FULL = estimate.Shape(512, 0, 4096)  # FLUX.1-dev at 1024x1024 with 512 base tokens, no regions


@dataclass(frozen=True)
class Estimate:
    """The analytic model's numbers for one variant on the full model."""

    control: float  # FLOPs of a controlled step
    later: float  # FLOPs of a step after the inject steps
    ratio: float  # whole schedule, x plain
    extra_bytes: float  # activations above plain
    density: float  # share of mask tiles computed (1.0 unless flex)


def full_model_estimate(variant: Variant, regions: int, args) -> Estimate:
    """Analytic FLOPs and memory of `variant` with `regions` regions on the full FLUX.1-dev model."""
    per_region = variant.region_tokens(512, round(args.own_tokens * 512 / args.text_len))
    shape = estimate.Shape(512, per_region * regions, 4096)
    density = (
        tile_density(grid_regions(regions, 64, 64), [per_region] * regions, sort=True)
        if variant.attention == "flex"
        else 1.0
    )
    config = variant.config()
    control = estimate.control_flops(shape, config, density, args.base_ratio, DEFAULTS.single_interval)
    later = estimate.noncontrol_flops(FULL, config)
    plain = estimate.plain_flops(FULL)
    ratio = estimate.schedule(control, later, args.steps, args.control_steps) / (args.steps * plain)
    extra = max(
        estimate.activation_bytes(shape, config, True),
        estimate.activation_bytes(shape, config, False),
    ) - estimate.activation_bytes(FULL, None, False)
    return Estimate(control, later, ratio, extra, density)


def estimate_table(args) -> str:
    """The analytic model alone, for the full model at 1024x1024 with 512 base tokens."""
    plain = estimate.plain_flops(FULL)
    lines = [
        f"Analytic estimate, full FLUX.1-dev step at 1024x1024, 512 base tokens: plain {plain / 1e12:.1f} TFLOP, "
        f"weights {estimate.weight_bytes() / GB:.1f} GB, activations {estimate.activation_bytes(FULL, None, False) / GB:.2f} GB",
        "",
        "| regions | config | control TFLOP (x plain) | later TFLOP (x plain) | schedule x plain | + GB |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for regions in args.regions:
        for variant in args.variants:
            est = full_model_estimate(variant, regions, args)
            control, later, ratio, extra = est.control, est.later, est.ratio, est.extra_bytes
            lines.append(
                f"| {regions} | {variant.name} | {control / 1e12:.1f} ({control / plain:.2f}x) "
                f"| {later / 1e12:.1f} ({later / plain:.2f}x) | {ratio:.2f}x | +{extra / GB:.2f} |"
            )
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--device", default="cpu", help="cpu or cuda (default cpu)")
    parser.add_argument("--size", type=int, help="image side in px (default: cpu 512, cuda 1024)")
    parser.add_argument(
        "--text-len", type=int, help="base T5 tokens = padded region length (cpu 128, cuda 512)"
    )
    parser.add_argument(
        "--own-tokens", type=int, help="tokens per own-length region (default 24 at 512 base tokens, scaled)"
    )
    parser.add_argument("--double", type=int, help="double blocks (default: cpu 1, cuda 19)")
    parser.add_argument("--single", type=int, help="single blocks (default: cpu 2, cuda 38)")
    parser.add_argument("--regions", type=int, nargs="+", default=[2, 4, 8, 16])
    parser.add_argument(
        "--variants",
        type=Variant.parse,
        nargs="+",
        default=None,
        help=f"tokens/copy/attention or 'authors' (default: {' '.join(DEFAULT_VARIANTS)}; "
        f"cuda: {' '.join(CUDA_VARIANTS)})",
    )
    parser.add_argument("--base-ratio", type=float, default=DEFAULTS.base_ratio)
    parser.add_argument("--steps", type=int, default=DEFAULTS.steps)
    parser.add_argument("--control-steps", type=int, default=DEFAULTS.inject_steps)
    parser.add_argument("--warmup", type=int, help="untimed calls per config (cpu 0, cuda 2)")
    parser.add_argument("--repeats", type=int, help="timed calls per config (cpu 1, cuda 5)")
    parser.add_argument(
        "--out",
        default=str(ROOT / "out"),
        help="folder for the results file bench-<device>-<time>.md (default: out/; '-': print only)",
    )
    parser.add_argument(
        "--record", action="store_true", help=f"append the results to {RESULTS.relative_to(ROOT)} instead"
    )
    parser.add_argument("--estimate-only", action="store_true", help="print the analytic table and exit")
    args = parser.parse_args(argv)
    cuda = args.device.startswith("cuda")
    defaults = dict(
        size=1024 if cuda else 512,
        text_len=512 if cuda else 128,
        double=19 if cuda else 1,
        single=38 if cuda else 2,
        warmup=1 if cuda else 0,
        repeats=3 if cuda else 1,
    )
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.own_tokens is None:
        args.own_tokens = max(1, round(24 * args.text_len / 512))
    if args.variants is None:
        args.variants = [Variant.parse(text) for text in (CUDA_VARIANTS if cuda else DEFAULT_VARIANTS)]
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.estimate_only:
        print(estimate_table(args))
        return
    if args.device.startswith("cuda"):
        os.environ.setdefault("TORCHINDUCTOR_CACHE_DIR", "/tmp/inductor")
    text = run(args) + "\n" + estimate_table(args)
    print(text)
    if args.record:
        with open(RESULTS, "a") as handle:
            handle.write("\n" + text)
        print(f"appended to {RESULTS}")
    elif args.out != "-":
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
        path = Path(args.out) / f"bench-{args.device.replace(':', '')}-{stamp}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
