"""The browser editor's renders: progress per step, one folder per render written as the CLI writes it, cancel."""

import json

import pytest

from planner.plan import Plan
from renderer.metadata import read_metadata
from renderer.ui_render import RenderCancelled, Renderer, next_run_dir


def _plan() -> Plan:
    return Plan(
        prompt="a red kite over a green field",
        base_prompt="a red kite over a green field",
        width=256,
        height=256,
        regions=[
            {"label": "red kite", "prompt": "a red kite", "box": [0.1, 0.1, 0.5, 0.4]},
            {"label": "green field", "prompt": "a green field", "box": [0.0, 0.6, 1.0, 1.0]},
        ],
    )


@pytest.fixture
def renderer(tmp_path, tiny_pipe):
    return Renderer("tiny", tmp_path / "out", pipe=tiny_pipe)  # the session's tiny pipeline


def test_a_render_reports_every_step_and_saves_the_cli_files_in_a_new_folder(renderer):
    steps = []
    result, folder = renderer.render(
        _plan(), {"steps": 3, "seed": 5}, lambda done, total: steps.append((done, total))
    )
    assert steps == [(1, 3), (2, 3), (3, 3)]
    assert folder.parent == renderer.out and folder.name == "0001-a-red-kite-over-a-green-field"
    assert sorted(p.name for p in folder.iterdir()) == ["image.png", "layout.png", "overlay.png", "plan.json"]
    saved = json.loads((folder / "plan.json").read_text())
    assert saved["render"] == {"seed": 5, "steps": 3, "model": "tiny"}
    found = read_metadata(folder / "image.png")
    assert found.plan.regions == _plan().regions
    assert (found.settings.steps, found.settings.seed, found.model) == (3, 5, "tiny")
    _, second = renderer.render(_plan(), {"steps": 1})
    assert second.name.startswith("0002-")


def test_cancel_stops_the_render_and_writes_no_image(renderer):
    def cancel_after_first(done, total):
        renderer.cancel()

    with pytest.raises(RenderCancelled, match="render cancelled: no image was written"):
        renderer.render(_plan(), {"steps": 4}, cancel_after_first)
    folder = next(renderer.out.iterdir())
    assert sorted(p.name for p in folder.iterdir()) == ["layout.png", "plan.json"]  # no temp files either
    steps = []
    renderer.render(_plan(), {"steps": 2}, lambda done, total: steps.append(done))
    assert steps == [1, 2]  # a cancel does not outlive its render


def test_save_plan_writes_the_plan_and_layout_with_the_chosen_settings(renderer):
    folder = renderer.save_plan(_plan(), {"base_ratio": 0.1})
    assert sorted(p.name for p in folder.iterdir()) == ["layout.png", "plan.json"]
    assert json.loads((folder / "plan.json").read_text())["render"] == {"base_ratio": 0.1, "model": "tiny"}


def test_run_folders_count_on_from_the_highest_number(tmp_path):
    (tmp_path / "0007-old").mkdir()
    (tmp_path / "notes").mkdir()
    assert next_run_dir(tmp_path, _plan()).name == "0008-a-red-kite-over-a-green-field"
