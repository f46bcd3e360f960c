"""Pass 2 of the rules reader: tagged tokens -> phrases.

Noun phrases (determiner, count, modifiers, head), spatial phrases ("to the left of", "in the top
right corner", "from left to right"), verbs and the other words (marks), in text order. Nothing
here decides what a noun phrase is (a thing, a scene, a style): that is the next pass.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeGuard

from planner.rules_spatial import Spatial, corner_tag, match_spatial, reading_order
from planner.rules_tokens import NUMBERED, Tag, Token, side_by_side
from planner.rules_vocab import (
    ANIMATE,
    Entry,
    Flag,
    ThingKind,
    WordClass,
    entry,
    is_class,
    is_plural,
    participle,
    parts_of_speech,
    plural_of,
    singular,
    takes_no_object,
    value_of,
    vocabulary,
)

_RUN_TAGS = frozenset({Tag.ADJ, Tag.NOUN, Tag.UNKNOWN})
_POSSESSIVES = frozenset("his her its their our my your".split())


@dataclass(frozen=True)
class NounPhrase:
    """Determiner, count and modifiers before a head noun ("two old wooden boats")."""

    start: int  # token span, end exclusive
    end: int
    sentence: int
    words: tuple[str, ...]  # modifiers and head as written (no determiner or count)
    head: str  # singular, lower case ("boat"); "one" for "a purple one"
    compound: str  # the longest things.tsv entry ending at the head ("wine glass"), or the head
    determiner: str = ""  # "a", "the", "their", "no"...
    count: int | None = None  # stated number; None when not stated
    plural: bool = False
    vague: bool = False  # "some", "many", "a row of": more than one, how many unsaid
    collective: str = ""  # "row" in "a row of houses"
    numeral: bool = False  # the count is written in digits ("1girl", "3 cats")

    @property
    def lows(self) -> tuple[str, ...]:
        return tuple(w.lower() for w in self.words)

    @property
    def modifiers(self) -> tuple[str, ...]:
        """Lower-case words before the head."""
        return self.lows[:-1]


@dataclass(frozen=True)
class SpacePhrase:
    """A spatial phrase: a relation to a thing, an absolute place, or a left-to-right order."""

    start: int
    end: int
    sentence: int
    spatial: Spatial
    order: str = ""  # the side an order starts from: 'left' in "from left to right", 'top' in "top to bottom"
    lead: str = ""  # its first word, lower case ("from" in "from a picture book")


@dataclass(frozen=True)
class Verb:
    """A verb ("sits", "wearing")."""

    start: int
    end: int
    sentence: int
    low: str


@dataclass(frozen=True)
class Mark:
    """Any other token: punctuation, conjunction, preposition, adverb, pronoun..."""

    start: int
    end: int
    sentence: int
    low: str
    tag: Tag


Phrase = NounPhrase | SpacePhrase | Verb | Mark


@dataclass(frozen=True)
class _Quantity:
    end: int
    determiner: str = ""
    count: int | None = None
    vague: bool = False
    collective: str = ""
    numeral: bool = False


def relates(p: Phrase | None) -> TypeGuard[SpacePhrase]:
    """Whether p is a place phrase relating something to a thing ('on the shelf', 'beside it'):
    neither an absolute place ('on the left') nor 'with', which names a feature."""
    return isinstance(p, SpacePhrase) and p.spatial.relation not in {None, "with"}


def on_its_owner(found: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is 'on it' / 'on them' / 'on top' (no 'of'): resting on a thing named before."""
    p = found[k] if k < len(found) else None
    if not isinstance(p, SpacePhrase):
        return False
    nxt = found[k + 1] if k + 1 < len(found) else None
    if p.spatial.relation == "on":
        return isinstance(nxt, Mark) and nxt.low in {"it", "them"}
    s = p.spatial
    return s.relation is None and s.vertical == "top" and not s.horizontal and p.end - p.start == 2


