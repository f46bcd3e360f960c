"""Attachments for planner.rules_roles: whether a noun is worn, held, a part of or used by an
earlier thing ('a man in a hat', 'a girl holding a kite', 'the cat's tail', 'a knight with his
sword'), and which noun owns it.
"""

from __future__ import annotations

from planner.reading import Size
from planner.rules_clauses import fill_host, is_governed, subject_phrase
from planner.rules_clauses import participle as clause_participle
from planner.rules_phrases import (
    Mark,
    NounPhrase,
    Phrase,
    SpacePhrase,
    Verb,
    creature_part,
    list_end,
    on_its_owner,
    on_its_part,
    part_of,
    relates,
)
from planner.rules_role_nouns import (
    AIRY,
    DEFINITE,
    FINITE_BE,
    FINITE_HAVE,
    GENDERED,
    OTHER_SEX,
    POSSESSIVE,
    Noun,
    Role,
    absolute,
    is_person,
    low_text,
    phrase_after,
    phrase_before,
    recent_owner,
    referred_subject,
    resolve,
    scene_spot,
    told_sex,
)
from planner.rules_tokens import Tag
from planner.rules_vocab import (
    Entry,
    Flag,
    ThingKind,
    WordClass,
    attach_verb,
    concreteness,
    entry,
    is_class,
    is_verb_of,
    may_name_someone,
    participle,
    value_of,
)

_USING = frozenset({"inside", "on"})  # relations that link a hand-held thing to its user


_USING_WORDS = frozenset("from off into through".split())


_BEARERS = frozenset({ThingKind.VEHICLE, ThingKind.BUILDING})  # what a parasol or a flag is fitted on
_GROWN = frozenset({"plant", "animal"})  # owners whose parts named with "the" are where on them


def placed_next(phrases: tuple[Phrase, ...], k: int) -> bool:
    """An absolute place right after the phrase ('a village on the right'), or opening its sentence."""
    if absolute(phrase_after(phrases, k)):
        return True
    back = 2 if low_text(phrase_before(phrases, k)) == "," else 1
    opening = phrase_before(phrases, k, back + 1)
    return absolute(phrase_before(phrases, k, back)) and (
        opening is None or isinstance(opening, Mark) and opening.tag is Tag.END
    )


def _lead(phrases: tuple[Phrase, ...], k: int) -> Phrase | None:
    """The phrase before k, skipping a particle ('holding up a sword')."""
    before = phrase_before(phrases, k)
    if isinstance(before, Mark) and is_class(before.low, WordClass.PARTICLE):
        return phrase_before(phrases, k, 2)
    return before


