"""On a CUDA device: the same guarantees as on the CPU, plus what only a GPU exercises.

Skipped where torch sees no CUDA device (CI has none); run on a GPU machine with
`python -m pytest tests/test_cuda.py`. The tiny pipeline runs on the GPU in float32 and bfloat16:
the regional path is the one FLUX.1-dev takes, only the weights differ.
"""

import numpy as np
import pytest
import torch
from diffusers.models.transformers.transformer_flux import FluxAttnProcessor
from render_fixtures import pixels, two_halves

import renderer.regional as regional_module
from renderer import render
from renderer.tiny import build_tiny_pipeline

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")

FAST = dict(steps=4, progress=False)
FULL_CONTROL = dict(inject_steps=4, double_interval=1, single_interval=1)
INSIDE_LEFT = (slice(None), slice(0, 56))
INSIDE_RIGHT = (slice(None), slice(200, 256))


@pytest.fixture(scope="module")
def cuda_pipe():
    return build_tiny_pipeline(torch.float32).to("cuda")


@pytest.fixture(scope="module")
def cpu_pipe():
    return build_tiny_pipeline(torch.float32)


def test_the_same_plan_and_seed_render_the_same_on_cuda_and_cpu(cuda_pipe, cpu_pipe):
    on_gpu = pixels(render(two_halves(), pipe=cuda_pipe, **FAST))
    on_cpu = pixels(render(two_halves(), pipe=cpu_pipe, **FAST))
    # The seed drives a CPU generator, so the noise is the same; only kernels differ.
    assert np.abs(on_gpu - on_cpu).mean() < 1.0
    assert np.abs(on_gpu - on_cpu).max() <= 8


def test_rendering_twice_on_cuda_gives_the_same_pixels(cuda_pipe):
    first = pixels(render(two_halves(), pipe=cuda_pipe, seed=5, **FAST))
    second = pixels(render(two_halves(), pipe=cuda_pipe, seed=5, **FAST))
    assert np.array_equal(first, second)


def test_no_leakage_between_regions_on_cuda_at_base_ratio_zero(cuda_pipe):
    first = pixels(render(two_halves("a red lamp"), pipe=cuda_pipe, base_ratio=0.0, **FULL_CONTROL, **FAST))
    second = pixels(
        render(two_halves("a blue zebra, striped"), pipe=cuda_pipe, base_ratio=0.0, **FULL_CONTROL, **FAST)
    )
    assert np.abs(first[INSIDE_LEFT] - second[INSIDE_LEFT]).max() <= 1
    assert np.abs(first[INSIDE_RIGHT] - second[INSIDE_RIGHT]).mean() > 1.0


def test_compiled_flex_attention_matches_sdpa_on_cuda(cuda_pipe):
    dense = pixels(render(two_halves(), pipe=cuda_pipe, attention="sdpa", **FULL_CONTROL, **FAST))
    sparse = pixels(render(two_halves(), pipe=cuda_pipe, attention="flex", **FULL_CONTROL, **FAST))
    assert np.abs(dense - sparse).mean() < 0.5
    assert np.abs(dense - sparse).max() <= 4


def test_the_mask_is_built_on_the_gpu_once_per_call(cuda_pipe, monkeypatch):
    built = []
    original = regional_module.dense_mask
    monkeypatch.setattr(
        regional_module, "dense_mask", lambda bits: built.append(bits.device) or original(bits)
    )
    render(two_halves(), pipe=cuda_pipe, attention="sdpa", **FULL_CONTROL, **FAST)
    assert len(built) == 1
    assert built[0].type == "cuda"


def test_bfloat16_on_cuda_renders_a_picture_and_leaves_the_pipeline_plain():
    pipe = build_tiny_pipeline(torch.bfloat16).to("cuda")
    image = pixels(render(two_halves(), pipe=pipe, **FAST))
    assert image.std() > 1.0  # not a constant (black or NaN) image
    assert all(type(p) is FluxAttnProcessor for p in pipe.transformer.attn_processors.values())
