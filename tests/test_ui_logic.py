"""The browser editor's logic without a browser: canvas <-> table <-> plan, settings form, uploads, renders."""

import json

import pytest

from planner.errors import InputError
from planner.plan import Plan, PlanError
from renderer.settings import DEFAULTS, SETTING_NAMES
from renderer.ui import error_message, form_settings, form_values
from renderer.ui_plan import (
    canvas_boxes,
    plan_from_page,
    read_upload,
    rows_from_canvas,
    rows_from_plan,
)
from renderer.ui_settings import setting_fields

W, H = 512, 256


def _rows():
    return [
        ["lighthouse", "an old white lighthouse", 0.05, 0.1, 0.45, 0.9],
        ["boat", "a small blue boat", 0.55, 0.5, 0.95, 0.8],
        ["gull", "a gull", 0.6, 0.1, 0.7, 0.2],
    ]


def _box(label, x0, y0, x1, y1):
    return {"label": label, "xmin": x0, "ymin": y0, "xmax": x1, "ymax": y1, "color": (0, 0, 0)}


# ------------------------------------------------------------------ canvas <-> table
def test_rows_become_pixel_boxes_on_a_picture_of_the_plan_size():
    boxes = canvas_boxes(_rows(), W, H)
    assert [(b["label"], b["xmin"], b["ymin"], b["xmax"], b["ymax"]) for b in boxes] == [
        ("lighthouse", 26, 26, 230, 230),
        ("boat", 282, 128, 486, 205),
        ("gull", 307, 26, 358, 51),
    ]
    assert boxes[0]["color"] != boxes[1]["color"]


def test_an_untouched_canvas_gives_the_same_rows_exactly():
    rows = _rows()
    assert rows_from_canvas(rows, canvas_boxes(rows, W, H), W, H) == rows


def test_moving_a_box_moves_its_row_and_keeps_its_prompt():
    rows = _rows()
    boxes = canvas_boxes(rows, W, H)
    boxes[1] = _box("boat", 20, 128, 224, 205)  # dragged to the left
    out = rows_from_canvas(rows, boxes, W, H)
    assert out[1][:2] == ["boat", "a small blue boat"]
    assert out[1][2:] == [round(20 / W, 4), 0.5, round(224 / W, 4), 0.8]  # y unchanged to the digit
    assert out[0] == rows[0] and out[2] == rows[2]


def test_a_box_listed_in_another_order_keeps_the_table_order():
    rows = _rows()
    boxes = canvas_boxes(rows, W, H)
    boxes = [boxes[2], boxes[0], boxes[1]]  # the canvas brought the gull to the front
    assert rows_from_canvas(rows, boxes, W, H) == rows


def test_deleting_a_box_deletes_its_row_even_among_same_labels():
    rows = [["bird", "first bird", 0.1, 0.1, 0.2, 0.2], ["bird", "second bird", 0.5, 0.5, 0.6, 0.6]]
    boxes = canvas_boxes(rows, W, H)[1:]  # the first bird deleted
    assert rows_from_canvas(rows, boxes, W, H) == [rows[1]]


def test_a_new_box_is_a_new_region_whose_prompt_starts_as_its_label():
    rows = _rows()
    boxes = [*canvas_boxes(rows, W, H), _box("red kite", 0, 0, 128, 64)]
    out = rows_from_canvas(rows, boxes, W, H)
    assert out[:3] == rows
    assert out[3] == ["red kite", "red kite", 0.0, 0.0, 0.25, 0.25]


def test_relabelling_a_box_on_the_canvas_renames_the_row():
    rows = _rows()
    boxes = canvas_boxes(rows, W, H)
    boxes[2]["label"] = "seagull"
    assert rows_from_canvas(rows, boxes, W, H)[2] == ["seagull", "a gull", 0.6, 0.1, 0.7, 0.2]


