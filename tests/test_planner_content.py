"""Reading model answers: the pydantic contract, JSON extraction, small box fixes, schema caps, fuzzing."""

from __future__ import annotations

import json
import logging
import random
import re
import time

import pytest

from planner.content import (
    ContentError,
    ContentOptions,
    PlanContent,
    RegionContent,
    SchemaLimits,
    content_json_schema,
    content_to_plan,
    json_objects,
    plan_from_answer,
)
from planner.plan import Plan

DATA = {
    "base_prompt": "b",
    "background_prompt": "",
    "regions": [{"label": "x", "prompt": "y", "box": [0, 0, 1, 1]}],
}


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(DATA),
        "```json\n" + json.dumps(DATA) + "\n```",
        "```\n" + json.dumps(DATA) + "\n```",
        "Here you go: " + json.dumps(DATA) + " -- hope it helps {not json}",
        "{broken} and then " + json.dumps(DATA),
        '{ "unclosed": ' + json.dumps(DATA),
        'a stray " quote, then ' + json.dumps(DATA),
    ],
)
def test_json_objects_finds_the_object(text):
    assert DATA in json_objects(text)


@pytest.mark.parametrize("text", ["", "no json here", "[1, 2, 3]", '{"a": ', "__import__('os')"])
def test_answer_without_an_object_is_refused(text):
    assert json_objects(text) == []
    with pytest.raises(ContentError, match="not a JSON object"):
        plan_from_answer(text, ContentOptions(prompt="p"))


def test_a_valid_plan_after_an_example_object_is_found():
    example = {"label": "cat", "prompt": "a cat", "box": [0, 0, 0.5, 0.5]}
    text = f"A region looks like {json.dumps(example)}. Here is the plan: {json.dumps(DATA)}"
    plan = plan_from_answer(text, ContentOptions(prompt="p"))
    assert [r.label for r in plan.regions] == ["x"]


def test_problems_come_from_the_most_plan_like_object():
    bad = dict(DATA, regions=[{"label": "x", "prompt": "y", "box": [0, 0, 2, 1]}])
    with pytest.raises(ContentError) as info:
        plan_from_answer('{"note": "hello"} ' + json.dumps(bad), ContentOptions(prompt="p"))
    assert any(p.startswith("regions[0].box") for p in info.value.problems)


def test_extraction_is_linear_in_nested_braces():
    for text in ("{" * 200_000, "{" * 100_000 + "}" * 100_000, '{"a": ' * 50_000, "{}" * 200_000):
        start = time.perf_counter()
        with pytest.raises(ContentError):
            plan_from_answer(text, ContentOptions(prompt="p"))
        assert time.perf_counter() - start < 5.0  # seconds for 200-400 kB; a quadratic scan takes minutes


def test_box_fixes_and_validation(caplog):
    options = ContentOptions(prompt="p", width=512, height=512, max_regions=4)
    data = {
        "base_prompt": "b",
        "regions": [
            {"label": "a", "prompt": "a", "box": [-0.04, 0.2, 0.5, 1.05], "extra": 1},
            {"label": "b", "prompt": "b", "box": [0.9, 0.8, 0.6, 0.1]},
            {"label": "c", "prompt": "c", "box": [0.3, 0.3, 0.3, 0.5]},
        ],
    }
    with caplog.at_level(logging.WARNING, "planner"):
        plan = content_to_plan(data, options)
    assert [r.box for r in plan.regions] == [(0.0, 0.2, 0.5, 1.0), (0.6, 0.1, 0.9, 0.8)]
    assert plan.prompt == "p" and plan.width == 512 and plan.background_prompt == ""
    with pytest.raises(ContentError) as info:
        content_to_plan(
            {"base_prompt": "", "regions": [{"label": "a", "prompt": "a", "box": [0, 0, 2, 1]}]}, options
        )
    assert any(p.startswith("base_prompt:") for p in info.value.problems)
    assert any("regions[0].box" in p for p in info.value.problems)


def test_the_contract_does_not_coerce():
    options = ContentOptions(prompt="p")
    for region in (
        {"label": "a", "prompt": "a", "box": ["0", "0", "1", "1"]},
        {"label": "a", "prompt": "a", "box": [True, 0, 1, 1]},
        {"label": 7, "prompt": "a", "box": [0, 0, 1, 1]},
    ):
        with pytest.raises(ContentError, match=r"regions\[0\]\.(box|label)"):
            content_to_plan({"base_prompt": "b", "background_prompt": "", "regions": [region]}, options)


