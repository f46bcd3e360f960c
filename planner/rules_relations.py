"""Pass 5 of the rules reader: spatial phrases -> relations between things and absolute places.

A spatial phrase relates the thing(s) just named (coordinated ones together: "a boy and a girl
in front of a castle") to the thing after it; at the start of a sentence it places or relates
the thing that follows ("On the left, an old lighthouse"; "To the left of the house stands a
tree"). "From left to right, A, B and C" is an order. Output uses indices into the nouns.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.reading import Place, RelationKind
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase
from planner.rules_roles import Noun, Role
from planner.rules_spatial import ABSOLUTE_FALLBACK
from planner.rules_tokens import Tag
from planner.rules_vocab import WordClass, is_class

_KINDS = {
    "on": RelationKind.ON,
    "inside": RelationKind.IN,
    "front": RelationKind.IN_FRONT_OF,
    "behind": RelationKind.BEHIND,
    "left_of": RelationKind.LEFT_OF,
    "right_of": RelationKind.RIGHT_OF,
    "above": RelationKind.ABOVE,
    "below": RelationKind.BELOW,
    "adjacent": RelationKind.NEXT_TO,
    "between": RelationKind.BETWEEN,
}
_ROW = {2: ("left", "right"), 3: ("left", "center", "right")}
_PLACED_ROLES = frozenset({Role.THING, Role.REPEAT})


@dataclass(frozen=True)
class Link:
    """`subject <kind> objects`, indices into the nouns (things only)."""

    kind: RelationKind
    subject: int
    objects: tuple[int, ...]


@dataclass(frozen=True)
class Spatial:
    """The relations and the absolute places (by noun index) a prompt states."""

    links: tuple[Link, ...] = ()
    places: tuple[tuple[int, Place], ...] = ()


def _resolve(nouns: tuple[Noun, ...], i: int) -> int:
    while nouns[i].role is Role.REPEAT and nouns[i].ref is not None:
        i = nouns[i].ref
    return i


def _holder(nouns: tuple[Noun, ...], i: int) -> int | None:
    """The thing a noun stands for: itself, its referent, or (for a worn or held thing) its owner."""
    noun = nouns[i]
    if noun.role in _PLACED_ROLES:
        return _resolve(nouns, i)
    if noun.role in {Role.ATTACHED, Role.PART} and noun.ref is not None:
        return _resolve(nouns, noun.ref)
    return None


def _subjects(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The thing(s) a spatial phrase at k is said of: the last named in its sentence, with any
    coordinated with it by 'and' ("a boy and a girl in front of ...")."""
    found: list[int] = []
    j = k - 1
    while j >= 0 and not (isinstance(phrases[j], Mark) and phrases[j].tag is Tag.END):  # type: ignore[union-attr]
        p = phrases[j]
        if isinstance(p, NounPhrase) and p.start in at:
            holder = _holder(nouns, at[p.start])
            if holder is not None and holder not in found:
                found.append(holder)
                before = phrases[j - 1] if j else None
                if not (isinstance(before, Mark) and before.low == "and"):
                    break
        elif isinstance(p, SpacePhrase) and found:
            break
        j -= 1
    return found[::-1]


def _next_things(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    limit: int,
    across: bool = False,
) -> list[int]:
    """Up to `limit` things named after phrase k in the same sentence (or the next, `across` a colon)."""
    found: list[int] = []
    for p in phrases[k + 1 :]:
        if isinstance(p, Mark) and p.tag is Tag.END and (found or not across):
            break
        if isinstance(p, NounPhrase) and p.start in at and nouns[at[p.start]].role in _PLACED_ROLES:
            holder = _resolve(nouns, at[p.start])
            if holder not in found:
                found.append(holder)
            if len(found) == limit:
                break
    return found


