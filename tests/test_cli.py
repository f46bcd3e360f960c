"""The `plan-and-render` command, end to end on CPU: rules planner, tiny model, a temporary folder.

Most runs call `main([...])` in-process (fast); one runs the installed console script and one
checks in a fresh interpreter that `--plan-only` never imports torch or diffusers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from planner.plan import load_plan, validate_plan
from planner.settings import KNOBS
from renderer.cli import main, plan_table
from renderer.metadata import read_metadata
from renderer.settings import DEFAULTS

PROMPT = (
    "A quiet harbour at dawn in soft pastel light. On the left stands an old white lighthouse with a "
    "red lantern room, and on the right a small blue fishing boat is tied to the pier. A grey cat "
    "sits on a wooden crate in the foreground, and two seagulls circle in the pink sky above."
)
FAST = ["--model", "tiny", "--steps", "2", "--inject-steps", "1", "--width", "256", "--height", "256"]
FILES = ("plan.json", "layout.png", "image.png", "overlay.png")


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def pixels(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"))


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("plan-and-render: error: "), err
    return lines[0]


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """One full run (rules planner, tiny model) shared by the re-render tests."""
    out = tmp_path_factory.mktemp("first") / "out"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.delenv("OPENAI_API_KEY", raising=False)
        mp.delenv("OPENAI_BASE_URL", raising=False)
        assert main([PROMPT, "--planner", "rules", *FAST, "--out", str(out), "-q"]) == 0
    return out


# ----------------------------------------------------------------------------- the whole job
def test_full_run_writes_plan_layout_image_and_overlay(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main([PROMPT, "--planner", "rules", *FAST, "--seed", "3", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)  # and no temporary files left
    plan = load_plan(out / "plan.json")
    assert plan.prompt == PROMPT and (plan.width, plan.height) == (256, 256)
    assert 2 <= len(plan.regions) <= 8
    assert plan.render is not None and (plan.render.seed, plan.render.steps, plan.render.inject_steps) == (
        3,
        2,
        1,
    )
    with Image.open(out / "image.png") as image:
        assert image.size == (256, 256)
    with Image.open(out / "overlay.png") as overlay:
        assert overlay.size == (256, 256)
    with Image.open(out / "layout.png") as layout:
        assert layout.size == (768, 768)
    found = read_metadata(out / "image.png")
    assert found.plan.model_dump(exclude={"render"}) == plan.model_dump(exclude={"render"})
    assert found.plan.render.given() == found.settings.model_dump(
        exclude_none=True
    )  # the image holds every setting used
    assert found.model == found.plan.render.model == "tiny"
    assert (found.settings.seed, found.settings.steps) == (3, 2)

    stdout = capsys.readouterr().out
    assert "plan: " in stdout and plan.regions[0].label in stdout
    assert "render: model tiny, seed 3, steps 2" in stdout
    assert f"wrote {out / 'plan.json'}" in stdout


def test_rerender_from_plan_json_and_from_image_png_gives_identical_pixels(first_run, tmp_path):
    from_json, from_png = tmp_path / "from_json", tmp_path / "from_png"
    assert (
        main(["--plan", str(first_run / "plan.json"), "--model", "tiny", "--out", str(from_json), "-q"]) == 0
    )
    # the image carries plan, settings and model: no other flag needed
    assert main(["--plan", str(first_run / "image.png"), "--out", str(from_png), "-q"]) == 0
    original = pixels(first_run / "image.png")
    assert original.std() > 0
    assert np.array_equal(pixels(from_json / "image.png"), original)
    assert np.array_equal(pixels(from_png / "image.png"), original)
    first, again = load_plan(first_run / "plan.json"), load_plan(from_png / "plan.json")
    assert again.model_dump(exclude={"render"}) == first.model_dump(exclude={"render"})
    # plan.json keeps the chosen settings only; rendering the image's plan chose all of them
    assert first.render.given() == {"steps": 2, "inject_steps": 1}
    assert again.render.given() == read_metadata(first_run / "image.png").settings.model_dump(
        exclude_none=True
    )


def test_flags_override_the_settings_in_the_file(first_run, tmp_path):
    out = tmp_path / "seed5"
    assert main(["--plan", str(first_run / "image.png"), "--seed", "5", "--out", str(out), "-q"]) == 0
    found = read_metadata(out / "image.png")
    assert found.settings.seed == 5
    assert (found.settings.steps, found.settings.inject_steps) == (2, 1)  # from the file
    assert load_plan(out / "plan.json").render.seed == 5
    assert not np.array_equal(pixels(out / "image.png"), pixels(first_run / "image.png"))


def test_edited_plan_renders_again(first_run, tmp_path):
    data = json.loads((first_run / "plan.json").read_text())
    data["regions"] = data["regions"][:1]
    data["regions"][0]["box"] = [0.5, 0.5, 1.0, 1.0]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    out = tmp_path / "edited"
    assert main(["--plan", str(edited), "--model", "tiny", "--out", str(out), "-q"]) == 0
    assert load_plan(out / "plan.json").regions[0].box == (0.5, 0.5, 1.0, 1.0)
    assert not np.array_equal(pixels(out / "image.png"), pixels(first_run / "image.png"))


def test_mask_regions_keep_working_from_the_output_folder(tmp_path):
    (tmp_path / "plans" / "masks").mkdir(parents=True)
    mask = Image.new("L", (64, 64), 0)
    mask.paste(255, (0, 32, 32, 64))
    mask.save(tmp_path / "plans" / "masks" / "cat.png")
    plan = validate_plan(
        {
            "base_prompt": "a cat on a rug",
            "width": 256,
            "height": 256,
            "regions": [{"label": "cat", "prompt": "a grey cat", "mask": "masks/cat.png"}],
        }
    )
    plan.save(tmp_path / "plans" / "plan.json")
    out = tmp_path / "out"
    assert main(["--plan", str(tmp_path / "plans" / "plan.json"), *FAST, "--out", str(out), "-q"]) == 0
    # image.png and plan.json carry the mask inline: moved elsewhere, without the mask file, they
    # render the same pixels
    moved = tmp_path / "elsewhere" / "deeper"
    moved.mkdir(parents=True)
    shutil.copy(out / "image.png", moved / "copy.png")
    shutil.copy(out / "plan.json", moved / "copy.json")
    shutil.rmtree(tmp_path / "plans")
    again, from_json = tmp_path / "again", tmp_path / "from_json"
    assert main(["--plan", str(moved / "copy.png"), "--out", str(again), "-q"]) == 0
    assert main(["--plan", str(moved / "copy.json"), *FAST, "--out", str(from_json), "-q"]) == 0
    assert load_plan(again / "plan.json").regions[0].inline_mask
    assert np.array_equal(pixels(again / "image.png"), pixels(out / "image.png"))
    assert np.array_equal(pixels(from_json / "image.png"), pixels(out / "image.png"))


# ----------------------------------------------------------------------------- plan only
def test_the_readme_edit_workflow_runs_on_a_cpu(tmp_path):
    """`--plan-only --model tiny`, edit plan.json, `--plan plan.json`: the plan remembers its model."""
    out = tmp_path / "harbour"
    argv = ["a red fox on the left, a blue bird on the right", "--planner", "rules"]
    assert (
        main(
            [*argv, "--plan-only", "--model", "tiny", "--width", "256", "--height", "256", "--out", str(out)]
        )
        == 0
    )
    data = json.loads((out / "plan.json").read_text())
    assert data["render"] == {"model": "tiny"}
    data["regions"][0]["box"] = [0.0, 0.5, 0.5, 1.0]
    (out / "plan.json").write_text(json.dumps(data))
    assert main(["--plan", str(out / "plan.json"), "--steps", "2", "--out", str(out), "-q"]) == 0
    assert read_metadata(out / "image.png").model == "tiny"
    assert load_plan(out / "plan.json").regions[0].box == (0.0, 0.5, 0.5, 1.0)


def test_plan_only_imports_no_torch_or_diffusers(tmp_path):
    script = (
        "import json, sys\n"
        "from renderer.cli import main\n"
        f"code = main([{PROMPT!r}, '--planner', 'rules', '--plan-only', '--out', 'out'])\n"
        "print(json.dumps({'code': code, 'heavy': sorted(m for m in ('torch', 'diffusers', 'transformers') "
        "if m in sys.modules)}))\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        env.pop(key, None)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"code": 0, "heavy": []}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["layout.png", "plan.json"]
    assert "plan: " in done.stdout


def test_console_script_runs_quietly(tmp_path):
    script = Path(sys.executable).parent / "plan-and-render"
    command = [str(script)] if script.exists() else [shutil.which("plan-and-render") or "plan-and-render"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        env.pop(key, None)
    done = subprocess.run(
        [*command, PROMPT, "--planner", "rules", *FAST, "--out", "out", "-q"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(FILES)


def test_quiet_prints_nothing_in_process(tmp_path, capfd):
    assert main([PROMPT, "--planner", "rules", *FAST, "--out", str(tmp_path / "q"), "--quiet"]) == 0
    assert capfd.readouterr() == ("", "")
    assert (tmp_path / "q" / "image.png").exists()


def test_default_shows_table_and_progress(tmp_path, capfd):
    assert main([PROMPT, "--planner", "rules", *FAST, "--out", str(tmp_path / "v")]) == 0
    captured = capfd.readouterr()
    assert "label" in captured.out and "box" in captured.out
    assert "2/2" in captured.err  # the denoising progress bar


# ----------------------------------------------------------------------------- bad input: exit 2
@pytest.mark.parametrize(
    ("plan", "field"),
    [
        (
            {"base_prompt": "x", "regions": [{"label": "a", "prompt": "b", "box": [0.5, 0, 0.2, 1]}]},
            "regions[0].box",
        ),
        (
            {"base_prompt": "x", "regions": [{"label": "a", "prompt": " ", "box": [0, 0, 1, 1]}]},
            "regions[0].prompt",
        ),
        ({"base_prompt": "x", "width": 1000}, "width"),
        ({"regions": []}, "base_prompt"),
        ({"base_prompt": "x", "render": {"steps": 0}}, "render.steps"),
    ],
)
def test_broken_plan_file_exits_2_naming_the_field(tmp_path, capsys, plan, field):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    assert main(["--plan", str(path), "--model", "tiny", "--out", str(tmp_path / "out")]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert field in line and str(path) in line
    assert not (tmp_path / "out" / "image.png").exists()


def test_unreadable_files_exit_2(tmp_path, capsys):
    (tmp_path / "notjson.json").write_text("{'single': quotes}")
    Image.new("RGB", (8, 8)).save(tmp_path / "plain.png")
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    (tmp_path / "folder").mkdir()
    cases = {
        "missing.json": "cannot read plan file",
        "folder": "cannot read plan file",
        "notjson.json": "not valid JSON",
        "plain.png": "carries no plan",
        "broken.png": "cannot read image",
    }
    for name, message in cases.items():
        assert main(["--plan", str(tmp_path / name), "--model", "tiny", "--out", str(tmp_path / "o")]) == 2, (
            name
        )
        assert message in one_error_line(capsys.readouterr().err), name


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "give a PROMPT"),
        (["  "], "give a PROMPT"),
        (["a cat", "--plan", "plan.json"], "not both"),
        (["a cat", "--steps", "0"], "invalid setting: steps: Input should be greater than or equal to 1"),
        (["a cat", "--width", "300"], "multiple of 16"),
        (["a cat", "--base-ratio", "1.5"], "invalid setting: base_ratio"),
        (["a cat", "--guidance", "inf"], "invalid setting: guidance: Input should be a finite number"),
        (["a cat", "--seed", str(2**64)], "invalid setting: seed"),
        (["a cat", "--regional-tokens", "short"], "invalid setting: regional_tokens"),
        (["a cat", "--max-regions", "65"], "--max-regions"),
        (["a cat", "--planner", "magic"], "--planner"),
        (["a cat", "--no-such-flag"], "--no-such-flag"),
        (["a cat", "-q", "-v"], "not allowed with"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, capsys, argv, message):
    assert main([*argv, "--out", str(tmp_path / "out")]) == 2
    assert message in one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "out").exists()


def test_output_folder_that_cannot_be_made_exits_2(tmp_path, capsys):
    (tmp_path / "taken").write_text("a file, not a folder")
    assert (
        main(["a red fox", "--planner", "rules", "--plan-only", "--out", str(tmp_path / "taken" / "x")]) == 2
    )
    assert "cannot create the folder" in one_error_line(capsys.readouterr().err)


def test_default_model_is_refused_on_cpu_after_the_plan_is_written(tmp_path, capsys):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA device")
    out = tmp_path / "out"
    assert main([PROMPT, "--planner", "rules", "--out", str(out)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "--model tiny" in line and "--plan-only" in line
    assert sorted(p.name for p in out.iterdir()) == ["layout.png", "plan.json"]


# ----------------------------------------------------------------------------- other failures: exit 1
def test_render_failure_exits_1_with_one_line_and_no_traceback(tmp_path, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the GPU caught fire\nsecond line")

    monkeypatch.setattr("renderer.pipeline.render_prepared", broken)
    assert main([PROMPT, "--planner", "rules", *FAST, "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert (
        one_error_line(captured.err)
        == "plan-and-render: error: RuntimeError: the GPU caught fire second line"
    )
    assert (tmp_path / "out" / "plan.json").exists()

    assert main([PROMPT, "--planner", "rules", *FAST, "--out", str(tmp_path / "out"), "--verbose"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and err.rstrip().endswith("the GPU caught fire second line")


def test_planner_failure_exits_1(tmp_path, capsys, monkeypatch):
    from planner.errors import ServiceUnavailableError

    def unreachable(*args, **kwargs):
        raise ServiceUnavailableError("cannot reach http://127.0.0.1:9/v1 after 3 attempts")

    monkeypatch.setattr("planner.make.make_plan", unreachable)
    assert main([PROMPT, "--planner", "openai", "--out", str(tmp_path / "out")]) == 1
    assert one_error_line(capsys.readouterr().err) == (
        "plan-and-render: error: cannot reach http://127.0.0.1:9/v1 after 3 attempts"
    )


def test_interrupt_exits_130(tmp_path, capsys, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("renderer.pipeline.render_prepared", interrupted)
    assert main([PROMPT, "--planner", "rules", *FAST, "--out", str(tmp_path / "out")]) == 130
    assert capsys.readouterr().err.strip() == "plan-and-render: interrupted"


# ----------------------------------------------------------------------------- openai planner
class _PlanServer:
    """A stdlib OpenAI-compatible server on 127.0.0.1 that answers every chat request with one plan."""

    def __init__(self, content: dict | str):
        self.requests: list[dict] = []
        text = content if isinstance(content, str) else json.dumps(content)
        body = {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 0,
            "model": "test-model",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
        }
        data = json.dumps(body).encode()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802 (stdlib name)
                length = int(self.headers.get("content-length", 0))
                server.requests.append(
                    {"path": self.path, "body": json.loads(self.rfile.read(length) or b"{}")}
                )
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


LLM_PLAN = {
    "base_prompt": "a quiet harbour at dawn, soft pastel light, an old lighthouse and a fishing boat",
    "background_prompt": "calm harbour water and a pink dawn sky",
    "regions": [
        {
            "label": "old lighthouse",
            "prompt": "an old white lighthouse with a red lantern room",
            "box": [0.02, 0.1, 0.35, 0.95],
        },
        {
            "label": "blue fishing boat",
            "prompt": "a small blue wooden fishing boat",
            "box": [0.55, 0.55, 0.98, 0.9],
        },
    ],
}


def test_openai_planner_through_the_cli_against_a_local_server(tmp_path, monkeypatch, capsys):
    with _PlanServer(LLM_PLAN) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "test")
        out = tmp_path / "out"
        argv = [PROMPT, "--planner", "openai", "--llm-model", "test-model", *FAST, "--out", str(out)]
        assert main(argv) == 0, capsys.readouterr().err
    assert server.requests and server.requests[0]["path"] == "/v1/chat/completions"
    assert server.requests[0]["body"]["model"] == "test-model"
    plan = load_plan(out / "plan.json")
    assert plan.prompt == PROMPT
    assert [r.label for r in plan.regions] == ["old lighthouse", "blue fishing boat"]
    assert plan.regions[1].box == (0.55, 0.55, 0.98, 0.9)
    assert set(FILES) <= {p.name for p in out.iterdir()}
    assert "old lighthouse" in capsys.readouterr().out
    assert "test" not in (out / "plan.json").read_text().replace("test-model", "")


def test_openai_planner_that_never_answers_a_plan_exits_1_and_keeps_the_raw_answer(
    tmp_path, monkeypatch, capsys
):
    with _PlanServer("this is not a plan, sorry") as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "test")
        out = tmp_path / "out"
        assert main([PROMPT, "--planner", "openai", "--plan-only", "--out", str(out)]) == 1
    line = one_error_line(capsys.readouterr().err)
    saved = [p for p in out.iterdir() if p.name not in ("plan.json", "layout.png")]
    assert saved and any(str(p) in line or p.name in line for p in saved), line
    assert not (out / "plan.json").exists()
    assert "this is not a plan" in "".join(p.read_text(errors="replace") for p in saved if p.is_file())


# ----------------------------------------------------------------------------- help and table
def test_help_shows_defaults_from_the_settings_module(monkeypatch, capsys):
    for name, value in (("steps", 31), ("base_ratio", 0.15), ("inject_steps", 9)):
        monkeypatch.setitem(KNOBS, name, replace(KNOBS[name], default=value))
    assert main(["--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "denoising steps (default: 31)" in text
    assert "(default: 0.15)" in text and "plain FLUX after (more than steps: every step) (default: 9)" in text
    assert "black-forest-labs/FLUX.1-dev" in text


def test_plan_table_fits_the_width():
    plan = validate_plan(
        {
            "base_prompt": "word " * 100,
            "regions": [
                {
                    "label": "a very long label for a region " * 3,
                    "prompt": "detail " * 50,
                    "box": [0, 0, 0.5, 0.5],
                },
                {"label": "cat", "prompt": "a cat", "box": [0.5, 0.5, 1, 1]},
            ],
        }
    )
    table = plan_table(plan, width=72)
    assert all(len(line) <= 72 for line in table.splitlines())
    assert "[0.50, 0.50, 1.00, 1.00]" in table and "a cat" in table
    assert table.splitlines()[0] == "plan: 2 regions, 1024x1024"


# ----------------------------------------------------------------------------- the README
README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_plan_examples_are_valid_and_the_test_command_is_the_ci_line():
    import re

    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, flags=re.S)
    assert blocks, "the README shows a plan"
    for block in blocks:
        validate_plan(json.loads(block))
    quick_start = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)```", quick_start, flags=re.S)
    assert [c.strip() for c in commands][1] == 'pip install -e ".[test]" && python -m pytest'
    assert len(commands) == 2 and "plan-and-render" in commands[0] and "--model tiny" in commands[0]


def test_readme_shows_the_current_defaults():
    text = README.read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in text.splitlines() if line.startswith("| `")}
    d = DEFAULTS
    assert f"({d.seed})" in rows["`--seed N`"]
    assert f"({d.steps})" in rows["`--steps N`"]
    assert f"({d.guidance:g})" in rows["`--guidance X`"]
    assert f"({d.base_ratio:g})" in rows["`--base-ratio R`"]
    assert f"({d.inject_steps})" in rows["`--inject-steps N`"]
    assert (
        f"({d.double_interval}, {d.single_interval})" in rows["`--double-interval K`, `--single-interval K`"]
    )
    assert f"`{d.regional_tokens}` (default" in rows["`regional_tokens`"]
    assert f"{'on' if d.base_copy else 'off'} (default" in rows["`base_copy`"]
    assert f"({d.base_ratio:g})" in rows["`base_ratio`"] and f"({d.inject_steps})" in rows["`inject_steps`"]
    from renderer.settings import DEFAULT_CONTROL_SCALE

    assert (
        f"strength {DEFAULT_CONTROL_SCALE:g}"
        in rows["`--controlnet ID_OR_PATH`, `--control-image FILE`, `--control-mode N`, `--control-scale S`"]
    )


# ----------------------------------------------------------------------------- LoRA, ControlNet, batches
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--control-image", "nope.png", "--controlnet", "x"], "control image"),
        (["--control-mode", "1"], "without a control image"),
        (["--controlnet", "someone/controlnet"], "needs a control image"),
        (["--lora", "missing-lora.safetensors"], "missing-lora"),
    ],
)
def test_bad_lora_or_control_inputs_exit_2(tmp_path, capsys, extra, message, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["a red fox on the left", "--planner", "rules", *FAST, *extra, "--out", "out"]) == 2
    assert message in one_error_line(capsys.readouterr().err)
    assert (tmp_path / "out" / "plan.json").exists() and not (tmp_path / "out" / "image.png").exists()


def test_control_image_without_controlnet_fails_before_the_model_loads(tmp_path, capsys, monkeypatch):
    Image.new("RGB", (64, 64)).save(tmp_path / "edges.png")

    def no_loading(*args, **kwargs):
        raise AssertionError("the model must not load")

    monkeypatch.setattr("renderer.pipeline._load_checked", no_loading)
    argv = ["a red fox", "--planner", "rules", *FAST, "--control-image", str(tmp_path / "edges.png")]
    assert main([*argv, "--out", str(tmp_path / "out")]) == 2
    assert "needs a ControlNet" in one_error_line(capsys.readouterr().err)


def test_batch_runs_each_line_into_its_own_folder(tmp_path, capsys):
    batch = tmp_path / "jobs.txt"
    batch.write_text(
        "a red fox on the left and a blue bird on the right\n# a comment\na green teapot on a table\n"
    )
    out = tmp_path / "out"
    assert main(["--batch", str(batch), "--planner", "rules", *FAST, "--out", str(out), "-q"]) == 0
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    assert len(folders) == 2
    for folder in folders:
        assert {"plan.json", "layout.png", "image.png", "overlay.png"} <= {p.name for p in folder.iterdir()}
    assert main(["--batch", str(batch), "a prompt too", "--out", str(out)]) == 2
    assert "does not go with PROMPT" in one_error_line(capsys.readouterr().err)


@pytest.fixture(scope="module")
def tiny_lora(tmp_path_factory):
    """A random LoRA on the tiny transformer's attention projections, saved the diffusers way."""
    import torch
    from diffusers import FluxPipeline
    from peft import LoraConfig
    from peft.utils import get_peft_model_state_dict

    from renderer.tiny import build_tiny_pipeline

    source = build_tiny_pipeline()
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(3)
        config = LoraConfig(r=4, lora_alpha=4, target_modules=["to_q", "to_k", "to_v", "to_out.0"])
        config.init_lora_weights = False
        source.transformer.add_adapter(config)
    folder = tmp_path_factory.mktemp("lora")
    FluxPipeline.save_lora_weights(
        folder, transformer_lora_layers=get_peft_model_state_dict(source.transformer)
    )
    return folder / "pytorch_lora_weights.safetensors"


