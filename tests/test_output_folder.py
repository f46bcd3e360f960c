"""An output folder never mixes two runs: a run holds its folder (a second one is refused), removes
an earlier run's files before writing, a batch resumes only what is unfinished, and SIGTERM stops a
run as Ctrl-C does, leaving nothing half-written.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from hardening_fixtures import within
from PIL import Image

import renderer.pipeline as pipeline_module
from planner.errors import InputError
from renderer.batch import read_batch
from renderer.cli import main
from renderer.metadata import read_metadata
from renderer.out_folder import LOCK_FILE, FolderBusyError, finished_render, own_folder

TINY = ["--model", "tiny", "--planner", "rules", "--width", "256", "--height", "256", "--steps", "1", "-q"]
RUN_FILES = {"plan.json", "layout.png", "image.png", "overlay.png"}


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def earlier_render(folder: Path) -> None:
    """What an earlier run (and an interrupted write) left in a folder, plus a file of the user's."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in RUN_FILES - {"plan.json"}:
        Image.new("RGB", (8, 8), "red").save(folder / name)
    (folder / "plan.json").write_text(json.dumps({"base_prompt": "an earlier plan"}))
    (folder / ".image.png.k2j3h4.tmp").write_bytes(b"half an image")
    (folder / "notes.txt").write_text("mine")


def test_a_second_run_into_a_held_folder_is_refused_with_one_line(tmp_path, capsys):
    out = tmp_path / "out"
    with own_folder(out):
        code = within(30, lambda: main(["a red fox", "--planner", "rules", "--plan-only", "--out", str(out)]))
        assert code == 2
        line = capsys.readouterr().err.strip()
        assert "in use by another plan-and-render run" in line and str(out) in line and "\n" not in line
        assert f"process {os.getpid()}" in line
        assert "plan.json" not in names(out)  # the refused run wrote nothing
        with pytest.raises(FolderBusyError):
            with own_folder(out):
                pass
    assert not (out / LOCK_FILE).exists()  # released and removed
    assert main(["a red fox", "--planner", "rules", "--plan-only", "--out", str(out), "-q"]) == 0
    assert names(out) == {"plan.json", "layout.png"}


def test_a_plan_only_run_removes_the_earlier_render_and_keeps_other_files(tmp_path):
    out = tmp_path / "out"
    earlier_render(out)
    assert main(["a white owl", "--planner", "rules", "--plan-only", "--out", str(out), "-q"]) == 0
    assert names(out) == {"plan.json", "layout.png", "notes.txt"}
    assert "owl" in json.loads((out / "plan.json").read_text())["base_prompt"]


def test_a_failed_rerender_leaves_no_earlier_image_beside_the_new_plan(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    earlier_render(out)

    def broken(*args, **kwargs):
        raise RuntimeError("the GPU caught fire")

    monkeypatch.setattr(pipeline_module, "render_prepared", broken)
    assert main(["a white owl", *TINY, "--out", str(out)]) == 1
    assert names(out) == {"plan.json", "layout.png", "notes.txt"}


def test_rendering_the_folders_own_plan_again_works(tmp_path):
    out = tmp_path / "out"
    assert main(["a red fox on the left", *TINY, "--out", str(out)]) == 0
    assert (
        main(["--plan", str(out / "image.png"), "--seed", "5", "--model", "tiny", "--out", str(out), "-q"])
        == 0
    )
    assert names(out) == RUN_FILES and read_metadata(out / "image.png").settings.seed == 5


def test_an_unwritable_output_folder_names_the_folder(tmp_path, capsys):
    target = Path("/sys")  # exists, and not even root may create files in it
    if sys.platform != "linux" or os.access(target, os.W_OK) and _can_write(target):
        pytest.skip("needs a folder this user cannot write into")
    assert main(["a red fox", "--planner", "rules", "--plan-only", "--out", str(target)]) == 2
    line = capsys.readouterr().err.strip()
    assert f"output folder {target} is not writable" in line and ".tmp" not in line


def _can_write(folder: Path) -> bool:
    try:
        (folder / ".probe").touch()
    except OSError:
        return False
    (folder / ".probe").unlink()
    return True


def test_own_folder_refuses_a_path_that_is_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="cannot create output folder"):
        with own_folder(tmp_path / "file" / "out"):
            pass


