"""Read a prompt into mentions (noun phrases) with counts, attributes, negation and spatial facts.

The parser chunks each sentence into noun phrases (determiner/number, adjectives, head noun),
spatial phrases, negations and other words, then resolves: which phrases are excluded
("without X"), which belong to another ("a man with a red hat"), which set the scene ("on a
beach"), which frame the picture ("an oil painting of"), and the relations between the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.rules_chunk import Break, Item, Mention, Negation, Place, Word, chunk_sentence
from planner.rules_lexicon import (
    ABSTRACT_NOUNS,
    ATTACHING_VERBS,
    BODY_PARTS,
    CANVAS_NOUNS,
    CLOTHING_NOUNS,
    COLOUR_NOUNS,
    FRAMING_NOUNS,
    GLOBAL_STYLE_WORDS,
    IMAGE_NOUNS,
    LIGHT_FITTINGS,
    LIGHT_NOUNS,
    SCENE_NOUNS,
    STYLE_HEAD_NOUNS,
    STYLE_PHRASES,
    STYLE_SOURCES,
    STYLE_WORDS,
    SURFACE_NOUNS,
    TIME_NOUNS,
)
from planner.rules_spatial import ABSOLUTE_FALLBACK, Spatial
from planner.rules_text import (
    folded,
    is_known_adjective,
    split_sentences,
    tokenize,
)

_DEFINITE = frozenset("the this that these those its their his her".split())
_LIGHT_WORDS = LIGHT_NOUNS
_ING_PREPOSITIONS = frozenset("during including excluding following regarding concerning according".split())
_MEDIA = frozenset(
    "oil watercolor watercolour acrylic digital pencil charcoal ink gouache crayon pastel chalk".split()
)
_DEPICTING = frozenset(
    "shows depicts portrays captures features presents illustrates showcases contains displays".split()
)
# Verbs that say who made the picture: "painted by Monet", "inspired by Studio Ghibli".
_MAKER_VERBS = frozenset(
    "painted drawn inspired illustrated photographed rendered designed sketched made created shot".split()
)
_BE = frozenset("is are was were be being".split())
_OBJECT_PRONOUNS = frozenset("them it him her us".split())
_POSSESSIVE = frozenset("his her its their our my your".split())


@dataclass(frozen=True)
class Relation:
    """subject <relation> object(s), between mentions."""

    kind: str
    subject: Mention
    objects: tuple[Mention, ...]


@dataclass
class Reading:
    """Everything the parser read from a prompt."""

    mentions: list[Mention]
    relations: list[Relation]
    style: list[str]

    @property
    def entities(self) -> list[Mention]:
        """Mentions that get regions: not excluded, not scene, not part of another, not repeats."""
        return [
            m
            for m in self.mentions
            if m.kind == "entity" and not m.negated and m.attached_to is None and m.coref is None
        ]

    @property
    def scenes(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "scene" and not m.negated and m.coref is None]


# ----------------------------------------------------------------------------- resolve
def _classify(items: list[Item]) -> None:
    """Mark scene, frame and canvas mentions; fold 'X of Y' phrases."""
    previous: Item | None = None
    for index, item in enumerate(items):
        if isinstance(item, Mention):
            many = item.count is not None and item.count > 1
            # "a round clock and a square picture": a picture in a list of things is a thing
            listed = (
                isinstance(previous, Break)
                and previous.low in {"and", ","}
                and index >= 2
                and isinstance(items[index - 2], Mention)
                and items[index - 2].kind == "entity"
                and bool(item.determiner)
            )
            if item.head in CANVAS_NOUNS and isinstance(previous, Place):
                item.kind = "canvas"
            elif item.head in FRAMING_NOUNS and _next_word(items, index) in {
                "of",
                "featuring",
                "showing",
                "depicting",
            }:
                item.kind = "frame"
            elif item.head in FRAMING_NOUNS and _MEDIA.intersection(item.lows) and not many:
                item.kind = "frame"  # "an oil painting", "a pencil sketch": the medium
            elif item.head in FRAMING_NOUNS and _next_word(items, index) in _DEPICTING and not many:
                item.kind = "frame"  # "this painting portrays ..."
            elif (item.head in IMAGE_NOUNS or item.head == "style") and not many and not listed:
                item.kind = "frame"  # "the image shows ...", "silhouette style"
            elif item.head in FRAMING_NOUNS and not item.determiner and not many:
                item.kind = "frame"  # "..., watercolor painting"
            elif item.head in TIME_NOUNS or item.lows[-1] in TIME_NOUNS:
                item.kind = "frame"  # "at sunset", "a sunny summer afternoon": time and light
            elif item.lows[-1] in STYLE_HEAD_NOUNS and not many:
                item.kind = "frame"  # "bold shapes", "a limited palette", "4k"
            elif _style_source(item):
                item.kind = "frame"
            elif _made_by(items, index):
                item.kind = "frame"  # "painted by Monet": who made it, not a thing in it
                item.words.insert(0, "by")
                item.lows.insert(0, "by")
                item.head_index += 1
            elif item.lows[-1] in ABSTRACT_NOUNS and not _light_thing(item):
                item.kind = "attribute"  # "a warm glow": light, not a thing
            elif (
                isinstance(previous, Word)
                and previous.low in _BE
                and not item.determiner
                and item.count is None
                and len(item.lows) == 1
            ):
                item.kind = "attribute"  # "the water is clear"
            elif (folded(item.head) in SCENE_NOUNS or folded(item.lows[-1]) in SCENE_NOUNS) and not (
                _light_thing(item)
            ):
                item.kind = "scene"
            elif item.lows[-1] in STYLE_WORDS and all(
                w in STYLE_WORDS or is_known_adjective(w) for w in item.lows
            ):
                item.kind = "frame"  # "cinematic lighting", "abstract"
            if (
                isinstance(previous, Place)
                or isinstance(previous, Word)
                and previous.low in {"at", "across", "by", "during"}
            ):
                item.lead = previous.low
        previous = item


def _light_thing(item: Mention) -> bool:
    """'a traffic light', 'two lights', 'string lights': a thing that gives light, not light itself."""
    if item.lows[-1] not in {"light", "lights", "lamp", "lamps"}:
        return False
    counted = item.count is not None and (item.count > 1 or item.determiner in {"a", "an"})
    return counted or (len(item.lows) > 1 and item.lows[-2] in LIGHT_FITTINGS)


def _made_by(items: list[Item], index: int) -> bool:
    """Whether items[index] follows 'by' after a picture word or a maker verb ('painted by')."""
    if index < 2 or not (isinstance(items[index - 1], Word) and items[index - 1].low == "by"):
        return False
    before = items[index - 2]
    if isinstance(before, Word):
        return before.low in _MAKER_VERBS
    if not isinstance(before, Mention):
        return False
    if before.kind == "frame":
        return True
    # "a knight by Greg Rutkowski": a bare name after "by" (not "by the lake", "by two trees")
    item = items[index]
    assert isinstance(item, Mention)
    return not item.determiner and item.count is None and not item.plural and len(item.lows) >= 2


def _style_source(item: Mention) -> bool:
    """'trending on artstation', 'unreal engine', 'octane render': where a look comes from."""
    return bool(STYLE_SOURCES.intersection(item.lows))


def _apply_predicates(items: list[Item]) -> None:
    """Put predicate adjectives before their subject's head: 'the car is red' -> 'red car'."""
    for index in range(2, len(items)):
        predicate, verb, subject = items[index], items[index - 1], items[index - 2]
        if not (
            isinstance(predicate, Mention) and predicate.kind == "attribute" and len(predicate.lows) == 1
        ):
            continue
        if not (isinstance(verb, Word) and verb.low in _BE and isinstance(subject, Mention)):
            continue
        target = subject.resolved()
        word = predicate.words[0]
        if (
            target.kind not in {"entity", "scene"}
            or not is_known_adjective(word.lower())
            or word.lower() in target.lows
        ):
            continue
        target.words.insert(target.head_index, word)
        target.lows.insert(target.head_index, word.lower())
        target.head_index += 1


