"""The `rules` backend: an offline, deterministic planner with no model.

It reads the prompt (planner.rules_parse), lays out boxes for what it found
(planner.rules_layout) and writes labels and regional prompts from each thing's own words plus
the picture's style. Scene words (a beach, a kitchen) go to the background prompt; excluded
things ("without a hat") get no region. The base prompt is the user's whole prompt.
"""

from __future__ import annotations

import logging

from planner.plan import PLAN_VERSION, Plan
from planner.reading import Place, PromptReading, Relation, RelationKind, Size, Thing
from planner.rules_layout import Constraint, Group, layout_groups
from planner.rules_lexicon import (
    ANIMATE_NOUNS,
    COLOUR_SHADES,
    COLOURS,
    GERUND_MODIFIERS,
    LARGE_NOUNS,
    MATERIALS,
    NOUN_ING_WORDS,
    PLURAL_ONLY,
    SIZES,
    SMALL_NOUNS,
    TALL_NOUNS,
    WEATHER_NOUNS,
    WIDE_NOUNS,
)
from planner.rules_parse import Mention, Reading, read_prompt
from planner.rules_text import is_known_adjective, is_verb, singular

log = logging.getLogger("planner")

_VOWEL_SOUND = tuple("aeiou")
_SCENE_LEADS = frozenset(
    "on in at inside near by over under across along beside above below through among around during".split()
)
# Scenes one is on rather than in: "on a beach", "on the street".
_ON_SCENES = frozenset(
    "beach shore coast seaside street road highway sidewalk pavement lawn ice stage".split()
)
# Scene words that are a surface or the sky, not a setting for every region.
_SKY_LIKE = frozenset(
    "sky skies air clouds cloud horizon weather fog mist rain snow water light floor ground grass sand "
    "surface wall walls lawn pavement sidewalk ice background backdrop foreground".split()
)
_PAIRS = frozenset(
    "glasses sunglasses goggles scissors pants trousers jeans shorts binoculars pliers tongs headphones".split()
)


def _article(phrase: str) -> str:
    return (
        "an"
        if phrase[:1].lower() in _VOWEL_SOUND and not phrase.lower().startswith(("uni", "one", "eu"))
        else "a"
    )


def _phrase(mention: Mention, *, one: bool, variant: list[str] | None = None) -> str:
    """The mention's own words; one instance ('a white cat') or the group ('white cats')."""
    words = list(mention.words)
    if variant:
        words = _variant_words(mention, variant)
        mention = _with_words(mention, words)
    if one:
        words[mention.head_index] = _singular_word(words[mention.head_index], mention)
        text = " ".join(words)
        if mention.head in PLURAL_ONLY:
            return f"a pair of {text}" if mention.head in _PAIRS else text
        if mention.determiner == "the" and any(
            w.endswith("est") or w in {"first", "second", "third", "last", "other"}
            for w in mention.attributes
        ):
            return f"the {text}"  # "the largest balloon"
        if not mention.determiner and not text.isascii():
            return text  # "ein gemütliches Café": no English article the user did not write
        return f"{_article(text)} {text}"
    return " ".join(words)


def _variant_words(mention: Mention, variant: list[str]) -> list[str]:
    extra = [w for w in variant if w.lower() not in mention.lows]
    return mention.words[: mention.head_index] + extra + mention.words[mention.head_index :]


def _with_words(mention: Mention, words: list[str]) -> Mention:
    """A copy of `mention` with other words before its head (for per-instance variants)."""
    from dataclasses import replace

    head_index = len(words) - (len(mention.words) - mention.head_index)
    return replace(mention, words=words, lows=[w.lower() for w in words], head_index=head_index)


def _singular_word(word: str, mention: Mention) -> str:
    single = mention.head if word.lower() != mention.head else word
    if word[:1].isupper() and single:
        single = single[0].upper() + single[1:]
    return single