def test_too_many_regions_then_truncate():
    regions = [{"label": f"r{i}", "prompt": "p", "box": [0, 0, 0.5, 0.5]} for i in range(5)]
    options = ContentOptions(prompt="p", max_regions=2)
    with pytest.raises(ContentError) as info:
        content_to_plan({"base_prompt": "b", "regions": regions}, options)
    assert info.value.too_many_regions
    options.truncate_extra_regions = True
    assert [r.label for r in content_to_plan({"base_prompt": "b", "regions": regions}, options).regions] == [
        "r0",
        "r1",
    ]


def test_schema_is_generated_from_the_models_with_the_cap():
    schema = content_json_schema(5)
    assert schema["properties"]["regions"]["maxItems"] == 5
    assert schema["properties"]["regions"]["description"] == PlanContent.model_fields["regions"].description
    region = schema["$defs"]["RegionContent"]
    assert region["properties"]["box"]["description"] == RegionContent.model_fields["box"].description
    assert region["additionalProperties"] is False and schema["additionalProperties"] is False
    assert list(schema["properties"]) == ["base_prompt", "background_prompt", "regions"]
    assert list(region["properties"]) == ["label", "prompt", "box"]


def test_grammar_schema_caps():
    tight = content_json_schema(5, SchemaLimits(max_regions=3, label_chars=10))
    assert tight["properties"]["regions"]["maxItems"] == 3
    assert content_json_schema(2, SchemaLimits(max_regions=3))["properties"]["regions"]["maxItems"] == 2
    region = next(iter(tight["$defs"].values()))
    label = re.compile(region["properties"]["label"]["pattern"])
    assert label.match("red fox") and label.match("x" * 10)
    assert not label.match("x" * 11) and not label.match(" red fox") and not label.match("")
    assert not label.match("red\nfox")
    assert re.match(tight["properties"]["background_prompt"]["pattern"], "")
    assert region["properties"]["box"]["items"] == {"type": "number", "minimum": 0, "maximum": 1}


# ------------------------------------------------------------------ fuzzing the answer validation
_PIECES = [
    "{",
    "}",
    "[",
    "]",
    '"',
    ",",
    ":",
    "\\",
    "\n",
    "```json\n",
    "```",
    " ",
    '"regions"',
    '"base_prompt"',
    '"background_prompt"',
    '"label"',
    '"prompt"',
    '"box"',
    "0.5",
    "-1e309",
    "1e309",
    "NaN",
    "Infinity",
    "null",
    "true",
    "12345678901234567890",
    '"a cat"',
    '"line\\nbreak"',
    '"\\ud800"',
    "[0, 0, 1, 1]",
    "[0.9, 0.1, 0.2, 0.8]",
    "[1, 2]",
]


def _random_answer(rng: random.Random) -> str:
    if rng.random() < 0.5:  # mutate a valid answer
        regions = [
            {
                "label": rng.choice(["cat", "", " ", "a\nb", "x" * 300, 5]),
                "prompt": rng.choice(["p", "", None, ["p"]]),
                "box": rng.choice(
                    [[0, 0, 1, 1], [0.2, 0.2, 0.1, 0.1], [0, 0, 0, 0], "0 0 1 1", [float("nan")] * 4]
                ),
            }
            for _ in range(rng.randint(0, 20))
        ]
        data = {
            "base_prompt": rng.choice(["scene", "", 3, None]),
            "background_prompt": rng.choice(["", "bg", None, []]),
            "regions": rng.choice([regions, None, {}, "none"]),
        }
        if rng.random() < 0.3:
            data["unexpected"] = 1
        text = json.dumps(data, allow_nan=True)
        cut = rng.randint(0, len(text))
        return rng.choice([text, text[:cut], text[:cut] + rng.choice(_PIECES) + text[cut:]])
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 60)))


def test_fuzzed_answers_give_a_plan_or_the_planners_error():
    rng = random.Random(1234)
    start = time.perf_counter()
    outcomes = {"plan": 0, "error": 0}
    for _ in range(1500):
        text = _random_answer(rng)
        options = ContentOptions(prompt="p", max_regions=rng.choice([0, 1, 4, 16]))
        options.truncate_extra_regions = rng.random() < 0.5
        try:
            plan = plan_from_answer(text, options)
        except ContentError as exc:
            assert exc.problems and all(isinstance(p, str) and "\n" not in p for p in exc.problems)
            outcomes["error"] += 1
        else:
            assert isinstance(plan, Plan) and len(plan.regions) <= options.max_regions
            outcomes["plan"] += 1
    assert outcomes["plan"] > 10 and outcomes["error"] > 500  # both outcomes were exercised
    assert time.perf_counter() - start < 30
