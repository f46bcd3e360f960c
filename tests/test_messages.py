"""Messages a newcomer meets: one line that says what is wrong and what to do, fast, exit 2.

Offline or unknown models, typos, bogus devices, missing LoRA files, a prompt given to render(),
and the Python API staying as quiet as the command.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
import warnings

import pytest
from hardening_fixtures import ROOT, run_cli, within

import renderer.pipeline as pipeline_module
from planner.errors import InputError
from planner.plan import Plan, Region
from renderer.cli import main
from renderer.controlnet import load_controlnet
from renderer.errors import ModelUnavailableError
from renderer.layout import draw_layout
from renderer.pipeline import render
from renderer.quiet import library_chatter_shown, quiet_libraries

FAST = ["--width", "256", "--height", "256", "--steps", "1", "--planner", "rules"]


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


@pytest.fixture
def no_model_loading(monkeypatch):
    """Fail the test if a model would load: these errors must come before."""

    def refuse(*args, **kwargs):
        raise AssertionError("a model was loaded")

    monkeypatch.setattr(pipeline_module, "load_pipeline", refuse)


def error_line(capsys) -> str:
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("plan-and-render: error: ")
    return lines[0]


@pytest.mark.parametrize(
    "argv, says, never",
    [
        (
            ["--model", "someone/not-in-the-cache", "--device", "cpu"],
            ["not in the local Hugging Face cache", "HF_HUB_OFFLINE", "local folder"],
            ["Traceback"],
        ),
        (["--model", "tinyy"], ["not a local folder", "did you mean 'tiny'?"], ["CUDA"]),
        (["--model", "./no/such/folder"], ["model folder './no/such/folder' not found"], ["CUDA", "Repo id"]),
        (["--model", "bad repo id!"], ["neither a local folder nor a Hugging Face hub id"], ["CUDA"]),
        (
            ["--model", "tiny", "--device", "bogus"],
            ["device 'bogus' is not a torch device", "cpu"],
            ["RuntimeError"],
        ),
        (
            ["--model", "tiny", "--lora", "./missing.safetensors"],
            ["cannot load LoRA './missing.safetensors': file not found"],
            ["Repo id"],
        ),
        (["--model", "tiny", "--lora", "loras/missing.safetensors:0.5"], ["file not found"], ["Repo id"]),
    ],
)
def test_models_devices_and_lora_files_fail_fast_in_one_line(
    tmp_path, capsys, no_model_loading, argv, says, never
):
    out = tmp_path / "out"
    started = time.process_time()
    assert within(120, lambda: main(["a red fox", *FAST, *argv, "--out", str(out)])) == 2
    assert time.process_time() - started < 20  # no 25-30 s of hub retries
    line = error_line(capsys)
    assert all(text in line for text in says), line
    assert not any(text in line for text in never), line
    assert (out / "plan.json").is_file()  # the plan is kept: the input error came after planning


def test_a_device_this_machine_lacks_is_said_so(tmp_path, capsys, no_model_loading):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA device")
    assert main(["a red fox", *FAST, "--model", "tiny", "--device", "cuda:3", "--out", str(tmp_path)]) == 2
    assert "no CUDA device" in error_line(capsys)


def test_a_missing_controlnet_folder_is_said_so():
    with pytest.raises(ModelUnavailableError, match="ControlNet folder './no-controlnet' not found"):
        load_controlnet("./no-controlnet")
    with pytest.raises(ModelUnavailableError, match="HF_HUB_OFFLINE"):
        load_controlnet("someone/no-controlnet")


def test_render_given_a_prompt_asks_for_a_plan_and_points_to_plan_and_render(tmp_path):
    with pytest.raises(InputError) as caught:
        render("a red fox in the snow", model="tiny")
    message = str(caught.value)
    assert "wants a plan" in message and "plan_and_render" in message and "\n" not in message
    with pytest.raises(InputError, match="plan file not found"):
        render(str(tmp_path / "plan.json"), model="tiny")  # a file name is still read as a file


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_quiet_libraries_hides_library_warnings_but_not_errors():
    library = logging.getLogger("diffusers.pipelines.some_module")
    records = Records()
    library.addHandler(records)
    before = logging.getLogger("diffusers").level
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with quiet_libraries():
                warnings.warn_explicit(
                    "a torchvision fallback", UserWarning, "x.py", 1, module="transformers.image_utils"
                )
                warnings.warn("our own warning", UserWarning, stacklevel=1)
                library.warning("token indices sequence length is longer")
                library.error("a real error")
    finally:
        library.removeHandler(records)
    assert [str(w.message) for w in caught] == ["our own warning"]
    assert records.messages == ["a real error"]
    assert logging.getLogger("diffusers").level == before  # restored


def test_quiet_libraries_steps_aside_when_asked(monkeypatch):
    with library_chatter_shown(), quiet_libraries():
        assert logging.getLogger("transformers").level != logging.ERROR
    monkeypatch.setenv("DIFFUSERS_VERBOSITY", "info")
    with quiet_libraries():
        assert logging.getLogger("diffusers").level != logging.ERROR


def test_the_python_api_prints_nothing_for_a_short_prompt(tmp_path):
    script = (
        "from renderer import plan_and_render\n"
        "result = plan_and_render('a red fox on the left and a white owl on the right', planner='rules',"
        " model='tiny', steps=1, width=256, height=256, progress=False)\n"
        "assert result.image is not None\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={
            **{k: v for k, v in os.environ.items() if not k.endswith("_VERBOSITY")},
            "HF_HUB_OFFLINE": "1",
            "PYTHONPATH": str(ROOT),
            "PYTHONWARNINGS": "",
        },
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""


def test_a_typo_in_the_model_exits_2_with_one_line_from_a_fresh_process(tmp_path):
    result = run_cli(
        ["a red fox", *FAST, "--model", "tinyy", "--out", str(tmp_path / "out")], cwd=tmp_path, timeout=600
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "did you mean 'tiny'?" in lines[0] and "CUDA" not in lines[0]


def test_long_text_is_fitted_into_layout_png_fast():
    long = "a very long description " * 420  # about 10,000 characters
    # Built without validation: the drawing must be fast whatever length limits the plan has.
    region = Region.model_construct(label=long, prompt=long, box=(0.1, 0.1, 0.5, 0.9), mask=None)
    plan = Plan.model_construct(
        base_prompt=long,
        background_prompt=long + "\nand a second line",
        width=1024,
        height=512,
        regions=[region],
    )
    started = time.process_time()
    layout = within(120, lambda: draw_layout(plan))
    assert time.process_time() - started < 3  # was one to two minutes
    assert layout.size == (768, 384)
