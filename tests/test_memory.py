"""Memory savers: diffusers' CPU offload (from render() and the CLI) and a transformer quantized by the user."""

import warnings

import numpy as np
import pytest
import torch
from diffusers import FluxPipeline
from diffusers.models.transformers.transformer_flux import FluxAttnProcessor
from extras_fixtures import PLAN, control_picture, pixels, tiny_controlnet

from renderer import render
from renderer.cli import main
from renderer.controlnet import controlnet_pipeline
from renderer.tiny import build_tiny_pipeline

FAST = dict(steps=2, inject_steps=2, progress=False)


@pytest.fixture(scope="module")
def reference():
    return pixels(render(PLAN, pipe=build_tiny_pipeline(), **FAST))


def test_model_offload_renders_the_same_image_with_regions(reference):
    pipe = build_tiny_pipeline()
    pipe.enable_model_cpu_offload(device="cpu")  # the hooks are what matters; CPU stands in for the GPU
    assert pipe._all_hooks
    np.testing.assert_array_equal(pixels(render(PLAN, pipe=pipe, **FAST)), reference)


def test_a_controlnet_pipeline_built_on_an_offloaded_pipe_offloads_the_controlnet_too():
    pipe = build_tiny_pipeline()
    pipe.enable_model_cpu_offload(device="cpu")
    controlnet = tiny_controlnet()
    built = controlnet_pipeline(pipe, controlnet)
    assert len(built._all_hooks) == len(pipe._all_hooks) + 1
    assert getattr(controlnet, "_hf_hook", None) is not None
    assert render(PLAN, pipe=built, control_image=control_picture(), **FAST).size == (256, 256)


@pytest.fixture
def fake_hub_model(monkeypatch):
    """FluxPipeline.from_pretrained returns the tiny pipeline, so the real-model loading path runs on CPU."""
    loaded = []

    def from_pretrained(name, **kwargs):
        pipe = build_tiny_pipeline()
        pipe.sequential_calls = []
        pipe.enable_sequential_cpu_offload = lambda **kw: pipe.sequential_calls.append(kw)  # needs a GPU
        loaded.append(pipe)
        return pipe

    monkeypatch.setattr(FluxPipeline, "from_pretrained", staticmethod(from_pretrained))
    monkeypatch.setattr("renderer.pipeline.check_model_source", lambda model, **kwargs: None)  # "on the hub"
    return loaded


def test_render_offload_reaches_diffusers(fake_hub_model, reference):
    image = render(PLAN, model="someone/flux-finetune", device="cpu", offload="model", **FAST)
    assert fake_hub_model[-1]._all_hooks  # enable_model_cpu_offload ran
    np.testing.assert_array_equal(pixels(image), reference)
    render(PLAN, model="someone/flux-finetune", device="cpu", offload="sequential", **FAST)
    assert fake_hub_model[-1].sequential_calls == [{"device": torch.device("cpu")}]


def test_cli_offload_flag_reaches_diffusers(fake_hub_model, tmp_path):
    out = tmp_path / "out"
    args = ["a red fox", "--out", str(out), "--planner", "rules", "--width", "256", "--height", "256"]
    args += [
        "--model",
        "someone/flux-finetune",
        "--device",
        "cpu",
        "--offload",
        "model",
        "--steps",
        "2",
        "-q",
    ]
    assert main(args) == 0
    assert fake_hub_model[-1]._all_hooks and (out / "image.png").is_file()


def test_a_quantized_transformer_renders_with_regions(reference):
    """Dynamic int8 Linear layers (no nn.Linear weights left): a CPU stand-in for bitsandbytes/torchao/GGUF."""
    if not hasattr(torch.ao.quantization, "quantize_dynamic"):
        pytest.skip("this torch has no eager dynamic quantization")
    pipe = build_tiny_pipeline()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.ao.quantization.quantize_dynamic(
            pipe.transformer, {torch.nn.Linear}, dtype=torch.qint8, inplace=True
        )
    assert not any(type(module) is torch.nn.Linear for module in pipe.transformer.modules())
    regional = pixels(render(PLAN, pipe=pipe, **FAST))
    plain = pixels(render(PLAN, pipe=pipe, **{**FAST, "inject_steps": 0}))
    assert np.abs(regional - plain).mean() > 0.5  # regional control acts on the quantized model
    assert np.abs(regional - reference).mean() < 5  # and it is still the same picture, quantized
    assert all(type(p) is FluxAttnProcessor for p in pipe.transformer.attn_processors.values())