def test_an_image_remembers_its_lora_and_renders_again_with_it(tiny_lora, tmp_path, monkeypatch):
    monkeypatch.chdir(tiny_lora.parent)
    first, again, plain = tmp_path / "first", tmp_path / "again", tmp_path / "plain"
    argv = ["a red fox on the left", "--planner", "rules", *FAST, "-q"]
    assert main([*argv, "--lora", f"{tiny_lora.name}:0.7", "--out", str(first)]) == 0
    found = read_metadata(first / "image.png")
    assert found.inputs.recordable() == {"loras": [f"{tiny_lora.resolve()}:0.7"]}
    with Image.open(first / "image.png") as image:
        assert 'LoRAs: "pytorch_lora_weights.safetensors:0.7"' in image.info["parameters"]
    monkeypatch.chdir(tmp_path)  # the recorded path is absolute: works from anywhere
    assert main(["--plan", str(first / "image.png"), "--out", str(again), "-q"]) == 0
    assert np.array_equal(pixels(again / "image.png"), pixels(first / "image.png"))
    assert (
        main(["--plan", str(first / "image.png"), "--lora", f"{tiny_lora}:0", "--out", str(plain), "-q"]) == 0
    )
    assert not np.array_equal(pixels(plain / "image.png"), pixels(first / "image.png"))


