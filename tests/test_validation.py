"""Strict input: one rule for a value whatever the door, no coercion, finite numbers, bounded text.

Every bad value below is refused with an InputError whose one line names the field; the fuzz test
throws random plans and settings at validation and accepts only a valid result or an InputError.
"""

from __future__ import annotations

import json
import math
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from planner.errors import InputError, PlanError
from planner.plan import MAX_LABEL, MAX_PROMPT, REGIONS_CEILING, Plan, load_plan, parse_plan, validate_plan
from renderer.batch import BatchFileError, read_batch
from renderer.cli import main
from renderer.settings import SETTING_NAMES, SettingsError, check_given, resolve_settings
from renderer.workflow import plan_and_render

BASE = {"base_prompt": "a quiet room", "width": 256, "height": 256}
REGION = {"label": "cat", "prompt": "a grey cat", "box": [0.0, 0.0, 0.5, 0.5]}


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


# ----------------------------------------------------------------------------- one rule, every door
TOKENS_RULE = "must be a whole number of T5 tokens in 1..512, or 'own' or 'padded'"
BAD_SETTINGS = [
    ("steps", 5000, "steps: Input should be less than or equal to 1000"),
    ("steps", True, "steps: Input should be a valid integer"),
    ("steps", "4", "steps: Input should be a valid integer"),
    ("steps", 4.0, "steps: Input should be a valid integer"),
    ("base_copy", "no", "base_copy: Input should be a valid boolean"),
    ("base_copy", 1, "base_copy: Input should be a valid boolean"),
    ("guidance", math.inf, "guidance: Input should be a finite number"),
    ("guidance", math.nan, "guidance: Input should be a finite number"),
    ("guidance", "3.5", "guidance: Input should be a valid number"),
    ("seed", 2**64, "seed: Input should be less than or equal to 18446744073709551615"),
    ("seed", -1, "seed: Input should be greater than or equal to 0"),
    ("regional_tokens", 0, f"regional_tokens: {TOKENS_RULE}, not 0"),
    ("regional_tokens", True, f"regional_tokens: {TOKENS_RULE}, not True"),
    ("regional_tokens", "short", f"regional_tokens: {TOKENS_RULE}, not 'short'"),
    ("attention", "fast", "attention: Input should be 'auto', 'sdpa' or 'flex'"),
]


@pytest.mark.parametrize(("name", "value", "message"), BAD_SETTINGS)
def test_a_bad_setting_is_refused_the_same_way_by_every_door(tmp_path, name, value, message):
    with pytest.raises(SettingsError) as python_call:
        check_given({name: value})
    assert str(python_call.value) == f"invalid setting: {message}"
    with pytest.raises(SettingsError, match="^invalid setting: ") as workflow:
        plan_and_render(validate_plan(BASE), plan_only=True, **{name: value})
    assert str(workflow.value) == str(python_call.value)
    with pytest.raises(PlanError) as plan_file:
        validate_plan({**BASE, "render": {name: value}})
    assert str(plan_file.value) == f"invalid plan: render.{message}"
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"prompt": "a cat", name: value}, allow_nan=True) + "\n")
    with pytest.raises(BatchFileError) as batch_line:
        read_batch(batch)
    assert str(batch_line.value) == f"batch.jsonl:1: invalid setting: {message}"


@pytest.mark.parametrize(
    ("flag", "message"),
    [
        (["--steps", "5000"], "invalid setting: steps: Input should be less than or equal to 1000"),
        (["--guidance", "inf"], "invalid setting: guidance: Input should be a finite number"),
        (["--guidance", "nan"], "invalid setting: guidance: Input should be a finite number"),
        (["--seed", str(2**64)], "invalid setting: seed: Input should be less than or equal to"),
        (["--regional-tokens", "600"], "invalid setting: regional_tokens: must be a whole number"),
    ],
)
def test_the_cli_refuses_with_the_same_line_before_anything_is_written(tmp_path, capsys, flag, message):
    out = tmp_path / "out"
    assert main(["a red fox", "--planner", "rules", "--plan-only", *flag, "--out", str(out)]) == 2
    assert one_line(capsys.readouterr().err).startswith(f"plan-and-render: error: {message}")
    assert not out.exists()


def test_good_edge_values_are_accepted():
    assert check_given({"seed": 2**64 - 1, "guidance": 0, "regional_tokens": 512}) == {
        "seed": 2**64 - 1,
        "guidance": 0,
        "regional_tokens": 512,
    }
    assert resolve_settings(regional_tokens="own").regional_tokens == "own"
    assert resolve_settings().regional_tokens == 256


def test_an_unknown_setting_is_a_type_error_in_python_and_refused_in_files(tmp_path):
    with pytest.raises(TypeError, match="unknown render setting"):
        check_given({"stepz": 3})
    with pytest.raises(PlanError, match="render.stepz: unknown field"):
        validate_plan({**BASE, "render": {"stepz": 3}})


