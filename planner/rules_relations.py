"""Pass 5 of the rules reader: spatial phrases -> relations between things and absolute places.

A spatial phrase relates the thing(s) just named (coordinated ones together: "a boy and a girl
in front of a castle") to the thing after it; at the start of a sentence it places or relates
the thing that follows ("On the left, an old lighthouse"; "To the left of the house stands a
tree"). "From left to right, A, B and C" is an order. Output uses indices into the nouns.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.reading import Place, RelationKind
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, list_end, on_its_owner
from planner.rules_roles import Noun, Role
from planner.rules_spatial import ABSOLUTE_FALLBACK
from planner.rules_tokens import Tag
from planner.rules_vocab import Flag, ThingKind, WordClass, is_class

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
_ANIMATE = frozenset({ThingKind.PERSON, ThingKind.ANIMAL})
_CLAUSE_WORDS = frozenset("while whilst as where when which who".split())


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
    if k >= 2 and isinstance(phrases[k - 1], Verb) and phrases[k - 1].low.endswith("ing"):  # type: ignore[union-attr]
        if isinstance(phrases[k - 2], Mark) and phrases[k - 2].low == ",":  # type: ignore[union-attr]
            first = _last_animate(phrases, k, at, nouns)
            first = first if first is not None else _first_thing(phrases, k, at, nouns)
            if first is not None:
                return [first]  # "..., typing on a keyboard": the one who can type
    found: list[int] = []
    j = k - 1
    while j >= 0 and not (isinstance(phrases[j], Mark) and phrases[j].tag is Tag.END):  # type: ignore[union-attr]
        p = phrases[j]
        if isinstance(p, NounPhrase) and p.start in at:
            holder = _holder(nouns, at[p.start])
            if holder is not None and holder not in found:
                found.append(holder)
                before = phrases[j - 1] if j else None
                listed = j >= 2 and isinstance(phrases[j - 2], Mark) and phrases[j - 2].low == ","  # type: ignore[union-attr]
                if not (isinstance(before, Mark) and before.low == "and") or listed:
                    break
        elif isinstance(p, SpacePhrase) and found:
            break
        j -= 1
    return _escorts(phrases, j, at, nouns) + found[::-1]


def _escorts(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """Who goes along with the thing at phrase j: 'ducklings follow their mother across a bridge'
    puts the ducklings on the bridge too."""
    verb = phrases[j - 1] if j >= 1 else None
    if not isinstance(verb, Verb) or not is_class(verb.low, WordClass.ESCORT_VERB):
        return []
    return _subjects(phrases, j - 1, at, nouns)


def _last_animate(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The last person or animal named in the sentence of phrase k, before it."""
    sentence = phrases[k].sentence
    for p in reversed(phrases[:k]):
        if isinstance(p, NounPhrase) and p.sentence == sentence and p.start in at:
            holder = _holder(nouns, at[p.start])
            known = nouns[holder].entry if holder is not None else None
            if known is not None and known.kind in _ANIMATE:
                return holder
    return None


