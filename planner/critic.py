"""The critic: checks a plan against what its prompt says, before any GPU time is spent.

It compares the plan's regions with the offline parser's reading of the prompt
(`planner.reading.read_prompt`): a thing the prompt names with no region, fewer regions than the
stated count, a box that contradicts a stated place ("on the left") or relation ("on the table",
"left of the barn"), a tiny thing with a huge box. It is strict about precision: each check only
speaks when the evidence is clear (labels are matched by their nouns; geometry has tolerances),
so a correct plan gets no findings. Findings are advice: they go into the LLM's repair prompt
and are shown to the user; they never fail a render.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from planner.plan import MAX_REGIONS, Plan, Region
from planner.reading import PromptReading, RelationKind, Size, Thing, read_prompt

log = logging.getLogger("planner")

# How far a box centre may sit past the middle before a stated side is contradicted.
SIDE_TOLERANCE = 0.05
# Box area (fraction of the image) above which a thing of this size is "huge".
HUGE_AREA = {Size.TINY: 0.25, Size.SMALL: 0.6}
_WORD = re.compile(r"[a-z]+")
# side -> (axis, does the box (lo, hi) on that axis fit it, words). "In the middle" is not checked
# vertically: in a room or a landscape it means the middle of the floor or the water, not of the
# picture's height. The centre only needs the box to reach into the central third.
_SIDES = {
    "left": ("x", lambda lo, hi: (lo + hi) / 2 <= 0.5 + SIDE_TOLERANCE, "on the left"),
    "right": ("x", lambda lo, hi: (lo + hi) / 2 >= 0.5 - SIDE_TOLERANCE, "on the right"),
    "center": ("x", lambda lo, hi: lo < 2 / 3 and hi > 1 / 3, "in the centre"),
    "top": ("y", lambda lo, hi: (lo + hi) / 2 <= 0.5 + SIDE_TOLERANCE, "at the top"),
    "bottom": ("y", lambda lo, hi: (lo + hi) / 2 >= 0.5 - SIDE_TOLERANCE, "at the bottom"),
}


@dataclass(frozen=True)
class Finding:
    """One way the plan disagrees with its prompt.

    - kind: "missing", "count", "place", "relation" or "size".
    - message: one line for the user and for the LLM's repair prompt.
    - region: index into plan.regions of the region concerned (None for missing things).
    - thing: the prompt's label of the thing concerned.
    """

    kind: str
    message: str
    region: int | None = None
    thing: str | None = None


def _singulars(word: str) -> set[str]:
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        forms.add(word[:-1])
    return forms


def _plural(label: str) -> str:
    if re.search(r"(s|x|z|ch|sh)$", label):
        return label + "es"
    if re.search(r"[^aeiou]y$", label):
        return label[:-1] + "ies"
    return label + "s"


def _label_nouns(region: Region) -> set[str]:
    words = _WORD.findall(region.label.lower())
    return set().union(*(_singulars(w) for w in words)) if words else set()


def _region_head(region: Region) -> str:
    """The label's head noun: its last word before " of " / " with " ("girl with red balloon": girl)."""
    label = re.split(r" (?:of|with|in|on|holding) ", region.label.lower())[0]
    words = _WORD.findall(label)
    return words[-1] if words else ""


def _matches(thing: Thing, region: Region) -> bool:
    """The region shows the thing: the thing's head noun is in the label, or the label's head is in the thing's label."""
    heads = _WORD.findall(thing.head.lower())
    if heads and heads[-1] in _label_nouns(region):
        return True
    thing_words = set().union(*(_singulars(w) for w in _WORD.findall(thing.label.lower()) or [""]))
    return bool(_singulars(_region_head(region)) & thing_words - {""})