def _object(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int | None:
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if isinstance(nxt, NounPhrase) and nxt.start in at:
        noun = nouns[at[nxt.start]]
        return _resolve(nouns, at[nxt.start]) if noun.role in _PLACED_ROLES else None
    if isinstance(nxt, Mark) and nxt.low in {"it", "them", "him", "her"}:
        before = _subjects(phrases, k, at, nouns)
        return before[0] if before else None
    return None


def _opening(phrases: tuple[Phrase, ...], k: int) -> bool:
    before = phrases[k - 1] if k else None
    return before is None or isinstance(before, Mark) and before.tag is Tag.END


def _place_of(space: SpacePhrase) -> Place | None:
    s = space.spatial
    if s.relation is None and (s.horizontal or s.vertical or s.depth):
        return Place(horizontal=s.horizontal, vertical=s.vertical, depth=s.depth)
    return None


def _order(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    row = _next_things(phrases, k, at, nouns, limit=8, across=True)
    if len(row) < 2:
        row = _subjects(phrases, k, at, nouns)
    links = tuple(Link(RelationKind.LEFT_OF, a, (b,)) for a, b in zip(row, row[1:], strict=False))
    sides = _ROW.get(len(row), ())
    return Spatial(links, tuple((i, Place(horizontal=side)) for i, side in zip(row, sides, strict=False)))


def _absolute(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], place: Place
) -> Spatial:
    subjects = [] if _opening(phrases, k) else _subjects(phrases, k, at, nouns)
    if not subjects:
        subjects = _next_things(phrases, k, at, nouns, limit=1)
    return Spatial(places=tuple((i, place) for i in subjects))


def _relation(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    space = phrases[k]
    assert isinstance(space, SpacePhrase)
    relation = space.spatial.relation
    kind = _KINDS.get(relation or "")
    target = _object(phrases, k, at, nouns)
    if space.spatial.to_referent:  # "a cat to its right": right of the thing named before the cat
        named = _subjects(phrases, k, at, nouns)
        earlier = [
            _holder(nouns, at[p.start]) for p in phrases[:k] if isinstance(p, NounPhrase) and p.start in at
        ]
        earlier = [e for e in earlier if e is not None and e not in named]
        return Spatial((Link(kind, named[0], (earlier[-1],)),)) if kind and named and earlier else Spatial()
    if target is None:
        nxt = phrases[k + 1] if k + 1 < len(phrases) else None
        s = space.spatial
        if (
            (s.horizontal or s.vertical)
            and isinstance(nxt, NounPhrase)
            and is_class(nxt.head, WordClass.IMAGE_NOUN)
        ):
            return _absolute(
                phrases, k, at, nouns, Place(s.horizontal, s.vertical, s.depth)
            )  # "... of the picture"
        fallback = ABSOLUTE_FALLBACK.get(relation or "")
        if (
            isinstance(nxt, NounPhrase)
            and is_class(nxt.head, WordClass.SKY)
            and relation in {"inside", "above"}
        ):
            fallback = (None, "top", None)  # "in the sky"
        elif isinstance(nxt, NounPhrase) or isinstance(nxt, Mark) and nxt.tag is Tag.PRON:
            fallback = None
        if fallback:
            return _absolute(phrases, k, at, nouns, Place(None, fallback[1], fallback[2]))
        return Spatial()
    if kind is None:
        return Spatial()
    subjects = (
        [s for s in _subjects(phrases, k, at, nouns) if s != target] if not _opening(phrases, k) else []
    )
    if not subjects:
        subjects = [s for s in _next_things(phrases, k + 1, at, nouns, limit=1) if s != target]  # inverted
    objects: tuple[int, ...] = (target,)
    if kind is RelationKind.BETWEEN:
        others = [s for s in _next_things(phrases, k + 1, at, nouns, limit=2) if s != target]
        objects = (target, others[0]) if others else ()
        if not objects:
            return Spatial()
    return Spatial(tuple(Link(kind, s, objects) for s in subjects))


def relate(phrases: tuple[Phrase, ...], nouns: tuple[Noun, ...]) -> Spatial:
    """All relations and absolute places of a prompt."""
    at = {n.phrase.start: i for i, n in enumerate(nouns)}
    links: list[Link] = []
    places: list[tuple[int, Place]] = []
    for k, p in enumerate(phrases):
        if not isinstance(p, SpacePhrase):
            continue
        place = _place_of(p)
        if p.order:
            found = _order(phrases, k, at, nouns)
        elif place is not None:
            found = _absolute(phrases, k, at, nouns, place)
        elif p.spatial.relation is not None:
            found = _relation(phrases, k, at, nouns)
        else:
            continue
        links.extend(found.links)
        places.extend(found.places)
    return Spatial(tuple(dict.fromkeys(links)), tuple(places))
