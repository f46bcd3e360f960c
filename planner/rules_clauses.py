"""Clause structure for the rules reader: which verb a phrase goes with, what a preposition or a
verb governs, where a clause opens ('..., and just below it lies ...'), relative pronouns.

Pure functions of the phrases (planner.rules_phrases) and the word classes; the relations pass
(planner.rules_relations) uses them to find whose relation or place a spatial phrase is.
"""

from __future__ import annotations

import functools

from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb
from planner.rules_role_nouns import FINITE_BE, POSSESSIVE, low_text, phrase_after
from planner.rules_tokens import Tag
from planner.rules_vocab import WordClass, entry, is_class, parts_of_speech, past_participle, s_form_verb

_OBJECTS = frozenset("her him them it me us".split())  # pronouns as objects ('behind her')

RELATIVE = frozenset("who that which whose".split())


def participle(phrases: tuple[Phrase, ...], verb: int) -> bool:
    """Whether the verb at `verb` is a participle right after a noun ('fish swirling above it', 'a
    map pinned on the board'): it says where that noun is, whatever governs it."""
    low = phrases[verb].low  # type: ignore[union-attr]
    return (
        verb >= 1
        and isinstance(phrases[verb - 1], NounPhrase)
        and (low.endswith(("ing", "ed")) or past_participle(low))
    )


def first_object(p: Phrase, nxt: Phrase | None) -> bool:
    """Whether p is an object pronoun right before a noun phrase: the first of a verb's two objects
    ('offers it a strawberry', 'hands him a menu'), so the second is still that verb's object."""
    return isinstance(p, Mark) and p.low in _OBJECTS and isinstance(nxt, NounPhrase)


