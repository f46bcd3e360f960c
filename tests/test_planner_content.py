"""Reading model answers: JSON extraction, small box fixes, schema caps."""

from __future__ import annotations

import json
import logging
import re

import pytest

from planner.content import (
    ContentError,
    ContentOptions,
    SchemaLimits,
    content_json_schema,
    content_to_plan,
    extract_json_object,
)

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
    ],
)
def test_extract_json_object(text):
    assert extract_json_object(text) == DATA


@pytest.mark.parametrize("text", ["", "no json here", "[1, 2, 3]", '{"a": ', "__import__('os')"])
def test_extract_rejects_non_objects(text):
    with pytest.raises(ContentError, match="not a JSON object"):
        extract_json_object(text)


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


def test_schema_caps():
    loose = content_json_schema(5)
    assert "maxItems" not in loose["properties"]["regions"]
    tight = content_json_schema(5, SchemaLimits(max_regions=3, label_chars=10))
    assert tight["properties"]["regions"]["maxItems"] == 3
    region = tight["properties"]["regions"]["items"]
    label = re.compile(region["properties"]["label"]["pattern"])
    assert label.match("red fox") and label.match("x" * 10)
    assert not label.match("x" * 11) and not label.match(" red fox") and not label.match("")
    assert re.match(tight["properties"]["background_prompt"]["pattern"], "")
    assert region["properties"]["box"]["items"] == {"type": "number", "minimum": 0, "maximum": 1}