def test_a_row_with_a_broken_box_is_not_on_the_canvas_and_stays_in_the_table():
    rows = [*_rows(), ["kite", "a kite", "left", 0, 1, 1]]
    boxes = canvas_boxes(rows, W, H)
    assert len(boxes) == 3
    assert rows_from_canvas(rows, boxes, W, H) == rows


# ------------------------------------------------------------------ page -> plan, and the messages
def _page(rows, base="a harbour at dawn", width=W, height=H):
    return plan_from_page("a harbour", base, "", width, height, rows)


def test_the_page_becomes_the_plan_with_the_tables_boxes():
    plan = _page(_rows())
    assert [r.label for r in plan.regions] == ["lighthouse", "boat", "gull"]
    assert plan.regions[1].box == (0.55, 0.5, 0.95, 0.8)
    assert (plan.width, plan.height) == (W, H)
    assert rows_from_plan(plan) == _rows()


def test_a_box_dragged_past_the_edge_is_named_by_its_region_number():
    rows = _rows()
    rows[1][4] = 1.1  # past the right edge
    with pytest.raises(PlanError, match=r"region 2 box: .*must lie inside \[0, 1\]"):
        _page(rows)


@pytest.mark.parametrize(
    ("rows", "base", "width", "message"),
    [
        (_rows(), "  ", W, "base_prompt: must not be empty"),
        (
            [["boat", "a boat", "a", 0, 1, 1]],
            "x",
            W,
            r"region 1 \(boat\): x0, y0, x1, y1 must be four numbers",
        ),
        ([["boat", "a boat", 0.5, 0.5, 0.4, 0.9]], "x", W, "region 1 box: .*flipped"),
        ([[" ", "", 0.1, 0.1, 0.2, 0.2]], "x", W, "region 1 label: "),
        (_rows(), "x", 500, "width: 500 is not a multiple of 16"),
        (_rows(), "x", "wide", "width: must be a whole number of pixels"),
    ],
)
def test_bad_page_input_is_one_line_naming_the_problem(rows, base, width, message):
    with pytest.raises(PlanError, match=message) as caught:
        _page(rows, base=base, width=width)
    assert "\n" not in str(caught.value)


def test_a_plan_with_a_mask_region_is_refused_with_a_message(tmp_path):
    plan = Plan(base_prompt="x", regions=[{"label": "cat", "prompt": "a cat", "mask": "cat.png"}])
    with pytest.raises(PlanError, match="region 1 \\(cat\\) uses a mask image"):
        rows_from_plan(plan)


# ------------------------------------------------------------------ the settings form
def test_the_form_has_every_setting_with_its_default_and_bounds():
    specs = setting_fields()
    assert tuple(s.name for s in specs) == SETTING_NAMES
    assert {s.name: s.default for s in specs} == DEFAULTS.as_dict()
    by_name = {s.name: s for s in specs}
    assert (by_name["base_ratio"].low, by_name["base_ratio"].high) == (0, 1)
    assert (by_name["steps"].low, by_name["steps"].high) == (1, 1000)
    assert by_name["base_copy"].choices == (True, False)
    assert "0..1" in by_name["base_ratio"].describe()


def test_empty_fields_are_not_chosen_and_chosen_ones_are_typed():
    specs = setting_fields()
    chosen = {"steps": 4, "base_copy": True, "attention": "sdpa", "regional_tokens": 128, "guidance": 2.0}
    assert form_settings(specs, form_values(specs, chosen)) == chosen
    values = form_values(specs, {"regional_tokens": "own"})
    assert form_settings(specs, values) == {"regional_tokens": "own"}
    assert form_settings(specs, form_values(specs, {})) == {}


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("base_ratio", 1.5, "invalid setting: base_ratio: Input should be less than or equal to 1"),
        ("steps", 0, "invalid setting: steps: Input should be greater than or equal to 1"),
        ("seed", -1, "invalid setting: seed: Input should be greater than or equal to 0"),
        (
            "max_sequence_length",
            600,
            "invalid setting: max_sequence_length: Input should be less than or equal to 512",
        ),
        ("regional_tokens", "lots", "invalid setting: regional_tokens: .*'own' or 'padded'"),
    ],
)
def test_a_setting_out_of_range_gives_the_settings_models_message(name, value, message):
    specs = setting_fields()
    values = form_values(specs, {name: value})
    with pytest.raises(InputError, match=message) as caught:
        form_settings(specs, values)
    assert "\n" not in str(caught.value)


