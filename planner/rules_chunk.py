"""Chunk a sentence into items: noun phrases (mentions), places, negations, breaks and other words.

A noun phrase is a determiner or count ("a", "three", "a pair of"), adjectives, and a head noun;
word shape and small word lists tell nouns from verbs and adverbs without a tagger.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.rules_lexicon import (
    COLLECTIVE_COUNTS,
    DETERMINERS,
    NEGATORS,
    NUMBERS,
    PLURAL_ONLY,
    VAGUE_QUANTIFIERS,
)
from planner.rules_spatial import Spatial, match_spatial
from planner.rules_text import (
    Token,
    is_adverb,
    is_known_adjective,
    is_participle,
    is_plural,
    is_stop_word,
    is_verb,
    looks_adjective,
    singular,
)

_NOT_THINGS = frozenset("other others one ones each another something anything nothing everything".split())
CLAUSE_BREAKS = frozenset({",", "(", ")", '"', "and", "or", "but", "while", "whereas", "nor", "plus", "yet"})
_BE = frozenset("is are was were be been being am".split())
_PLURAL_MODIFIERS = frozenset("sports arts goods savings clothes crafts games kids news letters".split())


@dataclass
class Mention:
    """A noun phrase: what it names, how many, and what the prompt says about it."""

    words: list[str]  # the phrase as written, without determiner or count
    lows: list[str]
    head: str  # singular, lower case
    count: int | None  # explicit number of instances; None when not said
    plural: bool
    determiner: str
    sentence: int
    clause: int
    position: int
    kind: str = "entity"  # entity | scene | frame | canvas
    negated: bool = False
    attached_to: Mention | None = None
    coref: Mention | None = None
    details: list[str] = field(default_factory=list)  # "with a red hat", "sitting"
    variants: list[list[str]] = field(default_factory=list)  # per instance: "one brown and one white"
    horizontal: str | None = None
    vertical: str | None = None
    depth: str | None = None
    lead: str = ""  # preposition before the phrase ("on", "in"), for scene phrases
    head_index: int = 0  # index of the head word in `words`
    pro_one: bool = False  # followed by "one"/"ones": "a purple one"

    @property
    def attributes(self) -> list[str]:
        return self.lows[: self.lows.index(self.head_word)] if self.head_word in self.lows else []

    @property
    def head_word(self) -> str:
        return self.lows[self.head_index]

    def resolved(self) -> Mention:
        """The mention this one refers back to ("the cat" after "a cat")."""
        mention = self
        while mention.coref is not None:
            mention = mention.coref
        return mention


@dataclass
class Word:
    low: str


@dataclass
class Break:
    low: str


@dataclass
class Negation:
    low: str


@dataclass
class Place:
    spatial: Spatial
    low: str


Item = Mention | Word | Break | Negation | Place


def _quantity(lows: list[str], i: int) -> tuple[int, int | None, bool, str, bool]:
    """Read determiners and counts at i: (next index, count, vague, determiner, negated)."""
    count: int | None = None
    vague = False
    negated = False
    determiner = ""
    n = len(lows)
    while i < n:
        word = lows[i]
        nxt = lows[i + 1] if i + 1 < n else ""
        if word in {"a", "an"} and nxt == "few":
            count, i = 3, i + 2
        elif word in {"a", "an"} and nxt in {"lot", "lots"} and i + 2 < n and lows[i + 2] == "of":
            vague, i = True, i + 3
        elif word in COLLECTIVE_COUNTS and nxt == "of":
            value = COLLECTIVE_COUNTS[word]
            if value is None:
                vague = True
            else:
                count = value
            i += 2
        elif word in {"a", "an"}:
            determiner = determiner or word
            count = 1 if count is None else count
            i += 1
        elif word == "no":
            negated = True
            determiner = "no"
            i += 1
        elif word in NUMBERS and (word != "one" or nxt not in {"of", ""}):
            count = NUMBERS[word]
            vague = False  # "a group of five people": the number wins
            i += 1
        elif word.isdigit() and 0 < int(word) <= 100:
            vague = False
            count = int(word)
            i += 1
        elif word in VAGUE_QUANTIFIERS:
            vague = True
            i += 1
        elif word in DETERMINERS:
            determiner = determiner or word
            i += 1
        else:
            break
    if count == 1 and determiner in {"a", "an"} and vague:
        count = None
    return i, count, vague, determiner, negated


def _is_modifier(word: str) -> bool:
    return is_known_adjective(word) or looks_adjective(word)


def _phrase_end(lows: list[str], start: int, determiner: str = "") -> int:
    """End (exclusive) of the adjective/noun run starting at start.

    Keeps "a large, glossy lily pad" and "black and white" together, lets an adverb lead an
    adjective ("a dimly lit club"), and ends the phrase at a verb after a noun ("a cat sits").
    """
    i = start
    n = len(lows)
    while i < n:
        word = lows[i]
        nxt = lows[i + 1] if i + 1 < n else ""
        nxt_is_content = bool(nxt) and nxt[0].isalnum() and not is_stop_word(nxt)
        content_so_far = i > start
        previous = lows[i - 1] if content_so_far else ""
        only_modifiers = content_so_far and all(_is_modifier(w) or w in {",", "and"} for w in lows[start:i])
        joins_modifiers = _is_modifier(nxt) if word != "," else nxt_is_content and nxt not in NUMBERS
        if word in {",", "and", "or"} and only_modifiers and _is_modifier(previous) and joins_modifiers:
            i += 1  # "a large, glossy lily pad", "black and white cat"
            continue
        if not word[0].isalnum():
            break
        if content_so_far and match_spatial(lows, i) is not None:
            break  # "a chair next to ..."
        if content_so_far and not is_known_adjective(previous):
            previous_plural = (
                is_plural(previous) and not looks_adjective(previous) and previous not in _PLURAL_MODIFIERS
            )
            if previous_plural:
                break  # "three seagulls circle": a plural noun is not a modifier
            if determiner in {"a", "an", "one"} and is_plural(word) and not is_plural(previous):
                break  # "a dog runs"
        if is_adverb(word) and (is_participle(nxt) or _is_modifier(nxt)):
            i += 1  # "a dimly lit club"
            continue
        if is_stop_word(word) or word in NUMBERS and content_so_far:
            break
        if is_verb(word) or is_participle(word):
            if content_so_far and not _is_modifier(previous) and not is_adverb(previous):
                break  # after a noun it is the verb: "a cat sits", "a dog sleeping"
            if not content_so_far and is_participle(word) and not nxt_is_content:
                break  # "the sleeping" alone is no thing
        i += 1
    return i


def chunk_sentence(tokens: list[Token], sentence: int) -> list[Item]:
    """A sentence as items: mentions, places, negations, clause breaks and other words."""
    lows = [t.low for t in tokens]
    items: list[Item] = []
    clause = 0
    i = 0
    n = len(lows)
    while i < n:
        word = lows[i]
        spatial = match_spatial(lows, i)
        if spatial is not None:
            items.append(Place(spatial, " ".join(lows[i : i + spatial.length])))
            i += spatial.length
            continue
        if word in CLAUSE_BREAKS:
            clause += 1
            items.append(Break(word))
            i += 1
            continue
        if word in NEGATORS and word != "no":
            items.append(Negation(word))
            i += 1
            continue
        start = i
        after_quantity, count, vague, determiner, negated = _quantity(lows, i)
        end = _phrase_end(lows, after_quantity, determiner)
        follows_mention = bool(items) and isinstance(items[-1], Mention)
        after_with = bool(items) and isinstance(items[-1], Place) and items[-1].low == "with"
        after_be = bool(items) and isinstance(items[-1], Word) and items[-1].low in _BE
        adjectival = (
            (is_participle(word) or word.endswith(("ing", "ed")))
            and (after_with or not is_verb(word))
            and not follows_mention
            and not after_be  # "a grocer is weighing tomatoes": the verb of the clause
            and i + 1 < n
            and lows[i + 1][0].isalnum()
            and not is_stop_word(lows[i + 1])
            and not is_verb(lows[i + 1])
            and not is_participle(lows[i + 1])
            and match_spatial(lows, i + 1) is None
        )
        if after_quantity == start and (is_verb(word) or is_participle(word)) and not adjectival:
            end = start  # a verb, not a noun phrase ("seagulls fly above")
        if (
            after_quantity == start
            and items
            and isinstance(items[-1], Mention)
            and items[-1].position + 1 < i
        ):
            end = start  # a bare word right after a noun phrase is its verb ("seagulls circle")
        if end - after_quantity == 1 and lows[after_quantity] in _NOT_THINGS:
            end = after_quantity  # "each other", "the others"
        if end == after_quantity:
            if negated:
                items.append(Negation("no"))
            items.append(Word(word)) if after_quantity == start else None
            i = max(after_quantity, start + 1)
            continue
        head_index = end - 1 - after_quantity
        words = [t.text for t in tokens[after_quantity:end]]
        phrase_lows = lows[after_quantity:end]
        head = phrase_lows[head_index]
        plural = is_plural(head) or (count is not None and count > 1) or (vague and is_plural(head))
        if head in PLURAL_ONLY and count == 2 and "pair" in lows[start:after_quantity]:
            count = 1  # "a pair of glasses" is one thing
        head_singular = singular(head)
        if count is not None and count > 1 and head == "glasses":
            head_singular = head[:-2]
        mention = Mention(
            words=words,
            lows=phrase_lows,
            head=head_singular,
            count=None if vague else count,
            plural=plural and count != 1,
            determiner=determiner,
            sentence=sentence,
            clause=clause,
            position=start,
            negated=negated,
            head_index=head_index,
            pro_one=end < n and lows[end] in {"one", "ones"},
        )
        items.append(mention)
        i = end
    return items