def _key_attribute(mention: Mention) -> list[str]:
    """The attribute that best tells this thing apart: a colour (with shade), else material, size..."""
    attributes = mention.attributes
    for i, word in enumerate(attributes):
        if word in COLOURS:
            shade = [attributes[i - 1]] if i and attributes[i - 1] in COLOUR_SHADES else []
            if (
                attributes[i + 1 : i + 2] in (["and"], ["or"])
                and attributes[i + 2 : i + 3]
                and attributes[i + 2] in COLOURS
            ):
                return [*shade, word, attributes[i + 1], attributes[i + 2]]
            return [*shade, word]
    for group in (MATERIALS, SIZES):
        for word in attributes:
            if word in group:
                return [word]
    known = [w for w in attributes if is_known_adjective(w)]
    if known:
        return known[:1]
    return []


def _verb_form(word: str, head: str) -> bool:
    """A verb or an -ing action before the head ("running dog", "parked car"): not for labels.

    Purpose gerunds stay ("dining table", "fishing boat") unless the head is a person or an
    animal, which the -ing word then says is doing something ("a sleeping cat").
    """
    if is_known_adjective(word) or word in NOUN_ING_WORDS:
        return False
    if word.endswith("ing") and len(word) > 4 and word.isascii():
        return word not in GERUND_MODIFIERS or head in ANIMATE_NOUNS
    return is_verb(word)


def label_for(mention: Mention) -> str:
    """Short singular noun phrase with the key attribute: 'red backpack', 'fire hydrant'."""
    attributes = [w for w in mention.attributes if not _verb_form(w, mention.head)]
    compound: list[str] = []
    for word in reversed(attributes):  # nouns right before the head: "fire hydrant", "teddy bear"
        if is_known_adjective(word) or word in {"and", "or"} or len(compound) == 2:
            break
        compound.insert(0, word)
    key = [w for w in _key_attribute(mention) if w not in compound]
    return " ".join([*key, *compound, mention.head]).replace(" ,", ",")


def _distinct(parts: list[str]) -> list[str]:
    """Parts without repeats or parts already contained in another ('dawn' in 'at dawn')."""
    kept: list[str] = []
    for part in parts:
        padded = f" {part.lower()} "
        if any(
            padded in f" {other.lower()} " for other in parts if other is not part and len(other) > len(part)
        ):
            continue
        if part.lower() not in (k.lower() for k in kept):
            kept.append(part)
    return kept


def _context(reading: Reading) -> str:
    """Scene and style words that every regional prompt shares, so the parts match."""
    parts = []
    scenes = [s for s in reading.scenes if s.head not in _SKY_LIKE and not s.head.endswith("ground")]
    if scenes:
        scene = scenes[0]
        lead = scene.lead if scene.lead in _SCENE_LEADS else ("on" if scene.head in _ON_SCENES else "in")
        det = scene.determiner if scene.determiner not in {"", "no"} else None
        det = det or ("the" if scene.plural else _article(" ".join(scene.words)))
        parts.append(f"{lead} {det} {' '.join(scene.words)}")
    weather = [s for s in reading.scenes if s.head in WEATHER_NOUNS or s.lows[-1] in WEATHER_NOUNS]
    if weather:  # "in thick fog", "during a thunderstorm": it falls on every part of the picture
        parts.append(" ".join(weather[0].words))
    parts.extend(reading.style)
    return ", ".join(_distinct(parts))


def _background(reading: Reading) -> str:
    """What fills the space between regions: the scene phrases and the style."""
    scenes = []
    for scene in reading.scenes:
        words = " ".join(scene.words)
        det = scene.determiner if scene.determiner not in {"", "no"} else ""
        scenes.append(f"{det} {words}".strip())
    if not scenes:  # light, time and style alone still say what lies between the regions
        return ", ".join(_distinct(reading.style))
    return ", ".join(_distinct([*scenes, *reading.style]))