def _assign(plan: Plan, reading: PromptReading) -> list[list[int]]:
    """For each thing, the indices of the regions that show it (each region shows one thing).

    Regions whose labels carry more of the thing's attributes are taken first; a thing with no
    stated count takes every matching region left.
    """
    taken: set[int] = set()
    assigned: list[list[int]] = []
    for thing in reading.things:
        attributes = {a.lower() for a in thing.attributes}
        candidates = [i for i, r in enumerate(plan.regions) if i not in taken and _matches(thing, r)]
        candidates.sort(key=lambda i: -len(attributes & set(_WORD.findall(plan.regions[i].label.lower()))))
        mine = sorted(candidates if thing.count is None else candidates[: thing.count])
        taken.update(mine)
        assigned.append(mine)
    return assigned


def _centre(box: tuple[float, float, float, float]) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def _shown(box: tuple[float, float, float, float]) -> str:
    return "[" + ", ".join(f"{v:.2f}" for v in box) + "]"


def _related(reading: PromptReading) -> set[int]:
    """Things the prompt places relative to another thing ("a cup ON the table": the cup).

    The other thing (the table) is not counted: a surface or container can be background.
    """
    return {
        relation.subject
        for relation in reading.relations
        if relation.kind in _RELATION_WORDS and relation.subject not in relation.objects
    }


def _shown_inside(thing: Thing, plan: Plan) -> bool:
    """The thing is part of another region: "painting of a ship", "bowl of lemons", "crowd of people"."""
    heads = _WORD.findall(thing.head.lower())
    for region in plan.regions:
        _, of, rest = region.label.lower().partition(" of ")
        if of and heads and heads[-1] in set().union(*(_singulars(w) for w in _WORD.findall(rest) or [""])):
            return True
    return False


def _count_findings(plan: Plan, reading: PromptReading, assigned: list[list[int]], cap: int) -> list[Finding]:
    asked_total = sum(thing.count or 1 for thing in reading.things)
    if len(plan.regions) >= cap or asked_total > cap:
        return []  # over the region cap something has to be merged or left out
    related = _related(reading)
    supports = {  # what something stands on or is in (a rug, a table, a bowl) may be background
        target
        for relation in reading.relations
        if relation.kind in (RelationKind.ON, RelationKind.IN) and relation.subject not in relation.objects
        for target in relation.objects
    }
    findings = []
    for index, (thing, regions) in enumerate(zip(reading.things, assigned, strict=True)):
        if _shown_inside(thing, plan) or (index in supports and not regions):
            continue
        # Only a thing the prompt clearly places is "missing": a count, a place, or a relation
        # it is the subject of (style words and asides read as nouns must not make the critic nag).
        evident = (thing.count or 0) > 1 or thing.place is not None or index in related
        evident = evident and thing.head.lower() not in _SIDES  # "from left to right" is no thing
        if not regions and evident:
            findings.append(
                Finding("missing", f'no region for "{thing.label}" (the prompt names it)', thing=thing.label)
            )
        elif regions and thing.count is not None and len(regions) < thing.count:
            findings.append(
                Finding(
                    "count",
                    f"{thing.count} {_plural(thing.label)} asked, {len(regions)} planned",
                    thing=thing.label,
                )
            )
    return findings


def _place_findings(plan: Plan, reading: PromptReading, assigned: list[list[int]]) -> list[Finding]:
    findings = []
    for thing, regions in zip(reading.things, assigned, strict=True):
        if thing.place is None:
            continue
        for index in regions:
            box = plan.regions[index].box
            if box is None:
                continue
            for side in (thing.place.horizontal, thing.place.vertical):
                if side not in _SIDES:
                    continue
                axis, fits, words = _SIDES[side]
                if not (fits(box[0], box[2]) if axis == "x" else fits(box[1], box[3])):
                    findings.append(
                        Finding(
                            "place",
                            f'region {index + 1} "{plan.regions[index].label}": the prompt puts it {words}, '
                            f"but its box {_shown(box)} is not there",
                            region=index,
                            thing=thing.label,
                        )
                    )
    return findings