def on_its_part(found: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is 'on its lid' / 'on their roof': resting on a part of a thing named before."""
    p = found[k] if k < len(found) else None
    nxt = found[k + 1] if k + 1 < len(found) else None
    on = isinstance(p, SpacePhrase) and p.spatial.relation == "on"
    return on and isinstance(nxt, NounPhrase) and nxt.determiner in {"its", "their"}


def pose_after(found: tuple[Phrase, ...], k: int) -> bool:
    """Whether the word after phrase k is a participle saying a pose ('arms raised', 'head bowed',
    'hair streaming'): the absolute phrase of a part named without an article."""
    after = found[k + 1] if k + 1 < len(found) else None
    low = after.low if isinstance(after, Verb | Mark) else ""
    return isinstance(after, Verb) and low.endswith("ing") or bool(low) and participle(low)


def list_end(found: tuple[Phrase, ...], k: int) -> int:
    """The first phrase after k that is not part of a list of noun phrases ('a basket, a bottle of
    lemonade and a bowl of cherries')."""
    j = k + 1
    while j < len(found) and (
        isinstance(found[j], NounPhrase) or isinstance(found[j], Mark) and found[j].low in {",", "and", "of"}  # type: ignore[union-attr]
    ):
        j += 1
    return j


def _quantity(tokens: tuple[Token, ...], i: int) -> _Quantity:
    """Determiner, number, quantifier and collective ('a pair of', 'a row of') starting at i."""
    q = _Quantity(i)
    while q.end < len(tokens):
        low, tag = tokens[q.end].low, tokens[q.end].tag
        after = tokens[q.end + 1].low if q.end + 1 < len(tokens) else ""
        if _sized_collective(tokens, q.end) and q.determiner:
            sized = f"{low} {tokens[q.end + 1].low}"  # "a big heap of leaves": the heap's size is said
            q = _Quantity(q.end + 3, q.determiner, q.count if (q.count or 0) > 1 else None, True, sized)
        elif (
            _collective(low)
            and after == "of"
            and (q.determiner or q.count or q.vague or low.endswith("s") or _listed_bare(tokens, q.end))
            and not _piece_of_a_stuff(tokens, q.end)
        ):
            value = value_of(low, WordClass.COLLECTIVE)  # a plural ('two slices of') has none: q counts
            count = int(value) if value else q.count if (q.count or 0) > 1 else None
            q = _Quantity(q.end + 2, q.determiner, count, value is None and count is None, low)
        elif tag is Tag.NUM and number_modifier(tokens, q.end, q.determiner):
            break  # "a 12 string guitar", "78 rpm records": the number describes, it does not count
        elif tag is Tag.NUM and not (low == "one" and after in {"of", ""}):
            number = int(low) if low.isdigit() else int(value_of(low, WordClass.NUMBER) or 1)
            q = _Quantity(
                q.end + 1,
                q.determiner,
                number if 0 < number <= 1000 else None,
                False,
                q.collective,
                low.isdigit(),
            )
        elif tag is Tag.DET and q.determiner in _POSSESSIVES:
            break  # "beside her | a dog sleeps": the possessive was a pronoun
        elif tag is Tag.DET or (tag is Tag.NEG and low == "no"):
            count = 1 if low in {"a", "an"} and q.count is None and not q.vague else q.count
            q = _Quantity(q.end + 1, q.determiner or low, count, q.vague, q.collective)
        elif tag is Tag.QUANT:
            q = _Quantity(q.end + 1, q.determiner, None if q.count == 1 else q.count, True, q.collective)
        elif tag is Tag.PRON and low in _POSSESSIVES:
            q = _Quantity(q.end + 1, q.determiner or low, q.count, q.vague, q.collective)
        else:
            break
    return q


def _collective(low: str) -> bool:
    """Whether a word is a collective or the plural of one ('a stack', 'stacks', 'two slices'):
    before 'of' it counts or groups the things after it, which are the things drawn."""
    if is_class(low, WordClass.COLLECTIVE):
        return True
    return low.endswith("s") and is_class(singular(low), WordClass.COLLECTIVE)


def _listed_bare(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether the word at i opens a list item with no article ('lanterns, stack of bowls, a
    statue'): tag lists drop the article of a collective too."""
    return i == 0 or tokens[i - 1].tag is Tag.COMMA


def _piece_of_a_stuff(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether the word at i, a piece as well as a collective ('heap'), is a piece here: what
    follows 'of' is a stuff said in the singular ('a heap of rubble': the heap is the thing), not
    things in the plural ('a heap of leaves': the leaves are)."""
    if not is_class(tokens[i].low, WordClass.PIECE):
        return False
    j = i + 2
    while j < len(tokens) and tokens[j].tag in {Tag.ADJ, Tag.NOUN, Tag.UNKNOWN}:
        j += 1
    last = tokens[j - 1] if j > i + 2 else None
    return last is not None and not is_plural(last.low)


def _sized_collective(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether the word at i describes a vague collective right after it ('a big heap of leaves',
    'a small stack of plates', 'a lazy pack of dogs', 'a noisy crowd of fans'): the group is still
    counted by the collective, and its members are the things."""
    if i + 2 >= len(tokens) or tokens[i + 2].low != "of":
        return False
    low, collective = tokens[i].low, tokens[i + 1].low
    if entry(f"{low} {collective}") is not None:
        return False  # "a raised bed of lettuces": a thing of its own
    sized = is_class(low, WordClass.BIG) or is_class(low, WordClass.SMALL) or tokens[i].tag is Tag.ADJ
    return (
        sized
        and is_class(collective, WordClass.COLLECTIVE)
        and not value_of(collective, WordClass.COLLECTIVE)
        and not _piece_of_a_stuff(tokens, i + 1)
    )


def _ing_modifier(tokens: tuple[Token, ...], j: int) -> bool:
    """Whether the -ing word at j names a kind of the noun right after it ('vending' in 'a
    flickering vending machine'), so a modifier before it runs on into the noun phrase."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return (
        tokens[j].tag is Tag.VERB
        and tokens[j].low.endswith("ing")
        and nxt is not None
        and nxt.tag is Tag.NOUN
    )


def number_modifier(tokens: tuple[Token, ...], j: int, determiner: str | None) -> bool:
    """Whether the number at j is part of a modifier, not a count: digits right after 'a' ('a
    1967 roadster', 'a 12 string guitar') or a number before a unit and a noun ('78 rpm records',
    'a 5 gallon bucket')."""
    unit = tokens[j + 1] if j + 1 < len(tokens) else None
    noun = tokens[j + 2] if j + 2 < len(tokens) else None
    if unit is None or unit.tag not in _RUN_TAGS:
        return False
    if tokens[j].low.isdigit() and determiner in {"a", "an"}:
        return True
    return is_class(unit.low, WordClass.MEASURE) and noun is not None and noun.tag in {Tag.NOUN, Tag.UNKNOWN}


def _in_run(tokens: tuple[Token, ...], j: int) -> bool:
    """Whether token j continues a run of modifiers and nouns."""
    token = tokens[j]
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if (
        token.tag is Tag.UNKNOWN
        and token.text.islower()
        and j > 0
        and tokens[j - 1].tag is Tag.NOUN
        and not _describing(tokens[j - 1].low)
        and entry(f"{tokens[j - 1].low} {token.low}") is None  # "a chaise longue" is one noun
        and not _rare_english_noun(tokens, j)
        and not _hyphened_modifier(tokens, j)
    ):
        return False  # "ein gemütliches Café | mit einer Katze", but "three orange gobies"
    if j > 0 and corner_tag([t.low for t in tokens[j : j + 4]], 0):
        return False  # "fireworks in the sky top right,": the corner is a place, not 'a sky top'
    if token.tag in _RUN_TAGS:
        return True
    if token.tag is Tag.NUM and number_modifier(tokens, j, tokens[j - 1].low if j > 0 else None):
        return True
    if token.tag is Tag.NUM and j > 0 and _describing(tokens[j - 1].low) and nxt is not None:
        return nxt.tag in _RUN_TAGS  # "pink twin buns": a number word after a colour describes
    if nxt is None or nxt.tag not in _RUN_TAGS | {Tag.VERB}:
        return False
    if _one_doing(tokens, j):
        return False  # "two teens, one wearing headphones": 'one' is one of them, doing it
    if token.tag is Tag.VERB and token.low.endswith(("ing", "ed", "en")):
        after_noun = (
            j > 0
            and tokens[j - 1].tag is Tag.NOUN
            and not token.low.endswith("en")
            and not _describing(tokens[j - 1].low)  # "a brass reading lamp"
            and not is_class(tokens[j - 1].low, WordClass.TIME)  # "a Saturday hurling match"
        )
        return (
            (nxt.tag in _RUN_TAGS or _ing_modifier(tokens, j + 1)) and not after_noun
        )  # "a sleeping cat", "a humming sewing machine"; not "a man cooking rice", "sky streaked red"
    if token.tag is Tag.ADV:
        return nxt.tag in {Tag.ADJ, Tag.VERB}  # "a brightly lit lantern"
    if token.low in {"and", ","} and j > 0 and _describing(tokens[j - 1].low):
        return (
            _describing(nxt.low) and j + 2 < len(tokens) and tokens[j + 2].tag in _RUN_TAGS
        )  # "red and white umbrella"
    return False


def _one_doing(tokens: tuple[Token, ...], j: int) -> bool:
    """Whether the -ing word at j, right after 'one', is the verb of that 'one' with its object
    ('one wearing headphones', 'one holding a kite'): a verb that takes an object and makes no
    listed compound with the noun after it ('one fishing rod', 'one sleeping cat' are one thing)."""
    token, nxt = tokens[j], tokens[j + 1] if j + 1 < len(tokens) else None
    return (
        j > 0
        and tokens[j - 1].low == "one"
        and token.tag is Tag.VERB
        and token.low.endswith("ing")
        and nxt is not None
        and entry(f"{token.low} {singular(nxt.low)}") is None
        and not takes_no_object(token.low)
    )


def _hyphened_modifier(tokens: tuple[Token, ...], j: int) -> bool:
    """Whether the unlisted word at j is an English hyphened compound before a noun ('a picture
    book double-page spread', 'a poster full-bleed print'): it describes the noun after it, so
    the run goes on; not a foreign word, and not a compound said of the noun before ('mid-air')."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    parts = tokens[j].low.split("-")
    english = len(parts) > 1 and all(q.isdigit() or q.isalpha() and parts_of_speech(q) for q in parts)
    return english and nxt is not None and nxt.tag is Tag.NOUN


def _rare_english_noun(tokens: tuple[Token, ...], j: int) -> bool:
    """Whether the unlisted word at j ends an English noun run: it follows an English article
    and modifiers, and English goes on after it ('a baby owlbear curled in a crate', 'two
    jackalopes graze'), unlike a foreign phrase ('ein gemütliches Café mit einer Katze')."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and nxt.tag not in {Tag.VERB, Tag.PREP, Tag.END, Tag.COMMA, Tag.CONJ}:
        return False
    if not tokens[j].low.isalpha():
        return False  # "mid-toast", "half-sunk": a compound said of the thing before
    k = j - 1
    while k > 0 and tokens[k - 1].tag in {Tag.ADJ, Tag.NOUN}:
        k -= 1
    if k < 1:
        return False
    if tokens[k - 1].tag is Tag.NUM:
        return True  # "two jackalopes graze"
    # after 'a' an unlisted word in -s is the verb of the thing before ('a ferry chugs toward')
    return tokens[k - 1].low in {"a", "an", "the"} and not tokens[j].low.endswith("s")


def _head_index(tokens: tuple[Token, ...], start: int, end: int) -> int | None:
    """Index of the head of tokens[start:end]: the last word, when it can be a noun."""
    last = tokens[end - 1]
    if last.tag in {Tag.NOUN, Tag.UNKNOWN} or last.low in {"one", "ones"}:
        return end - 1
    if last.tag is Tag.ADJ and end - 1 > start and "NOUN" in parts_of_speech(last.low):
        return end - 1  # "a bright orange", "soft light"
    return None


def _compound(lows: list[str], head: str) -> str:
    """The longest things.tsv entry ending at the head: 'wine glass', 'hot air balloon'; a hyphen
    between the words of a listed compound is a space ('a hot-air balloon', 'an ice-cream cone')."""
    longest = vocabulary().longest
    for size in range(min(longest, len(lows)), 1, -1):
        candidate = " ".join([*lows[-size:-1], head])
        for written in (candidate, candidate.replace("-", " ")):
            if entry(written) is not None:
                return written
    return head


def _describing(low: str) -> bool:
    return is_class(low, WordClass.COLOUR) or is_class(low, WordClass.MATERIAL)


def _head_end(tokens: tuple[Token, ...], start: int, end: int) -> int | None:
    """End of the noun phrase in the run tokens[start:end]: just after its last noun."""
    for k in range(end - 1, start - 1, -1):
        if tokens[k].tag in {Tag.NOUN, Tag.UNKNOWN} or tokens[k].low in {"one", "ones"}:
            after = tokens[k + 1] if k + 1 < end else None
            follow = singular(after.low) if after is not None else ""
            if after is not None and (
                is_class(follow, WordClass.LIGHT) or entry(f"{tokens[k].low} {follow}")
            ):
                return k + 2  # "morning light", "traffic light"
            return k + 1
    last = tokens[end - 1]
    alone = end - 1 == start and _owned_stuff(tokens, start)
    if last.tag is Tag.ADJ and (end - 1 > start or alone) and "NOUN" in parts_of_speech(last.low):
        return end  # "a bright orange", "soft light", "its fur matted with mud"
    return None


def _owned_stuff(tokens: tuple[Token, ...], start: int) -> bool:
    """Whether the one word at start, after 'its' / 'their' and before no noun, is what the owner
    has ('its fur matted with burrs', 'her wool soaked'): a material word that is the noun here."""
    before = tokens[start - 1].low if start > 0 else ""
    after = tokens[start + 1].tag if start + 1 < len(tokens) else Tag.END
    return before in _POSSESSIVES and after not in {Tag.NOUN, Tag.ADJ, Tag.UNKNOWN}


def _head_candidates(raw: str) -> list[str]:
    """Singular forms to try for a head: 'glasses' is a thing, but 'wine glasses' are wine glasses."""
    from lemminflect import getAllLemmas

    found = [singular(raw), *(getAllLemmas(raw, "NOUN").get("NOUN") or ())] if raw.isascii() else [raw]
    return list(dict.fromkeys(found))


def _vessel_first(heads: list[str]) -> list[str]:
    """Before 'of', a pair word's vessel reading comes first: 'two glasses of milk' are glasses
    one drinks from, not spectacles."""
    known = entry(heads[0])
    if known is None or not known.has(Flag.PAIR):
        return heads
    vessels = [h for h in heads[1:] if (e := entry(h)) is not None and e.has(Flag.CONTAINER)]
    return [*vessels, *(h for h in heads if h not in vessels)]


def _drink_modifier(lows: list[str]) -> bool:
    """Whether the word before a head names a food, drink or flower: 'tulip glasses', 'sundae
    glasses', 'tea glasses' are glasses one drinks from (the flower names the shape), not
    spectacles ('reading glasses', 'round glasses' keep the pair)."""
    known = entry(lows[-2]) if len(lows) > 1 else None
    return known is not None and known.kind in {ThingKind.FOOD, ThingKind.PLANT}


def _noun_phrase(tokens: tuple[Token, ...], i: int) -> NounPhrase | None:
    q = _quantity(tokens, i)
    j = q.end
    while j < len(tokens) and _in_run(tokens, j):
        j += 1
    if j < len(tokens) and tokens[j].low in {"one", "ones"} and j > q.end:
        j += 1  # "a purple one"
    if j == q.end:
        return None
    end = _head_end(tokens, q.end, j)
    if end is None:
        return _elided(tokens, i, q, j)
    named = _named_after(tokens, q.end, end) or _numbered_after(tokens, q.end, end)  # "her grandson Theo"
    lows = [t.low for t in tokens[q.end : end - named]]
    raw = lows[-1]
    heads = ["one"] if raw in {"one", "ones"} else _head_candidates(raw)
    first = heads[0]
    if end < len(tokens) and tokens[end].low == "of" or _drink_modifier(lows):
        heads = _vessel_first(heads)
    compounds = [(_compound([*lows[:-1], h], h), h) for h in heads]
    compound, head = max(compounds, key=lambda c: (len(c[0].split()), c == compounds[0]))
    plural = raw == "ones" or is_plural(raw) or head != first or _bare_plural(tokens, q, end)
    return NounPhrase(
        start=i,
        end=end,
        sentence=tokens[i].sentence,
        words=tuple(t.text for t in tokens[q.end : end - named]),
        head=head,
        compound=compound,
        determiner=q.determiner,
        count=q.count if q.count != 1 or not plural else None,
        plural=plural or (q.count or 1) > 1,
        vague=q.vague,
        collective=q.collective,
        numeral=q.numeral,
    )


def _named_after(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether the run ends in a capitalised unlisted name right after a listed word for someone or
    an animal ('her grandson Theo', 'the farmer Giles', 'our dog Biscuit'): the name says who, the
    noun is the head. A capitalised word that is also a noun is a name there too ('his sister
    Tansy', 'her son Rusty', not the treat 'dog biscuit')."""
    if end - start < 2:
        return False
    name, noun = tokens[end - 1], tokens[end - 2]
    known = entry(singular(noun.low))
    animate = known is not None and known.kind in ANIMATE
    capital = name.text[:1].isupper() and not name.text.isupper()
    return name.tag in {Tag.UNKNOWN, Tag.NOUN} and capital and animate and noun.text[:1].islower()


def _numbered_after(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether the run ends in digits that name one of the noun before them ('at platform 4',
    'the number 23'): the noun is the head, the digits say which."""
    if end - start < 2:
        return False
    digits, noun = tokens[end - 1], tokens[end - 2]
    return digits.low.isdigit() and digits.tag is Tag.NOUN and noun.low in NUMBERED


def _bare_plural(tokens: tuple[Token, ...], q: _Quantity, end: int) -> bool:
    """Whether a noun with one form for one and many, with no article, is many by its verb's bare
    form ('glowing jellyfish drift', 'sheep graze by the fence'; 'a jellyfish drifts')."""
    raw = tokens[end - 1].low
    verb = tokens[end] if end < len(tokens) else None
    bare = verb is not None and verb.tag is Tag.VERB and not verb.low.endswith(("s", "ing", "ed"))
    return bare and not q.determiner and q.count is None and plural_of(raw) == raw and entry(raw) is not None


def _elided(tokens: tuple[Token, ...], i: int, q: _Quantity, end: int) -> NounPhrase | None:
    """'one brown' (and 'one white'): an instance of a thing named before, told by its adjectives."""
    if tokens[i].low != "one" or any(t.tag is not Tag.ADJ for t in tokens[q.end : end]):
        return None
    words = tuple(t.text for t in tokens[q.end : end]) + ("one",)
    return NounPhrase(i, end, tokens[i].sentence, words, "one", "one", count=1)


def _possessed(tokens: tuple[Token, ...], owner: NounPhrase) -> NounPhrase:
    """'a banker's lamp', "children's book": a generic possessor (no determiner, or 'a') names a
    kind of the thing after it, so the two are one noun phrase; so does the owner of a person or a
    place ("the farmer's wife", "my aunt's attic": the owner need not be there), and a possessor
    after 'his' / 'her' of a held or worn thing ('his jeweler's loupe'). 'The girl's dog' and 'his
    sister's house' stay two."""
    end = owner.end
    pronoun = owner.determiner in {"his", "her", "their", "its"}
    if end + 1 >= len(tokens) or tokens[end].tag is not Tag.POSS:
        return owner
    owned = _noun_phrase(tokens, end + 1)
    if (
        owned is None
        or owned.determiner
        or owned.count is not None
        or part_of(entry(owner.compound) or entry(owner.head), owned.head)
    ):
        return owner
    generic = owner.determiner in {"", "a", "an"}
    if not generic and not _person_or_place(owned) and not (pronoun and _carried(owned)):
        return owner
    count = owner.count if not owned.plural else None
    return replace(
        owned, start=owner.start, words=owner_words(owner, owned), determiner=owner.determiner, count=count
    )


def owner_words(owner: NounPhrase, owned: NounPhrase) -> tuple[str, ...]:
    """The owned phrase's words spoken with its owner's: "baker's rolling pin"."""
    return (*owner.words[:-1], owner.words[-1] + "'s", *owned.words)


def part_of(owner: Entry | None, part: str) -> bool:
    """Whether the word `part` can be a part of an owner of entry `owner` ('a cat's tail', 'a
    ship's mast'); a part of another kind of thing is a kind of thing of its own ('a potter's
    wheel', 'a mason's arch': no person has a wheel). An unknown owner may have any part."""
    if not is_class(part, WordClass.PART):
        return False
    kinds = value_of(part, WordClass.PART)  # None: a part of anything ('a tail')
    return kinds is None or owner is None or owner.kind.value in kinds.split(",")


def creature_part(part: str) -> bool:
    """Whether a person or an animal may have the part (words.tsv's owner kinds; a part listed with
    no owner kinds counts as a person's): 'a hand', 'a tail', not 'a sail' or 'a chimney'."""
    kinds = (value_of(part, WordClass.PART) or "person").split(",")
    return bool({"person", "animal"} & set(kinds))


def _person_or_place(p: NounPhrase) -> bool:
    """Whether the phrase names a person or a setting (which an owner's name can go with)."""
    known = entry(p.compound) or entry(p.head)
    return known is not None and known.kind in {ThingKind.PERSON, ThingKind.SCENE}


def _carried(p: NounPhrase) -> bool:
    """Whether the phrase names something worn or held in a hand."""
    known = entry(p.compound) or entry(p.head)
    return known is not None and (known.has(Flag.WEARABLE) or known.has(Flag.HOLDABLE))


def _on_medium(tokens: tuple[Token, ...], p: NounPhrase) -> NounPhrase:
    """'an oil painting on canvas', 'a sketch on paper': a bare material after 'on' and a picture
    or a medium is what the picture is made on, part of its noun phrase (not a thing in it)."""
    end = p.end
    if end + 2 > len(tokens) or tokens[end].low != "on" or not _pictured(p):
        return p
    material = tokens[end + 1]
    after = tokens[end + 2].tag if end + 2 < len(tokens) else Tag.END
    if not is_class(material.low, WordClass.MATERIAL) or after in _RUN_TAGS | {Tag.POSS}:
        return p
    return replace(p, end=end + 2)


def _pictured(p: NounPhrase) -> bool:
    """Whether the phrase names a picture or its medium ('oil painting', 'watercolour')."""
    classes = (WordClass.FRAME_NOUN, WordClass.STYLE_NOUN, WordClass.MEDIUM)
    return any(is_class(p.head, c) for c in classes)


def _described(tokens: tuple[Token, ...], i: int) -> bool:
    """A participle opening a noun phrase with no article: 'in shining armor', "her aunt's sewing
    room", 'in matching tie-dye shirts' (an unlisted hyphened compound describes the noun); and,
    opening an item of a list, the -ing form of a verb that takes no object ('sleeping greyhound,
    bottom right': a holding or wearing word there takes the noun as its object)."""
    token = tokens[i]
    if token.tag is not Tag.VERB or not token.low.endswith(("ing", "ed")) or i + 1 >= len(tokens):
        return False
    if i == 0 or tokens[i - 1].tag in {Tag.COMMA, Tag.END}:
        return token.low.endswith("ing") and tokens[i + 1].tag is Tag.NOUN and takes_no_object(token.low)
    described = tokens[i + 1].tag in {Tag.NOUN, Tag.ADJ} or _hyphened_modifier(tokens, i + 1)
    return tokens[i - 1].tag in {Tag.PREP, Tag.POSS} and described  # "in matching polka-dot dresses"


def _space(tokens: tuple[Token, ...], lows: list[str], i: int) -> SpacePhrase | None:
    length, first = reading_order(lows, i)
    if length:
        return SpacePhrase(i, i + length, tokens[i].sentence, Spatial(length), order=first)
    if side_by_side(lows, i):  # "back to back": next to each other, not a place
        return SpacePhrase(i, i + 3, tokens[i].sentence, Spatial(3, relation="together"), lead=lows[i])
    spatial = match_spatial(lows, i)
    if spatial is None:
        return None
    return SpacePhrase(i, i + spatial.length, tokens[i].sentence, spatial, lead=lows[i])


def phrases(tokens: tuple[Token, ...]) -> tuple[Phrase, ...]:
    """The phrases of a tagged text, in order, covering every token once."""
    lows = [t.low for t in tokens]
    out: list[Phrase] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        found: Phrase | None = _space(tokens, lows, i) if token.is_word else None
        if found is None and _described(tokens, i):
            found = _noun_phrase(tokens, i)  # "in shining armor", "with flowing hair"
        if found is None and token.tag not in {
            Tag.VERB,
            Tag.PREP,
            Tag.CONJ,
            Tag.BE,
            Tag.AUX,
            Tag.END,
            Tag.COMMA,
        }:
            found = _noun_phrase(tokens, i)
        if isinstance(found, NounPhrase):
            found = _on_medium(tokens, _possessed(tokens, found))
        if found is None and token.tag is Tag.VERB:
            found = Verb(i, i + 1, token.sentence, token.low)
        if found is None:
            found = Mark(i, i + 1, token.sentence, token.low, token.tag)
        out.append(found)
        i = found.end
    return tuple(out)