def whose(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the relation at k is followed by 'whose' ('under whose branches two deer rest')."""
    nxt = phrases[k + 1] if k + 1 < len(phrases) else None
    return isinstance(nxt, Mark) and nxt.low == "whose"


def subject_phrase(phrases: tuple[Phrase, ...], verb: int) -> int | None:
    """The noun phrase that is the subject of the verb at `verb`, in its sentence."""
    for j in range(verb - 1, -1, -1):
        p = phrases[j]
        if isinstance(p, Mark) and p.tag is Tag.END:
            return None
        governed = is_governed(phrases, j) or with_listed(phrases, j) and not _agrees_alone(phrases, j, verb)
        if (
            isinstance(p, NounPhrase)
            and (not governed or relative(phrases, j))
            and not _closed(phrases, j, verb)
        ):
            return j
    return None


def _agrees_alone(phrases: tuple[Phrase, ...], j: int, verb: int) -> bool:
    """Whether the one thing after 'with X and' at j, not the plural owner of the 'with', agrees
    with the verb in -s right after it ('balconies hung with laundry and a neon sign glows'):
    plurals take no verb in -s, so 'and' opened a new clause with its own subject."""
    said = phrases[verb]
    if verb != j + 1 or not isinstance(said, Verb) or not s_form_verb(said.low):
        return False
    k = j - 4  # before 'with': the owner, back over a participle ('hung with')
    k -= k >= 1 and isinstance(phrases[k], Verb)
    owner = phrases[k] if k >= 0 else None
    subject = phrases[j]
    return (
        isinstance(owner, NounPhrase)
        and owner.plural
        and isinstance(subject, NounPhrase)
        and not subject.plural
    )


def _closed(phrases: tuple[Phrase, ...], j: int, verb: int) -> bool:
    """Whether the noun phrase at j is the subject of a relative clause that has its own verb
    before `verb` ('a tank in which an eel coils sits by the door': the tank sits there; 'a man whose
    hat is pulled low leans on a post': the man leans). A participle right after a noun is no verb
    of its own ('a stall, where a merchant holding a cup leans on a rug': the merchant leans)."""
    opener = getattr(phrases[j - 1], "low", "") if j else ""
    if _own_relative(phrases, j):
        return False  # "a yard where a man who mends nets and hums sits on a boat": his verbs are the aside's
    return opener in {"which", "whom", "where", "whose"} and any(
        isinstance(phrases[i], Verb) and not participle(phrases, i) for i in range(j + 1, verb)
    )


def _own_relative(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether a relative clause of its own ('who ...', 'that ...') opens right after the noun
    phrase at j: the verbs before the next one are that clause's, so they do not close the noun's
    own clause ('where a fisherman who mends a net sits on a boat': the fisherman sits)."""
    nxt = phrases[j + 1] if j + 1 < len(phrases) else None
    return isinstance(nxt, Mark) and nxt.low in {"who", "that"}


def is_animate(p: Phrase) -> bool:
    """Whether the phrase is a noun phrase naming a person or an animal."""
    known = entry(p.compound) or entry(p.head) if isinstance(p, NounPhrase) else None
    return known is not None and known.animate


def with_listed(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is one more object of a 'with' or 'in' ('a bard with a lute and
    a cap perches', 'a monk in a robe and a hood kneels': the cap, the hood), not a second subject ('a man with a cane and a girl stand': a person after
    a thing is)."""
    if _fill_listed(phrases, j):
        return True
    if j < 3 or getattr(phrases[j - 1], "low", "") != "and" or not isinstance(phrases[j - 2], NounPhrase):
        return False
    lead = phrases[j - 3]
    if not (isinstance(lead, SpacePhrase) and lead.lead in {"with", "in"}):
        return False
    return not is_animate(phrases[j]) or is_animate(phrases[j - 2])


def after_comma(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the phrase at j follows a comma, or ', and' ('racks stacked with buns, and a cat
    sleeps below': a new clause's subject)."""
    before = getattr(phrases[j - 1], "low", "") if j else ""
    return before == "," or (before == "and" and j >= 2 and getattr(phrases[j - 2], "low", "") == ",")


def _before_list(phrases: tuple[Phrase, ...], j: int) -> int:
    """The phrase right before the list that holds the noun phrase at j, walking back over its
    items, commas, 'and' and 'of' ('piled with apples, a pumpkin and a melon': the 'with'): where
    a '<fill word> with' list begins, for _fill_listed and fill_host."""
    i = j - 1
    while i >= 1 and (
        isinstance(phrases[i], NounPhrase) or getattr(phrases[i], "low", "") in {",", "and", "of"}
    ):
        i -= 1
    return i


def _fill_listed(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is a later item of the list after 'piled with' ('a cart piled
    with apples, a pumpkin and a melon stands': the melon is no subject)."""
    if opens_clause_after_list(phrases, j):
        return False  # "a cart piled with melons, a dog sleeps beside it": a new clause
    i = _before_list(phrases, j)
    return i < j - 1 and _fill_opener(phrases, i)


def opens_clause_after_list(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j, after a comma, opens a clause of its own instead of adding an
    item to the list before it: a verb follows it ('a cart piled with melons, a dog sleeps beside
    it'), it is someone's own thing with a verb or a place after it, an aside ('a pillar covered
    in posters, his hat on the ground'), or a person or an animal after lifeless items ('a vault
    lined with safes, a thief in a cap kneels'); an 'of' after it is its own ('a bucket of pegs
    stands')."""
    after = j + 2 if low_text(phrase_after(phrases, j)) == "of" else j
    p, nxt = phrases[j], phrase_after(phrases, after)
    if not after_comma(phrases, j):
        return False
    aside = isinstance(p, NounPhrase) and p.determiner in POSSESSIVE and isinstance(nxt, SpacePhrase)
    newcomer = is_animate(p) and not is_animate(phrases[_before_list(phrases, j) + 1])
    return isinstance(nxt, Verb) or aside or newcomer  # "a vault lined with safes, a thief kneels"


def _fill_opener(phrases: tuple[Phrase, ...], i: int) -> bool:
    """Whether phrase i opens a list of what fills or tops a thing: 'with' or 'by' after a fill
    word ('piled with', 'topped by'), or a fill word's own 'with' phrase ('covered with')."""
    space, fill = phrases[i], phrases[i - 1] if i else None
    with_ = isinstance(space, SpacePhrase) and space.spatial.relation == "with"
    if with_ and is_class(space.lead, WordClass.FILL_WORD):  # type: ignore[union-attr]
        return True
    opened = with_ or isinstance(space, Mark) and space.low == "by"
    return opened and isinstance(fill, Verb | Mark) and is_class(fill.low, WordClass.FILL_WORD)


def fill_adverb(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether an adverb stands between a fill word and the 'with' at k ('a cart piled high with
    melons', 'a shelf stacked neatly with jars')."""
    if k < 2 or not isinstance(phrases[k - 1], Mark):
        return False
    word, fill = phrases[k - 1].low, phrases[k - 2]
    adverb = is_class(word, WordClass.PLACE_ADVERB) or "ADV" in parts_of_speech(word)
    return adverb and isinstance(fill, Verb | Mark) and is_class(fill.low, WordClass.FILL_WORD)


def fill_host(phrases: tuple[Phrase, ...], j: int) -> int | None:
    """The noun phrase whose '<participle> with' list holds the noun phrase at j, when the
    participle is a fill word ('a table set with a teapot and two cups': the table for both)."""
    i = _before_list(phrases, j)
    lead = i - fill_adverb(phrases, i)  # "a trolley stacked neatly with ..."
    space, fill = phrases[i], phrases[lead - 1] if lead >= 2 else None
    if not (isinstance(space, SpacePhrase) and space.lead == "with" and isinstance(fill, Verb)):
        return None
    host = phrases[lead - 2]
    filled = is_class(fill.low, WordClass.FILL_WORD) and isinstance(host, NounPhrase)
    return i - 2 if filled else None


def relative(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is followed by a relative pronoun ('a boy who lies ...')."""
    nxt = phrases[j + 1] if j + 1 < len(phrases) else None
    if isinstance(nxt, Mark) and nxt.low == "," and j + 2 < len(phrases):
        nxt = phrases[j + 2]  # "a boat, which is tied to a post"
    return isinstance(nxt, Mark) and nxt.low in RELATIVE


def is_governed(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is the object of a preposition or a verb ('in a booth', 'of
    pie', 'carrying longboards')."""
    before = phrases[j - 1] if j else None
    if (
        isinstance(before, Verb)
        and j >= 2
        and not isinstance(phrases[j - 2], Mark | SpacePhrase)
        and not _after_fronted_place(phrases, j - 1)
    ):
        return True  # "surfers carrying longboards walk": not after 'On the left stands'
    if _relative_object(phrases, j):
        return True  # "a girl who feeds the geese stands on a jetty": the girl stands
    if (
        isinstance(before, Verb)
        and before.low.endswith("ing")
        and getattr(phrases[j - 2], "low", "") in _OBJECTS
    ):
        return True  # "a boy behind her chasing a hen": a participle's object, not 'beside her stands
    if isinstance(before, Mark) and before.low == "'s" and j >= 2 and isinstance(phrases[j - 2], NounPhrase):
        return is_governed(phrases, j - 2)  # "on her father's shoulders": the owner's preposition governs
    space = isinstance(before, SpacePhrase) and before.spatial.needs_object and not before.spatial.to_referent
    return (
        space
        or isinstance(before, Mark)
        and (before.tag is Tag.PREP or before.low in {"of", "than"})  # "a cup no bigger than a thimble"
        or _as_role(phrases, j)
    )


def _after_fronted_place(phrases: tuple[Phrase, ...], verb: int) -> bool:
    """Whether the verb at `verb` follows a place phrase with its object that opens the sentence
    or a clause after ', and' ('Next to the bed sits a cat', '..., and beside the well stands a
    goat'): an inverted clause, whose noun after the verb is its subject, not its object."""
    obj, lead = verb - 1, verb - 2
    if lead < 0 or not isinstance(phrases[obj], NounPhrase) or not isinstance(phrases[lead], SpacePhrase):
        return False
    opener = phrases[lead - 1] if lead >= 1 else None
    joined = (
        lead >= 2 and getattr(opener, "low", "") == "and" and getattr(phrases[lead - 2], "low", "") == ","
    )
    opens = opener is None or isinstance(opener, Mark) and opener.tag is Tag.END or joined
    return opens and phrases[lead].spatial.relation is not None


def _relative_object(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is the object of the verb that opens a relative clause ('a girl
    who feeds the geese ...', 'a boy who has kicked off his shoes ...'): the clause's object is no
    subject of a later verb, whose subject is the noun before 'who' / 'that' / 'which'."""
    i = j - 1
    while i >= 0 and isinstance(phrases[i], Mark) and is_class(phrases[i].low, WordClass.PARTICLE):  # type: ignore[union-attr]
        i -= 1  # "kicked off his shoes"
    if i < 1 or not isinstance(phrases[i], Verb):
        return False
    i = _first_verb_of_pair(phrases, i) - 1
    while (
        i >= 1
        and isinstance(phrases[i], Mark)
        and phrases[i].tag is Tag.AUX
        and phrases[i].low not in RELATIVE
    ):  # type: ignore[union-attr]
        i -= 1  # "who has kicked", "that is pulling"
    opener = phrases[i]
    return (
        isinstance(opener, Mark)
        and opener.low in {"who", "that", "which"}
        and isinstance(phrases[i - 1], NounPhrase)
    )


def _first_verb_of_pair(phrases: tuple[Phrase, ...], verb: int) -> int:
    """The first verb of 'V1 ... and V2' when the verb at `verb` is the second ('who kneels by a
    bench and repots a fern'): both share the clause's opener; else `verb` itself."""
    if verb < 2 or getattr(phrases[verb - 1], "low", "") != "and":
        return verb
    i = verb - 2
    while i > 0 and (
        isinstance(phrases[i], NounPhrase | SpacePhrase) or getattr(phrases[i], "low", "") == "of"
    ):
        i -= 1  # back over the first verb's objects and places
    return i if i < verb - 2 and isinstance(phrases[i], Verb) else verb


def _as_role(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is the role a participle gives the thing before it ('a pot used
    as a planter', 'a crate serving as a table'): it names no subject of the clause that follows."""
    if j < 2 or getattr(phrases[j - 1], "low", "") != "as":
        return False
    verb = phrases[j - 2]
    return isinstance(verb, Verb) or isinstance(verb, Mark) and verb.low.endswith(("ed", "ing"))


def verb_before(phrases: tuple[Phrase, ...], k: int, chain: bool = False) -> int | None:
    """The verb a spatial phrase at k goes with, back over adverbs and particles ('sits alone in',
    'is curled up on') and, in a `chain`, other spatial phrases with their objects ('sits on a
    beanbag to their right')."""
    j = k - 1
    while j >= 0:
        p = phrases[j]
        if isinstance(p, Verb):
            return j
        tuning = isinstance(p, Mark) and (
            p.tag in {Tag.ADV, Tag.ADJ}  # "sits cross-legged on"
            or p.tag is Tag.AUX
            and _manner(p.low)  # "walks slowly behind"
            or is_class(p.low, WordClass.PLACE_ADVERB)
            or is_class(p.low, WordClass.PARTICLE)
        )
        governed = chain and (
            isinstance(p, NounPhrase) and is_governed(phrases, j) or isinstance(p, SpacePhrase)
        )
        if _formation(phrases, j):
            j -= 2  # "stand in a row in front of": how they stand, not where
            continue
        if _picture_place(phrases, j):
            j -= 1  # "sits in the center on a slab": where in the picture, then what it rests on
            continue
        if not (tuning or governed):
            return None
        j -= 1
    return None


def _picture_place(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether phrase j is a place in the picture that names no other thing ('in the center',
    'on the left', 'in the foreground'), or the frame noun that ends one ('at the center of the
    frame'): it says where the subject is drawn, so a relation after it still goes with the verb."""
    p = phrases[j]
    if isinstance(p, NounPhrase) and is_class(p.head, WordClass.FRAME_NOUN):
        before = phrases[j - 1] if j >= 1 else None
        return isinstance(before, Mark) and before.low == "of" or _spot(before)
    after = phrases[j + 1] if j + 1 < len(phrases) else None
    framed = isinstance(after, NounPhrase) and is_class(after.head, WordClass.FRAME_NOUN)
    return _spot(p) and (framed or not p.spatial.needs_object)  # type: ignore[union-attr]


def _spot(p: Phrase | None) -> bool:
    """Whether p is a spatial phrase naming a part of the picture (a side, a height or a depth)."""
    if not isinstance(p, SpacePhrase):
        return False
    s = p.spatial
    return bool(s.horizontal or s.vertical or s.depth) and s.relation in {None, "on"}


def _formation(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether phrase j ends an 'in a row', 'in a circle' (an arrangement word of words.tsv): how
    the subject stands, which a place after it goes on from."""
    p, lead = phrases[j], phrases[j - 1] if j >= 1 else None
    return (
        isinstance(p, NounPhrase)
        and isinstance(lead, SpacePhrase)
        and lead.lead == "in"
        and is_class(p.head, WordClass.ARRANGEMENT)
    )


@functools.cache
def _manner(word: str) -> bool:
    """Whether a listed function word is an adverb of manner ('slowly', 'gently'), by lemminflect."""
    return word.endswith("ly") and "ADV" in parts_of_speech(word)


def lead_in(phrases: tuple[Phrase, ...], k: int) -> Phrase | None:
    """The phrase before phrase k, past words that only tune a place ('just to its right', 'high
    in the top left corner', 'far behind them')."""
    j = k - 1
    while j >= 0 and (
        isinstance(phrases[j], Mark)
        and is_class(phrases[j].low, WordClass.PLACE_ADVERB)  # type: ignore[union-attr]
        or _measure(phrases[j])
    ):
        j -= 1
    return phrases[j] if j >= 0 else None


def _measure(p: Phrase) -> bool:
    """Whether a phrase is a distance said before a relation ('three steps below', 'a few paces to
    the left of'): it only tunes the place."""
    return isinstance(p, NounPhrase) and is_class(p.head, WordClass.MEASURE)


def past_asides(phrases: tuple[Phrase, ...], j: int) -> int:
    """The first phrase from j that is not a comma, 'all' / 'both', or a place in the picture set
    between commas ('behind them all, in the background, a truck')."""
    while j < len(phrases):
        p = phrases[j]
        aside = isinstance(p, Mark) and (p.tag is Tag.COMMA or p.low in {"all", "both"})
        placed = isinstance(p, SpacePhrase) and p.spatial.relation is None and not p.order
        if not (aside or placed and j + 1 < len(phrases) and getattr(phrases[j + 1], "low", "") == ","):
            return j
        j += 1
    return j


_EXISTENTIAL_BE = FINITE_BE | {"'s"}  # "there is", "there's"


def past_existential(phrases: tuple[Phrase, ...], j: int) -> int:
    """The first phrase from j past an existential 'there is' / 'there's' / 'there are': the thing
    named after it is what the clause is about ('and on the left there's a motorboat')."""
    if j + 1 < len(phrases) and getattr(phrases[j], "low", "") == "there":
        if getattr(phrases[j + 1], "low", "") in _EXISTENTIAL_BE:
            return j + 2
    return j


def opens_sentence(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k opens its sentence (past words like 'just' or 'high')."""
    before = lead_in(phrases, k)
    return before is None or isinstance(before, Mark) and before.tag is Tag.END


def closing_comma(phrases: tuple[Phrase, ...], start: int, stop: int, stops: frozenset[Tag]) -> int | None:
    """The comma that closes an aside whose first phrase is `start`, looked for before `stop`
    (', folded from a newspaper,'; ', which faces the sea,'); None when a mark tagged one of
    `stops` (the sentence's end, a conjunction) comes first."""
    for j in range(start, min(stop, len(phrases))):
        p = phrases[j]
        if isinstance(p, Mark) and p.low == ",":
            return j
        if isinstance(p, Mark) and p.tag in stops:
            return None
    return None


def next_verb(phrases: tuple[Phrase, ...], k: int) -> int | None:
    """The first verb after phrase k in its sentence."""
    for j in range(k + 1, len(phrases)):
        p = phrases[j]
        if isinstance(p, Verb):
            return j
        if isinstance(p, Mark) and p.tag is Tag.END:
            return None
    return None


def arriving(phrases: tuple[Phrase, ...], k: int) -> int | None:
    """The verb before 'from the left' at k, past its object and an 'in' or 'out' ('follows the
    turtle from the right', 'rides in from the left', 'walks out from the right', 'facing it from
    the bottom left')."""
    j = k - 1
    if j >= 0 and isinstance(phrases[j], SpacePhrase) and phrases[j].end - phrases[j].start == 1:
        j -= 1  # "in", "into": no object of its own
    while (
        j >= 0
        and isinstance(phrases[j], Mark)
        and (
            phrases[j].tag is Tag.ADV or is_class(phrases[j].low, WordClass.PARTICLE)  # type: ignore[union-attr]
        )
    ):
        j -= 1
    said = isinstance(phrases[j], NounPhrase) or isinstance(phrases[j], Mark) and phrases[j].tag is Tag.PRON
    if j >= 1 and said and j == k - 1:
        j -= 1
    return j if j >= 0 and isinstance(phrases[j], Verb) else None


def fronted_clause(phrases: tuple[Phrase, ...], k: int) -> int | None:
    """The comma closing a clause that opens the sentence of phrase k, past k, when that clause has
    no finite verb ('With a monkey riding on its head, ...', 'A parrot perched on his shoulder, ...'):
    its possessives may stand for the thing named right after the comma. None otherwise."""
    start = k
    while start > 0 and not (isinstance(phrases[start - 1], Mark) and phrases[start - 1].tag is Tag.END):
        start -= 1
    for j in range(start, len(phrases)):
        p = phrases[j]
        if isinstance(p, Verb) and not (participle(phrases, j) or j == start or p.low.endswith("ing")):
            return None
        if isinstance(p, Mark) and (p.tag is Tag.END or p.low in {"and", "while", "as"}):
            return None
        if isinstance(p, Mark) and p.low == ",":
            named = j + 1 < len(phrases) and isinstance(phrases[j + 1], NounPhrase)
            return j if j > k and named and _finite_after(phrases, j + 1) else None
    return None


def _finite_after(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether a finite verb follows phrase j in its sentence: the thing named there is the
    subject of the main clause ('A parrot perched on his shoulder, the sailor mends a net'), not
    an apposition to the subject before ('Her son stood beside her, a tall boy in a cap.')."""
    for i in range(j + 1, len(phrases)):
        p = phrases[i]
        if isinstance(p, Mark) and p.tag is Tag.END:
            return False
        if isinstance(p, Verb) and not participle(phrases, i) and not p.low.endswith("ing"):
            return True
    return False