def _first_thing(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The first thing named in the sentence of phrase k, before it."""
    sentence = phrases[k].sentence
    for p in phrases[:k]:
        if isinstance(p, NounPhrase) and p.sentence == sentence and p.start in at:
            if nouns[at[p.start]].role in _PLACED_ROLES:
                return _resolve(nouns, at[p.start])
    return None


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


def _whole(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int:
    """The phrase a relation's object stands for: for a part or a nameless area ('the handle of a
    fork', 'the edge of the table', 'the steps of the school'), the thing it is a part of."""
    nxt = phrases[k] if k < len(phrases) else None
    partlike = {
        Role.PART,
        Role.NONE,
    }  # "the roof of the hut", "the steps of the school", "the shade of a tree"
    if not isinstance(nxt, NounPhrase) or nxt.start not in at or nouns[at[nxt.start]].role not in partlike:
        return k
    if k + 2 < len(phrases) and getattr(phrases[k + 1], "low", "") == "of":
        whole = phrases[k + 2]
        if (
            isinstance(whole, NounPhrase)
            and whole.start in at
            and nouns[at[whole.start]].role in _PLACED_ROLES
        ):
            return k + 2
    return k


def _object(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int | None:
    j = _whole(phrases, k + 1, at, nouns)
    nxt = phrases[j] if j < len(phrases) else None
    if isinstance(nxt, NounPhrase) and nxt.start in at:
        noun = nouns[at[nxt.start]]
        if noun.role is Role.PART and noun.ref is not None:
            return _resolve(nouns, noun.ref)  # "perches on the roof" (of the hut), "at her feet"
        return _resolve(nouns, at[nxt.start]) if noun.role in _PLACED_ROLES else None
    if isinstance(nxt, Mark) and nxt.low in {"it", "them", "him", "her"}:
        return _pronoun(phrases, k, at, nouns, animate=nxt.low in {"him", "her"})
    return None


def _pronoun(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], animate: bool
) -> int | None:
    """What 'it' / 'him' after a spatial phrase stands for: the first thing of its sentence (the
    one the sentence is about), else of the sentence before, never the relation's own subject."""
    subject = _subjects(phrases, k, at, nouns)
    owner = _with_owner(phrases, subject, at, nouns)
    if owner is not None and not animate:
        return owner  # "a notebook with a pen lying across it": the notebook
    sentence = phrases[k].sentence
    for wanted in (sentence, sentence - 1):
        for p in phrases:
            if (
                not isinstance(p, NounPhrase)
                or p.sentence != wanted
                or p.start not in at
                or p.start >= phrases[k].start
            ):
                continue
            holder = _holder(nouns, at[p.start])
            known = nouns[holder].entry if holder is not None else None
            if (
                holder is None
                or holder in subject
                or (animate and (known is None or known.kind not in _ANIMATE))
            ):
                continue
            return holder
    return None


def _with_owner(
    phrases: tuple[Phrase, ...], subject: list[int], at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The thing a lone subject was named 'with' ('a notebook to its left with a pen ...')."""
    starts = [nouns[i].phrase.start for i in subject]
    j = next((j for j, p in enumerate(phrases) if p.start in starts), None) if len(subject) == 1 else None
    if (
        j is None
        or j < 2
        or not isinstance(phrases[j - 1], SpacePhrase)
        or phrases[j - 1].spatial.relation != "with"
    ):
        return None
    for p in reversed(phrases[: j - 1]):
        if isinstance(p, Mark) and p.tag is Tag.END:
            return None
        holder = _holder(nouns, at[p.start]) if isinstance(p, NounPhrase) and p.start in at else None
        if holder is not None and nouns[holder].is_thing:  # past a scene: "a jetty reaches into the lake"
            return holder
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
    """'From left to right, A, B and C' (or 'A, B and C, from left to right'): an order and places."""
    closing = k + 1 >= len(phrases) or isinstance(phrases[k + 1], Mark) and phrases[k + 1].tag is Tag.END  # type: ignore[union-attr]
    row = (
        _clause_things(phrases, k, at, nouns)
        if closing
        else _next_things(phrases, k, at, nouns, limit=8, across=True)
    )
    links = tuple(Link(RelationKind.LEFT_OF, a, (b,)) for a, b in zip(row, row[1:], strict=False))
    sides = _ROW.get(len(row), ())
    return Spatial(links, tuple((i, Place(horizontal=side)) for i, side in zip(row, sides, strict=False)))


def _clause_things(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """Every thing named in the sentence before phrase k, in order."""
    found: list[int] = []
    for p in phrases[:k]:
        if isinstance(p, NounPhrase) and p.sentence == phrases[k].sentence and p.start in at:
            if nouns[at[p.start]].role in _PLACED_ROLES and _resolve(nouns, at[p.start]) not in found:
                found.append(_resolve(nouns, at[p.start]))
    return found


def _clause(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The things named in the clause before phrase k (back to a comma, 'and', or the sentence
    start): 'a detective sits at a desk on the left' places both."""
    found: list[int] = []
    for p in reversed(phrases[:k]):
        if (
            isinstance(p, Mark) and p.tag in {Tag.END, Tag.COMMA, Tag.CONJ} or p.low in _CLAUSE_WORDS
            if isinstance(p, Mark)
            else False
        ):
            break
        if isinstance(p, SpacePhrase) and p.spatial.relation is None:
            break
        if isinstance(p, NounPhrase) and p.start in at and nouns[at[p.start]].role in _PLACED_ROLES:
            holder = _resolve(nouns, at[p.start])
            if holder not in found:
                found.append(holder)
    return found[::-1]


def _absolute(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], place: Place
) -> Spatial:
    leads = _opening(phrases, k) or _leads_clause(phrases, k, at, nouns)
    subjects = [] if leads else _clause(phrases, k, at, nouns) or _subjects(phrases, k, at, nouns)
    if not subjects:
        subjects = _next_things(phrases, k, at, nouns, limit=1)
    return Spatial(places=tuple((i, place) for i in subjects))


def _leads_clause(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """'..., on the left a scooter is parked', '... and in the middle a man': a place after a
    comma or 'and' and right before a thing is that thing's."""
    before = phrases[k - 1] if k else None
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    joined = isinstance(before, Mark) and before.low in {",", "and"}
    return (
        joined
        and isinstance(nxt, NounPhrase)
        and nxt.start in at
        and nouns[at[nxt.start]].role in _PLACED_ROLES
    )


def _inverted(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """Subjects of a relation that opens its sentence: the thing after the verb ('On the mantelpiece
    above the fire stand three candles'), else the next thing, else (after 'On a table:') every
    thing of the next sentence."""
    verb = next(
        (
            j
            for j in range(k + 1, len(phrases))
            if isinstance(phrases[j], Verb | Mark)
            and (isinstance(phrases[j], Verb) or phrases[j].tag is Tag.END)
        ),
        None,
    )  # type: ignore[union-attr]
    if verb is not None and isinstance(phrases[verb], Verb):
        before_verb = _fronted(phrases, k, verb, at, nouns)
        if before_verb:
            return before_verb
        after_verb = _coordinated(phrases, verb, at, nouns)
        if after_verb:
            return after_verb
    found = _next_things(phrases, k + 1, at, nouns, limit=1)
    target = _object(phrases, k, at, nouns)
    surface = target is not None and nouns[target].entry is not None and nouns[target].entry.has(Flag.SUPPORT)  # type: ignore[union-attr]
    if found or not surface or phrases[k].spatial.relation != "on":  # type: ignore[union-attr]
        return found
    end = next(
        (j for j in range(k, len(phrases)) if isinstance(phrases[j], Mark) and phrases[j].tag is Tag.END),
        None,
    )  # type: ignore[union-attr]
    return _next_things(phrases, end, at, nouns, limit=8) if end is not None else []


def _fronted(
    phrases: tuple[Phrase, ...], k: int, verb: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """'In front of the sofa, a low table holds ...': after an opening relation and a comma, the
    things before the verb are its subjects."""
    j = _whole(phrases, k + 1, at, nouns) + 1
    if j >= verb or not (isinstance(phrases[j], Mark) and phrases[j].tag is Tag.COMMA):  # type: ignore[union-attr]
        return []
    return _coordinated(phrases, j, at, nouns)


def _parallel(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int | None:
    """'To its left, chopsticks ...; to its right, a plate': an 'its' that opens the sentence after
    another such 'its' means the same thing."""
    sentence = phrases[k].sentence
    for j in range(k - 1, -1, -1):
        p = phrases[j]
        if p.sentence < sentence - 1:
            return None
        if (
            isinstance(p, SpacePhrase)
            and p.spatial.to_referent
            and p.sentence == sentence - 1
            and _opening(phrases, j)
        ):
            return _pronoun(phrases, j, at, nouns, animate=False)
    return None


def _referent(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'a cat to its right' / 'To its left, a pair of chopsticks': beside the thing named before."""
    space = phrases[k]
    assert isinstance(space, SpacePhrase)
    kind = _KINDS.get(space.spatial.relation or "")
    opening = _opening(phrases, k) or (
        k >= 1 and isinstance(phrases[k - 1], Mark) and _opening(phrases, k - 1)
    )
    named = _next_things(phrases, k, at, nouns, limit=1) if opening else _subjects(phrases, k, at, nouns)
    earlier = [
        _holder(nouns, at[p.start]) for p in phrases[:k] if isinstance(p, NounPhrase) and p.start in at
    ]
    earlier = [e for e in earlier if e is not None and e not in named]
    if opening:
        its = _parallel(phrases, k, at, nouns)
        its = its if its is not None else _pronoun(phrases, k, at, nouns, animate=False)
        earlier = [its] if its is not None and its not in named else earlier
    return Spatial((Link(kind, named[0], (earlier[-1],)),)) if kind and named and earlier else Spatial()


def _no_object(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """A relation word with no thing after it: 'of the picture', 'in the sky', 'circle above.'"""
    space = phrases[k]
    assert isinstance(space, SpacePhrase)
    s = space.spatial
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if (s.horizontal or s.vertical) and isinstance(nxt, NounPhrase):  # "of the picture", "of the square"
        return _absolute(phrases, k, at, nouns, Place(s.horizontal, s.vertical, s.depth))
    fallback = ABSOLUTE_FALLBACK.get(s.relation or "")
    if (
        isinstance(nxt, NounPhrase)
        and is_class(nxt.head, WordClass.SKY)
        and s.relation in {"inside", "above"}
    ):
        fallback = (None, "top", None)  # "in the sky"
    elif isinstance(nxt, NounPhrase) and s.relation == "above" and _scenery(nxt, at, nouns):
        fallback = (None, "top", None)  # "hovers above the alley"
    elif isinstance(nxt, NounPhrase) or isinstance(nxt, Mark) and nxt.tag is Tag.PRON:
        fallback = None
    if fallback:
        return _absolute(phrases, k, at, nouns, Place(None, fallback[1], fallback[2]))
    return Spatial()


def _scenery(p: NounPhrase, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether a noun phrase is a thing or a scene ('hovers above the alley'), not the picture's
    frame ('overhead food photography')."""
    return p.start in at and nouns[at[p.start]].role in {Role.THING, Role.REPEAT, Role.SCENE}


def _coordinated(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The thing right after phrase k and those joined to it by a bare 'and' ('three candles and a clock')."""
    found: list[int] = []
    for j in range(k + 1, len(phrases)):
        p = phrases[j]
        if isinstance(p, NounPhrase) and p.start in at:
            if nouns[at[p.start]].role in _PLACED_ROLES:
                found.append(_resolve(nouns, at[p.start]))
            nxt = phrases[j + 1] if j + 1 < len(phrases) else None
            if not (isinstance(nxt, Mark) and nxt.low == "and"):
                break
        elif not (isinstance(p, Mark) and p.low == "and") and found:
            break
        elif isinstance(p, Mark) and p.tag in {Tag.END, Tag.COMMA}:
            break
    return found


def _relation(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    space = phrases[k]
    assert isinstance(space, SpacePhrase)
    kind = _KINDS.get(space.spatial.relation or "")
    if space.spatial.to_referent:
        return _referent(phrases, k, at, nouns)
    target = _object(phrases, k, at, nouns)
    if target is None:
        return _no_object(phrases, k, at, nouns)
    if kind is None:
        return Spatial()
    subjects = [] if _opening(phrases, k) else [s for s in _subjects(phrases, k, at, nouns) if s != target]
    if not subjects:
        subjects = [s for s in _inverted(phrases, k, at, nouns) if s != target]
    objects: tuple[int, ...] = (target,)
    if kind is RelationKind.BETWEEN and nouns[target].phrase.plural:
        kind = RelationKind.NEXT_TO  # "between two palm trees", "between them": one group, beside it
    if kind is RelationKind.BETWEEN:
        others = [s for s in _next_things(phrases, k + 1, at, nouns, limit=2) if s != target]
        if not others:
            return Spatial()
        objects = (target, others[0])
    return Spatial(tuple(Link(kind, s, objects) for s in subjects))


def _action(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'an old man weighing tomatoes': the object of an action is drawn next to whoever does it."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if not isinstance(nxt, NounPhrase) or nxt.start not in at or nouns[at[nxt.start]].role is not Role.THING:
        return []
    participle = (
        k >= 1
        and getattr(phrases[k], "low", "").endswith("ing")
        and getattr(phrases[k - 1], "low", "") == ","
    )
    actor = _subjects(phrases, k + participle, at, nouns)  # "a table sits by the sofa, holding a vase"
    known = nouns[actor[0]].entry if actor else None
    if not actor or known is None or actor[0] == at[nxt.start]:
        return []
    if known.kind not in _ANIMATE:
        return _borne(phrases, k, at, nouns, actor[0])
    return [Link(RelationKind.NEXT_TO, at[nxt.start], (actor[0],))]


def _borne(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], host: int
) -> list[Link]:
    """'a low table holds a stack of books and a mug': what a support or container holds rests on
    or in it."""
    known = nouns[host].entry
    verb = phrases[k]
    if known is None or not isinstance(verb, Verb) or not is_class(verb.low, WordClass.ATTACH_VERB):
        return []
    kind = (
        RelationKind.ON if known.has(Flag.SUPPORT) else RelationKind.IN if known.has(Flag.CONTAINER) else None
    )
    held = [i for i in _coordinated(phrases, k, at, nouns) if i != host]
    return [Link(kind, i, (host,)) for i in held] if kind is not None else []


def _coming_from(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[tuple[int, Place]]:
    """'a capsule approaches from the left', 'a diver follows the turtle from the right': the
    subject of the verb is on that side (a light 'from the left' places nothing)."""
    side = phrases[k].spatial.horizontal  # type: ignore[union-attr]
    verb = k - 1 if k >= 1 and isinstance(phrases[k - 1], Verb) else k - 2
    if side is None or verb < 1 or not isinstance(phrases[verb], Verb):
        return []
    if verb == k - 2 and not isinstance(phrases[k - 1], NounPhrase):
        return []
    subject = _clause(phrases, verb, at, nouns)
    return [(subject[0], Place(horizontal=side))] if subject else []


def _where(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'a hammock strung between them where a man naps': the thing after 'where' is in the last
    thing named before it."""
    before = [
        _resolve(nouns, at[p.start])
        for p in phrases[:k]
        if isinstance(p, NounPhrase)
        and p.sentence == phrases[k].sentence
        and p.start in at
        and nouns[at[p.start]].role in _PLACED_ROLES
    ]
    after = _next_things(phrases, k, at, nouns, limit=1)
    return (
        [Link(RelationKind.IN, after[0], (before[-1],))]
        if before and after and after[0] != before[-1]
        else []
    )


def _resting(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'a blanket with a basket, a bottle and a bowl on it', 'a tree with a star on top': every
    thing of the 'with' list rests on the thing before 'with'."""
    j = k - 1
    while j >= 0 and (
        isinstance(phrases[j], NounPhrase)
        or isinstance(phrases[j], Mark)
        and phrases[j].low in {",", "and", "of"}  # type: ignore[union-attr]
    ):
        j -= 1
    space = phrases[j] if j >= 0 else None
    if not isinstance(space, SpacePhrase) or space.spatial.relation != "with" or list_end(phrases, j) != k:
        return Spatial()
    owner = _subjects(phrases, j, at, nouns)
    listed = [
        _resolve(nouns, at[p.start])
        for p in phrases[j + 1 : k]
        if isinstance(p, NounPhrase) and p.start in at and nouns[at[p.start]].role in _PLACED_ROLES
    ]
    if len(owner) != 1:
        return Spatial()
    return Spatial(tuple(Link(RelationKind.ON, i, (owner[0],)) for i in listed if i != owner[0]))


def relate(phrases: tuple[Phrase, ...], nouns: tuple[Noun, ...]) -> Spatial:
    """All relations and absolute places of a prompt."""
    at = {n.phrase.start: i for i, n in enumerate(nouns)}
    links: list[Link] = []
    places: list[tuple[int, Place]] = []
    for k, p in enumerate(phrases):
        if isinstance(p, Verb):
            links.extend(_action(phrases, k, at, nouns))
        if isinstance(p, Mark) and p.low == "where":
            links.extend(_where(phrases, k, at, nouns))
        if not isinstance(p, SpacePhrase):
            continue
        place = _place_of(p)
        if p.spatial.relation == "camera":
            places.extend(_coming_from(phrases, k, at, nouns))
            continue
        if on_its_owner(phrases, k):
            found = _resting(phrases, k, at, nouns)
            if found.links:
                links.extend(found.links)
                continue
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
    said = {(link.subject, link.objects) for link in links if link.kind is not RelationKind.ON}
    links = [x for x in links if x.kind is not RelationKind.ON or (x.subject, x.objects) not in said]
    return Spatial(tuple(dict.fromkeys(links)), tuple(places))  # "on a tray: ..., a newspaper under the tray"
