"""Pass 4 of the rules reader: things with roles -> what describes each thing.

For every thing: its attributes (the words of its own noun phrases, predicate adjectives, what it
wears or holds, its parts) and its details, the text that follows it and belongs to it ("in
yellow raincoats", "weighing tomatoes", "long silver hair, smiling"), for its regional prompt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.reading import Size
from planner.rules_clauses import first_object, is_animate, is_governed, subject_phrase
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, pose_after
from planner.rules_role_attachments import listed_place
from planner.rules_role_nouns import (
    DEFINITE,
    POSSESSIVE,
    Noun,
    Role,
    absolute,
    is_latter,
    is_person,
    latter_referent,
    low_text,
    phrase_after,
    referred_subject,
)
from planner.rules_tokens import Tag, Token, quoted
from planner.rules_vocab import (
    Flag,
    ThingKind,
    WordClass,
    gerund,
    is_class,
    participle,
    singular,
    takes_no_object,
)

_KEEP_TAGS = frozenset({Tag.ADJ, Tag.ADV, Tag.DET, Tag.NUM, Tag.UNKNOWN, Tag.PRON, Tag.NOUN, Tag.QUANT})
_CLAUSE_WORDS = frozenset("while whilst as because though although where when then which who that".split())
_OWNED = frozenset({Role.ATTACHED, Role.PART, Role.PREDICATE})
_TEXT_ROLES = frozenset({Role.NONE, Role.MEASURE})
_ADJECTIVAL = frozenset({Tag.ADJ, Tag.CONJ})
_POTTED = frozenset({ThingKind.PLANT, ThingKind.FOOD})
_OF_CLASSES = (WordClass.COLOUR, WordClass.SHADE, WordClass.MATERIAL, WordClass.SHAPE, WordClass.ADJECTIVE)


@dataclass(frozen=True)
class Description:
    """What describes one thing."""

    attributes: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    predicates: tuple[str, ...] = ()  # adjectives said of it elsewhere ("the car is red")


def text_of(tokens: tuple[Token, ...], start: int, end: int) -> str:
    """The original words of tokens[start:end], spaced as prose."""
    out = ""
    for token in tokens[start:end]:
        if token.low in {",", ")", "'s"} or not out:
            out += token.text
        else:
            out += " " + token.text
    return out.replace("( ", "(")


def _detail_text(tokens: tuple[Token, ...], start: int, end: int) -> str:
    """Like text_of, with finite verbs said as -ing forms: a detail is read after its thing's noun
    ('two teenagers share a tea' -> 'a teenager, sharing a tea')."""
    finite = [
        t.low
        for t in tokens[start:end]
        if t.tag is Tag.VERB
        and not t.low.endswith(("ing", "ed"))
        and not is_class(t.low, WordClass.BE)
        and not participle(t.low)  # "hung with streamers" stays
    ]
    text = text_of(tokens, start, end)
    for word in dict.fromkeys(finite):
        text = re.sub(rf"\b{re.escape(word)}\b", gerund(word), text, flags=re.IGNORECASE)
    return text


def _resolve(nouns: tuple[Noun, ...], i: int) -> int:
    while nouns[i].role is Role.REPEAT and nouns[i].ref is not None:
        i = nouns[i].ref
    return i


def _owner(nouns: tuple[Noun, ...], noun: Noun) -> int | None:
    return _resolve(nouns, noun.ref) if noun.role in _OWNED and noun.ref is not None else None


def _owned_by(phrase: Phrase | None, at: dict[int, Noun], nouns: tuple[Noun, ...], owner: int) -> bool:
    return isinstance(phrase, NounPhrase) and phrase.start in at and _owner(nouns, at[phrase.start]) == owner


def _continues_list(phrase: Phrase | None, at: dict[int, Noun], nouns: tuple[Noun, ...], owner: int) -> bool:
    """After a comma: a tag-list item that still describes the owner ("smiling", "long hair")."""
    if isinstance(phrase, Mark) or _colours(phrase):
        return _colours(phrase)
    if isinstance(phrase, Verb):
        return phrase.low.endswith(("ing", "ed"))
    if isinstance(phrase, SpacePhrase):
        return phrase.spatial.relation in {"with", "inside"}
    return _owned_by(phrase, at, nouns, owner)


def _graded(phrase: Phrase | None, after: Phrase | None) -> bool:
    """After a comma: a degree word and an adjective ('very tall', 'slightly chubby'), a tag-list
    item that still describes the owner like a bare adjective does."""
    degree = isinstance(phrase, Mark) and phrase.tag in {Tag.AUX, Tag.ADV}
    state = isinstance(after, Verb) and after.low.endswith("ed")  # "half unrolled", "partly hidden"
    return degree and (isinstance(after, Mark) and after.tag is Tag.ADJ or state)


def _step(
    p: Phrase,
    nxt: Phrase | None,
    at: dict[int, Noun],
    nouns: tuple[Noun, ...],
    owner: int,
    last_verb: str,
    after: Phrase | None = None,
) -> tuple[bool, bool]:
    """(include this phrase, stop after it) while reading what follows a thing."""
    if isinstance(p, Mark) and _particle_of(p, nxt, last_verb):
        return True, False  # "wringing out a red sheet": the verb's particle, then its object
    if isinstance(p, Mark):
        return _step_mark(p, nxt, at, nouns, owner, after)
    if isinstance(p, Verb):
        return True, False
    if isinstance(p, SpacePhrase):
        return _step_space(p, nxt, at, nouns, owner)
    return _step_noun(p, nxt, at, nouns, owner, last_verb, after)


def _particle_of(p: Mark, nxt: Phrase | None, last_verb: str) -> bool:
    """Whether p is the particle of the verb just read, before its object ('hangs up a coat')."""
    return (
        bool(last_verb)
        and p.tag is Tag.PREP
        and is_class(p.low, WordClass.PARTICLE)
        and isinstance(nxt, NounPhrase)
    )


def _step_mark(
    p: Mark,
    nxt: Phrase | None,
    at: dict[int, Noun],
    nouns: tuple[Noun, ...],
    owner: int,
    after: Phrase | None,
) -> tuple[bool, bool]:
    """A word or mark after a thing: a list goes on past commas and 'and', a clause word ends it."""
    if _while_doing(p, nxt):
        return True, False  # "checks his watch while dragging a suitcase": still the subject's doing
    if p.tag is Tag.END or p.low in _CLAUSE_WORDS:
        return False, True
    if p.tag is Tag.COMMA:
        whose = isinstance(nxt, Mark) and nxt.low == "whose"  # "a boat, whose blue hull is streaked"
        return False, not (whose or _graded(nxt, after) or _continues_list(nxt, at, nouns, owner))
    if p.tag is Tag.CONJ:
        keeps = (
            isinstance(nxt, Verb)
            or _colours(nxt)
            or _listed_text(nxt, after, at)
            or _owned_by(nxt, at, nouns, owner)  # "in a shirt and an apron"
        )
        return keeps, not keeps
    if p.tag in {Tag.BE, Tag.AUX}:
        return False, False
    if p.tag is Tag.PREP and is_class(p.low, WordClass.PARTICLE) and isinstance(nxt, SpacePhrase):
        return True, False  # "goggles pushed up on his forehead": a verb's particle
    if p.tag is Tag.PREP:
        text = isinstance(nxt, NounPhrase) and nxt.start in at and at[nxt.start].role in _TEXT_ROLES
        follows = _owned_by(nxt, at, nouns, owner) or (
            p.low == "of"
            and isinstance(nxt, NounPhrase)
            and nxt.start in at
            and (text or _made_of(nouns[owner], at[nxt.start]))
        )
        follows = follows or (p.low == "like" and text)  # "a kiosk painted like a lemon": its look
        return follows, not follows
    return p.tag in _KEEP_TAGS, False


def _step_space(
    p: SpacePhrase, nxt: Phrase | None, at: dict[int, Noun], nouns: tuple[Noun, ...], owner: int
) -> tuple[bool, bool]:
    """A place phrase after a thing: kept when what follows is the thing's own (worn, its pot).
    A place in the picture ('at the top', 'on the left') is no other thing: what follows it may
    still be the thing's ('a drone hovers at the top with a searchlight')."""
    if absolute(p):
        return False, False
    if p.spatial.relation == "inside" and _pot_of(nxt, at, nouns[owner]):
        return True, False  # "a fern in a clay pot": the plant is drawn in its pot
    follows = (
        _owned_by(nxt, at, nouns, owner)
        or _with_thing(p, nxt, at)
        or _rides(p, nxt, at, nouns[owner])
        or _own_body_part(nxt, at)
        or (
            p.spatial.relation in {"with", "inside"}
            and (
                isinstance(nxt, NounPhrase)
                and nxt.start in at
                and at[nxt.start].role in _TEXT_ROLES
                or _colours(nxt)
            )
        )
    )
    return follows, not follows