# ----------------------------------------------------------------------------- the plan's own fields
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"width": "1024"}, "width: Input should be a valid integer"),
        ({"width": 1024.0}, "width: Input should be a valid integer"),
        ({"width": True}, "width: Input should be a valid integer"),
        ({"version": True}, "version: Value error, must be 1"),
        ({"base_prompt": "x" * (MAX_PROMPT + 1)}, "base_prompt: String should have at most 4000 characters"),
        ({"base_prompt": "a\x00b"}, "base_prompt: Value error, must not contain control characters"),
        ({"regions": [{**REGION, "label": "red\nfox"}]}, "regions[0].label: Value error, must be one line"),
        ({"regions": [{**REGION, "label": "x" * (MAX_LABEL + 1)}]}, "regions[0].label: String should have"),
        (
            {"regions": [{**REGION, "box": [0, 0, True, 1]}]},
            "regions[0].box[2]: Input should be a valid number",
        ),
        (
            {"regions": [{**REGION, "box": [0, 0, math.inf, 1]}]},
            "regions[0].box[2]: Input should be a finite",
        ),
        ({"regions": [{**REGION, "box": None, "mask": "data:image/png;base64,!!"}]}, "not valid base64"),
        ({"max_regions": REGIONS_CEILING + 1}, "max_regions: Input should be less than or equal to 64"),
    ],
)
def test_plan_fields_are_strict(change, message):
    with pytest.raises(PlanError) as info:
        validate_plan({**BASE, **change})
    assert message.replace("Value error, ", "") in str(info.value)


def test_infinity_in_a_plan_file_is_refused_and_never_written(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"base_prompt": "x", "render": {"guidance": Infinity}}')
    with pytest.raises(PlanError, match="render.guidance: Input should be a finite number"):
        load_plan(path)
    text = validate_plan(
        {**BASE, "regions": [REGION], "render": {"guidance": 99.5, "seed": 2**64 - 1}}
    ).to_json()
    assert "Infinity" not in text and "NaN" not in text and json.loads(text)["render"]["seed"] == 2**64 - 1


def test_a_number_too_long_or_nesting_too_deep_is_a_plan_error():
    with pytest.raises(PlanError, match="not valid JSON"):
        parse_plan('{"base_prompt": "x", "width": ' + "9" * 5000 + "}")
    with pytest.raises(PlanError, match="not valid JSON"):
        parse_plan('{"base_prompt": "x", "prompt": ' + "[" * 100000 + "]" * 100000 + "}")


# ----------------------------------------------------------------------------- masks and limits
def test_an_all_black_mask_is_refused_naming_the_region(tmp_path):
    Image.new("L", (64, 64), 0).save(tmp_path / "black.png")
    plan = validate_plan(
        {**BASE, "regions": [REGION, {"label": "rug", "prompt": "a rug", "mask": "black.png"}]}
    ).resolve_mask_paths(tmp_path)
    with pytest.raises(PlanError, match=r"regions\[1\].mask: the mask of 'rug' is empty"):
        plan_and_render(plan, plan_only=True)


def test_plans_made_with_a_higher_region_limit_load_back(tmp_path):
    regions = [
        {"label": f"tile {i}", "prompt": f"tile number {i}", "box": [i / 20, 0.0, (i + 1) / 20, 1.0]}
        for i in range(20)
    ]
    with pytest.raises(PlanError, match="20 regions is more than the limit of 16"):
        validate_plan({**BASE, "regions": regions})
    plan = validate_plan({**BASE, "regions": regions}, max_regions=20)
    assert (
        plan.max_regions is None
    )  # a caller's limit is the caller's, the plan records what it was made with
    recorded = plan.model_copy(update={"max_regions": 20})
    recorded.save(tmp_path / "plan.json")
    assert len(load_plan(tmp_path / "plan.json").regions) == 20
    out = tmp_path / "out"
    assert main(["--plan", str(tmp_path / "plan.json"), "--plan-only", "--out", str(out), "-q"]) == 0
    assert load_plan(out / "plan.json").max_regions == 20


def test_the_workflow_records_a_region_limit_other_than_the_default():
    result = plan_and_render("a red fox and a blue bird", planner="rules", max_regions=20, plan_only=True)
    assert result.plan.max_regions == 20
    assert plan_and_render("a red fox", planner="rules", plan_only=True).plan.max_regions is None


# ----------------------------------------------------------------------------- fuzz
JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["own", "padded", "auto", "flex", "data:image/png;base64,AAAA", "x\ny", "1024", ""]),
)
JSON = st.recursive(
    JSON_LEAF,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
SETTING_VALUES = st.dictionaries(st.sampled_from(SETTING_NAMES), JSON, max_size=4)
PLAN_KEYS = [
    "version",
    "prompt",
    "base_prompt",
    "background_prompt",
    "width",
    "height",
    "max_regions",
    "regions",
    "render",
]
REGION_KEYS = ["label", "prompt", "box", "mask"]


@st.composite
def plans(draw) -> object:
    """A valid-looking plan with a few fields replaced by random JSON (or a random object)."""
    region = {**REGION, **draw(st.dictionaries(st.sampled_from(REGION_KEYS), JSON, max_size=2))}
    data = {**BASE, "regions": [region] * draw(st.integers(0, 3))}
    data.update(draw(st.dictionaries(st.sampled_from(PLAN_KEYS), JSON, max_size=3)))
    if draw(st.booleans()):
        data["render"] = draw(SETTING_VALUES)
    return draw(st.one_of(st.just(data), JSON))


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_fuzz_plans_validate_or_raise_input_error(data):
    started = time.perf_counter()
    try:
        plan = validate_plan(data)
    except InputError:
        pass
    else:
        assert isinstance(plan, Plan)
        text = plan.to_json()  # a valid plan always writes standard JSON and reads back the same
        assert parse_plan(text) == plan
        json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in plan.json"))
    try:
        parse_plan(json.dumps(data, allow_nan=True))
    except InputError:
        pass
    assert time.perf_counter() - started < 1.0


@settings(max_examples=300, deadline=2000)
@given(SETTING_VALUES)
def test_fuzz_settings_resolve_or_raise_input_error(values):
    try:
        resolved = resolve_settings(**values)
    except InputError:
        return
    for value in resolved.as_dict().values():
        assert not isinstance(value, float) or math.isfinite(value)
