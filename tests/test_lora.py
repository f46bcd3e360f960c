"""LoRAs: spec parsing, loading through diffusers with honoured scales, and pipelines that already carry one."""

import numpy as np
import pytest
from extras_fixtures import save_tiny_lora

from planner import InputError, PlanError
from renderer import render
from renderer.lora import (
    LoraError,
    LoraSpec,
    LoraSpecError,
    apply_loras,
    loaded_adapters,
    loader_arguments,
    parse_lora_spec,
    parse_lora_specs,
)
from renderer.tiny import build_tiny_pipeline

FAST = dict(steps=2, inject_steps=2, progress=False)
PLAN = {
    "base_prompt": "a cosy room",
    "width": 256,
    "height": 256,
    "regions": [{"label": "chair", "prompt": "a green chair", "box": [0.0, 0.0, 0.5, 1.0]}],
}


def pixels(image) -> np.ndarray:
    return np.asarray(image, dtype=np.int16)


@pytest.mark.parametrize(
    "text, source, scale",
    [
        ("user/ink-style", "user/ink-style", 1.0),
        ("./ink.safetensors:0.8", "./ink.safetensors", 0.8),
        ("user/ink-style:-0.5", "user/ink-style", -0.5),
        ("C:\\loras\\ink.safetensors", "C:\\loras\\ink.safetensors", 1.0),
        ("C:\\loras\\ink.safetensors:0.3", "C:\\loras\\ink.safetensors", 0.3),
        ("dir/with:colon/ink", "dir/with:colon/ink", 1.0),
        ("ink.safetensors:1e-1", "ink.safetensors", 0.1),
    ],
)
def test_spec_splits_at_the_last_colon_only_before_a_number(text, source, scale):
    assert parse_lora_spec(text) == LoraSpec(source, scale)


@pytest.mark.parametrize("text", [":0.5", "", "ink.safetensors:nan", "ink.safetensors:inf"])
def test_bad_specs_are_input_errors(text):
    with pytest.raises(LoraSpecError, match="LoRA") as info:
        parse_lora_spec(text)
    assert isinstance(info.value, InputError) and not isinstance(info.value, PlanError)


def test_the_same_lora_twice_is_refused():
    with pytest.raises(LoraSpecError, match="given twice"):
        parse_lora_specs(["a.safetensors:0.5", "a.safetensors:1"])


def test_adapter_names_are_stable_and_valid_module_keys():
    name = LoraSpec("C:\\my loras\\ink.v2.safetensors").adapter_name
    assert name == LoraSpec("C:\\my loras\\ink.v2.safetensors", 0.3).adapter_name
    assert "." not in name and " " not in name
    assert name != LoraSpec("other/ink.v2.safetensors").adapter_name


@pytest.fixture(scope="module")
def lora_file(tmp_path_factory):
    return save_tiny_lora(tmp_path_factory.mktemp("lora"))


@pytest.fixture(scope="module")
def own_pipe():
    return build_tiny_pipeline()


def test_lora_changes_the_image_and_scale_zero_equals_no_lora(own_pipe, lora_file):
    plain = pixels(render(PLAN, pipe=own_pipe, **FAST))
    with_lora = pixels(render(PLAN, pipe=own_pipe, loras=[str(lora_file)], **FAST))
    assert np.abs(with_lora - plain).mean() > 1.0
    zero = pixels(render(PLAN, pipe=own_pipe, loras=[f"{lora_file}:0"], **FAST))
    np.testing.assert_array_equal(zero, plain)
    half = pixels(render(PLAN, pipe=own_pipe, loras=[f"{lora_file}:0.5"], **FAST))
    assert 0 < np.abs(half - plain).mean() < np.abs(with_lora - plain).mean()
    assert len(loaded_adapters(own_pipe)) == 1  # loaded once, only the scale changed


def test_a_pipeline_with_a_lora_already_loaded_works_as_is(lora_file):
    reference = pixels(render(PLAN, pipe=build_tiny_pipeline(), loras=[str(lora_file)], **FAST))
    users = build_tiny_pipeline()
    users.load_lora_weights(str(lora_file), adapter_name="mine")
    np.testing.assert_array_equal(pixels(render(PLAN, pipe=users, **FAST)), reference)


def test_a_missing_lora_is_a_one_line_error(own_pipe, tmp_path):
    with pytest.raises(LoraError, match="cannot load LoRA") as caught:
        apply_loras(own_pipe, [str(tmp_path / "missing.safetensors")])
    assert "\n" not in str(caught.value)


def test_loader_arguments_for_files_folders_and_hub_files(tmp_path):
    local = tmp_path / "ink.safetensors"
    local.write_bytes(b"")
    assert loader_arguments(str(local)) == (str(local), {})
    assert loader_arguments(str(tmp_path)) == (str(tmp_path), {})
    assert loader_arguments("owner/repo") == ("owner/repo", {})
    assert loader_arguments("owner/repo/loras/ink.safetensors") == (
        "owner/repo",
        {"weight_name": "loras/ink.safetensors"},
    )