def _listed_with(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """'a hat and a sweater', 'curly hair and glasses': the owner of the item listed just before."""
    by_index = {n.index: n for n in nouns}
    j = k
    while True:  # back over unlisted items ("..., sliced pork and green onions")
        i = j - 1
        if i >= 1 and isinstance(phrases[i], Verb) and phrases[i].low.endswith("ed"):  # type: ignore[union-attr]
            i -= 1
        previous = _before_body_place(phrases, by_index.get(i - 1), by_index)
        if i < 1 or low_text(phrases[i]) not in {"and", ","} or previous is None:
            return None
        if previous.role is not Role.NONE:
            break
        wearer = _wearer_of_unlisted(phrases, previous.index, nouns)
        if wearer is not None:
            return wearer  # "a waitress with a blonde beehive and a pink uniform"
        j = i - 1
    verb = _lead(phrases, previous.index)
    if previous.role is Role.THING and isinstance(verb, Verb) and attach_verb(verb.low):
        carrier = _holder(phrases, previous.index, nouns)  # "carrying a ladder and a bucket": both
        if carrier is not None and is_person(nouns[carrier]):
            return carrier
    tagged = previous is not None and previous.role is Role.PART and low_text(phrases[i]) == ","
    if tagged or previous is None or previous.role not in {Role.ATTACHED, Role.PART} or previous.ref is None:
        return None
    owner = nouns[previous.ref].entry
    contents = low_text(phrase_before(phrases, previous.index)) == "of"  # "a bowl of grapes and two pears"
    held = owner is not None and (owner.has(Flag.CONTAINER) or owner.has(Flag.SUPPORT))
    held = held and previous.role is not Role.PART  # "a mug with a chipped handle and a stack of books'
    bare = contents and _bare_plural(previous.phrase) and _bare_plural(phrases[k])  # "of axes and shields"
    figure = _figure(nouns[previous.ref])  # "a snowman with a carrot nose and a top hat"
    holder = owner is not None and (owner.animate or figure or held and (bare or not contents))
    return previous.ref if holder else None


_NOT_HANDLING = (
    WordClass.RELATION_VERB,
    WordClass.PLACING_VERB,
    WordClass.CONTAIN_VERB,
    WordClass.AIM_VERB,
    WordClass.ESCORT_VERB,
    WordClass.DEPICT_VERB,
    WordClass.SPACE_VERB,
    WordClass.CIRCLE_VERB,
    WordClass.CROWD_VERB,
)


def _handled(verb: Verb, known: Entry, p: NounPhrase) -> bool:
    """Whether the small holdable thing right after an action verb is in the hands of whoever
    does it ('checks a clipboard', 'cracks a whip'), not a thing of its own the verb relates to
    ('pumps a huge bellows': too big for a hand)."""
    food = known.kind is ThingKind.FOOD and not p.plural  # "slicing a watermelon", not "selling melons"
    small = (
        (known.has(Flag.HOLDABLE) or food) and known.size <= Size.SMALL and known.kind is not ThingKind.PERSON
    )
    small = small and not known.has(Flag.SKY)  # "boys fly a kite": up in the air, not in a hand
    small = small and not any(is_class(word, WordClass.BIG) for word in p.words[:-1])
    small = small and p.determiner not in DEFINITE  # "dives to stop the ball": the one in play
    sensed = is_verb_of(verb.low, WordClass.SENSE_VERB)  # "a cat watching a ball": seen, not held
    return (
        (small or _handwork(verb, known))
        and not sensed
        and not any(is_class(verb.low, kind) for kind in _NOT_HANDLING)
    )


def _fed(verb: Verb, p: NounPhrase) -> bool:
    """Whether a bare object, no article or count, is what the verb before it nibbles, chews or
    grinds ('two goats nibble moss', 'grinds chiles'): in the mouth or under the hand (but 'a
    mouse nibbles a wheel of cheese' names a thing to draw)."""
    return not p.determiner and not p.count and is_verb_of(verb.low, WordClass.FEED_VERB)


def _handwork(verb: Verb, known: Entry) -> bool:
    """Whether the thing is the work in the hands of whoever stitches, knits or mends it ('stitching
    a cloak', 'mending a fishing net'): a garment or a hand-held thing up to a medium size."""
    worked = known.has(Flag.WEARABLE) or known.has(Flag.HOLDABLE)
    return worked and known.size <= Size.MEDIUM and is_verb_of(verb.low, WordClass.HANDWORK_VERB)


def _put_down(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the thing at k is set somewhere by the verb before it ('sets a bag by a bench',
    'drops a cup on the floor', 'sets a loaf of bread on a rack'), not kept in hand (not 'cracks a
    whip at the lions')."""
    after = phrase_after(phrases, k)
    stuff = phrase_after(phrases, k + 1)
    if low_text(after) == "of" and isinstance(stuff, NounPhrase) and not stuff.determiner:
        after = phrase_after(phrases, k + 2)  # past what the thing is of
    if not relates(after):
        return False
    return after.lead != "at"


def _bare_plural(p: Phrase) -> bool:
    """A plural noun phrase with no article or count ('axes', 'dried figs')."""
    return isinstance(p, NounPhrase) and p.plural and not p.determiner and not p.count


def _before_body_place(
    phrases: tuple[Phrase, ...], noun: Noun | None, by_index: dict[int, Noun]
) -> Noun | None:
    """The item placed on its owner's body part ('flour on her cheeks'), for a noun that is that
    unlisted body part, so a list goes on past it ('with flour on her cheeks and an apron')."""
    if noun is None or noun.role is not Role.NONE or noun.phrase.determiner not in POSSESSIVE:
        return noun
    if not is_class(noun.head, WordClass.PART) or not isinstance(
        phrase_before(phrases, noun.index), SpacePhrase
    ):
        return noun
    j = noun.index - 2
    while j > 0 and _participle_or_particle(phrases[j]):
        j -= 1  # "goggles pushed up on his forehead and an apron": past the participle
    item = by_index.get(j)
    if low_text(phrase_before(phrases, j)) == "of" and (j - 2) in by_index:
        item = by_index[j - 2]  # "a smudge of flour on her cheek and an apron": the smudge is the item
    return item if item is not None and item.role in {Role.NONE, Role.ATTACHED} else noun


def _participle_or_particle(p: Phrase) -> bool:
    """A past participle ('pushed', 'tucked') or the particle after one ('up'), between a worn item
    and the body part it is placed on."""
    if isinstance(p, Mark):
        return is_class(p.low, WordClass.PARTICLE)
    return isinstance(p, Verb) and participle(p.low) and not p.low.endswith("ing")


def _wearer_of_unlisted(phrases: tuple[Phrase, ...], i: int, nouns: list[Noun]) -> int | None:
    """The person or animal right before 'with/in <an unlisted item>' (phrase i), who has it."""
    lead = phrase_before(phrases, i)
    if not isinstance(lead, SpacePhrase) or lead.spatial.relation not in {"with", "inside"}:
        return None
    for n, noun in enumerate(nouns):
        if noun.index == i - 2 and noun.role is Role.THING and noun.entry is not None:
            return n if noun.entry.animate else None
    return referred_subject(phrases, i - 1, nouns)  # "twins, the younger with a bob cut and a cap"


def _own_clause(phrases: tuple[Phrase, ...], k: int, owner: int) -> bool:
    """'a cat curls up at her feet, a guitar leans on the wall': the item after its owner's verb
    has a verb of its own, a new clause (not 'a woman with curly hair and glasses sits'). After a
    comma it is one with no verb before ('on a table draped with a cloth, a jug stands')."""

    def acts(p: Phrase | None) -> bool:
        return isinstance(p, Verb) and p.low.endswith("s")

    named = bool(phrases[k].determiner)  # type: ignore[union-attr]
    opens = low_text(phrase_before(phrases, k)) == "," or any(acts(p) for p in phrases[owner + 1 : k])
    return named and acts(phrase_after(phrases, k)) and opens


class _Undecided:
    """What an attachment rule returns when it does not apply, so the next one is asked."""


_UNDECIDED = _Undecided()


def attachment(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """The owner of a worn, held, contained or depicted thing, if it is one."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = _lead(phrases, k)
    toy = any(is_class(word, WordClass.TOY) for word in p.words[:-1])  # "a stuffed giraffe"
    carried = known.has(Flag.WEARABLE) or known.has(Flag.HOLDABLE) or known.size <= Size.TINY or toy
    carried = carried or isinstance(before, Verb) and before.low.startswith("wear")  # "wearing a blanket"
    seat = _draped_on(phrases, k, known, nouns)
    if seat is not None:
        return seat  # "an armchair with a wool throw"
    kit = low_text(before) == "whose" and _kit(p, known)  # "a drummer whose bass drum"
    if not carried and not kit and known.size > Size.SMALL:
        return None
    if _placed_by_them(phrases, k) or _at_feet(phrases, k) or _holds_a_creature(phrases, k, known):
        return None  # "two men play cards, a lantern between them": set down, not carried
    relative = _relative_antecedent(phrases, k, nouns) if p.determiner == "its" else None
    if relative is not None:
        return relative  # "the scarecrow, which tipped its straw hat": the scarecrow's
    held = _held_in_aside(phrases, k, known, nouns)
    if held is not None:
        return held  # "tourists crowd the bridge, phones raised": the tourists'
    held = _held_by_pronoun_after(phrases, k, nouns) if carried else None
    if held is not None:
        return held  # "resoling a boot he holds on his knee": the cobbler's
    found = _by_verb_or_body(phrases, k, p, before, known, nouns, carried, toy)
    if found is _UNDECIDED:
        found = _by_relation(phrases, k, p, before, known, nouns, carried)
    if found is _UNDECIDED:
        found = _by_possessor(phrases, k, p, before, known, nouns, carried)
    if found is _UNDECIDED:
        found = _by_tag_list(phrases, k, p, before, known, nouns)
    if found is _UNDECIDED:
        return _in_use(phrases, k, known, nouns)
    return found  # type: ignore[return-value]


def _held_by_pronoun_after(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """Who holds or wears the thing at k when a relative clause with 'he' or 'she' and a holding
    or wearing verb follows it, with or without 'that' ('mending a net he holds across his knees',
    'a scarf that she wears loosely'): the person that pronoun stands for."""
    j = k + 1
    if low_text(phrase_after(phrases, k)) in {"that", "which"}:
        j += 1
    pronoun = low_text(phrases[j]) if j < len(phrases) else ""
    if pronoun not in {"he", "she"} or not isinstance(phrases[j], Mark):
        return None
    verb = phrases[j + 1] if j + 1 < len(phrases) else None
    if not isinstance(verb, Verb) or not attach_verb(verb.low):
        return None
    return _possessor(nouns, phrases[k].sentence, pronoun)


def _draped_on(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """The seat, bed or table just named that a cloth laid over furniture (things.tsv flag 'drape')
    comes 'with' ('a sofa with a knitted throw', 'a table with a lace cloth'): part of its look."""
    before = _lead(phrases, k)
    if not isinstance(before, SpacePhrase) or before.spatial.relation != "with":
        return None
    if not known.has(Flag.DRAPE):
        return None
    seat = recent_owner(nouns, phrases[k].sentence, earlier=False)  # "an armchair in linen with ..."
    host = nouns[seat].entry if seat is not None else None
    return seat if host is not None and host.kind is ThingKind.FURNITURE and host.has(Flag.SUPPORT) else None


def _placed_by_them(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the thing at k opens an aside that places it by a pronoun ('..., a jug between
    them', '..., a lamp beside it'): a thing set there, not worn or held."""
    if k < 1 or k + 2 >= len(phrases) or low_text(phrases[k - 1]) != ",":
        return False
    where = phrases[k + 1]
    placing = isinstance(where, SpacePhrase) and where.spatial.relation not in {None, "with", "inside"}
    return placing and low_text(phrases[k + 2]) in {"them", "it"}


def _at_feet(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the thing at k (past what it is 'of') is placed 'at / by his feet' ('a wicker basket
    of sardines at his feet', 'snipping grapes into a basket at her feet', 'a toolbox at her
    feet'): set on the ground beside its owner, a thing of its own, not held or worn."""
    j = k + 1
    if low_text(phrase_after(phrases, k)) == "of" and isinstance(phrase_after(phrases, k + 1), NounPhrase):
        j = k + 3  # past "of sardines"
    place, body = phrase_after(phrases, j - 1), phrase_after(phrases, j)
    if not isinstance(place, SpacePhrase) or place.spatial.relation != "adjacent":
        return False
    return isinstance(body, NounPhrase) and body.head == "foot" and body.plural


def _stated_big(p: NounPhrase, known: Entry) -> bool:
    """Whether a thing that is not worn is said to be big ('a giant stuffed octopus', 'a huge teddy
    bear'): a toy that size is drawn as a thing of its own even when held (a 'huge hat' is worn)."""
    return not known.has(Flag.WEARABLE) and any(is_class(word, WordClass.BIG) for word in p.words[:-1])


def _holds_a_creature(phrases: tuple[Phrase, ...], k: int, known: Entry) -> bool:
    """Whether a container or support comes 'with' a person or animal in or on it ('carrying a
    brass birdcage with a cockatoo inside', 'a basket with a kitten asleep in it'): a thing
    that holds another region is a thing of its own, even when carried (tiny creatures, 'a jar
    full of fireflies', are its contents)."""
    if not (known.has(Flag.CONTAINER) or known.has(Flag.SUPPORT)):
        return False
    link, held = phrase_after(phrases, k), phrase_after(phrases, k + 1)
    if (
        not isinstance(link, SpacePhrase)
        or link.spatial.relation != "with"
        or not isinstance(held, NounPhrase)
    ):
        return False
    creature = entry(held.compound) or entry(held.head)
    return creature is not None and creature.animate and creature.size > Size.TINY  # not "a jar of fireflies"


def _by_verb_or_body(
    phrases: tuple[Phrase, ...],
    k: int,
    p: NounPhrase,
    before: Phrase | None,
    known: Entry,
    nouns: list[Noun],
    carried: bool,
    toy: bool,
) -> int | None | _Undecided:
    """The owner a wearing or handling verb, 'in hand' or 'around her shoulders' gives; none for an
    animal or a toy said to be big ('hands a giant stuffed octopus to a girl')."""
    if toy and _stated_big(p, known):
        return None
    if isinstance(before, Verb) and (attach_verb(before.low) or _fed(before, p)):
        return _wearer_or_holder(phrases, k, before, known, nouns)
    if isinstance(before, Verb) and _handled(before, known, p) and not _put_down(phrases, k):
        user = _wearer_or_holder(phrases, k, before, known, nouns)
        size = nouns[user].entry.size if user is not None and nouns[user].entry is not None else Size.HUGE
        bigger = user is not None and (size > known.size or size == known.size and _handwork(before, known))
        if bigger and _may_act(nouns[user]):  # type: ignore[index]
            return user  # "a surgeon checking a clipboard", "a puppy chewing a toy": in hand or mouth;
            # not "a mouse nibbles a wheel of cheese", too big for it
    if known.animate and not toy:
        return None
    if _in_hand(phrases, k):
        return recent_owner(nouns, p.sentence, animate=True, earlier=False)  # "the captain, pipe in mouth"
    worn_on = _on_own_body(phrases, k)
    if worn_on and carried:
        return _possessor(nouns, p.sentence, worn_on)  # "the woman, a shawl around her shoulders,"
    return _UNDECIDED


def _by_relation(
    phrases: tuple[Phrase, ...],
    k: int,
    p: NounPhrase,
    before: Phrase | None,
    known: Entry,
    nouns: list[Noun],
    carried: bool,
) -> int | None | _Undecided:
    """The owner (or none) the relation before the thing ('with', 'on', 'inside') or a user gives."""
    relation = before.spatial.relation if isinstance(before, SpacePhrase) else None
    end = list_end(phrases, k)
    end += isinstance(phrases[end], Verb) if end < len(phrases) else 0  # "... a pen lying across it"
    if relation == "with" and (
        on_its_owner(phrases, end)
        or on_its_part(phrases, end)
        or _placed_by_owner(phrases, k)
        or _placed_apart(phrases, k, nouns)
        or listed_on_a_thing(phrases, k)
    ):
        return None  # "a blanket with a basket on it", "a crate with a radio on its lid", "a desk with a lantern above it"
    if relation == "with" and _laden(phrases, k, known, nouns):
        return len(nouns) - 1  # "a cart piled with loaves": the load is in the cart's prompt
    if relation == "with" and _set_beside(phrases, k):
        return None  # "a hiker with a backpack at his feet": set down beside its owner
    if relation == "with" and (_fitted_on(phrases, k, known, nouns) or _side_part(phrases, k, nouns)):
        return len(nouns) - 1  # "sells tofu from a cart with a striped umbrella": the cart's
    if _served_on(phrases, k, known, nouns):
        return None  # "a table set with a teapot and cups": each rests on the table
    if relation == "on" and _worn_underfoot(phrases, k, known, nouns):
        return len(nouns) - 1  # "a girl on roller skates": worn, not a support
    if relation == "on" and _led_on(phrases, k, nouns):
        return len(nouns) - 1  # "a dachshund on a leash": what leads it, not a support
    if relation == "below" and known.has(Flag.WEARABLE):
        return _under_it(phrases, k, nouns)  # "a sailor dozes under a striped cape": worn
    user = _subject_using(phrases, k, known, nouns)
    if user is not None:
        return user  # "swats at the dog with a rolling pin", "tosses petals from a basket"
    worn_in = relation == "inside" and before.lead == "in" and before.spatial.length == 1
    if worn_in and known.has(Flag.WEARABLE) or relation == "with" and carried:
        return _in_or_with_owner(phrases, k, relation, known, nouns)  # not "inside a boot", "in and out of"
    return _UNDECIDED


def _by_possessor(
    phrases: tuple[Phrase, ...],
    k: int,
    p: NounPhrase,
    before: Phrase | None,
    known: Entry,
    nouns: list[Noun],
    carried: bool,
) -> int | None | _Undecided:
    """The owner a possessive ('her umbrella', "the knight's lance"), an 'of' or a listing names."""
    named = _named_possessor(phrases, k, nouns) if carried and not p.determiner else None
    if named is not None and not placed_next(phrases, k) and not _set_down(phrases, k):
        return named  # "the girl's phone lit up", "the knight's lance"
    whose = low_text(before) == "whose"
    if whose and not known.has(Flag.WEARABLE) and _caught_at(phrases, k):
        return None  # "a boy whose kite is tangled in the wires": up there, not in his hand
    if whose and (carried or _kit(p, known)):
        return _whose_owner(phrases, k, nouns, carried)  # "an archer whose silver cloak streams"
    if p.determiner in POSSESSIVE and _set_apart(phrases, k):
        return None  # "his hammer lies across the workbench", "his open hat on the ground": set apart
    if p.determiner == "its" and carried and not placed_next(phrases, k):
        return _its_owner(nouns, p.sentence, known)  # "a dog chews its bone", "clings to its ropes"
    if p.determiner in POSSESSIVE and carried and not placed_next(phrases, k):
        doer = _verb_subject_of_sex(phrases, k, nouns, p.determiner)
        if doer is not None:
            return doer  # "a mother carries a baby and checks her phone": the mother's
        return _possessor(nouns, p.sentence, p.determiner)  # "mend their nets", "her umbrella"
    if (
        low_text(before) == "of"
        and nouns
        and nouns[-1].index == k - 2
        and nouns[-1].is_thing
        and holds(nouns[-1], p, known)
    ):
        return len(nouns) - 1  # "a bowl of lemons", "a painting of a corgi"
    listed = _listed_with(phrases, k, nouns)
    if listed is not None and carried and not _own_clause(phrases, k, nouns[listed].index):
        return listed
    return _UNDECIDED


def _set_down(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the thing at k is the subject of a verb that sets it somewhere away from its owner
    ('the keeper's telescope rests on the windowsill', 'her cello leans against the wall'): a
    thing of its own there, though still theirs ('his sword hangs at his hip' stays worn)."""
    verb, where = phrase_after(phrases, k), phrase_after(phrases, k + 1)
    if not isinstance(verb, Verb) or not is_class(verb.low, WordClass.PLACING_VERB):
        return False
    spot = phrase_after(phrases, k + 2)
    owned = isinstance(spot, NounPhrase) and spot.determiner in POSSESSIVE
    return isinstance(where, SpacePhrase) and isinstance(spot, NounPhrase) and not owned


def _set_apart(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether 'his' / 'her' thing at k is set somewhere by a verb of its own ('his hammer lies
    across the workbench') or, opening an aside, by a place with no verb ('..., his open hat on the
    ground'); not 'leans on his crook beside a tree' (the clause's place) or '..., his rod bent over
    the railing' (a held thing's pose)."""
    after, before = phrase_after(phrases, k), phrase_before(phrases, k)
    if isinstance(after, Verb):  # the thing opens the clause: not "a dog with a barrel on its collar sits"
        return (
            (before is None or isinstance(before, Mark)) and after.low.endswith("s") and _set_down(phrases, k)
        )
    aside = low_text(before) == ","
    return aside and isinstance(after, SpacePhrase) and _laid_on_a_spot(after, phrase_after(phrases, k + 1))


def _caught_at(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the thing at k, after 'whose', is said to be at a thing of the scene by a state or
    a perfect ('whose kite has snagged on a lamppost', 'whose ball is stuck in the hedge'):
    away from its owner, so a thing of its own. Not in the air's stuff ('whose flag flaps in the
    wind') nor at its owner's body ('whose sword hangs at his side')."""
    j = k + 2
    if low_text(_at(phrases, k + 1)) not in FINITE_BE | FINITE_HAVE:
        return False  # "is tangled", "has snagged"; not "whose crook leans on the wall", still hers
    state = _at(phrases, j)
    if not (isinstance(state, Verb) or isinstance(state, Mark) and state.tag is Tag.ADJ):
        return False
    spot = scene_spot(_at(phrases, j + 1), _at(phrases, j + 2))
    if spot is None:
        return False
    thing = entry(spot.head) is not None or concreteness(spot.head) is not None  # "the overhead wires"
    return thing and not any(is_class(spot.head, c) for c in AIRY)


def _laid_on_a_spot(where: SpacePhrase, spot: Phrase | None) -> bool:
    """Whether a place right after a thing, with no verb, is a spot of the scene ('his hat on the
    ground', 'her bag under the table'), not its owner's body ('his pipe in his mouth', 'phone in
    hand', 'a bag on the shoulder')."""
    ground = scene_spot(where, spot)
    if ground is None or not is_class(where.lead, WordClass.PREPOSITION):
        return False  # "his rod bent over the railing": a held thing's pose
    return not is_class(ground.head, WordClass.PART)


def _by_tag_list(
    phrases: tuple[Phrase, ...], k: int, p: NounPhrase, before: Phrase | None, known: Entry, nouns: list[Noun]
) -> int | None | _Undecided:
    """The owner of a worn or wielded thing in a tag list ('1girl, red cheongsam', 'swinging hammer')."""
    described = (
        isinstance(before, Verb) and low_text(phrase_before(phrases, k, 2)) == ","
    )  # ", matching uniforms"
    if known.has(Flag.WEARABLE) and (_opens_tag(phrases, k, nouns) or described) and not p.determiner:
        return _tag_owner(phrases, nouns, p.sentence)  # tag lists: "1girl, red cheongsam"
    wielded = described and before.low.endswith("ing") and known.has(Flag.HOLDABLE)  # type: ignore[union-attr]
    wielded = wielded and not p.plural or _bare_tag(phrases, k, known, nouns)
    if wielded and not p.determiner:
        return _tag_owner(phrases, nouns, p.sentence)  # tag lists: "blacksmith, swinging hammer"
    return _UNDECIDED


def _kit(p: NounPhrase, known: Entry) -> bool:
    """Whether a thing is one piece of someone's kit, no bigger than a person: one object ('a bass
    drum', 'a loom'), not furniture, a vehicle or a building, nor a row of things set out."""
    return known.kind is ThingKind.OBJECT and known.size <= Size.MEDIUM and not p.plural


def _whose_owner(
    phrases: tuple[Phrase, ...], k: int, nouns: list[Noun], carried: bool = True
) -> int | None | _Undecided:
    """The person or animal named right before 'whose' that wears or holds the thing at k ('a
    knight whose cloak billows'), or before the comma that opens a 'whose' aside ('the knight,
    whose cloak billows,'); undecided after a lifeless thing ('a stall whose awning'). A thing
    not carried is only a person's own kit ('a drummer whose bass drum is painted')."""
    at = k - 3 if k >= 3 and low_text(phrases[k - 2]) == "," else k - 2
    for i, noun in enumerate(nouns):
        if noun.index == at and noun.role in {Role.THING, Role.REPEAT}:
            owner = resolve(nouns, i)
            return owner if _may_act(nouns[owner]) and (carried or is_person(nouns[owner])) else _UNDECIDED
    return _UNDECIDED


def _named_possessor(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The person or animal named with 's right before the thing at k ("the girl's phone", "the
    fox's collar"), who holds or wears it; not a lifeless owner ("the tug's airlock")."""
    if k < 2 or low_text(phrase_before(phrases, k)) != "'s":
        return None
    for i, noun in enumerate(nouns):
        if noun.index == k - 2 and noun.role in {Role.THING, Role.REPEAT}:
            owner = resolve(nouns, i)
            return owner if _may_act(nouns[owner]) else None
    return None


def _bare_tag(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """Whether the thing at k is a hand-held tag of its own between commas ('1girl, drummer,
    drumsticks,') right after that one or their own tag: held by the one tagged, as a worn tag is
    worn; not a scene's tag ('moat, banner')."""
    closed = k + 1 >= len(phrases) or low_text(phrase_after(phrases, k)) in {",", ";", "."}
    if not (known.has(Flag.HOLDABLE) and closed and _opens_tag(phrases, k, nouns)):
        return False
    prev = next((n for n in nouns if n.index == k - 2), None)  # the tag before: the one tagged or theirs
    owned = prev is not None and prev.role in {Role.PART, Role.ATTACHED}
    return owned or prev is not None and prev.role is Role.THING and _may_act(prev)


def _at(phrases: tuple[Phrase, ...], k: int) -> Phrase | None:
    return phrases[k] if k < len(phrases) else None


def _placed_by_owner(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the thing named 'with' at k is placed by 'it' / 'them' right after it ('a desk with
    a lantern hanging above it', 'two beds, each with a rug beside it'): a thing of its own, not
    held ('a dog with a vest stands by them' holds it)."""
    k += 1
    verb = _at(phrases, k)
    k += isinstance(verb, Verb) and verb.low.endswith(("ing", "ed"))  # "hanging above it"
    p, nxt = _at(phrases, k), _at(phrases, k + 1)
    placed = relates(p)
    return placed and isinstance(nxt, Mark) and nxt.low in {"it", "them"}


def _placed_apart(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether the thing named 'with' at k after a thing that cannot act has an '-ing' verb and a
    place of its own ('a viaduct, with a balloon drifting above the peaks'): a thing of its own.
    After a person or an animal the verb is the owner's ('a cat with a bell collar sitting on a
    tank')."""
    owner = nouns[-1] if nouns and nouns[-1].index <= k - 2 else None
    if owner is None or owner.entry is None or owner.entry.animate:
        return False
    verb, place, nxt = _at(phrases, k + 1), _at(phrases, k + 2), _at(phrases, k + 3)
    acting = isinstance(verb, Verb) and verb.low.endswith("ing")
    placed = relates(place)
    return acting and placed and isinstance(nxt, NounPhrase) and nxt.determiner not in POSSESSIVE


def listed_place(phrases: tuple[Phrase, ...], k: int) -> int | None:
    """Where the place phrase of the thing named 'with' after a comma at k is, past what it is of,
    what it has and a participle (', with a mug of cocoa on a side table', ', with a dog curled at
    her feet', ', with a lamp with a fringed shade glowing beside the chair'):
    such a 'with' names one more item of the scene's list, placed there, not a feature of the thing
    before the comma; None when no place follows it."""
    if low_text(phrase_before(phrases, k, 2)) != ",":
        return None
    j = k + 1
    stuff = _at(phrases, j + 1)
    j += (
        2
        if low_text(_at(phrases, j)) == "of" and isinstance(stuff, NounPhrase) and not stuff.determiner
        else 0
    )
    lead = _at(phrases, j)
    having = (
        isinstance(lead, SpacePhrase) and lead.spatial.relation == "with"
    )  # "a lamp with a shade glowing"
    j += 2 if having and isinstance(_at(phrases, j + 1), NounPhrase) else 0
    verb = _at(phrases, j)
    j += isinstance(verb, Verb | Mark) and verb.low.endswith(("ing", "ed"))  # "curled on the seat"
    place = _at(phrases, j)
    placed = relates(place)
    if placed and _on_part_of(_at(phrases, k - 3), _at(phrases, j + 1)):
        return None  # "her rocking chair, with a shawl thrown over the armrest": on the chair
    return j if placed or absolute(place) else None


def _on_part_of(before: Phrase | None, ground: Phrase | None) -> bool:
    """Whether `ground` names a part that the thing `before` may have ('a chair' and 'the
    armrest', not 'a lamp' and 'the seat'): a 'with' item placed there is on that thing."""
    if not isinstance(before, NounPhrase) or not isinstance(ground, NounPhrase):
        return False
    return part_of(entry(before.compound) or entry(before.head), ground.head)


def listed_on_a_thing(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the thing named 'with' after a comma at k is set on or by another thing ('a dog asleep
    on the seat, with a mug of cocoa on a side table'): not held by the one before the comma; but a
    place on a body ('with a cup in her hand', 'with a book on the knee'), among one's own things
    ('on his desk') or 'at' one ('with a crate at his feet') keeps it with its holder."""
    j = listed_place(phrases, k)
    if j is not None and absolute(phrases[j]):
        return True  # ", with a lantern on the right": placed in the picture
    ground = _at(phrases, j + 1) if j is not None else None
    if j is None or phrases[j].lead == "at" or not isinstance(ground, NounPhrase):  # type: ignore[union-attr]
        return False
    if ground.determiner in POSSESSIVE:
        return False
    owners = value_of(ground.head, WordClass.PART) or ""  # "on the seat" of a chair, not "on the knee"
    return (
        not is_class(ground.head, WordClass.PART)
        or bool(owners)
        and not {"person", "animal"} & set(owners.split(","))
    )


def _opens_tag(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether the phrase at k is a tag: after a comma, or after the colon that opens a person's or
    animal's description ('knight on the left: silver armour, ...'), not a bare label's."""
    if low_text(phrase_before(phrases, k)) == ",":
        return True
    if low_text(phrase_before(phrases, k)) != ":" or k < 3 or not isinstance(phrases[k - 2], SpacePhrase):
        return False
    who = next((n for n in nouns if n.index == k - 3 and n.role in {Role.THING, Role.REPEAT}), None)
    return who is not None and _may_act(who)


def _tag_owner(phrases: tuple[Phrase, ...], nouns: list[Noun], sentence: int) -> int | None:
    """Whom a tag describes: the last person or animal tagged, but in 'horse behind knight, red
    saddle' or '1boy standing behind the girl, red scarf' the tag's subject (the horse, the boy),
    not the one its place is said against."""
    owner = recent_owner(nouns, sentence, animate=True)
    named = [i for i, n in enumerate(nouns) if n.role in {Role.THING, Role.REPEAT}]
    last = nouns[named[-1]] if named else None
    if last is None or owner != resolve(nouns, named[-1]) or last.index < 2:
        return owner
    at = _posed_subject_at(phrases, last.index - 2)
    lead, subject = phrases[last.index - 1], phrases[at]
    if isinstance(lead, SpacePhrase) and isinstance(subject, NounPhrase):
        for i, noun in enumerate(nouns):
            if noun.index == at and noun.role in {Role.THING, Role.REPEAT}:
                target = resolve(nouns, i)
                known = nouns[target].entry
                return target if known is not None and known.animate else owner
    return owner


def _posed_subject_at(phrases: tuple[Phrase, ...], at: int) -> int:
    """Where the subject of a tagged place stands, back over the '-ing' verb of its pose
    ('1boy standing behind the girl'): the phrase before the verb, else `at` itself."""
    verb = phrases[at]
    posed = isinstance(verb, Verb) and verb.low.endswith("ing") and at >= 1
    return at - 1 if posed else at


def _wearer_or_holder(
    phrases: tuple[Phrase, ...], k: int, verb: Verb, known: Entry, nouns: list[Noun]
) -> int | None:
    """Who wears or holds the thing at k, named after a verb like 'wearing' or 'holds': a figure
    right before ('a snowman wearing a scarf'), 'she' / 'he', or the holder (_holder); nobody for a
    person ('a father holding his toddler': someone held is still someone, in view)."""
    if known.kind is ThingKind.PERSON:
        return None
    worn = known.has(Flag.WEARABLE) and verb.low.startswith("wear")
    figure = _figure_before(phrases, verb.start, nouns, worn)
    said_at = _pronoun_at(phrases, k - 1 - (verb is not phrase_before(phrases, k)))
    subject = low_text(phrases[said_at]) if said_at is not None else ""
    if figure is None and said_at is not None and subject in GENDERED:
        first = _first_subject(phrases, said_at, nouns, subject)
        return first if first is not None else _possessor(nouns, phrases[k].sentence, subject)
    if figure is None and said_at is not None and subject == "it" and _opens_clause_at(phrases, said_at):
        animal = _animal_it(phrases, said_at, nouns, worn)
        return animal if animal is not None else _holder(phrases, k, nouns)
    return figure if figure is not None else _holder(phrases, k, nouns)


def _opens_clause_at(phrases: tuple[Phrase, ...], at: int) -> bool:
    """Whether the word at `at` opens a clause: first, or after a sentence end, a comma or 'and'
    ('; it is wearing a cap'), not the object of a preposition ('crouched beneath it clutching')."""
    before = phrase_before(phrases, at)
    return before is None or isinstance(before, Mark) and before.tag in {Tag.END, Tag.COMMA, Tag.CONJ}


def _animal_it(phrases: tuple[Phrase, ...], at: int, nouns: list[Noun], worn: bool) -> int | None:
    """Who 'it' at `at`, the subject of 'is wearing' / 'holds', stands for: the subject of the
    clause before it, in its sentence or the one before ('a toad sits on the rim; it is wearing a
    waistcoat'), when that is an animal (what wears or holds and is called 'it'), or for a worn
    thing a figure ('a scarecrow stands in a field; it wears a straw hat'); else None."""
    sentence = phrases[at].sentence
    for wanted in (sentence, sentence - 1):
        first = _first_verb(phrases, at, wanted)
        if first is None:
            continue
        owner = _acting(phrases, subject_phrase(phrases, first), nouns)
        known = nouns[owner].entry if owner is not None else None
        if owner is not None and known is not None and known.kind is ThingKind.ANIMAL:
            return owner
        return owner if owner is not None and worn and _figure(nouns[owner]) else None
    return None


def _pronoun_at(phrases: tuple[Phrase, ...], verb: int) -> int | None:
    """Where the word before the verb at `verb` is, back over 'is' / 'has' ('she is holding a
    lamp'); None at the start of the text."""
    back = 1
    while isinstance(word := phrase_before(phrases, verb, back), Mark) and word.tag in {Tag.BE, Tag.AUX}:
        back += 1
    return verb - back if verb - back >= 0 else None


def _first_verb(phrases: tuple[Phrase, ...], at: int, sentence: int) -> int | None:
    """Where the first verb of sentence `sentence` is, before phrase `at`; None if it has none."""
    return next(
        (j for j in range(at) if phrases[j].sentence == sentence and isinstance(phrases[j], Verb)), None
    )


def _first_subject(phrases: tuple[Phrase, ...], at: int, nouns: list[Noun], word: str) -> int | None:
    """Who 'he' / 'she' at `at`, opening a clause joined to one before it in its sentence, stands
    for: the subject of that first clause, the one the sentence is about ('a girl sits by her
    grandmother, and she is reading a map': the girl), when it is a person or animal not told
    the other sex; None when no clause comes before in the sentence (across sentences the one
    latest named may be meant: 'Pip met a badger. She wore spectacles')."""
    if word not in {"he", "she"}:
        return None
    first = _first_verb(phrases, at, phrases[at].sentence)
    if first is None:
        return None
    owner = _acting(phrases, subject_phrase(phrases, first), nouns)
    if owner is None or nouns[owner].entry is None or told_sex(nouns, owner, OTHER_SEX[word]):
        return None
    return owner


def _under_it(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None | _Undecided:
    """Who is under a garment ('a boy naps under a wool cloak', 'a dog under a raincoat'): the
    person or animal just named in the sentence, with no other thing between, wears it."""
    sentence = phrases[k].sentence
    owner = recent_owner(nouns, sentence, animate=True, earlier=False)
    if owner is None or owner != recent_owner(nouns, sentence, earlier=False):
        return _UNDECIDED
    return owner


def _in_or_with_owner(
    phrases: tuple[Phrase, ...], k: int, relation: str, known: Entry, nouns: list[Noun]
) -> int | None:
    """The owner of a thing worn 'in' or carried 'with': the one 'she' / 'he' names ('the bride and
    groom, she in a gown'), a figure right before ('a rag doll in a gingham dress'), else the
    latest person or animal ('in a red coat', 'with a cane'), else for a small thing with 'with'
    the latest thing ('a bowl of ramen with a soft boiled egg'); with none in the sentence, 'her'
    or 'his' names the owner told before ('She sits on the bench in her coat')."""
    sentence = phrases[k].sentence
    pronoun = _clause_pronoun(phrases, k)
    if pronoun in GENDERED:
        return _possessor(nouns, sentence, pronoun)
    dressed = phrase_before(phrases, k, 2)
    lead = k - 1 - (isinstance(dressed, Verb) and participle(dressed.low))  # "the former clad in"
    referred = referred_subject(phrases, lead, nouns)
    if referred is not None:
        return referred  # "a man and a boy, the former in a cap, the latter with a kite"
    determiner = phrases[k].determiner  # type: ignore[union-attr]
    if relation == "inside" and _wearer_before(nouns, lead + 1) and not _someone_elses(nouns, determiner):
        return len(nouns) - 1  # "a doll in a dress", "a mannequin draped in a veil"
    figure = bool(nouns) and nouns[-1].index == k - 2 and _figure(nouns[-1])
    if relation == "with" and known.has(Flag.WEARABLE) and figure:
        return resolve(nouns, len(nouns) - 1)  # "kids dress a scarecrow with a straw hat": its hat
    if relation == "with" and _opens_item(phrases, nouns, k - 2):
        return len(nouns) - 1  # "..., a food truck with a menu": the truck's, not the crowd's before
    if relation == "with" and _filled_right_before(phrases, nouns, k):
        filled = nouns[-1]  # "a barrow full of lemons"; "its basket full of lemons": the moped's basket
        owned = filled.role in {Role.ATTACHED, Role.PART} and filled.ref is not None
        return filled.ref if owned else len(nouns) - 1
    verb = k - 2 if isinstance(phrase_before(phrases, k, 2), Verb) else None
    antecedent = (
        _lifeless_antecedent(phrases, verb, nouns) if relation == "with" and verb is not None else None
    )
    if antecedent is not None:
        return antecedent  # "a cart which is loaded with apples": the cart's, as "a cart loaded with"
    owner = recent_owner(nouns, sentence, animate=True, earlier=False)
    if owner is None and relation == "with" and known.size <= Size.SMALL:
        owner = recent_owner(nouns, sentence, earlier=False)
    if owner is None and determiner in GENDERED:
        owner = _possessor(nouns, sentence, determiner)  # "She sits on the bench in her red coat."
    return owner


def _filled_right_before(phrases: tuple[Phrase, ...], nouns: list[Noun], k: int) -> bool:
    """Whether phrase k follows a fill word ('full of', 'filled with') right after the last noun, a
    thing or someone's: what fills a thing is in it ('a barrow full of lemons'), whoever pushes or
    holds the thing (a scene noun's stars stay things of their own: 'a sky full of stars')."""
    lead = phrase_before(phrases, k)
    full = isinstance(lead, SpacePhrase) and is_class(lead.lead, WordClass.FILL_WORD)
    last = nouns[-1] if nouns else None
    had = last is not None and (
        last.is_thing or last.role in {Role.ATTACHED, Role.PART}
    )  # not "a sky full of stars"
    return full and last is not None and last.index == k - 2 and had


def _someone_elses(nouns: list[Noun], determiner: str | None) -> bool:
    """Whether 'her' / 'his' before a garment says it is not the lifeless thing's just named
    ('she stands at the well in her apron': 'her' is someone, never the well)."""
    last = nouns[-1].entry if nouns else None
    return determiner in GENDERED and last is not None and not last.animate


def _opens_item(phrases: tuple[Phrase, ...], nouns: list[Noun], i: int) -> bool:
    """Whether phrase i is the last noun, a thing of its own that opens a comma-separated item with
    an article, or with 'with' and an article ('..., a food truck with ...', '..., with a round
    window with salt-crusted glass'): what the item says next is about it."""
    if not nouns or nouns[-1].index != i or nouns[-1].role is not Role.THING or i < 1:
        return False
    lead = phrase_before(phrases, i)
    if isinstance(lead, SpacePhrase) and lead.spatial.relation == "with":
        lead = phrase_before(phrases, i, 2)
    return low_text(lead) == "," and bool(phrases[i].determiner)  # type: ignore[union-attr]


def _in_hand(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the bare noun at k is held by its owner's part, both with no article ('sword in
    hand', 'pipe in mouth', 'cap in hands'): an aside about the one named before."""
    p, space = phrases[k], phrase_after(phrases, k)
    part = phrases[k + 2] if k + 2 < len(phrases) else None
    if not isinstance(p, NounPhrase) or p.determiner or p.count or not isinstance(space, SpacePhrase):
        return False
    owners = value_of(part.head, WordClass.PART) if isinstance(part, NounPhrase) else None
    bare_part = isinstance(part, NounPhrase) and not part.determiner and "person" in (owners or "")
    return space.lead in {"in", "between"} and bare_part


def _on_own_body(phrases: tuple[Phrase, ...], k: int) -> str:
    """The possessive ('her') when the thing at k is set on someone's body part or garment in an
    aside ('a shawl around her shoulders,', 'a sword at his hip.', 'a badge pinned to her coat.'):
    after a comma and closing its clause, so it is that one's."""
    space = phrase_after(phrases, k)
    part = phrases[k + 2] if k + 2 < len(phrases) else None
    if (
        not isinstance(space, SpacePhrase)
        or not isinstance(part, NounPhrase)
        or low_text(phrase_before(phrases, k)) != ","
    ):
        return ""
    closed = k + 3 >= len(phrases) or low_text(phrase_after(phrases, k + 2)) in {",", ".", ";", "!"}
    worn = entry(part.head)  # a garment holds what is fixed on or in it, not what is next to it
    fixed = worn is not None and worn.has(Flag.WEARABLE) and space.spatial.relation in {"on", "inside"}
    body = (is_class(part.head, WordClass.PART) or fixed) and part.determiner in {"his", "her"}
    return part.determiner if closed and body else ""


def _worn_underfoot(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """'a boy on stilts', 'a girl on roller skates', 'a fox on skis': a worn pair right after someone
    (a person or an animal) and 'on' is on their feet, not under them; 'a hut on stilts': after
    a building they are its legs, part of its look."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    owner = nouns[-1] if nouns else None
    built = owner is not None and owner.entry is not None and owner.entry.kind is ThingKind.BUILDING
    return (
        known.has(Flag.WEARABLE)
        and known.has(Flag.PAIR)
        and p.plural
        and p.determiner not in DEFINITE
        and owner is not None
        and owner.index == k - 2
        and (owner.animate or built)
    )


def _led_on(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'a dachshund on a leash', 'a greyhound on a red lead': a tether (words.tsv) right after an
    animal and 'on' is what the animal is led by, drawn with it, not a thing it stands on."""
    p = phrases[k]
    owner = nouns[-1] if nouns else None
    return (
        isinstance(p, NounPhrase)
        and is_class(p.head, WordClass.TETHER)
        and owner is not None
        and owner.index == k - 2
        and owner.entry is not None
        and owner.entry.kind is ThingKind.ANIMAL
    )


def _clause_pronoun(phrases: tuple[Phrase, ...], k: int) -> str:
    """The word opening the clause of 'in/with <item>' (phrase k), back over 'is' and describing
    words: 'she in a gown', 'he is barefoot in chinos'."""
    back = 2
    while back < 5:
        word = phrase_before(phrases, k, back)
        if not isinstance(word, Mark) or word.tag not in {Tag.BE, Tag.ADJ, Tag.ADV}:
            break
        back += 1
    return low_text(phrase_before(phrases, k, back))


def _wearer_before(nouns: list[Noun], k: int) -> bool:
    """Whether the noun right before 'in <a garment>' (phrase k; the caller steps over a participle:
    'a mannequin draped in a veil') can wear it: someone, an animal or a figure-like object (a
    doll, a teddy bear), not a counter or a box."""
    last = nouns[-1] if nouns else None
    if last is None or not last.is_thing or last.index != k - 2 or last.entry is None:
        return False
    known = last.entry
    holder = known.has(Flag.SUPPORT) or known.has(Flag.CONTAINER) or known.has(Flag.WALL)
    return known.kind in {ThingKind.PERSON, ThingKind.ANIMAL, ThingKind.OBJECT} and not holder


def _set_beside(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether a 'with' thing is placed beside its owner right after ('with a crate at his
    feet', 'with a dog beside her'): a thing of its own, not held; but a thing worn 'around
    her neck' is worn."""
    place = phrase_after(phrases, k)
    if not isinstance(place, SpacePhrase) or place.spatial.relation not in {
        "adjacent",
        "left_of",
        "right_of",
    }:
        return False
    p, body = phrases[k], phrase_after(phrases, k + 1)
    known = entry(p.compound) or entry(p.head) if isinstance(p, NounPhrase) else None
    worn = known is not None and known.has(Flag.WEARABLE) and isinstance(body, NounPhrase)
    return not (worn and body.determiner in POSSESSIVE and is_class(body.head, WordClass.PART))  # type: ignore[union-attr]


def _relative_antecedent(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The thing a relative clause right before phrase k is about ('the old scarecrow, which
    tipped its straw hat', 'a kettle that lost its lid'): 'which' or 'that' and its verb name the
    thing just before them, so 'its' is that thing's, whatever kind it is."""
    at = _antecedent_at(phrases, k - 1) if isinstance(phrase_before(phrases, k), Verb) else None
    found = [i for i, n in enumerate(nouns) if n.index == at and n.role in {Role.THING, Role.REPEAT}]
    return resolve(nouns, found[0]) if found else None


def _antecedent_at(phrases: tuple[Phrase, ...], verb: int, past_be: bool = False) -> int | None:
    """Where the noun is that 'which' / 'that' (after a comma or not) right before the verb at
    `verb` is about ('a kettle that lost its lid', 'the scarecrow, which tipped its hat'); with
    `past_be`, also past 'is' ('a cart which is loaded with apples'); None when no such pronoun."""
    back = 1
    while (
        past_be
        and isinstance(word := phrase_before(phrases, verb, back), Mark)
        and word.tag in {Tag.BE, Tag.AUX}
    ):
        if word.low in {"which", "that"}:
            break
        back += 1
    if low_text(phrase_before(phrases, verb, back)) not in {"which", "that"}:
        return None
    back += low_text(phrase_before(phrases, verb, back + 1)) == ","
    return verb - back - 1


def _its_owner(nouns: list[Noun], sentence: int, known: Entry) -> int | None:
    """Whose 'its' thing it is: the latest animal's ('a fox licks its paw'), never a person's
    (people are 'his' / 'her'): else the first lifeless thing of this sentence (or the one before)
    no smaller than it ('a bridge sags, and a goblin clings to its ropes': the bridge's)."""
    animal = recent_owner(nouns, sentence, animate=True)
    if animal is not None and not is_person(nouns[animal]):
        return animal
    for wanted in (sentence, sentence - 1):
        for i, noun in enumerate(nouns):
            whole = resolve(nouns, i)
            found = nouns[whole].entry
            if noun.role not in {Role.THING, Role.REPEAT} or noun.phrase.sentence != wanted or found is None:
                continue
            if not found.animate and found.size >= known.size:
                return whole
    return animal


def _verb_subject_of_sex(
    phrases: tuple[Phrase, ...], k: int, nouns: list[Noun], determiner: str
) -> int | None:
    """The subject of the finite verb right before 'his' / 'her' + noun at k, when that subject is a
    person not told the other sex ('a father lifts a toddler and checks his watch': the father's
    watch, though the toddler was named last); none otherwise."""
    gender = GENDERED.get(determiner)
    verb = phrase_before(phrases, k)
    if gender is None or not isinstance(verb, Verb) or verb.low.endswith(("ing", "ed")):
        return None
    subject = _acting(phrases, subject_phrase(phrases, k - 1), nouns)
    if subject is None or not is_person(nouns[subject]):
        return None
    other = WordClass.MALE if gender is WordClass.FEMALE else WordClass.FEMALE
    return None if told_sex(nouns, subject, other) else subject


def _said_of_sex(nouns: list[Noun], sentence: int, gender: WordClass) -> int | None:
    """The latest animal of this sentence already called by this sex's 'his' / 'her' ('an old
    badger waits outside his door'): a later 'his' in the sentence is that animal's too."""
    for i in range(len(nouns) - 1, -1, -1):
        n = nouns[i]
        if n.phrase.sentence != sentence or n.role not in {Role.THING, Role.REPEAT}:
            continue
        t = resolve(nouns, i)
        if nouns[t].animate and not is_person(nouns[t]) and told_sex(nouns, t, gender):
            return t
    return None


def _possessor(nouns: list[Noun], sentence: int, determiner: str) -> int | None:
    """Whose 'his'/'her' thing it is (or what 'she'/'he' wears): the latest person of that sex
    when words.tsv tells it (the bride's gown, not the groom's), else the latest person not told
    the other sex (a keeper's cap, not his granddaughter's), else the latest person (a knight's
    banner, not his horse's), else the latest person or animal. The latest person of
    this sentence comes first, unless words.tsv gives them the other sex."""
    gender = GENDERED.get(determiner)
    if gender is not None:
        things = (
            resolve(nouns, i)
            for i in range(len(nouns) - 1, -1, -1)
            if nouns[i].role in {Role.THING, Role.REPEAT}
        )
        people = [t for t in things if is_person(nouns[t])]
        other = WordClass.MALE if gender is WordClass.FEMALE else WordClass.FEMALE
        near = [t for t in people if nouns[t].phrase.sentence == sentence]
        if near and not is_class(nouns[near[0]].head, other):
            return near[0]  # "the ring bearer sits on a bench, tugging at his bow tie"
        said = _said_of_sex(nouns, sentence, gender)
        if not near and said is not None:
            return said  # "a badger waits by his door, and his spectacles glint"
        told = [t for t in people if is_class(nouns[t].head, gender)]
        unsaid = [t for t in people if not told_sex(nouns, t, other)]  # 'he': not the granddaughter
        if told or unsaid:
            return (told or unsaid)[0]
        fits = recent_owner(nouns, sentence, animate=True, word=determiner)  # 'he': her goat, in a tale
        return fits if fits is not None else people[0] if people else None
    return recent_owner(nouns, sentence, animate=True)


def _holder(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """Who holds or wears the thing at k, named after a verb ('holding', 'wearing'): the subject
    right before a finite verb ('a bard plays a lute'; nobody's when a lifeless thing holds it:
    'a case holds coins'); after a comma, the one the clause before is about ('a
    pixie hovers by the smith's ear, holding a cup', 'a girl stands on the deck of a ship, holding
    a map': the pixie, the girl); else the latest person or animal of the sentence."""
    verb = k - 1 if isinstance(phrase_before(phrases, k), Verb) else k - 2
    referred = referred_subject(phrases, verb, nouns)
    if referred is not None:
        return referred  # "the latter wears a cap", "one of them holds a torch"
    low = low_text(phrases[verb])
    finite = not (
        low.endswith(("ing", "ed")) or participle(low) or low_text(phrase_before(phrases, verb)) == ","
    )
    named = (
        finite and isinstance(phrase_before(phrases, verb), NounPhrase) and not _governed(phrases, verb - 1)
    )
    said = len(nouns) - 1 if named and nouns and nouns[-1].index == verb - 1 else None
    if said is not None and nouns[said].is_thing and not _may_act(nouns[said]):
        return None  # "a glass case holds a collection of coins": its own, or things of their own
    antecedent = _lifeless_antecedent(phrases, verb, nouns) if finite else None
    if antecedent is not None:  # "beside a workbench which holds brass gears": not the smith's
        return antecedent if _figure(nouns[antecedent]) else None  # "a dummy, which wears a bow tie"
    subject = _acting(phrases, verb - 1, nouns) if named else None
    if subject is None:
        subject = _clause_subject(phrases, verb, nouns)
    if subject is None:
        subject = _tagged_owner(phrases, verb, nouns)
    if subject is None and finite and isinstance(phrases[verb], Verb):
        subject = _acting(
            phrases, subject_phrase(phrases, verb), nouns
        )  # "a girl on his shoulders waves a flag"
    return (
        subject
        if subject is not None
        else recent_owner(nouns, phrases[k].sentence, animate=True, earlier=False)
    )


def _lifeless_antecedent(phrases: tuple[Phrase, ...], verb: int, nouns: list[Noun]) -> int | None:
    """The lifeless thing a relative clause ('which' / 'that', past 'is') opened by the verb at
    `verb` is about ('a man stands by a cart which carries two barrels'): what the verb takes is
    that thing's, or a thing of its own, never the sentence subject's; None when there is none."""
    at = _antecedent_at(phrases, verb, past_be=True)
    said = next((i for i, n in enumerate(nouns) if n.index == at), None)
    return said if said is not None and nouns[said].is_thing and not _may_act(nouns[said]) else None


def _tagged_owner(phrases: tuple[Phrase, ...], verb: int, nouns: list[Noun]) -> int | None:
    """In a tag list, who wears the item tagged right before ', holding ...' holds it too ('boy
    on the left: green cloak, holding a map': the boy, even past the colon); so does who was
    named by the participle joined with 'and' ('wearing a crown and holding a torch')."""
    joint = low_text(phrase_before(phrases, verb))
    if joint not in {",", "and"} or not low_text(phrases[verb]).endswith("ing"):
        return None
    item = next((n for n in nouns if n.index == verb - 2), None)
    if item is None or item.role is not Role.ATTACHED or item.ref is None:
        return None
    lead = _lead(phrases, item.index)
    if joint == "and" and not (isinstance(lead, Verb) and lead.low.endswith("ing")):
        return None  # "wearing a crown and holding a sparkler": both the wearer's
    owner = resolve(nouns, item.ref)
    return owner if _may_act(nouns[owner]) else None


def _clause_subject(phrases: tuple[Phrase, ...], verb: int, nouns: list[Noun]) -> int | None:
    """The subject of the verb before a comma and the verb at `verb`, when no noun phrase of its
    own comes between ('his daughter, wearing pajamas, sits' is about the daughter), or after
    'while' ('a man feeds ducks while holding a bag' is about the man); a 'he' / 'she' subject is
    the person it stands for ('he sits on a stool, wearing a cap')."""
    if low_text(phrase_before(phrases, verb)) not in {",", "while", "whilst"}:
        return None
    for j in range(verb - 2, -1, -1):
        p = phrases[j]
        if (
            isinstance(p, Mark)
            and p.tag is Tag.END
            or isinstance(p, NounPhrase)
            and not _governed(phrases, j)
        ):
            return None
        if isinstance(p, Verb):
            pronoun = low_text(phrase_before(phrases, j))
            if pronoun in {"he", "she"}:
                return _possessor(nouns, p.sentence, pronoun)
            return _acting(phrases, subject_phrase(phrases, j), nouns)
    return None


def _acting(phrases: tuple[Phrase, ...], start: int | None, nouns: list[Noun]) -> int | None:
    """The person or animal (or an unlisted thing) the noun phrase at `start` names, as a verb's
    subject; its owner when it is what someone wears ('1girl, red coat, standing ...')."""
    said = next((i for i, n in enumerate(nouns) if n.index == start), None)
    if said is None:
        return None
    noun = nouns[said]
    if noun.role in {Role.ATTACHED, Role.PART} and noun.ref is not None:
        said = noun.ref
    said = resolve(nouns, said)
    known = nouns[said].entry
    return said if nouns[said].is_thing and (known is None or known.animate) else None


def absolute_owner(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The owner of an unlisted 'its' / 'his' / 'her' noun opening an aside after a comma with a
    participle ('a pen lies across a notebook, its gold nib catching the light'): the subject of
    the clause before the comma (the pen), not the thing last named."""
    if not opens_aside(phrases, k):
        return None
    return _aside_subject(phrases, k, nouns)


def opens_aside(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the noun phrase at k opens an absolute aside: after a comma, with 'its' / 'his' /
    'her' and a participle ('..., his spectacles perched on his nose', '..., its nib catching the
    light'): a clause of its own about its owner, no item of a list before it."""
    p, nxt = phrases[k], phrase_after(phrases, k)
    return (
        isinstance(p, NounPhrase)
        and p.determiner in POSSESSIVE
        and low_text(phrase_before(phrases, k)) == ","
        and isinstance(nxt, Verb)
        and nxt.low.endswith(("ing", "ed"))
    )


def _aside_subject(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The subject of the clause before the comma that opens the aside at phrase k; after another
    aside about a part ('elephants wade, trunks curled, their hides caked with mud'), the owner
    of that part, which both asides are about."""
    for j in range(k - 2, -1, -1):
        if isinstance(phrases[j], Mark) and phrases[j].tag is Tag.END:  # type: ignore[union-attr]
            return None
        if isinstance(phrases[j], Verb):
            start = j - 1 if clause_participle(phrases, j) else subject_phrase(phrases, j)  # "a pen lying"
            said = next((i for i, n in enumerate(nouns) if n.index == start), None)
            if said is not None and _aside_part(phrases, nouns[said]) and nouns[said].ref < len(nouns):  # type: ignore[operator]
                return resolve(nouns, nouns[said].ref)  # type: ignore[arg-type]
            return (
                resolve(nouns, said)
                if said is not None and nouns[said].role in {Role.THING, Role.REPEAT}
                else None
            )
    return None


def _aside_part(phrases: tuple[Phrase, ...], noun: Noun) -> bool:
    """Whether `noun` is an owned part opening an aside of its own after a comma ('trunks
    curled'): a later aside in the same run is about the same owner."""
    opened = low_text(phrase_before(phrases, noun.index)) == ","
    return opened and noun.role is Role.PART and noun.ref is not None


def _held_in_aside(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """The holder of a hand-held or worn thing in an absolute phrase closing a clause: a bare or
    owned noun after a comma with only a past participle after it ('fans pack the stands, scarves
    raised.', 'the knights wait, swords drawn'): the clause's subject, a person or an animal."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    verb, end = phrase_after(phrases, k), phrase_after(phrases, k + 1)
    if not (known.has(Flag.HOLDABLE) or known.has(Flag.WEARABLE)):
        return None
    if low_text(phrase_before(phrases, k)) != "," or not isinstance(verb, Verb) or not participle(verb.low):
        return None
    closed = isinstance(end, Mark) and end.tag in {Tag.END, Tag.COMMA} or end is None
    if not (closed and p.determiner in {"", *POSSESSIVE} or _posed_in_hand(phrases, k)):
        return None
    owner = _aside_subject(phrases, k, nouns)
    known_owner = nouns[owner].entry if owner is not None else None
    return owner if known_owner is not None and known_owner.animate else None


def _posed_in_hand(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether 'a <thing>' at k opens an absolute phrase that poses it where its holder puts it
    ('kneels at the safe, a stethoscope pressed to the dial', 'a ladle raised in one hand'): a
    past participle, not one that sets it down ('a cup placed on the sill'), then a place, not
    one by the holder ('a bag dropped beside him' is set down)."""
    p, verb, where = phrases[k], phrase_after(phrases, k), phrase_after(phrases, k + 1)
    if getattr(p, "determiner", None) not in {"a", "an"} or not isinstance(verb, Verb):
        return False
    if not verb.low.endswith("ed") or is_verb_of(verb.low, WordClass.PLACING_VERB):
        return False
    placed = isinstance(where, SpacePhrase) or isinstance(where, Mark) and where.tag is Tag.PREP
    return placed and low_text(phrase_after(phrases, k + 2)) not in {"him", "her", "them", "it"}


def unlisted_holder(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """Who holds or wears an unlisted thing named right after 'holding' / 'wearing' or bare before
    'in hand': a person or animal of the sentence (see _holder)."""
    lead = _lead(phrases, k)
    if isinstance(lead, Verb) and is_class(lead.low, WordClass.ATTACH_VERB) and not participle(lead.low):
        holder = _holder(phrases, k, nouns)
    elif _in_hand(phrases, k):
        holder = recent_owner(nouns, phrases[k].sentence, animate=True, earlier=False)
    else:
        return None
    return holder


def _thing_before_with(nouns: list[Noun], k: int) -> Noun | None:
    """The thing named right before the 'with' that leads to phrase k ('a cart with ...')."""
    return nouns[-1] if nouns and nouns[-1].index == k - 2 and nouns[-1].is_thing else None


def _fitted_on(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """Whether the thing at k, after 'with', is fitted on the vehicle or stall right before it ('a
    cart with a striped umbrella', 'a stall with a parasol'): no smaller thing a hand holds."""
    host = _thing_before_with(nouns, k)
    fitted = host is not None and host.entry is not None and host.entry.kind in _BEARERS
    return fitted and known.size >= Size.MEDIUM and not known.has(Flag.WEARABLE)


def _side_part(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether the thing at k, after 'with', is said by a side of the thing right before it ('a
    reel with an engraved side plate', 'a van with a rear door'): a part fitted on that thing."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    host = _thing_before_with(nouns, k)
    sided = any(is_class(w, WordClass.SIDE_WORD) for w in p.modifiers)
    return host is not None and sided and not p.plural and p.count in {None, 1}


def _may_act(noun: Noun) -> bool:
    """Whether a thing can hold or wear something: a person or an animal, or an unlisted word
    that may name someone (rules_vocab.may_name_someone)."""
    if noun.entry is None:
        return may_name_someone(noun.phrase.words[-1])
    return noun.entry.animate


def _governed(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is the object of a preposition or a verb, or the part of one
    ('near the smith's ear')."""
    owned = low_text(phrase_before(phrases, j)) == "'s" and j >= 2
    return is_governed(phrases, j) or owned and is_governed(phrases, j - 2)


def _figure_before(
    phrases: tuple[Phrase, ...], start: int, nouns: list[Noun], worn: bool = False
) -> int | None:
    """A figure-like thing (a tall object: a snowman, a statue, a mannequin) right before a
    'wearing'/'holding' verb: it wears or holds the thing itself; any thing but a setting right
    before 'wearing' wears what is worn ('a crescent moon wearing a nightcap')."""
    last = nouns[-1] if nouns else None
    if last is None or not last.is_thing or last.phrase.end != start or last.entry is None:
        return None
    figure = last.entry.kind is ThingKind.OBJECT and last.entry.has(Flag.TALL)
    before = phrase_before(phrases, last.index)
    spot = isinstance(before, SpacePhrase) and before.spatial.needs_object and not before.spatial.to_referent
    placed = spot or isinstance(before, Mark) and (before.tag is Tag.PREP or before.low == "of")
    lifeless = not last.entry.animate and placed  # "sits at a table wearing a crown": the sitter's
    worn = worn and not _finite_after_object(phrases, start, last.index)
    figure = figure or worn and last.entry.kind is not ThingKind.SCENE and not lifeless
    return len(nouns) - 1 if figure else None


def _finite_after_object(phrases: tuple[Phrase, ...], start: int, j: int) -> bool:
    """Whether a finite verb ('wears', not 'wearing') starts at `start` right after the noun phrase
    at j that is a verb's or preposition's object ('a woman who feeds the ducks wears a coat', 'a
    man by the geese wears a cap'): that object is no subject, so it wears nothing."""
    verb = next((p for p in phrases if isinstance(p, Verb) and p.start == start), None)
    finite = verb is not None and not verb.low.endswith(("ing", "ed"))
    return finite and is_governed(phrases, j)


def _laden(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """'a cart piled with loaves', 'a cake topped with cherries', 'a sack full of nuts': food or
    tiny things a thing is laden with, right after it ('<thing> <participle> with <load>')."""
    lead, verb = phrase_before(phrases, k), phrase_before(phrases, k, 2)
    full = isinstance(lead, SpacePhrase) and is_class(lead.lead, WordClass.FILL_WORD)  # "a sack full of nuts"
    if full:  # tiny things only: "a barrow full of pumpkins" draws each pumpkin on its own
        small, at = known.size <= Size.TINY, k - 2
    else:
        small = known.size <= Size.TINY or known.kind is ThingKind.FOOD and known.size <= Size.SMALL
        small, at = small and isinstance(verb, Verb) and participle(verb.low), k - 3
    if not small or not nouns:
        return False
    owner = nouns[-1]
    return owner.is_thing and owner.index == at and (owner.entry is None or owner.entry.size > known.size)


def _served_on(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """Whether phrase k is an item, bigger than a crumb, of a 'set with' / 'laden with' list of a
    support ('a table set with a teapot and cups'): a thing of its own on the support."""
    host = fill_host(phrases, k)
    owner = next((n for n in nouns if n.index == host), None) if host is not None else None
    support = owner is not None and owner.entry is not None and owner.entry.has(Flag.SUPPORT)
    return support and known.size > Size.TINY and known.kind is not ThingKind.FOOD


def _in_use(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """The person using a hand-held thing named after their action: 'pours a liquid from a flask',
    'screams into a microphone', 'the ball in his hand', 'a satchel on her shoulder' (one held over someone, 'under an
    umbrella', keeps its own region)."""
    p = phrases[k]
    before, after = _lead(phrases, k), phrase_after(phrases, k)
    hand = (
        phrase_after(phrases, k + 1)
        if isinstance(after, SpacePhrase) and after.spatial.relation in {"inside", "on"}
        else None
    )
    if (
        isinstance(hand, NounPhrase)
        and hand.determiner in POSSESSIVE
        and is_class(hand.head, WordClass.PART)
        and (known.has(Flag.HOLDABLE) or known.size <= Size.SMALL)
    ):
        return recent_owner(
            nouns, p.sentence, animate=True
        )  # "the ball in his raised hand", "a pot in her hand"
    body = _on_body(phrases, k)
    if body and (known.has(Flag.HOLDABLE) or known.has(Flag.WEARABLE) or known.size <= Size.SMALL):
        return _possessor(
            nouns, p.sentence, body
        )  # "a pipe dangling from his lips", "a lamp swinging from his hand"
    if not known.has(Flag.HOLDABLE) or known.size > Size.MEDIUM or placed_next(phrases, k):
        return None
    relation = before.spatial.relation if isinstance(before, SpacePhrase) else None
    if relation not in _USING and low_text(phrase_before(phrases, k)) not in _USING_WORDS:
        return None
    if isinstance(before, SpacePhrase) and before.lead == "onto":
        return None  # "winds thread onto a spool", "climbs onto a stool": where something goes, not in hand
    if _filled_into(before, known):
        return None  # "peels potatoes into a tin bucket": a vessel set down to fill, not in hand
    if _taken_from_support(phrases, k, known):
        return None
    posture = _posture_verb(phrases, k)
    resting = relation == "on" and isinstance(posture, Verb) and is_class(posture.low, WordClass.PLACING_VERB)
    propped = resting and is_verb_of(posture.low, WordClass.PROP_VERB) and not known.has(Flag.SUPPORT)  # type: ignore[union-attr]
    if resting and not (known.has(Flag.TALL) and known.size <= Size.SMALL or propped):
        return None  # "a boy sitting on a crate": a support under him; but "leans on a cane", "on a hammer": held
    owner = recent_owner(nouns, p.sentence, earlier=False)
    if owner is not None and is_person(nouns[owner]):
        return owner
    leaner = recent_owner(nouns, p.sentence, animate=True, earlier=False) if resting else None
    if leaner is not None:
        return leaner  # "a grey rabbit leans on a crooked walking stick": a creature of a tale holds it too
    if (
        isinstance(posture, Verb)
        and not p.plural
        and not isinstance(phrase_before(phrases, k, 3), NounPhrase)
    ):
        start = subject_phrase(phrases, k - 2)
        owner = _acting(phrases, start, nouns)  # "sits at a desk and writes in a diary"
        owner = _pronoun_acting(phrases, k, nouns) if owner is None and start is None else owner
        if owner is not None and is_person(nouns[owner]):
            return owner
    owner = recent_owner(nouns, p.sentence, animate=True, earlier=False)  # "..., licking batter off a spoon"
    acting = owner is not None and any(
        isinstance(q, Verb) and q.low.endswith("ing") and low_text(phrase_before(phrases, j)) == ","
        for j, q in enumerate(phrases[:k])
        if j > nouns[owner].index
    )
    return owner if acting and owner is not None and is_person(nouns[owner]) else None


def _taken_from_support(phrases: tuple[Phrase, ...], k: int, known: Entry) -> bool:
    """'sells plums from a wicker tray': what is taken 'from' a support (a tray, a platter) lay on
    it, so the support is set down, a thing of its own, not in the taker's hand."""
    lead = _lead(phrases, k)
    return known.has(Flag.SUPPORT) and isinstance(lead, SpacePhrase) and lead.lead == "from"


def _posture_verb(phrases: tuple[Phrase, ...], k: int) -> Phrase | None:
    """The phrase two before the thing at k ('sits on a bucket': the verb); in a sentence with
    the verb before its subject ('under the bridge sits a fisherman on a bucket'), the verb
    before that subject, so the thing is still what the subject sits on."""
    posture = phrase_before(phrases, k, 2)
    verb = phrase_before(phrases, k, 3)
    inverted = isinstance(posture, NounPhrase) and isinstance(verb, Verb) and not verb.low.endswith("ing")
    return verb if inverted else posture


def _filled_into(before: Phrase | None, known: Entry) -> bool:
    """Whether the thing is a vessel or tray something is put 'into' ('peels potatoes into a tin
    bucket', 'sorting buttons into a muffin tray'): where the work goes, set down by the worker
    ('screams into a microphone' holds no contents: still in hand)."""
    vessel = known.has(Flag.CONTAINER) or known.has(Flag.SUPPORT)
    return vessel and isinstance(before, SpacePhrase) and before.lead == "into"


def _subject_using(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """The one using a hand-held tool or source named after the object of their action ('swats
    at the goat with a broom', 'a mole pours cocoa from a jug'): the clause's subject, a person or
    an animal, not the object before it (someone there keeps what is 'with' them: 'greets a man
    with a cane')."""
    lead, obj = phrase_before(phrases, k), phrase_before(phrases, k, 2)
    if (
        not isinstance(lead, SpacePhrase)
        or lead.lead not in {"with", "from"}
        or not isinstance(obj, NounPhrase)
    ):
        return None
    if not known.has(Flag.HOLDABLE) or known.has(Flag.WEARABLE) or known.size > Size.MEDIUM:
        return None
    if _taken_from_support(phrases, k, known):
        return None
    if placed_next(phrases, k) or not is_governed(phrases, k - 2):
        return None
    between = phrase_before(phrases, k, 3)
    verb = k - 4 if isinstance(between, SpacePhrase) or low_text(between) in {"at", "to"} else k - 3
    if (
        verb < 0
        or not isinstance(phrases[verb], Verb)
        or is_class(low_text(phrases[verb]), WordClass.ATTACH_VERB)
        and verb == k - 3  # "holds a cup with a lid"
    ):
        return None
    target = next((n for n in nouns if n.index == k - 2), None)
    if target is None or is_person(target):
        return None
    subject = _acting(phrases, subject_phrase(phrases, verb), nouns)
    return subject if subject is not None and _may_act(nouns[subject]) else None


def _on_body(phrases: tuple[Phrase, ...], k: int) -> str:
    """The possessive ('his', 'her') when phrase k is a thing described as on its owner's body
    by a participle: 'a cigarette glowing between his fingers', 'a sword slung at her hip'
    ('a bag resting at her feet', set down, is not)."""
    verb = phrase_after(phrases, k)
    if isinstance(verb, Verb) and is_class(verb.low, WordClass.PLACING_VERB):
        return ""
    described = isinstance(verb, Verb) or isinstance(verb, Mark) and verb.tag in {Tag.ADJ, Tag.ADV}
    place = phrase_after(phrases, k + 1) if described else None
    part = phrase_after(phrases, k + 2) if isinstance(place, SpacePhrase) else None
    return _whose_part(part) if isinstance(part, NounPhrase) else ""


def _whose_part(part: NounPhrase) -> str:
    """The possessive of a body part ('his eye'), or 'one' for 'one eye' (the owner's, said with a
    count: 'a loupe screwed into one eye'); '' when the phrase is no one's body part."""
    if not is_class(part.head, WordClass.PART):
        return ""
    if part.determiner in POSSESSIVE:
        return part.determiner
    return "one" if not part.determiner and part.count == 1 and not part.plural else ""


def holds(owner: Noun, contents: NounPhrase | None = None, inside: Entry | None = None) -> bool:
    """Whether 'X of Y' makes Y part of X's prompt: a container, a plate, a picture of Y, a piece
    of a stuff Y ('a coil of rope', 'a loaf of bread': the region is the piece). `contents` is Y's
    phrase and `inside` its entry: a container holds no one counted thing two size classes bigger
    than itself ('the cone of a volcano' is the volcano's shape), a stuff of any size ('a bucket
    of water')."""
    known = owner.entry
    flagged = known is not None and (known.has(Flag.CONTAINER) or known.has(Flag.SUPPORT))
    counted = contents is not None and bool(contents.determiner)
    too_big = counted and inside is not None and known is not None and inside.size >= known.size + 2
    flagged = flagged and not too_big
    classes = (WordClass.DEPICTING_OBJECT, WordClass.PIECE)
    return flagged or any(is_class(owner.phrase.head, c) for c in classes)


def part_owner(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """Whose part 'the roof' / 'her feet' is: the latest thing of a kind that has it (words.tsv
    gives the kinds), and never the subject of the relation it ends ('a gull perches on the roof')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    candidates = nouns
    lead = _lead(phrases, k)
    kind_of = entry(p.words[-2]) if len(p.words) >= 2 and not p.determiner else None
    placed = relates(lead)
    if placed and kind_of is not None and kind_of.animate:
        return None  # "a hut stands on chicken legs": legs like a chicken's, nobody's named here
    named = named_in_compound(p, nouns)
    if named is not None:
        return named  # "two pigeons perch on the fountain rim": the fountain's
    wearer = _wearer_of_placed(phrases, k, nouns)
    own = wearer is not None and (p.determiner in POSSESSIVE or part_of(nouns[wearer].entry, p.head))
    if wearer is not None and own:  # 'an umbrella tucked under one wing': the holder's wing
        return wearer  # "goggles pushed up on his forehead": the forehead of whoever wears them
    unplaced = _unplaced_subject(phrases, k, nouns) if placed else None
    if unplaced is not None:
        return unplaced  # "past a gate stands a lighthouse, and at its foot ...": the lighthouse's
    if placed and lead.spatial.relation != "inside" and not _opens_clause(phrases, k):  # type: ignore[union-attr]
        subject = recent_owner(nouns, p.sentence, earlier=False)  # none yet in "At her feet sits a cat"
        candidates = nouns[:subject] if subject is not None else nouns
        speaker = _pronoun_subject(phrases, k, nouns) if subject is None else None
        if speaker is not None and part_of(nouns[speaker].entry, p.head):
            return speaker  # "He stood on one leg": his leg, not the goat's named before
    subject = _absolute_subject(phrases, k, nouns)
    if subject is not None:
        return subject  # "a kite is caught in the branches, its red tail fluttering": the kite's
    if p.determiner in POSSESSIVE and p.head not in {"roof", "chimney"}:
        owner = recent_owner(
            candidates, p.sentence, animate=True, earlier=p.determiner != "its", word=p.determiner
        )  # "in her hand": someone's, not the counter's; 'its' an animal's of its own sentence
        if owner is not None:
            return owner
    kinds = (value_of(p.head, WordClass.PART) or "").split(",")
    fitting = [
        i
        for i, n in enumerate(candidates)
        if _named_again(phrases, n) and n.entry is not None and n.entry.kind.value in kinds
    ]
    host = _with_host(phrases, k, nouns)
    if host is not None and _figure(nouns[host]) and {"person", "animal"} & set(kinds):
        return host  # "children build a snowman with a carrot nose": the snowman's nose
    if host is not None and not any(candidates[i].phrase.sentence == p.sentence for i in fitting):
        return host  # "... a cart. Behind it stood a windmill with patched sails": the windmill's
    fitting = fitting if p.determiner in POSSESSIVE else _first_kind(fitting, candidates, kinds)
    return resolve(nouns, fitting[-1]) if fitting else recent_owner(candidates, p.sentence)


def _unplaced_subject(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The owner of 'its <body part>' in a place that opens a clause after ', and' ('a statue
    stands on a plinth, and at its feet ...'): the latest thing of the sentence not placed by a
    preposition (the statue, not the plinth; the lighthouse of 'past a gate stands a lighthouse')."""
    p, before = phrases[k], phrase_before(phrases, k, 2)
    assert isinstance(p, NounPhrase)
    if p.determiner != "its" or not creature_part(p.head) or low_text(before) not in {",", "and"}:
        return None
    for i in range(len(nouns) - 1, -1, -1):
        noun = nouns[i]
        if noun.phrase.sentence != p.sentence:
            return None
        lead = phrase_before(phrases, noun.index)
        placed = isinstance(lead, SpacePhrase) or low_text(lead) in {"of", "'s"}
        if noun.role in {Role.THING, Role.REPEAT} and not placed:
            return resolve(nouns, i)
    return None


def _opens_clause(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the place before a made thing's part k opens a clause, after ', and' or a comma ('a
    van idles, and on its roof a pigeon preens'): the clause's subject comes after it, so a thing
    before may own the part (a body part's owner is found as before)."""
    p, before = phrases[k], phrase_before(phrases, k, 2)
    return isinstance(before, Mark) and before.low in {",", "and"} and not creature_part(p.head)  # type: ignore[union-attr]


def _first_kind(fitting: list[int], candidates: list[Noun], kinds: list[str]) -> list[int]:
    """Of the things that may own a made thing's part, those of the kind words.tsv lists first, if
    any: 'a hut, a rowboat in front of it, a gull on the roof' is on the hut's roof, a building's
    before a vehicle's (a body part goes to a person or an animal alike)."""
    if kinds[0] in {"person", "animal"}:
        return fitting
    first = [
        i for i in fitting if candidates[i].entry is not None and candidates[i].entry.kind.value == kinds[0]
    ]  # type: ignore[union-attr]
    return first or fitting


def named_in_compound(p: NounPhrase, nouns: list[Noun]) -> int | None:
    """The earlier thing a part's compound names by the word before the part ('the fountain rim',
    'the cart wheel' after 'a fountain', 'a cart'): the latest thing of that word that may have it."""
    if len(p.words) < 2:
        return None
    word = p.words[-2].lower()
    for i in range(len(nouns) - 1, -1, -1):
        n = nouns[i]
        if (
            n.role in {Role.THING, Role.REPEAT}
            and word in {n.phrase.head, n.head}
            and part_of(n.entry, p.head)
        ):
            return resolve(nouns, i)
    return None


def _pronoun_subject(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """Who 'he' / 'she' is as the subject right before '<verb> on <part>' ('He stood on one leg',
    'she knelt on her knees'): the latest person named, else the first creature of the latest
    sentence naming one ('a heron and an otter lived there. He stood on one leg': the heron); not
    one told the other sex. The part placed after the verb is the subject's, not the last animal's."""
    verb, pronoun = phrase_before(phrases, k, 2), phrase_before(phrases, k, 3)
    word = low_text(pronoun)
    if not isinstance(verb, Verb) or word not in {"he", "she"} or pronoun.tag is not Tag.PRON:  # type: ignore[union-attr]
        return None
    return _he_or_she(word, nouns)


def _pronoun_acting(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """Who acts in the sentence before the phrase at k when its subject is 'he' / 'she' right
    before a verb ('She waits on the step, leaning on a cane': the cane is hers); as
    _pronoun_subject, the latest person named, not one told the other sex."""
    for j in range(k - 1, 0, -1):
        here = phrases[j - 1]
        if isinstance(here, Mark) and here.tag is Tag.END:
            return None
        if isinstance(phrases[j], Verb) and isinstance(here, Mark) and here.tag is Tag.PRON:
            return _he_or_she(here.low, nouns) if here.low in {"he", "she"} else None
    return None


def _he_or_she(word: str, nouns: list[Noun]) -> int | None:
    """The one 'he' / 'she' stands for: the latest person named, else the first creature of the
    latest sentence naming one; not one told the other sex."""
    fitting = [
        resolve(nouns, i)
        for i, n in enumerate(nouns)
        if n.role in {Role.THING, Role.REPEAT} and n.entry is not None and n.entry.animate
    ]
    fitting = [t for t in fitting if not told_sex(nouns, t, OTHER_SEX[word])]
    people = [t for t in fitting if is_person(nouns[t])]
    if people or not fitting:
        return people[-1] if people else None
    latest = max(nouns[t].phrase.sentence for t in fitting)
    return next(t for t in fitting if nouns[t].phrase.sentence == latest)


def _absolute_subject(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The owner of 'its <part>' opening a phrase after a comma ('a kite is caught in a tree, its
    red tail fluttering'): the subject of its own sentence, when that is no person and may have
    the part, not a thing of an earlier sentence, nor the place a fronted phrase names ('Above the
    cottage a kite is caught in the branches, its tail fluttering': the kite's)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if p.determiner != "its" or low_text(phrase_before(phrases, k)) != ",":
        return None
    own = [i for i, n in enumerate(nouns) if n.phrase.sentence == p.sentence and n.index < k]
    unplaced = [i for i in own if not isinstance(phrase_before(phrases, nouns[i].index), SpacePhrase)]
    first = (unplaced or own or [None])[0]
    if first is None or nouns[first].role not in {Role.THING, Role.REPEAT}:
        return None
    subject = resolve(nouns, first)
    known = nouns[subject].entry
    fits = known is not None and known.kind is not ThingKind.PERSON and part_of(known, p.head)
    return subject if fits else None


def _wearer_of_placed(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """Who wears the item placed on the body part at k ('sunglasses perched on her head', 'a
    pencil behind his ear'): the item's owner, a person or an animal."""
    j = k - 2
    if j < 0 or not isinstance(phrases[k - 1], SpacePhrase):
        return None
    while j > 0 and _participle_or_particle(phrases[j]):
        j -= 1
    item = next((n for n in nouns if n.index == j), None)
    if item is None or item.role is not Role.ATTACHED or item.ref is None or item.ref >= len(nouns):
        return None  # none yet for a wearer named later ('With a bird on its shell, a turtle ...')
    wearer = resolve(nouns, item.ref)
    known = nouns[wearer].entry
    return wearer if known is not None and known.animate else None


def _figure(noun: Noun) -> bool:
    """Whether a thing is figure-like: a tall object shaped like someone (a snowman, a statue, a
    robot), not a tall holder like a shelf or a lamp post that things stand on or hang from."""
    known = noun.entry
    if known is None or known.kind is not ThingKind.OBJECT or not known.has(Flag.TALL):
        return False
    return not (known.has(Flag.SUPPORT) or known.has(Flag.CONTAINER) or known.has(Flag.WALL))


def _named_again(phrases: tuple[Phrase, ...], noun: Noun) -> bool:
    """Whether a noun is a thing named here, or named again as a bare tag ("1girl, ..., girl with
    red hair"; not "to the right of the leader, long hair")."""
    again = noun.role is Role.REPEAT and not isinstance(phrase_before(phrases, noun.index), SpacePhrase)
    return noun.role is Role.THING or again


def _with_host(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The thing named right before 'with' and the noun phrase at k ('a windmill with sails')."""
    lead = phrase_before(phrases, k)
    if not (isinstance(lead, SpacePhrase) and lead.lead == "with") or not nouns:
        return None
    last = nouns[-1]
    return (
        resolve(nouns, len(nouns) - 1)
        if last.index == k - 2 and last.role in {Role.THING, Role.REPEAT}
        else None
    )


def _made_not_grown(p: NounPhrase, kinds: list[str]) -> bool:
    """Whether a word naming both a part of a body or a plant and a thing is said with a material
    ('a wooden chest', 'a leather trunk'): no animal or plant is wooden, so after one it is the
    thing, not the chest of the dog or the trunk of the elephant named before (a person's may be
    built: 'a clockwork automaton with a copper chest')."""
    bodily = set(kinds) <= {"person", *_GROWN}  # not "a building with a brick chimney"
    return bodily and any(is_class(word, WordClass.MATERIAL) for word in p.words[:-1])


def listed_part_owner(
    phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]
) -> int | None:
    """The owner of a listed thing that is also a part of things of some kinds (words.tsv: a
    steeple of a building), when the prompt gives it one ('a chapel with a steeple', 'its
    spire') or names it as known ('the branches' after a tree): the latest thing of that kind.
    Named alone ('a spire rises'), it stays a thing."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    kinds = (value_of(p.head, WordClass.PART) or "").split(",")
    lead = _lead(phrases, k)
    given = isinstance(lead, SpacePhrase) and lead.spatial.relation == "with" or p.determiner in POSSESSIVE
    if known is None or kinds == [""]:
        return None
    made = _made_not_grown(p, kinds)
    next_to = bool(nouns) and nouns[-1].index == k - 2
    under = isinstance(lead, SpacePhrase) and lead.lead in {"under", "in"} and next_to  # "in a gilt frame"
    aside = (
        low_text(phrase_before(phrases, k)) == "," and not p.determiner and next_to
    )  # "a sign, gold letters"
    if (
        (under or aside)
        and nouns[-1].is_thing
        and nouns[-1].entry is not None
        and nouns[-1].entry.kind.value in kinds
    ):
        return len(nouns) - 1  # "a stall under a striped awning": its own canopy, "a sign, red letters"
    known_owner = p.determiner == "the" and not given  # "a plum tree ... caught in the branches": the tree's
    if known_owner:
        kinds = [kind for kind in kinds if kind in _GROWN or _vehicle_of_sentence(p, kinds, kind, nouns)]
    if not (given or known_owner and kinds):
        return None
    nearest = p.determiner not in POSSESSIVE and not known_owner  # "a lot with two cars": this sentence's
    keeper = _own_keeper(p, kinds, nouns)
    for i in range(len(nouns) - 1, -1, -1):
        owner = nouns[i].entry
        if keeper and nouns[i].phrase.sentence != p.sentence:
            return None  # "A dog that won't leave its cushion": the dog's own, not an earlier sofa's
        if nouns[i].role is Role.THING and owner is not None and owner.kind.value in kinds:
            return None if made and owner.kind is not ThingKind.PERSON else resolve(nouns, i)
        if _its_unlisted(p, nouns, i):
            return resolve(nouns, i)
        if nearest and (nouns[i].phrase.sentence != p.sentence or nouns[i].role in {Role.NONE, Role.SCENE}):
            return None
    return _figure_owner(p, kinds, nouns)


def _vehicle_of_sentence(p: NounPhrase, kinds: list[str], kind: str, nouns: list[Noun]) -> bool:
    """Whether 'the <part>' of vehicles only ('the hood', 'the bumper', not 'the door' of a room
    too) follows a vehicle named in its own sentence ('a truck is parked, and two boys sit on the
    hood'): that vehicle's part, not a thing of its own. A part that is a vehicle itself ('the
    car' of a train) may be a second vehicle, and a big one ('the mast') is placed on its own."""
    known = entry(p.head)
    if kind != "vehicle" or kinds != ["vehicle"] or known is None or known.kind is ThingKind.VEHICLE:
        return False
    if known.size > Size.MEDIUM:
        return False  # "the mast": tall enough to be placed on its own
    return any(
        n.is_thing
        and n.entry is not None
        and n.entry.kind is ThingKind.VEHICLE
        and n.phrase.sentence == p.sentence
        for n in nouns
    )


def _its_unlisted(p: NounPhrase, nouns: list[Noun], i: int) -> bool:
    """Whether 'its <part>' names the part of noun i, the thing named just before it in the same
    sentence, whose word is unlisted (a make or a name: 'a parked Chevrolet, its chrome bumper
    gleaming'): 'its' points back to it though its kind is not known."""
    noun = nouns[i]
    return (
        p.determiner == "its"
        and i == len(nouns) - 1
        and noun.role is Role.THING
        and noun.entry is None
        and noun.phrase.sentence == p.sentence
    )


def _own_keeper(p: NounPhrase, kinds: list[str], nouns: list[Noun]) -> bool:
    """Whether a possessive ('its', 'her') before a movable object may name a person or animal of
    its own sentence that has no such part ('a dog ... its cushion', 'a girl hugs her cushion'):
    with no owner of the part's kind in that sentence, it is that one's own thing, not a part of
    an earlier sentence's."""
    belonging = entry(p.head)
    if p.determiner not in POSSESSIVE or belonging is None or belonging.kind is not ThingKind.OBJECT:
        return False  # "a cow peeks out of its door": a door is no one's belonging, the barn's part
    keeper = recent_owner(nouns, p.sentence, animate=True, earlier=False, word=p.determiner)
    found = nouns[keeper].entry if keeper is not None else None
    return found is not None and found.kind.value not in kinds


def _figure_owner(p: NounPhrase, kinds: list[str], nouns: list[Noun]) -> int | None:
    """'a tin robot with a dial on its chest', 'a doll, its chest painted': a body part given by a
    possessive with no person or animal named before is the body of the figure just named."""
    if p.determiner not in POSSESSIVE or "person" not in kinds:
        return None
    for i in range(len(nouns) - 1, -1, -1):
        if nouns[i].phrase.sentence != p.sentence:
            return None
        if nouns[i].role is Role.THING and nouns[i].entry is not None:
            return resolve(nouns, i) if nouns[i].entry.kind is ThingKind.OBJECT else None
    return None
