"""FLUX.1-schnell-like models: defaults picked from the transformer's config, explicit values still win."""

import json

import pytest
from extras_fixtures import schnell_like_pipeline

from planner import validate_plan
from renderer import render
from renderer.model_defaults import (
    defaults_from_config,
    model_defaults_before_loading,
    model_defaults_for,
    pipeline_model_defaults,
)
from renderer.settings import DEFAULTS, resolve_settings
from renderer.tiny import build_tiny_pipeline

PLAN = {
    "base_prompt": "a cosy room",
    "width": 256,
    "height": 256,
    "regions": [{"label": "chair", "prompt": "a green chair", "box": [0.0, 0.0, 0.5, 1.0]}],
}


def test_a_transformer_without_guidance_embedding_gets_schnell_defaults():
    settings = resolve_settings(model_defaults=pipeline_model_defaults(schnell_like_pipeline()))
    assert (settings.steps, settings.guidance, settings.max_sequence_length) == (4, 0.0, 256)
    assert settings.inject_steps == round(DEFAULTS.inject_steps / DEFAULTS.steps * 4) == 2
    short = resolve_settings(model_defaults=pipeline_model_defaults(schnell_like_pipeline(t5_limit=64)))
    assert short.max_sequence_length == 64  # capped by the tokenizer


def test_a_guidance_distilled_transformer_keeps_the_plain_defaults():
    assert pipeline_model_defaults(build_tiny_pipeline()) == {}
    assert resolve_settings(model_defaults={}) == DEFAULTS


def test_explicit_values_and_plan_settings_win_over_model_defaults():
    model = defaults_from_config({"guidance_embeds": False}, 512)
    assert resolve_settings(model_defaults=model, steps=8).inject_steps == 3  # scaled to 8 steps
    assert resolve_settings(model_defaults=model, guidance=1.5, inject_steps=0).guidance == 1.5
    assert resolve_settings(model_defaults=model, inject_steps=0).inject_steps == 0
    assert resolve_settings(model_defaults=model, max_sequence_length=128).max_sequence_length == 128
    plan = validate_plan({**PLAN, "render": {"steps": 6, "guidance": 2.0}})
    from_plan = resolve_settings(plan, model_defaults=model)
    assert (from_plan.steps, from_plan.guidance, from_plan.inject_steps) == (6, 2.0, 3)
    assert resolve_settings(plan, model_defaults=model, steps=12).steps == 12


def text_lengths_per_step(pipe, **options) -> list[int]:
    """Render PLAN and return the text length the first transformer block saw at each step."""
    lengths = []
    hook = pipe.transformer.transformer_blocks[0].register_forward_pre_hook(
        lambda module, args, kwargs: lengths.append(kwargs["encoder_hidden_states"].shape[1]),
        with_kwargs=True,
    )
    try:
        render(PLAN, pipe=pipe, progress=False, **options)
    finally:
        hook.remove()
    return lengths


def test_render_uses_the_model_defaults_it_finds_on_the_pipeline():
    pipe = schnell_like_pipeline()
    lengths = text_lengths_per_step(pipe)
    # 4 steps; the first 2 carry the regional text after the 256-token base prompt, the last 2 do not.
    assert len(lengths) == 4
    assert lengths[2:] == [256, 256] and all(n > 256 for n in lengths[:2])
    lengths = text_lengths_per_step(pipe, steps=3, inject_steps=1, max_sequence_length=32)
    assert len(lengths) == 3 and lengths[0] > 32 and lengths[1:] == [32, 32]


def test_model_defaults_from_config_files_before_loading(tmp_path, monkeypatch):
    folder = tmp_path / "my-schnell-finetune"
    (folder / "transformer").mkdir(parents=True)
    (folder / "tokenizer_2").mkdir()
    (folder / "transformer" / "config.json").write_text(json.dumps({"guidance_embeds": False}))
    (folder / "tokenizer_2" / "tokenizer_config.json").write_text(json.dumps({"model_max_length": 512}))
    assert model_defaults_for(str(folder))["steps"] == 4
    assert model_defaults_before_loading(str(folder), plan_only=True)["max_sequence_length"] == 256
    (folder / "transformer" / "config.json").write_text(json.dumps({"guidance_embeds": True}))
    assert model_defaults_for(str(folder)) == {}
    assert model_defaults_for("tiny") == {}
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert model_defaults_for("nobody/not-in-the-cache") == {}  # unknown: the plain defaults
    assert model_defaults_before_loading(None, pipe=schnell_like_pipeline())["steps"] == 4


@pytest.mark.parametrize("steps, expected", [(1, 1), (2, 1), (4, 2), (6, 3), (24, 10), (50, 21)])
def test_inject_steps_follow_the_schedule_and_never_drop_to_zero(steps, expected):
    model = defaults_from_config({"guidance_embeds": False})
    assert resolve_settings(model_defaults=model, steps=steps).inject_steps == expected
