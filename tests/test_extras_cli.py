"""The extras from the command line: --lora with a scale, --controlnet from a folder, a schnell-like model folder."""

import numpy as np
import pytest
from extras_fixtures import control_picture, save_tiny_lora, schnell_like_pipeline, tiny_controlnet
from PIL import Image

from renderer.cli import main
from renderer.metadata import read_metadata

BASE = ["a red fox on the left and a white owl on the right", "--planner", "rules"]
BASE += ["--width", "256", "--height", "256", "--steps", "2", "-q"]


def run(tmp_path, name: str, *extra: str) -> np.ndarray:
    out = tmp_path / name
    assert main([*BASE, "--model", "tiny", *extra, "--out", str(out)]) == 0
    return np.asarray(Image.open(out / "image.png"), dtype=np.int16)


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    return run(tmp_path_factory.mktemp("plain"), "out")


def test_cli_lora_flag_honours_the_scale(tmp_path, plain):
    lora = save_tiny_lora(tmp_path / "lora")
    assert np.abs(run(tmp_path, "full", "--lora", str(lora)) - plain).mean() > 1.0
    np.testing.assert_array_equal(run(tmp_path, "zero", "--lora", f"{lora}:0"), plain)


def test_cli_controlnet_from_a_folder_with_a_control_image(tmp_path, plain):
    tiny_controlnet().save_pretrained(tmp_path / "controlnet")
    control_picture().save(tmp_path / "edges.png")
    args = ["--controlnet", str(tmp_path / "controlnet"), "--control-image", str(tmp_path / "edges.png")]
    assert np.abs(run(tmp_path, "cn", *args, "--control-scale", "1") - plain).mean() > 1.0
    np.testing.assert_array_equal(run(tmp_path, "cn0", *args, "--control-scale", "0"), plain)


def test_cli_schnell_like_model_folder_gets_its_defaults_and_flags_still_win(tmp_path):
    schnell_like_pipeline().save_pretrained(tmp_path / "my-distilled-flux")
    model = ["--model", str(tmp_path / "my-distilled-flux"), "--device", "cpu", "--dtype", "float32"]
    args = [arg for arg in BASE if arg not in ("--steps", "2")]
    assert main([*args, *model, "--out", str(tmp_path / "a")]) == 0
    settings = read_metadata(tmp_path / "a" / "image.png").settings
    assert (settings.steps, settings.guidance, settings.max_sequence_length, settings.inject_steps) == (
        4,
        0.0,
        256,
        2,
    )
    assert main([*args, *model, "--steps", "3", "--guidance", "1", "--out", str(tmp_path / "b")]) == 0
    settings = read_metadata(tmp_path / "b" / "image.png").settings
    assert (settings.steps, settings.guidance, settings.inject_steps) == (3, 1.0, 1)


def test_readme_commands_use_flags_that_exist():
    import re
    import shlex
    from pathlib import Path

    from renderer.cli import build_parser

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    commands = [line for block in blocks for line in block.replace("\\\n", " ").splitlines()]
    checked = 0
    for line in commands:
        words = shlex.split(line, comments=True)
        if "renderer.cli" in words:
            words = ["plan-and-render", *words[words.index("renderer.cli") + 1 :]]
        if words[:1] != ["plan-and-render"]:
            continue
        build_parser().parse_args(words[1:])  # raises on an unknown flag or a bad value
        checked += 1
    assert checked >= 6
