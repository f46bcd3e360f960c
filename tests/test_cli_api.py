"""The Python API: `renderer.plan_and_render(prompt, **options)` and its result's `.save(dir)`."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PIL import Image

import renderer
from planner.plan import PlanError, load_plan, validate_plan
from renderer.metadata import read_metadata
from renderer.settings import SettingsError
from renderer.workflow import PlanAndRenderResult, plan_and_render

PROMPT = (
    "A cosy reading corner at dusk: a green velvet armchair on the left beside a tall lamp with a "
    "warm glow, a tabby cat asleep on a round rug in the middle, and a bookshelf full of old books "
    "on the right wall."
)
FAST = {"model": "tiny", "steps": 2, "inject_steps": 1, "width": 256, "height": 256, "progress": False}


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def _plan(**extra):
    return validate_plan(
        {
            "base_prompt": "a cosy reading corner at dusk",
            "width": 256,
            "height": 256,
            "regions": [
                {"label": "armchair", "prompt": "a green velvet armchair", "box": [0.05, 0.35, 0.5, 0.95]},
                {"label": "lamp", "prompt": "a tall brass lamp, warm glow", "box": [0.55, 0.05, 0.8, 0.7]},
            ],
            **extra,
        }
    )


def test_the_package_exports_the_api():
    import renderer.workflow  # imported first on purpose: the export must not be shadowed by a submodule

    assert renderer.plan_and_render is renderer.workflow.plan_and_render
    assert renderer.PlanAndRenderResult is renderer.workflow.PlanAndRenderResult
    assert callable(renderer.render)


def test_plan_and_render_returns_everything_and_saves_it(tmp_path):
    result = plan_and_render(PROMPT, planner="rules", seed=11, **FAST)
    assert isinstance(result, PlanAndRenderResult)
    assert result.plan.prompt == PROMPT and len(result.plan.regions) >= 2
    assert result.image.size == (256, 256) and result.overlay.size == (256, 256)
    assert result.layout.size == (768, 768)
    assert (result.settings.seed, result.settings.steps, result.settings.inject_steps) == (11, 2, 1)
    assert result.plan.render.seed == 11 and result.model == "tiny"

    written = result.save(tmp_path / "saved")
    assert set(written) == {"plan", "layout", "image", "overlay"}
    assert sorted(p.name for p in (tmp_path / "saved").iterdir()) == [
        "image.png",
        "layout.png",
        "overlay.png",
        "plan.json",
    ]
    assert load_plan(written["plan"]).model_dump() == result.plan.model_dump()
    found = read_metadata(written["image"])
    assert found.settings == result.settings and found.model == "tiny"
    with Image.open(written["image"]) as image:
        assert np.array_equal(np.asarray(image.convert("RGB")), np.asarray(result.image))


def test_a_ready_plan_and_a_loaded_pipeline_give_what_render_gives(tiny_pipeline):
    plan = _plan()
    result = plan_and_render(plan, pipe=tiny_pipeline, steps=2, inject_steps=1, progress=False)
    alone = renderer.render(plan, pipe=tiny_pipeline, steps=2, inject_steps=1, progress=False)
    assert np.array_equal(np.asarray(result.image), np.asarray(alone))
    assert result.plan.regions == plan.regions


def test_plan_settings_are_used_and_arguments_win():
    plan = _plan(render={"seed": 4, "steps": 3})
    result = plan_and_render(plan, plan_only=True, steps=2)
    assert (result.settings.seed, result.settings.steps) == (4, 2)
    assert result.plan.render.steps == 2


def test_plan_only_skips_rendering(tmp_path):
    result = plan_and_render(PROMPT, planner="rules", plan_only=True, out=tmp_path / "p")
    assert result.image is None and result.overlay is None
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == ["layout.png", "plan.json"]
    assert sorted(result.save(tmp_path / "q")) == ["layout", "plan"]


def test_plan_is_on_disk_before_the_model_loads(tmp_path, monkeypatch, tiny_pipeline):
    out = tmp_path / "out"
    seen = {}

    def fake_load(model, **kwargs):
        seen["files"] = sorted(p.name for p in out.iterdir() if p.name != ".plan-and-render.lock")
        seen["load"] = (model, kwargs)
        return tiny_pipeline

    monkeypatch.setattr("renderer.pipeline._load_checked", fake_load)
    monkeypatch.setattr("renderer.pipeline.check_loadable", lambda model, device: None)  # not cached here
    plan_and_render(_plan(), out=out, seed=9, steps=2, device="cpu", dtype="float32", progress=False)
    assert seen["files"] == ["layout.png", "plan.json"]
    assert seen["load"] == (
        renderer.DEFAULT_MODEL,
        {"device": "cpu", "torch_dtype": torch.float32, "offload": None},
    )
    assert sorted(p.name for p in out.iterdir()) == ["image.png", "layout.png", "overlay.png", "plan.json"]


@pytest.mark.parametrize("entry", ["render", "plan_and_render"])
def test_the_model_is_checked_once_per_render(tmp_path, monkeypatch, entry):
    """check_loadable may ask the hub: it runs once, before the config is read, not again at load."""
    from renderer import pipeline

    calls = []
    real = pipeline.check_loadable
    monkeypatch.setattr(
        pipeline, "check_loadable", lambda model, device: calls.append(model) or real(model, device)
    )
    run = renderer.render if entry == "render" else plan_and_render
    image = run(
        _plan(),
        model="tiny",
        seed=1,
        steps=1,
        progress=False,
        **({} if entry == "render" else {"out": tmp_path}),
    )
    assert calls == ["tiny"]
    assert (image if entry == "render" else image.image).size == (_plan().width, _plan().height)


def test_model_defaults_fill_what_was_not_chosen_and_are_recorded(tmp_path, monkeypatch, tiny_pipeline):
    """A model with its own defaults (like FLUX.1-schnell) gets them; plan.json does not freeze ours."""
    fake_defaults = {"steps": 3, "guidance": 0.0}
    monkeypatch.setattr("renderer.model_defaults.pipeline_model_defaults", lambda pipe: dict(fake_defaults))
    result = plan_and_render(_plan(), pipe=tiny_pipeline, seed=2, out=tmp_path, progress=False)
    assert (result.settings.steps, result.settings.guidance, result.settings.seed) == (3, 0.0, 2)
    assert load_plan(tmp_path / "plan.json").render.given() == {"seed": 2}
    found = read_metadata(tmp_path / "image.png")
    assert found.settings == result.settings
    assert found.plan.render.given() == result.settings.model_dump(exclude_none=True)
    same = renderer.render(found.plan, pipe=tiny_pipeline, progress=False)
    assert np.array_equal(np.asarray(same), np.asarray(result.image))


def test_resize_and_invalid_settings():
    assert plan_and_render(_plan(), plan_only=True, width=512).plan.width == 512
    with pytest.raises(PlanError, match="width"):
        plan_and_render(_plan(), plan_only=True, width=500)
    with pytest.raises(SettingsError, match="invalid setting: steps"):
        plan_and_render(_plan(), plan_only=True, steps=0)


@pytest.fixture(scope="module")
def tiny_pipeline():
    from renderer.tiny import build_tiny_pipeline

    return build_tiny_pipeline()