def _own_body_part(phrase: Phrase | None, at: dict[int, Noun]) -> bool:
    """'his forehead', 'her ear': a body part said with a possessive and no region of its own, where
    an item worn or tucked is ('goggles pushed up on his forehead')."""
    noun = at.get(phrase.start) if isinstance(phrase, NounPhrase) else None
    return (
        noun is not None
        and noun.role is Role.NONE
        and noun.phrase.determiner in POSSESSIVE
        and is_class(noun.head, WordClass.PART)
    )


def _step_noun(
    p: Phrase,
    nxt: Phrase | None,
    at: dict[int, Noun],
    nouns: tuple[Noun, ...],
    owner: int,
    last_verb: str,
    after: Phrase | None,
) -> tuple[bool, bool]:
    """A noun after a thing: its own things and the object of its action stay, another thing ends it."""
    noun = at.get(p.start)
    if noun is None:
        return False, True
    if _pot_of(p, at, nouns[owner]) or _made_of(nouns[owner], noun):
        return True, True
    if _owner(nouns, noun) == owner or noun.role in _TEXT_ROLES:
        return True, False
    if noun.role is Role.THING and last_verb and not is_class(last_verb, WordClass.PLACING_VERB):
        used = isinstance(nxt, SpacePhrase) and _owned_by(after, at, nouns, owner)  # "from her basket"
        used = used or _while_doing(nxt, after)  # "reads a chart while pushing a trolley"
        used = used or _and_doing(nxt, after)  # "carries a baby and checks her phone"
        return True, not used  # the object of an action: "weighing tomatoes"
    return False, True


def _while_doing(p: Phrase | None, nxt: Phrase | None) -> bool:
    """Whether p is 'while' / 'whilst' before an -ing verb: one more thing the subject does."""
    doing = isinstance(nxt, Verb) and nxt.low.endswith("ing")
    return isinstance(p, Mark) and p.low in {"while", "whilst"} and doing


def _and_doing(p: Phrase | None, nxt: Phrase | None) -> bool:
    """Whether p is 'and' before a verb: after an action's object, one more thing the subject does
    ('a mother carries a baby and checks her phone'), not the object's."""
    return isinstance(p, Mark) and p.tag is Tag.CONJ and p.low == "and" and isinstance(nxt, Verb)


def _with_thing(p: Phrase, nxt: Phrase | None, at: dict[int, Noun]) -> bool:
    """'a diver with yellow tanks': a thing its owner carries or has is said in the owner's prompt
    too (and keeps its own region)."""
    noun = at.get(nxt.start) if isinstance(nxt, NounPhrase) else None
    return (
        isinstance(p, SpacePhrase)
        and p.spatial.relation == "with"
        and noun is not None
        and noun.role is Role.THING
    )


