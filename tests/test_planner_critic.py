"""The critic: what a plan gets wrong about its prompt, and how the LLM planner repairs it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from planner_fixtures import FakeLLMServer, answer

import planner
from planner.content import ContentOptions, content_to_plan
from planner.critic import Finding, critique
from planner.plan import Plan, load_plan
from planner.reading import Place, PromptReading, Relation, RelationKind, Size, Thing
from prompts import PROMPTS_DIR

ROOT = Path(__file__).resolve().parents[1]
HARBOUR = "An old lighthouse on the left, a small boat on the right and two seagulls in the sky."
LIGHTHOUSE = {"label": "old lighthouse", "prompt": "an old lighthouse", "box": [0.05, 0.1, 0.4, 0.95]}
BOAT = {"label": "small boat", "prompt": "a small boat", "box": [0.6, 0.6, 0.95, 0.9]}
GULLS = [
    {"label": "seagull", "prompt": "a seagull gliding", "box": [0.55, 0.08, 0.7, 0.2]},
    {"label": "seagull", "prompt": "a seagull gliding", "box": [0.78, 0.1, 0.92, 0.22]},
]
GOOD = {"base_prompt": HARBOUR, "background_prompt": "a harbour", "regions": [LIGHTHOUSE, BOAT, *GULLS]}
DROPPED = dict(GOOD, regions=[LIGHTHOUSE, BOAT, GULLS[0]])
SWAPPED = dict(
    GOOD,
    regions=[dict(LIGHTHOUSE, box=[0.6, 0.1, 0.95, 0.95]), dict(BOAT, box=[0.05, 0.6, 0.4, 0.9]), *GULLS],
)


def plan_of(content: dict, prompt: str = HARBOUR, max_regions: int = 16) -> Plan:
    return content_to_plan(content, ContentOptions(prompt=prompt, max_regions=max_regions))


# What the parser reads in HARBOUR, written out: the checks are tested against the reading contract,
# whatever parser fills it in (the repair-loop tests below use the real one).
READING = PromptReading(
    things=(
        Thing("old lighthouse", "lighthouse", 1, Size.HUGE, Place(horizontal="left"), ("old",)),
        Thing("small boat", "boat", 1, Size.MEDIUM, Place(horizontal="right"), ("small",)),
        Thing("seagull", "seagull", 2, Size.SMALL, Place(vertical="top")),
    )
)


# ------------------------------------------------------------------ the checks
def test_a_plan_that_follows_its_prompt_has_no_findings():
    assert critique(plan_of(GOOD), READING) == []
    assert critique(plan_of(GOOD)) == []  # and as the parser reads the prompt


def test_a_missing_instance_is_a_count_finding():
    findings = critique(plan_of(DROPPED), READING)
    assert [(f.kind, f.message) for f in findings] == [("count", "2 seagulls asked, 1 planned")]


def test_a_missing_thing_is_named():
    findings = critique(plan_of(dict(GOOD, regions=[LIGHTHOUSE, *GULLS])), READING)
    assert [(f.kind, f.thing) for f in findings] == [("missing", "small boat")]
    assert 'no region for "small boat"' in findings[0].message


def test_a_thing_the_prompt_does_not_place_is_not_reported_missing():
    aside = PromptReading(things=(*READING.things, Thing("35mm film", "film", 1, attributes=("35mm",))))
    assert critique(plan_of(GOOD), aside) == []


def test_boxes_on_the_wrong_side_are_found():
    findings = critique(plan_of(SWAPPED), READING)
    assert [(f.kind, f.region) for f in findings] == [("place", 0), ("place", 1)]
    assert "puts it on the left" in findings[0].message and "on the right" in findings[1].message


def test_a_box_contradicting_a_relation():
    prompt = "a white cup on a wooden table"
    reading = PromptReading(
        things=(Thing("white cup", "cup", size=Size.SMALL), Thing("wooden table", "table")),
        relations=(Relation(RelationKind.ON, 0, (1,)),),
    )
    table = {"label": "wooden table", "prompt": "t", "box": [0.05, 0.55, 0.95, 0.95]}
    on = {"label": "white cup", "prompt": "c", "box": [0.4, 0.35, 0.6, 0.6]}
    floating = dict(on, box=[0.4, 0.02, 0.6, 0.2])
    content = {"base_prompt": prompt, "background_prompt": "", "regions": [on, table]}
    assert critique(plan_of(content, prompt), reading) == []
    findings = critique(plan_of(dict(content, regions=[floating, table]), prompt), reading)
    assert [(f.kind, f.region) for f in findings] == [("relation", 0)]
    assert "on the wooden table" in findings[0].message


def test_a_small_thing_with_a_huge_box():
    prompt = "a bee on a sunflower"
    reading = PromptReading(things=(Thing("bee", "bee", size=Size.TINY), Thing("sunflower", "sunflower")))
    bee = {"label": "bee", "prompt": "b", "box": [0.0, 0.0, 0.95, 0.95]}
    flower = {"label": "sunflower", "prompt": "f", "box": [0.2, 0.5, 0.8, 1.0]}
    content = {"base_prompt": prompt, "background_prompt": "", "regions": [bee, flower]}
    findings = critique(plan_of(content, prompt), reading)
    assert [(f.kind, f.region) for f in findings] == [("size", 0)] and "tiny thing" in findings[0].message
    alone = dict(content, regions=[bee])  # a close-up may fill the frame
    assert critique(plan_of(alone, prompt), reading) == []


def test_at_the_region_cap_missing_things_are_expected():
    capped = dict(GOOD, regions=[LIGHTHOUSE, BOAT])
    assert critique(plan_of(capped, max_regions=2), READING, max_regions=2) == []
    assert [f.kind for f in critique(plan_of(capped), READING)] == ["missing"]


def test_the_centre_needs_only_to_reach_the_middle_third():
    reading = PromptReading(things=(Thing("red canoe", "canoe", place=Place("center", "middle")),))
    canoe = {"label": "red canoe", "prompt": "c", "box": [0.52, 0.7, 0.9, 0.95]}
    content = {"base_prompt": "a canoe", "background_prompt": "", "regions": [canoe]}
    assert critique(plan_of(content, "a canoe"), reading) == []
    off = dict(content, regions=[dict(canoe, box=[0.7, 0.7, 0.95, 0.95])])
    assert [f.kind for f in critique(plan_of(off, "a canoe"), reading)] == ["place"]


def test_a_thing_shown_inside_another_region_is_not_missing():
    prompt = "On the wall hangs a painting of a sailing ship, and a wooden bench stands in front of it."
    regions = [
        {"label": "painting of a sailing ship", "prompt": "p", "box": [0.2, 0.1, 0.8, 0.5]},
        {"label": "wooden bench", "prompt": "b", "box": [0.15, 0.65, 0.85, 0.9]},
    ]
    assert (
        critique(plan_of({"base_prompt": prompt, "background_prompt": "", "regions": regions}, prompt)) == []
    )


def test_findings_are_one_line_dataclasses():
    for finding in critique(plan_of(SWAPPED), READING) + critique(plan_of(DROPPED), READING):
        assert isinstance(finding, Finding) and "\n" not in finding.message


# ------------------------------------------------------------------ precision on known-good plans
def test_readme_plan_has_no_findings():
    text = (ROOT / "README.md").read_text()
    block = re.search(r"## The plan format.*?```json\n(.*?)```", text, re.DOTALL)
    assert block, "README has no plan example"
    assert critique(planner.parse_plan(block.group(1))) == []


# Findings on the rules planner's example plans that are justified (the rules layout is wrong there).
JUSTIFIED = {("street-market", "relation", "tomato")}


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*/plan.json")), ids=lambda p: p.parent.name)
def test_example_plans_have_no_spurious_findings(path):
    findings = critique(load_plan(path))
    assert {(path.parent.name, f.kind, f.thing) for f in findings} <= JUSTIFIED, [f.message for f in findings]


EXAMPLES = json.loads((PROMPTS_DIR / "examples.json").read_text())


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["prompt"][:30])
def test_few_shot_answers_have_no_findings(example):
    cap = example.get("max_regions", 16)
    plan = plan_of(example["answer"], example["prompt"], max_regions=cap)
    assert critique(plan, max_regions=cap) == []


def test_few_shot_examples_cover_long_prose():
    prompts = [e["prompt"].lower() for e in EXAMPLES]
    assert any(p.count(",") >= 5 and "." not in p.rstrip(".") for p in prompts)  # a tag-style list
    assert any("from left to right" in p for p in prompts)
    assert any("painting of" in p for p in prompts)
    assert any("in front of" in p and " on the table" in p for p in prompts)
    crowded = [e for e in EXAMPLES if "max_regions" in e]
    assert crowded and all(len(e["answer"]["regions"]) <= e["max_regions"] for e in crowded)


# ------------------------------------------------------------------ the repair loop, against a loopback server
@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-key-for-the-critic")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def plan_through(monkeypatch, steps, tmp_path, **kwargs):
    with FakeLLMServer(steps) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = planner.make_plan(
            HARBOUR, planner="openai", llm_model="m", raw_response_dir=tmp_path, **kwargs
        )
    return plan, server


def repair_text(server, index: int) -> str:
    return server.requests[index]["messages"][-1]["content"]


def test_a_dropped_thing_gets_a_repair_naming_it(monkeypatch, tmp_path):
    plan, server = plan_through(monkeypatch, [answer(DROPPED), answer(GOOD)], tmp_path)
    assert len(server.requests) == 2 and len(plan.regions) == 4
    assert "2 seagulls asked, 1 planned" in repair_text(server, 1)
    assert server.requests[1]["messages"][-2] == {"role": "assistant", "content": json.dumps(DROPPED)}


def test_swapped_sides_get_a_repair(monkeypatch, tmp_path):
    plan, server = plan_through(monkeypatch, [answer(SWAPPED), answer(GOOD)], tmp_path)
    assert len(server.requests) == 2 and plan.regions[0].box == tuple(LIGHTHOUSE["box"])
    repair = repair_text(server, 1)
    assert '"old lighthouse": the prompt puts it on the left' in repair
    assert '"small boat": the prompt puts it on the right' in repair


def test_twenty_regions_under_a_cap_of_four_get_a_repair(monkeypatch, tmp_path):
    many = dict(GOOD, regions=[dict(GULLS[0], label=f"seagull {i}") for i in range(20)])
    fixed = dict(GOOD, regions=[LIGHTHOUSE, BOAT, *GULLS])
    plan, server = plan_through(monkeypatch, [answer(many), answer(fixed)], tmp_path, max_regions=4)
    assert (
        server.requests[0]["response_format"]["json_schema"]["schema"]["properties"]["regions"]["maxItems"]
        == 4
    )
    assert "20 regions is more than the limit of 4" in repair_text(server, 1)
    assert "at most 4 regions" in repair_text(server, 1)
    assert len(server.requests) == 2 and len(plan.regions) == 4


def test_a_model_that_never_fixes_it_gives_the_best_plan_and_the_findings(monkeypatch, tmp_path):
    steps = [answer(SWAPPED), answer(DROPPED), answer("not json at all")]
    plan, server = plan_through(monkeypatch, steps, tmp_path, max_repairs=2)
    assert len(server.requests) == 3  # within the repair budget
    assert [r.label for r in plan.regions] == [r["label"] for r in DROPPED["regions"]]  # 1 finding beats 2
    assert [f.message for f in critique(plan)] == ["2 seagulls asked, 1 planned"]


def test_no_critic_takes_the_first_valid_plan(monkeypatch, tmp_path):
    plan, server = plan_through(monkeypatch, [answer(SWAPPED), answer(GOOD)], tmp_path, critic=False)
    assert len(server.requests) == 1 and plan.regions[0].box == (0.6, 0.1, 0.95, 0.95)


def test_plan_and_render_reports_what_still_disagrees(monkeypatch, tmp_path):
    from renderer import plan_and_render

    with FakeLLMServer([answer(DROPPED)]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        result = plan_and_render(HARBOUR, planner="openai", plan_only=True, out=tmp_path)
        quiet = plan_and_render(HARBOUR, planner="openai", plan_only=True, critic=False)
    assert [f.message for f in result.findings] == ["2 seagulls asked, 1 planned"]
    assert quiet.findings == []


def test_a_parser_failure_never_fails_a_run(monkeypatch, tmp_path, caplog):
    import planner.critic
    from renderer import plan_and_render

    def broken(prompt):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(planner.critic, "read_prompt", broken)
    assert critique(plan_of(SWAPPED)) == []
    result = plan_and_render(HARBOUR, planner="rules", plan_only=True)
    assert result.plan.regions and result.findings == []
    assert "could not read the prompt" in caplog.text
