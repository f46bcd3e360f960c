"""PNG metadata: the plan and settings travel inside image.png and come back out intact."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image, PngImagePlugin

from planner.plan import PlanError, validate_plan
from renderer.inputs import RenderInputs
from renderer.metadata import (
    METADATA_KEY,
    PARAMETERS_KEY,
    PlanImageError,
    is_png,
    parameters_text,
    png_bytes,
    read_metadata,
    save_png,
)
from renderer.settings import DEFAULTS, SettingsError, resolve_settings


def _plan(**overrides):
    data = {
        "prompt": "Ein Fuchs im Schnee, links eine Laterne — «ganz ruhig»",
        "base_prompt": "a red fox in deep snow at night, a lantern on the left, quiet mood",
        "background_prompt": "snowy forest, night",
        "width": 1280,
        "height": 768,
        "regions": [
            {"label": "red fox", "prompt": "a red fox, thick winter fur", "box": [0.5, 0.4, 0.9, 0.95]},
            {"label": "lantern", "prompt": "an old iron lantern, warm glow", "box": [0.05, 0.1, 0.3, 0.7]},
        ],
    }
    data.update(overrides)
    return validate_plan(data)


def _image(size=(64, 48)):
    return Image.new("RGB", size, (10, 120, 200))


def test_parameters_line_is_a1111_style():
    settings = resolve_settings(seed=7, steps=24, guidance=3.5)
    text = parameters_text(_plan(), settings, "black-forest-labs/FLUX.1-dev")
    prompt, line = text.rsplit("\n", 1)
    assert prompt == "a red fox in deep snow at night, a lantern on the left, quiet mood"
    assert line.startswith("Steps: 24, Sampler: Euler (flow), CFG scale: 3.5, Seed: 7, Size: 1280x768, ")
    assert "Model: black-forest-labs/FLUX.1-dev" in line
    assert "Regions: 2" in line
    assert "Base ratio: 0.2" in line and "Inject steps: 10" in line


def test_parameters_quote_values_with_commas():
    plan = _plan(regions=[{"label": "fox, red", "prompt": "p", "box": [0, 0, 1, 1]}])
    line = parameters_text(plan, DEFAULTS, None).rsplit("\n", 1)[1]
    assert 'Region labels: "fox, red"' in line
    assert "Model" not in line


def test_round_trip_plan_settings_and_model(tmp_path):
    plan = _plan()
    settings = resolve_settings(seed=123, steps=5, base_ratio=0.15, regional_tokens="own", base_copy=False)
    path = save_png(tmp_path / "image.png", _image(), plan, settings, "tiny")
    found = read_metadata(path)
    assert found.plan.model_dump(exclude={"render"}) == plan.model_dump(exclude={"render"})
    assert found.settings == settings
    assert found.model == "tiny"
    # the plan read back carries every setting and the model: it renders the same on its own
    assert (
        found.plan.render.given() == settings.model_dump(exclude_none=True)
        and found.plan.render.model == "tiny"
    )
    with Image.open(path) as image:
        assert image.info[PARAMETERS_KEY].startswith(plan.base_prompt)
        assert json.loads(image.info[METADATA_KEY])["settings"]["seed"] == 123
        assert image.size == (64, 48)


def test_pixels_are_unchanged_by_metadata():
    image = Image.effect_noise((32, 32), 50).convert("RGB")
    with Image.open(io.BytesIO(png_bytes(image, _plan(), DEFAULTS, "tiny"))) as back:
        assert np.array_equal(np.asarray(back.convert("RGB")), np.asarray(image))


def test_relative_mask_paths_resolve_from_the_image_folder(tmp_path):
    plan = _plan(regions=[{"label": "blob", "prompt": "a blob", "mask": "masks/blob.png"}])
    path = save_png(tmp_path / "sub" / "image.png", _image(), plan, DEFAULTS, None)
    found = read_metadata(path)
    assert (
        found.plan.mask_source(found.plan.regions[0]) == (tmp_path / "sub" / "masks" / "blob.png").resolve()
    )


def test_plain_png_carries_no_plan(tmp_path):
    path = save_png(tmp_path / "plain.png", _image())
    with pytest.raises(PlanImageError, match="carries no plan"):
        read_metadata(path)


def test_broken_metadata_names_the_problem(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_itxt(METADATA_KEY, json.dumps({"plan": {"base_prompt": "x", "width": 300}}))
    path = tmp_path / "bad.png"
    _image().save(path, pnginfo=info)
    with pytest.raises(PlanError, match=r"width: 300 is not a multiple of 16"):
        read_metadata(path)

    info = PngImagePlugin.PngInfo()
    info.add_itxt(METADATA_KEY, "{not json")
    _image().save(path, pnginfo=info)
    with pytest.raises(PlanError, match="not valid JSON"):
        read_metadata(path)

    info = PngImagePlugin.PngInfo()
    info.add_itxt(METADATA_KEY, json.dumps({"plan": {"base_prompt": "x"}, "settings": {"steps": 0}}))
    _image().save(path, pnginfo=info)
    with pytest.raises(SettingsError, match="settings: steps: Input should be greater than or equal to 1"):
        read_metadata(path)


def test_unreadable_files(tmp_path):
    with pytest.raises(PlanImageError, match="cannot read image"):
        read_metadata(tmp_path / "missing.png")
    garbage = tmp_path / "garbage.png"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    with pytest.raises(PlanImageError, match="cannot read image"):
        read_metadata(garbage)
    assert is_png(garbage)
    assert not is_png(tmp_path / "missing.png")
    (tmp_path / "plan.json").write_text("{}")
    assert not is_png(tmp_path / "plan.json")


def test_save_png_is_atomic_and_leaves_no_temporary_files(tmp_path):
    save_png(tmp_path / "image.png", _image(), _plan(), DEFAULTS, "tiny")
    save_png(tmp_path / "image.png", _image((16, 16)), _plan(), DEFAULTS, "tiny")
    assert [p.name for p in tmp_path.iterdir()] == ["image.png"]
    with Image.open(tmp_path / "image.png") as image:
        assert image.size == (16, 16)


def test_lora_and_controlnet_inputs_are_recorded_when_they_can_be(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ink.safetensors").write_bytes(b"")
    (tmp_path / "edges.png").write_bytes(b"")
    inputs = RenderInputs(
        loras=["ink.safetensors:0.8", "someone/flux-lora"],
        controlnet="someone/flux-controlnet-union",
        control_image="edges.png",
        control_mode=2,
        control_scale=0.5,
        device="cpu",
        dtype="float32",
        offload=None,
    )
    path = save_png(tmp_path / "image.png", _image(), _plan(), DEFAULTS, "m", inputs)
    found = read_metadata(path)
    assert found.inputs.recordable() == {
        "loras": [f"{tmp_path / 'ink.safetensors'}:0.8", "someone/flux-lora"],
        "controlnet": "someone/flux-controlnet-union",
        "control_image": str(tmp_path / "edges.png"),
        "control_mode": 2,
        "control_scale": 0.5,
        "device": "cpu",
        "dtype": "float32",
    }
    with Image.open(path) as image:
        line = image.info[PARAMETERS_KEY].rsplit("\n", 1)[1]
    assert 'LoRAs: "ink.safetensors:0.8; flux-lora"' in line
    assert "ControlNet: someone/flux-controlnet-union, Control mode: 2, Control scale: 0.5" in line
    # objects cannot be written down: left out
    without = save_png(
        tmp_path / "b.png", _image(), _plan(), DEFAULTS, "m", RenderInputs(control_image=_image())
    )
    assert read_metadata(without).inputs == RenderInputs()


def test_a_plan_too_large_for_a_text_chunk_is_left_out_and_the_image_says_so(tmp_path, monkeypatch):
    """An image.png never carries a plan it could not read back: the plan.json beside it has it."""
    import renderer.metadata as metadata

    plan = _plan()
    monkeypatch.setattr(metadata, "MAX_TEXT_BYTES", len(metadata.metadata_json(plan, DEFAULTS, "tiny")) - 1)
    path = save_png(tmp_path / "image.png", _image(), plan, DEFAULTS, "tiny")
    with Image.open(path) as image:
        assert METADATA_KEY not in image.info and image.info[PARAMETERS_KEY].startswith(plan.base_prompt)
    with pytest.raises(PlanImageError, match="larger than .* pass the plan.json written beside it"):
        read_metadata(path)


def test_text_chunks_up_to_the_limit_read_back_from_any_thread(tmp_path):
    """Pillow's text-chunk limit is raised once for the process, not per read (threads would race)."""
    from concurrent.futures import ThreadPoolExecutor

    from renderer.safe_image import MAX_TEXT_BYTES

    assert PngImagePlugin.MAX_TEXT_CHUNK >= MAX_TEXT_BYTES
    from planner.plan import mask_data_url

    noise = io.BytesIO()
    Image.effect_noise((1024, 1024), 90).save(noise, format="PNG")  # ~1 MB: incompressible
    mask = mask_data_url(noise.getvalue())
    assert len(mask) > 1 << 20  # over Pillow's default limit of 1 MiB for one text chunk
    plan = _plan(regions=[{"label": "blob", "prompt": "a blob", "mask": mask}])
    path = save_png(tmp_path / "image.png", _image(), plan, DEFAULTS, "tiny")
    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(lambda _: read_metadata(path).plan.regions[0].mask, range(8)))
    assert found == [mask] * 8
