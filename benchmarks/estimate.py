"""Analytic FLOP and memory model of one FLUX.1-dev transformer step, per configuration.

Counts what dominates at FLUX's size: the per-token linear layers of each block (q, k, v and
output projections plus the 4x MLP: 24 d^2 multiply-adds x 2 per token in a double block's
stream and in a single block alike), the context embedder on text tokens, and attention
(QK^T and PV: 4 d Sq Sk FLOPs per attention). Memory: the weights, the largest block's transient
activations (about 16 d values per token in bf16, a rough count of what is alive in a single
block at its peak), and the regional mask (bool S^2 for SDPA plus the additive copy CUDA's
memory-efficient kernel makes; a BlockMask is negligible). It is a model, to read CPU timings
against, not a measurement.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 3072
T5_WIDTH = 4096
DOUBLE_BLOCKS, SINGLE_BLOCKS = 19, 38
PARAMS = 11.9e9  # FLUX.1-dev transformer
BYTES = 2  # bf16
ACTIVATION_VALUES_PER_TOKEN = 16 * WIDTH


@dataclass(frozen=True)
class Shape:
    """Token counts of one call: base text, all regional text, image."""

    base_len: int
    regional_len: int
    image_len: int


@dataclass(frozen=True)
class Config:
    """A regional configuration; `authors` adds the duplicate base stream on non-control steps."""

    copy: bool
    flex: bool
    authors: bool = False


def _linear(tokens: int) -> float:
    return 2 * 12 * WIDTH * WIDTH * tokens


def _attention(queries: int, keys: int) -> float:
    return 4 * WIDTH * queries * keys


def plain_flops(shape: Shape, double: int = DOUBLE_BLOCKS, single: int = SINGLE_BLOCKS) -> float:
    """FLOPs of one plain FLUX step on [base text ; image]."""
    seq = shape.base_len + shape.image_len
    block = _linear(seq) + _attention(seq, seq)
    return 2 * T5_WIDTH * WIDTH * shape.base_len + (double + single) * block


def control_flops(
    shape: Shape,
    config: Config,
    density: float,
    base_ratio: float,
    single_interval: int = 2,
    double: int = DOUBLE_BLOCKS,
    single: int = SINGLE_BLOCKS,
) -> float:
    """FLOPs of one controlled step. `density`: fraction of the regional attention computed in
    masked blocks (1 for dense SDPA; the share of non-empty tiles for a BlockMask)."""
    nb, nr, ni = shape.base_len, shape.regional_len, shape.image_len
    base_queries = nb if base_ratio == 0 else nb + ni
    base = _attention(base_queries, nb + ni)
    regional = _attention(nr + ni, nr + ni)
    masked_single = -(-single // single_interval)
    text = 2 * T5_WIDTH * WIDTH * (nb + nr)
    doubles = double * (_linear(nb + nr + ni) + base + regional * (density if config.flex else 1.0))
    copy_rows = ni if config.copy else 0
    single_base = _attention(nb + ni, nb + ni) if config.copy else base
    singles = single * (_linear(nb + nr + ni + copy_rows) + single_base + regional)
    if config.flex:
        singles -= masked_single * regional * (1.0 - density)
    return text + doubles + singles


def noncontrol_flops(shape: Shape, config: Config, single: int = SINGLE_BLOCKS) -> float:
    """After the inject steps: plain FLUX, plus the duplicate stream in the authors' code."""
    extra = 0.0
    if config.authors:
        seq = shape.base_len + shape.image_len
        extra = single * (_linear(seq) + _attention(seq, seq))
    return plain_flops(shape) + extra


def activation_bytes(shape: Shape, config: Config | None, regional: bool) -> float:
    """Peak transient bytes of one step (weights excluded)."""
    nb, nr, ni = shape.base_len, shape.regional_len, shape.image_len
    if config is None or not regional:
        rows = nb + ni + (ni if config is not None and config.authors else 0)
        return BYTES * ACTIVATION_VALUES_PER_TOKEN * rows
    rows = nb + nr + ni + (ni if config.copy else 0)
    mask = 0.0 if config.flex else (nr + ni) ** 2 * (1 + BYTES)
    return BYTES * ACTIVATION_VALUES_PER_TOKEN * rows + mask


def weight_bytes() -> float:
    return PARAMS * BYTES


def schedule(control: float, noncontrol: float, steps: int, control_steps: int) -> float:
    """Whole-schedule total from per-step numbers (control in the first `control_steps`)."""
    control_steps = min(control_steps, steps)
    return control_steps * control + (steps - control_steps) * noncontrol
