"""Who and what a spatial phrase relates, for planner.rules_relations: the things its subject and
object are (the verb's subject, a holder, a pronoun's referent, coordinated things, a part's whole).
Also the Link and Spatial records the relation passes write. Indices are into the nouns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from planner.reading import Place, RelationKind
from planner.rules_clauses import (
    fronted_clause,
    is_animate,
    is_governed,
    participle,
    relative,
    subject_phrase,
    verb_before,
    whose,
    with_listed,
)
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, list_end, relates
from planner.rules_role_nouns import POSSESSIVE, Noun, Role, referred_subject
from planner.rules_tokens import Tag
from planner.rules_vocab import (
    ThingKind,
    WordClass,
    entry,
    is_class,
    is_verb_of,
    value_of,
)

PLACED_ROLES = frozenset({Role.THING, Role.REPEAT})


_POSTURES = frozenset("side back front belly stomach knees".split())  # "lies on its side": a pose


_RESTING_LEADS = frozenset("on onto upon across".split())  # "asleep on his chest": lying on it
_MOUNTS = frozenset(
    "rides ride riding rode perches perched perching stands standing sits sitting sat".split()
)


JOINERS = frozenset({",", "and", ";", "while", "whilst"})  # words that can open a new clause


_OWN_PLACES = frozenset({"on", "inside", "below"})  # "ducks on platters, candles": the ducks' own place
_PATHS = frozenset("past through along toward towards".split())  # a way the verb's subject goes


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


def is_placed(p: Phrase | None, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether p is a noun phrase naming a thing that gets a region (or a repeat of one)."""
    return isinstance(p, NounPhrase) and p.start in at and nouns[at[p.start]].role in PLACED_ROLES


def resolve(nouns: tuple[Noun, ...], i: int) -> int:
    """The first mention a repeated noun stands for, so relations land on that thing's one region."""
    while nouns[i].role is Role.REPEAT and nouns[i].ref is not None:
        i = nouns[i].ref
    return i


def holder_of(nouns: tuple[Noun, ...], i: int) -> int | None:
    """The thing a noun stands for: itself, its referent, or (for a worn or held thing) its owner."""
    noun = nouns[i]
    if noun.role in PLACED_ROLES:
        return resolve(nouns, i)
    if noun.role in {Role.ATTACHED, Role.PART} and noun.ref is not None:
        return resolve(nouns, noun.ref)
    return None