def _rides(p: Phrase, nxt: Phrase | None, at: dict[int, Noun], owner: Noun) -> bool:
    """'a boy on a skateboard', 'a man in a wheelchair': a person or animal on or in a vehicle no
    bigger than itself rides it, so the ride is said in the rider's prompt too (and keeps its own
    region); a car one sits in is a place, not a ride, and so is where one is said to sit ('a
    fisherman sits in a rowboat')."""
    noun = at.get(nxt.start) if isinstance(nxt, NounPhrase) else None
    return (
        isinstance(p, SpacePhrase)
        and p.spatial.relation in {"on", "inside"}
        and p.start == owner.phrase.end  # 'a man in a wheelchair', not 'a man sits in a rowboat'
        and owner.animate
        and noun is not None
        and noun.is_thing
        and noun.kind is ThingKind.VEHICLE
        and noun.entry is not None
        and noun.entry.size <= Size.MEDIUM
    )


def _listed_text(phrase: Phrase | None, after: Phrase | None, at: dict[int, Noun]) -> bool:
    """After 'and': one more unlisted noun that is no thing and starts no clause ('grinding herbs
    with a mortar and pestle'), not a bare verb in -s read as a noun ('strokes its ears and whispers')."""
    noun = at.get(phrase.start) if isinstance(phrase, NounPhrase) else None
    if noun is None or noun.role is not Role.NONE or isinstance(after, Verb):
        return False
    p = noun.phrase
    return bool(p.determiner or p.count or p.modifiers or not p.words[-1].endswith("s"))  # not "and whispers"


def _made_of(owner: Noun, noun: Noun) -> bool:
    """'a village of thatched cottages': the things a bounded scene is made of are in its
    prompt (and keep their own regions)."""
    return owner.entry is not None and owner.entry.has(Flag.BOUNDED) and noun.is_thing and noun.phrase.plural


def _colours(phrase: Phrase | None) -> bool:
    """An adjective ('nude'), a colour noun ('coral') or colours ('deep berry shades'): one item
    of a list of colours a thing comes in."""
    if isinstance(phrase, Mark):
        return phrase.tag is Tag.ADJ
    if not isinstance(phrase, NounPhrase) or phrase.determiner or phrase.count:
        return False
    return is_class(phrase.head, WordClass.COLOUR) or is_class(phrase.head, WordClass.COLOUR_NOUN)


def _pot_of(phrase: Phrase | None, at: dict[int, Noun], owner: Noun) -> bool:
    """Whether a noun phrase is a container a plant or food stands in ('a cactus in a clay pot',
    'plums in a wicker basket'): drawn with it."""
    pot = at.get(phrase.start) if isinstance(phrase, NounPhrase) else None
    return (
        pot is not None
        and pot.entry is not None
        and pot.entry.has(Flag.CONTAINER)
        and owner.entry is not None
        and owner.entry.kind in _POTTED
    )


