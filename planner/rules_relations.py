"""Pass 5 of the rules reader: spatial phrases -> relations between things and absolute places.

A spatial phrase relates the thing(s) just named (coordinated ones together: "a boy and a girl
in front of a castle") to the thing after it; at the start of a sentence it places or relates
the thing that follows ("On the left, an old lighthouse"; "To the left of the house stands a
tree"). After a finite verb it is the verb's subject's ("a cart piled with loaves stands beside
a fountain"), found with the clause structure of planner.rules_clauses; a place or relation after
', and' opens a clause whose subject follows ("..., and just below it lies a napkin"). "From left
to right, A, B and C" is an order. Output uses indices into the nouns.

This module reads relations said with prepositions ('on', 'beside', 'between', tags like 'to
its left') and runs the passes; whose relation it is comes from planner.rules_relation_ends, places
and orders from planner.rules_relation_places, and what verbs hold or carry from
planner.rules_relation_verbs.
"""

from __future__ import annotations

from planner.reading import Place, RelationKind, Size
from planner.rules_clauses import (
    is_governed,
    lead_in,
    opens_sentence,
    participle,
    past_asides,
    subject_phrase,
    verb_before,
    whose,
)
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, on_its_owner
from planner.rules_relation_ends import (
    JOINERS,
    Link,
    Spatial,
    coordinated,
    holder_of,
    is_placed,
    last_animate,
    next_things,
    object_end,
    place_of,
    placing,
    pronoun_referent,
    relation_object,
    resolve,
    subjects_of,
    verb_subject,
)
from planner.rules_relation_places import (
    PLACE_LEADS,
    absolute,
    colon_list,
    coming_from,
    inverted,
    no_object,
    order,
    row_of,
    sentence_places,
    subject_list,
    with_resting,
)
from planner.rules_relation_verbs import (
    action,
    borne_by,
    circling,
    crowding,
    doers_on,
    filled_by,
    held_into,
    hung_on_wall,
    laden_with,
    resting,
    set_with_list,
    support_of,
    together,
    where,
    whose_keeper,
)
from planner.rules_role_nouns import POSSESSIVE, Noun, Role
from planner.rules_tokens import Tag, quoted
from planner.rules_vocab import (
    ANIMATE,
    Flag,
    ThingKind,
    WordClass,
    is_class,
    is_verb_of,
    past_participle,
    value_of,
    verb_lemmas,
    verb_relation,
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
    "around": RelationKind.NEXT_TO,  # "lamps on either side of the bed", "a well ringed by goats": beside it
}


_WHICH = frozenset({"which", "whom"})  # "in which", "beside whom": a relative clause
_RIMS = frozenset("edge corner end rim side".split())  # 'at the edge of the table': still on it