def subjects_of(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The thing(s) a spatial phrase at k is said of: the last named in its sentence, with any
    coordinated with it by 'and' ("a boy and a girl in front of ...")."""
    if k >= 2 and isinstance(phrases[k - 1], Verb) and phrases[k - 1].low.endswith("ing"):  # type: ignore[union-attr]
        if isinstance(phrases[k - 2], Mark) and phrases[k - 2].low == ",":  # type: ignore[union-attr]
            run = _tag_run(phrases, k - 2, at, nouns)
            if len(run) >= 2:
                return run  # "knight with a sword, archer with a bow, standing on a bridge": both
            first = last_animate(phrases, k, at, nouns)
            first = first if first is not None else _first_thing(phrases, k, at, nouns)
            if first is not None:
                return [first]  # "..., typing on a keyboard": the one who can type
    space = phrases[k]
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    given = _given_back(phrases, k, at, nouns)
    if given is not None:
        return [given]  # "waits with a case at her feet": the case
    pronoun = isinstance(nxt, Mark) and nxt.low in {"him", "her", "them"}  # "sit in rows in front of her"
    pronoun = pronoun or _owners_place(nxt, at, nouns)  # "sits on a stool outside his burrow"
    chain = isinstance(space, SpacePhrase) and (space.spatial.to_referent or space.lead in _PATHS) or pronoun
    chain = chain or _seat_then_someone(phrases, k, at, nouns)
    verb = verb_before(phrases, k, chain)
    if verb is None and isinstance(nxt, Mark) and nxt.low == "it":
        verb = verb_before(phrases, k, chain=True)  # "a pen lying on a desk near it": the pen's place
        chain = verb is not None and participle(phrases, verb)
        verb = verb if chain else None
    if verb is not None and not participle(phrases, verb):
        group = _group_subject(phrases, verb, at, nouns)  # "They stand on a pier", "All three sit on it"
        return (
            group if group else verb_subject(phrases, verb, at, nouns)
        )  # "a cart ... stands beside a fountain"
    if verb is not None:
        said = phrases[verb - 1]
        if _unknown_gear(phrases, verb - 1, at, nouns):
            return walk_back(
                phrases, verb - 2, at, nouns, past_objects=False
            )  # "a diver with a tether floating"
        if said.start not in at or holder_of(nouns, at[said.start]) is None:
            return []  # "sawdust curling around his hands": no thing
        if chain and verb < k - 1:
            return walk_back(phrases, verb, at, nouns, past_objects=False)  # "a pen lying on a desk near it"
    if pronoun and verb is None and _chained(phrases, k):
        return walk_back(phrases, k, at, nouns, past_objects=True)  # "cat on broom behind her": the cat
    worker = _at_work(phrases, k, at, nouns)
    found = worker or walk_back(phrases, k, at, nouns, past_objects=False)
    opening = None if found else _apposition(phrases, k - 1, k)
    return found if opening is None else walk_back(phrases, opening, at, nouns, past_objects=True)


def _given_back(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The thing 'with' gives right before a place back at its owner ('a girl waits with a case at
    her feet', 'a man sits with a bag beside him'): that place is the thing's, not the owner's."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    back = (
        isinstance(nxt, Mark)
        and nxt.low in {"him", "her", "them"}
        or (isinstance(nxt, NounPhrase) and nxt.determiner in {"his", "her", "their"})
    )
    lead = phrases[k - 2] if k >= 2 else None
    given = phrases[k - 1] if k >= 1 else None
    if (
        not back
        or not isinstance(lead, SpacePhrase)
        or lead.lead != "with"
        or not isinstance(given, NounPhrase)
    ):
        return None
    return holder_of(nouns, at[given.start]) if given.start in at else None


def _owners_place(phrase: Phrase | None, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether `phrase` is someone's place that is no thing ('his burrow', 'their den'): a relation
    to it is to its owner, like one to 'him', said of the clause's subject, not the thing before."""
    if not isinstance(phrase, NounPhrase) or phrase.determiner not in {"his", "her", "their"}:
        return False
    return phrase.start in at and nouns[at[phrase.start]].role is Role.NONE


def _alive(phrase: Phrase | None, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether `phrase` is a noun phrase for a person or an animal."""
    if not isinstance(phrase, NounPhrase) or phrase.start not in at:
        return False
    holder = holder_of(nouns, at[phrase.start])
    known = nouns[holder].entry if holder is not None else None
    return known is not None and known.animate


def _seat_then_someone(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> bool:
    """Whether the relation at k to a person or an animal follows a lifeless thing that a spatial
    phrase placed someone on ('an old woman sits on a bench next to a girl'): then it is said of
    whoever sits there, not of the bench."""
    seat = phrases[k - 1] if k >= 2 else None
    lead = phrases[k - 2] if k >= 2 else None
    space = phrases[k]
    return (
        relates(space)  # "sat on the stairs with her cat": not so
        and isinstance(lead, SpacePhrase)
        and lead.spatial.relation is not None
        and isinstance(seat, NounPhrase)
        and seat.start in at
        and holder_of(nouns, at[seat.start]) is not None
        and not _alive(seat, at, nouns)
        and _alive(phrases[k + 1] if k + 1 < len(phrases) else None, at, nouns)
    )


def _chained(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the spatial phrase at k follows another one's object, both after a subject ('a cat
    on a broom behind her'): then both are said of that subject, since 'her' is someone else (but
    'reaching for a cup on a shelf above her': the cup's)."""
    j = k - 2
    if j < 1 or not isinstance(phrases[k - 1], NounPhrase) or not is_governed(phrases, k - 1):
        return False
    while j >= 1 and isinstance(phrases[j], SpacePhrase) and phrases[j].spatial.relation is not None:  # type: ignore[union-attr]
        j -= 1
    return j < k - 2 and isinstance(phrases[j], NounPhrase) and not is_governed(phrases, j)


def _group_subject(
    phrases: tuple[Phrase, ...], verb: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """'A sailor, a cook and a boy wave. All three stand on a pier' ('they', 'both', 'all of them'):
    a sentence whose subject is only such words is said of the people or animals named just before
    it (back over clauses joined by ';'), the last two for 'both', the last N for 'all N'."""
    start = verb
    while start > 0 and not (isinstance(phrases[start - 1], Mark) and phrases[start - 1].tag is Tag.END):  # type: ignore[union-attr]
        start -= 1
    said_at = _past_fronted(phrases, start, verb)  # "On this page he sits on a stool": 'he'
    words = [getattr(p, "low", None) for p in phrases[said_at:verb]]
    if not words or any(not isinstance(p, Mark) for p in phrases[said_at:verb]):
        return []
    if words[0] in {"he", "she", "it"} and all(
        p.tag in {Tag.BE, Tag.AUX} for p in phrases[said_at + 1 : verb]
    ):  # type: ignore[union-attr]
        said = _said_before(phrases, start, at, nouns, words[0])
        return [said] if said is not None else []  # "A hedgehog lives on a hill. He stands on a stump."
    if words in (["they"], ["both"], ["all", "of", "them"], ["both", "of", "them"]):
        wanted = 2 if words[0] == "both" else 0
    elif len(words) == 2 and words[0] == "all" and value_of(words[1], WordClass.NUMBER) is not None:
        wanted = int(value_of(words[1], WordClass.NUMBER) or 0)
    else:
        return []
    found: list[int] = []
    ends = 0
    for p in reversed(phrases[:start]):
        ends += isinstance(p, Mark) and p.tag is Tag.END and p.low != ";"
        if ends > 1:
            break  # only the sentence before (with its clauses after ';')
        holder = holder_of(nouns, at[p.start]) if isinstance(p, NounPhrase) and p.start in at else None
        known = nouns[holder].entry if holder is not None else None
        if known is not None and known.animate and holder not in found:
            found.insert(0, holder)  # type: ignore[arg-type]
    return found[-wanted:] if wanted else found


def _past_fronted(phrases: tuple[Phrase, ...], start: int, verb: int) -> int:
    """Where the subject of a clause from `start` to its verb begins, past a fronted place or time
    ('On the left, he sits', 'On this page they stand'): the first phrase that is no spatial phrase,
    no noun phrase one governs, and no comma; `start` when nothing is fronted."""
    j = start
    while j < verb and (
        isinstance(phrases[j], SpacePhrase)
        or isinstance(phrases[j], NounPhrase)
        and is_governed(phrases, j)
        or getattr(phrases[j], "low", "") == ","
    ):
        j += 1
    return j


def _said_before(
    phrases: tuple[Phrase, ...], start: int, at: dict[int, int], nouns: tuple[Noun, ...], pronoun: str
) -> int | None:
    """What a sentence-opening 'he', 'she' or 'it' at `start` stands for: the first thing of the
    sentence before that no preposition or verb governs (a person or an animal of no other sex for
    'he' / 'she'); None when there is none."""
    animate = pronoun != "it"
    other = {"he": WordClass.FEMALE, "she": WordClass.MALE}.get(pronoun)
    end = start - 1
    first = end
    while first > 0 and not (isinstance(phrases[first - 1], Mark) and phrases[first - 1].tag is Tag.END):  # type: ignore[union-attr]
        first -= 1
    for j in range(max(first, 0), max(end, 0)):
        p = phrases[j]
        if not isinstance(p, NounPhrase) or p.start not in at or is_governed(phrases, j):
            continue
        holder = holder_of(nouns, at[p.start])
        if holder is None or not nouns[holder].is_thing or other and is_class(nouns[holder].head, other):
            continue
        if not animate or nouns[holder].animate:
            return holder
    return None


def _unknown_gear(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether phrase j is an unlisted noun (no part, no thing) that a 'with' governs ('an astronaut
    with a safety tether'): what comes after it is said of its owner."""
    p = phrases[j]
    lead = phrases[j - 1] if j >= 1 else None
    if not isinstance(p, NounPhrase) or not isinstance(lead, SpacePhrase) or lead.lead != "with":
        return False
    if p.start not in at or holder_of(nouns, at[p.start]) is not None or is_class(p.head, WordClass.PART):
        return False
    if is_class(p.head, WordClass.ABSTRACT):
        return False  # "a shanty with smoke curling from its chimney": where the smoke is, not the shanty
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
    acting = _work_verb(phrases, k - 1)
    verb = phrases[acting] if acting is not None else None
    if acting is None or not isinstance(verb, Verb) or participle(phrases, acting):
        return []
    if is_verb_of(verb.low, WordClass.AIM_VERB):
        return []  # "throws a ball at the wall"
    doers = verb_subject(phrases, acting, at, nouns)
    animate = all(nouns[i].animate for i in doers)
    return doers if animate else []


def _work_verb(phrases: tuple[Phrase, ...], j: int) -> int | None:
    """The index of the verb whose object ends at phrase j, past what the object is for or of
    ('rolls out dough for dumplings at a table', 'sorts piles of letters at a desk') and past a
    particle ('rolls out'); None when no noun phrase ends at j."""
    if not isinstance(phrases[j], NounPhrase):
        return None
    if (
        j >= 2
        and getattr(phrases[j - 1], "low", "") in {"for", "of"}
        and isinstance(phrases[j - 2], NounPhrase)
    ):
        j -= 2  # "dough for dumplings": the dough
    before = phrases[j - 1] if j >= 1 else None
    particle = isinstance(before, Mark) and is_class(before.low, WordClass.PARTICLE)
    verb = j - 2 if particle else j - 1
    return verb if verb >= 0 else None


def verb_subject(
    phrases: tuple[Phrase, ...], verb: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The subject of a verb: the thing(s) before it that no preposition governs, or the noun
    before 'who' / 'that' / 'which'; none when that noun is no thing ('the mountain rises')."""
    referred = referred_subject(phrases, verb, [n for n in nouns if n.index < verb])
    if referred is not None:
        return [referred]  # "the latter stands by the door", "one of them leans on a crate"
    j = subject_phrase(phrases, verb)
    if j is None:
        return []
    if _frame_of(phrases, j, verb, at, nouns):
        shown = holder_of(nouns, at[phrases[j + 2].start]) if phrases[j + 2].start in at else None
        return [shown] if shown is not None else []  # "a photo of a teapot, placed on a table": the teapot
    p = phrases[j]
    holder = holder_of(nouns, at[p.start]) if p.start in at else None
    if holder is None:
        opening = _apposition(phrases, j, verb)
        return [] if opening is None else verb_subject(phrases, opening, at, nouns)
    found = walk_back(phrases, j + 1, at, nouns, past_objects=True)
    listed = subject_list(phrases, _list_start(phrases, verb), at, nouns)
    return listed if len(listed) > len(found) and set(found) <= set(listed) else found


def subject_list(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The things listed from phrase j by commas and an 'and' when a verb follows the list (its
    subjects: 'a hat, a coat of wool and a scarf hang'); none for anything else ('a hat on a hook,
    a coat'). An item's contents ('of wool') are no item of their own, nor is a renaming ('a cat, a
    fat tom named Tig, ...' repeats the cat)."""
    end = list_end(phrases, j) if isinstance(phrases[j], NounPhrase) else j
    listed = phrases[j:end]
    closed = any(isinstance(p, Mark) and p.low == "and" for p in listed)
    if not (
        closed
        and end < len(phrases)
        and isinstance(phrases[end], Verb)
        and isinstance(listed[-1], NounPhrase)
    ):
        return []
    return list(dict.fromkeys(resolve(nouns, at[p.start]) for p in listed if is_placed(p, at, nouns)))  # type: ignore[union-attr]


def _list_start(phrases: tuple[Phrase, ...], verb: int) -> int:
    """The first noun phrase of the run of noun phrases, commas, 'and' and 'of' right before the
    verb at `verb`, when that run opens its sentence or follows an opening place and its comma
    ('Near a barn, a hen, a goat and a pig graze': the hen, not the barn); `verb` itself when none
    does ('a bench is covered in moss and leaves, and a cat naps': the cat alone)."""
    start = verb
    while start > 0:
        p = phrases[start - 1]
        named = isinstance(p, NounPhrase) and (
            not is_governed(phrases, start - 1) or getattr(phrases[start - 2], "low", "") == "of"
        )
        if not named and not (isinstance(p, Mark) and p.low in {",", "and", "of"}):
            break
        start -= 1
    while start < verb and not isinstance(phrases[start], NounPhrase):
        start += 1  # past the comma that closed an opening place
    first = next(j for j in range(start, -1, -1) if j == 0 or getattr(phrases[j - 1], "tag", None) is Tag.END)
    opening = isinstance(phrases[first], SpacePhrase) and not any(
        isinstance(p, Verb) for p in phrases[first:start]
    )
    after = getattr(phrases[start - 1], "low", "") == "," if start else False
    return start if first == start or opening and after else verb


def _apposition(phrases: tuple[Phrase, ...], j: int, verb: int) -> int | None:
    """The comma that opens an aside between a subject and its verb ('a frog, electric blue with
    black spots, clings to a leaf'; 'an owl, the fox's worst enemy, perches'), when the subject
    found at j (no thing) lies inside it and a noun phrase stands before it; else None."""
    if not (verb >= 1 and isinstance(phrases[verb - 1], Mark) and phrases[verb - 1].low == ","):  # type: ignore[union-attr]
        return None
    for c in range(verb - 2, 0, -1):
        p = phrases[c]
        if isinstance(p, Mark) and p.tag is Tag.END:
            return None
        if isinstance(p, Mark) and p.low == ",":
            return c if c < j and isinstance(phrases[c - 1], NounPhrase) else None
    return None


def _frame_of(
    phrases: tuple[Phrase, ...], j: int, verb: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> bool:
    """Whether the subject phrase at j names the picture ('Product photography of ...') and a noun
    after 'of' comes before the verb: that noun is what the picture shows, the verb's subject."""
    p, after = phrases[j], phrases[j + 2] if j + 2 < verb else None
    return (
        p.start in at
        and nouns[at[p.start]].role is Role.FRAME
        and getattr(phrases[j + 1], "low", "") == "of"
        and isinstance(after, NounPhrase)
    )


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
        holder_of(nouns, at[p.start])
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


def walk_back(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], past_objects: bool
) -> list[int]:
    """The last thing named before phrase k in its sentence, with those joined to it by 'and'; when
    `past_objects`, not the object of a preposition ('a boy with a kite runs': the boy). A noun
    that is no thing only closes a verbless tag: after a verb it was the verb's object ('the
    foreman, a stout man, studies a plan near a shed': the foreman)."""
    found: list[int] = []
    j = k - 1
    headed = False  # the tag being walked has a head that is no thing ('a sprig of moss in a jar')
    while j >= 0 and not (isinstance(phrases[j], Mark) and phrases[j].tag is Tag.END):  # type: ignore[union-attr]
        p = phrases[j]
        if not found and _pose(phrases, j):
            j -= 2  # "a partridge lying on its side near a jug": its pose, then the partridge
            continue
        if not found and _unlisted_own_part(phrases, j, at, nouns):
            return walk_back(phrases, j, at, nouns, past_objects=True)  # "..., its pontoons tied to"
        if not found and headed and isinstance(p, Mark) and p.low == ",":
            break  # "a grinder on a plinth, a sprig of moss in a vase": not the plinth in the vase
        governed = is_governed(phrases, j) or with_listed(phrases, j)
        headed = (headed or _no_thing_head(p, at, nouns, governed)) and not isinstance(p, Verb)
        skipped = past_objects and governed and not relative(phrases, j)
        if found and _placed_object(phrases, j):
            break  # "a cage on top of the case and a parrot inside it": the parrot alone
        if isinstance(p, NounPhrase) and p.start in at and not skipped:
            holder = holder_of(nouns, at[p.start])
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
        elif found and _finite(p):
            break  # "a machine glows and a cat sits on it": two clauses, the cat alone
        j -= 1
    return _escorts(phrases, j, at, nouns) + found[::-1]


def _unlisted_own_part(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> bool:
    """Whether phrase j opens an aside after a comma on a part words.tsv does not list, given by
    'its' / 'their' ('a seaplane bobs on the lake, its pontoons tied to a dock'): what the aside
    says is said of the owner, the subject of the clause before, not of the last thing named."""
    p = phrases[j]
    before = phrases[j - 1] if j else None
    return (
        isinstance(p, NounPhrase)
        and p.determiner in {"its", "their"}
        and p.start in at
        and holder_of(nouns, at[p.start]) is None
        and isinstance(before, Mark)
        and before.low == ","
    )


def _placed_object(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is the object of a place phrase ('on top of the case', 'beside
    the bed'): a thing joined to it by 'and' opens a list item of its own with its own place ('a
    lamp beside the bed and a chair near the window'), the object is not a second subject."""
    before = phrases[j - 1] if j else None
    return isinstance(phrases[j], NounPhrase) and relates(before) and before.spatial.needs_object


def _finite(p: Phrase) -> bool:
    """Whether phrase p is a verb that ends a clause's subject ('glows', not 'holding' or 'lit')."""
    return isinstance(p, Verb) and not p.low.endswith(("ing", "ed"))


def _no_thing_head(p: Phrase, at: dict[int, int], nouns: tuple[Noun, ...], governed: bool) -> bool:
    """Whether phrase p heads its tag and is no thing nor a thing's part ('a sprig of moss', not 'one
    foot up on a crate', which is still its owner's)."""
    if not isinstance(p, NounPhrase) or p.start not in at or governed or is_class(p.head, WordClass.PART):
        return False
    return holder_of(nouns, at[p.start]) is None


def _with_pair(phrases: tuple[Phrase, ...], j: int, nouns: tuple[Noun, ...], found: list[int]) -> bool:
    """Whether the 'with' at j sits between two subjects joined by 'and': 'an old man with a cane and
    a girl stand' (both living things), so the walk back goes on to the man."""
    p, before = phrases[j], phrases[j - 1] if j else None
    if not (isinstance(p, SpacePhrase) and p.lead == "with" and isinstance(before, NounPhrase)):
        return False
    known = [nouns[found[-1]].entry, entry(before.compound) or entry(before.head)]
    return all(k is not None and k.animate for k in known)


def _escorts(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """Who goes along with the thing at phrase j: 'ducklings follow their mother across a bridge'
    puts the ducklings on the bridge too."""
    verb = phrases[j - 1] if j >= 1 else None
    if not isinstance(verb, Verb) or not is_class(verb.low, WordClass.ESCORT_VERB):
        return []
    return subjects_of(phrases, j - 1, at, nouns)


def _tag_segment(
    phrases: tuple[Phrase, ...], start: int, end: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The person or animal a comma-set tag from `start` to `end` names ('elf archer with a bow',
    'rogue holding two daggers'), when the tag has no verb of its own nor a relation but 'with' / 'in';
    -1 for a tag whose noun is no thing read."""
    head = None
    for p in phrases[start:end]:
        if isinstance(p, Verb) and not (p.low.endswith("ing") or participle(phrases, phrases.index(p))):
            return None  # "a girl watches": a clause, not a tag
        if isinstance(p, SpacePhrase) and p.spatial.relation not in {None, "with", "inside"}:
            return None  # "a dog on a rug": placed on its own
        if head is None and isinstance(p, NounPhrase):
            holder = holder_of(nouns, at[p.start]) if p.start in at else None
            if holder is None:
                head = -1  # an unread word ('hooded rogue'): passed over, the run goes on
                continue
            known = nouns[holder].entry
            if known is None or not known.animate:
                return None
            head = holder
    return head


def _tag_run(
    phrases: tuple[Phrase, ...], comma: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The people and animals of the comma-set tags that end at `comma`, back to the first tag that
    is no such one: what a participle after them ('..., standing on a bridge') is said of."""
    found: list[int] = []
    end = comma
    while end > 0:
        start = end
        while start > 0 and not (
            isinstance(phrases[start - 1], Mark) and phrases[start - 1].low in {",", "."}
        ):
            start -= 1
        head = _tag_segment(phrases, start, end, at, nouns) if start < end else None
        if head is None or phrases[start].sentence != phrases[comma].sentence:
            break
        found.insert(0, head)
        end = start - 1
    return list(dict.fromkeys(h for h in found if h >= 0))


def last_animate(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The last person or animal named in the sentence of phrase k, before it."""
    sentence = phrases[k].sentence
    for p in reversed(phrases[:k]):
        if isinstance(p, NounPhrase) and p.sentence == sentence and p.start in at:
            holder = holder_of(nouns, at[p.start])
            known = nouns[holder].entry if holder is not None else None
            if known is not None and known.animate:
                return holder
    return None


def _first_thing(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The first thing named in the clause of phrase k, before it: from the sentence start or a
    ', and' that opens a new clause ('a kite hangs up high, and a bear sits below, leaning ...').
    A thing named only as the object of a fronted place is passed over for the clause's own
    subject ('To the left of the pot sits a cup, resting on a saucer': the cup rests there)."""
    sentence = phrases[k].sentence
    opened = [
        j
        for j in range(1, k)
        if getattr(phrases[j], "low", "") in JOINERS - {","} and getattr(phrases[j - 1], "low", "") == ","
    ]
    start = next(j for j in range(opened[-1] if opened else 0, k + 1) if phrases[j].sentence == sentence)
    found = [
        j
        for j in range(start, k)
        if isinstance(phrases[j], NounPhrase)
        and phrases[j].sentence == sentence
        and phrases[j].start in at
        and nouns[at[phrases[j].start]].role in PLACED_ROLES
    ]
    unplaced = [j for j in found if not _fronted_place_object(phrases, start, j)]
    first = (unplaced or found or [None])[0]
    return resolve(nouns, at[phrases[first].start]) if first is not None else None


def _fronted_place_object(phrases: tuple[Phrase, ...], start: int, j: int) -> bool:
    """Whether noun phrase j is the object of a spatial phrase that opens the clause at `start`
    ('To the right of the pot sits a cup', 'Beside the lamp stands a vase'): a place said before
    the clause's subject, not its subject."""
    lead = phrases[j - 1] if j >= 1 else None
    opening = start if getattr(phrases[start], "low", "") not in JOINERS else start + 1
    while opening < j and getattr(phrases[opening], "low", "") == ",":
        opening += 1
    return isinstance(lead, SpacePhrase) and lead.spatial.relation is not None and j - 1 == opening


def next_things(
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
        if is_placed(p, at, nouns):
            holder = resolve(nouns, at[p.start])
            if holder not in found:
                found.append(holder)
            if len(found) == limit:
                break
    return found


def whole_of(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int:
    """The phrase a relation's object stands for: for a part or a nameless area ('the handle of a
    fork', 'the edge of the table', 'the steps of the school'), the thing it is a part of; for an
    owned thing, the owner when that is a bigger lifeless thing with a region, else the owned one."""
    nxt = phrases[k] if k < len(phrases) else None
    partlike = {
        Role.PART,
        Role.NONE,
    }  # "the roof of the hut", "the steps of the school", "the shade of a tree"
    if not isinstance(nxt, NounPhrase) or nxt.start not in at:
        return k
    if _owned_thing(phrases, k, at, nouns):
        # "on the teacher's desk": the desk, not the teacher; "on the bakery's windowsill": the bakery
        owner = nouns[at[nxt.start]]  # unplaced when the owner gets no region ('the mill's fence')
        whole = owner.role in PLACED_ROLES and _lifeless_whole(owner, nouns[at[phrases[k + 2].start]])
        return k if whole else k + 2
    named = nxt.determiner == "the" and not nxt.plural  # "the highest spire of a castle": the castle's
    if nouns[at[nxt.start]].role not in partlike and not named:
        return k
    if k + 2 < len(phrases) and getattr(phrases[k + 1], "low", "") == "of":
        whole = phrases[k + 2]
        if (
            isinstance(whole, NounPhrase)
            and whole.start in at
            and nouns[at[whole.start]].role in PLACED_ROLES
        ):
            return k + 2
    return k


def _owned_thing(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether the phrase at k is an owner ("the teacher's") of the thing named right after it."""
    if k + 2 >= len(phrases) or getattr(phrases[k + 1], "tag", None) is not Tag.POSS:
        return False
    owned = phrases[k + 2]
    return isinstance(owned, NounPhrase) and owned.start in at and nouns[at[owned.start]].role is Role.THING


def _lifeless_whole(owner: Noun, owned: Noun) -> bool:
    """Whether an owner ('the bakery's', 'the bench's') is a lifeless thing larger than the thing
    it owns ('windowsill', 'armrest'): such a thing is a part of it, drawn within the owner's box,
    so a relation to it is to the owner. Not a person's or an animal's things ('the teacher's
    desk'), nor a peer ('the tractor's trailer': as large as the tractor)."""
    whole, part = owner.entry, owned.entry
    if whole is None or part is None or whole.animate:
        return False
    return whole.size > part.size


def relation_object(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    subject: list[int] | None = None,
) -> int | None:
    """The thing a relation at k is to (for a pronoun, not `subject`, the relation's own)."""
    if whose(phrases, k):
        owner = walk_back(phrases, k, at, nouns, past_objects=False)
        return owner[-1] if owner else None  # "a stall, behind whose counter a cook ...": the stall
    j = whole_of(phrases, k + 1, at, nouns)
    nxt = phrases[j] if j < len(phrases) else None
    if isinstance(nxt, NounPhrase) and nxt.start in at:
        noun = nouns[at[nxt.start]]
        # the relation's own subject, found once for the helpers below; _person_for and _kind_named
        # take `subject` as given (none given excludes no one)
        said = subjects_of(phrases, k, at, nouns) if subject is None else subject
        if _posture(phrases, k, at, nouns, nxt, said):
            return None  # "lies on its side", "sleeps on her back": a pose, not a place
        if noun.role is Role.PART and noun.ref is not None:
            owner = resolve(nouns, noun.ref)  # "perches on the roof" (of the hut), "at her feet"
            owner = _rested_on_owner(phrases, k, at, nouns, nxt, owner, said)
            return _person_for(phrases, k, at, nouns, nxt, owner, subject)
        if (
            noun.role is Role.ATTACHED and noun.ref is not None and nxt.determiner in POSSESSIVE
        ):  # a worn or held thing of someone named before
            owner = resolve(nouns, noun.ref)  # "clings to its ropes", "near his sandals": their wearer
            if owner not in said:
                return owner
            return _its_whole(
                phrases, k, at, nouns, nxt, said, lifeless=False, strictly_larger=True
            )  # "a cat dozes on its saddle": nothing rests on what it wears, 'its' is another's
        named = _kind_named(phrases, k, at, nouns, nxt, subject) if noun.role is Role.NONE else None
        if named is not None:
            return named  # "a tablet ..., and behind the device a mug": the tablet
        if noun.role in {Role.NONE, Role.PART} and nxt.determiner in {"its", "their", "his", "her"}:
            animate = nxt.determiner in {"his", "her"}  # "perched on his shoulder": a person's
            return pronoun_referent(
                phrases, k, at, nouns, animate=animate, subject=said, word=nxt.determiner
            )  # "on its third step"
        found = resolve(nouns, at[nxt.start]) if noun.role in PLACED_ROLES else None
        whole = (
            _its_whole(phrases, k, at, nouns, nxt, said, lifeless=True, strictly_larger=False)
            if found == at[nxt.start]
            else None
        )
        whole = _compound_whole(nouns, nxt, found) if whole is None else whole
        found = whole if whole is not None else found
        return found if found is not None and nouns[found].is_thing else None  # not 'of the rooftop' again
    partitive = _partitive_pronoun(phrases, k)
    nxt = phrases[partitive] if partitive is not None else nxt  # "on one of them": on them
    if isinstance(nxt, Mark) and nxt.low in {"it", "them", "him", "her"}:
        animate = nxt.low in {"him", "her"}
        return pronoun_referent(
            phrases, k, at, nouns, animate=animate, subject=subject, plural=nxt.low == "them", word=nxt.low
        )
    return None


_PARTITIVE_WORDS = 3  # "one of them", "the tallest of them", "the nearest two of them"


def _partitive_pronoun(phrases: tuple[Phrase, ...], k: int) -> int | None:
    """The index of 'them' / 'it' in a partitive after the relation at k ('sits on one of them',
    'perched on the tallest of them', 'on top of each of them'): the relation is to what the
    pronoun stands for (one of a group is drawn as the group). None when no such phrase follows,
    and for 'between two of them', which is among the group's members, not beside the group."""
    if getattr(phrases[k], "lead", "") == "between":
        return None
    for j in range(k + 1, min(k + 2 + _PARTITIVE_WORDS, len(phrases) - 1)):
        word = phrases[j]
        if not isinstance(word, Mark) or word.tag is Tag.END:
            return None
        if word.low == "of":
            after = phrases[j + 1]
            found = j > k + 1 and isinstance(after, Mark) and after.low in {"them", "it"}
            return j + 1 if found else None
    return None


def _kind_named(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    nxt: NounPhrase,
    subject: list[int] | None,
) -> int | None:
    """The thing 'the device' (a kind_word of words.tsv) names again: the last thing of that
    kind before phrase k, in its sentence or the one before, that is not the relation's subject."""
    kind = value_of(nxt.head, WordClass.KIND_WORD) if nxt.determiner in {"the", "this", "that"} else None
    if kind is None:
        return None
    for p in reversed(phrases[:k]):
        if p.sentence < phrases[k].sentence - 1:
            break
        holder = holder_of(nouns, at[p.start]) if isinstance(p, NounPhrase) and p.start in at else None
        if holder is not None and holder not in (subject or []) and nouns[holder].kind == kind:
            return holder
    return None


def _its_whole(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    nxt: NounPhrase,
    said: list[int],
    *,
    lifeless: bool,
    strictly_larger: bool,
) -> int | None:
    """The thing 'its' before `nxt` stands for when `nxt` is a part of it, drawn within it, so the
    relation is to that whole: the thing the subject was named 'with', else the pronoun's referent.
    `lifeless`: a listed thing named with 'its' ('a truck with a duck in its bed', 'a lifeguard
    leans on its railing'): the whole is a lifeless thing other than the subject, and an animal's
    'its' is its own ('a hamster watches from its cage'). Else a thing read as worn by the subject
    ('a horse grazes, and a crow perches on its saddle': on the horse), animate or not.
    `strictly_larger`: the whole must be larger than the part, not only as large."""
    if nxt.determiner != "its":
        return None
    owner = _with_owner(phrases, said, at, nouns)
    if owner is None and lifeless and any(nouns[s].kind is ThingKind.ANIMAL for s in said):
        return None  # "a hamster watches from its cage": its own
    word = "" if lifeless else "its"  # lifeless: a person found fails below (None); else skipped
    owner = (
        pronoun_referent(phrases, k, at, nouns, animate=False, subject=said, word=word)
        if owner is None
        else owner
    )
    part, whole = nouns[at[nxt.start]].entry, nouns[owner].entry if owner is not None else None
    if part is None or whole is None or (lifeless and (owner in said or whole.animate)):
        return None
    larger = whole.size > part.size if strictly_larger else whole.size >= part.size
    return owner if larger else None


def _rested_on_owner(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    part: NounPhrase,
    owner: int,
    said: list[int],
) -> int:
    """Whose 'his chest' a thing rests on when the part was read as the resting thing's own ('a
    man sleeps with a toddler sprawled on his chest'): nothing lies on its own chest, so the
    pronoun stands for another one named before (pronoun_referent); else the part's owner."""
    if part.determiner not in POSSESSIVE or getattr(phrases[k], "lead", "") not in _RESTING_LEADS:
        return owner
    if owner not in said:
        return owner
    other = pronoun_referent(
        phrases, k, at, nouns, animate=part.determiner in {"his", "her"}, subject=said, word=part.determiner
    )
    return owner if other is None else other


def _compound_whole(nouns: tuple[Noun, ...], nxt: NounPhrase, found: int | None) -> int | None:
    """The thing named before whose head is the modifier of 'the bridge railing' or 'the tower
    window' (a lifeless thing larger than the railing or the window): the railing is drawn within
    the bridge, so a relation to it is to the bridge. None when no such thing was named."""
    if found is None or nxt.determiner != "the" or not nxt.modifiers:
        return None
    for i in range(found - 1, -1, -1):
        noun = nouns[i]
        if noun.is_thing and noun.head == nxt.modifiers[-1] and _lifeless_whole(noun, nouns[found]):
            return resolve(nouns, i)
    return None


def _pose(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether phrase j ends a pose ('on its side', 'on her back'): how the thing before it lies,
    naming no other thing, so a relation after it is still that thing's."""
    p = phrases[j]
    before = phrases[j - 1] if j else None
    return (
        isinstance(p, NounPhrase)
        and p.head in _POSTURES
        and p.determiner in {"its", "his", "her", "their"}
        and isinstance(before, SpacePhrase)
        and before.lead in {"on", "onto"}
    )


def _posture(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    nxt: NounPhrase,
    said: list[int],
) -> bool:
    """Whether 'on its back' at k is the subject's own pose ('a dog sleeps on its back'), not
    another thing's back: after a verb of riding, or for a thing named 'with' another ('a horse
    with a bird on its back'), it is the other's."""
    if nxt.head not in _POSTURES or nxt.determiner not in {"its", "his", "her", "their"}:
        return False
    if getattr(phrases[k], "lead", "on") not in {"on", "onto"}:
        return False  # "leans against its side": the other thing's side, a pose is 'on' it
    return not _mounted(phrases, k) and _with_owner(phrases, said, at, nouns) is None


def _mounted(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the relation at k follows a verb of riding or perching ('a doll rides on its back',
    'a bird perches on his back'): 'its back' is then another thing's, not the subject's pose."""
    verb = verb_before(phrases, k)
    return verb is not None and phrases[verb].low in _MOUNTS  # type: ignore[union-attr]


def pronoun_referent(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    animate: bool,
    subject: list[int] | None = None,
    plural: bool = False,
    word: str = "",
) -> int | None:
    """What 'it' / 'him' after a spatial phrase stands for: the first thing of its sentence (the
    one the sentence is about), else of the sentence before, never the relation's own subject nor
    one of the other sex than the pronoun `word` says ('a woman stands; a man sits, a bag beside
    him': the man); for 'them' (`plural`), the first group named there, when there is one."""
    subject = subjects_of(phrases, k, at, nouns) if subject is None else subject
    owner = _with_owner(phrases, subject, at, nouns)
    if owner is not None and not animate:
        return owner  # "a notebook with a pen lying across it": the notebook
    sentence = phrases[k].sentence
    group = _group_before(phrases, k, at, nouns, subject) if plural else None
    if group is not None:
        return group  # "two thugs unload a van; the tall one smokes. Above them, ...": the thugs
    unfit = [*subject, *_disagreeing(nouns, word)]
    sexed = _agreeing(phrases, k, at, nouns, sentence, animate, unfit, word)
    if sexed is not None:
        return sexed  # "a hawker cooks, an auntie sells durians, a boy tugs at her sleeve": the auntie
    for wanted in range(sentence, -1 if animate else sentence - 2, -1):  # 'him': any sentence before
        found = _first_in(phrases, k, at, nouns, wanted, animate, unfit)
        if found is not None:
            return found
        ahead = _ahead(phrases, k, at, nouns, subject) if wanted == sentence else None
        if ahead is not None:
            return ahead  # "With a monkey on its head, an elephant ...": the elephant
    return None


def _agreeing(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    sentence: int,
    animate: bool,
    unfit: list[int],
    word: str,
) -> int | None:
    """The first thing of phrase k's sentence whose word says the sex that 'her' / 'him' / 'his'
    does ('woman', 'auntie', 'uncle': words.tsv), before any thing whose word says none."""
    sex = {"her": WordClass.FEMALE, "him": WordClass.MALE, "his": WordClass.MALE}.get(word)
    if sex is None:
        return None
    other = [i for i, n in enumerate(nouns) if not is_class(n.head, sex)]
    return _first_in(phrases, k, at, nouns, sentence, animate, [*unfit, *other])


def _disagreeing(nouns: tuple[Noun, ...], word: str) -> list[int]:
    """The nouns a pronoun cannot stand for: by their sex (women for 'him' / 'his', men for 'her'),
    and by their number: 'him' / 'her' / 'it' name one thing, never a group ('four nurses stand
    at the end; a janitor holds a torch, a bucket beside him': the janitor); 'it' names no person."""
    other = {"him": WordClass.FEMALE, "his": WordClass.FEMALE, "her": WordClass.MALE}.get(word)
    single = word in {"him", "her", "it"}
    return [
        i
        for i, n in enumerate(nouns)
        if (other is not None and is_class(n.head, other))
        or (single and n.phrase.plural)
        or (word in {"it", "its"} and n.kind is ThingKind.PERSON)
    ]


def _group_before(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], subject: list[int]
) -> int | None:
    """The first thing named as a group (a plural noun) in the sentence of phrase k before it, else
    in the sentence before, that is not one of `subject` nor the companions 'with' another ('a bear
    with two cubs ..., a fox behind them': the bear and her cubs, drawn round the bear): what
    'them' most likely stands for. For a person or animal, people or animals come before scenery
    ('cabins line the shore, two boys build a fort while their dog bounds around them': the boys)."""
    sentence = phrases[k].sentence
    for wanted in (sentence, sentence - 1):
        groups = _groups_in(phrases, k, at, nouns, subject, wanted)
        alive = [g for g in groups if nouns[g].animate]
        if alive and any(nouns[s].animate for s in subject):
            return alive[0]
        if groups:
            return groups[0]
    return None


def _groups_in(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    subject: list[int],
    sentence: int,
) -> list[int]:
    """The things named as groups in `sentence` before phrase k, not `subject` nor companions, nor
    a group that only places another thing ('a cyclist weaves between puddles': not them)."""
    found: list[int] = []
    for j, holder in _named_before(phrases, k, at, nouns, sentence):
        if holder is not None and holder not in subject and nouns[holder].phrase.plural:
            if not _companions(phrases, j, at, nouns) and not placing(phrases, j) and holder not in found:
                found.append(holder)
    return found


def _named_before(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], sentence: int
) -> Iterator[tuple[int, int | None]]:
    """Each noun phrase of `sentence` before phrase k that names a thing: its index and the thing
    that holds it (None when it is no thing's)."""
    for j, p in enumerate(phrases):
        if not isinstance(p, NounPhrase) or p.sentence != sentence or p.start not in at:
            continue
        if p.start >= phrases[k].start:
            return
        yield j, holder_of(nouns, at[p.start])


def _companions(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether the noun phrase at j names the young or the followers of the animal or person right
    before it ('a wolf with two cubs', 'a teacher with her pupils'), not a group of their own ('a
    well in a yard with three hens pecking')."""
    lead, owner = phrases[j - 1] if j else None, phrases[j - 2] if j >= 2 else None
    if not (isinstance(lead, SpacePhrase) and lead.lead == "with" and isinstance(owner, NounPhrase)):
        return False
    return all(
        p.start in at and nouns[at[p.start]].animate
        for p in (owner, phrases[j])  # type: ignore[union-attr]
    )


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
    that is not one of `subject`; for a lifeless 'it', a clause's subject before a preposition's
    object ('To the left of the armchair, a stove glows, a kettle on top of it': the stove)."""
    found: list[tuple[bool, int]] = []
    for j, holder in _named_before(phrases, k, at, nouns, sentence):
        known = nouns[holder].entry if holder is not None else None
        if holder is None or holder in subject or (animate and (known is None or not known.animate)):
            continue
        if animate:
            return holder
        found.append((_placed_by(phrases, j), holder))
    return next((h for governed, h in found if not governed), found[0][1] if found else None)


def placing(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is the object of a relation phrase other than 'with' ('weaves
    between puddles', 'sits among cushions'): a group named so only places another thing, and is
    not what a later 'them' stands for ('a pine with three boulders ... leans over them' is)."""
    before = phrases[j - 1] if j else None
    return isinstance(before, SpacePhrase) and before.lead != "with" and is_governed(phrases, j)


def _placed_by(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is the object of a preposition other than 'of' ('to the left of
    the armchair', 'lit by a lamp'): it places another thing and is not what a clause is about.
    An owned thing is placed as its owner is ('Next to the stove stands his wife's chair': not)."""
    before = phrases[j - 1] if j else None
    if getattr(before, "low", "") == "'s" and j >= 2 and isinstance(phrases[j - 2], NounPhrase):
        return _placed_by(phrases, j - 2)
    return is_governed(phrases, j) and not isinstance(before, Verb) and getattr(before, "low", "") != "of"


def _ahead(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], subject: list[int]
) -> int | None:
    """The thing a possessive in a clause that opens its sentence with no verb of its own stands for
    ('With a monkey riding on its head, an elephant wades', 'A parrot perched on his shoulder, the
    sailor mends a net'): the first thing after the comma that closes the clause."""
    comma = fronted_clause(phrases, k)
    if comma is None or not subject or any(nouns[s].phrase.start > phrases[comma].start for s in subject):
        return None  # "To its left, a plate": the subject comes after the comma, 'its' before
    found = next_things(phrases, comma, at, nouns, limit=1)
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
    if getattr(phrases[j - 2], "low", "") == "each":
        return each_owner(phrases, j - 1, at, nouns)  # "two nightstands by the bed, each with a lamp"
    head = clause_head(phrases, j - 1, at, nouns) if getattr(phrases[j - 2], "low", "") == "," else None
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
        holder = holder_of(nouns, at[p.start]) if isinstance(p, NounPhrase) and p.start in at else None
        if holder is not None and nouns[holder].is_thing:  # past a scene: "a jetty reaches into the lake"
            return holder
    return None


def _several(noun: Noun) -> bool:
    """Whether a noun names more than one ('two nightstands', 'lamps'): what 'each' picks from."""
    return noun.phrase.plural or (noun.phrase.count or 1) > 1


def each_owner(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """For 'each with' at phrase j ('three tables by the window, each with a vase on it'), the group
    'each' is one of: the last thing named as several before it in its sentence; else None."""
    if j < 1 or getattr(phrases[j - 1], "low", "") != "each":
        return None
    for p in reversed(phrases[: j - 1]):
        if isinstance(p, Mark) and p.tag is Tag.END:
            return None
        holder = holder_of(nouns, at[p.start]) if isinstance(p, NounPhrase) and p.start in at else None
        if holder is not None and nouns[holder].is_thing and _several(nouns[holder]):
            return holder
    return None


def place_of(space: SpacePhrase) -> Place | None:
    """The absolute place ('on the left') a spatial phrase names when it relates to no other thing."""
    s = space.spatial
    if s.relation is None and (s.horizontal or s.vertical or s.depth):
        return Place(horizontal=s.horizontal, vertical=s.vertical, depth=s.depth)
    return None


def object_end(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int:
    """The last phrase of the object of the relation at k: k itself for 'to its left', the whole
    for 'the edge of the table', the part owned for 'on the wizard's shoulder'."""
    space = phrases[k]
    if isinstance(space, SpacePhrase) and space.spatial.to_referent:
        return k
    j = whole_of(phrases, k + 1, at, nouns)
    owned = j + 2 < len(phrases) and getattr(phrases[j + 1], "low", "") == "'s"
    return j + 2 if owned and isinstance(phrases[j + 2], NounPhrase) else j


def coordinated(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The thing right after phrase k and those joined to it by a bare 'and' ('three candles and a
    clock') or listed with it by commas before an 'and' ('a globe, a lamp and a chart'); an owner
    ('the cook's stool') stands for nothing here, the thing it owns is the one named."""
    found: list[int] = []
    listed = False
    skip = 0
    for j in range(k + 1, len(phrases)):
        p = phrases[j]
        if j <= skip:
            continue
        if isinstance(p, NounPhrase) and _owned_thing(phrases, j, at, nouns):
            skip = j + 1  # "stands his late wife's rocking chair": the chair, not the wife
            continue
        item = unplaced_item(phrases, j, at, nouns) if isinstance(p, NounPhrase) else None
        if item is not None:
            named = is_placed(phrases[item], at, nouns) and item > j  # "heaps of laundry": the laundry
            found += [resolve(nouns, at[phrases[item].start])] if named else []
            skip = item  # "holds bolts of silk, a pincushion and ...": the list goes on
            listed = getattr(phrases[item + 1], "low", "") == ","
        elif isinstance(p, NounPhrase) and p.start in at:
            if nouns[at[p.start]].role in PLACED_ROLES:
                found.append(resolve(nouns, at[p.start]))
            j = skip = _past_own_place(
                phrases, past_worn(phrases, _past_contents(phrases, j, at, nouns), at, nouns), at, nouns
            )  # "a plate of fries and a case file", "ducks on platters, candles and a cheese"
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


def unplaced_item(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The last phrase of a listed item at j that is no thing with a region of its own ('bolts of
    silk', 'coils of rope'), when an 'and' or a listing comma goes on with the list: the things
    listed after it are held or placed as the list's first would be. None when no list goes on."""
    if is_placed(phrases[j], at, nouns):
        return None
    of = getattr(phrases[j + 1] if j + 1 < len(phrases) else None, "low", "") == "of" and j + 2 < len(phrases)
    last = j + 2 if of else j
    after = getattr(phrases[last + 1] if last + 1 < len(phrases) else None, "low", "")
    listed = after == "," and _comma_list(phrases, last + 1)
    joined = after == "and" and isinstance(phrases[last + 2] if last + 2 < len(phrases) else None, NounPhrase)
    return last if joined or listed else None  # not "wearing a crown and blowing out candles"


def _past_contents(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int:
    """The last phrase of the noun at j with its 'of' contents ('a plate of fries and a file':
    'fries'), when those are no thing of their own and an 'and' or a listing comma follows; else j."""
    if j + 2 >= len(phrases) or getattr(phrases[j + 1], "low", "") != "of":
        return j
    what = phrases[j + 2]
    if not (_material(what) or isinstance(what, NounPhrase) and not is_placed(what, at, nouns)):
        return j
    after = getattr(phrases[j + 3] if j + 3 < len(phrases) else None, "low", "")
    listed = after == "," and _comma_list(phrases, j + 3)  # "a tin of pomade, a brush and a radio"
    return j + 2 if after == "and" or listed else j


def _material(p: Phrase) -> bool:
    """Whether phrase p is a bare material word left unphrased ('rolls of tweed'): the contents of
    the noun before it, never a thing of its own, so a list may go on past it."""
    return isinstance(p, Mark) and is_class(p.low, WordClass.MATERIAL)


def _past_own_place(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int:
    """The last phrase of the noun at j with a place of its own ('three ducks on platters, nine
    candles and a cheese': 'platters'), when a listing comma or an 'and' goes on with the list: the
    list's next item is joined to the noun at j, not to the thing it lies on; else j."""
    if j + 3 >= len(phrases) or not isinstance(phrases[j + 1], SpacePhrase):
        return j
    if phrases[j + 1].spatial.relation not in _OWN_PLACES or not is_placed(phrases[j + 2], at, nouns):  # type: ignore[union-attr]
        return j
    after = getattr(phrases[j + 3], "low", "")
    listed = after == "," and _comma_list(phrases, j + 3)
    return j + 2 if after == "and" or listed else j


def past_worn(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int:
    """The last phrase of the noun at j with what it wears, carries or has ('the bride in a red
    qipao and the groom', 'a boy with a kite and his sister'; with a body part, when someone
    follows: 'two monks with shaved heads and a novice', not 'a chapel with a dome and a bell'),
    when an 'and' follows it: the next noun is joined to the one at j, not to what it wears; else j."""
    if j + 3 >= len(phrases) or getattr(phrases[j + 3], "low", "") != "and":
        return j
    lead, what = phrases[j + 1], phrases[j + 2]
    if (
        not isinstance(lead, SpacePhrase)
        or lead.lead not in {"in", "with"}
        or not isinstance(what, NounPhrase)
    ):
        return j
    role = nouns[at[what.start]].role if what.start in at else None
    someone = (
        is_animate(phrases[j + 4]) if j + 4 < len(phrases) else False
    )  # "and a novice", not "and a bell"
    return j + 2 if role is Role.ATTACHED or role is Role.PART and someone else j


def _comma_list(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the comma at j goes on with a list of noun phrases that an 'and' closes ('a globe,
    a lamp and a chart'), not a new clause ('a globe, a lamp glows')."""
    end = list_end(phrases, j - 1)
    listed = phrases[j:end]
    closed = any(isinstance(p, Mark) and p.low == "and" for p in listed)
    nxt = phrases[end] if end < len(phrases) else None
    said_of_last = isinstance(nxt, Verb) and reduced_relative(phrases, end)
    return closed and isinstance(listed[-1], NounPhrase) and (not isinstance(nxt, Verb) or said_of_last)


def reduced_relative(phrases: tuple[Phrase, ...], verb: int) -> bool:
    """Whether the verb at `verb` is a participle that says more of the noun right before it, led
    into a preposition ('a lamp, a mug and a map lit by a candle', 'pinned down by a shell'): the
    list before it goes on, as no clause's own verb would let it."""
    after = phrases[verb + 1] if verb + 1 < len(phrases) else None
    low = getattr(after, "low", "")
    led = isinstance(after, SpacePhrase) or low == "by" or is_class(low, WordClass.PARTICLE)
    return participle(phrases, verb) and not phrases[verb].low.endswith("ing") and led  # type: ignore[union-attr]


def clause_head(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The thing a ', with ...' at j is said of: the first thing of the part before the comma that is
    no preposition's object ('a table on a rug, with books on top': the table, not the rug)."""
    head = None
    for i in range(j - 2, -1, -1):
        p = phrases[i]
        if isinstance(p, Mark) and (p.tag in {Tag.END, Tag.COMMA} or p.low in JOINERS):
            break
        if isinstance(p, NounPhrase) and p.start in at and not is_governed(phrases, i):
            head = holder_of(nouns, at[p.start])
    return head
