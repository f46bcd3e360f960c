"""Pass 5 of the rules reader: spatial phrases -> relations between things and absolute places.

A spatial phrase relates the thing(s) just named (coordinated ones together: "a boy and a girl
in front of a castle") to the thing after it; at the start of a sentence it places or relates
the thing that follows ("On the left, an old lighthouse"; "To the left of the house stands a
tree"). After a finite verb it is the verb's subject's ("a cart piled with loaves stands beside
a fountain"), found with the clause structure of planner.rules_clauses; a place or relation after
', and' opens a clause whose subject follows ("..., and just below it lies a napkin"). "From left
to right, A, B and C" is an order. Output uses indices into the nouns.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.reading import Place, RelationKind, Size
from planner.rules_clauses import (
    RELATIVE,
    arriving,
    fronted_clause,
    is_governed,
    lead_in,
    next_verb,
    opens_sentence,
    participle,
    past_asides,
    past_participle,
    relative,
    subject_phrase,
    verb_before,
    whose,
    with_listed,
)
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, list_end, on_its_owner
from planner.rules_roles import Noun, Role
from planner.rules_spatial import ABSOLUTE_FALLBACK
from planner.rules_tokens import Tag
from planner.rules_vocab import (
    ANIMATE,
    Entry,
    Flag,
    ThingKind,
    WordClass,
    entry,
    is_class,
    is_verb_of,
    may_name_someone,
)

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
_CLOSE_BY = frozenset({"on", "inside", "below"})  # "under a table": the same place ("next to" is _beside's)
_ROW = {2: ("left", "right"), 3: ("left", "center", "right")}
_PLACED_ROLES = frozenset({Role.THING, Role.REPEAT})
_CLAUSE_WORDS = frozenset("while whilst as where when which who".split())
_POSTURES = frozenset("side back front belly stomach knees".split())  # "lies on its side": a pose
_PLACE_LEADS = frozenset(
    "in on at to towards toward into along near from".split()
)  # a place said with its preposition
_MOUNTS = frozenset(
    "rides ride riding rode perches perched perching stands standing sits sitting sat".split()
)
_GROUNDS = frozenset({ThingKind.BUILDING, ThingKind.NATURE, ThingKind.SCENE, ThingKind.VEHICLE})  # stood on
_JOINERS = frozenset({",", "and", ";", "while", "whilst"})  # words that can open a new clause
_PATHS = frozenset("past through along toward towards".split())  # a way the verb's subject goes
_RIMS = frozenset("edge corner end rim side".split())  # 'at the edge of the table': still on it


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
    supports: tuple[int, ...] = ()  # scenes a thing stands on ('a castle on a cliff'): no setting
    on_wall: tuple[int, ...] = ()  # things hung on a wall of the scene ('a pot hangs on the wall')


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
    space = phrases[k]
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    pronoun = isinstance(nxt, Mark) and nxt.low in {"him", "her", "them"}  # "sit in rows in front of her"
    chain = isinstance(space, SpacePhrase) and (space.spatial.to_referent or space.lead in _PATHS) or pronoun
    verb = verb_before(phrases, k, chain)
    if verb is None and isinstance(nxt, Mark) and nxt.low == "it":
        verb = verb_before(phrases, k, chain=True)  # "a pen lying on a desk near it": the pen's place
        chain = verb is not None and participle(phrases, verb)
        verb = verb if chain else None
    if verb is not None and not participle(phrases, verb):
        return _verb_subject(phrases, verb, at, nouns)  # "a cart piled with loaves stands beside a fountain"
    if verb is not None:
        said = phrases[verb - 1]
        if _unknown_gear(phrases, verb - 1, at, nouns):
            return _walk_back(
                phrases, verb - 2, at, nouns, past_objects=False
            )  # "a diver with a tether floating"
        if said.start not in at or _holder(nouns, at[said.start]) is None:
            return []  # "sawdust curling around his hands": no thing
        if chain and verb < k - 1:
            return _walk_back(phrases, verb, at, nouns, past_objects=False)  # "a pen lying on a desk near it"
    worker = _at_work(phrases, k, at, nouns)
    return worker if worker else _walk_back(phrases, k, at, nouns, past_objects=False)


def _unknown_gear(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether phrase j is an unlisted noun (no part, no thing) that a 'with' governs ('an astronaut
    with a safety tether'): what comes after it is said of its owner."""
    p = phrases[j]
    lead = phrases[j - 1] if j >= 1 else None
    if not isinstance(p, NounPhrase) or not isinstance(lead, SpacePhrase) or lead.lead != "with":
        return False
    if p.start not in at or _holder(nouns, at[p.start]) is not None or is_class(p.head, WordClass.PART):
        return False
    return nouns[at[p.start]].entry is None and entry(p.compound) is None