def _state(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """'lies overturned', 'lies curled': a participle after a verb says what state its thing is in;
    'head bowed', 'arms folded': one after a body part says its pose."""
    if end - start < 2 or not participle(tokens[end - 1].low):
        return False
    before = tokens[end - 2]
    posed = before.tag is Tag.NOUN and is_class(singular(before.low), WordClass.PART)
    return (
        before.tag is Tag.VERB
        and tokens[end - 1].low.endswith("ed")
        or posed
        or _paired_state(tokens, start, end)
    )


def _paired_state(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """'dented and blackened', 'half unrolled': a participle in -ed after 'and' and another one, or
    after a degree adverb opening the piece, says a state (an aside between commas), not a
    finite verb whose place is said elsewhere."""
    last, before = tokens[end - 1], tokens[end - 2]
    if not last.low.endswith("ed"):
        return False
    paired = before.low == "and" and end - start >= 3 and tokens[end - 3].low.endswith("ed")
    return paired or before.tag is Tag.ADV and end - start == 2


def _lone_aside(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """'a heron, startled, rises': one participle in -ed alone between commas is a state of the
    thing before it, not a finite verb."""
    between = 0 < start and end < len(tokens) and end - start == 1
    commas = between and tokens[start - 1].tag is Tag.COMMA and tokens[end].tag is Tag.COMMA
    return commas and tokens[start].low.endswith("ed")


def _trimmed(start: int, end: int, tokens: tuple[Token, ...]) -> tuple[int, int]:
    """Without a trailing finite verb whose place is said elsewhere ('rises' above the rocks)."""
    while (
        end > start
        and tokens[end - 1].tag in {Tag.VERB, Tag.ADV}
        and not tokens[end - 1].low.endswith("ing")
        and not _state(tokens, start, end)
        and not _lone_aside(tokens, start, end)
    ):
        end -= 1
    return start, end


def _span(
    tokens: tuple[Token, ...],
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, Noun],
    nouns: tuple[Noun, ...],
    owner: int,
) -> list[tuple[int, int]]:
    """Token ranges after phrase k that describe `owner`, one range per comma-separated piece."""
    if _inverted(phrases, k):
        return []
    pieces: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    last_verb = ""
    skip = k + _relative(phrases, k)
    for j in range(k + 1, _clause_end(phrases, k) if skip > k else len(phrases)):
        p = phrases[j]
        nxt = phrases[j + 1] if j + 1 < len(phrases) else None
        after = phrases[j + 2] if j + 2 < len(phrases) else None
        if j <= skip:
            continue
        if _not_its_verb(phrases, k, j, at, nouns, owner) or j == _object_and_doing(phrases, k):
            break
        if _doer_elsewhere(phrases, k, j) or _set_down_after(phrases, j, at):
            break
        include, stop = _step(p, nxt, at, nouns, owner, last_verb, after)
        if stop and (_aside_closed(phrases, k, j) or _appositive_closed(phrases, k, j, at)):
            include, stop = False, False  # "the badger, wearing an apron, | pulls a tray"
        source = stop and start is not None and end == phrases[j - 1].end and _source(phrases, j, at)
        place = _place_before_verb(phrases, k, j, at, nouns, owner) if stop else None
        if place is not None:  # "a clown on a unicycle juggles": the clown's
            verb = _verb_after_place(phrases, place) or _doing_at(phrases, place)
            if place < j and include:  # the ride said up to its noun: "a boy on a bicycle | waits"
                start, end = (p.start if start is None else start), p.end
            skip, include, stop = verb - 1, False, False
            if start is not None:
                pieces.append((start, end))
                start = None
        closes = isinstance(p, Mark) and p.tag in {Tag.COMMA, Tag.BE} or absolute(p)
        if closes and not stop and start is not None:
            pieces.append((start, end))
            start = None
        elif include or source:
            start = p.start if start is None else start
            end = phrases[j + 1].end if source else p.end  # "pours coffee from a glass pot"
        if stop:
            break
        if isinstance(p, Verb) or _with_thing(p, nxt, at) or _rides(p, nxt, at, nouns[owner]):
            last_verb = p.low if isinstance(p, Verb) else "with"
        elif not (
            isinstance(p, Mark)
            and (p.tag in {Tag.DET, Tag.ADV} or _particle_of(p, nxt, last_verb) or first_object(p, nxt))
        ):
            last_verb = ""
    if start is not None:
        pieces.append((start, end))
    trimmed = [_trimmed(a, b, tokens) for a, b in pieces if b > a]
    places = {p.start for p in phrases if isinstance(p, SpacePhrase)}
    return [(a, b) for a, b in trimmed if b > a and not _object_elsewhere(tokens, a, b, places)]


def _object_and_doing(phrases: tuple[Phrase, ...], k: int) -> int | None:
    """Where the 'and' is when phrase k is a verb's or preposition's object followed by 'and' and a
    verb ('a girl waters the roses and hums a song', 'a man sits on a bench and reads'), past an
    'of' phrase ('sits on a box of apples and eats one'): the second verb is the subject's, not
    the object's; else None."""
    of = low_text(phrase_after(phrases, k)) == "of" and isinstance(phrase_after(phrases, k + 1), NounPhrase)
    end = k + 2 if of else k
    nxt = phrases[end + 1] if end + 1 < len(phrases) else None
    after = phrases[end + 2] if end + 2 < len(phrases) else None
    doing = isinstance(phrases[k], NounPhrase) and _and_doing(nxt, after) and is_governed(phrases, k)
    return end + 1 if doing else None


def _aside_closed(phrases: tuple[Phrase, ...], k: int, j: int) -> bool:
    """Whether the comma at j closes a participle aside opened by a comma right after phrase k, and
    a finite verb follows: a participle aside has no finite verb of its own, so that verb and
    what it takes are phrase k's ('the badger, wearing an apron, pulls a tray from the oven')."""
    opener = phrases[k + 1 : k + 3]
    return (
        len(opener) == 2
        and isinstance(opener[0], Mark)
        and opener[0].tag is Tag.COMMA
        and isinstance(opener[1], (Verb, SpacePhrase))  # "wearing a hat", "covered in soot"
        and (getattr(opener[1], "low", None) or getattr(opener[1], "lead", "")).endswith(("ing", "ed"))
        and j > k + 2
        and _comma_before_verb(phrases, k + 3, j)
    )


def _appositive_closed(phrases: tuple[Phrase, ...], k: int, j: int, at: dict[int, Noun]) -> bool:
    """Whether phrase k is an appositive ('his apprentice, a freckled girl in an apron, planes a
    board': the girl is the apprentice named again) and the comma at j closes it before a finite
    verb: that verb and what it takes are the appositive's too."""
    noun = at.get(phrases[k].start) if isinstance(phrases[k], NounPhrase) else None
    before = phrases[k - 1] if k else None
    return (
        noun is not None
        and noun.role is Role.REPEAT
        and isinstance(before, Mark)
        and before.tag is Tag.COMMA
        and _comma_before_verb(phrases, k + 1, j)
    )


def _comma_before_verb(phrases: tuple[Phrase, ...], start: int, j: int) -> bool:
    """Whether the comma at j ends a stretch from `start` with no finite verb and no sentence end in
    it, and a finite verb comes right after the comma: the verb of whoever the stretch describes."""
    nxt = phrases[j + 1] if j + 1 < len(phrases) else None
    return (
        isinstance(phrases[j], Mark)
        and phrases[j].tag is Tag.COMMA  # type: ignore[union-attr]
        and _finite(nxt)
        and not any(_finite(q) or isinstance(q, Mark) and q.tag is Tag.END for q in phrases[start:j])
    )


def _relative(phrases: tuple[Phrase, ...], k: int) -> int:
    """How many phrases after phrase k open a clause about it, 0 if none: 'that' / 'who' right
    after it ('an eagle that has just caught a fish', 'a dog that wags its tail'), or ', who'
    ('the mother, who carries a sleeping baby, waits'): what the clause says describes the thing."""
    comma = k + 1 < len(phrases) and low_text(phrases[k + 1]) == ","
    at = k + 1 + comma
    word = phrases[at] if at < len(phrases) else None
    nxt = phrases[at + 1] if at + 1 < len(phrases) else None
    opens = isinstance(word, Mark) and (word.low == "who" or word.low == "that" and not comma)
    verb = isinstance(nxt, Verb) or isinstance(nxt, Mark) and nxt.tag in {Tag.AUX, Tag.BE}
    return at - k if opens and verb else 0


def _clause_end(phrases: tuple[Phrase, ...], k: int) -> int:
    """Where the relative clause after phrase k ends: at the finite verb, after the clause's own
    verb, that is the thing's main verb ('a dog that wags its tail | waits')."""
    seen = False
    for j in range(k + 2, len(phrases)):
        p = phrases[j]
        if seen and _finite(p) and not isinstance(phrases[j - 1], Mark):
            return j
        seen = seen or isinstance(p, Verb)
    return len(phrases)


_TOOL_LEADS = frozenset(
    "from into through over".split()
)  # said right after the doing: "screams into a microphone"
_AFTER_OBJECT_LEADS = frozenset("from into in".split())  # said after its object: "tosses noodles in a wok"


def _source(phrases: tuple[Phrase, ...], j: int, at: dict[int, Noun]) -> bool:
    """Whether phrase j opens the thing an action is done with, from or into, right after the
    action, past an adverb ('screams into a microphone', 'peers through brass goggles', 'reads aloud
    from a book') or after its object ('pours coffee from a glass pot', 'tosses noodles in a wok',
    'counts coins into a tin bowl'): the tool or vessel of the doing is said with the doer (and keeps its own
    region); not where the doer is ('sits in a boat': a placing verb)."""
    p, nxt = phrases[j], phrases[j + 1] if j + 1 < len(phrases) else None
    noun = at.get(nxt.start) if isinstance(nxt, NounPhrase) else None
    if not isinstance(p, SpacePhrase) or noun is None or noun.role is not Role.THING:
        return False
    before, verb = (phrases[j - 1], phrases[j - 2]) if j >= 2 else (None, None)
    if isinstance(before, Mark) and before.tag is Tag.ADV:  # "reads aloud from a picture book"
        before = verb
    if isinstance(before, Verb):
        return p.lead in _TOOL_LEADS and _doing(before)
    return isinstance(before, NounPhrase) and p.lead in _AFTER_OBJECT_LEADS and _doing(verb)


def _doing(p: Phrase | None) -> bool:
    """Whether p is a verb of doing, not one that says where its subject is ('sits', 'hangs')."""
    return isinstance(p, Verb) and not is_class(p.low, WordClass.PLACING_VERB)


def _finite(p: Phrase | None) -> bool:
    return isinstance(p, Verb) and not p.low.endswith(("ing", "ed")) and not participle(p.low)


def _its_verb_after(phrases: tuple[Phrase, ...], k: int, j: int) -> bool:
    """Whether the place phrase at j ('on a unicycle') is followed by its object and a finite
    verb whose subject is phrase k ('a clown on a unicycle juggles')."""
    p = phrases[j]
    verb = _verb_after_place(phrases, j)
    return (
        verb is not None
        and isinstance(p, SpacePhrase)
        and isinstance(phrases[j + 1], NounPhrase)
        and subject_phrase(phrases, verb) == k
    )


def _place_before_verb(
    phrases: tuple[Phrase, ...], k: int, j: int, at: dict[int, Noun], nouns: tuple[Noun, ...], owner: int
) -> int | None:
    """Where the place phrase is, at j or just before its object at j, when a verb of phrase k's
    follows its object ('a clown on a unicycle juggles'; 'a boy on a bicycle waits', where the ride
    is said in the boy's prompt up to 'a bicycle' by _rides); None when no verb of k's follows."""
    ride = j > k + 1 and _rides(phrases[j - 1], phrases[j], at, nouns[owner])
    place = j - 1 if ride else j
    return place if _its_verb_after(phrases, k, place) or _doing_after_place(phrases, k, place) else None


def _verb_after_place(phrases: tuple[Phrase, ...], j: int) -> int | None:
    """Where the verb after the place phrase at j and its object is: a finite verb ('a clown on a
    unicycle juggles'), or the -ing verb of a progressive ('a man in a window is shaking out a
    rug'), past an adverb or a bare place word ('in a window above is shaking'); else None."""
    v = j + 2
    while v + 1 < len(phrases) and _bare_place_word(phrases, v):
        v += 1
    said = phrases[v] if v < len(phrases) else None
    if isinstance(said, Mark) and said.tag is Tag.BE:
        return v + 1 if _progressive(phrases, v) else None
    return v if _finite(said) else None


def _bare_place_word(phrases: tuple[Phrase, ...], v: int) -> bool:
    """An adverb, or a place word with no object ('above', 'nearby'), between a thing and its verb."""
    p = phrases[v]
    if isinstance(p, Mark):
        return p.tag is Tag.ADV
    return isinstance(p, SpacePhrase) and not isinstance(phrases[v + 1], NounPhrase)


def _doing_after_place(phrases: tuple[Phrase, ...], k: int | None, j: int) -> bool:
    """Whether the place phrase at j and its lifeless object are followed by an -ing verb with an
    object whose subject is the person or animal at k: 'a girl sits on a bench reading a book'
    (she reads, not the bench). After a comma the -ing clause is the subject's whatever the verb
    ('a parrot perched on a birdcage, squawking loudly': the parrot squawks)."""
    v = _doing_at(phrases, j)
    if k is None or v >= len(phrases) or not isinstance(phrases[j], SpacePhrase):
        return False
    place, verb = phrases[j + 1], phrases[v]
    return (
        isinstance(place, NounPhrase)
        and isinstance(verb, Verb)
        and verb.low.endswith("ing")
        and (v > j + 2 or not takes_no_object(verb.low) or _with_complement(phrases, v))
        and is_animate(phrases[k])
        and not is_animate(place)
        and subject_phrase(phrases, v) == k
    )


def _with_complement(phrases: tuple[Phrase, ...], v: int) -> bool:
    """Whether the verb at v is followed by an adjective, past adverbs ('looking really smug',
    'sitting perfectly still'): it says how its subject looks or is, which a person or an animal
    does, not the place it is on."""
    w = v + 1
    while w < len(phrases) and isinstance(phrases[w], Mark) and phrases[w].tag in {Tag.ADV, Tag.AUX}:
        w += 1
    return w < len(phrases) and isinstance(phrases[w], Mark) and phrases[w].tag is Tag.ADJ


def _doing_at(phrases: tuple[Phrase, ...], j: int) -> int:
    """Where a doing after the place phrase at j and its object would be: right after them, past a
    comma ('sits on a rug, chewing a bone') or past a place word without an object of its own
    ('sits on a stool at the center reading a book')."""
    v = j + 2
    while v + 1 < len(phrases) and isinstance(phrases[v], SpacePhrase) and _bare_place_word(phrases, v):
        v += 1
    return v + 1 if v + 1 < len(phrases) and low_text(phrases[v]) == "," else v


def _doer_elsewhere(phrases: tuple[Phrase, ...], k: int, j: int) -> bool:
    """Whether phrase j, after phrase k, opens the doing of another subject after a lifeless place
    ('a dog lies on a rug, chewing a bone': the comma; 'a man sits on a crate in the corner
    reading a newspaper': 'reading'): the -ing clause is the clause subject's, not phrase k's."""
    v = j + 1 if low_text(phrases[j]) == "," else j
    if k < 1 or j <= k or v >= len(phrases) or not isinstance(phrases[v], Verb):
        return False
    if not isinstance(phrases[k - 1], SpacePhrase):
        return False  # k is no place: "a guide in a red jacket checking a tank" checks it
    subject = subject_phrase(phrases, v)
    return subject != k and any(
        isinstance(phrases[p], SpacePhrase)
        and _doing_at(phrases, p) == v
        and _doing_after_place(phrases, subject, p)
        for p in range(k - 1, v)
    )


def _set_down_after(phrases: tuple[Phrase, ...], j: int, at: dict[int, Noun]) -> bool:
    """Whether phrase j is a comma before 'with' and a thing with a place of its own ('the seat, with
    a mug of cocoa on a side table', 'a staircase, with a dog sitting at his feet'): an item of the
    scene's list, not the seat's or the staircase's."""
    if low_text(phrases[j]) != "," or j + 2 >= len(phrases) or not isinstance(phrases[j + 1], SpacePhrase):
        return False
    noun = at.get(phrases[j + 2].start)
    return noun is not None and noun.is_thing and listed_place(phrases, j + 2) is not None


def _not_its_verb(
    phrases: tuple[Phrase, ...], k: int, j: int, at: dict[int, Noun], nouns: tuple[Noun, ...], owner: int
) -> bool:
    """Whether the finite verb at j, right after phrase k, is another subject's: 'the unicycle'
    in 'a clown on a unicycle juggles' (not when the subject is the owner named again)."""
    doing = j >= 2 and _doing_after_place(phrases, subject_phrase(phrases, j), j - 2)
    progressive = _progressive(phrases, j)
    if j != k + 1 or not (_finite(phrases[j]) or doing or progressive) or isinstance(phrases[k], Mark):
        return False  # after 'she' / 'he' (_pronoun_mentions): the pronoun is the subject
    subject = subject_phrase(phrases, j + 1 if progressive else j)
    if subject in {k, None}:
        return False
    said = at.get(phrases[subject].start)  # type: ignore[index]
    return said is None or _resolve(nouns, nouns.index(said)) != owner


def _progressive(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether phrase j is 'is' / 'are' before an -ing verb ('is shaking out a rug')."""
    said, doing = phrases[j], phrases[j + 1] if j + 1 < len(phrases) else None
    return (
        isinstance(said, Mark)
        and said.tag is Tag.BE
        and isinstance(doing, Verb)
        and doing.low.endswith("ing")
    )


def _inverted(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is the place opening an inverted sentence ('Near the door waits a knight'):
    the verb after it and the subject after that are not its own."""
    lead = phrases[k - 1] if k else None
    opening = k == 1 or k > 1 and phrases[k - 2].sentence != phrases[k].sentence
    verb, subject = phrases[k + 1 : k + 3] if k + 3 <= len(phrases) else (None, None)
    return (
        isinstance(lead, SpacePhrase)
        and lead.spatial.needs_object  # not "On the left a large oak tree gives shade"
        and opening
        and isinstance(verb, Verb)
        and not verb.low.endswith(("ing", "ed"))
        and isinstance(subject, NounPhrase)
    )


def _object_elsewhere(tokens: tuple[Token, ...], start: int, end: int, places: set[int]) -> bool:
    """A lone verb whose object went to someone else: the bed's 'reading' in 'sits on the bed,
    reading a comic book' (the girl reads it); not one before a place ('lies folded next to the
    mugs': 'next' opens the place, no object)."""
    lone = all(t.tag is Tag.VERB for t in tokens[start:end])
    objected = end < len(tokens) and tokens[end].tag in {Tag.DET, Tag.NOUN, Tag.ADJ, Tag.NUM}
    return lone and objected and end not in places


def _adjectival(tokens: tuple[Token, ...], piece: tuple[int, int]) -> bool:
    """Whether a piece of a thing's words only describes it, so its adjectives join its noun ('is
    red'); quoted words stay as written after it ('titled "The Salt Archivist"')."""
    words = tokens[piece[0] : piece[1]]
    return all(t.tag in _ADJECTIVAL and not quoted(t.low) for t in words)


def _emphatic(tokens: tuple[Token, ...], piece: tuple[int, int]) -> bool:
    """Whether a piece is only a reflexive said for emphasis after its thing ('the apothecary
    herself, a woman in ...'): it says nothing of how the thing looks. One that is a verb's object
    ('hums to himself', 'washing itself') is said with its verb and stays."""
    words = tokens[piece[0] : piece[1]]
    return all(t.low.endswith(("self", "selves")) and is_class(t.low, WordClass.PRONOUN) for t in words)


def _predicates(owned: list[Noun], tokens: tuple[Token, ...], pieces: list[tuple[int, int]]) -> list[str]:
    """Adjectives said of the thing outside its noun phrase: 'the car is red', 'is orange'."""
    words = [w for n in owned if n.role is Role.PREDICATE for w in n.phrase.lows]
    for piece in pieces:
        if _adjectival(tokens, piece):
            words.extend(
                t.low
                for t in tokens[piece[0] : piece[1]]
                if t.tag is Tag.ADJ and not is_class(t.low, WordClass.STYLE)
            )
    return words


def _of_words(phrases: tuple[Phrase, ...], noun: Noun, at: dict[int, Noun]) -> list[str]:
    """The describing words of a noun that is no thing and names the thing with 'of': 'the blue
    curve of Earth', 'the golden dome of the mosque' (blue Earth, golden mosque)."""
    k = noun.index
    lead = phrases[k - 1] if k >= 2 else None
    before = phrases[k - 2] if k >= 2 else None
    if not (isinstance(lead, Mark) and lead.low == "of" and isinstance(before, NounPhrase)):
        return []
    if before.start not in at or at[before.start].role is not Role.NONE:
        return []
    return [w for w in before.modifiers if any(is_class(w, cls) for cls in _OF_CLASSES)]


def _placing_part(phrases: tuple[Phrase, ...], noun: Noun) -> bool:
    """'perches on the roof': a part that says where something else is, not what its owner is like."""
    lead = phrases[noun.index - 1] if noun.index else None
    relation = lead.spatial.relation if isinstance(lead, SpacePhrase) else None
    return noun.role is Role.PART and relation not in {None, "with", "inside"}


def _renamed(mentions: list[Noun]) -> list[str]:
    """The describing words of a later name for the thing: 'the captain, a grey-bearded man'; an
    animal's later name says its kind too ('his cat, a fat tabby': a fat tabby cat), and so does a
    person's when it says more than who ('her partner, a bearded engineer', not 'a stout man')."""
    first = mentions[0]
    words = [w for n in mentions[1:] for w in n.phrase.modifiers if w not in first.phrase.lows]
    kinds = [n.head for n in mentions[1:] if n.entry is not None and _renames_kind(first, n)]
    return [*words, *(w for w in kinds if w != first.head and w not in first.phrase.lows)]


def _first_said(nouns: tuple[Noun, ...], i: int) -> list[str]:
    """The describing words of an item first said as what someone holds, wears or has, and later
    named again with 'the' or an owner's word as a thing of its own ('an old lady with a tartan
    shopping trolley ... a pigeon lands on her trolley'): the same item, so its region says what
    the first mention did (a tartan shopping trolley). Only the latest earlier noun of that head
    counts, and only when it was such an item, not a thing with a region of its own."""
    noun = nouns[i]
    if noun.phrase.determiner not in DEFINITE or noun.phrase.plural:
        return []
    for earlier in reversed(nouns[:i]):
        if earlier.head != noun.head:
            continue
        if earlier.role is not Role.ATTACHED or earlier.phrase.plural:
            return []
        return [w for w in earlier.phrase.modifiers if w not in noun.phrase.lows and not w.endswith("'s")]
    return []


def _renames_kind(first: Noun, later: Noun) -> bool:
    """Whether a later name's head word belongs in the thing's words: an animal's kind, or a word
    for a person that is more than 'man' or 'woman' said of another person word."""
    assert later.entry is not None
    if later.entry.kind is ThingKind.ANIMAL:
        return True
    person = later.entry.kind is ThingKind.PERSON and first.entry is not None
    return person and first.entry.kind is ThingKind.PERSON and not later.entry.has(Flag.PLAIN)


def _describe_one(
    i: int,
    tokens: tuple[Token, ...],
    phrases: tuple[Phrase, ...],
    nouns: tuple[Noun, ...],
    at: dict[int, Noun],
    by_owner: dict[int, list[int]],
) -> Description:
    noun = nouns[i]
    mentions = [noun, *(nouns[j] for j in by_owner.get(i, []) if nouns[j].role is Role.REPEAT)]
    pieces = [piece for n in mentions for piece in _span(tokens, phrases, n.index, at, nouns, i)]
    pieces += [
        piece
        for k in [
            *_pronoun_mentions(phrases, nouns, i),
            *_latter_mentions(phrases, nouns, i),
            *_partitive_mentions(phrases, nouns, i),
        ]
        for piece in _span(tokens, phrases, k, at, nouns, i)
    ]
    covered = {t for a, b in pieces for t in range(a, b)}
    owned = [
        nouns[j]
        for j in by_owner.get(i, [])
        if nouns[j].role is not Role.REPEAT and not _placing_part(phrases, nouns[j])
    ]
    for n in owned:
        if n.phrase.start not in covered and n.role is not Role.PREDICATE:
            lead = (
                phrases[n.index - 1] if n.index and not isinstance(phrases[n.index - 1], Mark) else n.phrase
            )
            pieces.append((lead.start, _absolute_end(phrases, n)))
            covered |= set(range(*pieces[-1]))  # "a basket of dried figs": the figs are said
            if _tag_item(phrases, n.index) and is_person(noun):  # "freckles, holding a soldering iron"
                pieces += _listed_after(tokens, phrases, n.index, at, nouns, i, covered)
    predicates = [
        *_first_said(nouns, i),
        *_of_words(phrases, noun, at),
        *_predicates(owned, tokens, pieces),
        *_renamed(mentions),
    ]
    modifiers = [w for n in mentions for w in (*n.phrase.modifiers, n.coat) if w]
    attached = [text_of(tokens, n.phrase.start, n.phrase.end) for n in owned if n.role is not Role.PREDICATE]
    details = [
        _detail_text(tokens, a, b)
        for a, b in pieces
        if not _adjectival(tokens, (a, b)) and not _emphatic(tokens, (a, b))
    ]
    return Description(
        attributes=tuple(dict.fromkeys([*modifiers, *predicates, *attached])),
        details=tuple(dict.fromkeys(details)),
        predicates=tuple(dict.fromkeys(p for p in predicates if p not in noun.phrase.lows)),
    )


def _absolute_end(phrases: tuple[Phrase, ...], noun: Noun) -> int:
    """Where an owned part's words end: past the participle that says its pose in an absolute
    phrase ('fans, arms raised', 'a monk, head bowed', 'hair streaming'), so it stays with its owner."""
    after = phrases[noun.index + 1] if noun.index + 1 < len(phrases) else None
    low = low_text(after)
    if noun.role is Role.PART and pose_after(phrases, noun.index):
        return _coated_end(phrases, noun.index + 1)  # type: ignore[union-attr]
    aside = noun.index > 0 and low_text(phrases[noun.index - 1]) == ","
    if noun.role is Role.ATTACHED and aside and isinstance(after, Verb) and participle(low):
        return after.end  # "tourists crowd a bridge, phones raised": the pose stays with the phones
    return _contents_end(phrases, noun.index)


def _coated_end(phrases: tuple[Phrase, ...], j: int) -> int:
    """Where a part's pose participle at j ends: past 'with' / 'in' and a plain noun phrase right
    after it ('their hides caked with pale mud', 'its wings streaked in soot'), what it is coated
    with; else at the participle."""
    space = phrases[j + 1] if j + 2 < len(phrases) else None
    stuff = phrases[j + 2] if space is not None else None
    coated = isinstance(space, SpacePhrase) and space.lead in {"with", "in"} and isinstance(stuff, NounPhrase)
    plain = coated and isinstance(phrases[j], Verb) and phrases[j].low.endswith("ed")  # type: ignore[union-attr]
    return stuff.end if plain else phrases[j].end  # type: ignore[union-attr]


def _contents_end(phrases: tuple[Phrase, ...], k: int) -> int:
    """Where an owned item's words end: past 'of' and what it holds when that is no thing of its
    own ('holds a spool of golden thread', 'a jar of honey'), else at the item."""
    p = phrases[k]
    of = phrases[k + 1] if k + 1 < len(phrases) else None
    held = phrases[k + 2] if k + 2 < len(phrases) else None
    if low_text(of) == "of" and isinstance(held, NounPhrase) and isinstance(p, NounPhrase):
        return held.end if not held.determiner and not held.count else p.end
    return p.end


def _listed_after(
    tokens: tuple[Token, ...],
    phrases: tuple[Phrase, ...],
    k: int,
    at: dict[int, Noun],
    nouns: tuple[Noun, ...],
    owner: int,
    covered: set[int],
) -> list[tuple[int, int]]:
    """The tag-list items after a person's own tag item k that no other piece or owned noun says."""
    said = covered | {
        t for n in nouns if _owner(nouns, n) == owner for t in range(n.phrase.start, n.phrase.end)
    }
    return [(a, b) for a, b in _span(tokens, phrases, k, at, nouns, owner) if not said & set(range(a, b))]


def _tag_item(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is a bare tag-list item: between commas, no article ('freckles,')."""
    before, after = phrases[k - 1] if k else None, phrases[k + 1] if k + 1 < len(phrases) else None
    comma = [isinstance(p, Mark) and p.tag is Tag.COMMA for p in (before, after)]
    return all(comma) and not getattr(phrases[k], "determiner", "")


def _latter_mentions(phrases: tuple[Phrase, ...], nouns: tuple[Noun, ...], i: int) -> list[int]:
    """Phrases 'the latter' / 'the former' whose thing is i: the last (or the one before) person
    or animal named when it acts ('the latter waves'), the last thing named when it is said to be
    something ('a pen on a blotter, and the latter is embossed with gold')."""
    found = []
    for k in range(1, len(phrases) - 1):
        if not is_latter(phrases, k):
            continue
        said = isinstance(phrases[k + 1], Mark) and phrases[k + 1].tag is Tag.BE  # type: ignore[union-attr]
        named = [j for j, n in enumerate(nouns) if n.index < k and n.role is Role.THING]
        acting = [j for j in named if nouns[j].animate]
        referent = latter_referent(phrases, k, named if said or not acting else acting)
        if referent is not None and _resolve(nouns, referent) == i:
            found.append(k)
    return found


def _partitive_mentions(phrases: tuple[Phrase, ...], nouns: tuple[Noun, ...], i: int) -> list[int]:
    """Phrases 'them' in '<one / two / both> of them' right before an -ing verb or a participle
    ('two hikers rest on a boulder, one of them unfolding a paper map', 'one of them wrapped in a
    blanket') whose group is thing i: the latest group of
    people or animals named before it (referred_subject), so what the verb says is in the
    group's words, as it is after 'the latter' or a holding verb ('one of them holding a torch')."""
    found = []
    for k in range(2, len(phrases) - 1):
        verb = phrases[k + 1]
        lead = verb.low if isinstance(verb, Verb) else verb.lead if isinstance(verb, SpacePhrase) else ""
        doing = lead.endswith("ing") or bool(lead) and participle(lead)  # "wrapped in": a space phrase
        if not (doing and low_text(phrases[k - 1]) == "of"):
            continue
        before = [n for n in nouns if n.index < k]
        group = referred_subject(phrases, k + 1, before)
        if group is not None and _resolve(nouns, group) == i:
            found.append(k)
    return found


_JOINS = frozenset({"and", "but", "while", "so"})  # words that open a clause after another


def _pronoun_mentions(phrases: tuple[Phrase, ...], nouns: tuple[Noun, ...], i: int) -> list[int]:
    """Phrases 'she' / 'he' opening a clause with its verb ('..., she steps barefoot out of a cave',
    '... and she has soot on her cheeks') whose person is thing i: the latest person named before
    it that the pronoun fits."""
    found = []
    for k, p in enumerate(phrases[:-1]):
        before = phrases[k - 1] if k else None
        opens = (
            before is None
            or isinstance(before, Mark)
            and (before.tag in {Tag.END, Tag.COMMA} or before.low in _JOINS)
        )
        acts = isinstance(phrases[k + 1], Verb) or low_text(phrases[k + 1]) in {"has", "had"}
        if not (isinstance(p, Mark) and p.low in {"she", "he"} and opens and acts):
            continue
        unfit = WordClass.MALE if p.low == "she" else WordClass.FEMALE
        people = [
            j
            for j, n in enumerate(nouns)
            if n.index < k
            and n.is_thing
            and n.entry is not None
            and n.entry.kind is ThingKind.PERSON
            and not is_class(n.head, unfit)
        ]
        if people and _resolve(nouns, people[-1]) == i:
            found.append(k)
    return found


def describe(
    tokens: tuple[Token, ...], phrases: tuple[Phrase, ...], nouns: tuple[Noun, ...]
) -> dict[int, Description]:
    """Description of every thing, by its index in `nouns`."""
    at = {n.phrase.start: n for n in nouns}
    by_owner: dict[int, list[int]] = {}
    for j, n in enumerate(nouns):
        owner = _resolve(nouns, j) if n.role is Role.REPEAT else _owner(nouns, n)
        if owner is not None and owner != j:
            by_owner.setdefault(owner, []).append(j)
    return {
        i: _describe_one(i, tokens, phrases, nouns, at, by_owner)
        for i, noun in enumerate(nouns)
        if noun.is_thing
    }