def _next_word(items: list[Item], index: int) -> str:
    if index + 1 < len(items):
        nxt = items[index + 1]
        if isinstance(nxt, Word | Break | Negation | Place):
            return nxt.low
    return ""


def _fold_of(items: list[Item]) -> list[Item]:
    """'a cup of coffee' -> one mention; 'a photo of a cat' keeps 'cat' (the photo is a frame)."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        if (
            isinstance(item, Mention)
            and item.kind == "frame"
            and item.head in {"style", "manner", "styles", "aesthetic", "depth"}
            and i + 2 < len(items)
            and isinstance(items[i + 1], Word)
            and items[i + 1].low == "of"
            and isinstance(items[i + 2], Mention)
        ):
            complement = items[i + 2]  # "in the style of Studio Ghibli": all of it is style
            lead = ["in", "the"] if item.lead.endswith("in") and item.head_index == 0 else []
            item.words = [*lead, *item.words, "of", *complement.words]
            item.lows = [*lead, *item.lows, "of", *complement.lows]
            item.head_index += len(lead)
            out.append(item)
            i += 3
            continue
        if (
            isinstance(item, Mention)
            and item.kind == "entity"
            and i + 2 < len(items)
            and isinstance(items[i + 1], Word)
            and items[i + 1].low == "of"
            and isinstance(items[i + 2], Mention)
        ):
            complement = items[i + 2]
            item.details.append(
                "of "
                + " ".join(([complement.determiner] if complement.determiner else []) + complement.words)
            )
            if complement.kind == "scene":
                item.details[-1] = "of " + " ".join(complement.words)
            out.append(item)
            i += 3
            continue
        out.append(item)
        i += 1
    return out


def _resolve_ellipsis(items: list[Item]) -> None:
    """'two horses, one brown and one white': adjective-only phrases describe earlier instances."""
    last: Mention | None = None
    for index, item in enumerate(items):
        if not isinstance(item, Mention) or item.kind != "entity":
            continue
        before = items[index - 1] if index else None
        predicate = isinstance(before, Word) and before.low in _BE  # "the sky is a bright orange"
        colour_noun = item.lows[-1] in COLOUR_NOUNS and not item.pro_one and not predicate
        if colour_noun and (item.determiner or item.count is not None):
            pass  # "an orange", "a rainbow", "two limes": the fruit or the thing, not a colour
        elif all(is_known_adjective(w) or w in {",", "and"} for w in item.lows):
            introduced = (
                item.pro_one or item.determiner in {"another"} or item.count == 1 and not item.determiner
            )
            if last is None or not introduced:
                item.kind = "attribute"  # "the water is clear": a description, not a thing
                continue
            wanted = last.count or 0
            if wanted > 1 and len(last.variants) < wanted:
                last.variants.append(list(item.words))
                item.kind = "ellipsis"
                continue
            # "a red apple and a green one": a new thing of the same kind
            item.words = [*item.words, last.words[last.head_index]]
            item.lows = [*item.lows, last.head_word]
            item.head = last.head
            item.head_index = len(item.lows) - 1
            item.plural = last.plural and item.count != 1
        if item.kind == "entity":
            last = item


def _negate(items: list[Item]) -> None:
    """'without X', 'no X', 'not X' (and lists joined by or/nor, or bare nouns after and/',')."""
    active = False
    for item in items:
        if isinstance(item, Negation):
            active = True
        elif isinstance(item, Mention):
            if active:
                item.negated = True
            if item.negated:
                active = True  # the list may continue
            elif active:
                active = False
        elif isinstance(item, Break):
            if item.low not in {"or", "nor", ",", "and"}:
                active = False
        elif isinstance(item, Place):
            active = False
    # a list continuation via "and"/"," only covers bare nouns
    last_negated = False
    previous_break = ""
    for item in items:
        if isinstance(item, Mention):
            if (
                item.negated
                and last_negated
                and previous_break in {"and", ","}
                and item.determiner
                and item.determiner != "no"
            ):
                item.negated = False
            last_negated = item.negated
            previous_break = ""
        elif isinstance(item, Break):
            previous_break = item.low
        elif isinstance(item, Negation):
            last_negated = False


def _entity_before(items: list[Item], index: int, *, same_clause: bool) -> Mention | None:
    clause = None
    for j in range(index - 1, -1, -1):
        item = items[j]
        if isinstance(item, Break) and same_clause:
            return None
        if isinstance(item, Mention) and item.kind in {"entity", "scene"} and not item.negated:
            if item.attached_to is None and item.kind == "entity":
                return item
            if clause is None:
                clause = item
    return None


def _mention_before(items: list[Item], index: int) -> Mention | None:
    """The nearest mention before index that is not excluded (any kind)."""
    for j in range(index - 1, -1, -1):
        item = items[j]
        if isinstance(item, Mention) and not item.negated and item.kind in {"entity", "scene"}:
            return item
    return None


def _coordinated_before(items: list[Item], subject: Mention) -> list[Mention]:
    """Things joined to `subject` by and/',' just before it ("a boy and a girl in front of ...")."""
    if subject not in items:
        return []
    found: list[Mention] = []
    j = items.index(subject) - 1
    while j >= 1 and isinstance(items[j], Break) and items[j].low in {"and", ","}:
        previous = items[j - 1]
        if not (isinstance(previous, Mention) and previous.kind == "entity" and not previous.negated):
            break
        if previous.attached_to is not None:
            break
        found.insert(0, previous)
        j -= 2
    return found


def _clause_start(items: list[Item], index: int) -> int:
    """Index of the first item of the clause holding items[index]."""
    for j in range(index - 1, -1, -1):
        if isinstance(items[j], Break):
            return j
    return 0


def _scene_before(items: list[Item], index: int) -> bool:
    """Whether the nearest mention before index in the same clause is a scene."""
    for j in range(index - 1, -1, -1):
        item = items[j]
        if isinstance(item, Break):
            return False
        if isinstance(item, Mention) and not item.negated:
            return item.kind == "scene"
    return False


def _mentions_after(items: list[Item], index: int, limit: int) -> list[Mention]:
    found: list[Mention] = []
    for j in range(index + 1, len(items)):
        item = items[j]
        if isinstance(item, Mention):
            found.append(item)
            if len(found) == limit:
                break
        elif isinstance(item, Place) and found:
            break
        elif isinstance(item, Break) and item.low not in {"and", ","}:
            break
    return found


def _pin(mention: Mention, spatial: Spatial) -> None:
    target = mention.resolved()
    target.horizontal = spatial.horizontal or target.horizontal
    target.vertical = spatial.vertical or target.vertical
    target.depth = spatial.depth or target.depth


def _attach_owned(items: list[Item]) -> None:
    """Things that belong to the one before: "fishermen mending nets", "the frog's skin",
    "its eyes", "mend their nets"."""
    for index, item in enumerate(items):
        if not (isinstance(item, Mention) and item.kind == "entity" and not item.negated):
            continue
        previous = items[index - 1] if index >= 1 else None
        before_previous = items[index - 2] if index >= 2 else None
        owner: Mention | None = None
        if (
            not item.determiner
            and item.count is None
            and isinstance(previous, Word)
            and previous.low.endswith("ing")
            and isinstance(before_previous, Mention)
            and before_previous.kind == "entity"
        ):
            owner = before_previous  # "fishermen mending nets"
        elif isinstance(previous, Word) and previous.low == "'s":
            if isinstance(before_previous, Mention) and before_previous.kind == "entity":
                owner = before_previous.resolved()  # "the frog's skin"
        elif item.determiner in _POSSESSIVE:
            is_part = item.head in BODY_PARTS or item.lows[-1] in BODY_PARTS
            if is_part or isinstance(previous, Word):
                owner = _entity_before(items, index, same_clause=False)  # "its eyes", "mend their nets"
        if owner is not None and owner is not item:
            item.attached_to = owner


def _belongs(obj: Mention, phrase: str) -> bool:
    """Whether a 'with' object is part of its subject (clothes, parts, bare descriptions)."""
    if phrase != "with" or obj.kind == "attribute":
        return True  # "made of", "covered with", "striped in": always a description
    if obj.head in CLOTHING_NOUNS or obj.head in BODY_PARTS or obj.lows[-1] in BODY_PARTS:
        return True
    return not obj.determiner and obj.count is None  # "with long hair", "with yellow cushions"


def _listed_after(items: list[Item], index: int) -> list[Mention]:
    """The first mention after index and the ones joined to it by and/','."""
    found: list[Mention] = []
    for j in range(index + 1, len(items)):
        item = items[j]
        if isinstance(item, Mention):
            if found and (item.kind == "frame" or item.lows[-1] in LIGHT_NOUNS):
                break  # "..., macro lens, soft morning light": the style list has begun
            found.append(item)
            continue
        if isinstance(item, Break) and item.low in {"and", ","} and found:
            continue
        break
    return found


def _relate(items: list[Item], relations: list[Relation], last_entity: Mention | None) -> Mention | None:
    """Turn places into pins (absolute) or relations (relative); attach 'with' phrases."""
    _attach_owned(items)
    for index, item in enumerate(items):
        if isinstance(item, Word) and item.low in ATTACHING_VERBS:
            subject = _entity_before(items, index, same_clause=False)
            for obj in _mentions_after(items, index, 4)[:1] + _more_attached(items, index):
                if subject is not None and obj.kind == "entity" and not obj.negated:
                    obj.attached_to = subject
            continue
        if not isinstance(item, Place):
            if (
                isinstance(item, Mention)
                and item.kind == "entity"
                and not item.negated
                and item.attached_to is None
            ):
                last_entity = item
            continue
        spatial = item.spatial
        if not spatial.needs_object:
            nearest = items[index - 1] if index > 0 else None
            if isinstance(nearest, Mention) and nearest.negated:
                continue  # "no people in the background": the place of a thing left out
            with_object = index > 1 and isinstance(items[index - 2], Place) and items[index - 2].low == "with"
            if (
                isinstance(nearest, Mention)
                and nearest.attached_to is not None
                and nearest.kind == "entity"
                and with_object
            ):
                nearest.attached_to = None  # it has a place of its own
                _pin(nearest, spatial)
                continue
            target = _entity_before(items, index, same_clause=True)
            if target is None and _scene_before(items, index):
                continue  # "mountains in the background": the scene itself
            if (
                target is None
                and index > 0
                and isinstance(items[index - 1], Word)
                and items[index - 1].low in _BE
            ):
                target = _entity_before(
                    items, index, same_clause=False
                )  # "the largest balloon ... is in the centre"
            if target is None:
                after = [m for m in _mentions_after(items, index, 2) if m.kind == "entity"]
                target = after[0] if after else last_entity
            if target is not None:
                _pin(target, spatial)
            continue
        relation = spatial.relation or ""
        if spatial.to_referent:  # "a cat to its right": right of the sentence's main thing
            subject = _entity_before(items, index, same_clause=True)
            named = [
                m
                for m in items[:index]
                if isinstance(m, Mention) and m.kind == "entity" and not m.negated and m.attached_to is None
            ]
            referent = next((m for m in named if m is not subject), None) or last_entity
            if subject is not None and referent is not None and referent.resolved() is not subject:
                relations.append(Relation(relation, subject, (referent.resolved(),)))
            continue
        wanted = 2 if relation in {"between", "around"} else 1
        objects = _mentions_after(items, index, wanted)
        pronoun = (
            index + 1 < len(items)
            and isinstance(items[index + 1], Word)
            and items[index + 1].low in _OBJECT_PRONOUNS
        )
        if pronoun:  # "a pot on the stove behind him": him is someone from an earlier clause
            if relation not in {"with", "between", "around", "inside"}:
                subject = _entity_before(items, index, same_clause=True)
                if subject is None:
                    later = [m for m in _mentions_after(items, index + 1, 1) if m.kind == "entity"]
                    subject = later[0] if later else None
                referent = (
                    _entity_before(items, _clause_start(items, index), same_clause=False) or last_entity
                )
                if subject is not None and referent is not None and referent is not subject:
                    relations.append(Relation(relation, subject, (referent,)))
            continue
        if relation == "with":
            nearest = _mention_before(items, index)
            subject = nearest if nearest is not None and nearest.kind == "entity" else None
            if nearest is not None and nearest.attached_to is not None:
                subject = nearest.attached_to.resolved()  # "a man in a coat with a red collar"
            if subject is not None:
                for obj in _listed_after(items, index):
                    if obj.kind not in {"entity", "attribute"} or obj.negated or obj.attached_to is not None:
                        continue
                    if _belongs(obj, item.low):
                        obj.attached_to = subject
                    else:
                        relations.append(Relation("adjacent", obj, (subject,)))  # "a plate with a sandwich"
            continue
        if not objects:
            fallback = ABSOLUTE_FALLBACK.get(relation)
            subject = _entity_before(items, index, same_clause=False)
            if fallback and subject is not None:
                _pin(subject, Spatial(1, horizontal=fallback[0], vertical=fallback[1], depth=fallback[2]))
            continue
        objects = [o.attached_to.resolved() if o.attached_to is not None else o for o in objects]
        obj = objects[0]
        subject = _entity_before(items, index, same_clause=False)
        if subject is None:
            later = [m for m in _mentions_after(items, items.index(objects[-1]), 1) if m.kind == "entity"]
            subject = later[0] if later else None
        if obj.kind in {"canvas", "scene"}:
            if subject is not None and (spatial.horizontal or spatial.vertical or spatial.depth):
                _pin(subject, spatial)
            elif subject is not None and relation in ABSOLUTE_FALLBACK and obj.kind == "canvas":
                _pin(subject, Spatial(1, *ABSOLUTE_FALLBACK[relation]))
            elif subject is not None and relation == "above" and subject.resolved().vertical is None:
                _pin(subject, Spatial(1, vertical="top"))  # "a bridge over the pond": unless placed
            continue
        if subject is None or subject is obj or obj.negated or subject.negated:
            continue
        if obj.kind != "entity":
            continue  # "in soft lamplight", "in the style of ...": light and style, not a thing
        if relation == "inside":
            if obj.head in CLOTHING_NOUNS:
                obj.attached_to = subject
            elif subject.kind == "entity":
                obj.attached_to = subject
            continue
        if spatial.horizontal == "center" and relation == "on":
            # "in the middle of the table": centred, and on it if it is something to stand on;
            # "in the middle of a crowd": centred among the others, not above them
            for member in [*_coordinated_before(items, subject), subject]:
                _pin(member, Spatial(1, horizontal="center"))
            if obj.head not in SURFACE_NOUNS and obj.lows[-1] not in SURFACE_NOUNS:
                continue
        for member in [*_coordinated_before(items, subject), subject]:
            relations.append(Relation(relation, member, tuple(objects)))
    return last_entity


def _more_attached(items: list[Item], index: int) -> list[Mention]:
    """Mentions joined to the first object after index by and/',' that still belong to the subject."""
    found: list[Mention] = []
    seen_first = False
    for j in range(index + 1, len(items)):
        item = items[j]
        if isinstance(item, Mention):
            if not seen_first:
                seen_first = True
                continue
            if item.head in CLOTHING_NOUNS or not item.determiner:
                found.append(item)
                continue
            break
        if isinstance(item, Break) and item.low in {"and", ","}:
            continue
        if seen_first:
            break
    return found


def _details(items: list[Item]) -> list[tuple[Mention, Mention]]:
    """Give each entity the words that describe it: actions and attached phrases.

    Returns (actor, object) pairs of actions on a thing with a region of its own ("a man is
    weighing tomatoes"), so that the two are laid out side by side.
    """
    acting: list[tuple[Mention, Mention]] = []
    for index, item in enumerate(items):
        if not isinstance(item, Mention) or item.kind != "entity":
            continue
        action: list[str] = []
        actor = (
            item.attached_to.resolved() if item.attached_to is not None else item
        )  # "a man in a hat is ..."
        following = items[index + 1 :]
        for position, nxt in enumerate(following):
            if isinstance(nxt, Word) and nxt.low in _BE and not action:
                continue  # "a person is reading a book"
            if (
                isinstance(nxt, Word)
                and nxt.low.endswith("ing")
                and nxt.low not in ATTACHING_VERBS
                and nxt.low not in _ING_PREPOSITIONS
            ):
                action.append(nxt.low)
                after = following[position + 1] if position + 1 < len(following) else None
                if isinstance(after, Mention) and after.kind == "entity" and not after.negated:
                    action.append(" ".join(([after.determiner] if after.determiner else []) + after.words))
                    if after.attached_to is None and after.coref is None:
                        acting.append((actor, after))
                    break  # "reading a book": the book keeps its own region too
                if len(action) == 2:
                    break
                continue
            break
        if action:
            actor.details.append(" ".join(action))
    for index, item in enumerate(items):
        if isinstance(item, Mention) and item.attached_to is not None:
            lead = ""
            for back in range(index - 1, -1, -1):
                previous = items[back]
                if isinstance(previous, Place | Word):
                    lead = previous.low
                    break
                if isinstance(previous, Mention):
                    break
            phrase = " ".join(
                ([item.determiner] if item.determiner and item.determiner != "no" else []) + item.words
            )
            owner = item.attached_to.resolved()
            if lead == "'s":
                lead = "with"  # "the frog's skin" -> "a frog ..., with skin"
            owner.details.append(f"{lead} {phrase}".strip() if lead else f"and {phrase}")
    for item in items:
        if isinstance(item, Mention) and len(item.details) > 1:
            item.details = list(dict.fromkeys(item.details))  # "weighing tomatoes" said once
            item.details = [
                d for d in item.details if not any(o != d and o.startswith(d + " ") for o in item.details)
            ]
    return acting


def _corefer(mentions: list[Mention]) -> None:
    """'the cat' after 'a cat' is the same cat: no second region."""
    for index, mention in enumerate(mentions):
        if mention.determiner not in _DEFINITE or mention.count is not None and mention.count > 1:
            continue
        for earlier in reversed(mentions[:index]):
            same = earlier.head == mention.head or (
                len(mention.head) > 3 and earlier.head.endswith(mention.head)
            )
            if same and earlier.kind == mention.kind and not earlier.negated:
                extra = [a for a in mention.attributes if a not in earlier.attributes]
                if not extra:
                    mention.coref = earlier
                break


def _style(text: str, mentions: list[Mention]) -> list[str]:
    """Style and light phrases that apply to the whole picture."""
    low = " ".join(text.lower().split())
    found: list[str] = []
    for phrase in STYLE_PHRASES:
        if phrase in low and not any(phrase in f for f in found):
            found.append(phrase)
    for mention in mentions:
        if mention.kind == "frame" and mention.head not in CANVAS_NOUNS | IMAGE_NOUNS | {
            "version",
            "design",
            "concept",
        }:
            phrase = " ".join(mention.words).replace(" ,", ",")
            if not any(phrase in f or f in phrase for f in found):
                found.append(phrase)
    for mention in mentions:  # "soft morning light", "dramatic shadows"
        if mention.kind == "attribute" and mention.lows[-1] in _LIGHT_WORDS and not mention.negated:
            phrase = " ".join(mention.words).replace(" ,", ",")
            if not any(phrase in f for f in found):
                found.append(phrase)
    for word in low.replace(",", " ").split():
        if word in GLOBAL_STYLE_WORDS or word in TIME_NOUNS:
            if not any(word in f.split() for f in found):
                found.append(word)
    return found[:6]


def _described_instances(mentions: list[Mention]) -> None:
    """'Three balloons ... the largest balloon ... a blue balloon': later single mentions of the
    same thing describe instances of the group, so the group keeps only the undescribed ones."""
    for index, group in enumerate(mentions):
        if (
            group.kind != "entity"
            or group.negated
            or group.attached_to
            or group.coref
            or (group.count or 0) < 2
        ):
            continue
        described = [
            m
            for m in mentions[index + 1 :]
            if m.kind == "entity"
            and m.head == group.head
            and not m.negated
            and m.attached_to is None
            and m.coref is None
            and (m.count or 1) == 1
            and not m.plural
        ]
        if described:
            group.count = max(0, group.count - len(described))
            if group.count == 0:
                group.kind = "described"


def read_prompt(text: str) -> Reading:
    """Parse a prompt into mentions, relations and style words."""
    mentions: list[Mention] = []
    relations: list[Relation] = []
    last_entity: Mention | None = None
    all_items: list[list[Item]] = []
    for sentence_index, sentence in enumerate(split_sentences(tokenize(text))):
        items = chunk_sentence(sentence, sentence_index)
        _classify(items)
        items = _fold_of(items)
        _resolve_ellipsis(items)
        _negate(items)
        all_items.append(items)
        sentence_mentions = [i for i in items if isinstance(i, Mention)]
        _corefer(mentions + sentence_mentions)
        _apply_predicates(items)
        mentions.extend(sentence_mentions)
        last_entity = _relate(items, relations, last_entity)
        for actor, thing in _details(items):
            related = any(
                {id(r.subject), *(id(o) for o in r.objects)} >= {id(actor), id(thing)} for r in relations
            )
            if not related and actor.attached_to is None and actor.kind == "entity":
                relations.append(Relation("adjacent", thing, (actor,)))  # what one is doing it with
    _described_instances(mentions)
    return Reading(mentions=mentions, relations=relations, style=_style(text, mentions))


__all__ = ["Mention", "Reading", "Relation", "read_prompt"]