def _at_work(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """'a cook flips burgers at the grill', 'a clerk stamps letters at a desk': 'at' after a verb's
    object places the one who does it (a person or animal), not the object; none otherwise."""
    space = phrases[k]
    if (
        k < 2
        or not isinstance(space, SpacePhrase)
        or space.lead != "at"
        or space.spatial.relation != "adjacent"
    ):
        return []
    verb, said = phrases[k - 2], phrases[k - 1]
    if not isinstance(verb, Verb) or not isinstance(said, NounPhrase) or participle(phrases, k - 2):
        return []
    if is_verb_of(verb.low, WordClass.AIM_VERB):
        return []  # "throws a ball at the wall"
    doers = _verb_subject(phrases, k - 2, at, nouns)
    animate = all(nouns[i].entry is not None and nouns[i].entry.kind in ANIMATE for i in doers)  # type: ignore[union-attr]
    return doers if animate else []


def _verb_subject(
    phrases: tuple[Phrase, ...], verb: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The subject of a verb: the thing(s) before it that no preposition governs, or the noun
    before 'who' / 'that' / 'which'; none when that noun is no thing ('the mountain rises')."""
    j = subject_phrase(phrases, verb)
    if j is None:
        return []
    p = phrases[j]
    holder = _holder(nouns, at[p.start]) if p.start in at else None
    return [] if holder is None else _walk_back(phrases, j + 1, at, nouns, past_objects=True)


def _person_for(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    part: NounPhrase,
    owner: int,
    subject: list[int] | None,
) -> int:
    """'1girl, cat on her lap, dog at her feet': 'her' feet are a person's, not the cat's, when a
    person was named before; otherwise the part's owner."""
    known = nouns[owner].entry
    if part.determiner not in {"his", "her"} or known is None or known.kind is not ThingKind.ANIMAL:
        return owner
    people = [
        _holder(nouns, at[p.start])
        for p in phrases[:k]
        if isinstance(p, NounPhrase) and p.start in at and p.sentence >= phrases[k].sentence - 1
    ]
    people = [
        i
        for i in people
        if i is not None
        and i not in (subject or [])
        and nouns[i].entry is not None
        and nouns[i].entry.kind is ThingKind.PERSON  # type: ignore[union-attr]
    ]
    return people[-1] if people else owner


def _subject_not_thing(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> bool:
    """Whether the spatial phrase at k goes with a verb whose subject is no thing ('light spills
    from the windows'): then it relates nothing."""
    verb = verb_before(phrases, k)
    if verb is None or participle(phrases, verb):
        return False
    j = subject_phrase(phrases, verb)
    return j is not None and (phrases[j].start not in at or _holder(nouns, at[phrases[j].start]) is None)


def _walk_back(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], past_objects: bool
) -> list[int]:
    """The last thing named before phrase k in its sentence, with those joined to it by 'and'; when
    `past_objects`, not the object of a preposition ('a boy with a kite runs': the boy)."""
    found: list[int] = []
    j = k - 1
    headed = False  # the tag being walked has a head that is no thing ('a sprig of moss in a jar')
    while j >= 0 and not (isinstance(phrases[j], Mark) and phrases[j].tag is Tag.END):  # type: ignore[union-attr]
        p = phrases[j]
        if not found and headed and isinstance(p, Mark) and p.low == ",":
            break  # "a grinder on a plinth, a sprig of moss in a vase": not the plinth in the vase
        governed = is_governed(phrases, j) or with_listed(phrases, j)
        headed = headed or _no_thing_head(p, at, nouns, governed)
        skipped = past_objects and governed and not relative(phrases, j)
        if isinstance(p, NounPhrase) and p.start in at and not skipped:
            holder = _holder(nouns, at[p.start])
            if holder is not None and holder not in found:
                found.append(holder)
                before = phrases[j - 1] if j else None
                listed = j >= 2 and isinstance(phrases[j - 2], Mark) and phrases[j - 2].low == ","  # type: ignore[union-attr]
                if not (isinstance(before, Mark) and before.low == "and") or listed:
                    break
        elif (
            isinstance(p, SpacePhrase)
            and found
            and not (past_objects and _with_pair(phrases, j, nouns, found))
        ):
            break
        j -= 1
    return _escorts(phrases, j, at, nouns) + found[::-1]


def _no_thing_head(p: Phrase, at: dict[int, int], nouns: tuple[Noun, ...], governed: bool) -> bool:
    """Whether phrase p heads its tag and is no thing nor a thing's part ('a sprig of moss', not 'one
    foot up on a crate', which is still its owner's)."""
    if not isinstance(p, NounPhrase) or p.start not in at or governed or is_class(p.head, WordClass.PART):
        return False
    return _holder(nouns, at[p.start]) is None


def _with_pair(phrases: tuple[Phrase, ...], j: int, nouns: tuple[Noun, ...], found: list[int]) -> bool:
    """Whether the 'with' at j sits between two subjects joined by 'and': 'an old man with a cane and
    a girl stand' (both living things), so the walk back goes on to the man."""
    p, before = phrases[j], phrases[j - 1] if j else None
    if not (isinstance(p, SpacePhrase) and p.lead == "with" and isinstance(before, NounPhrase)):
        return False
    known = [nouns[found[-1]].entry, entry(before.compound) or entry(before.head)]
    return all(k is not None and k.kind in ANIMATE for k in known)


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
            if known is not None and known.kind in ANIMATE:
                return holder
    return None


def _first_thing(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The first thing named in the clause of phrase k, before it: from the sentence start or a
    ', and' that opens a new clause ('a kite hangs up high, and a bear sits below, leaning ...')."""
    sentence = phrases[k].sentence
    opened = [
        j
        for j in range(1, k)
        if getattr(phrases[j], "low", "") in _JOINERS - {","} and getattr(phrases[j - 1], "low", "") == ","
    ]
    for p in phrases[opened[-1] if opened else 0 : k]:
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
    if not isinstance(nxt, NounPhrase) or nxt.start not in at:
        return k
    named = nxt.determiner == "the" and not nxt.plural  # "the highest spire of a castle": the castle's
    if nouns[at[nxt.start]].role not in partlike and not named:
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


def _object(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    subject: list[int] | None = None,
) -> int | None:
    """The thing a relation at k is to (for a pronoun, not `subject`, the relation's own)."""
    if whose(phrases, k):
        owner = _walk_back(phrases, k, at, nouns, past_objects=False)
        return owner[-1] if owner else None  # "a stall, behind whose counter a cook ...": the stall
    j = _whole(phrases, k + 1, at, nouns)
    nxt = phrases[j] if j < len(phrases) else None
    if isinstance(nxt, NounPhrase) and nxt.start in at:
        noun = nouns[at[nxt.start]]
        if _posture(phrases, k, at, nouns, nxt, subject):
            return None  # "lies on its side", "sleeps on her back": a pose, not a place
        if noun.role is Role.PART and noun.ref is not None:
            owner = _resolve(nouns, noun.ref)  # "perches on the roof" (of the hut), "at her feet"
            return _person_for(phrases, k, at, nouns, nxt, owner, subject)
        if noun.role in {Role.NONE, Role.PART} and nxt.determiner in {"its", "their", "his", "her"}:
            animate = nxt.determiner in {"his", "her"}  # "perched on his shoulder": a person's
            return _pronoun(phrases, k, at, nouns, animate=animate, subject=subject)  # "on its third step"
        found = _resolve(nouns, at[nxt.start]) if noun.role in _PLACED_ROLES else None
        whole = _its_whole(phrases, k, at, nouns, nxt, subject) if found == at[nxt.start] else None
        found = whole if whole is not None else found
        return found if found is not None and nouns[found].is_thing else None  # not 'of the rooftop' again
    if isinstance(nxt, Mark) and nxt.low in {"it", "them", "him", "her"}:
        return _pronoun(phrases, k, at, nouns, animate=nxt.low in {"him", "her"}, subject=subject)
    return None


def _kind(noun: Noun) -> ThingKind | None:
    return noun.entry.kind if noun.entry is not None else None


def _its_whole(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    nxt: NounPhrase,
    subject: list[int] | None,
) -> int | None:
    """The thing that a listed thing named with 'its' belongs to, when that is another lifeless
    thing no smaller than it ('a truck with a duck in its bed', 'a lifeguard leans on its railing'):
    the relation is to the whole, where the part is drawn. Not an animal's own ('a dog in its bed')."""
    if nxt.determiner != "its":
        return None
    said = _subjects(phrases, k, at, nouns) if subject is None else subject
    owner = _with_owner(phrases, said, at, nouns)
    if owner is None and any(_kind(nouns[s]) is ThingKind.ANIMAL for s in said):
        return None  # "a hamster watches from its cage": its own
    owner = _pronoun(phrases, k, at, nouns, animate=False, subject=said) if owner is None else owner
    part, whole = nouns[at[nxt.start]].entry, nouns[owner].entry if owner is not None else None
    if part is None or whole is None or owner in said or whole.kind in ANIMATE or whole.size < part.size:
        return None
    return owner


def _posture(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    nxt: NounPhrase,
    subject: list[int] | None,
) -> bool:
    """Whether 'on its back' at k is the subject's own pose ('a dog sleeps on its back'), not
    another thing's back: after a verb of riding, or for a thing named 'with' another ('a horse
    with a bird on its back'), it is the other's."""
    if nxt.head not in _POSTURES or nxt.determiner not in {"its", "his", "her", "their"}:
        return False
    said = _subjects(phrases, k, at, nouns) if subject is None else subject
    return not _mounted(phrases, k) and _with_owner(phrases, said, at, nouns) is None


def _mounted(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the relation at k follows a verb of riding or perching ('a doll rides on its back',
    'a bird perches on his back'): 'its back' is then another thing's, not the subject's pose."""
    verb = verb_before(phrases, k)
    return verb is not None and phrases[verb].low in _MOUNTS  # type: ignore[union-attr]


def _pronoun(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    animate: bool,
    subject: list[int] | None = None,
) -> int | None:
    """What 'it' / 'him' after a spatial phrase stands for: the first thing of its sentence (the
    one the sentence is about), else of the sentence before, never the relation's own subject."""
    subject = _subjects(phrases, k, at, nouns) if subject is None else subject
    owner = _with_owner(phrases, subject, at, nouns)
    if owner is not None and not animate:
        return owner  # "a notebook with a pen lying across it": the notebook
    sentence = phrases[k].sentence
    for wanted in range(sentence, -1 if animate else sentence - 2, -1):  # 'him': any sentence before
        found = _first_in(phrases, k, at, nouns, wanted, animate, subject)
        if found is not None:
            return found
        ahead = _ahead(phrases, k, at, nouns, subject) if wanted == sentence else None
        if ahead is not None:
            return ahead  # "With a monkey on its head, an elephant ...": the elephant
    return None


def _first_in(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    sentence: int,
    animate: bool,
    subject: list[int],
) -> int | None:
    """The first thing (a person or animal when `animate`) named in `sentence` before phrase k
    that is not one of `subject`."""
    for p in phrases:
        if not isinstance(p, NounPhrase) or p.sentence != sentence or p.start not in at:
            continue
        if p.start >= phrases[k].start:
            break
        holder = _holder(nouns, at[p.start])
        known = nouns[holder].entry if holder is not None else None
        if holder is None or holder in subject or (animate and (known is None or known.kind not in ANIMATE)):
            continue
        return holder
    return None


def _ahead(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], subject: list[int]
) -> int | None:
    """The thing a possessive in a clause that opens its sentence with no verb of its own stands for
    ('With a monkey riding on its head, an elephant wades', 'A parrot perched on his shoulder, the
    sailor mends a net'): the first thing after the comma that closes the clause."""
    comma = fronted_clause(phrases, k)
    if comma is None or not subject or any(nouns[s].phrase.start > phrases[comma].start for s in subject):
        return None  # "To its left, a plate": the subject comes after the comma, 'its' before
    found = _next_things(phrases, comma, at, nouns, limit=1)
    return found[0] if found and found[0] not in subject else None


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
    head = _clause_head(phrases, j - 1, at, nouns) if getattr(phrases[j - 2], "low", "") == "," else None
    known = nouns[head].entry if head is not None else None
    if (
        head is not None
        and nouns[head].is_thing
        and not (known is not None and known.kind is ThingKind.PERSON)
    ):
        return head  # "a vise gripping a board, with a plane just in front of it": the vise
    for p in reversed(phrases[: j - 1]):
        if isinstance(p, Mark) and p.tag is Tag.END:
            return None
        holder = _holder(nouns, at[p.start]) if isinstance(p, NounPhrase) and p.start in at else None
        if holder is not None and nouns[holder].is_thing:  # past a scene: "a jetty reaches into the lake"
            return holder
    return None


def _sentence_places(
    phrases: tuple[Phrase, ...], at: dict[int, int], nouns: tuple[Noun, ...], places: list[tuple[int, Place]]
) -> list[tuple[int, Place]]:
    """A place that opens a sentence holds for the subject of each ', and' clause of it that says no
    place of its own: 'On the right, a girl holds a kite, and a dog sleeps under a bench'."""
    placed = {i for i, _ in places}
    found: list[tuple[int, Place]] = []
    for k, p in enumerate(phrases):
        place = _place_of(p) if isinstance(p, SpacePhrase) and not p.order else None
        if place is None or not opens_sentence(phrases, k) or not place.horizontal:
            continue
        for j in range(k + 2, len(phrases) - 1):
            if (
                phrases[j].sentence != p.sentence
                or isinstance(phrases[j], SpacePhrase)
                and _place_of(phrases[j])
            ):
                break  # another place takes over
            nxt = phrases[j + 1]
            opened = getattr(phrases[j], "low", "") == "and" and getattr(phrases[j - 1], "low", "") == ","
            if (
                opened
                and isinstance(nxt, NounPhrase)
                and nxt.start in at
                and nouns[at[nxt.start]].role is Role.THING
            ):
                known = nouns[at[nxt.start]].entry
                if at[nxt.start] not in placed and not (known is not None and known.has(Flag.SKY)):
                    found.append((at[nxt.start], place))  # not 'and the sun sets behind the hills'
    return found


def _place_of(space: SpacePhrase) -> Place | None:
    s = space.spatial
    if s.relation is None and (s.horizontal or s.vertical or s.depth):
        return Place(horizontal=s.horizontal, vertical=s.vertical, depth=s.depth)
    return None


def _order(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'From left to right, A, B and C' (or 'A, B and C, from left to right'): an order and places."""
    row = _row(phrases, k, at, nouns)
    links = tuple(Link(RelationKind.LEFT_OF, a, (b,)) for a, b in zip(row, row[1:], strict=False))
    sides = _ROW.get(len(row), ("left", *[None] * (len(row) - 2), "right") if len(row) > 3 else ())
    return Spatial(
        links, tuple((i, Place(horizontal=side)) for i, side in zip(row, sides, strict=False) if side)
    )


def _row(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The things an order phrase at k ('from left to right') lines up."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    closing = nxt is None or isinstance(nxt, Mark) and nxt.tag is Tag.END and nxt.low != ":"
    if closing:
        return _clause(phrases, k, at, nouns) or _clause_things(phrases, k, at, nouns)
    if isinstance(nxt, Mark) and nxt.low == ":":
        return _row_after(phrases, k + 1, at, nouns)
    return _next_things(phrases, k, at, nouns, limit=8, across=True)


def _row_after(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The things a list after 'from left to right:' names, through ';' to the full stop: each
    item's own things, not what they sit on ('the grandfather sits on a bench; then the bride')."""
    found: list[int] = []
    for j in range(k + 1, len(phrases)):
        p = phrases[j]
        if isinstance(p, Mark) and p.tag is Tag.END and p.low not in {":", ";"}:
            break
        if isinstance(p, NounPhrase) and p.start in at and nouns[at[p.start]].role in _PLACED_ROLES:
            if not is_governed(phrases, j) and _resolve(nouns, at[p.start]) not in found:
                found.append(_resolve(nouns, at[p.start]))
    return found[:8]


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
    """The things named in the clause before phrase k (back to a comma, 'and', the sentence
    start, or the thing a relative clause is about): 'a detective sits at a desk on the left'
    places both; 'a castle that sits on a cliff at the right' places the castle."""
    found: list[int] = []
    for j in range(k - 1, -1, -1):
        p = phrases[j]
        if isinstance(p, Mark) and p.low in RELATIVE:
            noun = j - 2 if j >= 2 and getattr(phrases[j - 1], "low", "") == "," else j - 1  # ", which"
            if noun >= 0 and isinstance(phrases[noun], NounPhrase) and relative(phrases, noun):
                owner = _holder(nouns, at[phrases[noun].start]) if phrases[noun].start in at else None
                return [owner, *found[::-1]] if owner is not None and owner not in found else found[::-1]
        if (
            isinstance(p, Mark) and p.tag in {Tag.END, Tag.COMMA, Tag.CONJ} or p.low in _CLAUSE_WORDS
            if isinstance(p, Mark)
            else False
        ):
            if _joined_subject(phrases, j, at, nouns, found) or _listed_object(phrases, j):
                continue  # "a roller and two sachets fill the top left": both
            break
        if isinstance(p, SpacePhrase) and p.spatial.relation is None:
            break
        if isinstance(p, NounPhrase) and p.start in at and nouns[at[p.start]].role in _PLACED_ROLES:
            holder = _resolve(nouns, at[p.start])
            if holder not in found:
                found.append(holder)
    return found[::-1]


def _listed_object(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the 'and' at j only lists the objects of a preposition, with no verb before it in
    its clause: 'a sailor in a coat and a cap stands on the left' (the sailor is there too)."""
    if getattr(phrases[j], "low", "") != "and" or not j or not isinstance(phrases[j - 1], NounPhrase):
        return False
    if not is_governed(phrases, j - 1):
        return False
    for p in reversed(phrases[: j - 1]):
        if isinstance(p, Verb):
            return False
        if isinstance(p, Mark) and (p.tag in {Tag.END, Tag.COMMA, Tag.CONJ} or p.low in _CLAUSE_WORDS):
            return True
    return True


def _joined_subject(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...], found: list[int]
) -> bool:
    """Whether the 'and' at j joins a thing to the first of `found` as one subject of the verb
    after it ('a kettle and a teapot stand together on the left'): then both are placed."""
    before, after = phrases[j - 1] if j else None, phrases[j + 1] if j + 1 < len(phrases) else None
    if getattr(phrases[j], "low", "") != "and" or not found or not isinstance(after, NounPhrase):
        return False
    verb = phrases[j + 2] if j + 2 < len(phrases) else None
    if not isinstance(verb, Verb) or after.start not in at or _resolve(nouns, at[after.start]) != found[-1]:
        return False
    return isinstance(before, NounPhrase) and before.start in at and not is_governed(phrases, j - 1)


def _absolute(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], place: Place
) -> Spatial:
    if _labels(phrases, k):
        return Spatial(places=tuple((i, place) for i in _labelled(phrases, k, at, nouns)))
    if _tagged(phrases, k):
        return Spatial(places=tuple((i, place) for i in _clause(phrases, k - 1, at, nouns)))
    leads = opens_sentence(phrases, k) or _leads_clause(phrases, k, at, nouns)
    subjects = [] if leads else _clause(phrases, k, at, nouns) or _subjects(phrases, k, at, nouns)
    if not subjects:
        subjects = _next_things(phrases, k, at, nouns, limit=1)
        subjects += _joined(phrases, k, at, nouns, subjects) if leads else []
        subjects += _handled(phrases, k, at, nouns, subjects) if leads else []
    return Spatial(places=tuple((i, place) for i in _up_there(nouns, subjects, place)))


def _up_there(nouns: tuple[Noun, ...], subjects: list[int], place: Place) -> list[int]:
    """Of the things a place high in the picture is said of, the ones that are up in the air when
    there are some: 'two children fly a kite in the top right corner' puts the kite there, and the
    children stay on the ground."""
    if place.vertical != "top":
        return subjects
    flying = [i for i in subjects if nouns[i].entry is not None and nouns[i].entry.has(Flag.SKY)]  # type: ignore[union-attr]
    return flying or subjects


def _joined(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], subjects: list[int]
) -> list[int]:
    """The things joined by 'and' to the first thing after an opening place: 'On the left, a
    folded towel and a whisk lie on a board' puts both on the left."""
    first = next(
        (
            j
            for j in range(k + 1, len(phrases))
            if isinstance(phrases[j], NounPhrase) and phrases[j].start in at
        ),
        None,
    )
    if not subjects or first is None or _resolve(nouns, at[phrases[first].start]) != subjects[0]:  # type: ignore[union-attr]
        return []
    if not (first + 1 < len(phrases) and getattr(phrases[first + 1], "low", "") == "and"):
        return []
    return [i for i in _coordinated(phrases, first, at, nouns) if i not in subjects]


def _labels(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the place at k is a label: 'Center: ...', 'left: ...'."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    return isinstance(nxt, Mark) and nxt.low == ":"


def _tagged(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the place at k stands alone between commas, or a comma and the sentence end, as a
    tag on the clause before it ('a kid on a suitcase, bottom right.', 'a full moon, top, ...')."""
    before = phrases[k - 1] if k else None
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    closes = nxt is None or isinstance(nxt, Mark) and (nxt.tag is Tag.END or nxt.low == ",")
    return isinstance(before, Mark) and before.low == "," and closes and phrases[k].lead not in _PLACE_LEADS  # type: ignore[union-attr]


def _labelled(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The things a place label puts there: each thing named after it, up to the next label or
    the sentence end ('center: a swordswoman, black kimono, left: a boy ...'; 'Foreground: a fox
    and a hare.'; 'Right: a cart pushed by a vendor': the vendor too). A thing placed before keeps
    its first place."""
    found: list[int] = []
    for j in range(k + 2, len(phrases)):
        p = phrases[j]
        if isinstance(p, Mark) and p.tag is Tag.END or isinstance(p, SpacePhrase) and _labels(phrases, j):
            break
        if isinstance(p, NounPhrase) and p.start in at and nouns[at[p.start]].role in _PLACED_ROLES:
            holder = _resolve(nouns, at[p.start])
            if holder not in found:
                found.append(holder)
    return found[:6]


def _handled(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], subjects: list[int]
) -> list[int]:
    """What the subject of an opening place directly acts on is there too: 'In the foreground, two
    girls share a desk' puts the desk in the foreground."""
    verb = next_verb(phrases, k)
    said = _acted_on(phrases, verb) if verb is not None else None
    if not subjects or not isinstance(said, NounPhrase) or said.start not in at:
        return []
    first = nouns[subjects[0]].phrase.start
    between = [j for j in range(k + 1, verb) if phrases[j].start > first]  # type: ignore[arg-type]
    joined = any(_joins(phrases, j) for j in between)
    if first > phrases[verb].start or joined or nouns[at[said.start]].role not in _PLACED_ROLES:  # type: ignore[index]
        return []  # "..., and just below it lies a napkin": another clause's verb
    found = _resolve(nouns, at[said.start])
    return [found] if found not in subjects else []


def _joins(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the mark at j may open another clause: not an 'and' listing a preposition's objects
    ('a chef with a shaved head and tattoos haggles')."""
    p = phrases[j]
    return isinstance(p, Mark) and (p.low in _JOINERS or p.tag is Tag.END) and not _listed_object(phrases, j)


def _acted_on(phrases: tuple[Phrase, ...], verb: int) -> Phrase | None:
    """The phrase a verb acts on or is at: right after it, or past a particle and the prepositions
    of a place close by ('two men wait on a bench', 'mice peek out from under a toadstool'); not
    past 'in front of' or 'behind', which put the two at different depths, nor past 'above'."""
    j = verb + 1
    while j < len(phrases) and isinstance(phrases[j], Mark) and is_class(phrases[j].low, WordClass.PARTICLE):  # type: ignore[union-attr]
        j += 1
    start = j
    while j < len(phrases) and _close_by(phrases[j]):
        j += 1
    if j == start and j > verb + 1:
        return None  # "a boy runs off": no thing
    return phrases[j] if j < len(phrases) else None


def _close_by(p: Phrase) -> bool:
    """Whether a preposition puts its subject at the same place as its object: 'under a table', 'on
    a bench', 'bends over a crate' (but not 'above a crate')."""
    return isinstance(p, SpacePhrase) and (p.spatial.relation in _CLOSE_BY or p.lead == "over")


def _leads_clause(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """'..., on the left a scooter is parked', '... and in the middle a man': a place after a
    comma or 'and' and right before a thing is that thing's."""
    before = lead_in(phrases, k)
    nxt = phrases[past_asides(phrases, k + 1)] if k + 1 < len(phrases) else None
    joined = isinstance(before, Mark) and before.low in _JOINERS
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
    verb = next_verb(phrases, k)
    if verb is not None:
        before_verb = _fronted(phrases, k, verb, at, nouns)
        if before_verb is not None:
            return before_verb
        after_verb = _coordinated(phrases, verb, at, nouns)
        if after_verb:
            return after_verb
        said = phrases[verb + 1] if verb + 1 < len(phrases) else None
        if isinstance(said, NounPhrase) and (said.start not in at or _holder(nouns, at[said.start]) is None):
            return []  # "Behind the counter stands a jukebox" (no thing known): not the next thing
    found = _next_things(phrases, k + 2 if whose(phrases, k) else k + 1, at, nouns, limit=1)
    joined = _coordinated(phrases, nouns[found[0]].index - 1, at, nouns) if found else []
    found = joined if joined[:1] == found else found  # "On the table there is a plate and a jar"
    target = _object(phrases, k, at, nouns)
    surface = target is not None and nouns[target].entry is not None and nouns[target].entry.has(Flag.SUPPORT)  # type: ignore[union-attr]
    if found or not surface or phrases[k].spatial.relation != "on":  # type: ignore[union-attr]
        return found
    end = next(
        (j for j in range(k, len(phrases)) if isinstance(phrases[j], Mark) and phrases[j].tag is Tag.END),
        None,
    )  # type: ignore[union-attr]
    return _next_things(phrases, end, at, nouns, limit=8) if end is not None else []


def _with_resting(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    subjects: list[int],
) -> list[int]:
    """An opening relation also holds for what its subject rests on: 'Below the bridge a frog sits
    on a lily pad' puts the pad below the bridge too; 'On the bed, a cat sleeps on a hoodie' puts the
    hoodie (not the cat) on the bed."""
    verb = next_verb(phrases, k)
    if verb is None or not subjects:
        return subjects
    j = verb + 1
    while (
        j < len(phrases)
        and isinstance(phrases[j], Mark)
        and (phrases[j].tag in {Tag.ADV, Tag.ADJ} or is_class(phrases[j].low, WordClass.PARTICLE))
    ):  # type: ignore[union-attr]
        j += 1
    space = phrases[j] if j < len(phrases) else None
    if not isinstance(space, SpacePhrase) or space.spatial.relation not in {"on", "inside"}:
        return subjects
    support = _object(phrases, j, at, nouns)
    if support is None or support in subjects:
        return subjects
    return [support] if kind in {RelationKind.ON, RelationKind.IN} else [*subjects, support]


def _fronted(
    phrases: tuple[Phrase, ...], k: int, verb: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int] | None:
    """'In front of the sofa, a low table holds ...', 'At his feet two kittens sleep': after an
    opening relation, the things before the verb are its subjects (not another preposition's
    object: 'On the mantelpiece above the fire stand three candles')."""
    start = k + 3 if whose(phrases, k) else _object_end(phrases, k, at, nouns) + 1  # past "whose counter"
    for j in range(start, verb):
        if isinstance(phrases[j], NounPhrase) and not is_governed(phrases, j):
            whole = _whole(phrases, j, at, nouns)  # "the ruins of a temple"
            return _coordinated(phrases, whole - 1, at, nouns)  # none when it is no thing: not the next
    return None


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
            and opens_sentence(phrases, j)
        ):
            return _pronoun(phrases, j, at, nouns, animate=False)
    return None


def _referent(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'a cat to its right' / 'To its left, a pair of chopsticks' / ', and at his side a dog':
    beside the thing named before."""
    space = phrases[k]
    assert isinstance(space, SpacePhrase)
    kind = _KINDS.get(space.spatial.relation or "")
    opening = opens_sentence(phrases, k) or _opens_clause(phrases, k, at, nouns)
    named = _next_things(phrases, k, at, nouns, limit=1) if opening else _subjects(phrases, k, at, nouns)
    if not kind or not named:
        return Spatial()
    named_owner = _named_owner(phrases, k, nouns, named)
    if named_owner is not None:
        return Spatial((Link(kind, named[0], (named_owner,)),))  # "to the queen's right"
    tag = None if opening else _tag_pair(phrases, k, at, nouns)
    if tag is not None:
        return Spatial((Link(kind, *tag),))  # "..., a cup on a saucer to its right,"
    if opening:
        its = _parallel(phrases, k, at, nouns)
        animate = space.spatial.referent in {"his", "her"}
        its = its if its is not None else _pronoun(phrases, k, at, nouns, animate=animate, subject=named)
        earlier = [its] if its is not None and its not in named else []
    else:
        earlier = _agreeing(phrases, k, at, nouns, named)
    return Spatial((Link(kind, named[0], (earlier[-1],)),)) if earlier else Spatial()


def _tag_start(phrases: tuple[Phrase, ...], k: int) -> int | None:
    """The comma (or sentence end, or -1) that opens the tag with no verb that phrase k ends
    ('studio shot, a grinder on a plinth, a cup on a saucer to its right,'), or None."""
    if k + 1 < len(phrases) and not _breaks(phrases[k + 1]):
        return None
    for j in range(k - 1, -2, -1):
        p = phrases[j] if j >= 0 else None
        if isinstance(p, Verb):
            return None
        if p is None or _breaks(p):
            return j
    return None


def _breaks(p: Phrase) -> bool:
    """Whether a phrase is a comma or a sentence end: the edge of a tag."""
    return isinstance(p, Mark) and (p.low == "," or p.tag is Tag.END)


def _tag_head(
    phrases: tuple[Phrase, ...], start: int, end: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The first thing of the tag between phrases start and end that is no preposition's object."""
    for j in range(start + 1, end):
        p = phrases[j]
        if isinstance(p, NounPhrase) and p.start in at and nouns[at[p.start]].role in _PLACED_ROLES:
            return None if is_governed(phrases, j) else _resolve(nouns, at[p.start])
    return None


def _tag_pair(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> tuple[int, tuple[int]] | None:
    """In a list of tags, 'a cup on a saucer to its right' is the cup's place beside the head of
    the tag before it that is not itself placed 'to its' side ('a pot to its left') nor a place
    ('center frame'): the thing the list is about."""
    start = _tag_start(phrases, k)
    head = _tag_head(phrases, start, k, at, nouns) if start is not None else None
    if head is None or start is None:
        return None
    end = start
    for j in range(start - 1, -2, -1):
        p = phrases[j] if j >= 0 else None
        if p is not None and not _breaks(p):
            continue
        sided = any(isinstance(q, SpacePhrase) and q.spatial.to_referent for q in phrases[j + 1 : end])
        found = None if sided else _tag_head(phrases, j, end, at, nouns)
        if found is not None and found != head:
            return head, (found,)
        if p is None or p.tag is Tag.END:  # type: ignore[union-attr]
            return None
        end = j
    return None


def _named_owner(
    phrases: tuple[Phrase, ...], k: int, nouns: tuple[Noun, ...], named: list[int]
) -> int | None:
    """The thing a side phrase names ('to the queen's right'): the last thing with that head
    named before it."""
    space = phrases[k]
    word = space.spatial.referent if isinstance(space, SpacePhrase) else ""
    if not word or word in {"its", "his", "her", "their"}:
        return None
    start = space.start
    found = [
        i
        for i, n in enumerate(nouns)
        if n.phrase.start < start and n.is_thing and word in {n.head, n.phrase.lows[-1]} and i not in named
    ]
    return found[-1] if found else None


def _agreeing(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], named: list[int]
) -> list[int]:
    """Things named before phrase k that its possessive can stand for: 'their' a group, 'his' or
    'her' a person or animal ('a boy sits on a beanbag to their right': the girls named before)."""
    space = phrases[k]
    assert isinstance(space, SpacePhrase)
    first = min((nouns[i].phrase.start for i in named), default=space.start)
    earlier = [
        _holder(nouns, at[p.start])
        for p in phrases[:k]
        if isinstance(p, NounPhrase) and p.start in at and p.start < first
    ]  # named before the subject: 'a chapel with a steeple sits to its right' is not the steeple's
    earlier = [e for e in dict.fromkeys(earlier) if e is not None and e not in named]
    word = space.spatial.referent
    if word == "their":
        agreeing = [e for e in earlier if nouns[e].phrase.plural]
    elif word in {"his", "her"}:
        agreeing = [e for e in earlier if nouns[e].entry is not None and nouns[e].entry.kind in ANIMATE]  # type: ignore[union-attr]
    else:
        agreeing = earlier
    return agreeing or earlier


def _opens_clause(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether a relation at k opens a clause after a comma or 'and', its subject still to come
    ('..., and just below it lies a napkin', '; at his side a dog sleeps')."""
    before = lead_in(phrases, k)
    joined = isinstance(before, Mark) and before.low in _JOINERS
    if not joined and not _fronted_participle(phrases, k):
        return False
    j = past_asides(
        phrases, _object_end(phrases, k, at, nouns) + 1
    )  # "and far behind them all, ..., a truck"
    nxt = phrases[j] if j < len(phrases) else None
    riding = _ing_lead(phrases, k) and getattr(before, "low", "") == ","  # "1girl, riding a bike, boy"
    tagged = (not joined or riding) and _tag_of_earlier(phrases, k, j, at, nouns)
    if isinstance(nxt, Verb) and not (tagged and getattr(phrases[j - 1], "low", "") == ","):
        return True  # "standing on a crate, holding a flag": another tag of the one before
    if isinstance(nxt, Mark) and nxt.tag is Tag.BE:
        return True
    placed = isinstance(nxt, NounPhrase) and nxt.start in at and nouns[at[nxt.start]].role in _PLACED_ROLES
    return placed and not tagged


def _tag_of_earlier(
    phrases: tuple[Phrase, ...], k: int, j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> bool:
    """Whether a participle tag after a comma ('1girl, archer, standing on a rock, wolf, grey fur')
    is said of the person or animal named before it, not of the thing after it: that thing opens a
    tag with no verb of its own ('On the right, facing it, a knight raises a sword' is fronted)."""
    verb = lead_in(phrases, k)
    comma = lead_in(phrases, phrases.index(verb)) if verb is not None else None
    comma = verb if _ing_lead(phrases, k) else comma  # "riding a bike" is its own participle
    if not (isinstance(comma, Mark) and comma.low == ",") or _last_animate(phrases, k, at, nouns) is None:
        return False
    if isinstance(phrases[j] if j < len(phrases) else None, Verb):
        return phrases[j].low.endswith("ing")  # type: ignore[union-attr]
    for i in range(j + 1, len(phrases)):
        p = phrases[i]
        if _breaks(p):
            return True
        tag = isinstance(p, Verb) and p.low.endswith("ing") and getattr(phrases[i - 1], "low", "") == ","
        if isinstance(p, Verb) and not tag or isinstance(p, Mark) and p.tag is Tag.BE:
            return False  # "..., boy with headphones, holding a torch": one more tag, no verb of its own
    return True


def _ing_lead(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the spatial phrase at k is led by a participle ('riding a bike', 'leaning on')."""
    space = phrases[k]
    return isinstance(space, SpacePhrase) and space.lead.split()[0].endswith("ing")


def _object_end(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int:
    """The last phrase of the object of the relation at k: k itself for 'to its left', the whole
    for 'the edge of the table', the part owned for 'on the wizard's shoulder'."""
    space = phrases[k]
    if isinstance(space, SpacePhrase) and space.spatial.to_referent:
        return k
    j = _whole(phrases, k + 1, at, nouns)
    owned = j + 2 < len(phrases) and getattr(phrases[j + 1], "low", "") == "'s"
    return j + 2 if owned and isinstance(phrases[j + 2], NounPhrase) else j


def _fronted_participle(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the relation at k follows a participle that opens its clause ('Seated three steps
    below her, a boy ...', 'On the right, facing it, a knight ...'): the subject comes after."""
    verb = lead_in(phrases, k)
    if not isinstance(verb, Verb) or not (verb.low.endswith("ing") or past_participle(verb.low)):
        return False
    j = phrases.index(verb)
    before = lead_in(phrases, j)
    return before is None or isinstance(before, Mark) and (before.tag is Tag.END or before.low in _JOINERS)


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
    elif (
        isinstance(nxt, NounPhrase)
        or isinstance(nxt, Mark)
        and (nxt.tag is Tag.PRON or is_class(nxt.low, WordClass.PRONOUN))
    ):
        fallback = None  # "trailing behind her,": someone's, not the picture's back
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
    """The thing right after phrase k and those joined to it by a bare 'and' ('three candles and a
    clock') or listed with it by commas before an 'and' ('a globe, a lamp and a chart')."""
    found: list[int] = []
    listed = False
    skip = 0
    for j in range(k + 1, len(phrases)):
        p = phrases[j]
        if j <= skip:
            continue
        if isinstance(p, NounPhrase) and p.start in at:
            if nouns[at[p.start]].role in _PLACED_ROLES:
                found.append(_resolve(nouns, at[p.start]))
            j = skip = _past_contents(phrases, j, at, nouns)  # "a plate of fries and a case file"
            nxt = phrases[j + 1] if j + 1 < len(phrases) else None
            listed = isinstance(nxt, Mark) and nxt.low == "," and _comma_list(phrases, j + 1)
            if not (isinstance(nxt, Mark) and nxt.low == "and" or listed):
                break
        elif listed and isinstance(p, Mark) and p.low == ",":
            continue
        elif not (isinstance(p, Mark) and p.low == "and") and found:
            break
        elif isinstance(p, Mark) and p.tag in {Tag.END, Tag.COMMA}:
            break
    return found


def _past_contents(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int:
    """The last phrase of the noun at j with its 'of' contents ('a plate of fries and a file':
    'fries'), when those are no thing of their own and an 'and' follows; else j."""
    if j + 2 >= len(phrases) or getattr(phrases[j + 1], "low", "") != "of":
        return j
    what = phrases[j + 2]
    if not isinstance(what, NounPhrase) or (what.start in at and nouns[at[what.start]].role in _PLACED_ROLES):
        return j
    return j + 2 if getattr(phrases[j + 3] if j + 3 < len(phrases) else None, "low", "") == "and" else j


def _comma_list(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the comma at j goes on with a list of noun phrases that an 'and' closes ('a globe,
    a lamp and a chart'), not a new clause ('a globe, a lamp glows')."""
    end = list_end(phrases, j - 1)
    listed = phrases[j:end]
    closed = any(isinstance(p, Mark) and p.low == "and" for p in listed)
    nxt = phrases[end] if end < len(phrases) else None
    return closed and isinstance(listed[-1], NounPhrase) and not isinstance(nxt, Verb)


def _laden(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'a barrow full of pumpkins', 'a cart piled with melons and a crate': the things after the
    'with' that have their own region are in the thing before (on it, when it is a support); so are
    the small loose things a support is 'with' ('a wooden board with toast and jam')."""
    space = phrases[k]
    verb = phrases[k - 1] if k else None
    fill = space.lead if isinstance(space, SpacePhrase) and space.lead != "with" else getattr(verb, "low", "")
    start = k - 1 if isinstance(verb, Verb) else k
    placed = start >= 1 and isinstance(phrases[start - 1], SpacePhrase)
    start -= placed and _place_of(phrases[start - 1]) is not None  # type: ignore[arg-type]  # "a board at the left with"
    host = _holder(nouns, at[phrases[start - 1].start]) if start and phrases[start - 1].start in at else None
    if host is None or not isinstance(phrases[start - 1], NounPhrase):
        return Spatial()
    known = nouns[host].entry
    on = known is not None and known.has(Flag.SUPPORT) and not known.has(Flag.CONTAINER)
    kind = RelationKind.ON if on else RelationKind.IN
    held = [i for i in _coordinated(phrases, k, at, nouns) if i != host]
    if is_class(fill, WordClass.FILL_WORD):
        held = [i for i in _filled(phrases, k, at, nouns) if i != host]
        return Spatial(tuple(Link(kind, i, (host,)) for i in held))
    served = on and known.kind not in ANIMATE and all(_loose(nouns[i].entry, known.size) for i in held)  # type: ignore[union-attr]
    return Spatial(tuple(Link(kind, i, (host,)) for i in held)) if served else Spatial()


def _filled(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The things of the whole list after 'piled with' / 'cluttered with' ('apples, a pumpkin and a
    melon'), not the 'of' of an item ('a jar of honey') nor a new clause's subject after a comma
    ('a cart piled with melons, a dog sleeps beside it')."""
    found: list[int] = []
    end = list_end(phrases, k)
    for j in range(k + 1, end):
        p = phrases[j]
        if not isinstance(p, NounPhrase) or p.start not in at or getattr(phrases[j - 1], "low", "") == "of":
            continue
        subject = j + 1 == end and end < len(phrases) and isinstance(phrases[end], Verb)
        if subject and getattr(phrases[j - 1], "low", "") == ",":
            break
        if nouns[at[p.start]].role in _PLACED_ROLES:
            found.append(_resolve(nouns, at[p.start]))
    return found


def _loose(known: Entry | None, below: Size) -> bool:
    """Whether a thing is a small loose object or food that a support 'with' it carries ('a board
    with toast', 'a desk with a lamp'), not a chair or a person beside it."""
    return known is not None and known.kind in {ThingKind.FOOD, ThingKind.OBJECT} and known.size <= below


def _relation(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    space = phrases[k]
    assert isinstance(space, SpacePhrase)
    kind = _KINDS.get(space.spatial.relation or "")
    if space.spatial.relation == "with":
        return _laden(phrases, k, at, nouns)
    if space.spatial.to_referent:
        return _referent(phrases, k, at, nouns)
    opening = opens_sentence(phrases, k) or _opens_clause(phrases, k, at, nouns) or whose(phrases, k)
    ahead = _next_things(phrases, _object_end(phrases, k, at, nouns), at, nouns, limit=1) if opening else None
    target = _object(phrases, k, at, nouns, subject=ahead)  # "and below it lies a napkin": not the napkin
    them = _them(phrases, k, at, nouns, target)
    if (
        kind is RelationKind.BETWEEN
        and getattr(phrases[k + 1] if k + 1 < len(phrases) else None, "low", "") == "them"
    ):
        them = _sides_before(phrases, k, at, nouns) or them
    if target is None and not them:
        return _no_object(phrases, k, at, nouns)
    if kind is None:
        return Spatial()
    said = [] if opening else _subjects(phrases, k, at, nouns)
    if kind is RelationKind.IN and _held_into(phrases, k, at, nouns, target):
        return Spatial((Link(RelationKind.NEXT_TO, target, tuple(said[-1:])),) if said else ())  # type: ignore[arg-type]
    subjects = [s for s in said if s != target]  # "a lamp stands in its corner": no relation
    if not said and (
        opening or not _subject_not_thing(phrases, k, at, nouns) and not _after_noun(phrases, k, at, nouns)
    ):
        subjects = [s for s in _inverted(phrases, k, at, nouns) if s != target]
        subjects = _with_resting(phrases, k, at, nouns, kind, subjects) if opening else subjects
    pair = tuple(o for o in them if o not in subjects)
    pair = pair if _all_of_them(phrases, k) and kind is not RelationKind.BETWEEN else pair[-2:]
    if len(pair) >= 2:  # "behind them" after a girl and a boy named one by one: behind both
        return Spatial(tuple(_pair_links(kind, subjects, pair)))
    if target is None:
        return Spatial()
    objects: tuple[int, ...] = (target,)
    if kind is RelationKind.BETWEEN and nouns[target].phrase.plural:
        kind = RelationKind.NEXT_TO  # "between two palm trees", "between them": one group, beside it
    if kind is RelationKind.BETWEEN:
        others = [
            s for s in _next_things(phrases, k + 1, at, nouns, limit=3) if s != target and s not in subjects
        ]
        if not others:
            return Spatial()
        objects = (target, others[0])
    if kind is RelationKind.ON:
        subjects += [d for d in _doers(phrases, at, nouns, subjects, target) if d not in subjects]
    links = [Link(_on_rim(phrases, k, nouns, kind, s, target), s, objects) for s in subjects]
    if kind is RelationKind.NEXT_TO:  # "a boat lies next to a crate and a barrel": beside each
        more = [o for o in _coordinated(phrases, nouns[target].index - 1, at, nouns) if o != target]
        more = [] if any(_acts(phrases, nouns[o].index) for o in more) else more  # "... and a boy waves"
        links += [Link(kind, s, (o,)) for s in subjects for o in more if o not in subjects]
    return Spatial(tuple(links))


def _held_into(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], target: int | None
) -> bool:
    """Whether 'in' at k puts a held thing into a container ('a girl holding an orchid in a pot'):
    then the container is held too, beside its holder, and the holder is not in it."""
    before = phrases[k - 1] if k >= 1 else None
    if target is None or not isinstance(before, NounPhrase) or before.start not in at:
        return False
    held = nouns[at[before.start]]
    known = nouns[target].entry
    return (
        held.role is Role.ATTACHED
        and known is not None
        and known.has(Flag.CONTAINER)
        and known.size < Size.LARGE
    )


def _acts(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is followed by a verb of its own ('and a boy waves')."""
    nxt = phrases[j + 1] if j + 1 < len(phrases) else None
    return isinstance(nxt, Verb) or isinstance(nxt, Mark) and nxt.tag is Tag.BE


def _on_rim(
    phrases: tuple[Phrase, ...],
    k: int,
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    subject: int,
    target: int,
) -> RelationKind:
    """'a clock sits at the edge of the table': a small lifeless thing at the rim of a support is on
    it (a man 'at the end of the table' stays beside it)."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    rim = (
        isinstance(nxt, NounPhrase)
        and nxt.head in _RIMS
        and [getattr(p, "low", "") for p in phrases[k + 2 : k + 3]] == ["of"]
    )
    support, known = nouns[target].entry, nouns[subject].entry
    if kind is not RelationKind.NEXT_TO or not rim or phrases[k].lead != "at":  # type: ignore[union-attr]
        return kind
    if support is None or known is None or not support.has(Flag.SUPPORT) or known.kind in ANIMATE:
        return kind
    return RelationKind.ON if known.size < support.size else kind


def _doers(
    phrases: tuple[Phrase, ...], at: dict[int, int], nouns: tuple[Noun, ...], subjects: list[int], target: int
) -> list[int]:
    """Who works on a thing that is on a support bigger than they are stands on it too: 'a fisherman
    mending a net on the pier' (on the pier, not only the net), not 'a cook chopping leeks on a board'."""
    support = nouns[target].entry
    if len(subjects) != 1 or support is None or support.kind not in _GROUNDS:
        return []  # "folds a shirt on a table": the table holds the shirt
    j = next((i for i, p in enumerate(phrases) if p is nouns[subjects[0]].phrase), None)
    if j is None or j < 2 or not isinstance(phrases[j - 1], Verb):
        return []
    if participle(phrases, j - 1):
        doers = _walk_back(phrases, j - 1, at, nouns, past_objects=True)
    else:
        doers = _verb_subject(phrases, j - 1, at, nouns)
    return [
        d
        for d in doers
        if (known := nouns[d].entry) is not None and known.kind in ANIMATE and support.size > known.size
    ]


def _sides_before(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> tuple[int, ...]:
    """'On the left, two sailors ... On the right, a chef ... Between them, a boy': the first thing
    after the last place on the left and on the right that open a sentence before k, when both do."""
    found: dict[str, int] = {}
    for j in range(k):
        p = phrases[j]
        place = _place_of(p) if isinstance(p, SpacePhrase) and p.sentence >= phrases[k].sentence - 3 else None
        if place is None or place.horizontal not in {"left", "right"} or not opens_sentence(phrases, j):
            continue
        first = _next_things(phrases, j, at, nouns, limit=1)
        if first:
            found[place.horizontal] = first[0]
    return (found["left"], found["right"]) if len(found) == 2 else ()


def _pair_links(kind: RelationKind, subjects: list[int], pair: tuple[int, ...]) -> list[Link]:
    """Each subject related to both of a pair: between the two, or behind (beside...) each."""
    if kind is RelationKind.BETWEEN:
        return [Link(kind, s, pair) for s in subjects]
    return [Link(kind, s, (o,)) for s in subjects for o in pair]


def _after_noun(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether phrase k comes right after a noun phrase (not the picture's own: 'food photography
    on a table:'): its relation is that noun's, even when it is no thing ('tools cover the wall
    behind them' relates nothing)."""
    before = phrases[k - 1] if k >= 1 else None
    if not isinstance(before, NounPhrase):
        return False
    return before.start not in at or nouns[at[before.start]].role not in {Role.FRAME, Role.LIGHT}


def _them(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], target: int | None
) -> tuple[int, ...]:
    """The people or animals 'them' may stand for when no group was named ('girl ...; boy ...;
    water tower behind them'): the last three named before (the relation's own subject is left
    out later); none otherwise."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    sentence = phrases[k].sentence
    if _all_of_them(phrases, k):
        rows = [
            j for j in range(k) if getattr(phrases[j], "order", False) and phrases[j].sentence >= sentence - 2
        ]
        if rows:
            return tuple(
                _row(phrases, rows[-1], at, nouns)
            )  # "From left to right: A, B, C. X above all of them"
    if (
        not (isinstance(nxt, Mark) and nxt.low == "them")
        or target is not None
        and nouns[target].phrase.plural
    ):
        return ()
    named = [
        _holder(nouns, at[p.start])
        for p in phrases[:k]
        if isinstance(p, NounPhrase) and p.start in at and p.sentence >= sentence - 3
    ]
    named = [i for i in dict.fromkeys(named) if i is not None]
    animate = [
        i
        for i in named
        if nouns[i].entry is not None and nouns[i].entry.kind in ANIMATE and not nouns[i].phrase.plural  # type: ignore[union-attr]
    ]
    animate = animate if _all_of_them(phrases, k) else animate[-3:]
    since = named[named.index(animate[0]) :] if animate else named
    if any(nouns[i].phrase.plural for i in since):
        return ()  # a group named among them may be 'them' ('readers' before them is not)
    return tuple(animate) if len(animate) >= 2 else ()


def _all_of_them(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the relation at k is to 'them all' or 'all of them' ('a barn behind them all'):
    every one named."""
    words = [p.low if isinstance(p, Mark) else "" for p in phrases[k + 1 : k + 4]]
    return words[:2] == ["them", "all"] or words == ["all", "of", "them"]


def _action(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'an old man weighing tomatoes': the object of an action is drawn next to whoever does it (or
    above them, when it is a thing up in the air: a kite, a balloon)."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if not isinstance(nxt, NounPhrase) or nxt.start not in at or nouns[at[nxt.start]].role is not Role.THING:
        return []
    after_comma = (
        k >= 1
        and getattr(phrases[k], "low", "").endswith("ing")
        and getattr(phrases[k - 1], "low", "") == ","
    )
    actor = _subjects(phrases, k + after_comma, at, nouns)  # "a table sits by the sofa, holding a vase"
    if not after_comma and not participle(phrases, k) and _holding(phrases[k]):
        actor = _verb_subject(phrases, k, at, nouns)  # "a shelf above the tub holds bottles": the shelf
    known = nouns[actor[0]].entry if actor else None
    if not actor or actor[0] == at[nxt.start]:
        return []
    if known is None or known.kind not in ANIMATE:
        return _borne(phrases, k, at, nouns, actor[0])
    flown = nouns[at[nxt.start]].entry
    kind = RelationKind.ABOVE if flown is not None and flown.has(Flag.SKY) else RelationKind.NEXT_TO
    held = _potted(phrases, at[nxt.start], at, nouns)  # "a girl holding a fern in a pot": the pot
    return [Link(kind, held, (actor[0],))] if held != actor[0] else []  # "two boys fly a kite": above them


def _holding(verb: Phrase) -> bool:
    """Whether a verb says that its subject holds or contains things ('holds', 'contains')."""
    low = getattr(verb, "low", "")
    return is_class(low, WordClass.CONTAIN_VERB) or is_class(low, WordClass.ATTACH_VERB)


def _circling(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'ravens circle the top of the tower', 'two gulls wheel the mast of a ship': an animal or a
    flying thing circling a thing (a circle_verb of words.tsv) is above it; people circling a
    maypole are not."""
    verb, nxt = phrases[k], phrases[k + 1] if k + 1 < len(phrases) else None
    if not isinstance(nxt, NounPhrase) or not is_verb_of(getattr(verb, "low", ""), WordClass.CIRCLE_VERB):
        return []
    whole = phrases[_whole(phrases, k + 1, at, nouns)]
    if whole.start not in at or nouns[at[whole.start]].role not in _PLACED_ROLES:
        return []
    target = _resolve(nouns, at[whole.start])
    actors = [a for a in _subjects(phrases, k, at, nouns) if a != target]
    kinds = [nouns[a].entry.kind if nouns[a].entry else None for a in actors]
    if not actors or any(kind in {None, ThingKind.PERSON} for kind in kinds):
        return []
    return [Link(RelationKind.ABOVE, a, (target,)) for a in actors]


def _borne(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], host: int
) -> list[Link]:
    """'a low table holds a stack of books and a mug': what a support or container holds rests on
    or in it; what it contains is in it; what a vehicle carries is aboard it."""
    known = nouns[host].entry
    verb = phrases[k]
    if not isinstance(verb, Verb):
        return []
    if known is None:
        return _unknown_holder(phrases, k, at, nouns, host)
    contains = is_class(verb.low, WordClass.CONTAIN_VERB)
    if not contains and not is_class(verb.low, WordClass.ATTACH_VERB):
        return []
    kind = (
        RelationKind.ON if known.has(Flag.SUPPORT) else RelationKind.IN if known.has(Flag.CONTAINER) else None
    )
    kind = RelationKind.IN if contains and kind is not None else kind  # "a cabinet containing a sword"
    if kind is None and known.kind is ThingKind.FURNITURE and not known.has(Flag.WALL):
        kind = RelationKind.IN if contains else RelationKind.ON  # "a hat rack holds two caps"
    if kind is None and known.kind is ThingKind.VEHICLE:
        kind = RelationKind.IN  # "a rowboat carrying two girls": aboard
    held = [_potted(phrases, i, at, nouns) for i in _coordinated(phrases, k, at, nouns) if i != host]
    return [Link(kind, i, (host,)) for i in held if i != host] if kind is not None else []


def _potted(phrases: tuple[Phrase, ...], i: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int:
    """What a holder bears of a thing it holds: the thing, or the container it sits in ('a shelf
    holds a fern in a clay pot': the pot rests on the shelf)."""
    j = nouns[i].index
    lead = phrases[j + 1] if j + 1 < len(phrases) else None
    pot = phrases[j + 2] if j + 2 < len(phrases) else None
    if not isinstance(lead, SpacePhrase) or lead.lead != "in" or not isinstance(pot, NounPhrase):
        return i
    outer = _holder(nouns, at[pot.start]) if pot.start in at else None
    known = nouns[outer].entry if outer is not None else None
    return outer if outer is not None and known is not None and known.has(Flag.CONTAINER) else i


def _unknown_holder(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], host: int
) -> list[Link]:
    """'a ramekin holding three eggs', 'a pegboard holds saws': an unlisted noun that holds or
    contains things is a container for them (a name or a person word, 'Mira holds a cup', is not)."""
    verb = phrases[k]
    if may_name_someone(nouns[host].phrase.words[-1]) or not isinstance(verb, Verb):
        return []
    if not _holding(verb):
        return []
    held = [i for i in _coordinated(phrases, k, at, nouns) if i != host and nouns[i].entry is not None]
    return [Link(RelationKind.IN, i, (host,)) for i in held if nouns[i].entry.kind not in ANIMATE]


def _coming_from(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[tuple[int, Place]]:
    """'a capsule approaches from the left', 'a diver follows the turtle from the right': the
    subject of the verb is on that side (a light 'from the left' places nothing). A fronted phrase
    ('Facing it from the bottom left, a knight ...', 'From the top right, a hawk ...') places the
    thing right after its comma."""
    spatial = phrases[k].spatial  # type: ignore[union-attr]
    verb = arriving(phrases, k)
    fronted = opens_sentence(phrases, k if verb is None else verb)
    if spatial.horizontal is None or verb is None and not fronted:
        return []
    if fronted:
        after = phrases[k + 1 : k + 3]
        comma = len(after) == 2 and getattr(after[0], "low", "") == "," and isinstance(after[1], NounPhrase)
        subject = _next_things(phrases, k, at, nouns, limit=1) if comma else []
    else:
        subject = _clause(phrases, verb, at, nouns)
    return [(subject[0], Place(horizontal=spatial.horizontal, vertical=spatial.vertical))] if subject else []


def _together(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'a boy and a girl sit side by side', 'a fox and a hare sleep back to back': each thing of the
    subject is next to the one named before it (a group of one kind is laid out together anyway)."""
    said = _subjects(phrases, k, at, nouns)
    return [Link(RelationKind.NEXT_TO, b, (a,)) for a, b in zip(said, said[1:], strict=False)]


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
    before = [*before, *_modified(phrases, k, at, nouns)]
    return (
        [Link(RelationKind.IN, after[0], (before[-1],))]
        if before and after and after[0] != before[-1]
        else []
    )


def _modified(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The thing a place phrase right before ', where' describes ('a booth by the window, where a
    couple sits': the booth, not the window); none when no such phrase."""
    j = k - 2 if k >= 2 and getattr(phrases[k - 1], "low", "") == "," else k - 1
    space, owner = (phrases[j - 1], phrases[j - 2]) if j >= 2 else (None, None)
    if not isinstance(space, SpacePhrase) or space.spatial.relation in {None, "with"}:
        return []
    if not isinstance(phrases[j], NounPhrase) or not isinstance(owner, NounPhrase) or owner.start not in at:
        return []
    return [_resolve(nouns, at[owner.start])] if nouns[at[owner.start]].role in _PLACED_ROLES else []


def _resting(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'a blanket with a basket, a bottle and a bowl on it', 'a tree with a star on top': every
    thing of the 'with' list rests on the thing before 'with' ('with a cat curled on top' too)."""
    end = k - 1 if k >= 2 and isinstance(phrases[k - 1], Verb) and participle(phrases, k - 1) else k
    j = end - 1
    while j >= 0 and (
        isinstance(phrases[j], NounPhrase)
        or isinstance(phrases[j], Mark)
        and phrases[j].low in {",", "and", "of"}  # type: ignore[union-attr]
    ):
        j -= 1
    space = phrases[j] if j >= 0 else None
    if not isinstance(space, SpacePhrase) or space.spatial.relation != "with" or list_end(phrases, j) != end:
        return Spatial()
    head = _clause_head(phrases, j, at, nouns) if getattr(phrases[j - 1], "low", "") == "," else None
    owner = [head] if head is not None else _subjects(phrases, j, at, nouns)
    listed = [
        _resolve(nouns, at[p.start])
        for p in phrases[j + 1 : end]
        if isinstance(p, NounPhrase) and p.start in at and nouns[at[p.start]].role in _PLACED_ROLES
    ]
    if len(owner) != 1:
        return Spatial()
    return Spatial(tuple(Link(RelationKind.ON, i, (owner[0],)) for i in listed if i != owner[0]))


def _clause_head(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The thing a ', with ...' at j is said of: the first thing of the part before the comma that is
    no preposition's object ('a table on a rug, with books on top': the table, not the rug)."""
    head = None
    for i in range(j - 2, -1, -1):
        p = phrases[i]
        if isinstance(p, Mark) and (p.tag in {Tag.END, Tag.COMMA} or p.low in _JOINERS):
            break
        if isinstance(p, NounPhrase) and p.start in at and not is_governed(phrases, i):
            head = _holder(nouns, at[p.start])
    return head


def _support(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int | None:
    """The scene a lifeless thing stands on ('a castle that sits on a cliff', 'a hut atop a hill'):
    the ground of that thing, not the whole picture's setting."""
    space = phrases[k]
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if not isinstance(space, SpacePhrase) or space.spatial.relation != "on" or space.end - space.start > 1:
        return None  # "on", "atop" (not "in the middle of")
    if not isinstance(nxt, NounPhrase):
        return None
    if nxt.start not in at or nouns[at[nxt.start]].role is not Role.SCENE or opens_sentence(phrases, k):
        return None
    subjects = _subjects(phrases, k, at, nouns)
    lifeless = all(nouns[i].entry is not None and nouns[i].entry.kind not in ANIMATE for i in subjects)  # type: ignore[union-attr]
    return at[nxt.start] if subjects and lifeless else None


def _on_wall(
    phrases: tuple[Phrase, ...], k: int, scene: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The lifeless things said to hang on a wall of the scene ('a copper pot hangs on the white
    wall', 'a clock is mounted on the wall'): drawn high in the picture. `scene` is what the phrase
    at k says they stand on (_support)."""
    if not is_class(nouns[scene].head, WordClass.WALL_SURFACE):
        return []
    return [_resolve(nouns, i) for i in _subjects(phrases, k, at, nouns)]


def relate(phrases: tuple[Phrase, ...], nouns: tuple[Noun, ...]) -> Spatial:
    """All relations and absolute places of a prompt."""
    at = {n.phrase.start: i for i, n in enumerate(nouns)}
    links: list[Link] = []
    places: list[tuple[int, Place]] = []
    grounds = {k: i for k in range(len(phrases)) if (i := _support(phrases, k, at, nouns)) is not None}
    supports = list(grounds.values())
    for k, p in enumerate(phrases):
        if isinstance(p, Verb):
            links.extend(_circling(phrases, k, at, nouns) or _action(phrases, k, at, nouns))
        if isinstance(p, Mark) and p.low == "where":
            links.extend(_where(phrases, k, at, nouns))
        if not isinstance(p, SpacePhrase):
            continue
        place = _place_of(p)
        if p.spatial.relation == "together":
            links.extend(_together(phrases, k, at, nouns))
            continue
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
    places.extend(_sentence_places(phrases, at, nouns, places))
    said = {(link.subject, link.objects) for link in links if link.kind is not RelationKind.ON}
    links = [x for x in links if x.kind is not RelationKind.ON or (x.subject, x.objects) not in said]
    on_wall = tuple(
        dict.fromkeys(i for k, scene in grounds.items() for i in _on_wall(phrases, k, scene, at, nouns))
    )
    return Spatial(
        tuple(dict.fromkeys(links)), tuple(places), tuple(supports), on_wall
    )  # "on a tray: ..., a newspaper under the tray"
