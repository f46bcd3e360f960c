"""Which noun phrases the rules planner reads as things, and what belongs to whom (issue 9).

Each test is a construction of English in sentences written for these tests."""

from __future__ import annotations

import planner
from planner.plan import Plan


def plan(prompt: str) -> Plan:
    return planner.make_plan(prompt, planner="rules")


def labels(prompt: str) -> list[str]:
    return [r.label for r in plan(prompt).regions]


def prompt_of(p: Plan, label: str) -> str:
    return next(r.prompt for r in p.regions if r.label == label)


def test_common_objects_from_the_public_vocabularies_are_things():
    got = labels("A goldsmith stands at an anvil next to a toolbox, and two clownfish circle a brain coral.")
    assert {"anvil", "toolbox", "clownfish", "brain coral"} <= set(got)


def test_a_colour_before_an_unknown_noun_is_its_colour():
    assert labels("Three orange gobies swim past a rock.") == ["orange goby"] * 3 + ["rock"]


def test_a_listed_plural_after_a_prepositions_object_is_no_verb():
    got = labels("A van is parked under the stone arches.")
    assert got == ["van", "stone arch"]
    got = labels("On the shelf there is a tray with two boiled eggs.")
    assert "tray" in got and "boiled egg" not in got  # the eggs are on the tray, in its prompt


def test_a_participle_after_a_noun_starts_no_new_noun_phrase():
    got = labels("The sky streaked pink and gold above a kite.")
    assert got == ["kite"]