# ------------------------------------------------------------------ uploads
def test_an_uploaded_plan_json_comes_back_with_its_settings(tmp_path):
    plan = _page(_rows())
    data = json.loads(plan.to_json())
    data["render"] = {"seed": 7}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data))
    loaded = read_upload(str(path))
    assert loaded.plan.regions == plan.regions
    assert loaded.settings == {"seed": 7}
    assert loaded.model is None


def test_an_uploaded_image_gives_its_plan_settings_and_model(tmp_path):
    from PIL import Image

    from renderer.metadata import save_png

    plan = _page(_rows())
    settings = DEFAULTS.__class__(seed=3, steps=2)
    save_png(tmp_path / "image.png", Image.new("RGB", (W, H)), plan, settings, "tiny")
    loaded = read_upload(str(tmp_path / "image.png"))
    assert loaded.plan.regions == plan.regions
    assert loaded.settings["seed"] == 3 and loaded.settings["steps"] == 2
    assert loaded.model == "tiny"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "not valid JSON"),
        (b"[1, 2]", "must be a JSON object"),
        (b"\x89PNG\r\n\x1a\nbroken", "cannot read image"),
    ],
)
def test_an_unreadable_upload_is_a_one_line_message(tmp_path, content, message):
    path = tmp_path / "upload.bin"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_upload(str(path))


def test_a_png_made_elsewhere_says_it_carries_no_plan(tmp_path):
    from PIL import Image

    Image.new("RGB", (8, 8)).save(tmp_path / "photo.png")
    with pytest.raises(InputError, match="carries no plan"):
        read_upload(str(tmp_path / "photo.png"))


def test_error_messages_name_unexpected_errors_by_type():
    assert error_message(PlanError("invalid plan: width: too small")) == "invalid plan: width: too small"
    assert error_message(KeyError("boxes")) == "KeyError: 'boxes'"


# ------------------------------------------------------------------ the command line
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["a prompt", "--port", "7000"], "--host, --port and --share go with --ui"),
        (["--ui", "--batch", "jobs.txt"], "--ui does not go with --batch"),
        (["--ui", "--plan-only"], "--ui does not go with --plan-only"),
        (["--ui", "--port", "70000"], "70000 is not allowed"),
    ],
)
def test_page_flags_outside_their_use_are_usage_errors(argv, message, capsys):
    from renderer.cli import main

    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_the_page_and_the_command_share_one_help(capsys):
    from renderer.ui import main

    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "--ui" in text and "--host ADDR" in text and "--share" in text


def test_without_gradio_the_page_says_how_to_install_it(capsys, tmp_path):
    import importlib.util

    if importlib.util.find_spec("gradio") and importlib.util.find_spec("gradio_image_annotation"):
        pytest.skip("gradio is installed here: the message is for machines without the [ui] extra")
    from renderer.cli import main

    assert main(["--ui", "--model", "tiny", "--out", str(tmp_path)]) == 2
    assert 'pip install "regional-flux[ui]"' in capsys.readouterr().err


# ------------------------------------------------------------------ the critic beside the plan
def test_the_critics_findings_are_listed_beside_the_plan():
    from renderer.ui import critic_text

    plan = plan_from_page(
        "three yellow lemons on a table", "three yellow lemons on a table", "", W, H, [_rows()[0]]
    )
    text = critic_text(plan)  # a lighthouse where the prompt asks for three lemons
    assert text.startswith("- ") and "lemon" in text
    assert critic_text(None).startswith("_Plan a prompt")