def _region_prompt(mention: Mention, *, one: bool, context: str, variant: list[str] | None = None) -> str:
    text = _phrase(mention, one=one, variant=variant).replace(" ,", ",")
    if mention.details:
        text += " " + ", ".join(mention.details)
    if context:
        text += ", " + context
    return " ".join(text.split())


_RELATION_CONSTRAINTS = {
    "left_of": [("left_of", 0, 1)],
    "right_of": [("left_of", 1, 0)],
    "above": [("above", 0, 1)],
    "on": [("above", 0, 1), ("adjacent", 0, 1), ("align_x", 0, 1)],
    "below": [("above", 1, 0)],
    "front": [("above", 1, 0)],
    "behind": [("above", 0, 1)],
    "adjacent": [("adjacent", 0, 1), ("before", 0, 1)],
    "between": [("left_of", 1, 0), ("left_of", 0, 2)],
    "around": [("left_of", 1, 0)],
}


def _constraints(reading: Reading, index_of: dict[int, int]) -> list[Constraint]:
    constraints: list[Constraint] = []
    for relation in reading.relations:
        members = [relation.subject.resolved(), *(m.resolved() for m in relation.objects)]
        ids = [index_of.get(id(m)) for m in members]
        for kind, a, b in _RELATION_CONSTRAINTS.get(relation.kind, []):
            if (
                a < len(ids)
                and b < len(ids)
                and ids[a] is not None
                and ids[b] is not None
                and ids[a] != ids[b]
            ):
                constraints.append(Constraint(kind, ids[a], ids[b]))
    # "next to" a thing pinned left (or said of a thing pinned right) means to its right
    for relation in reading.relations:
        subject_right = relation.subject.resolved().horizontal == "right"
        if relation.kind == "adjacent" and (
            relation.objects[0].resolved().horizontal == "left" or subject_right
        ):
            a, b = (
                index_of.get(id(relation.subject.resolved())),
                index_of.get(id(relation.objects[0].resolved())),
            )
            constraints = [c for c in constraints if not (c.kind == "before" and (c.a, c.b) == (a, b))]
            if a is not None and b is not None and a != b:
                constraints.append(Constraint("before", b, a))
    return constraints


def _depth(mention: Mention, reading: Reading) -> str | None:
    if mention.depth:
        return mention.depth
    for relation in reading.relations:
        if relation.subject.resolved() is mention and relation.kind in {"front", "behind"}:
            return "front" if relation.kind == "front" else "back"
    return None


def _usual_shape(mention: Mention) -> float:
    """Width/height of one such thing: tall for people and towers, wide for cars and sofas."""
    if mention.head in TALL_NOUNS:
        return 0.6
    if mention.head in WIDE_NOUNS:
        return 1.5
    return 1.0


_SMALL_SIZE, _USUAL_SIZE, _LARGE_SIZE = 0.42, 0.6, 0.9
_PERSON_SIZE = 0.8  # a person alone: most of the picture's height
_CLOSE_FRAMES = frozenset("portrait close-up closeup headshot selfie macro".split())


def _usual_size(mention: Mention, reading: Reading) -> float:
    """The most one instance may span (fraction of the picture's side) when it has room."""
    head = mention.head
    if head in SMALL_NOUNS:
        size = _SMALL_SIZE
    elif head in LARGE_NOUNS:
        size = _LARGE_SIZE
    elif head in TALL_NOUNS and head in ANIMATE_NOUNS:
        size = _PERSON_SIZE
    else:
        size = _USUAL_SIZE
    attributes = set(mention.attributes)
    if attributes & {"tiny", "small", "little", "miniature", "mini", "petite"}:
        size *= 0.8
    if attributes & {"big", "large", "huge", "giant", "enormous", "massive", "gigantic", "oversized", "tall"}:
        size *= 1.3
    if any(m.kind == "frame" and _CLOSE_FRAMES.intersection(m.lows) for m in reading.mentions):
        size *= 1.5  # "a portrait of an old woman", "a close-up of a bee": it fills the frame
    return min(1.0, size)


