"""Relations that verbs state, for planner.rules_relations: holding, carrying and containing ('a man
carrying a box', 'a cart piled with loaves', 'a potted plant'), circling, resting on a support,
hanging on a wall and being together. Indices are into the nouns.
"""

from __future__ import annotations

from planner.reading import RelationKind, Size
from planner.rules_clauses import (
    fill_adverb,
    is_governed,
    opens_clause_after_list,
    opens_sentence,
    participle,
)
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, list_end, relates
from planner.rules_relation_ends import (
    PLACED_ROLES,
    Link,
    Spatial,
    clause_head,
    coordinated,
    each_owner,
    holder_of,
    is_placed,
    next_things,
    place_of,
    resolve,
    subjects_of,
    unplaced_item,
    verb_subject,
    walk_back,
    whole_of,
)
from planner.rules_role_nouns import Noun, Role
from planner.rules_tokens import Tag
from planner.rules_vocab import (
    Entry,
    Flag,
    ThingKind,
    WordClass,
    is_class,
    is_verb_of,
    may_name_someone,
    value_of,
)

_GROUNDS = frozenset({ThingKind.BUILDING, ThingKind.NATURE, ThingKind.SCENE, ThingKind.VEHICLE})  # stood on


def laden_with(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'a barrow full of pumpkins', 'a cart piled with melons and a crate': the things after the
    'with' that have their own region are in the thing before (on it, when it is a support); so are
    the small loose things a support is 'with' ('a wooden board with toast and jam')."""
    space = phrases[k]
    lead = k - fill_adverb(phrases, k)  # "piled high with", "stacked neatly with": the verb before the adverb
    verb = phrases[lead - 1] if lead else None
    fill = space.lead if isinstance(space, SpacePhrase) and space.lead != "with" else getattr(verb, "low", "")
    filling = isinstance(verb, Mark) and is_class(
        verb.low, WordClass.FILL_WORD
    )  # "crowded" read as an adjective
    start = lead - 1 if isinstance(verb, Verb) or filling else lead
    lead_fill = isinstance(space, SpacePhrase) and is_class(
        space.lead, WordClass.FILL_WORD
    )  # "is lined with"
    start -= (filling or lead_fill or isinstance(verb, Verb)) and _after_be(
        phrases, start
    )  # "the counter is crowded with plates", "the trailer, which is loaded with pumpkins"
    placed = start >= 1 and isinstance(phrases[start - 1], SpacePhrase)
    start -= placed and place_of(phrases[start - 1]) is not None  # type: ignore[arg-type]  # "a board at the left with"
    host_phrase = _fill_host(phrases, start, at, nouns) if is_class(fill, WordClass.FILL_WORD) else None
    host_phrase = host_phrase if host_phrase is not None else _each_host(phrases, k, at, nouns)
    host_phrase = host_phrase if host_phrase is not None else start - 1
    host = (
        holder_of(nouns, at[phrases[host_phrase].start])
        if start and phrases[host_phrase].start in at
        else None
    )
    if host is None or not isinstance(phrases[host_phrase], NounPhrase):
        return _aboard(phrases, k, at, nouns)
    known = nouns[host].entry
    on = known is not None and known.has(Flag.SUPPORT) and not known.has(Flag.CONTAINER)
    on = on or _surface_part(nouns, at[phrases[host_phrase].start], known)
    piled = (
        value_of(fill, WordClass.FILL_WORD) == "on" and known is not None and not known.has(Flag.CONTAINER)
    )
    kind = RelationKind.ON if on or piled else RelationKind.IN  # "a tricycle piled with melons": on top
    held = [i for i in coordinated(phrases, k, at, nouns) if i != host]
    if is_class(fill, WordClass.FILL_WORD):
        held = [i for i in _filled(phrases, k, at, nouns) if i != host]
        return Spatial(tuple(Link(kind, i, (host,)) for i in held))
    served = on and not known.animate and all(_loose(nouns[i].entry, known.size) for i in held)
    stored = kind is RelationKind.IN and known is not None and known.has(Flag.CONTAINER)
    stored = stored and all(_contents(nouns[i].entry, known.size) for i in held)  # type: ignore[union-attr]
    stored = stored and not _placed_after(phrases, k + 2)
    return (
        Spatial(tuple(Link(kind, i, (host,)) for i in held))
        if served or stored
        else _aboard(phrases, k, at, nouns)
    )


def filled_by(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the 'by' at k names what fills or tops the thing before a fill word ('a dresser
    topped by a lamp', 'a wall covered by ivy'), not a thing beside ('a boy by the door')."""
    space, verb = phrases[k], phrases[k - 1] if k else None
    return (
        isinstance(space, Mark)
        and space.low == "by"
        and isinstance(verb, Verb | Mark)
        and is_class(verb.low, WordClass.FILL_WORD)
    )


_BORNE = {"inside": RelationKind.IN, "on": RelationKind.ON}  # the relation_verb values a rider takes


def borne_by(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'a canoe paddled by two boys', 'a horse ridden by a knight': the passive of a verb that
    relates its doer to what it moves or rides (a relation_verb of words.tsv) puts the things
    after 'by' in or on the thing before the verb, as 'two boys paddling a canoe' would."""
    space, verb = phrases[k], phrases[k - 1] if k else None
    host = phrases[k - 2] if k >= 2 else None
    if not (isinstance(space, Mark) and space.low == "by" and isinstance(verb, Verb)):
        return []
    kind = _BORNE.get(value_of(verb.low, WordClass.RELATION_VERB) or "")
    if kind is None or not isinstance(host, NounPhrase) or host.start not in at:
        return []
    moved = holder_of(nouns, at[host.start])
    if moved is None:
        return []
    return [Link(kind, i, (moved,)) for i in coordinated(phrases, k, at, nouns) if i != moved]


def _fill_host(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The phrase of the host of a fill word at j that follows a comma ('a cabinet stands by the
    door, topped with a clock': the cabinet, the clause's subject, not the door); None otherwise."""
    comma = j >= 2 and isinstance(phrases[j - 1], Mark) and phrases[j - 1].low == ","
    head = clause_head(phrases, j, at, nouns) if comma else None
    return nouns[head].index if head is not None else None


def _each_host(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
    """The phrase of the group that 'each with' at k speaks of ('tables run down the hall, each with
    a lamp': the tables); None when 'each' does not come right before the 'with'."""
    owner = each_owner(phrases, k, at, nouns)
    return nouns[owner].index if owner is not None else None


def _after_be(phrases: tuple[Phrase, ...], j: int) -> int:
    """How many phrases stand between the fill word at j and the noun phrase that is its host, when
    a form of 'be' comes first ('the counter is crowded with plates': 1; 'the trailer, which is
    loaded with pumpkins': 3, over the relative pronoun and its comma); 0 when there is none."""
    if j < 2 or not isinstance(phrases[j - 1], Mark) or not is_class(phrases[j - 1].low, WordClass.BE):
        return 0
    i = j - 2
    if isinstance(phrases[i], Mark) and phrases[i].low in {"which", "that"}:
        i -= 1 + (i >= 1 and getattr(phrases[i - 1], "low", "") == ",")
    return j - 1 - i if i >= 0 and isinstance(phrases[i], NounPhrase) else 0


def _placed_apart(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the phrase at j places the thing before it apart from the one before 'with' ('with a
    dog beside it', 'with a boy walking behind the van'), not only in the scene ('on a dirt road')."""
    after = phrases[j] if j < len(phrases) else None
    nxt = phrases[j + 1] if j + 1 < len(phrases) else None
    if isinstance(after, Verb):
        return _placed_apart(phrases, j + 1)
    if not isinstance(after, SpacePhrase):
        return False
    if after.lead == "at" and isinstance(nxt, NounPhrase) and _a_station(nxt):
        return False  # "a rowboat with an old man at the oars": at a post aboard it, so in it
    return after.spatial.relation not in {None, "on", "in", "inside", "with"} or getattr(nxt, "low", "") in {
        "it",
        "them",
    }


def _a_station(p: NounPhrase) -> bool:
    """Whether a noun phrase names a post aboard a vehicle ('the helm', 'the oars'; words.tsv)."""
    return any(is_class(w, WordClass.STATION) for w in (p.head, p.collective, p.lows[-1]) if w)


def _aboard(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'a cart with two children', 'a rescue boat approaching from the left with three firefighters':
    the people or animals a vehicle is 'with' ride in it (on it, when it is an open support), unless
    their own place follows ('a van with a dog beside it')."""
    j = k - 1
    while j > 0 and k - j <= 2 and (isinstance(phrases[j], Verb) or isinstance(phrases[j], SpacePhrase)):
        j -= 1  # over 'approaching' and 'from the left'
    p = phrases[j] if j >= 0 else None
    host = holder_of(nouns, at[p.start]) if isinstance(p, NounPhrase) and p.start in at else None
    known = nouns[host].entry if host is not None else None
    if known is None or known.kind is not ThingKind.VEHICLE or _placed_apart(phrases, k + 2):
        return Spatial()
    riders = [i for i in coordinated(phrases, k, at, nouns) if i != host]
    if not riders or any(not nouns[i].animate for i in riders):
        return Spatial()
    kind = RelationKind.ON if known.has(Flag.SUPPORT) and not known.has(Flag.CONTAINER) else RelationKind.IN
    return Spatial(tuple(Link(kind, i, (host,)) for i in riders))  # type: ignore[arg-type]


def _surface_part(nouns: tuple[Noun, ...], i: int, owner: Entry | None) -> bool:
    """Whether noun i is the top part of a lifeless thing ('its roof', 'the deck'): what crowds it is on it."""
    part = nouns[i].role is Role.PART and is_class(nouns[i].head, WordClass.TOP_PART)
    return part and owner is not None and not owner.animate


def _filled(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The things of the whole list after 'piled with' / 'cluttered with' ('apples, a pumpkin and a
    melon'), not the 'of' of an item ('a jar of honey') nor a new clause's subject after a comma
    ('a cart piled with melons, a dog sleeps beside it') nor an aside about someone's own thing
    ('a pillar covered in posters, his hat on the ground')."""
    found: list[int] = []
    end = list_end(phrases, k)
    for j in range(k + 1, end):
        p = phrases[j]
        if not isinstance(p, NounPhrase) or p.start not in at or getattr(phrases[j - 1], "low", "") == "of":
            continue
        if opens_clause_after_list(phrases, j):
            break
        if nouns[at[p.start]].role in PLACED_ROLES:
            found.append(resolve(nouns, at[p.start]))
    return found


def _loose(known: Entry | None, below: Size) -> bool:
    """Whether a thing is a small loose object or food that a support 'with' it carries ('a board
    with toast', 'a desk with a lamp'), not a chair or a person beside it."""
    return known is not None and known.kind in {ThingKind.FOOD, ThingKind.OBJECT} and known.size <= below


def _placed_after(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether a relation (after a participle or not) follows the thing a 'with' names, placing it
    on its own ('a barrel with a gull perched on its lid', 'a pot with a cat beside it')."""
    after = phrases[j] if j < len(phrases) else None
    if isinstance(after, Verb):
        return participle(phrases, j) and _placed_after(phrases, j + 1)  # not the clause's own verb
    return relates(after)


def _contents(known: Entry | None, holder: Size) -> bool:
    """Whether a thing is what a container 'with' it holds ('an aquarium with a goldfish', 'a bowl
    with a mango', 'a crate with a puppy'): an animal or food no larger than the container, or a
    smaller object; not a person, nor a peer beside it ('a teapot with two cups'), nor flowers,
    which rise out of their vase."""
    if known is None or known.kind not in {
        ThingKind.FOOD,
        ThingKind.ANIMAL,
        ThingKind.OBJECT,
    }:
        return False
    return known.size < holder or known.size <= holder and known.kind is not ThingKind.OBJECT


_INTO = frozenset({"in", "into", "inside"})  # the prepositions that put a held thing into a container


def held_into(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], target: int | None
) -> bool:
    """Whether 'in' at k puts a held thing into a container ('a girl holding an orchid in a pot'):
    then the container is held too, beside its holder, and the holder is not in it."""
    before = phrases[k - 1] if k >= 1 else None
    if target is None or not isinstance(before, NounPhrase) or before.start not in at:
        return False
    if getattr(phrases[k], "lead", "") not in _INTO:
        return False  # "a man in a coat rows a dinghy": a verb's relation, the rower is in the boat
    held = nouns[at[before.start]]
    known = nouns[target].entry
    return (
        held.role is Role.ATTACHED
        and known is not None
        and known.has(Flag.CONTAINER)
        and known.size < Size.LARGE
    )


def doers_on(
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
        doers = walk_back(phrases, j - 1, at, nouns, past_objects=True)
    else:
        doers = verb_subject(phrases, j - 1, at, nouns)
    return [
        d
        for d in doers
        if (known := nouns[d].entry) is not None and known.animate and support.size > known.size
    ]


def action(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'an old man weighing tomatoes': the object of an action is drawn next to whoever does it (or
    above them, when it is a thing up in the air: a kite, a balloon)."""
    nxt = _acted_whole(phrases, k + 1, at, nouns) if k + 1 < len(phrases) else None
    thing = isinstance(nxt, NounPhrase) and nxt.start in at and nouns[at[nxt.start]].role is Role.THING
    listed = isinstance(nxt, NounPhrase) and unplaced_item(phrases, k + 1, at, nouns) is not None
    if not thing and not listed:
        return []  # "a table holds bolts of silk, a pincushion and a lamp": the list goes on
    after_comma = (
        k >= 1
        and getattr(phrases[k], "low", "").endswith("ing")
        and getattr(phrases[k - 1], "low", "") == ","
    )
    actor = subjects_of(phrases, k + after_comma, at, nouns)  # "a table sits by the sofa, holding a vase"
    if not after_comma and not participle(phrases, k) and _holding(phrases[k]):
        actor = verb_subject(phrases, k, at, nouns)  # "a shelf above the tub holds bottles": the shelf
    known = nouns[actor[0]].entry if actor else None
    if not actor or thing and actor[0] == at[nxt.start]:  # type: ignore[union-attr]
        return []
    if known is None or not known.animate:
        return _borne(phrases, k, at, nouns, actor[0])
    if not thing:
        return []
    flown = nouns[at[nxt.start]].entry
    kind = RelationKind.ABOVE if flown is not None and flown.has(Flag.SKY) else RelationKind.NEXT_TO
    held = _potted(phrases, at[nxt.start], at, nouns)  # "a girl holding a fern in a pot": the pot
    return [Link(kind, held, (actor[0],))] if held != actor[0] else []  # "two boys fly a kite": above them


def _acted_whole(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Phrase:
    """The phrase for what a verb acts on when its object at j is a part of a bigger thing ('browse
    the crown of an acacia', 'pats the head of a dog': the acacia, the dog); the object itself when
    it is the bigger one ('carries the tray of drinks': the tray) or no whole is named."""
    whole = phrases[whole_of(phrases, j, at, nouns)]
    part = phrases[j]
    if whole is part or not isinstance(part, NounPhrase) or part.start not in at or whole.start not in at:
        return part
    if nouns[at[part.start]].role is not Role.THING:
        return whole
    small, big = nouns[at[part.start]].entry, nouns[at[whole.start]].entry
    return whole if small is not None and big is not None and big.size > small.size else part


def _holding(verb: Phrase) -> bool:
    """Whether a verb says that its subject holds or contains things ('holds', 'contains')."""
    low = getattr(verb, "low", "")
    return is_class(low, WordClass.CONTAIN_VERB) or is_class(low, WordClass.ATTACH_VERB)


def _verb_object(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], verbs: WordClass
) -> int | None:
    """The placed thing right after the verb at k when that verb is of the class `verbs` ('circle
    the top of the tower': the tower), or None."""
    verb, nxt = phrases[k], phrases[k + 1] if k + 1 < len(phrases) else None
    if not isinstance(nxt, NounPhrase) or not is_verb_of(getattr(verb, "low", ""), verbs):
        return None
    whole = phrases[whole_of(phrases, k + 1, at, nouns)]
    if whole.start not in at or nouns[at[whole.start]].role not in PLACED_ROLES:
        return None
    return resolve(nouns, at[whole.start])


def circling(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'ravens circle the top of the tower', 'two gulls wheel the mast of a ship': an animal or a
    flying thing circling a thing (a circle_verb of words.tsv) is above it; people circling a
    maypole are not."""
    target = _verb_object(phrases, k, at, nouns, WordClass.CIRCLE_VERB)
    if target is None:
        return []
    actors = [a for a in subjects_of(phrases, k, at, nouns) if a != target]
    kinds = [nouns[a].entry.kind if nouns[a].entry else None for a in actors]
    if not actors or any(kind in {None, ThingKind.PERSON} for kind in kinds):
        return []
    return [Link(RelationKind.ABOVE, a, (target,)) for a in actors]


def crowding(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'tourists crowd the footbridge', 'commuters fill the bus': the many that crowd a thing (a
    crowd_verb of words.tsv) are on it when it is a support or a path one walks on, in it when it is a container
    or a vehicle; beside anything else ('crowd the railing'), as any action says."""
    target = _verb_object(phrases, k, at, nouns, WordClass.CROWD_VERB)
    if target is None:
        return []
    known = nouns[target].entry
    if known is None or known.animate:
        return []
    if known.has(Flag.SUPPORT) or known.has(Flag.PATH) and known.size >= Size.LARGE:  # a bridge, not a rail
        kind = RelationKind.ON
    elif known.has(Flag.CONTAINER) or known.kind is ThingKind.VEHICLE:
        kind = RelationKind.IN
    else:
        return []
    return [Link(kind, a, (target,)) for a in subjects_of(phrases, k, at, nouns) if a != target]


def _borne(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], host: int
) -> list[Link]:
    """'a low table holds a stack of books and a mug': what a support or container holds rests on
    or in it; what it contains is in it; what a vehicle carries is aboard it; what a fixed thing
    bears or displays ('a pillar bears a clock') is on it."""
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
    shown = value_of(verb.low, WordClass.CONTAIN_VERB) == "on" and not known.has(Flag.CONTAINER)
    inside = contains and not shown  # "a cabinet containing a sword"; "shelves display jars": on them
    kind = RelationKind.IN if inside and kind is not None else kind
    if kind is None and known.kind is ThingKind.FURNITURE and not known.has(Flag.WALL):
        kind = RelationKind.IN if contains else RelationKind.ON  # "a hat rack holds two caps"
    if kind is None and known.has(Flag.WALL) and known.kind is not ThingKind.FURNITURE and not inside:
        kind = RelationKind.ON  # "a pegboard holds saws", "a corkboard displays photos": hung on it
    if kind is None and shown and not known.animate and known.kind is not ThingKind.VEHICLE:
        kind = RelationKind.ON  # "a pillar bears a clock", "a tower displays a banner": fixed on it
    held = [_potted(phrases, i, at, nouns) for i in coordinated(phrases, k, at, nouns) if i != host]
    if kind is None and known.kind is ThingKind.VEHICLE:
        return [Link(_aboard_kind(nouns[i]), i, (host,)) for i in held if i != host]
    return [Link(kind, i, (host,)) for i in held if i != host] if kind is not None else []


def _aboard_kind(noun: Noun) -> RelationKind:
    """How a vehicle bears what it carries: people and animals ride in it ('a rowboat carrying two
    girls'), a load rests on it ('a canoe carries a brazier', 'a truck carries logs')."""
    known = noun.entry
    return RelationKind.IN if known is None or known.animate else RelationKind.ON


def _potted(phrases: tuple[Phrase, ...], i: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int:
    """What a holder bears of a thing it holds: the thing, or the container it sits in ('a shelf
    holds a fern in a clay pot': the pot rests on the shelf)."""
    j = nouns[i].index
    lead = phrases[j + 1] if j + 1 < len(phrases) else None
    pot = phrases[j + 2] if j + 2 < len(phrases) else None
    if not isinstance(lead, SpacePhrase) or lead.lead != "in" or not isinstance(pot, NounPhrase):
        return i
    outer = holder_of(nouns, at[pot.start]) if pot.start in at else None
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
    held = [i for i in coordinated(phrases, k, at, nouns) if i != host and nouns[i].entry is not None]
    return [Link(RelationKind.IN, i, (host,)) for i in held if not nouns[i].entry.animate]


def together(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'a boy and a girl sit side by side', 'a fox and a hare sleep back to back': each thing of the
    subject is next to the one named before it (a group of one kind is laid out together anyway)."""
    said = subjects_of(phrases, k, at, nouns)
    return [Link(RelationKind.NEXT_TO, b, (a,)) for a, b in zip(said, said[1:], strict=False)]


def where(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'a hammock strung between them where a man naps': the thing after 'where' is in the last
    thing named before it."""
    before = [
        resolve(nouns, at[p.start])
        for p in phrases[:k]
        if isinstance(p, NounPhrase)
        and p.sentence == phrases[k].sentence
        and p.start in at
        and nouns[at[p.start]].role in PLACED_ROLES
    ]
    after = next_things(phrases, k, at, nouns, limit=1)
    before = [*before, *_modified(phrases, k, at, nouns)]
    if not before or not after or after[0] == before[-1]:
        return []
    place = before[-1]
    links = []
    for said in [after[0], *_where_also(phrases, nouns[after[0]].index, at, nouns)]:
        on_part = _on_a_part(phrases, nouns[said].index, at, nouns, place)
        kind = RelationKind.ON if on_part or _rests_on(nouns, said, place) else RelationKind.IN
        links.append(Link(kind, said, (place,)))
    return [link for link in links if link.subject != place]


def _rests_on(nouns: tuple[Noun, ...], said: int, place: int) -> bool:
    """Whether a thing or animal said to be where a support is rests on it ('a sofa where a cat naps',
    'a shelf where a jar stands'): on it, as 'with' a support says; a person is at a table, not on it."""
    known, who = nouns[place].entry, nouns[said].entry
    support = known is not None and known.has(Flag.SUPPORT) and not known.has(Flag.CONTAINER)
    return support and who is not None and who.kind is not ThingKind.PERSON


def _where_also(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The subjects of clauses joined by 'and' to a 'where' clause whose subject is at phrase j
    ('benches where a nun reads and a soldier sleeps': the soldier too), up to a comma or the end."""
    found: list[int] = []
    for i in range(j + 1, len(phrases) - 2):
        p = phrases[i]
        if isinstance(p, Mark) and (p.tag is Tag.END or p.low in {",", ";", "while", "as", "when"}):
            break
        said = phrases[i + 1]
        if not (isinstance(p, Mark) and p.low == "and" and isinstance(said, NounPhrase)):
            continue
        if (
            not isinstance(phrases[i + 2], Verb)
            or participle(phrases, i + 2)
            or not is_placed(said, at, nouns)
        ):
            continue
        found.append(resolve(nouns, at[said.start]))
    return found


def set_with_list(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[Link]:
    """'setting the table for guests: a teapot, two cups and a plate', 'stocking the shelf: jars and
    tins': the lifeless things listed after the colon that closes a verb's object are on that support
    (in it, when it is a container)."""
    j = k - 1
    j -= 2 if j >= 2 and getattr(phrases[j - 1], "low", "") == "for" else 0  # "for guests"
    host = phrases[j] if j >= 1 else None
    if not isinstance(host, NounPhrase) or not isinstance(phrases[j - 1], Verb) or host.start not in at:
        return []
    owner = holder_of(nouns, at[host.start])
    known = nouns[owner].entry if owner is not None else None
    if known is None or not (known.has(Flag.SUPPORT) or known.has(Flag.CONTAINER)) or known.animate:
        return []
    kind = RelationKind.IN if known.has(Flag.CONTAINER) else RelationKind.ON
    found: list[int] = []
    for i in range(k + 1, len(phrases)):
        p = phrases[i]
        if isinstance(p, Mark) and p.tag is Tag.END:
            break
        if isinstance(p, Verb) and not participle(phrases, i):
            return []  # a clause of its own after the colon, not 'a teapot shaped like a pumpkin'
        item = resolve(nouns, at[p.start]) if is_placed(p, at, nouns) else None
        lifeless = item is not None and nouns[item].entry is not None and not nouns[item].entry.animate  # type: ignore[union-attr]
        if lifeless and item != owner and not is_governed(phrases, i):
            found.append(item)  # type: ignore[arg-type]
    return [Link(kind, i, (owner,)) for i in dict.fromkeys(found)]  # type: ignore[arg-type]


def whose_keeper(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[Link]:
    """'a stall whose cook ladles soup', 'a boat whose captain waves': the person or animal right
    after 'whose' keeps the lifeless thing before it, in it (a building or vehicle) or beside it."""
    host = phrases[k - 1] if k else None
    said = phrases[k + 1] if k + 1 < len(phrases) else None
    if not isinstance(host, NounPhrase) or not isinstance(said, NounPhrase):
        return []
    if host.start not in at or said.start not in at or nouns[at[said.start]].role is not Role.THING:
        return []
    owner, keeper = holder_of(nouns, at[host.start]), at[said.start]
    known, who = nouns[owner].entry if owner is not None else None, nouns[keeper].entry
    if owner is None or known is None or who is None or known.animate or not who.animate:
        return []
    inside = known.kind in {ThingKind.BUILDING, ThingKind.VEHICLE} and known.size >= Size.LARGE  # not a cart
    return [Link(RelationKind.IN if inside else RelationKind.NEXT_TO, keeper, (owner,))]


def _on_a_part(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...], place: int
) -> bool:
    """Whether the subject at j of a 'where' clause is said to be on a part of the `place` before
    ('a barn, where an owl sits on the roof'): on that place, not in it ('a pond where a flamingo
    stands on one leg' is in the pond)."""
    for i in range(j + 1, len(phrases) - 1):
        p = phrases[i]
        if isinstance(p, Mark) and (p.tag is Tag.END or p.low == ","):
            return False
        if isinstance(p, SpacePhrase) and p.spatial.relation is not None:
            part = phrases[i + 1]
            return (
                p.spatial.relation == "on"
                and isinstance(part, NounPhrase)
                and part.start in at
                and part.determiner in {"the", "its"}
                and nouns[at[part.start]].role is Role.PART
                and nouns[at[part.start]].ref is not None
                and resolve(nouns, nouns[at[part.start]].ref) == place  # type: ignore[arg-type]
            )
    return False


def _modified(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The thing a place phrase right before ', where' describes ('a booth by the window, where a
    couple sits': the booth, not the window); none when no such phrase."""
    if k < 2 or getattr(phrases[k - 1], "low", "") != ",":
        return []  # "past the benches where a nun reads": no comma, 'where' is the benches'
    j = k - 2
    space, owner = (phrases[j - 1], phrases[j - 2]) if j >= 2 else (None, None)
    if not relates(space):
        return []
    if not isinstance(phrases[j], NounPhrase) or not isinstance(owner, NounPhrase) or owner.start not in at:
        return []
    if phrases[j].start in at and not _may_host(nouns[at[owner.start]], nouns[at[phrases[j].start]]):
        return []  # "a hook above the workbench, where a mug sits": the workbench
    return [resolve(nouns, at[owner.start])] if nouns[at[owner.start]].role in PLACED_ROLES else []


def _may_host(owner: Noun, other: Noun) -> bool:
    """Whether the thing a place phrase describes may be the place a 'where' clause after it means,
    rather than the thing of that place phrase: a support or a container, or a thing no smaller than
    the other ('a booth by the window'); not a small thing by a bigger support ('a hook above the
    workbench')."""
    known, near = owner.entry, other.entry
    if known is None or near is None or known.has(Flag.SUPPORT) or known.has(Flag.CONTAINER):
        return True
    return known.size >= near.size


def resting(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
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
    head = clause_head(phrases, j, at, nouns) if getattr(phrases[j - 1], "low", "") == "," else None
    head = each_owner(phrases, j, at, nouns) if head is None else head  # "tables, each with a vase on it"
    owner = [head] if head is not None else subjects_of(phrases, j, at, nouns)
    listed = [resolve(nouns, at[p.start]) for p in phrases[j + 1 : end] if is_placed(p, at, nouns)]
    if len(owner) != 1:
        return Spatial()
    return Spatial(tuple(Link(RelationKind.ON, i, (owner[0],)) for i in listed if i != owner[0]))


def support_of(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int | None:
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
    subjects = subjects_of(phrases, k, at, nouns)
    lifeless = all(nouns[i].entry is not None and not nouns[i].entry.animate for i in subjects)  # type: ignore[union-attr]
    return at[nxt.start] if subjects and lifeless else None


def hung_on_wall(
    phrases: tuple[Phrase, ...], k: int, scene: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int]:
    """The lifeless things said to hang on a wall of the scene ('a copper pot hangs on the white
    wall', 'a clock is mounted on the wall'): drawn high in the picture. `scene` is what the phrase
    at k says they stand on (support_of)."""
    if not is_class(nouns[scene].head, WordClass.WALL_SURFACE):
        return []
    return [resolve(nouns, i) for i in subjects_of(phrases, k, at, nouns)]