def test_a_local_model_folder_renders_quietly_and_is_remembered(first_run, tmp_path, capfd):
    from diffusers.utils import logging as diffusers_logging

    from renderer.tiny import build_tiny_pipeline

    folder = tmp_path / "tiny-flux"
    build_tiny_pipeline().save_pretrained(folder)
    capfd.readouterr()
    out = tmp_path / "out"
    argv = [
        "--plan",
        str(first_run / "plan.json"),
        "--model",
        str(folder),
        "--device",
        "cpu",
        "--dtype",
        "float32",
        "-q",
    ]
    assert main([*argv, "--out", str(out)]) == 0
    assert capfd.readouterr() == ("", "")  # no loading bars either
    assert diffusers_logging.is_progress_bar_enabled()  # and they are back on afterwards
    assert read_metadata(out / "image.png").model == str(folder)
    # the image remembers the folder: rendering it again needs no --model
    again = tmp_path / "again"
    assert main(["--plan", str(out / "image.png"), "--out", str(again), "-q"]) == 0
    assert np.array_equal(pixels(again / "image.png"), pixels(out / "image.png"))


def test_a_run_leaves_the_loggers_as_it_found_them(tmp_path):
    """The CLI's stderr handler and levels last for one run only (no state outlives main)."""
    import logging

    loggers = [logging.getLogger(name) for name in ("planner", "renderer")]
    before = [(logger.level, list(logger.handlers)) for logger in loggers]
    assert (
        main(["two cats on a sofa", "--plan-only", "--quiet", "--planner", "rules", "--out", str(tmp_path)])
        == 0
    )
    assert [(logger.level, list(logger.handlers)) for logger in loggers] == before