def _budget(entities: list[Mention], max_regions: int) -> list[tuple[Mention, int]]:
    """(mention, instances) for the first things in prompt order that fit in max_regions."""
    wanted = sum(m.count or 1 for m in entities)
    if wanted > max_regions:
        log.warning(
            "the prompt names %d things, more than the limit of %d regions: kept the first %d",
            wanted,
            max_regions,
            max_regions,
        )
    kept: list[tuple[Mention, int]] = []
    left = max_regions
    for mention in entities:
        count = min(mention.count or 1, left)
        if count <= 0:
            break
        kept.append((mention, count))
        left -= count
    return kept


def plan_with_rules(prompt: str, *, width: int = 1024, height: int = 1024, max_regions: int = 16) -> Plan:
    """A Plan for `prompt` without any model: deterministic, well under a second."""
    reading = read_prompt(prompt)
    kept = _budget(reading.entities, max_regions)
    index_of = {id(m): i for i, (m, _) in enumerate(kept)}
    groups = [
        Group(
            count=count,
            horizontal=m.horizontal,
            vertical=m.vertical,
            depth=_depth(m, reading),
            shape=_usual_shape(m),
            size=_usual_size(m, reading),
        )
        for m, count in kept
    ]
    boxes = layout_groups(groups, _constraints(reading, index_of), width, height)
    context = _context(reading)
    regions = []
    for (mention, _), group_boxes in zip(kept, boxes, strict=True):
        one = mention.count is not None or not mention.plural
        for index, box in enumerate(group_boxes):
            variant = mention.variants[index] if index < len(mention.variants) else None
            label = label_for(_with_words(mention, _variant_words(mention, variant)) if variant else mention)
            prompt_text = _region_prompt(mention, one=one, context=context, variant=variant)
            regions.append({"label": label, "prompt": prompt_text, "box": box})
    base = " ".join(prompt.split())
    return Plan.model_validate(
        {
            "version": PLAN_VERSION,
            "prompt": prompt,
            "base_prompt": base,
            "background_prompt": _background(reading),
            "width": width,
            "height": height,
            "regions": regions,
        },
        context={"max_regions": max_regions},
    )


__all__ = ["label_for", "plan_with_rules", "singular"]


_RELATION_KINDS = {
    "on": "on",
    "inside": "in",
    "front": "in_front_of",
    "behind": "behind",
    "left_of": "left_of",
    "right_of": "right_of",
    "above": "above",
    "below": "below",
    "adjacent": "next_to",
    "between": "between",
}


def reading_of(prompt: str) -> PromptReading:
    """Today's parser's reading in the neutral `planner.reading` form (used by the critic)."""
    reading = read_prompt(prompt)
    entities = reading.entities
    index = {id(m): i for i, m in enumerate(entities)}
    things = []
    for mention in entities:
        size = (
            Size.LARGE
            if mention.head in LARGE_NOUNS
            else Size.SMALL
            if mention.head in SMALL_NOUNS
            else Size.MEDIUM
        )
        place = None
        if mention.horizontal or mention.vertical:
            place = Place(horizontal=mention.horizontal, vertical=mention.vertical)
        count = mention.count if mention.count is not None else (None if mention.plural else 1)
        things.append(
            Thing(
                label=label_for(mention),
                head=mention.head,
                count=count,
                size=size,
                place=place,
                attributes=tuple(mention.attributes),
            )
        )
    relations = []
    for relation in reading.relations:
        kind = _RELATION_KINDS.get(relation.kind)
        subject = index.get(id(relation.subject.resolved()))
        objects = tuple(index.get(id(o.resolved())) for o in relation.objects)
        if kind is None or subject is None or None in objects:
            continue
        relations.append(Relation(kind=RelationKind(kind), subject=subject, objects=objects))
    scenes = reading.scenes
    scene = " ".join(scenes[0].words) if scenes else None
    return PromptReading(
        things=tuple(things), relations=tuple(relations), scene=scene, style=tuple(reading.style)
    )
