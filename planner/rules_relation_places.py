"""Absolute places and orders for planner.rules_relations: 'on the left', 'in the sky', 'from left to
right, A, B and C', rows, and places said before their thing (fronted: 'To the left of the house
stands a tree'; inverted: 'beside it lies a napkin'). Indices are into the nouns.
"""

from __future__ import annotations

from planner.reading import Place, RelationKind
from planner.rules_clauses import (
    RELATIVE,
    arriving,
    closing_comma,
    is_governed,
    lead_in,
    next_verb,
    opens_sentence,
    participle,
    past_asides,
    past_existential,
    relative,
    whose,
    with_listed,
)
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, creature_part
from planner.rules_relation_ends import (
    JOINERS,
    PLACED_ROLES,
    Link,
    Spatial,
    coordinated,
    holder_of,
    is_placed,
    next_things,
    object_end,
    past_worn,
    place_of,
    reduced_relative,
    relation_object,
    resolve,
    subject_list,
    subjects_of,
    whole_of,
)
from planner.rules_role_nouns import Noun, Role, is_person, low_text
from planner.rules_spatial import ABSOLUTE_FALLBACK
from planner.rules_tokens import Tag
from planner.rules_vocab import (
    Flag,
    WordClass,
    is_class,
    past_participle,
)

_CLOSE_BY = frozenset({"on", "inside", "below"})  # "under a table": the same place ("next to" is _beside's)


_DEPTH_HEIGHT = {"front": "bottom", "back": "top"}  # the foreground is low in the picture, the back high


_ROW = {2: ("left", "right"), 3: ("left", "center", "right")}


_CLAUSE_WORDS = frozenset("while whilst as where when which who".split())


PLACE_LEADS = frozenset(
    "in on at to towards toward into along near from".split()
)  # a place said with its preposition


def sentence_places(
    phrases: tuple[Phrase, ...], at: dict[int, int], nouns: tuple[Noun, ...], places: list[tuple[int, Place]]
) -> list[tuple[int, Place]]:
    """A left or right place that opens a sentence holds for every thing the sentence names after
    it that says no place of its own, up to the clause where another place takes over: 'On the
    right, a tiny cafe with two tables under an awning, where a man reads' puts all four there;
    'On the left, a boy flies a kite, and a dog sleeps at the bottom' puts the dog apart. The
    centre is a narrow band: it holds only for the subject of each ', and' or 'while' clause ('In
    the middle a crate sits next to three melons': the melons are beside it). What is up in the
    sky is not held ('and the sun sets behind the hills')."""
    placed = {i for i, _ in places}
    found: list[tuple[int, Place]] = []
    for k, p in enumerate(phrases):
        place = place_of(p) if isinstance(p, SpacePhrase) and not p.order else None
        if place is None or not opens_sentence(phrases, k) or not place.horizontal:
            continue
        for j in range(k + 1, _reach(phrases, k)):
            if not is_placed(phrases[j], at, nouns):
                continue
            if place.horizontal == "center" and not _opens_clause(phrases, j - 1):
                continue
            i = at[phrases[j].start]  # type: ignore[union-attr]
            known = nouns[i].entry
            if {i, resolve(nouns, i)} & placed or known is not None and known.has(Flag.SKY):
                continue
            placed.add(i)
            found.append((i, place))
    return found


def _reach(phrases: tuple[Phrase, ...], k: int) -> int:
    """Where the hold of an opening place at k ends: the sentence's end, or the start of the clause
    in which another place is said ('..., and a dog sleeps at the bottom')."""
    boundary = k + 1
    for j in range(k + 1, len(phrases)):
        p = phrases[j]
        if p.sentence != phrases[k].sentence:
            return j
        if _picture_spot(phrases, j):
            return boundary
        if isinstance(p, Mark) and (p.tag in {Tag.COMMA, Tag.CONJ} or p.low in _CLAUSE_WORDS or p.low == ";"):
            boundary = j
    return len(phrases)


