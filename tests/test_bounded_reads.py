"""Every file the tool reads is read within bounds: a regular file only, a size cap, images checked
for their pixel count before decoding, bounded PNG text, bounded JSON numbers and nesting, UTF-8
only. Each refusal is an InputError with one line naming the file, at once (exit 2 in the CLI).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
from hardening_fixtures import fifo, pixel_bomb, run_cli, text_bomb, within
from PIL import Image

from planner.errors import InputError
from planner.plan import MAX_PLAN_BYTES, load_plan, validate_plan
from planner.safe_read import MAX_JSON_DEPTH, MAX_NUMBER_CHARS, loads_json, read_text
from planner.templates import PromptContext, PromptTemplates, TemplateError
from renderer.batch import read_batch
from renderer.cli import main
from renderer.controlnet import load_control_image
from renderer.layout import draw_layout
from renderer.metadata import read_metadata

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
PLAN = {"base_prompt": "a quiet harbour", "width": 256, "height": 256}


def mask_plan(mask: Path):
    plan = {**PLAN, "regions": [{"label": "boat", "prompt": "a blue boat", "mask": str(mask)}]}
    return validate_plan(plan)


def template_folder(tmp_path: Path, system: Path | None = None, text: str | None = None) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    target = folder / "system.j2"
    if system is not None:
        target.symlink_to(system)
    elif text is not None:
        target.write_text(text)
    return folder


def render_templates(folder: Path) -> None:
    PromptTemplates(folder).first_messages("a fox", PromptContext(max_regions=4, width=256, height=256))


# Every door that reads a file, as (name, call with a path).
READERS = {
    "plan file": load_plan,
    "batch file": read_batch,
    "image.png plan": read_metadata,
    "mask image": lambda path: draw_layout(mask_plan(path)),
    "control image": load_control_image,
}


@pytest.fixture
def hostile(tmp_path):
    """Files that are not regular files: a FIFO (would block forever), /dev/zero (never ends), a folder."""
    (tmp_path / "folder").mkdir()
    kinds = {"folder": (tmp_path / "folder", "a folder")}
    if sys.platform != "win32":
        kinds["fifo"] = (fifo(tmp_path / "pipe"), "FIFO")
        kinds["/dev/zero"] = (Path("/dev/zero"), "character device")
        (tmp_path / "zero-link").symlink_to("/dev/zero")
        kinds["link to /dev/zero"] = (tmp_path / "zero-link", "character device")
    return kinds


@pytest.mark.parametrize("door", READERS)
def test_only_regular_files_are_read_and_others_are_refused_at_once(hostile, door):
    for kind, (path, said) in hostile.items():
        with pytest.raises(InputError, match="not a regular file") as caught:
            within(30, lambda path=path: READERS[door](path))
        assert said in str(caught.value) and str(path) in str(caught.value), (door, kind)
        assert "\n" not in str(caught.value)


@POSIX
def test_a_template_that_is_a_fifo_is_refused(tmp_path):
    folder = template_folder(tmp_path, system=fifo(tmp_path / "pipe"))
    with pytest.raises(InputError, match="FIFO"):
        within(30, lambda: render_templates(folder))


def test_files_over_the_size_cap_are_refused_without_reading_them_whole(tmp_path):
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_PLAN_BYTES + 1)  # sparse: instant to make (a plan may hold inline masks)
    with pytest.raises(InputError, match="larger than the limit"):
        within(30, lambda: load_plan(big))
    with pytest.raises(InputError, match="larger than the limit"):
        within(30, lambda: read_text(big, what="template", limit=1000))


@pytest.mark.parametrize("door", ["image.png plan", "mask image", "control image"])
def test_images_are_checked_for_pixels_before_decoding(tmp_path, door):
    bomb = pixel_bomb(tmp_path / "bomb.png", side=20000)  # 400 megapixels in a few KB
    assert bomb.stat().st_size < 100_000
    started = time.process_time()
    with pytest.raises(InputError, match="megapixels"):
        within(60, lambda: READERS[door](bomb))
    assert time.process_time() - started < 2
    # below PIL's own bomb limit too: our limit is the one that counts
    smaller = pixel_bomb(tmp_path / "smaller.png", side=9000)
    with pytest.raises(InputError, match="megapixels"):
        within(30, lambda: READERS[door](smaller))


@pytest.mark.parametrize("door", ["image.png plan", "mask image", "control image"])
def test_png_text_bombs_are_refused(tmp_path, door):
    bomb = text_bomb(tmp_path / "text.png", megabytes=40)
    with pytest.raises(InputError, match="text chunk is too large"):
        within(30, lambda: READERS[door](bomb))


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"base_prompt": "x", "render": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested"),
        (
            '{"base_prompt": "x", "render": ' + "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1) + "}",
            "nested",
        ),
        ('{"base_prompt": "x", "extra": ' + '{"a": ' * 200 + "1" + "}" * 200 + "}", "nested"),
        ('{"base_prompt": "x", "width": ' + "7" * 5000 + "}", "number"),
        ('{"base_prompt": "x", "width": 1' + "0" * MAX_NUMBER_CHARS + "}", "number"),
        ('{"base_prompt": "x", "render": {"guidance": 0.' + "3" * 5000 + "}}", "number"),
        ('{"base_prompt": "x", "render": {"seed": -' + "9" * 4999 + "}}", "number"),
    ],
)
def test_json_numbers_and_nesting_are_bounded(tmp_path, text, message):
    path = tmp_path / "plan.json"
    path.write_text(text)
    with pytest.raises(InputError, match=message):
        within(30, lambda: load_plan(path))
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"plan": ' + text + "}\n")
    with pytest.raises(InputError, match=message):
        within(30, lambda: read_batch(batch))


def test_plain_json_still_parses_exactly():
    assert loads_json('{"a": [1, 2.5, -3e-2, {"b": null}]}', source="x") == {
        "a": [1, 2.5, -0.03, {"b": None}]
    }


@pytest.mark.parametrize(
    "encoding, message",
    [("utf-16", "UTF-16"), ("utf-16-le", "NUL bytes"), ("utf-32", "UTF-32"), ("latin-1", "not UTF-8")],
)
def test_text_files_must_be_utf8_and_the_encoding_is_named(tmp_path, encoding, message):
    text = json.dumps({"base_prompt": "café au lait"}, ensure_ascii=False)
    plan, batch = tmp_path / "plan.json", tmp_path / "batch.txt"
    plan.write_text(text, encoding=encoding)
    batch.write_text("a café\n", encoding=encoding)
    for call in (lambda: load_plan(plan), lambda: read_batch(batch)):
        with pytest.raises(InputError, match=message):
            call()
    plan.write_bytes(b"\xef\xbb\xbf" + text.encode())  # a UTF-8 byte-order mark is fine
    assert load_plan(plan).base_prompt == "café au lait"


def test_a_layout_picture_given_as_a_plan_says_what_it_is(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["a red fox on the left", "--planner", "rules", "--plan-only", "--out", str(out), "-q"]) == 0
    for name in ("layout.png",):
        assert main(["--plan", str(out / name), "--plan-only", "--out", str(tmp_path / "again")]) == 2
        line = capsys.readouterr().err.strip()
        assert "layout picture of a plan" in line and "plan.json" in line and "\n" not in line
    Image.new("RGB", (8, 8)).save(tmp_path / "photo.png")
    assert main(["--plan", str(tmp_path / "photo.png"), "--plan-only", "--out", str(tmp_path / "again")]) == 2
    assert "not made by plan-and-render" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ("You plan images.\n{% if max_regions %}\nAt most {{ max_regions }}.\n", 3, "endif"),
        ("You plan images.\n\nUse {{ nonsense_name }} regions.\n", 3, "nonsense_name"),
        ("Size {{ width }}.\n{{ width | no_such_filter }}\n", 2, "no_such_filter"),
    ],
)
def test_a_template_error_names_the_file_and_line(tmp_path, text, line, reason):
    folder = template_folder(tmp_path, text=text)
    with pytest.raises(TemplateError) as caught:
        render_templates(folder)
    message = str(caught.value)
    assert f"{folder / 'system.j2'}, line {line}" in message and reason in message, message
    assert isinstance(caught.value, InputError) and "\n" not in message


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
@pytest.mark.parametrize(
    "make, flag",
    [
        (lambda tmp: fifo(tmp / "plan.json"), "--plan"),
        (lambda tmp: fifo(tmp / "jobs.txt"), "--batch"),
        (lambda tmp: Path("/dev/zero"), "--plan"),
        (lambda tmp: Path("/dev/zero"), "--batch"),
        (lambda tmp: pixel_bomb(tmp / "image.png"), "--plan"),
        (lambda tmp: text_bomb(tmp / "image.png"), "--plan"),
    ],
)
def test_the_command_refuses_hostile_files_with_exit_2_and_one_line(tmp_path, make, flag):
    path = make(tmp_path)
    extra = ["--plan-only"] if flag == "--plan" else []
    result = run_cli([flag, str(path), *extra, "--out", str(tmp_path / "out")], cwd=tmp_path, timeout=60)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("plan-and-render: error: ") and str(path) in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not os.path.exists(tmp_path / "out" / "plan.json")


def test_the_command_names_a_broken_templates_file_and_line_with_exit_2(tmp_path, monkeypatch, capsys):
    folder = template_folder(tmp_path, text="You plan images.\n\nAt most {{ max_regions + }} regions.\n")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # never reached: the template fails first
    argv = ["a red fox", "--planner", "openai", "--templates", str(folder), "--plan-only"]
    assert within(60, lambda: main([*argv, "--out", str(tmp_path / "out")])) == 2
    line = capsys.readouterr().err.strip()
    assert line.startswith("plan-and-render: error: template ") and "\n" not in line
    assert f"{folder / 'system.j2'}, line 3" in line
