"""Batches: the batch file, one folder per item, failures that do not stop the rest, reruns, accelerate."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from renderer.batch import BatchFileError, read_batch, slug
from renderer.cli import main
from renderer.metadata import read_metadata

ROOT = Path(__file__).resolve().parents[1]
TINY = ["--model", "tiny", "--planner", "rules", "--width", "256", "--height", "256", "--steps", "2", "-q"]
OUTPUTS = ("plan.json", "layout.png", "image.png", "overlay.png")
BROKEN_PLAN = {
    "base_prompt": "a quiet street",
    "width": 256,
    "height": 256,
    "regions": [{"label": "car", "prompt": "a red car", "box": [0.6, 0.2, 0.3, 0.9]}],
}


def write_lines(path: Path, lines: list) -> Path:
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


# ------------------------------------------------------------------ the batch file
def test_text_batch_skips_blank_lines_and_comments(tmp_path):
    items = read_batch(
        write_lines(
            tmp_path / "b.txt", ["# prompts", "", "a red fox in the snow", "  ", "A lighthouse, at dusk!"]
        )
    )
    assert [item.name for item in items] == ["0001-a-red-fox-in-the-snow", "0002-a-lighthouse-at-dusk"]
    assert [item.line for item in items] == [3, 5]
    assert items[1].prompt == "A lighthouse, at dusk!"


def test_jsonl_batch_carries_names_plans_and_options(tmp_path):
    (tmp_path / "plans").mkdir()
    items = read_batch(
        write_lines(
            tmp_path / "b.jsonl",
            [
                {"prompt": "a red fox", "seed": 3, "steps": 2},
                "# a comment",
                {"plan": "plans/street.json", "name": "street"},
                {"plan": BROKEN_PLAN},
            ],
        )
    )
    assert [item.name for item in items] == ["0001-a-red-fox", "street", "0003-a-quiet-street"]
    assert items[0].options == {"seed": 3, "steps": 2}
    assert items[1].plan == str(tmp_path / "plans" / "street.json")


@pytest.mark.parametrize(
    "lines, message",
    [
        (['{"prompt": "a fox"', '{"prompt": "x"}'], "not valid JSON"),
        ([{"prompt": "a fox", "colour": "red"}], "unknown option"),
        ([{"prompt": "a fox", "plan": BROKEN_PLAN}], "exactly one"),
        ([{"seed": 1}], "exactly one"),
        ([{"prompt": "a"}, {"prompt": "b", "name": "0001-a"}], "more than one item"),
        ([{"prompt": "a", "name": "../escape"}], "plain folder name"),
        (["# nothing here"], "holds no prompts"),
        ([{"prompt": "a"}, "[1, 2]"], "JSON object"),
    ],
)
def test_bad_batch_files_are_refused_with_the_line(tmp_path, lines, message):
    with pytest.raises(BatchFileError, match=message):
        read_batch(write_lines(tmp_path / "b.jsonl", lines))


def test_slug():
    assert slug("A Red Fox, in the SNOW!") == "a-red-fox-in-the-snow"
    assert slug("!!!") == "item"
    assert len(slug("word " * 40)) <= 40


# ------------------------------------------------------------------ the command
def test_batch_of_five_with_a_broken_item_then_a_rerun_that_skips_finished_ones(
    tmp_path, capsys, render_counter
):
    batch = write_lines(
        tmp_path / "batch.jsonl",
        [
            {"prompt": "a red fox on the left and a white owl on the right"},
            {"prompt": "a lighthouse on a cliff above a stormy sea", "seed": 7, "name": "lighthouse"},
            {"plan": BROKEN_PLAN},
            {"prompt": "a bowl of lemons next to a blue teapot"},
            {"prompt": "a cabin in a snowy forest at night", "steps": 1},
        ],
    )
    out = tmp_path / "out"
    assert main(["--batch", str(batch), "--out", str(out), *TINY]) == 1
    err = capsys.readouterr().err
    failures = [line for line in err.splitlines() if "failed" in line]
    assert len(failures) == 1 and "0003-a-quiet-street" in failures[0] and "box" in failures[0]
    names = [item.name for item in read_batch(batch)]
    assert names[1:3] == ["lighthouse", "0003-a-quiet-street"]
    done = [name for name in names if name != "0003-a-quiet-street"]
    assert sorted(p.name for p in out.iterdir()) == sorted(done)  # the broken plan failed before its folder
    for name in done:
        assert all((out / name / file).is_file() for file in OUTPUTS), name
    assert read_metadata(out / "lighthouse" / "image.png").settings.seed == 7  # per-item option
    assert read_metadata(out / names[4] / "image.png").settings.steps == 1
    assert len(render_counter) == 4  # one pipeline call per good item

    stamps = {name: (out / name / "image.png").stat().st_mtime_ns for name in done}
    render_counter.clear()
    assert main(["--batch", str(batch), "--out", str(out), *TINY[:-1]]) == 1  # the broken item still fails
    captured = capsys.readouterr()
    assert render_counter == []  # nothing rendered again
    assert {name: (out / name / "image.png").stat().st_mtime_ns for name in done} == stamps
    assert captured.out.count(": skipped (finished)") == 4
    assert "4 skipped, 1 failed" in captured.out


def test_text_batch_all_good_exits_zero_and_a_bad_file_exits_two(tmp_path, capsys):
    batch = write_lines(tmp_path / "batch.txt", ["a red fox", "# skip me", "a white owl"])
    assert main(["--batch", str(batch), "--out", str(tmp_path / "out"), *TINY]) == 0
    assert (tmp_path / "out" / "0002-a-white-owl" / "image.png").is_file()
    bad = write_lines(tmp_path / "bad.jsonl", [{"prompt": "a fox", "colour": "red"}])
    assert main(["--batch", str(bad), "--out", str(tmp_path / "out2"), *TINY]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.jsonl:1" in err[0] and "colour" in err[0]
    assert not (tmp_path / "out2").exists() or not any((tmp_path / "out2").iterdir())


# ------------------------------------------------------------------ accelerate
def run_cli(batch: Path, out: Path, processes: int) -> subprocess.CompletedProcess:
    """The batch command in `processes` CPU processes: `accelerate launch` for more than one (its
    --multi_gpu launcher is torchrun; ACCELERATE_USE_CPU keeps the processes on the CPU, and every
    option is on the command line, so no accelerate config file is needed), plain python for one."""
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "OMP_NUM_THREADS": "1",
        "ACCELERATE_USE_CPU": "true",
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    launcher = [
        "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes", str(processes),
        "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no",
    ] if processes > 1 else []  # fmt: skip
    command = [
        sys.executable,
        *launcher,
        "-m",
        "renderer.cli",
        "--batch",
        str(batch),
        "--out",
        str(out),
        *TINY[:-1],
    ]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_accelerate_launch_with_two_processes_renders_every_item_exactly_once(tmp_path):
    batch = write_lines(
        tmp_path / "batch.txt", ["a red fox", "a white owl", "a green frog", "a blue whale", "a grey cat"]
    )
    two = run_cli(batch, tmp_path / "two", processes=2)
    assert two.returncode == 0, two.stderr[-3000:]
    # two processes share one pipe: a line of one may land inside a line of the other
    done = re.findall(r"\[process (\d)\] \[\d+/\d+\] (\S+): done in", two.stdout)
    names = [name for _, name in done]
    expected = [item.name for item in read_batch(batch)]
    assert sorted(names) == sorted(expected), two.stdout[-3000:]  # every item once, none twice
    assert {process for process, _ in done} == {"0", "1"}  # both processes worked
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == sorted(expected)
    one = run_cli(batch, tmp_path / "one", processes=1)
    assert one.returncode == 0, one.stderr[-3000:]
    for name in expected:  # the same outputs as a single process
        assert (tmp_path / "two" / name / "image.png").read_bytes() == (
            tmp_path / "one" / name / "image.png"
        ).read_bytes()


def test_a_plan_object_finds_its_mask_next_to_the_batch_file(tmp_path):
    from PIL import Image

    from renderer.batch import item_source

    Image.new("L", (256, 256), 255).save(tmp_path / "fox-mask.png")
    plan = {**BROKEN_PLAN, "regions": [{"label": "fox", "prompt": "a red fox", "mask": "fox-mask.png"}]}
    (item,) = read_batch(write_lines(tmp_path / "b.jsonl", [{"plan": plan}]))
    source = item_source(item)
    assert source.mask_source(source.regions[0]) == (tmp_path / "fox-mask.png").resolve()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--lora", "no-such-lora.safetensors"], "no-such-lora"),
        (["--controlnet", "someone/controlnet"], "needs a control image"),
        (["--control-image", "edges.png"], "needs a ControlNet"),
    ],
)
def test_batch_inputs_are_checked_once_before_any_item_or_model(
    tmp_path, capsys, monkeypatch, extra, message
):
    """A bad LoRA file or a ControlNet without its image fails the whole batch at once (exit 2),
    with one line, before the model loads or any item is planned."""

    def no_loading(*args, **kwargs):
        raise AssertionError("the model must not load")

    monkeypatch.setattr("renderer.pipeline.load_pipeline", no_loading)
    monkeypatch.chdir(tmp_path)
    Image.new("RGB", (64, 64)).save(tmp_path / "edges.png")
    batch = write_lines(tmp_path / "batch.txt", ["a red fox", "a white owl"])
    assert main(["--batch", str(batch), "--out", str(tmp_path / "out"), *TINY, *extra]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