def _opens_clause(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the word at j opens a clause of its own with a new subject after it: ', and' or
    'while' ('In the centre, a boy jumps into the leaves while his mother laughs': both there)."""
    low = getattr(phrases[j], "low", "")
    return low in {"while", "whilst"} or low == "and" and getattr(phrases[j - 1], "low", "") == ","


def _picture_spot(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether phrase j names a place in the picture: 'on the left', or a side of the frame ('at
    the top left of the frame')."""
    p, after = phrases[j], phrases[j + 1] if j + 1 < len(phrases) else None
    if not isinstance(p, SpacePhrase):
        return False
    s = p.spatial
    framed = isinstance(after, NounPhrase) and is_class(after.head, WordClass.FRAME_NOUN)
    return place_of(p) is not None or framed and bool(s.horizontal or s.vertical or s.depth)


def order(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'From left to right, A, B and C' (or 'A, B and C, from left to right'): an order and places;
    'from right to left' lines them up the other way. An order along another axis ('Top to bottom:
    at the top, ...') is only the order of telling: the sentences say their own places."""
    first = phrases[k].order  # type: ignore[union-attr]
    if first not in {"left", "right"}:
        return Spatial()
    row = row_of(phrases, k, at, nouns)[:: 1 if first == "left" else -1]
    links = tuple(Link(RelationKind.LEFT_OF, a, (b,)) for a, b in zip(row, row[1:], strict=False))
    sides = _ROW.get(len(row), ("left", *[None] * (len(row) - 2), "right") if len(row) > 3 else ())
    return Spatial(
        links, tuple((i, Place(horizontal=side)) for i, side in zip(row, sides, strict=False) if side)
    )


def row_of(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The things an order phrase at k ('from left to right') lines up."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    closing = nxt is None or isinstance(nxt, Mark) and nxt.tag is Tag.END and nxt.low != ":"
    if closing:
        return _clause(phrases, k, at, nouns) or _clause_things(phrases, k, at, nouns)
    if isinstance(nxt, Mark) and nxt.low == ":":
        return _row_after(phrases, k + 1, at, nouns)
    return _row_after(phrases, k, at, nouns, across=True)


def _row_after(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], across: bool = False
) -> list[int]:
    """The things a list after 'from left to right' names, through ';' to the full stop (or the
    next sentence, `across` a colon): each item's own things, not what they sit on, hold or wear
    ('a grandfather seated in a chair, a mother holding a baby and a boy with a cap and a scarf')."""
    found: list[int] = []
    items: set[int] = set()
    for j in range(k + 1, len(phrases)):
        p = phrases[j]
        if isinstance(p, Mark) and p.tag is Tag.END and p.low not in {":", ";"} and (found or not across):
            break
        if isinstance(p, NounPhrase) and p.start in at and not is_governed(phrases, j):
            if not _conjunct_object(phrases, j, items):
                items.add(j)
                if nouns[at[p.start]].role in PLACED_ROLES and resolve(nouns, at[p.start]) not in found:
                    found.append(resolve(nouns, at[p.start]))
    return found[:8]


def _conjunct_object(phrases: tuple[Phrase, ...], j: int, items: set[int]) -> bool:
    """Whether the noun phrase at j is joined by a bare 'and' to the object of 'with' or of a verb
    in a list: 'with pink hair and an apron', 'holding a cup and a saucer' name no new item, but
    'a girl on a bench and a postman' does."""
    if j < 3 or getattr(phrases[j - 1], "low", "") not in {"and", "&"}:
        return False
    if not isinstance(phrases[j - 2], NounPhrase) or j - 2 in items:
        return False
    lead = phrases[j - 3]
    return isinstance(lead, Verb) or isinstance(lead, SpacePhrase) and lead.lead == "with"


def _clause_things(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """Every thing named in the sentence before phrase k, in order."""
    found: list[int] = []
    for p in phrases[:k]:
        if isinstance(p, NounPhrase) and p.sentence == phrases[k].sentence and p.start in at:
            if nouns[at[p.start]].role in PLACED_ROLES and resolve(nouns, at[p.start]) not in found:
                found.append(resolve(nouns, at[p.start]))
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
                owner = holder_of(nouns, at[phrases[noun].start]) if phrases[noun].start in at else None
                return [owner, *found[::-1]] if owner is not None and owner not in found else found[::-1]
        if (
            isinstance(p, Mark) and p.tag in {Tag.END, Tag.COMMA, Tag.CONJ} or p.low in _CLAUSE_WORDS
            if isinstance(p, Mark)
            else False
        ):
            if _joined_subject(phrases, j, at, nouns, found) or _listed_object(phrases, j):
                continue  # "a roller and two sachets fill the top left": both
            if _listed_pair(phrases, j, k):
                continue  # ": a thermos and an apple at the top right": both
            break
        if isinstance(p, SpacePhrase) and p.spatial.relation is None:
            break
        if is_placed(p, at, nouns):
            holder = resolve(nouns, at[p.start])
            if holder not in found:
                found.append(holder)
    return found[::-1]


def _listed_pair(phrases: tuple[Phrase, ...], j: int, k: int) -> bool:
    """Whether the 'and' at j joins two bare things of a list item that the place at k follows with
    no verb ('on the desk: a pen on the left, a mug and a lamp at the top right'): the place is the
    pair's, as an item's place is its thing's."""
    if getattr(phrases[j], "low", "") != "and" or j < 1 or not isinstance(phrases[j - 1], NounPhrase):
        return False
    at = j - 3 if j >= 3 and getattr(phrases[j - 2], "low", "") == "and" else j - 2  # ", and a mug and ..."
    before = phrases[at] if at >= 0 else None
    opens = before is None or isinstance(before, Mark) and before.tag in {Tag.COMMA, Tag.END}
    return opens and not any(isinstance(p, Verb) for p in phrases[j + 1 : k])


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
    if not isinstance(verb, Verb) or after.start not in at or resolve(nouns, at[after.start]) != found[-1]:
        return False
    return isinstance(before, NounPhrase) and before.start in at and not is_governed(phrases, j - 1)


def absolute(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], place: Place
) -> Spatial:
    """The things an absolute place phrase at k ('on the left') is said of, each put at `place`."""
    if _labels(phrases, k):
        described = _described(phrases, k, at, nouns)
        things = described if described is not None else _labelled(phrases, k, at, nouns)
        return Spatial(places=tuple((i, place) for i in things))
    if _noun_tagged(phrases, k):
        return Spatial(places=tuple((i, place) for i in _segment_thing(phrases, k, at, nouns)))
    if _tagged(phrases, k):
        tagged = _participle_subject(phrases, k - 1, at, nouns) or _clause(phrases, k - 1, at, nouns)
        tagged = tagged or _last_placed(phrases, k, at, nouns)
        return Spatial(places=tuple((i, place) for i in tagged))
    leads = opens_sentence(phrases, k) or _leads_clause(phrases, k, at, nouns)
    subjects = [] if leads else _clause(phrases, k, at, nouns) or subjects_of(phrases, k, at, nouns)
    if not subjects:
        k = _past_relation_aside(phrases, k, at, nouns) if leads else k
        subjects = next_things(phrases, k, at, nouns, limit=1)
        subjects += _joined(phrases, k, at, nouns, subjects) if leads else []
        subjects += _shown(phrases, k, at, nouns, subjects) if leads else []
        subjects += _handled(phrases, k, at, nouns, subjects, _sideways(place)) if leads else []
    return Spatial(places=tuple((i, place) for i in _up_there(nouns, subjects, place)))


def _past_relation_aside(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int:
    """The comma that closes a relation set between commas right after an opening place ('At the
    bottom of the frame, in front of the rail, a man waits'): the place is the clause's subject's,
    named after it, not the relation's object's. `k` itself when no such aside follows."""
    j = k + 1 + (k + 1 < len(phrases) and _canvas(phrases[k + 1], at, nouns))
    opens = j + 1 < len(phrases) and getattr(phrases[j], "low", "") == ","
    space = phrases[j + 1] if opens else None
    if not isinstance(space, SpacePhrase) or space.spatial.relation is None:
        return k
    end = closing_comma(phrases, j + 2, len(phrases), frozenset({Tag.END, Tag.CONJ}))
    if end is None or any(isinstance(p, Verb) for p in phrases[j + 2 : end]):
        return k
    return end


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
            if is_placed(phrases[j], at, nouns)  # past 'of the frame' ('Near the top of the frame, ...')
        ),
        None,
    )
    if not subjects or first is None or resolve(nouns, at[phrases[first].start]) != subjects[0]:  # type: ignore[union-attr]
        return []
    first = past_worn(phrases, first, at, nouns)  # "the bride in a red qipao and the groom"
    if not (first + 1 < len(phrases) and getattr(phrases[first + 1], "low", "") == "and"):
        return []
    return [i for i in coordinated(phrases, first, at, nouns) if i not in subjects]


def _shown(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], subjects: list[int]
) -> list[int]:
    """The things listed after the verb right after an opening place: 'The foreground shows a barn,
    a cart and two bicycles' puts all three there."""
    if not (k + 1 < len(phrases) and isinstance(phrases[k + 1], Verb)):
        return []
    return [i for i in coordinated(phrases, k + 1, at, nouns) if i not in subjects]


def _labels(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the place at k is a label: 'Center: ...', 'left: ...', and in brackets after the
    name of a part of the picture ('Panel 2 (top right): ...')."""
    return _label_colon(phrases, k) is not None


def _label_colon(phrases: tuple[Phrase, ...], k: int) -> int | None:
    """The colon that makes the place at k a label, right after it or past its closing bracket
    ('Panel 1 (top left): a fox ...'); None when there is none."""
    lows = [getattr(p, "low", "") for p in phrases[k + 1 : k + 3]]
    if lows[:1] == [":"]:
        return k + 1
    return k + 2 if lows == [")", ":"] else None


def _tagged(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the place at k stands alone between commas, or a comma and the sentence end, as a
    tag on the clause before it ('a kid on a suitcase, bottom right.', 'a full moon, top, ...')."""
    before = phrases[k - 1] if k else None
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    closes = nxt is None or isinstance(nxt, Mark) and (nxt.tag is Tag.END or nxt.low == ",")
    return isinstance(before, Mark) and before.low == "," and closes and phrases[k].lead not in PLACE_LEADS  # type: ignore[union-attr]


def _noun_tagged(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the place at k is a corner said right after a noun with no comma before it
    ('fireworks in the sky top right,'): a tag on its own comma-separated segment."""
    before = phrases[k - 1] if k else None
    return isinstance(before, NounPhrase) and phrases[k].lead in {"top", "bottom"}  # type: ignore[union-attr]


def _segment_thing(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The first thing of the comma-separated segment before phrase k ('a kite in the sky top
    right': the kite); none when the segment names no thing ('fireworks in the sky top right')."""
    start = k - 1
    while start >= 0 and not (
        isinstance(phrases[start], Mark) and phrases[start].tag in {Tag.END, Tag.COMMA}
    ):  # type: ignore[union-attr]
        start -= 1
    found = [resolve(nouns, at[p.start]) for p in phrases[start + 1 : k] if is_placed(p, at, nouns)]
    return found[:1]


def _participle_subject(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The thing a clause of a bare participle before phrase k is said of: 'a knight, holding a
    shield, left side' puts the knight on the left, not the shield. Empty when the clause has a
    subject of its own."""
    start = k - 1
    while start >= 0 and not (
        isinstance(phrases[start], Mark) and phrases[start].tag in {Tag.END, Tag.COMMA}
    ):
        start -= 1
    if start < 0 or phrases[start].tag is Tag.END or not isinstance(phrases[start + 1], Verb):  # type: ignore[union-attr]
        return []
    if _modifies_next(phrases, start + 1, at, nouns):
        return []
    return _last_actor(phrases, start, at, nouns) or _last_placed(phrases, start, at, nouns)


def _last_actor(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The last person or animal before k in its sentence that a bare participle tag can be said of:
    one whose own comma segment has no verb of its own ('1boy, falconer, falcon perched on his arm,
    standing on a ledge, left side': the falconer stands there, not the perched falcon)."""
    acted = False  # whether a verb follows, in the segment being walked back through
    for j in range(k - 1, -1, -1):
        p = phrases[j]
        if isinstance(p, Mark) and p.tag is Tag.END:
            return []
        if isinstance(p, Mark) and p.tag is Tag.COMMA:
            acted = False
        acted = acted or isinstance(p, Verb)
        if is_placed(p, at, nouns) and not acted and nouns[at[p.start]].animate:
            return [resolve(nouns, at[p.start])]  # type: ignore[union-attr]
    return []


def _modifies_next(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether the participle at j describes the bare creature right after it instead of opening a
    clause of its own: 'sleeping greyhound' (a creature is not what a tag's participle acts on;
    'holding sword' is). A past participle before a noun ('potted fern') is already a modifier
    from the tokenizer."""
    nxt = phrases[j + 1] if j + 1 < len(phrases) else None
    if not is_placed(nxt, at, nouns) or nxt.determiner or nxt.numeral:  # type: ignore[union-attr]
        return False
    return nouns[at[nxt.start]].animate


def _last_placed(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The last thing with a region named before a tag place in its sentence, past the details
    after it: 'a robot, brass body, holding a tray, right side' puts the robot on the right."""
    for j in range(k - 1, -1, -1):
        p = phrases[j]
        if isinstance(p, Mark) and p.tag is Tag.END:
            return []
        if is_placed(p, at, nouns):
            return [resolve(nouns, at[p.start])]
    return []


def _described(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int] | None:
    """The thing right before a place that a colon follows, when there is one: the colon opens that
    thing's description, not a label ('boy on the left: short hair, ...' places the boy). None when
    the place stands alone as a label ('left: a boy ...')."""
    named = k - 1 - (k >= 2 and getattr(phrases[k - 1], "low", "") == "(")  # "a boy (left): ..."
    before = phrases[named] if named >= 0 else None
    if not isinstance(before, NounPhrase) or before.sentence != phrases[k].sentence or before.start not in at:
        return None
    if nouns[at[before.start]].role not in PLACED_ROLES or is_governed(phrases, named):
        return None
    return [resolve(nouns, at[before.start])]


def _labelled(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The things a place label puts there: each thing named after it, up to the next label or
    the sentence end ('center: a swordswoman, black kimono, left: a boy ...'; 'Foreground: a fox
    and a hare.'; 'Right: a cart pushed by a vendor': the vendor too). A thing placed before keeps
    its first place."""
    found: list[int] = []
    for j in range((_label_colon(phrases, k) or k + 1) + 1, len(phrases)):
        p = phrases[j]
        if isinstance(p, Mark) and p.tag is Tag.END or isinstance(p, SpacePhrase) and _labels(phrases, j):
            break
        if is_placed(p, at, nouns):
            holder = resolve(nouns, at[p.start])
            if holder not in found:
                found.append(holder)
    return found[:6]


def _sideways(place: Place) -> bool:
    """Whether a place only says left or right: what stands behind or in front of a thing there is
    on the same side ('On the right, a cook stands behind a table': the table is on the right too),
    though not in the same foreground or at the same height."""
    return place.horizontal is not None and place.vertical is None and place.depth is None


def _handled(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    subjects: list[int],
    sideways: bool = False,
) -> list[int]:
    """What the subject of an opening place directly acts on is there too: 'In the foreground, two
    girls share a desk' puts the desk in the foreground; a left or right place (`sideways`) holds
    past 'behind' and 'in front of' as well."""
    verb = next_verb(phrases, k)
    said = _acted_on(phrases, verb, sideways) if verb is not None else None
    if not subjects or not isinstance(said, NounPhrase) or said.start not in at:
        return []
    first = nouns[subjects[0]].phrase.start
    between = [j for j in range(k + 1, verb) if phrases[j].start > first]  # type: ignore[arg-type]
    joined = any(_joins(phrases, j) for j in between)
    if first > phrases[verb].start or joined or nouns[at[said.start]].role not in PLACED_ROLES:  # type: ignore[index]
        return []  # "..., and just below it lies a napkin": another clause's verb
    found = resolve(nouns, at[said.start])
    return [found] if found not in subjects else []


def _joins(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the mark at j may open another clause: not an 'and' listing a preposition's objects
    ('a chef with a shaved head and tattoos haggles')."""
    p = phrases[j]
    return isinstance(p, Mark) and (p.low in JOINERS or p.tag is Tag.END) and not _listed_object(phrases, j)


def _acted_on(phrases: tuple[Phrase, ...], verb: int, sideways: bool = False) -> Phrase | None:
    """The phrase a verb acts on or is at: right after it, or past a particle and the prepositions
    of a place close by ('two men wait on a bench', 'mice peek out from under a toadstool'); not
    past 'in front of' or 'behind', which put the two at different depths (unless `sideways`), nor
    past 'above'."""
    j = verb + 1
    while j < len(phrases) and isinstance(phrases[j], Mark) and is_class(phrases[j].low, WordClass.PARTICLE):  # type: ignore[union-attr]
        j += 1
    start = j
    while j < len(phrases) and (_close_by(phrases[j]) or (sideways and _at_depth(phrases[j]))):
        j += 1
    if j == start and j > verb + 1:
        return None  # "a boy runs off": no thing
    return phrases[j] if j < len(phrases) else None


def _close_by(p: Phrase) -> bool:
    """Whether a preposition puts its subject at the same place as its object: 'under a table', 'on
    a bench', 'bends over a crate' (but not 'above a crate')."""
    return isinstance(p, SpacePhrase) and (p.spatial.relation in _CLOSE_BY or p.lead == "over")


def _at_depth(p: Phrase) -> bool:
    """Whether a preposition puts its subject behind or in front of its object."""
    return isinstance(p, SpacePhrase) and p.spatial.relation in {"behind", "front"}


def _leads_clause(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """'..., on the left a scooter is parked', '... and in the middle a man': a place after a
    comma or 'and' and right before a thing is that thing's."""
    before = lead_in(phrases, k)
    j = past_asides(phrases, k + 1)
    if j < len(phrases) and _canvas(phrases[j], at, nouns):
        j = past_asides(phrases, j + 1)  # "..., and at the bottom left of the frame a cat naps"
    j = past_existential(phrases, j)  # "... and on the left there's a motorboat"
    nxt = phrases[j] if j < len(phrases) else None  # "..., a fox on the right,": nothing after it
    joined = isinstance(before, Mark) and before.low in JOINERS
    return (
        joined
        and isinstance(nxt, NounPhrase)
        and nxt.start in at
        and nouns[at[nxt.start]].role in PLACED_ROLES
    )


def _canvas(p: Phrase, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether phrase p names the picture itself ('of the frame', 'of the picture')."""
    return isinstance(p, NounPhrase) and p.start in at and nouns[at[p.start]].role is Role.FRAME


def _main_verb(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The verb of the clause an opening relation at k leads, past a participle with its own
    phrase that says more of the relation's object ('Behind a desk cluttered with maps sits ...')."""
    end = object_end(phrases, k, at, nouns)
    verb = next_verb(phrases, _past_relative_aside(phrases, end))
    if verb is None or verb != end + 1 or not participle(phrases, verb):
        return verb
    described = reduced_relative(phrases, verb)  # "cluttered with maps", "lit by a lamp"
    later = next_verb(phrases, verb) if described else None
    if described and later is None:
        return None  # "On a stage lit by a lamp, from left to right: a singer, ...": a list, no verb
    return later if later is not None else verb


def _past_relative_aside(phrases: tuple[Phrase, ...], end: int) -> int:
    """Past a relative clause set between commas after the object at `end` ('On the windowsill,
    which faces the sea, sits a bottle'): the clause's verb is not the sentence's; else `end`."""
    if not relative(phrases, end) or getattr(phrases[end + 1], "low", "") != ",":
        return end
    comma = closing_comma(phrases, end + 3, len(phrases), frozenset({Tag.END}))
    return end if comma is None else comma


def inverted(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """Subjects of a relation that opens its sentence: the thing after the verb ('On the mantelpiece
    above the fire stand three candles'), else the next thing, else (after 'On a table:') every
    thing of the next sentence."""
    verb = _main_verb(phrases, k, at, nouns)
    if verb is not None:
        before_verb = _fronted(phrases, k, verb, at, nouns)
        if before_verb is not None:
            return before_verb
        after_verb = coordinated(phrases, verb, at, nouns)
        if after_verb:
            return after_verb
        said = phrases[verb + 1] if verb + 1 < len(phrases) else None
        renamed = _named_then_said(phrases, verb + 1, at, nouns)
        if renamed is not None:
            return [renamed]  # "At the bench stands Dr Vale, a gaunt chemist": the chemist
        if isinstance(said, NounPhrase) and (
            said.start not in at or holder_of(nouns, at[said.start]) is None
        ):
            return []  # "Behind the counter stands a jukebox" (no thing known): not the next thing
    listed = colon_list(phrases, k, at, nouns)
    if listed:
        return listed
    found = next_things(phrases, k + 2 if whose(phrases, k) else k + 1, at, nouns, limit=1)
    joined = coordinated(phrases, nouns[found[0]].index - 1, at, nouns) if found else []
    found = joined if joined[:1] == found else found  # "On the table there is a plate and a jar"
    target = relation_object(phrases, k, at, nouns)
    surface = target is not None and nouns[target].entry is not None and nouns[target].entry.has(Flag.SUPPORT)  # type: ignore[union-attr]
    if found or not surface or phrases[k].spatial.relation != "on":  # type: ignore[union-attr]
        return found
    end = next(
        (j for j in range(k, len(phrases)) if isinstance(phrases[j], Mark) and phrases[j].tag is Tag.END),
        None,
    )  # type: ignore[union-attr]
    return next_things(phrases, end, at, nouns, limit=8) if end is not None else []


def colon_list(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The things listed after a colon that closes an opening relation with no verb ('On a stool by
    the bed: a lamp, a mug and a clock'): each is placed so, not the object of a later relation."""
    colon = next((j for j in range(k, len(phrases)) if getattr(phrases[j], "tag", None) is Tag.END), None)
    said = [
        j for j in range(k, colon or 0) if isinstance(phrases[j], Verb) and not reduced_relative(phrases, j)
    ]
    if colon is None or low_text(phrases[colon]) != ":" or said:
        return []  # "On a stage lit by a lamp: a singer ...": a participle saying more of the place does not count
    found: list[int] = []
    for j in range(colon + 1, len(phrases)):
        p = phrases[j]
        if isinstance(p, Mark) and p.tag is Tag.END:
            break
        # not the pot of 'a succulent in a pot' nor a with-item: those are the listed thing's own
        if is_placed(p, at, nouns) and not is_governed(phrases, j) and not with_listed(phrases, j):
            found.append(resolve(nouns, at[p.start]))
    return list(dict.fromkeys(found))


def _named_then_said(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The person an appositive names right after a name at j ('Professor Odo Finch, a wiry
    inventor'): the name is no thing of its own, the appositive is who is drawn."""
    if j + 2 >= len(phrases):
        return None
    name, comma, said = phrases[j], phrases[j + 1], phrases[j + 2]
    if not isinstance(name, NounPhrase) or name.determiner or _is_thing(name, at, nouns):
        return None
    if not all(word[:1].isupper() for word in name.words) or low_text(comma) != ",":
        return None
    if not isinstance(said, NounPhrase) or said.start not in at or said.determiner not in {"a", "an"}:
        return None
    found = nouns[at[said.start]]
    return at[said.start] if found.role is Role.THING and is_person(found) else None


def _is_thing(p: NounPhrase, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    return p.start in at and nouns[at[p.start]].role is Role.THING


def with_resting(
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
    support = relation_object(phrases, j, at, nouns)
    if support is None or support in subjects:
        return subjects
    return [support] if kind in {RelationKind.ON, RelationKind.IN} else [*subjects, support]


def _fronted(
    phrases: tuple[Phrase, ...], k: int, verb: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int] | None:
    """'In front of the sofa, a low table holds ...', 'At his feet two kittens sleep': after an
    opening relation, the things before the verb are its subjects (not another preposition's
    object: 'On the mantelpiece above the fire stand three candles', nor one more thing it is 'with':
    'Behind a bench piled with nets and rope sits a fisherman')."""
    end = _between_end(phrases, k, object_end(phrases, k, at, nouns), at, nouns)
    start = k + 3 if whose(phrases, k) else _past_relative_aside(phrases, end) + 1
    for j in range(start, verb):
        if isinstance(phrases[j], NounPhrase) and not is_governed(phrases, j) and not with_listed(phrases, j):
            whole = whole_of(phrases, j, at, nouns)  # "the ruins of a temple"
            listed = subject_list(phrases, whole, at, nouns)  # "On it, a lamp, a tray and a cat sit"
            return listed or coordinated(phrases, whole - 1, at, nouns)  # none when it is no thing
    return None


def _between_end(
    phrases: tuple[Phrase, ...], k: int, end: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int:
    """The last phrase of both objects of an opening 'between': 'Between the oven and the sink sits a
    cat' has the sink as its second object, not a subject before the verb; so has 'Between the
    nurse and the van's back door' the door (a whole's part or an owner's thing, as object_end)."""
    space = phrases[k]
    joined = end + 2 < len(phrases) and getattr(phrases[end + 1], "low", "") == "and"
    if not isinstance(space, SpacePhrase) or space.spatial.relation != "between" or not joined:
        return end
    return object_end(phrases, end + 1, at, nouns) if isinstance(phrases[end + 2], NounPhrase) else end


def no_object(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """A relation word with no thing after it: 'of the picture', 'in the sky', 'circle above.'"""
    space = phrases[k]
    assert isinstance(space, SpacePhrase)
    s = space.spatial
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    near = bool(s.depth) and _canvas(nxt, at, nouns)  # "at the front of the frame": its foreground
    if (s.horizontal or s.vertical or near) and isinstance(nxt, NounPhrase):
        # "of the picture", "of the square"
        height = s.vertical or (_DEPTH_HEIGHT.get(s.depth or "") if near else None)
        return absolute(phrases, k, at, nouns, Place(s.horizontal, height, s.depth))
    fallback = ABSOLUTE_FALLBACK.get(s.relation or "")
    if _posed_part(phrases, k):
        return Spatial()  # "throws both arms in the air", "with its nose in the air": a pose
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
        return absolute(phrases, k, at, nouns, Place(None, fallback[1], fallback[2]))
    return Spatial()


def _posed_part(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the place word at k follows a body part ('arms in the air', 'its nose in the air',
    'head in the clouds'): it says how the part is held, not where its owner is in the picture."""
    before = phrases[k - 1] if k else None
    return (
        isinstance(before, NounPhrase)
        and is_class(before.head, WordClass.PART)
        and creature_part(before.head)
    )


def _scenery(p: NounPhrase, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether a noun phrase is a thing or a scene ('hovers above the alley'), not the picture's
    frame ('overhead food photography')."""
    return p.start in at and nouns[at[p.start]].role in {Role.THING, Role.REPEAT, Role.SCENE}


def coming_from(
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
        subject = next_things(phrases, k, at, nouns, limit=1) if comma else []
    else:
        subject = _clause(phrases, verb, at, nouns) or _finite_subject(phrases, verb, at, nouns)
    return [(subject[0], Place(horizontal=spatial.horizontal, vertical=spatial.vertical))] if subject else []


def _finite_subject(
    phrases: tuple[Phrase, ...], verb: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The subject of a finite verb its clause does not reach back to, past an appositive between
    commas ('her rival, a tall striker, kicks the ball from the left': the rival); none for a
    participle or a past form, which may be one ('a vase on a table, lit from the left': the
    light's side, no thing's)."""
    low = phrases[verb].low  # type: ignore[union-attr]
    bare = low.endswith(("ing", "ed")) or past_participle(low)
    return [] if bare else subjects_of(phrases, verb, at, nouns)
