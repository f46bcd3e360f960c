"""The shipped examples: long prompts with valid 2-8 region plans, square and non-square, and their layouts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from planner.plan import load_plan
from renderer.cli import main
from renderer.metadata import read_metadata

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ENTRIES = json.loads((EXAMPLES / "prompts.json").read_text(encoding="utf-8"))


def test_at_least_six_examples_square_and_not():
    assert len(ENTRIES) >= 6
    shapes = {entry["width"] == entry["height"] for entry in ENTRIES}
    assert shapes == {True, False}


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["name"] for entry in ENTRIES])
def test_example_folder_holds_prompt_plan_and_layout(entry):
    folder = EXAMPLES / entry["name"]
    assert (folder / "prompt.txt").read_text(encoding="utf-8").strip() == entry["prompt"]
    assert len(entry["prompt"].split()) >= 40, "examples are long prompts"
    plan = load_plan(folder / "plan.json")
    assert plan.prompt == entry["prompt"]
    assert (plan.width, plan.height) == (entry["width"], entry["height"])
    assert 2 <= len(plan.regions) <= 8
    with Image.open(folder / "layout.png") as layout:
        assert abs(layout.width / layout.height - plan.width / plan.height) < 0.01


def test_the_edited_example_with_a_mask_renders_with_the_cli(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.chdir(tmp_path)  # the mask path is taken from the plan's folder, not from here
    plan = load_plan(EXAMPLES / "reading-corner-edited" / "plan.json")
    masks = [region for region in plan.regions if region.mask]
    assert masks and all(plan.mask_source(region).is_file() for region in masks)
    assert plan.render is not None and plan.render.seed == 7
    argv = ["--plan", str(EXAMPLES / "reading-corner-edited" / "plan.json"), "--model", "tiny"]
    argv += ["--steps", "2", "--width", "256", "--height", "256", "--out", "out", "-q"]
    assert main(argv) == 0
    assert read_metadata(tmp_path / "out" / "image.png").settings.seed == 7
    written = load_plan(tmp_path / "out" / "plan.json")
    assert [r.label for r in written.regions if r.inline_mask] == [r.label for r in masks]