def _holds(kind: RelationKind, subject: tuple, obj: tuple) -> bool | None:
    """Whether box `subject` stands in relation `kind` to box `obj`; None when not checked."""
    (sx, sy), (ox, oy) = _centre(subject), _centre(obj)
    overlap_x = subject[0] < obj[2] and subject[2] > obj[0]
    if kind is RelationKind.ON:  # its bottom edge rests within the other's height, above or across it
        return overlap_x and obj[1] - 0.1 <= subject[3] <= obj[3] + 0.05
    if kind is RelationKind.IN:
        return obj[0] - 0.05 <= sx <= obj[2] + 0.05 and obj[1] - 0.05 <= sy <= obj[3] + 0.05
    if kind is RelationKind.LEFT_OF:
        return sx < ox
    if kind is RelationKind.RIGHT_OF:
        return sx > ox
    if kind is RelationKind.ABOVE:
        return sy < oy
    if kind is RelationKind.BELOW:
        return sy > oy
    return None  # in front of, behind, next to, between: too loose to judge from boxes


_RELATION_WORDS = {
    RelationKind.ON: "on",
    RelationKind.IN: "in",
    RelationKind.LEFT_OF: "left of",
    RelationKind.RIGHT_OF: "right of",
    RelationKind.ABOVE: "above",
    RelationKind.BELOW: "below",
}


def _relation_findings(plan: Plan, reading: PromptReading, assigned: list[list[int]]) -> list[Finding]:
    findings = []
    for relation in reading.relations:
        if relation.subject in relation.objects or len(relation.objects) != 1:
            continue
        if relation.kind not in _RELATION_WORDS:
            continue
        target = relation.objects[0]
        if not (0 <= relation.subject < len(assigned) and 0 <= target < len(assigned)):
            continue
        objects = [plan.regions[i].box for i in assigned[target] if plan.regions[i].box is not None]
        if not objects:
            continue
        for index in assigned[relation.subject]:
            box = plan.regions[index].box
            if box is None or any(_holds(relation.kind, box, other) for other in objects):
                continue
            object_label = reading.things[target].label
            findings.append(
                Finding(
                    "relation",
                    f'region {index + 1} "{plan.regions[index].label}": the prompt puts it '
                    f"{_RELATION_WORDS[relation.kind]} the {object_label}, but its box {_shown(box)} is not",
                    region=index,
                    thing=reading.things[relation.subject].label,
                )
            )
    return findings


def _size_findings(plan: Plan, reading: PromptReading, assigned: list[list[int]]) -> list[Finding]:
    if len(plan.regions) < 2:
        return []  # a lone subject may fill the picture (a close-up)
    findings = []
    for thing, regions in zip(reading.things, assigned, strict=True):
        limit = HUGE_AREA.get(thing.size)
        if limit is None:
            continue
        for index in regions:
            box = plan.regions[index].box
            if box is None:
                continue
            area = (box[2] - box[0]) * (box[3] - box[1])
            if area > limit:
                size = "tiny" if thing.size is Size.TINY else "small"
                findings.append(
                    Finding(
                        "size",
                        f'region {index + 1} "{plan.regions[index].label}": a {size} thing with a box '
                        f"covering {area:.0%} of the image",
                        region=index,
                        thing=thing.label,
                    )
                )
    return findings


def critique(
    plan: Plan, reading: PromptReading | None = None, *, max_regions: int = MAX_REGIONS
) -> list[Finding]:
    """Where `plan` disagrees with what its prompt says; [] when it agrees (or nothing can be checked).

    `reading` defaults to `read_prompt(plan.prompt)` (the base prompt when the plan has none).
    `max_regions` is the region cap the plan was made under: at the cap, missing things and short
    counts are expected and not reported.
    """
    if reading is None:
        text = plan.prompt or plan.base_prompt
        try:
            reading = read_prompt(text) if text.strip() else PromptReading()
        except Exception as exc:  # a critique is advice: a parser failure must never fail a run
            log.warning("critic: could not read the prompt (%s: %s); no findings", type(exc).__name__, exc)
            return []
    assigned = _assign(plan, reading)
    return [
        *_count_findings(plan, reading, assigned, max_regions),
        *_place_findings(plan, reading, assigned),
        *_relation_findings(plan, reading, assigned),
        *_size_findings(plan, reading, assigned),
    ]
