"""ControlNet with regional control: a tiny FluxControlNetModel built in code, on the tiny FLUX pipeline."""

import numpy as np
import pytest
from diffusers import FluxControlNetPipeline
from diffusers.models.transformers.transformer_flux import FluxAttnProcessor
from extras_fixtures import PLAN, control_picture, pixels, tiny_controlnet

from renderer import render
from renderer.attention import RegionalFluxAttnProcessor
from renderer.controlnet import ControlInputError, controlnet_pipeline
from renderer.tiny import build_tiny_pipeline

FAST = dict(steps=2, inject_steps=2, double_interval=1, single_interval=1, progress=False)


@pytest.fixture(scope="module")
def pipe():
    return build_tiny_pipeline()


@pytest.fixture(scope="module")
def controlnet():
    return tiny_controlnet()


def test_controlnet_runs_with_regional_control_active(pipe, controlnet):
    seen = {}

    def watch_controlnet(module, args, kwargs):
        seen.setdefault("controlnet_text", kwargs["encoder_hidden_states"].shape[1])
        seen.setdefault("controlnet_processors", {type(p) for p in module.attn_processors.values()})
        seen.setdefault(
            "transformer_processors", {type(p) for p in pipe.transformer.attn_processors.values()}
        )

    handle = controlnet.register_forward_pre_hook(watch_controlnet, with_kwargs=True)
    try:
        regional = pixels(
            render(PLAN, pipe=pipe, controlnet=controlnet, control_image=control_picture(), **FAST)
        )
    finally:
        handle.remove()
    # During the call the transformer runs regional attention while the ControlNet keeps stock
    # processors and sees only the base prompt (the tiny T5 length, 64 tokens).
    assert seen["transformer_processors"] == {RegionalFluxAttnProcessor}
    assert seen["controlnet_processors"] == {FluxAttnProcessor}
    assert seen["controlnet_text"] == 64
    off = pixels(
        render(
            PLAN,
            pipe=pipe,
            controlnet=controlnet,
            control_image=control_picture(),
            **{**FAST, "inject_steps": 0},
        )
    )
    assert np.abs(regional - off).mean() > 0.05  # the regions act
    no_controlnet = pixels(render(PLAN, pipe=pipe, **FAST))
    assert np.abs(regional - no_controlnet).mean() > 1.0  # the ControlNet acts
    assert all(type(p) is FluxAttnProcessor for p in pipe.transformer.attn_processors.values())
    assert type(pipe) is not FluxControlNetPipeline  # the user's pipeline is left as it was


def test_control_scale_zero_equals_no_controlnet_and_files_work(pipe, controlnet, tmp_path):
    path = tmp_path / "edges.png"
    control_picture().save(path)
    zero = render(PLAN, pipe=pipe, controlnet=controlnet, control_image=str(path), control_scale=0.0, **FAST)
    np.testing.assert_array_equal(pixels(zero), pixels(render(PLAN, pipe=pipe, **FAST)))


def test_a_controlnet_pipeline_can_be_passed_in(pipe, controlnet):
    built = controlnet_pipeline(pipe, controlnet)
    assert isinstance(built, FluxControlNetPipeline) and built.transformer is pipe.transformer
    image = render(PLAN, pipe=built, control_image=control_picture(), **FAST)
    reference = render(PLAN, pipe=pipe, controlnet=controlnet, control_image=control_picture(), **FAST)
    np.testing.assert_array_equal(pixels(image), pixels(reference))
    with pytest.raises(ControlInputError, match="control image"):
        render(PLAN, pipe=built, **FAST)


def test_union_controlnet_needs_a_mode_in_range(pipe):
    union = tiny_controlnet(num_mode=3)
    image = render(PLAN, pipe=pipe, controlnet=union, control_image=control_picture(), control_mode=2, **FAST)
    assert image.size == (256, 256)
    with pytest.raises(ControlInputError, match="--control-mode"):
        render(PLAN, pipe=pipe, controlnet=union, control_image=control_picture(), **FAST)
    with pytest.raises(ControlInputError, match="out of range"):
        render(PLAN, pipe=pipe, controlnet=union, control_image=control_picture(), control_mode=3, **FAST)


def test_control_input_errors_come_before_any_model_loads(tmp_path):
    # The default model would be refused here (no CUDA); the input error must come first.
    with pytest.raises(ControlInputError, match="does not exist"):
        render(PLAN, controlnet="some/controlnet", control_image=str(tmp_path / "missing.png"))
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    with pytest.raises(ControlInputError, match="cannot read control image"):
        render(PLAN, controlnet="some/controlnet", control_image=str(broken))
    with pytest.raises(ControlInputError, match="needs a ControlNet"):
        render(PLAN, control_image=control_picture())
    with pytest.raises(ControlInputError, match="scale"):
        render(PLAN, controlnet="some/controlnet", control_image=control_picture(), control_scale=-1)
    with pytest.raises(ControlInputError, match="no modes"):
        render(
            PLAN,
            pipe=build_tiny_pipeline(),
            controlnet=tiny_controlnet(),
            control_image=control_picture(),
            control_mode=1,
        )


def test_controlnet_residuals_follow_the_flex_token_order(pipe, controlnet):
    # The flex path sorts image tokens by region during controlled steps; the ControlNet's
    # per-token residuals must move with them, so flex and SDPA give the same picture.
    flex = pixels(
        render(
            PLAN, pipe=pipe, controlnet=controlnet, control_image=control_picture(), attention="flex", **FAST
        )
    )
    sdpa = pixels(
        render(
            PLAN, pipe=pipe, controlnet=controlnet, control_image=control_picture(), attention="sdpa", **FAST
        )
    )
    assert np.abs(flex - sdpa).max() <= 2