def test_sigterm_stops_a_run_like_ctrl_c(tmp_path, monkeypatch, capsys):
    if not hasattr(signal, "SIGTERM") or sys.platform == "win32":
        pytest.skip("POSIX signals")
    out = tmp_path / "out"

    def terminated(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler interrupts this
        raise AssertionError("SIGTERM did not stop the run")

    monkeypatch.setattr(pipeline_module, "render_prepared", terminated)
    assert main(["a red fox", *TINY, "--out", str(out)]) == 143
    assert capsys.readouterr().err.strip() == "plan-and-render: interrupted (SIGTERM)"
    assert names(out) == {"plan.json", "layout.png"}  # nothing half-written, no temp files, no lock
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL or signal.getsignal(signal.SIGTERM) is not None


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    if sys.platform == "win32":
        pytest.skip("POSIX signals")
    import planner.plan as plan_module

    real_replace = os.replace

    def replace_after_sigterm(source, target):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
        real_replace(source, target)

    monkeypatch.setattr(plan_module.os, "replace", replace_after_sigterm)
    out = tmp_path / "out"
    assert main(["a red fox", "--planner", "rules", "--plan-only", "--out", str(out)]) == 143
    monkeypatch.undo()
    assert names(out) == set()


# ------------------------------------------------------------------ batches
def test_a_batch_resumes_only_what_is_unfinished(tmp_path, render_counter, capsys):
    batch = tmp_path / "jobs.txt"
    batch.write_text("a red fox\na white owl\na green teapot\na blue boat\n")
    out = tmp_path / "out"
    assert main(["--batch", str(batch), "--out", str(out), *TINY]) == 0
    fox, owl, teapot, boat = (out / item.name for item in read_batch(batch))
    assert all(finished_render(folder) for folder in (fox, owl, teapot, boat))
    render_counter.clear()
    capsys.readouterr()

    (owl / "overlay.png").unlink()  # interrupted between image.png and overlay.png
    (owl / ".image.png.x1y2.tmp").write_bytes(b"half")  # and a write killed halfway
    plan = json.loads((teapot / "plan.json").read_text())  # a plan.json that is not image.png's plan
    plan["base_prompt"] = "a green teapot, edited"
    (teapot / "plan.json").write_text(json.dumps(plan))
    (boat / "plan.json").unlink()  # a render with its plan.json missing
    stamp = (owl / "image.png").stat().st_mtime_ns

    assert main(["--batch", str(batch), "--out", str(out), *TINY[:-1]]) == 0
    said = capsys.readouterr().out
    assert len(render_counter) == 2  # the teapot and the boat, from their batch lines
    assert names(owl) == RUN_FILES and (owl / "image.png").stat().st_mtime_ns == stamp
    assert "redrew overlay.png" in said and said.count("skipped (finished") == 2
    for folder in (fox, owl, teapot, boat):
        assert names(folder) == RUN_FILES and finished_render(folder), folder.name
    assert json.loads((teapot / "plan.json").read_text())["base_prompt"] != "a green teapot, edited"


def test_checking_a_50000_line_batch_for_duplicate_names_is_fast(tmp_path):
    batch = tmp_path / "jobs.jsonl"
    lines = [json.dumps({"prompt": f"thing number {i}", "name": f"n{i}"}) for i in range(50_000)]
    batch.write_text("\n".join(lines) + "\n")
    started = time.process_time()  # CPU time: a busy CI machine must not fail this
    assert len(within(120, lambda: read_batch(batch))) == 50_000
    assert time.process_time() - started < 5  # was 25 s, quadratic in the number of lines
    batch.write_text("\n".join([*lines, json.dumps({"prompt": "again", "name": "n7"})]) + "\n")
    with pytest.raises(
        InputError, match=r"jobs.jsonl:8: name 'n7' is used by more than one item \(again on line 50001\)"
    ):
        within(120, lambda: read_batch(batch))
