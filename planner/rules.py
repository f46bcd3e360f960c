"""The `rules` backend: an offline, deterministic planner with no model.

It reads the prompt (planner.rules_read: a pipeline of small passes giving a PromptReading),
turns what it read into layout groups and constraints (planner.rules_constraints), lays out boxes
(planner.rules_layout, whose last pass planner.rules_repair makes stated facts hold) and writes each region's prompt from the thing's own words plus the
picture's setting and style. Scenes, light and style go to the background prompt; things that are
worn, held, parts or excluded get no region. The base prompt is the user's whole prompt.
"""

from __future__ import annotations

from planner.plan import MAX_PROMPT, PLAN_VERSION, Plan
from planner.reading import PromptReading, Thing
from planner.rules_budget import Kept, budget
from planner.rules_constraints import layout_input
from planner.rules_layout import layout_groups
from planner.rules_read import read
from planner.rules_vocab import ThingKind, WordClass, entry, is_class, plural_of

_SKY_KINDS = frozenset({ThingKind.NATURE})


def _distinct(parts: list[str]) -> list[str]:
    """Parts without repeats or parts contained in a longer one ('dawn' in 'at dawn')."""
    unique = list(dict.fromkeys(parts))[:24]  # a picture's style is said in a few words
    kept: list[str] = []
    for part in unique:
        padded = f" {part.lower()} "
        if any(padded in f" {o.lower()} " for o in unique if o is not part and len(o) > len(part)):
            continue
        if part.lower() not in (k.lower() for k in kept):
            kept.append(part)
    return kept


def _in_setting(thing: Thing) -> bool:
    """Whether the setting ('in a cityscape') applies to a thing: not to the moon or the sky's birds."""
    known = entry(thing.head)
    up_there = thing.place is not None and thing.place.vertical == "top"
    return not (known is not None and known.kind in _SKY_KINDS and up_there) and not is_class(
        thing.head, WordClass.SKY
    )


def _context(reading: PromptReading, thing: Thing) -> str:
    """Setting and style words a region shares with the picture, so the parts match."""
    parts = [reading.setting] if reading.setting and _in_setting(thing) else []
    return ", ".join(_distinct([*parts, *reading.style]))


def _background(reading: PromptReading) -> str:
    """What fills the space between regions: the scene phrases and the style."""
    return ", ".join(_distinct([*reading.backdrop, *reading.style]))


def _region_texts(thing: Thing, kept: Kept, context: str) -> list[str]:
    """The prompts of a kept thing's regions: the thing's own phrase for each single instance and,
    when its last region holds the rest of a group that shrank, that region names them ('3 dancers')."""
    rest = _group_phrase(thing, kept.last_holds) if kept.grouped else thing.phrase
    return [_region_text(thing.phrase, context)] * (kept.regions - 1) + [_region_text(rest, context)]


def _region_text(text: str, context: str) -> str:
    if context:
        text += ", " + context
    return " ".join(text.split())


def _group_phrase(thing: Thing, count: int | None = None) -> str:
    """`count` instances (all of them unless given) in one region: '20 birds', keeping the
    thing's details."""
    own, _, details = thing.phrase.partition(", ")
    words = own.split()
    if words and words[0] in {"a", "an"}:
        words = words[1:]
    head = thing.head.split()[-1] if thing.head else ""
    lows = [word.lower() for word in words]
    if words and plural_of(head) not in lows:  # the head, not the last word ('a boy building a snowman')
        at = lows.index(head) if head in lows else len(words) - 1
        words[at] = plural_of(words[at])
    count = count or thing.count
    number = f"{count} " if count else ""
    return ", ".join(part for part in (number + " ".join(words), details) if part)


def _clipped(text: str, limit: int) -> str:
    """`text` cut at the last word that fits in `limit` characters (T5 reads 512 tokens, about
    2,000 characters, so a longer base prompt would be cut by the model anyway)."""
    if len(text) <= limit:
        return text
    return text[: limit + 1].rsplit(" ", 1)[0]


def plan_with_rules(prompt: str, *, width: int = 1024, height: int = 1024, max_regions: int = 16) -> Plan:
    """A Plan for `prompt` without any model: deterministic, well under a second."""
    reading = read(prompt)
    kept = budget(reading, max_regions)
    groups, constraints, riders = layout_input(reading, kept)
    boxes = layout_groups(groups, constraints, width, height, riders)
    regions = []
    for item, group_boxes in zip(kept, boxes, strict=True):
        thing = reading.things[item.thing]
        texts = _region_texts(thing, item, _context(reading, thing))
        regions.extend(
            {"label": thing.label, "prompt": text, "box": box}
            for text, box in zip(texts, group_boxes, strict=True)
        )
    return Plan.model_validate(
        {
            "version": PLAN_VERSION,
            "prompt": prompt,
            "base_prompt": _clipped(" ".join(prompt.split()), MAX_PROMPT),
            "background_prompt": _background(reading),
            "width": width,
            "height": height,
            "regions": regions,
        },
        context={"max_regions": max_regions},
    )


def reading_of(prompt: str) -> PromptReading:
    """The rules reader's PromptReading of `prompt` (the same as planner.reading.read_prompt)."""
    return read(prompt)


__all__ = ["plan_with_rules", "reading_of"]