def _subject_not_thing(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> bool:
    """Whether the spatial phrase at k goes with a verb whose subject is no thing ('light spills
    from the windows', 'a hut with smoke curling from its chimney'): then it relates nothing."""
    verb = verb_before(phrases, k)
    if verb is None:
        return False
    j = verb - 1 if participle(phrases, verb) else subject_phrase(phrases, verb)
    return j is not None and (phrases[j].start not in at or holder_of(nouns, at[phrases[j].start]) is None)


def _parallel(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int | None:
    """'To its left, chopsticks ...; to its right, a plate', 'To its left stands a case, and to its
    right a bear': an 'its' that opens a sentence or clause after another such 'its' opening its
    sentence means the same thing."""
    sentence = phrases[k].sentence
    referent = getattr(getattr(phrases[k], "spatial", None), "referent", "")
    for j in range(k - 1, -1, -1):
        p = phrases[j]
        if p.sentence < sentence - 1:
            return None
        if not (isinstance(p, SpacePhrase) and p.spatial.to_referent and opens_sentence(phrases, j)):
            continue
        if p.sentence == sentence - 1 or p.sentence == sentence and p.spatial.referent == referent == "its":
            return pronoun_referent(phrases, j, at, nouns, animate=False)
    return None


def _referent(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'a cat to its right' / 'To its left, a pair of chopsticks' / ', and at his side a dog':
    beside the thing named before."""
    space = phrases[k]
    assert isinstance(space, SpacePhrase)
    kind = _KINDS.get(space.spatial.relation or "")
    opening = opens_sentence(phrases, k) or _opens_clause(phrases, k, at, nouns)
    named = _opened(phrases, k, at, nouns) if opening else subjects_of(phrases, k, at, nouns)
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
        its = (
            its
            if its is not None
            else pronoun_referent(phrases, k, at, nouns, animate=animate, subject=named)
        )
        earlier = [its] if its is not None and its not in named else []
    else:
        earlier = _agreeing(phrases, k, at, nouns, named)
    return Spatial(tuple(Link(kind, n, (earlier[-1],)) for n in named)) if earlier else Spatial()


def _opened(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[int]:
    """The things a sentence-opening 'To its left' places: all those it names, joined by 'and' ('To
    its left, a bowl of figs and a pear'; 'To her right stand a lamp and a chair'), as after any
    opening place; else the next thing named."""
    first = next_things(phrases, k, at, nouns, limit=1)
    said = inverted(phrases, k, at, nouns)
    return said if said[:1] == first else first


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
        if is_placed(p, at, nouns):
            return None if is_governed(phrases, j) else resolve(nouns, at[p.start])
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
        holder_of(nouns, at[p.start])
        for p in phrases[:k]
        if isinstance(p, NounPhrase) and p.start in at and p.start < first
    ]  # named before the subject: 'a chapel with a steeple sits to its right' is not the steeple's
    earlier = [e for e in dict.fromkeys(earlier) if e is not None and e not in named]
    word = space.spatial.referent
    if word == "their":
        agreeing = [e for e in earlier if nouns[e].phrase.plural]
    elif word in {"his", "her"}:
        agreeing = [e for e in earlier if nouns[e].animate]
    else:
        agreeing = earlier
    return agreeing or earlier


def _past_unplaced_contents(
    phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> int:
    """Past the 'of' contents at j of a relation's object when they are no region of their own
    ('next to a bowl of keys, sits a phone': the clause goes on after 'keys'); else j."""
    if j + 1 >= len(phrases) or getattr(phrases[j], "low", "") != "of":
        return j
    what = phrases[j + 1]
    return j if not isinstance(what, NounPhrase) or is_placed(what, at, nouns) else j + 2


def _opens_clause(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether a relation at k opens a clause after a comma or 'and', its subject still to come
    ('..., and just below it lies a napkin', '; at his side a dog sleeps')."""
    before = lead_in(phrases, k)
    joined = isinstance(before, Mark) and before.low in JOINERS
    if not joined and not _fronted_participle(phrases, k):
        return False
    end = _past_unplaced_contents(phrases, object_end(phrases, k, at, nouns) + 1, at, nouns)
    j = past_asides(phrases, end)  # "and far behind them all, ..., a truck"
    if joined:
        j = _past_bare_place(phrases, j)  # "and on the hill to the right an archer draws"
    if not joined and _closed_by_tag(phrases, end, j):
        return False  # "1boy, falconer, standing on a ledge, left side, a dog ...": the falconer's tag
    nxt = phrases[j] if j < len(phrases) else None
    after_comma = j <= len(phrases) and getattr(phrases[j - 1], "low", "") == ","
    if not joined and after_comma and _described_subject(phrases, k, at, nouns, nxt):
        return False  # "the governor, seated in a chair, dips a quill": the governor's seat
    riding = _ing_lead(phrases, k) and getattr(before, "low", "") == ","  # "1girl, riding a bike, boy"
    tagged = (not joined or riding) and _tag_of_earlier(phrases, k, j, at, nouns)
    if isinstance(nxt, Verb) and nxt.low.endswith("ing") and not after_comma:
        return False  # "sitting on a swing hanging from a branch": the swing hangs, no clause's verb
    if isinstance(nxt, Verb) and not (tagged and after_comma):
        return True  # "standing on a crate, holding a flag": another tag of the one before
    if isinstance(nxt, Mark) and nxt.tag is Tag.BE:
        return True
    placed = is_placed(nxt, at, nouns)
    return placed and not tagged


def _described_subject(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], nxt: Phrase | None
) -> bool:
    """Whether the participle before the relation at k opens an aside between commas about the
    thing named right before it, whose own verb `nxt` follows the aside's closing comma ('A
    woman, seated on a bench, feeds the pigeons', 'the old man, perched on a stool, reads'): the
    place is the woman's, not the pigeons'. A finite verb there says the subject came before it."""
    verb = lead_in(phrases, k)
    if not isinstance(verb, Verb) or not past_participle(verb.low) and not verb.low.endswith("ing"):
        return False
    j = phrases.index(verb)
    comma, named = (phrases[j - 1], phrases[j - 2]) if j >= 2 else (None, None)
    if getattr(comma, "low", "") != "," or not isinstance(named, NounPhrase) or named.start not in at:
        return False
    finite = isinstance(nxt, Verb) and not nxt.low.endswith(("ing", "ed"))
    return finite and nouns[at[named.start]].is_thing


def _past_bare_place(phrases: tuple[Phrase, ...], j: int) -> int:
    """Past a place in the picture said right after the object of a relation that opens a clause
    ('..., and on the hill to the right an archer draws'): the clause's subject comes after it."""
    p = phrases[j] if j < len(phrases) else None
    bare = isinstance(p, SpacePhrase) and p.spatial.relation is None and not p.order
    return j + 1 if bare else j


def _closed_by_tag(phrases: tuple[Phrase, ...], start: int, end: int) -> bool:
    """Whether a bare place tag ('left side', 'bottom right') stands between commas from start to end:
    it closes the participle clause before it as a tag of what came earlier."""
    return any(
        isinstance(p, SpacePhrase) and p.spatial.relation is None and p.lead.split()[0] not in PLACE_LEADS
        for p in phrases[start:end]
    )


def _tag_of_earlier(
    phrases: tuple[Phrase, ...], k: int, j: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> bool:
    """Whether a participle tag after a comma ('1girl, archer, standing on a rock, wolf, grey fur')
    is said of the person or animal named before it, not of the thing after it: that thing opens a
    tag with no verb of its own ('On the right, facing it, a knight raises a sword' is fronted)."""
    verb = lead_in(phrases, k)
    comma = lead_in(phrases, phrases.index(verb)) if verb is not None else None
    comma = verb if _ing_lead(phrases, k) else comma  # "riding a bike" is its own participle
    if not (isinstance(comma, Mark) and comma.low == ",") or last_animate(phrases, k, at, nouns) is None:
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


def _fronted_participle(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the relation at k follows a participle that opens its clause ('Seated three steps
    below her, a boy ...', 'On the right, facing it, a knight ...'): the subject comes after."""
    verb = lead_in(phrases, k)
    if not isinstance(verb, Verb) or not (verb.low.endswith("ing") or past_participle(verb.low)):
        return False
    j = phrases.index(verb)
    before = lead_in(phrases, j)
    return before is None or isinstance(before, Mark) and (before.tag is Tag.END or before.low in JOINERS)


def _companion(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'a baker dances with his wife', 'a boy walks arm in arm with a girl': someone a person or
    animal does something with (after a verb) is beside them, unless a place of its own follows."""
    if getattr(phrases[k], "lead", "") != "with" or not any(
        isinstance(p, Verb) for p in phrases[max(0, k - 4) : k]
    ):
        return Spatial()
    if _own_place_after(phrases, k + 2):
        return Spatial()  # "with a lamb in his arms": the lamb's own place ('along the shore': where both go)
    other = relation_object(phrases, k, at, nouns)
    said = [s for s in subjects_of(phrases, k, at, nouns) if s != other]
    animate = [i for i in [other, *said] if i is not None and nouns[i].animate]
    if other is None or not said or len(animate) < 1 + len(said):
        return Spatial()
    return Spatial(tuple(Link(RelationKind.NEXT_TO, other, (s,)) for s in said[-1:]))


def _own_place_after(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the relation at j, after 'with' and its object, is that object's own place on the
    doer ('with a lamb in his arms', 'with a parrot on her shoulder'), not where both of them are
    ('dances with a boy near the band', 'plays with a puppy on the lawn', 'along the shore')."""
    after = phrases[j] if j < len(phrases) else None
    if not isinstance(after, SpacePhrase) or after.spatial.relation is None or after.lead == "along":
        return False
    target = phrases[j + 1] if j + 1 < len(phrases) else None
    return not isinstance(target, NounPhrase) or target.determiner in POSSESSIVE


def _with_inside(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind | None,
) -> Spatial | None:
    """'a pram with a baby in it', 'a cart with two crates on it': the thing after 'with' is in
    (or on) the thing before 'with', whoever the clause is about; None for any other phrase."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if (
        k < 3
        or kind not in {RelationKind.IN, RelationKind.ON}
        or getattr(nxt, "low", "") not in {"it", "them"}
    ):
        return None
    inner, lead, outer = phrases[k - 1], phrases[k - 2], phrases[k - 3]
    if not isinstance(lead, SpacePhrase) or lead.lead != "with":
        return None
    ends = [resolve(nouns, at[p.start]) for p in (inner, outer) if is_placed(p, at, nouns)]
    if len(ends) < 2 or ends[0] == ends[1]:
        return None
    return Spatial((Link(kind, ends[0], (ends[1],)),))


def _between_ends(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    target: int,
    subjects: list[int],
) -> tuple[int, ...]:
    """The two things 'between' names ('between the oven and the sink'); none when the second is missing."""
    others = [s for s in next_things(phrases, k + 1, at, nouns, limit=3) if s != target and s not in subjects]
    return (target, others[0]) if others else ()


def _relation(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """The links that the relation phrase k states, between the things it names (none when it names no thing)."""
    space = phrases[k]
    assert isinstance(space, SpacePhrase)
    kind = _KINDS.get(space.spatial.relation or "")
    if space.spatial.relation == "with":
        laden = laden_with(phrases, k, at, nouns)
        return laden if laden.links or laden.places else _companion(phrases, k, at, nouns)
    if space.spatial.to_referent:
        return _referent(phrases, k, at, nouns)
    if kind is not None and getattr(phrases[k + 1] if k + 1 < len(phrases) else None, "low", "") in _WHICH:
        return _which(phrases, k, at, nouns, kind)
    inside = _with_inside(phrases, k, at, nouns, kind)
    if inside is not None:
        return inside
    opening = opens_sentence(phrases, k) or _opens_clause(phrases, k, at, nouns) or whose(phrases, k)
    ahead = next_things(phrases, object_end(phrases, k, at, nouns), at, nouns, limit=1) if opening else None
    target = relation_object(
        phrases, k, at, nouns, subject=ahead
    )  # "and below it lies a napkin": not the napkin
    listed = _listed_them(phrases, k, at, nouns, target)
    them = (
        listed
        or _them(phrases, k, at, nouns, target)
        or (() if target is not None else _the_group(phrases, k, at, nouns))
    )
    if (
        kind is RelationKind.BETWEEN
        and getattr(phrases[k + 1] if k + 1 < len(phrases) else None, "low", "") == "them"
    ):
        them = _sides_before(phrases, k, at, nouns) or them
    if target is None and not them:
        inner = _inside_it(phrases, k, at, nouns)
        return inner if inner.links else no_object(phrases, k, at, nouns)
    if kind is None:
        return Spatial()
    target = _whole_of(phrases, k, at, nouns, kind, target)
    ringed = _ringed(phrases, k, at, nouns)
    said = [] if opening else ringed if ringed is not None else subjects_of(phrases, k, at, nouns)
    if ringed == []:
        return Spatial()
    if kind is RelationKind.IN and held_into(phrases, k, at, nouns, target):
        return Spatial((Link(RelationKind.NEXT_TO, target, tuple(said[-1:])),) if said else ())  # type: ignore[arg-type]
    subjects = _unsaid_subjects(phrases, k, at, nouns, kind, target, opening) if not said else []
    subjects = subjects or [s for s in said if s != target]  # "a lamp stands in its corner": no relation
    pair = tuple(o for o in them if o not in subjects)
    every = (
        _all_of_them(phrases, k) or isinstance(phrases[k + 1], NounPhrase) or bool(listed)
    )  # "behind the players"
    pair = pair if every and kind is not RelationKind.BETWEEN else pair[-2:]
    if len(pair) >= 2:  # "behind them" after a girl and a boy named one by one: behind both
        return Spatial(tuple(_pair_links(kind, subjects, pair)))
    if target is None:
        return Spatial()
    return _links_to(phrases, k, at, nouns, kind, subjects, target)


def _links_to(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    subjects: list[int],
    target: int,
) -> Spatial:
    """The links from each subject to the one thing relation phrase k names (or the two ends of
    'between'), with the kind the words around it refine, and beside every thing listed with it."""
    if kind is RelationKind.BETWEEN and nouns[target].phrase.plural:
        kind = RelationKind.NEXT_TO  # "between two palm trees", "between them": one group, beside it
    objects = (
        _between_ends(phrases, k, at, nouns, target, subjects) if kind is RelationKind.BETWEEN else (target,)
    )
    if not objects:
        return Spatial()
    if kind is RelationKind.ON:
        subjects = subjects + [d for d in doers_on(phrases, at, nouns, subjects, target) if d not in subjects]
    kind = _refined(phrases, k, at, nouns, kind, target)
    links = [
        Link(
            _tied_beside(
                phrases,
                k,
                at,
                nouns,
                _on_rim(phrases, k, nouns, _laid_over(phrases, k, at, nouns, kind, s), s, target),
                (s, target),
            ),
            s,
            objects,
        )
        for s in subjects
    ]
    if kind is RelationKind.NEXT_TO:  # "a boat lies next to a crate and a barrel": beside each
        more = [o for o in coordinated(phrases, nouns[target].index - 1, at, nouns) if o != target]
        more = [] if any(_acts(phrases, nouns[o].index) for o in more) else more  # "... and a boy waves"
        links += [Link(kind, s, (o,)) for s in subjects for o in more if o not in subjects]
    return Spatial(tuple(links))


def _whole_of(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    target: int | None,
) -> int | None:
    """'a hut sits on the left ... the trapper waits in the doorway': in (or on) 'the' part of a
    kind of thing (words.tsv part) is in that thing, the last of its kind named in this sentence or
    the two before ('a clock above the doorway' stays above the doorway itself)."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if target is None or kind not in {RelationKind.IN, RelationKind.ON} or not isinstance(nxt, NounPhrase):
        return target
    if nxt.determiner != "the" or nxt.start not in at or at[nxt.start] != target:
        return target
    kinds = (value_of(nxt.head, WordClass.PART) or "").split(",")
    wholes = [
        i
        for i, n in enumerate(nouns)
        if n.is_thing
        and n.phrase.start < nxt.start
        and n.phrase.sentence >= nxt.sentence - 2
        and n.entry is not None
        and n.entry.kind.value in kinds
        and not is_class(n.head, WordClass.PART)  # not another part ('smoke curls from its chimney')
    ]
    return resolve(nouns, wholes[-1]) if wholes else target


def _ringed(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> list[int] | None:
    """Whom a participle of surrounding at k is said of: after a comma, the clause's subject ('a
    trader sits on a rug, surrounded by sacks'); with no comma, the noun right before it ('a table
    surrounded by chairs'), and nobody when that is no thing ('sits in a clearing surrounded by
    rabbits': the clearing is); None for any other phrase."""
    space, before = phrases[k], phrases[k - 1] if k else None
    if not isinstance(space, SpacePhrase) or not _surrounded_by(space):
        return None
    if isinstance(before, NounPhrase):
        owner = holder_of(nouns, at[before.start]) if before.start in at else None
        return [owner] if owner is not None else []
    if not isinstance(before, Mark) or before.low != ",":
        return None
    verb = verb_before(phrases, k - 1, chain=True)
    return None if verb is None or participle(phrases, verb) else verb_subject(phrases, verb, at, nouns)


def _surrounded_by(space: SpacePhrase) -> bool:
    """Whether the phrase is a participle of surrounding ('surrounded by', 'ringed by'), not a bare
    'around'."""
    return space.spatial.relation == "around" and bool(past_participle(space.lead))


def _surrounding(space: SpacePhrase, found: Spatial) -> Spatial:
    """'a fox surrounded by three rabbits': what surrounds a thing is placed beside it, around it
    (the thing keeps its own place); any other phrase's links stay as they are."""
    if not _surrounded_by(space):
        return found
    return Spatial(tuple(Link(x.kind, o, (x.subject,)) for x in found.links for o in x.objects), found.places)


def _at_centre_of(space: SpacePhrase, found: Spatial) -> Spatial:
    """'a grinder stands in the centre of a countertop', 'a typewriter at the middle of a desk': what
    rests at the middle of its support is in the middle of the picture too (as the support is, where
    nothing else places it), besides being on it."""
    s = space.spatial
    if s.relation != "on" or not s.needs_object or s.horizontal != "center":
        return found
    centred = [(x.subject, Place(horizontal="center")) for x in found.links if x.kind is RelationKind.ON]
    return Spatial(found.links, (*found.places, *centred))


def _unsaid_subjects(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    target: int | None,
    opening: bool,
) -> list[int]:
    """The subjects of relation phrase k when no clause subject says them: what an inverted
    sentence names after it ("Beside the well stands a goat"), or a colon's list after a group
    word ("Two figures stand under it: a monk and a boy")."""
    if opening or not _subject_not_thing(phrases, k, at, nouns) and not _after_noun(phrases, k, at, nouns):
        subjects = [s for s in inverted(phrases, k, at, nouns) if s != target]
        return with_resting(phrases, k, at, nouns, kind, subjects) if opening else subjects
    if _group_word(phrases, k, at, nouns):
        return [s for s in colon_list(phrases, k, at, nouns) if s != target]
    return []


def _refined(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    target: int,
) -> RelationKind:
    """The relation's kind as the words around it refine it: 'in her lap' is on, 'from within' is
    in, 'at the helm' is in, 'under a glass cloche' is in."""
    kind = _from_within(phrases, k, at, nouns, _in_lap(phrases, k, at, nouns, kind, target), target)
    kind = _at_station(phrases, k, nouns, _handed_from(phrases, k, at, nouns, kind, target), target)
    kind = _hung_below(phrases, k, at, nouns, kind, target)
    return _outside_opening(phrases, k, nouns, _under_cover(nouns, kind, target), target)


def _hung_below(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    target: int,
) -> RelationKind:
    """'a lamp hangs from a beam', 'a monkey dangling from a branch', 'a chandelier suspended from
    the ceiling': what hangs from a thing (a hang_verb of words.tsv right before 'from') is below it;
    from a wall, a tall post or a tiny hook it hangs on it, beside or over it ('a net hangs from a
    post'), and from a part of it ('hangs from its ropes') it stays on the whole."""
    before = k - 1
    while before >= 1 and getattr(phrases[before], "tag", None) is Tag.ADV:
        before -= 1  # "a lamp hangs loosely from a beam"
    space, verb = phrases[k], phrases[before] if before >= 0 else None
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if not isinstance(nxt, NounPhrase) or nxt.start not in at or resolve(nouns, at[nxt.start]) != target:
        return kind
    if kind is not RelationKind.ON or not isinstance(space, SpacePhrase) or space.lead != "from":
        return kind
    if not isinstance(verb, Verb) or not is_verb_of(verb.low, WordClass.HANG_VERB):
        return kind
    known = nouns[target].entry
    if known is None or known.size <= Size.TINY or known.has(Flag.TALL) or known.has(Flag.WALL):
        return kind
    return kind if known.has(Flag.SCENE) else RelationKind.BELOW


def _laid_over(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    subject: int,
) -> RelationKind:
    """'a quilt over two chairs', 'she threw rugs over the railing': a cloth (a things.tsv 'drape':
    a quilt, a blanket) over a thing, or what a verb of laying over (a words.tsv relation_participle
    'on': drape, throw, spread) puts over it, lies on it and covers it, not above it ('a lamp over
    the table' stays above, and so does the man of 'a man threw his coat over a chair')."""
    if kind is not RelationKind.ABOVE or getattr(phrases[k], "lead", "") != "over":
        return kind
    known = nouns[subject].entry
    laid_thing = phrases[k - 1] if k else None
    said = (
        isinstance(laid_thing, NounPhrase)
        and laid_thing.start in at
        and resolve(nouns, at[laid_thing.start]) == subject
    )
    verb = phrases[k - 2] if said and k >= 2 else None
    laid = isinstance(verb, Verb) and any(
        value_of(f"{lemma} over", WordClass.RELATION_PARTICIPLE) == "on" for lemma in verb_lemmas(verb.low)
    )
    return RelationKind.ON if laid or known is not None and known.has(Flag.DRAPE) else kind


def _tied_beside(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    pair: tuple[int, int],
) -> RelationKind:
    """'a mule tied to a fence', 'bicycles chained to a railing', 'a goat tied to the cart': what is
    tied (chained, strapped) to a thing with no top to rest on hangs beside it; tied to a support
    ('a vice bolted to the bench') or to a named part ('a kayak strapped to its roof') it is on it;
    an animal or a person tied to anything stands beside it ('a pony tied to a hitching post')."""
    space, nxt = phrases[k], phrases[k + 1] if k + 1 < len(phrases) else None
    lead = space.lead if isinstance(space, SpacePhrase) and space.end - space.start == 2 else ""
    if kind is not RelationKind.ON or not past_participle(lead) or verb_relation(lead, "to") != "on":
        return kind
    if not isinstance(nxt, NounPhrase) or nxt.start not in at or resolve(nouns, at[nxt.start]) != pair[1]:
        return kind  # "strapped to its back seat": a part of the scooter, on it
    tied, known = nouns[pair[0]].entry, nouns[pair[1]].entry
    animate = tied is not None and tied.animate
    return RelationKind.NEXT_TO if known is not None and (animate or not known.has(Flag.SUPPORT)) else kind


def _outside_opening(
    phrases: tuple[Phrase, ...], k: int, nouns: tuple[Noun, ...], kind: RelationKind, target: int
) -> RelationKind:
    """'a tram passes outside the window', 'outside the porthole a whale drifts': outside a thing set
    in a wall (things.tsv flag 'wall') is seen through it, behind it ('outside the barn' is beside)."""
    known = nouns[target].entry
    set_in_wall = known is not None and known.has(Flag.WALL)
    return RelationKind.BEHIND if getattr(phrases[k], "lead", "") == "outside" and set_in_wall else kind


def _which_host(phrases: tuple[Phrase, ...], k: int) -> int:
    """Where the thing a 'PREP which' at k refers back to stands: right before it, or before a
    comma, past the thing's own place in the picture and its verb ('a pine stands on the right,
    under which a hiker rests': the pine)."""
    j = k - 1 - (k >= 2 and getattr(phrases[k - 1], "low", "") == ",")
    for _ in range(2):  # "stands on the right": one place phrase and one verb at most
        p = phrases[j] if j >= 1 else None
        placed = isinstance(p, SpacePhrase) and place_of(p) is not None
        if not (placed or isinstance(p, Verb) and j < k - 2):
            break
        j -= 1
    return j


def _which(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], kind: RelationKind
) -> Spatial:
    """'a tank in which an eel coils', 'a shelter, under which a man waits': the thing after 'which'
    is so placed to the thing before the preposition."""
    j = _which_host(phrases, k)
    host = phrases[j] if j >= 0 else None
    if not isinstance(host, NounPhrase) or host.start not in at:
        return Spatial()
    owner = holder_of(nouns, at[host.start])
    said = next_things(phrases, k + 1, at, nouns, limit=1)
    if owner is None or not said or said[0] == owner:
        return Spatial()
    return Spatial((Link(kind, said[0], (owner,)),))


def _group_word(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> bool:
    """Whether the verb the relation at k goes with has a plural subject that is no thing ('two
    figures', 'some people'): the things a colon lists after the relation are who it means."""
    verb = verb_before(phrases, k)
    j = subject_phrase(phrases, verb) if verb is not None else None
    p = phrases[j] if j is not None else None
    return (
        isinstance(p, NounPhrase)
        and p.plural
        and (p.start not in at or holder_of(nouns, at[p.start]) is None)
    )


def _acts(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is followed by a verb of its own ('and a boy waves', 'and the
    parrot inside preens')."""
    nxt = phrases[j + 1] if j + 1 < len(phrases) else None
    if _bare_inside(phrases, j + 1):
        nxt = phrases[j + 2]
    return _verbal(nxt)


def _verbal(p: Phrase | None) -> bool:
    """Whether `p` is a verb or a form of 'be'."""
    return isinstance(p, Verb) or isinstance(p, Mark) and p.tag is Tag.BE


def _bare_inside(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is 'inside' (or 'within') with no object, right after a noun phrase and
    before a verb, or ending a 'with' phrase: 'the parrot inside preens', 'a hutch with two rabbits
    inside' are inside the thing named before."""
    space = phrases[k] if k < len(phrases) else None
    if (
        not isinstance(space, SpacePhrase)
        or space.lead not in {"inside", "within"}
        or space.end - space.start != 1
    ):
        return False
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    with_object = k > 1 and isinstance(phrases[k - 2], SpacePhrase) and phrases[k - 2].lead == "with"  # type: ignore[union-attr]
    return k > 0 and isinstance(phrases[k - 1], NounPhrase) and (_verbal(nxt) or with_object)


def _inside_it(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> Spatial:
    """'A cage hangs by the door, and the parrot inside preens': a bare 'inside' after a thing
    means inside 'it', the lifeless thing named before (as 'it' would stand for)."""
    before = phrases[k - 1] if k > 0 else None
    if not _bare_inside(phrases, k) or not isinstance(before, NounPhrase) or before.start not in at:
        return Spatial()
    subject = holder_of(nouns, at[before.start])
    if subject is None:
        return Spatial()
    found = pronoun_referent(phrases, k, at, nouns, animate=False, subject=[subject], word="it")
    if found is None or nouns[found].entry is None or nouns[found].entry.animate:  # type: ignore[union-attr]
        return Spatial()
    return Spatial((Link(RelationKind.IN, subject, (found,)),))


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
    if support is None or known is None or not support.has(Flag.SUPPORT) or known.animate:
        return kind
    return RelationKind.ON if known.size < support.size else kind


def _at_station(
    phrases: tuple[Phrase, ...], k: int, nouns: tuple[Noun, ...], kind: RelationKind, target: int
) -> RelationKind:
    """'a girl sits at the bow of the canoe', 'a man at the wheel of a truck', 'a boy at the
    stern': at a post aboard a vehicle is in it, not beside it."""
    nxt, known = phrases[k + 1] if k + 1 < len(phrases) else None, nouns[target].entry
    if kind is not RelationKind.NEXT_TO or phrases[k].lead != "at" or not isinstance(nxt, NounPhrase):  # type: ignore[union-attr]
        return kind
    aboard = known is not None and known.kind is ThingKind.VEHICLE
    station = any(is_class(w, WordClass.STATION) for w in (nxt.head, nxt.collective) if w)
    return RelationKind.IN if aboard and station else kind


def _under_cover(nouns: tuple[Noun, ...], kind: RelationKind, target: int) -> RelationKind:
    """'a frog under a glass cloche', 'a baby beneath a mosquito net', 'two hikers under a tent':
    under a thing that closes over what it covers (things.tsv flag 'cover') is inside it."""
    known = nouns[target].entry
    covers = known is not None and known.has(Flag.COVER)
    return RelationKind.IN if kind is RelationKind.BELOW and covers else kind


def _in_lap(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    target: int,
) -> RelationKind:
    """'a kitten curled in her lap', 'a lamb in his arms': in a part of a person or an animal is
    on that one (held up against it), not inside it."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if kind is not RelationKind.IN or not isinstance(nxt, NounPhrase) or nxt.start not in at:
        return kind
    if nouns[at[nxt.start]].role is not Role.PART:
        return kind
    owner = nouns[target].entry
    return RelationKind.ON if owner is not None and owner.animate else kind


def _source(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether 'from' at k follows a verb's object ('pours coffee from a pot', 'sells fish from a
    cart'): where the object comes from, not where the one doing it is inside ('waves from a boat')."""
    space, before = phrases[k], phrases[k - 1] if k >= 2 else None
    if not isinstance(space, SpacePhrase) or space.lead != "from" or not isinstance(before, NounPhrase):
        return False
    return isinstance(phrases[k - 2], Verb) and is_governed(phrases, k - 1)


def _handed_from(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    target: int,
) -> RelationKind:
    """'sells rice from a tray', 'pours tea from a pot': when the verb's object draws nothing, the
    small thing it comes from is at hand, beside the one doing it, not under them ('casts a net
    from the pier' stays on it; 'sells plums from a tray': the plums are on the tray)."""
    if kind is not RelationKind.ON or not _source(phrases, k):
        return kind
    known, what = nouns[target].entry, at.get(phrases[k - 1].start)
    small = known is not None and known.size < Size.MEDIUM
    drawn = what is not None and nouns[resolve(nouns, what)].is_thing
    return RelationKind.NEXT_TO if small and not drawn else kind


def _from_within(
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, int],
    nouns: tuple[Noun, ...],
    kind: RelationKind,
    target: int,
) -> RelationKind:
    """'a goose honks from a rowboat', 'a dog barks from a car', 'a kitten peeks from a basket', 'a
    boy waves from its window' (a part of it): from a container or a vehicle with no top to stand
    on is from inside it ('waves from a cart', 'from the bench', 'from the top of the fridge' stay
    on it)."""
    known, nxt = nouns[target].entry, phrases[k + 1] if k + 1 < len(phrases) else None
    space = phrases[k]
    if kind is not RelationKind.ON or not isinstance(space, SpacePhrase) or known is None:
        return kind
    if space.lead != "from" or space.end - space.start > 1 or _source(phrases, k):  # not 'from the top of'
        return kind
    if not isinstance(nxt, NounPhrase) or nxt.start not in at or holder_of(nouns, at[nxt.start]) != target:
        return kind  # 'from its window', 'from the window of the train': a part of it, inside
    if is_class(nxt.head, WordClass.TOP_PART):
        return kind  # 'watches from its roof', 'waves from the deck': on top of it
    vehicle = known.kind is ThingKind.VEHICLE and not known.has(Flag.SUPPORT)
    return RelationKind.IN if known.has(Flag.CONTAINER) or vehicle else kind


def _sides_before(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> tuple[int, ...]:
    """'On the left, two sailors ... On the right, a chef ... Between them, a boy': the first thing
    after the last place on the left and on the right that open a sentence before k, when both do."""
    found: dict[str, int] = {}
    for j in range(k):
        p = phrases[j]
        place = place_of(p) if isinstance(p, SpacePhrase) and p.sentence >= phrases[k].sentence - 3 else None
        if place is None or place.horizontal not in {"left", "right"} or not opens_sentence(phrases, j):
            continue
        first = next_things(phrases, j, at, nouns, limit=1)
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
    them = isinstance(nxt, Mark) and nxt.low == "them"
    lone = target is None or not nouns[target].phrase.plural  # 'them' is never one thing alone
    every = _all_of_them(phrases, k)
    if every or them and lone:
        back = 2 if every else 3
        rows = [j for j in range(k) if getattr(phrases[j], "order", False)]
        row = row_of(phrases, rows[-1], at, nouns) if rows else []
        if row and max(nouns[i].phrase.sentence for i in row) >= sentence - back:
            return tuple(row)  # "From left to right: A, B, C. X above all of them", "Far behind them, X"
    if not them or not lone:
        return ()
    named = [
        holder_of(nouns, at[p.start])
        for j, p in enumerate(phrases[:k])
        if isinstance(p, NounPhrase)
        and p.start in at
        and p.sentence >= sentence - 3
        and not placing(phrases, j)
    ]
    named = [i for i in dict.fromkeys(named) if i is not None]
    animate = [i for i in named if nouns[i].animate and not nouns[i].phrase.plural]
    animate = animate if _all_of_them(phrases, k) else animate[-3:]
    since = named[named.index(animate[0]) :] if animate else named
    if any(nouns[i].phrase.plural for i in since):
        return ()  # a group named among them may be 'them' ('readers' before them is not)
    return tuple(animate) if len(animate) >= 2 else ()


def _listed_them(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...], target: int | None
) -> tuple[int, ...]:
    """What 'them' stands for when the sentence of phrase k, before it, or else the sentence before,
    opens with single things listed by commas and an 'and' before its verb ('A hat, a coat and a
    scarf hang on hooks. Below them sits a pair of boots'): the whole list, not its first thing.
    None when 'them' already found a group (a plural thing) or no such list opens those sentences."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if not (isinstance(nxt, Mark) and nxt.low == "them") or (
        target is not None and nouns[target].phrase.plural
    ):
        return ()
    sentence = phrases[k].sentence
    for wanted in (sentence, sentence - 1):
        first = next((j for j, p in enumerate(phrases[:k]) if p.sentence == wanted), None)
        first = _past_opening_place(phrases, first) if first is not None else None
        listed = subject_list(phrases, first, at, nouns) if first is not None else []
        own = wanted == sentence and set(listed) & set(subjects_of(phrases, k, at, nouns))
        if len(listed) >= 2 and not own and not any(nouns[i].phrase.plural for i in listed):
            return tuple(listed)  # not the subjects of the relation itself ('A and B stand between them')
    return ()


def _past_opening_place(phrases: tuple[Phrase, ...], j: int) -> int:
    """The phrase after the comma that closes a place opening the sentence at j ('On the shelf, a
    clock and a vase sit ...': the clock); j itself when the sentence opens otherwise."""
    if not isinstance(phrases[j], SpacePhrase):
        return j
    for i in range(j + 1, min(j + 4, len(phrases))):
        if isinstance(phrases[i], Mark) and phrases[i].low == ",":  # type: ignore[union-attr]
            return i + 1
    return j


def _the_group(
    phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]
) -> tuple[int, ...]:
    """What a definite plural that draws nothing of its own names again ('a winger dives; two
    defenders lunge. Behind the players, a tower'): every person or animal of its kind named in
    its sentence or the two before; none when fewer than two are found."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    if (
        not isinstance(nxt, NounPhrase)
        or nxt.start not in at
        or nxt.determiner not in {"the", "these", "those"}
    ):
        return ()
    noun = nouns[at[nxt.start]]
    kind = noun.kind
    if not nxt.plural or noun.role is not Role.NONE or kind not in ANIMATE:
        return ()
    named = [
        holder_of(nouns, at[p.start])
        for p in phrases[:k]
        if isinstance(p, NounPhrase) and p.start in at and p.sentence >= phrases[k].sentence - 2
    ]
    found = [i for i in dict.fromkeys(named) if i is not None and nouns[i].is_thing and nouns[i].kind is kind]
    return tuple(found) if len(found) >= 2 else ()


def _all_of_them(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the relation at k is to 'them all' or 'all of them' ('a barn behind them all'):
    every one named."""
    words = [p.low if isinstance(p, Mark) else "" for p in phrases[k + 1 : k + 4]]
    return words[:2] == ["them", "all"] or words == ["all", "of", "them"]


def _crewed(phrases: tuple[Phrase, ...], j: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> int | None:
    """The vehicle or animal that 'its' before a crew word at j belongs to: the last one named
    before it in its sentence or the one before ('a rickshaw is stuck, its driver honking')."""
    sentence = phrases[j].sentence
    for p in reversed(phrases[:j]):
        if p.sentence < sentence - 1:
            return None
        holder = holder_of(nouns, at[p.start]) if isinstance(p, NounPhrase) and p.start in at else None
        known = nouns[holder].entry if holder is not None else None
        if known is not None and known.kind in {ThingKind.VEHICLE, ThingKind.ANIMAL}:
            return holder
    return None


def _crew(phrases: tuple[Phrase, ...], at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """'its driver', 'its rider', 'its captain': a person named as a vehicle's or an animal's role
    is in that vehicle (on it, for a rider or a jockey); an animal's rider or mahout is on it."""
    links = []
    for j, p in enumerate(phrases):
        if not isinstance(p, NounPhrase) or p.determiner != "its" or p.start not in at:
            continue
        i = at[p.start]
        value = value_of(nouns[i].head, WordClass.CREW) if nouns[i].is_thing else None
        owner = _crewed(phrases, j, at, nouns) if value is not None else None
        if owner is None or value != "on" and nouns[owner].kind is ThingKind.ANIMAL:
            continue  # "a camel, its driver walking ahead": not on it
        links.append(Link(RelationKind.ON if value == "on" else RelationKind.IN, i, (owner,)))
    return links


def _stated_first(links: list[Link], acted: set[Link]) -> list[Link]:
    """The links without those a stated one overrules: a verb's 'beside' (in `acted`) yields to a
    thing said to rest on the same one ('a porter balances a crate on his head': on him); an 'on'
    yields to any other stated relation of the pair ('a cat under the table' does not rest on it)."""
    resting = {(x.subject, x.objects) for x in links if x.kind is RelationKind.ON}
    kept = [x for x in links if x not in acted or (x.subject, x.objects) not in resting]
    said = {(x.subject, x.objects) for x in kept if x.kind is not RelationKind.ON}
    return [x for x in kept if x.kind is not RelationKind.ON or (x.subject, x.objects) not in said]


def _marked(phrases: tuple[Phrase, ...], k: int, at: dict[int, int], nouns: tuple[Noun, ...]) -> list[Link]:
    """Relations said at phrase k by a word that is no preposition: 'where', a colon before a list,
    'whose', a participle with 'by' ('a dresser topped by a lamp', 'a canoe paddled by two boys')."""
    p = phrases[k]
    low = p.low if isinstance(p, Mark) else ""
    out: list[Link] = []
    if low == "where":
        out.extend(where(phrases, k, at, nouns))
    if low == ":":
        out.extend(set_with_list(phrases, k, at, nouns))
    if low == "whose":
        out.extend(whose_keeper(phrases, k, at, nouns))
    if filled_by(phrases, k):  # "a dresser topped by a lamp": as 'topped with'
        out.extend(laden_with(phrases, k, at, nouns).links)
    out.extend(borne_by(phrases, k, at, nouns))  # "a canoe paddled by two boys": in it
    return out


def _of_the_words(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the place phrase at k says where quoted words are, right after them ('squawks
    "MORE TEA!" in a speech bubble', 'a poster reading "LISBOA" across the top'): not where the
    one who says them or the thing they are written on is."""
    before = phrases[k - 1] if k else None
    return isinstance(before, Mark) and quoted(before.low)


def relate(phrases: tuple[Phrase, ...], nouns: tuple[Noun, ...]) -> Spatial:
    """All relations and absolute places of a prompt."""
    at = {n.phrase.start: i for i, n in enumerate(nouns)}
    links: list[Link] = []
    places: list[tuple[int, Place]] = []
    ordered: list[tuple[int, Place]] = []  # a list's order places; a place said of an item wins
    grounds = {k: i for k in range(len(phrases)) if (i := support_of(phrases, k, at, nouns)) is not None}
    supports = list(grounds.values())
    acted: set[Link] = set()  # what a verb alone says ('balances a crate': beside), below a stated place
    for k, p in enumerate(phrases):
        if isinstance(p, Verb):
            found_links = (
                circling(phrases, k, at, nouns)
                or crowding(phrases, k, at, nouns)
                or action(phrases, k, at, nouns)
            )
            acted.update(x for x in found_links if x.kind is RelationKind.NEXT_TO)
            links.extend(found_links)
        links.extend(_marked(phrases, k, at, nouns))
        if not isinstance(p, SpacePhrase) or _of_the_words(phrases, k):
            continue
        place = place_of(p)
        if p.spatial.relation == "together":
            links.extend(together(phrases, k, at, nouns))
            continue
        if p.spatial.relation == "camera":
            places.extend(coming_from(phrases, k, at, nouns))
            continue
        if on_its_owner(phrases, k):
            found = resting(phrases, k, at, nouns)
            if found.links:
                links.extend(found.links)
                continue
        if p.order:
            found = order(phrases, k, at, nouns)
        elif place is not None:
            found = absolute(phrases, k, at, nouns, place)
        elif p.spatial.relation is not None:
            found = _at_centre_of(p, _surrounding(p, _relation(phrases, k, at, nouns)))
        else:
            continue
        links.extend(found.links)
        (ordered if p.order else places).extend(found.places)
    places.extend(ordered)  # "From left to right: A, B, and in the center of the frame C": C in the center
    places.extend(sentence_places(phrases, at, nouns, places))
    links.extend(_crew(phrases, at, nouns))
    links = _stated_first(links, acted)
    on_wall = tuple(
        dict.fromkeys(i for k, scene in grounds.items() for i in hung_on_wall(phrases, k, scene, at, nouns))
    )
    return Spatial(
        tuple(dict.fromkeys(links)), tuple(places), tuple(supports), on_wall
    )  # "on a tray: ..., a newspaper under the tray"
