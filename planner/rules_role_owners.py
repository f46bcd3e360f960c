"""A possessed thing that is the subject of its clause ("the baker's rolling pin lies across the
dough"): the clause is about the thing named after the 's, so it is the thing drawn, with its
owner's words ("the baker's rolling pin"). The owner, named only in the possessive, is no thing of
his own unless the prompt has him present elsewhere (named again, acting as 'he' / 'she', or with
a part of his shown). Run after the roles are decided left to right, as it reads later ones.
"""

from __future__ import annotations

from dataclasses import replace

from planner.rules_clauses import closing_comma
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, owner_words, part_of
from planner.rules_role_nouns import (
    FINITE_BE,
    FINITE_HAVE,
    Noun,
    Role,
    absolute,
    acting_pronoun,
    low_text,
    scene_spot,
)
from planner.rules_tokens import Tag
from planner.rules_vocab import participle

_PEOPLE = frozenset("he she they".split())  # the subject pronouns that may stand for an owner
_ASIDE_PHRASES = 8  # the most phrases an aside between a subject and its verb is looked through


def owned_subjects(phrases: tuple[Phrase, ...], nouns: tuple[Noun, ...]) -> tuple[Noun, ...]:
    """`nouns` with each possessed subject made the thing and its owner dropped where only named
    as an owner; things held by that owner ('his jug') then stand alone."""
    out = list(nouns)
    at = {n.index: i for i, n in enumerate(nouns)}
    for i, owner in enumerate(nouns):
        j = at.get(owner.index + 2)
        if j is not None and _worn_possession(phrases, owner, nouns[j]):
            owned = nouns[j]  # "a dog wearing the club's bandana": the bandana is the dog's
            out[j] = replace(
                owned, phrase=_with_owner(owner.phrase, owned.phrase), role=Role.ATTACHED, ref=owner.ref
            )
            out[i] = replace(owner, role=Role.NONE, ref=None)
            continue
        if j is None or not (
            _possessed_subject(phrases, owner, nouns[j]) or _possessed_object(phrases, owner, nouns[j])
        ):
            continue
        owned = nouns[j]
        out[j] = replace(owned, phrase=_with_owner(owner.phrase, owned.phrase), role=Role.THING, ref=None)
        if _present(phrases, nouns, i, j):
            continue
        out[i] = replace(owner, role=Role.NONE, ref=None)
        for m, other in enumerate(out):
            if other.role is Role.ATTACHED and other.ref == i:
                out[m] = replace(other, role=Role.THING, ref=None)  # "his grandmother's jug stands"
    return tuple(out)


def _possessed_subject(phrases: tuple[Phrase, ...], owner: Noun, owned: Noun) -> bool:
    """Whether `owner` is a first mention named with 's before `owned`, a thing of its own kind
    (not a part of the owner's: "the hippo's back rises") followed by its finite verb, a form of
    'be' or 'have' ("the boy's kite is stuck"), after its place if one is said ("the baker's
    cottage on the right has smoke ...")."""
    k = owner.index
    if owner.role is not Role.THING or low_text(phrases[k + 1]) != "'s" or owned.entry is None:
        return False
    if owned.role not in {Role.THING, Role.ATTACHED, Role.PART} or owned.phrase.determiner:
        return False
    if owned.role is Role.THING and owned.ref is not None or part_of(owner.entry, owned.phrase.head):
        return False
    at = k + 4 if absolute(phrases[k + 3] if k + 3 < len(phrases) else None) else k + 3
    at = _after_aside(phrases, at)  # "my brother's paper boat, folded from a newspaper, bobbed"
    verb = phrases[at] if at < len(phrases) else None  # "the baker's cottage on the right has"
    if isinstance(verb, Mark) and verb.low in FINITE_BE | FINITE_HAVE:
        return owned.role is Role.THING  # "the family's blanket is spread under a willow"
    if isinstance(verb, Verb) and verb.low.endswith("ed") and _placed_away(phrases, at):
        return True  # "the girl's paper boat floated next to the rock": told in the past
    return isinstance(verb, Verb) and not verb.low.endswith(("ing", "ed")) and not participle(verb.low)


def _after_aside(phrases: tuple[Phrase, ...], at: int) -> int:
    """The phrase after an aside set off by commas that opens at `at` (', folded from a newspaper,'),
    where the clause's verb comes; `at` itself when no such short aside opens there."""
    if at >= len(phrases) or low_text(phrases[at]) != ",":
        return at
    comma = closing_comma(phrases, at + 1, at + _ASIDE_PHRASES, frozenset({Tag.END, Tag.CONJ}))
    return at if comma is None else comma + 1


def _placed_away(phrases: tuple[Phrase, ...], at: int) -> bool:
    """Whether the verb in -ed at `at` sets its subject at a spot of the scene, not on its owner:
    a place and a thing after it with no possessive ('floated next to the rock', 'draped over a
    chair'; not 'raised above his head', which a held thing's pose says)."""
    where = phrases[at + 1] if at + 1 < len(phrases) else None
    spot = phrases[at + 2] if at + 2 < len(phrases) else None
    return scene_spot(where, spot) is not None


def _owns(phrases: tuple[Phrase, ...], owner: Noun, owned: Noun) -> bool:
    """Whether `owner` is named with 's right before `owned`, a known thing with no article of
    its own that is no part of the owner's ('the club's bandana', not 'the hippo's back')."""
    k = owner.index
    if low_text(phrases[k + 1]) != "'s" or owned.entry is None or owned.phrase.determiner:
        return False
    unowned = owned.role is Role.PART or owned.ref is None  # a part of another thing before is his
    return unowned and not part_of(owner.entry, owned.phrase.head)


def _possessed_object(phrases: tuple[Phrase, ...], owner: Noun, owned: Noun) -> bool:
    """Whether `owner` 's `owned` is the object of a verb or a place word ('leads his father's
    mule', 'leans against the miller's wall'): the owned thing is drawn, its owner only says
    whose it is."""
    before = phrases[owner.index - 1] if owner.index > 0 else None
    objected = isinstance(before, (Verb, SpacePhrase))
    kept = owned.role in {Role.THING, Role.PART}
    return objected and owner.role is Role.THING and kept and _owns(phrases, owner, owned)


def _worn_possession(phrases: tuple[Phrase, ...], owner: Noun, owned: Noun) -> bool:
    """Whether the thing worn or held before 's is only the owner of what is worn ('a dog
    wearing the club's bandana': the bandana, not the club, is on the dog)."""
    held = owner.role is Role.ATTACHED and owner.ref is not None
    return held and owned.role is Role.THING and _owns(phrases, owner, owned)


def _with_owner(owner: NounPhrase, owned: NounPhrase) -> NounPhrase:
    """The owned phrase spoken with its owner's words: "the baker's rolling pin"; its start stays,
    so relations find it there."""
    return replace(owned, words=owner_words(owner, owned), determiner=owner.determiner)


def _present(phrases: tuple[Phrase, ...], nouns: tuple[Noun, ...], i: int, j: int) -> bool:
    """Whether the owner at nouns[i] is in the picture besides owning nouns[j]: named again, with
    a part of his shown, or acting as a subject pronoun ('he kneads') later in the prompt."""
    if any(n.ref == i and n.role in {Role.REPEAT, Role.PART} for m, n in enumerate(nouns) if m != j):
        return True
    start = nouns[j].index + 1
    return any(acting_pronoun(phrases, k) in _PEOPLE for k in range(start, len(phrases) - 1))
