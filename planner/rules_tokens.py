"""Pass 1 of the rules reader: text -> tagged tokens.

Each word or punctuation mark becomes a Token with its sentence number and a Tag (a coarse part
of speech) from the vocabulary data, then lemminflect, then the word's neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from planner.rules_spatial import LABEL_BEFORE, match_spatial
from planner.rules_vocab import (
    Flag,
    ThingKind,
    WordClass,
    bare_verb,
    classes_of,
    entry,
    is_class,
    participle,
    parts_of_speech,
    past_participle,
    plural_of,
    s_form_verb,
    singular,
    takes_no_object,
    value_of,
    verb_lemmas,
    vocabulary,
    written_plural,
)

# Words in any script ("Café", "gemütliches", "東京"): letters and digits, with inner ' or -.
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*|[.,;:!?()\"\n]|[-\u2013\u2014]+", re.UNICODE)
_DASH = "-"
_SENTENCE_END = frozenset(".!?;:\n")
_COUNTED = re.compile(r"(\d{1,2})(girls?|boys?|women|woman|men|man|people|persons?|others?)")
_DIRECTIONS = frozenset("top bottom upper lower left right center centre middle far".split())
# "she's": she is ('it's' is left alone: it often means 'its')
_CONTRACTED = re.compile(r"(he|she|that|there|here|who|they|we|you|i)'(s|re|m)")
_CONTRACTION_VERBS = {"s": "is", "re": "are", "m": "am"}
# Prompt weights of Stable Diffusion tools: "(red scarf:1.2)", "[lute:0.9]", "((masterpiece))".
_WEIGHTED = re.compile(r"[(\[]+\s*([^()\[\]:]+?)\s*:\s*\d*\.?\d+\s*[)\]]+")
_STACKED = re.compile(r"([(\[]){2,}([^()\[\]]+?)[)\]]{2,}")
# Quoted words: "...", “...”, '...' and ‘...’ (an apostrophe inside, as in 'I'm late', is no end);
# at most 200 characters, so a stray mark costs no more than that to look past.
_QUOTED = re.compile(
    r'"[^"\n]{1,200}"'
    r"|\u201c[^\u201d\n]{1,200}\u201d"
    r"|(?<![\w'\u2019])'[^\W_](?:[^'\n]|'(?=\w)){0,200}?'(?!\w)"
    r"|\u2018[^\W_](?:[^\u2019\n]|\u2019(?=\w)){0,200}?\u2019(?!\w)"
)
_QUOTE_MARKS = "\"'\u201c\u2018"


class Tag(str, Enum):
    """Coarse part of speech of a token."""

    DET = "det"
    NUM = "num"
    QUANT = "quant"
    NEG = "neg"
    PRON = "pron"
    BE = "be"
    AUX = "aux"
    PREP = "prep"
    CONJ = "conj"
    COMMA = "comma"  # , ( ) "
    END = "end"  # . ! ? ; : newline
    ADJ = "adj"
    NOUN = "noun"
    VERB = "verb"
    ADV = "adv"
    POSS = "poss"  # the possessive 's
    UNKNOWN = "unknown"  # not in any list: a name, a foreign or rare word


@dataclass(frozen=True)
class Token:
    """One word or mark: as written, lower-cased, its tag and its sentence (0-based)."""

    text: str
    low: str
    tag: Tag
    sentence: int

    @property
    def is_word(self) -> bool:
        return self.low[:1].isalnum()


_CLASS_TAGS = (
    (WordClass.BE, Tag.BE),
    (WordClass.NEGATOR, Tag.NEG),
    (WordClass.DETERMINER, Tag.DET),
    (WordClass.NUMBER, Tag.NUM),
    (WordClass.QUANTIFIER, Tag.QUANT),
    (WordClass.PRONOUN, Tag.PRON),
    (WordClass.CONJUNCTION, Tag.CONJ),
    (WordClass.PREPOSITION, Tag.PREP),
    (WordClass.AUXILIARY, Tag.AUX),
)
_ADJECTIVE_CLASSES = frozenset(
    {
        WordClass.COLOUR,
        WordClass.SHADE,
        WordClass.MATERIAL,
        WordClass.BIG,
        WordClass.SMALL,
        WordClass.SHAPE,
        WordClass.ADJECTIVE,
        WordClass.STYLE,
        WordClass.MEDIUM,
    }
)


def plain_weights(text: str) -> str:
    """`text` with prompt weights read as plain words: "(red scarf:1.2)" -> "red scarf",
    "((masterpiece))" -> "masterpiece"; parentheses of prose ('a cat (black)') stay."""
    for _ in range(3):  # nested: "((red scarf:1.2))"
        text = _STACKED.sub(r" \2 ", _WEIGHTED.sub(r" \1 ", text))
    return text


def quoted(low: str) -> bool:
    """Whether a token is quoted words: a sign's text, a title or speech ('a banner reading "GRAND
    OPENING"', 'the fox says, "Good night!"'). They name no thing and end no sentence: the whole
    quotation is one token that describes what it is written on or said by."""
    return low[:1] in _QUOTE_MARKS and len(low) > 2


def _words(text: str) -> list[str]:
    """Raw words and marks; "top-left" -> "top", "left"; "the cat's" -> "cat", "'s"; a weighted tag
    "(red scarf:1.2)" -> "red scarf" (the weight is for the image model, not a sentence's end); a
    quotation is one word (`quoted`)."""
    plain = plain_weights(text)
    out: list[str] = []
    at = 0
    for quotation in _QUOTED.finditer(plain):
        if not any(c.isalnum() for c in quotation.group(0)):
            continue  # '""', '" - "'
        out.extend(_plain_words(plain[at : quotation.start()]))
        out.append(quotation.group(0))
        at = quotation.end()
        if _ends_sentence(quotation.group(0), plain[at:]):
            out.append(".")  # 'she shouts, "Run!" The dog ...'
    out.extend(_plain_words(plain[at:]))
    return _named(_dash_labels(_titles(out)))


def _ends_sentence(quotation: str, after: str) -> bool:
    """Whether a quotation ends its sentence: it ends in '.', '!' or '?' and a capital or the end of
    the text follows ('he whispers, "Sir... it's closer." On the right, ...')."""
    closing = quotation[1:-1].rstrip()
    rest = after.lstrip()
    return closing.endswith((".", "!", "?")) and (not rest or rest[:1].isupper())


def _plain_words(text: str) -> list[str]:
    """The words and marks of text with no quotation in it."""
    out: list[str] = []
    for match in _TOKEN.finditer(text):
        word = match.group(0).replace("\u2019", "'")
        low = word.lower()
        parts = low.split("-")
        counted = _COUNTED.fullmatch(low)
        if counted:  # "1girl", "2boys" (tag lists)
            out.extend([counted.group(1), word[len(counted.group(1)) :]])
        elif contracted := _CONTRACTED.fullmatch(low):  # "she's wearing": a pronoun and its verb
            out.extend([word[: contracted.end(1)], _CONTRACTION_VERBS[contracted.group(2)]])
        elif low.endswith("'s") and len(low) > 2:
            out.extend([word[:-2], "'s"])
        elif low in {"left-hand", "right-hand"}:
            out.append(word[:-5])
        elif len(parts) == 2 and all(p in _DIRECTIONS for p in parts):
            out.extend(parts)
        elif not low[:1].isalnum() and low.strip("-\u2013\u2014") == "":
            out.append(_DASH)
        else:
            out.append(word)
    return out


def _titles(words: list[str]) -> list[str]:
    """'Mr. Okafor', 'Dr. Osei': the point after a title before a capitalised word shortens the
    title; it ends no sentence, so the title and the name stay one name."""
    return [
        word
        for i, word in enumerate(words)
        if not (
            word == "."
            and 0 < i < len(words) - 1
            and is_class(words[i - 1].lower(), WordClass.HONORIFIC)
            and words[i + 1][:1].isupper()
        )
    ]


def _name_at(words: list[str], i: int) -> int:
    """How many capitalised words make the name starting at i ('Pip', 'Old Tom'); 0 for none."""
    n = 0
    while i + n < len(words) and n < 3 and words[i + n][:1].isupper() and words[i + n].isalpha():
        n += 1
    return n


def _named(words: list[str]) -> list[str]:
    """Later mentions of a name given by 'a hedgehog named Pip' / 'a robot called Bolt' read as
    'the hedgehog', so what is said of Pip is said of the hedgehog ('Pip's scarf' -> 'the
    hedgehog's scarf')."""
    names: dict[tuple[str, ...], str] = {}
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        size = _name_at(words, i)
        name = tuple(words[i : i + size])
        if name in names and not (out and is_class(out[-1].lower(), WordClass.NAMING_VERB)):
            out.extend(["the", names[name]])
            i += size
            continue
        out.append(word)
        if (
            is_class(word.lower(), WordClass.NAMING_VERB)
            and i > 0
            and words[i - 1].isalpha()
            and words[i - 1].islower()
        ):
            size = _name_at(words, i + 1)
            if size:
                names[tuple(words[i + 1 : i + 1 + size])] = words[i - 1]
        elif size and not any(classes_of(w.lower()) for w in name):
            kind = _apposed(words, i + size)
            if kind is not None:
                names[name] = kind
        i += 1
    return out


def _apposed(words: list[str], i: int) -> str | None:
    """The person or animal a name is said to be right after it: 'Pip, a small hedgehog,' or 'Pip
    the hedgehog' -> 'hedgehog'; None when none is."""
    lows = [w.lower() for w in words[i : i + 6]]
    if lows[:1] == [","]:
        lows = lows[1:]
    if not lows or lows[0] not in {"a", "an", "the"}:
        return None
    for low in lows[1:]:
        known = entry(low)
        if known is not None:
            return low if known.animate else None
        if not low.isalpha():
            return None
    return None


def _dash_labels(words: list[str]) -> list[str]:
    """Dashes read as colons after a place label ('Left side - a boy', 'Foreground \u2014 a dog'),
    as commas around an appositive ('the farmer \u2014 a stout woman \u2014 scatters corn'), dropped
    elsewhere ('a cat \u2014 black and white \u2014 sleeps')."""
    lows = [w.lower() for w in words]
    out: list[str] = []
    start, aside = 0, False
    for i, word in enumerate(words):
        if word != _DASH:
            out.append(word)
            start = i + 1 if word in LABEL_BEFORE else start
            aside = aside and word not in _SENTENCE_END
            continue
        colon = [*lows[:i], ":", *lows[i + 1 :]]
        place = match_spatial(colon, start) if start < i else None
        if place is not None and start + place.length == i:
            out.append(":")
            start = i + 1
        elif aside or _dashed_appositive(lows, i):
            out.append(",")  # "the farmer — a stout woman in boots — scatters corn"
            aside = not aside
    return out


def _dashed_appositive(lows: list[str], i: int) -> bool:
    """Whether the dash at i opens an aside that says what the word before it is: a noun phrase
    with an article after a word ('the farmer — a stout woman ...'), read as after a comma."""
    before = lows[i - 1] if i > 0 else ""
    after = lows[i + 1] if i + 1 < len(lows) else ""
    return before.isalpha() and before not in {"a", "an", "the"} and after in {"a", "an", "the"}


def _word_tag(low: str) -> Tag:
    """The tag of a word on its own, before its neighbours are seen."""
    if low == "'s":
        return Tag.POSS
    if quoted(low):
        return Tag.ADJ
    if low in _SENTENCE_END:
        return Tag.END
    if not low[:1].isalnum():
        return Tag.COMMA
    if low.isdigit():
        return Tag.NUM
    classes = classes_of(low) - {
        WordClass.PLACE_ADVERB,
        WordClass.INTENSIFIER,
        WordClass.GOAL_ADVERB,
        WordClass.AIM_VERB,
        WordClass.SPACE_VERB,
        WordClass.FILL_WORD,
        WordClass.FOCUS_WORD,
        WordClass.PEEK_VERB,
        WordClass.CIRCLE_VERB,
        WordClass.CROWD_VERB,
        WordClass.SENSE_VERB,
        WordClass.ESCORT_VERB,
        WordClass.RELATION_VERB,  # "paddling", "rowed": a verb form listed alone (rules_spatial)
        WordClass.ORDINAL,
        WordClass.TOY,  # "stuffed": a toy's word, or a verb ("a shelf stuffed with books")
    }  # by context
    for cls, tag in _CLASS_TAGS:
        if cls in classes:
            return tag
    if WordClass.PLACING_VERB in classes:
        return Tag.VERB  # "stands": a noun only by context ('on a stand', rules below)
    if entry(low) is not None or entry(singular(low)) is not None:
        return Tag.NOUN
    if classes & {WordClass.FRAME_NOUN, WordClass.IMAGE_NOUN, WordClass.STYLE_NOUN}:
        return Tag.NOUN  # "food photography", "anime key visual"
    if classes & _ADJECTIVE_CLASSES:
        return Tag.ADJ
    if classes & {
        WordClass.ATTACH_VERB,
        WordClass.CONTAIN_VERB,
        WordClass.DEPICT_VERB,
        WordClass.MAKER_VERB,
        WordClass.PLACING_VERB,
        WordClass.NAMING_VERB,
        WordClass.FEED_VERB,
        WordClass.DECOR_VERB,
        WordClass.COAT_VERB,
    }:
        return Tag.VERB
    if classes:
        return Tag.NOUN
    return _lemminflect_tag(low)


def _lemminflect_tag(low: str) -> Tag:
    if not low.isascii():
        return Tag.UNKNOWN
    pos = parts_of_speech(low)
    if not pos and "-" in low and (low.endswith("ed") or low.split("-")[0].endswith("ed")):
        return Tag.ADJ  # "cross-legged", "long-haired", "tipped-over": a compound adjective
    last = low.rsplit("-", 1)[-1]
    if not pos and "-" in low and past_participle(last) and len(verb_lemmas(last)) > 1:
        return Tag.ADJ  # "leather-bound", "wind-blown" (not "tea-set": no other lemma): a compound adjective
    if low.endswith("ly") and ("ADV" in pos or not pos) and "NOUN" not in pos:
        return Tag.ADV
    if "VERB" in pos and low.endswith("ing"):
        return Tag.VERB  # "flying", "running": an action (a modifier when a noun follows)
    if "ADJ" in pos:
        return Tag.ADJ
    if "NOUN" in pos and "VERB" in pos and low.endswith(("ing", "ed")):
        return Tag.VERB
    if "NOUN" in pos or "PROPN" in pos:
        return Tag.NOUN
    if "VERB" in pos or "AUX" in pos:
        return Tag.VERB
    if "ADV" in pos:
        return Tag.ADV
    return Tag.UNKNOWN


_AFTER_BARE_VERB = frozenset(
    {Tag.DET, Tag.PREP, Tag.ADV, Tag.NUM, Tag.PRON, Tag.ADJ, Tag.END, Tag.COMMA}
)  # what may follow the bare verb of a plural subject


def _verb_cue(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether what comes before a noun-or-verb word makes it a verb: 'a table set with china
    cups', 'pretends not to watch', 'an acrobat who swings above', 'a kettle that sings', 'two kids are building a
    sandcastle', 'The captain, a lanky man in a coat, studies a chart'."""
    return (
        _bare_form_participle(tags, lows, i)
        or _infinitive(tags, lows, i)
        or (tags[i - 1] is Tag.AUX and lows[i - 1] in {"who", "which"})
        or (lows[i - 1] == "that" and i > 1 and tags[i - 2] in {Tag.NOUN, Tag.UNKNOWN})  # "a dog that keeps"
        or _relative_second_verb(tags, lows, i)
        or _progressive(tags, lows, i)
        or _after_be(tags, lows, i)
        or _sequence_inverted(tags, lows, i)
        or (tags[i - 1] is Tag.COMMA and _after_parenthesis(tags, lows, i))
    )


def _after_be(tags: list[Tag], lows: list[str], i: int) -> bool:
    """'a chessboard is set up', 'a rug is spread over the floor', 'the sun is setting and':
    a participle right after a form of 'be' and before a preposition (not 'of'), an adverb, a
    comma, 'and' or the end is a passive or ongoing verb, no noun ('dozens of' is one)."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if tags[i - 1] is not Tag.BE or i + 1 < len(lows) and lows[i + 1] == "of":
        return False
    form = lows[i].endswith("ing") or past_participle(lows[i])
    return form and after in {Tag.PREP, Tag.ADV, Tag.AUX, Tag.COMMA, Tag.CONJ, Tag.END}


_SEQUENCE_OPENERS = frozenset({"next", "then", "here", "there", "now", "finally", "last"})


def _sequence_inverted(tags: list[Tag], lows: list[str], i: int) -> bool:
    """'Next comes an armchair', 'Here stands a clock', 'Then sits a jar': a word in -s that is a
    verb right after a sentence-opening word of order or place and before an article or a count
    is the verb of the subject it puts after itself."""
    opens = i == 1 or i > 1 and tags[i - 2] in {Tag.END, Tag.COMMA}
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    return opens and lows[i - 1] in _SEQUENCE_OPENERS and s_form_verb(lows[i]) and after in {Tag.DET, Tag.NUM}


def _relative_second_verb(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the word at i follows 'and' after the verb that opens a relative clause, in the
    same form ('geese that honk and flap', 'a dog that barks and wags its tail'): the clause's
    second verb, not a noun joined to the first."""
    if i < 4 or lows[i - 1] != "and":
        return False
    first = _relative_verb_before(tags, lows, i - 2)
    if first is None:
        first = _relative_verb_before_of(tags, lows, i)
    return first is not None and lows[i].endswith("s") == lows[first].endswith("s")


def _relative_verb_before_of(tags: list[Tag], lows: list[str], i: int) -> int | None:
    """The verb that opens a relative clause whose object has an 'of' phrase, when the word at i
    (after 'and') is followed by a preposition or an article ('a man who sweeps the step of a
    bakery and whistles at the pigeons'): a noun joining 'a bakery' would not be."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if after not in {Tag.PREP, Tag.DET, Tag.POSS} or lows[i + 1] == "of":
        return None  # not "a basket of apples and boxes of pears"
    j = i - 2
    while (
        j >= 2
        and (tags[j] in _OBJECT_TAGS or _bare_participle_adjective(tags, lows, j))
        and lows[j] not in _RELATIVE_OPENERS
    ):
        j -= 1
    return _relative_verb_before(tags, lows, j - 1) if j >= 3 and lows[j] == "of" else None


_RELATIVE_OPENERS = frozenset({"that", "who", "which"})


def _bare_participle_adjective(tags: list[Tag], lows: list[str], j: int) -> bool:
    """Whether the word at j is a participle in -ed right after an article or owner ('a tiled
    bakery'), not yet told an adjective: it modifies the noun after it."""
    return tags[j] is Tag.VERB and lows[j].endswith("ed") and tags[j - 1] in {Tag.DET, Tag.POSS}


_OBJECT_TAGS = frozenset({Tag.DET, Tag.ADJ, Tag.NOUN, Tag.NUM, Tag.POSS, Tag.UNKNOWN, Tag.PRON})


def _relative_verb_before(tags: list[Tag], lows: list[str], j: int) -> int | None:
    """The verb that opens a relative clause and ends at j, back over its object ('who feeds the
    geese', 'that chews a bone'): its index, or None when j ends no such clause."""
    while j >= 2 and tags[j] in _OBJECT_TAGS and lows[j] not in {"that", "who", "which"}:
        j -= 1  # "the geese", "his old hat"
    if j < 2 or tags[j] is not Tag.VERB:
        return None
    return j if lows[j - 1] in {"that", "who", "which"} else None


def _ing_clause(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether an -ing word opening a clause (after a comma or 'and') with an article or 'his' /
    'her' right after is the verb acting on that object: '..., painting a tall sunflower', '...,
    carving his name' (a painting or a carving is named 'a painting', not 'painting a ...')."""
    opens = tags[i - 1] in {Tag.COMMA, Tag.CONJ}
    return opens and lows[i].endswith("ing") and i + 1 < len(tags) and tags[i + 1] is Tag.DET


def _part_of_kind(previous: str, word: str) -> bool:
    """Whether a plural part word follows an animal word naming whose kind of part it is
    ('dragonfly wings', 'cat ears')."""
    owner = entry(singular(previous))
    animal = owner is not None and owner.kind is ThingKind.ANIMAL
    return word.endswith("s") and is_class(singular(word), WordClass.PART) and animal


def _in_context(tags: list[Tag], lows: list[str], i: int) -> Tag:
    """A noun form used as a verb: 'seagulls circle in the sky', 'a woman waits', 'a row of houses
    lines the quay'."""
    tag = tags[i]
    if tag is Tag.NOUN and i > 0 and _adverb(tags, lows, i):
        return Tag.ADV  # "keeping well away from the splashes"
    if tag is Tag.UNKNOWN and i > 0 and _paired_verb(tags, lows, i):
        return Tag.VERB  # "kneels by a bench and repots a fern": a rare verb paired with the first
    if tag is not Tag.NOUN or i == 0 or "VERB" not in parts_of_speech(lows[i]):
        return tag
    if _verb_cue(tags, lows, i) or _ing_clause(tags, lows, i):
        return Tag.VERB
    if _inverted_verb(tags, lows, i):
        return Tag.VERB
    before = tags[i - 1]
    if _second_verb(lows, i) or _paired_verb(tags, lows, i):
        return Tag.VERB
    if before not in {Tag.NOUN, Tag.PRON, Tag.UNKNOWN}:
        return Tag.VERB if _after_subject_modifier(tags, lows, i) else tag
    if _named_thing(tags, lows, i) or _object_then_plural(tags, lows, i):
        return tag
    if _after_plural_noun(tags, lows, i):
        return Tag.VERB
    governed = _governed(tags, lows, i)
    if governed is not None:
        return governed
    return Tag.VERB if _acts_after_noun(tags, lows, i) else tag


def _bare_form_participle(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether a verb whose past participle is its bare form ('cut', 'spread', 'set', 'split',
    'run'), right after a noun and before a preposition other than 'of', is that noun's
    participle: 'a watermelon cut in half', 'a paper chart spread across the table', 'a table set
    with cups', 'a stall run by a widow' (but 'a set of cups', and 'a swing set', listed as a
    thing). One thing takes no bare present verb, and no compound noun that is not listed runs
    into a preposition; after many the word is their verb ('boots set outside'), a verb too."""
    word, previous = lows[i], lows[i - 1]
    if i < 2 or i + 1 >= len(tags) or tags[i - 1] is not Tag.NOUN or tags[i + 1] is not Tag.PREP:
        return False
    if lows[i + 1] == "of" or entry(word) is not None:
        return False
    compound = entry(f"{previous} {word}") is not None or entry(previous + word) is not None
    return not compound and bare_verb(word) and past_participle(word)


def _inverted_verb(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the word at i is the verb of a sentence that opens with a place phrase and puts its
    counted subject after the verb: 'On the chapel roof perch two storks', 'Along the fence
    perches a crow'. The place phrase's noun ends at i - 1; a count or article right after the
    word opens the subject, and no listed thing runs into one."""
    if i < 3 or i + 1 >= len(tags) or tags[i - 1] is not Tag.NOUN or entry(singular(lows[i])) is not None:
        return False
    nxt = lows[i + 1]
    counted = tags[i + 1] in {Tag.NUM, Tag.QUANT} and nxt not in {"one", "1"}
    one = lows[i].endswith("s") and nxt in {"a", "an"} and s_form_verb(lows[i])
    if not (counted and bare_verb(lows[i]) or one):
        return False
    j = _phrase_start(tags, i - 1) - 1
    if entry(f"{lows[i - 1]} {lows[i]}") is not None or j < 0 or tags[j] is not Tag.PREP:
        return False
    return j == 0 or tags[j - 1] is Tag.END


_OBJECT_PRONOUNS = frozenset("him her them it me us himself herself themselves itself".split())


def _second_verb(lows: list[str], i: int) -> bool:
    """Whether the verb form in -s at i follows 'and' right after a pronoun that is an object ('sits
    beside her and watches.', 'picks it up and sniffs'): a noun after 'and' would join a noun
    phrase, and no bare plural joins a pronoun, so the word is the clause's second verb."""
    if i < 2 or lows[i - 1] != "and" or lows[i - 2] not in _OBJECT_PRONOUNS:
        return False
    return s_form_verb(lows[i])  # also a word listed as a plural thing ('waves', 'stairs')


def _paired_verb(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the verb form in -s at i, after 'and' and before an article or owner, is the second
    verb of a clause whose first verb is also in -s ('a pilgrim who wears a cloak and clutches a
    rosary', 'a cook tastes the soup and stirs the pot'): a plural noun joining the object would
    take no article after it, so the word repeats the clause's verb."""
    after = lows[i + 1] if i + 1 < len(lows) else ""
    if i < 3 or lows[i - 1] != "and" or after not in _OBJECT_OPENERS or not s_form_verb(lows[i]):
        return False
    j = i - 2
    while j > 0 and (tags[j] not in {Tag.END, Tag.COMMA, Tag.VERB} or _noun_modifier_verb(tags, lows, j)):
        j -= 1
    return tags[j] is Tag.VERB and s_form_verb(lows[j])


def _noun_modifier_verb(tags: list[Tag], lows: list[str], j: int) -> bool:
    """Whether the verb form at j in -ing or -ed sits between an article or owner and a noun ('a
    potting bench', 'his chipped mug'): it modifies that noun and is no verb of the clause."""
    after = tags[j + 1] if j + 1 < len(tags) else Tag.END
    opened = tags[j - 1] in {Tag.DET, Tag.POSS, Tag.ADJ, Tag.NUM}
    return lows[j].endswith(("ing", "ed")) and opened and after in {Tag.NOUN, Tag.UNKNOWN}


def _after_plural_noun(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the word in -s at i, a verb form, follows a plural noun and runs into what follows a
    verb ('a line of twelve dancers snakes through the square', 'a flock of geese flies over the
    lake', 'two kites dances.'): a plural noun
    modifies no noun ('a dog bed', not 'dogs bed'), so a second plural right after it is no head of
    a compound but the clause's verb (whose subject is the plural, or the group before its 'of')."""
    previous, word = lows[i - 1], lows[i]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if tags[i - 1] is not Tag.NOUN or singular(previous) == previous:
        return False
    if (
        singular(word) == word
        or not s_form_verb(word)
        or after not in {*_CLOSING_VERB, Tag.COMMA, Tag.UNKNOWN}
    ):
        return False
    return entry(singular(previous)) is not None and entry(f"{previous} {singular(word)}") is None


def _named_thing(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the noun form at i, after a noun, is part of a thing's name ('traffic lights', 'four
    merchant ships', 'glass cups'), so it stays a noun."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    previous, word = lows[i - 1], lows[i]
    if (
        entry(f"{previous} {singular(word)}") is not None
        or word.endswith("s")
        and is_class(word, WordClass.LIGHT)
    ):
        return True  # "traffic lights", "fairy lights", "sun rays"
    if after is Tag.NOUN and entry(f"{word} {singular(lows[i + 1])}") is not None:
        return True  # "two teak deck chairs": the word and the noun after it name a listed thing
    listed_run = i > 2 and lows[i - 3] == "of" and entry(f"{lows[i - 2]} {previous}") is not None
    if listed_run and word.endswith("s") and entry(singular(word)) is not None:
        return True  # "a stack of board game boxes": a listed compound names the kind of the plural
    if _counted_kind(tags, lows, i):
        return True  # "four merchant ships": a singular after a count names the kind of the plural
    closing = after in {Tag.COMMA, Tag.END, Tag.CONJ}
    if closing and word.endswith("s") and is_class(singular(word), WordClass.PART) and entry(previous):
        return True  # "..., white cat ears, ...": a part named by its owner's kind
    if "with" in lows[max(0, i - 3) : i - 1] and _part_of_kind(previous, word):
        return True  # "a pixie with dragonfly wings hovers": a part, not 'wings' as a verb
    unlisted_verb = entry(singular(word)) is None and after is Tag.PREP  # "a little rainbow arcs over"
    if i > 1 and tags[i - 2] is Tag.ADJ and is_class(previous, WordClass.COLOUR) and not unlisted_verb:
        return True  # "glowing orange letters": a colour in a run of modifiers
    if is_class(previous, WordClass.MATERIAL) and entry(singular(word)) is not None:
        return True  # "two glass cups of espresso"
    if is_class(previous, WordClass.MATERIAL) and _material_kind(tags, lows, i):
        return True  # "on stone steps", "on the stone steps at the top", but "a tin lights the desk"
    return False


def _object_then_plural(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the plural of a listed thing at i follows a singular noun that opens the object of
    a finite verb ('a woman hangs patchwork quilts on a line', 'he stacks pine logs by the door'):
    the object has its verb already and takes no verb of its own, so the plural heads the object
    (the noun before names its kind) rather than acting."""
    word, previous = lows[i], lows[i - 1]
    if singular(word) == word or entry(singular(word)) is None or singular(previous) != previous:
        return False
    j = _phrase_start(tags, i - 1)
    return j > 0 and tags[j - 1] is Tag.VERB and not lows[j - 1].endswith(("ed", "ing", "en"))


def _material_kind(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the plural at i, after a material that a preposition governs, names what is made of
    it ('kneeling on stone steps', 'through the paper layers,'): bare, or after 'the' with no
    object after it (not 'on a biscuit tin lights the desk', where 'a' counts one tin that acts)."""
    word = lows[i]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if singular(word) == word or _governing(tags, i - 1) < 0:
        return False
    start = _phrase_start(tags, i - 1)
    if tags[start] not in {Tag.DET, Tag.NUM, Tag.QUANT}:
        return True
    return lows[start] == "the" and after in {Tag.COMMA, Tag.END, Tag.PREP}


def _acts_after_noun(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the noun form at i, after a noun and not part of its name, is that noun's verb
    ('three seagulls circle above', 'a woman waits'), from its subject and what follows it."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    previous, word = lows[i - 1], lows[i]
    framing = is_class(word, WordClass.FRAME_NOUN) or is_class(word, WordClass.IMAGE_NOUN)
    if framing and entry(singular(previous)) is None:
        return False  # "a sports photograph", but "cypress trees frame the house"
    if i + 1 < len(lows) and lows[i + 1] in {"have", "are", "were"} and word.endswith("s"):
        return False  # "the canvas sails have stopped": a verb in -s takes no plural helper after it
    if _plural_verb_next(tags, lows, i):
        return False  # "the dog treats sit in a jar": the word in -s is the plural subject
    plural_subject = _plural_subject(tags, lows, i)
    if _invariant_compound(tags, lows, i) or _contents_compound(tags, lows, i):
        return False  # "stacked fish boxes behind the stall": boxes of fish, not a fish boxing
    unlisted = entry(singular(word)) is None and not word.endswith("s")
    if _coordinated_act(tags, lows, i) or _many_dressed_act(tags, lows, i) or _many_of_act(tags, lows, i):
        return True  # "a girl, a boy and their grandfather wave from the porch"
    if plural_subject and unlisted and after is Tag.NOUN and _object_noun(lows, i + 1):
        return True  # "two girls jump rope", "the boys climb trees"
    goal = i + 1 < len(lows) and is_class(lows[i + 1], WordClass.GOAL_ADVERB)
    manner_next = _manner_next(tags, lows, i)
    if plural_subject and (
        after in _AFTER_BARE_VERB or goal or manner_next or _joined_bare_verb(tags, lows, i)
    ):
        return True  # "three seagulls circle above", "the geese fly home"
    if is_class(word, WordClass.COLOUR_NOUN) and after in {Tag.COMMA, Tag.END, Tag.CONJ, Tag.PREP, Tag.VERB}:
        return False  # "in deep berry shades,": the colours, not 'a tree shades the bench'
    verb_form = singular(word) != word or is_class(word, WordClass.ATTACH_VERB)  # "a statue waves"
    verb_form = verb_form or s_form_verb(word) and one_headed(tags, lows, i - 1)  # "a barge rocks"
    third_person = word.endswith("s") and verb_form and not plural_subject
    counted = after is Tag.NUM and not lows[i + 1].isdigit()  # "throws both arms": no noun runs into a count
    adverb = after is Tag.AUX and (lows[i + 1].endswith("ly") or is_class(lows[i + 1], WordClass.PARTICLE))
    manner = adverb and word.endswith("s")  # "a boat rocks gently", "the jeep rolls away"
    if (
        manner
        and not plural_subject
        or third_person
        and (entry(singular(word)) is None or after in _CLOSING_VERB or counted or _one_acts(tags, lows, i))
    ):
        return True  # "a woman waits", "the father flips pancakes", "a boy waves, ..."
    if after is Tag.PREP and not word.endswith("s") and is_class(lows[i + 1], WordClass.PARTICLE):
        return True  # "the ruins of a temple poke out of the sand"
    if after is Tag.DET and not word.endswith("s") and lows[i + 1] in {"a", "an", "the"}:
        return True  # "a fox and a rabbit share a picnic": no noun runs into an article
    return word.endswith("ing") and i + 1 < len(lows) and lows[i + 1] in _WHOLE_OBJECTS


def _plural_verb_next(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the word in -s at i runs into a bare verb that agrees with many ('the dog treats sit
    in a jar', 'the baby wipes lie in a box'): no verb in -s runs into a second bare verb unless
    it takes one ('helps carry'), so the word at i is the plural head of its phrase."""
    if i + 1 >= len(lows) or not lows[i].endswith("s") or tags[i + 1] is not Tag.VERB:
        return False
    after = lows[i + 1]
    return bare_verb(after) and parts_of_speech(after) == {"VERB"} and not _takes_bare_infinitive(lows[i])


_HOW_ADVERBS = frozenset(
    "upward upwards downward downwards forward forwards backward backwards outward inward away nearby"
    " together apart alone ahead upstairs downstairs as".split()
)  # auxiliary words that say how or where an act goes: no noun runs into them ('crates serve as')


def _manner_next(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the bare word at i runs into how it is done: an adverb in -ly, a particle or an
    adverb of direction ('two dogs sleep soundly', 'the geese waddle off', 'three reindeer huddle
    together', 'old crates serve as tables'), or a past participle that closes its phrase
    ('two dogs sleep curled beside the stove'): a noun runs into neither, so after a plural
    subject the word is its verb."""
    if i + 1 >= len(lows) or lows[i].endswith("s"):
        return False
    nxt = lows[i + 1]
    if tags[i + 1] is Tag.AUX:
        return nxt.endswith("ly") or is_class(nxt, WordClass.PARTICLE) or nxt in _HOW_ADVERBS
    closing = tags[i + 2] if i + 2 < len(tags) else Tag.END
    return tags[i + 1] is Tag.VERB and nxt.endswith("ed") and closing in {Tag.PREP, Tag.END, Tag.COMMA}


def _joined_bare_verb(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether 'and' and a bare word known only as a verb follow the word at i ('two ducks paddle
    and preen near the reeds'): a noun joins no verb, so the word at i is a verb too."""
    if i + 2 >= len(lows) or lows[i + 1] != "and" or lows[i].endswith("s"):
        return False
    second = lows[i + 2]
    return (
        tags[i + 2] is Tag.VERB
        and parts_of_speech(second) == {"VERB"}
        and not second.endswith(("s", "ed", "ing"))
    )


_WHOLE_OBJECTS = frozenset(
    "them him it everything everyone everybody something someone nothing".split()
)  # "a tree shading everything", "a dog chasing them": no noun in -ing runs into a pronoun that is a
# whole object (not 'her', which may own the noun after it: 'shading her eyes')


_ONE_OPENERS = frozenset({"a", "an", "one", "each", "every", "this", "that"})


def _invariant_compound(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the plural of a listed thing at i heads a compound with the noun before it, a noun
    of one form for one and many ('fish', 'sheep') that no 'a' or 'one' counts: a bare such noun is
    many, and many take no verb in -s, so 'fish boxes' are boxes (not after 'a': 'a fish boxes'
    acts; nor before an object: 'the fish lines the nets')."""
    word, previous = lows[i], lows[i - 1]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if not word.endswith("s") or singular(word) == word or entry(singular(word)) is None:
        return False
    if entry(previous) is None or plural_of(previous) != previous or after in {Tag.DET, Tag.NUM, Tag.PRON}:
        return False
    return lows[_phrase_start(tags, i - 1)] not in _ONE_OPENERS


def _contents_compound(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the plural of a listed container at i heads a compound with a lifeless noun before
    it ('honey jars on a table', 'beer bottles on a shelf', 'paint cans by the door'): containers
    in -s ('jars', 'bottles', 'cans', 'boxes') are verbs only with an object, never before a
    preposition, and no lifeless thing does them, so the noun before names their contents."""
    word, previous = lows[i], lows[i - 1]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if after is not Tag.PREP or not word.endswith("s") or singular(word) == word:
        return False
    container, contents = entry(singular(word)), entry(previous)
    if container is None or Flag.CONTAINER not in container.flags or tags[i - 1] is not Tag.NOUN:
        return False
    if contents is not None and contents.animate:
        return False  # "a dog bowls": someone may do it
    return lows[_phrase_start(tags, i - 1)] not in _ONE_OPENERS


def _many_of_act(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the bare word at i, no listed thing, is what a plural before 'of' does: 'three
    generations of the Okafor family pose for a portrait', 'dozens of the village children wade
    into the river': the plural is the subject, so no compound is made of the last noun and a verb."""
    word, after = lows[i], tags[i + 1] if i + 1 < len(tags) else Tag.END
    if word.endswith("s") or after not in {Tag.PREP, Tag.DET, Tag.ADV} or entry(word) is not None:
        return False
    if "VERB" not in parts_of_speech(word) or entry(f"{lows[i - 1]} {word}") is not None:
        return False
    j = _phrase_start(tags, i - 1)
    if j < 2 or lows[j - 1] != "of" or tags[j - 2] is not Tag.NOUN:
        return False
    return singular(lows[j - 2]) != lows[j - 2] or _group_of_many(lows[j - 2], lows[i - 1])


def _group_of_many(group: str, member: str) -> bool:
    """Whether 'a group of' members are many acting ones: a group word ('pair', 'flock', 'family')
    before a plural or a creature ('a pair of goldfish glint', 'a family of ducks paddle'): a
    group of creatures is many, so a bare verb after them agrees with the members."""
    if not is_class(group, WordClass.COLLECTIVE):
        return False
    known = entry(member)
    return written_plural(member) or known is not None and known.animate  # "a pair of goldfish"


def _coordinated_act(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the bare word at i is what a list of someones opening the sentence does: 'a girl,
    a boy and their grandfather wave from the porch'. A listed noun ('lounge', 'dock') is the
    verb only after a person and before a preposition or article ('a woman and a man lounge on
    the deck'), since a person's name never makes a compound with it."""
    word = lows[i]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if after is Tag.AUX and lows[i + 1].endswith("ly"):
        after = Tag.ADV  # "a cook and a porter chat quietly": a manner adverb
    if i + 1 < len(lows) and is_class(lows[i + 1], WordClass.GOAL_ADVERB):
        after = Tag.ADV  # "Mira and her grandfather walk home": where they go
    if word.endswith("s") or after not in _CLOSING_VERB:
        return False
    if entry(singular(word)) is None and after is Tag.PREP and _coordinated(tags, lows, i - 1, anything=True):
        return True  # "a red silo and a windmill rise against the clouds": an unlisted word names no kind
    if not _coordinated(tags, lows, i - 1):
        return False
    if entry(singular(word)) is None:
        return True
    known = entry(singular(lows[i - 1]))
    return known is not None and known.kind is ThingKind.PERSON and after in {Tag.PREP, Tag.DET}


def _many_dressed_act(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the bare word at i, after something worn or a part ending an 'in' or 'with' phrase,
    is what the plural someone before that phrase does: 'three elves with flowers in their hair
    dance on the lawn', 'a nurse and a porter in green scrubs walk past': no compound is made of
    a garment and a verb."""
    word, after = lows[i], tags[i + 1] if i + 1 < len(tags) else Tag.END
    worn = entry(singular(lows[i - 1]))
    dressed = worn is not None and worn.kind is ThingKind.CLOTHING or is_class(lows[i - 1], WordClass.PART)
    if word.endswith("s") or after not in {Tag.PREP, Tag.DET, Tag.ADV} or not dressed:
        return False
    if entry(f"{lows[i - 1]} {word}") is not None:
        return False  # a listed compound: "a hat stand"
    j = _phrase_start(tags, i - 1)
    while j > 1 and lows[j - 1] in {"in", "with", "wearing"} and tags[j - 2] in {Tag.NOUN, Tag.UNKNOWN}:
        head = j - 2
        owner = entry(singular(lows[head]))
        if owner is not None and owner.animate:
            return _plural_subject(tags, lows, head + 1) or _coordinated(tags, lows, head)
        j = _phrase_start(tags, head)
    return False


def _one_acts(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the plural form at i ends a clause right after 'a' and someone ('a boy waves, ...',
    'a dog barks and ...'), or follows any singular noun that 'a' heads ('a moored barge rocks
    gently'): 'a' never counts a plural, so the word is what that one does."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    known = entry(lows[i - 1])
    someone = known is not None and known.animate
    if someone and i >= 2 and lows[i - 2] in {"a", "an"} and after in {Tag.COMMA, Tag.CONJ}:
        return True
    return after is not Tag.NOUN and one_headed(tags, lows, i - 1)


def one_headed(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the singular noun at i ends a noun phrase that 'a' or 'an' opens ('a moored
    barge'), alone and not the last of a list ('a man and a woman'), nor a group ('a couple'):
    one thing, so a verb after it agrees with one ('rocks', not 'stand')."""
    word = lows[i]
    if (
        tags[i] not in {Tag.NOUN, Tag.UNKNOWN}
        or singular(word) != word
        or is_class(word, WordClass.COLLECTIVE)
    ):
        return False
    j = i
    while j > 0 and (
        tags[j - 1] in {Tag.ADJ, Tag.NOUN, Tag.UNKNOWN}
        or tags[j - 1] is Tag.VERB
        and lows[j - 1].endswith(("ed", "ing"))
    ):
        j -= 1  # "a moored barge": a modifier not yet retagged from its verb form
    openers = {"a", "an", *_DEFINITE_OPENERS} if _someone(word) else {"a", "an"}
    j = j - 1 if j > 0 and lows[j - 1] in openers else j
    governed = j > 0 and tags[j - 1] in {Tag.CONJ, Tag.PREP, Tag.VERB}  # "and a man", "in a suit"
    return j < i and lows[j] in openers and not governed and lows[j - 1] not in {"and", "or", "&"}


_DEFINITE_OPENERS = frozenset(
    {"the", "his", "her", "their", "my", "our", "your", "this", "that"}
)  # not "its guy ropes"


def _someone(word: str) -> bool:
    """Whether a singular noun names a listed person or animal: after 'the' or an owner ('her
    grandson', 'the flower girl') it heads its phrase, since a compound whose first word is
    someone ('the dog treats') is rare, so a verb in -s after it agrees with that one."""
    known = entry(word)
    return known is not None and known.animate


_OBJECT_OPENERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "my", "our", "your"})


def _progressive(tags: list[Tag], lows: list[str], i: int) -> bool:
    """'the kids are building a sandcastle', 'a fox is setting his table': an -ing noun form
    ('building', 'painting') right after a form of 'be' and before an article or a possessive is
    the verb of an ongoing act."""
    after = lows[i + 1] if i + 1 < len(lows) else ""
    return tags[i - 1] is Tag.BE and lows[i].endswith("ing") and after in _OBJECT_OPENERS


def _plural_noun_then_verb(tags: list[Tag], lows: list[str], i: int) -> None:
    """Two words that are both nouns and verbs after a noun, the first plural: a bare second word
    right before an article is the verb of that plural subject ('valve wheels crowd the ceiling',
    not 'wheels' crowding a 'crowd'). Retags the pair in place."""
    if i < 2 or tags[i - 2] is not Tag.NOUN or "VERB" not in parts_of_speech(lows[i]):
        return
    first, word = lows[i - 1], lows[i]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    first_plural = first.endswith("s") and singular(first) != first
    if not first_plural or not {"NOUN", "VERB"} <= parts_of_speech(singular(first)):
        return
    if tags[i - 1] is Tag.VERB and tags[i] is Tag.NOUN and not word.endswith("s") and after is Tag.DET:
        tags[i - 1], tags[i] = Tag.NOUN, Tag.VERB  # "valve wheels crowd the ceiling"


_AFTER_OBJECT = frozenset({Tag.PREP, Tag.END, Tag.COMMA, Tag.CONJ})


def _plural_subject_then_verb(tags: list[Tag], lows: list[str], i: int) -> None:
    """A plural noun, a bare word that is a noun and a verb, then a plural that is a noun and a
    verb ('two men grill skewers over coals', 'old walls frame windows'): a plural noun is no
    modifier of a compound, so the bare word is the verb and the plural its object. Retags the
    pair in place."""
    if i < 2 or tags[i - 2] is not Tag.NOUN or tags[i - 1] is not Tag.NOUN or tags[i] is not Tag.VERB:
        return
    subject, word, plural = lows[i - 2], lows[i - 1], lows[i]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if singular(subject) == subject or not subject.isalpha() or after not in _AFTER_OBJECT:
        return
    if "VERB" in parts_of_speech(word) and singular(plural) != plural and "NOUN" in parts_of_speech(plural):
        tags[i - 1], tags[i] = Tag.VERB, Tag.NOUN


def _many_placed_act(tags: list[Tag], lows: list[str], i: int) -> None:
    """A plural noun, a preposition (not 'of') and its singular object, then a bare word that is a
    verb right before an article or owner ('three camels in a line cross the dunes', 'two boys
    with a kite run along the beach' before a place): a noun phrase runs into no article, and the
    plural takes a bare verb, so the word is the plural's verb. Retags the word in place."""
    word = lows[i]
    after = lows[i + 1] if i + 1 < len(lows) else ""
    if i < 4 or singular(word) != word or tags[i] not in {Tag.NOUN, Tag.ADJ} or tags[i - 1] is not Tag.NOUN:
        return
    if after not in {"a", "an", "the", "their", "his", "its"} or "VERB" not in parts_of_speech(word):
        return
    previous = lows[i - 1]
    if singular(previous) != previous or entry(f"{previous} {word}") is not None:
        return
    j = _governing(tags, i - 1)
    if j < 1 or lows[j] == "of" or tags[j - 1] is not Tag.NOUN or singular(lows[j - 1]) == lows[j - 1]:
        return
    tags[i] = Tag.VERB


def _one_subject_then_verb(tags: list[Tag], lows: list[str], i: int) -> None:
    """'a' and a singular noun, a word in -s that is a noun and a verb, then a plural noun ('a cook
    in a white apron grills skewers at a cart'): 'a' takes no plural head, so the word in -s is the
    verb and the plural its object; so is it before a mass noun when the one is someone ('a cook
    scoops rice from a bowl', 'a girl ladles soup'). Retags the word in place."""
    if i < 2 or i + 2 > len(tags) or tags[i - 1] is not Tag.NOUN or tags[i + 1] is not Tag.NOUN:
        return
    subject, word, plural = lows[i - 1], lows[i], lows[i + 1]
    known = entry(subject)
    someone = known is not None and known.animate or _someone_placed(tags, lows, i - 1)
    if singular(subject) != subject or singular(word) == word or singular(plural) == plural and not someone:
        return
    start = _phrase_start(tags, i - 1)
    openers = {"a", "an", *_DEFINITE_OPENERS} if _someone(subject) else {"a", "an"}
    if (
        lows[start] in openers
        and _object_ends(tags, lows, i + 2)
        and "VERB" in parts_of_speech(singular(word))
    ):
        tags[i] = Tag.VERB


def _object_ends(tags: list[Tag], lows: list[str], k: int) -> bool:
    """Whether the object that starts before k ends at k: a preposition, comma, 'and' or the end,
    or one or two more nouns (or unlisted words) that end there ('grills squid skewers at a cart',
    'scoops vanilla ice cream into a cone', 'scoops pistachio gelato')."""
    end = k
    while end < min(len(tags), k + 2) and tags[end] in {Tag.NOUN, Tag.UNKNOWN}:
        end += 1
    return (tags[end] if end < len(tags) else Tag.END) in _AFTER_OBJECT


def _someone_placed(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the noun at i ends a place phrase (not 'of') after 'a' and someone ('a restorer on a
    ladder', 'a cook at a stall'): the one the phrase places is the clause's subject, so what
    follows may be that one's act ('a restorer on a ladder brushes dust from a statue')."""
    j = _governing(tags, i)
    if j < 1 or lows[j] == "of" or tags[j - 1] is not Tag.NOUN:
        return False
    known = entry(lows[j - 1])
    return known is not None and known.animate and lows[_phrase_start(tags, j - 1)] in {"a", "an"}


def _one_subject_verb_place(tags: list[Tag], lows: list[str], i: int) -> None:
    """'a' and singular nouns, then a word in -s that is a plural noun and a verb, then a
    preposition ('a grandfather clock towers in the corner', 'an old oak towers over the barn'):
    'a' takes no plural head, so the word in -s is the verb. Retags the word in place."""
    if i < 2 or i + 1 >= len(tags) or tags[i] is not Tag.NOUN or tags[i + 1] is not Tag.PREP:
        return
    if tags[i - 1] is not Tag.NOUN or singular(lows[i - 1]) != lows[i - 1] or singular(lows[i]) == lows[i]:
        return
    start = _phrase_start(tags, i - 1)
    if lows[start] in {"a", "an"} and "VERB" in parts_of_speech(singular(lows[i])):
        tags[i] = Tag.VERB


def _one_subject_past_place(tags: list[Tag], lows: list[str], i: int) -> None:
    """'a' and a singular noun, a preposition other than 'of' and a plural (bare or with adjectives),
    then a word in -s that is a verb, after someone ('a juggler on stilts tosses clubs', 'a girl
    with pigtails waves', 'a fishmonger in rubber boots guts fish'): the plural is the preposition's object, no subject, so the word in -s is the verb of
    the one before.
    Retags the word in place."""
    if i < 3 or tags[i] is not Tag.NOUN or tags[i - 1] is not Tag.NOUN:
        return
    p = i - 2
    while p > 1 and tags[p] is Tag.ADJ:
        p -= 1  # "a fishmonger in rubber boots guts sardines"
    if tags[p] is not Tag.PREP:
        return
    word, plural, lead = lows[i], lows[i - 1], lows[p]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if lead == "of" or singular(plural) == plural or singular(word) == word or tags[p - 1] is not Tag.NOUN:
        return
    if entry(f"{plural} {singular(word)}") is not None or "VERB" not in parts_of_speech(singular(word)):
        return
    subject = entry(lows[p - 1])
    someone = subject is not None and subject.animate and lows[_phrase_start(tags, p - 1)] in {"a", "an"}
    if someone and (entry(singular(word)) is None or after in _CLOSING_VERB):
        tags[i] = Tag.VERB


def _appositive_then_verb(tags: list[Tag], lows: list[str], i: int) -> None:
    """One thing, an aside between commas that opens with 'a' or 'an' and names it again ('the
    badger, a plump fellow in spectacles, waves from the door', 'the old mill, a stone building
    with a creaking wheel, stands by the river') or with 'who' / 'which' ('a porter, who pushes a
    cart, walks toward her'), then a word in -s that is a noun and a verb, before what follows a
    verb or a bare object ('the cook, a wiry man, ladles broth into a bowl'): the aside says who
    or what the one before is, so the word in -s is that one's verb. Retags the word in place."""
    if i < 5 or tags[i] is not Tag.NOUN or tags[i - 1] is not Tag.COMMA or not _verb_follows(tags, lows, i):
        return
    if not s_form_verb(lows[i]):  # also a word listed as a plural thing ('waves')
        return
    j = _aside_opening(tags, lows, i - 2)
    if tags[j] is not Tag.COMMA:
        return
    if lows[j + 1] in {"who", "which"} and _relative_subject(tags, lows, j):
        tags[i] = Tag.VERB
    elif lows[j + 1] in {"a", "an"} and _named_again(tags, lows, j, i):
        tags[i] = Tag.VERB


def _verb_follows(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether what follows the word at i may follow a verb: a closing word, or a bare object noun
    that ends there ('ladles broth into a bowl'); never 'of', which a plural noun takes ('waves of')."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if i + 1 < len(lows) and lows[i + 1] == "of":
        return False
    return after in _CLOSING_VERB or after is Tag.NOUN and _object_ends(tags, lows, i + 2)


def _relative_subject(tags: list[Tag], lows: list[str], j: int) -> bool:
    """Whether the comma at j, before 'who' or 'which', follows a noun (a name for 'who') that
    opens its clause: the relative clause after it describes that subject, whose verb follows."""
    if tags[j - 1] not in {Tag.NOUN, Tag.UNKNOWN}:
        return False
    start = _phrase_start(tags, j - 1)
    return start == 0 or tags[start - 1] in {Tag.END, Tag.COMMA, Tag.CONJ}


def _named_again(tags: list[Tag], lows: list[str], j: int, i: int) -> bool:
    """Whether the aside between the comma at j and the comma before i names the thing before it
    again: someone and a listed person or animal ('her aunt, a portly goose'), someone and an
    unlisted kind ('a cockerel, a black Orpington'), or two things of one kind after 'the' or an
    owner ('the church, a white clapboard building'), which a list of things does not give."""
    head = next((k for k in range(j + 2, i) if tags[k] is Tag.NOUN), None)
    while head is not None and head + 1 < i and tags[head + 1] is Tag.NOUN:
        head += 1  # "a white clapboard building"
    named, before = entry(lows[head]) if head is not None else None, entry(lows[j - 1])
    if lows[j - 1] in REFLEXIVE or before is not None and before.animate:  # 'Mabel herself, a ...'
        return named is not None and named.animate or _unlisted_kind(tags, j, i)
    definite = lows[_phrase_start(tags, j - 1)] in _DEFINITE_OPENERS | {"its"}
    return definite and before is not None and named is not None and named.kind is before.kind


def _unlisted_kind(tags: list[Tag], j: int, i: int) -> bool:
    """Whether the aside between the comma at j and the comma before i opens with 'a', adjectives
    and an unlisted word: a breed or a kind of the one before ('a cockerel, a black Orpington as
    big as a football, crows'), which says who that one is as a listed person or animal would."""
    head = next((k for k in range(j + 2, i - 1) if tags[k] is not Tag.ADJ), None)
    return head is not None and tags[head] is Tag.UNKNOWN


# the reflexive pronouns of people, which stand right after whom they name ('Mabel herself')
REFLEXIVE = frozenset({"himself", "herself", "themselves"})


def _aside_opening(tags: list[Tag], lows: list[str], j: int) -> int:
    """The comma (or the verb, end or clause 'and') before j that opens an aside, back over an
    'and' that joins two things the aside names ('a stout woman in a housecoat and rubber boots')
    and over a word in -ing right after an article, which describes ('a leaning steeple')."""
    while j > 0:
        joins = tags[j] is Tag.CONJ and lows[j] == "and" and tags[j - 1] is Tag.NOUN
        if (
            tags[j] in {Tag.COMMA, Tag.VERB, Tag.END, Tag.CONJ}
            and not joins
            and not _aside_verb(tags, lows, j)
        ):
            return j
        j -= 1
    return j


def _aside_verb(tags: list[Tag], lows: list[str], j: int) -> bool:
    """Whether the verb at j belongs inside an aside: a participle after a noun or an article ('a
    man with a towel tied around his head', 'a building with a leaning steeple'), or any verb of a
    clause opened by 'who' or 'which' before it, back to a comma ('who pushes a cart')."""
    if tags[j] is not Tag.VERB:
        return False
    if lows[j].endswith("ing") or past_participle(lows[j]):
        if tags[j - 1] in {Tag.NOUN, Tag.DET, Tag.ADJ}:
            return True
    k = j - 1
    while k > 0 and tags[k] not in {Tag.COMMA, Tag.END}:
        k -= 1
    return tags[k] is Tag.COMMA and lows[k + 1] in {"who", "which"}


_AFTER_S_VERB = frozenset({Tag.DET, Tag.PREP, Tag.ADV, Tag.PRON, Tag.NUM})  # what may follow a verb


def _adverb_place_then_verb(tags: list[Tag], lows: list[str], i: int) -> None:
    """'the hamster inside runs on its wheel', 'a cat outside watches the birds': a word that is a
    preposition and an adverb of place ('inside', 'outside') right after one thing ('a' or 'the'
    and a singular noun), then a word in -s that is a verb before an object or a place, is an
    adverb, and the word in -s that one thing's verb. Retags the pair in place."""
    if i < 2 or tags[i - 1] is not Tag.PREP or tags[i - 2] not in {Tag.NOUN, Tag.UNKNOWN}:
        return
    if not (is_class(lows[i - 1], WordClass.PREPOSITION) and is_class(lows[i - 1], WordClass.GOAL_ADVERB)):
        return
    word, subject = lows[i], lows[i - 2]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    manner = after is Tag.AUX and lows[i + 1].endswith("ly")  # "the cat inside purrs softly"
    unlisted = entry(singular(word)) is None  # a listed thing only before its object: 'watches the'
    closing = (
        after in {Tag.END, Tag.COMMA, Tag.CONJ, *_AFTER_S_VERB} if unlisted else after in {Tag.DET, Tag.PRON}
    )
    if not (manner or closing) or singular(subject) != subject:
        return
    if singular(word) == word or "VERB" not in parts_of_speech(singular(word)):
        return
    if lows[_phrase_start(tags, i - 2)] in {"a", "an", "the"}:
        tags[i - 1], tags[i] = Tag.ADV, Tag.VERB


def _adverb(tags: list[Tag], lows: list[str], i: int) -> bool:
    """A bare noun that is also an adverb between a verb and an adverb or preposition: 'keeping
    well away', 'set well back from the road' (not 'drawing water from a well'); a word saying
    where one goes, right after the verb: 'boats coming home', 'children running indoors'."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if i > 1 and tags[i - 2] is Tag.DET and lows[i - 1].endswith("ed"):
        return False  # "the tiled counter": a participle after an article modifies a noun
    if tags[i - 1] is Tag.VERB and is_class(lows[i], WordClass.GOAL_ADVERB):
        return after not in {Tag.DET, Tag.NUM, Tag.ADJ, Tag.NOUN, Tag.POSS}  # 'outside the cafe'
    adverb = "ADV" in parts_of_speech(lows[i]) and not lows[i].endswith("s")
    return adverb and tags[i - 1] is Tag.VERB and after in {Tag.ADV, Tag.AUX, Tag.PREP}


def _infinitive(tags: list[Tag], lows: list[str], i: int) -> bool:
    """A bare noun-or-verb after 'not to' or '<verb> to': 'pretends not to watch', 'stops to rest';
    or after 'to' and before an object pronoun, which no noun takes: 'about to set it afloat'."""
    if i < 2 or lows[i - 1] != "to" or lows[i].endswith("s"):
        return False
    if tags[i - 2] is Tag.NEG or tags[i - 2] is Tag.VERB and not lows[i - 2].endswith(("ed", "ing")):
        return True
    if i + 1 < len(lows) and lows[i + 1] in _OBJECT_PRONOUNS - {"her"} and bare_verb(lows[i]):
        return True  # not 'her', an owner too: 'next to mother her basket'
    return _purpose_infinitive(tags, lows, i)


def _purpose_infinitive(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the bare word at i after a noun and 'to' closes its clause ('three toads line up on a
    log to watch, ...', 'a cat sits by the bowl to wait.'): a place after 'to' takes an article
    ('to the door'), so a bare verb form closing the clause says what for; but 'from dawn to dusk',
    'face to face', 'head to toe' pair two nouns."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if tags[i - 2] not in {Tag.NOUN, Tag.PRON} or after not in {Tag.END, Tag.COMMA, Tag.CONJ}:
        return False
    if lows[i - 2] == lows[i] or "from" in lows[max(0, i - 6) : i] or is_class(lows[i], WordClass.PART):
        return False
    return "VERB" in parts_of_speech(lows[i])


_CLOSING_VERB = frozenset({Tag.DET, Tag.PREP, Tag.ADV, Tag.PRON, Tag.END})  # what may follow a verb


def _plural_subject(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the noun or pronoun before i is a plural subject for a bare verb at i: a pronoun, a
    plural noun not after 'a' ('a crowded farmers market'), or a noun counted above one."""
    previous = lows[i - 1]
    return (
        tags[i - 1] is Tag.PRON
        or written_plural(previous)
        and not _one_of(tags, lows, i - 1)
        or (not lows[i].endswith("s") and (_counted(tags, lows, i - 1) or _bare_invariant(tags, lows, i - 1)))
    )


def _bare_invariant(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the noun at i, one form for one and many ('sheep', 'fish'), opens its sentence with
    no article: many, so a bare verb may follow ('Sheep graze by the fence')."""
    word = lows[i]
    j = i
    while j > 0 and tags[j - 1] is Tag.ADJ:
        j -= 1  # "Pale jellyfish drift"
    opens = j == 0 or tags[j - 1] in {Tag.END, Tag.COMMA}
    return opens and entry(word) is not None and plural_of(word) == word


def _phrase_start(tags: list[Tag], i: int) -> int:
    """The first token of the noun phrase whose last word is at i ('their old | grandfather')."""
    j = i
    while j > 0 and (tags[j - 1] in {Tag.ADJ, Tag.NOUN, Tag.UNKNOWN} or _participle_before(tags, j - 1)):
        j -= 1
    while j > 0 and tags[j - 1] in {Tag.DET, Tag.NUM, Tag.QUANT, Tag.POSS}:
        j -= 1
    return j


def _participle_before(tags: list[Tag], j: int) -> bool:
    """Whether the verb at j modifies the noun after it, right after an article: 'a freckled
    teenager', 'the sleeping dog' (an article opens a noun phrase, and no verb follows one)."""
    return tags[j] is Tag.VERB and j > 0 and tags[j - 1] is Tag.DET and tags[j + 1] in {Tag.NOUN, Tag.ADJ}


def _coordinated(tags: list[Tag], lows: list[str], i: int, *, anything: bool = False) -> bool:
    """Whether the noun at i is someone ending a list of noun phrases joined by 'and' that opens
    its sentence ('A girl, a boy and their grandfather'): a plural subject, governed by no
    preposition or verb. An object before the word names a kind ('a hammer and a tape measure'),
    so objects end such a list only when the caller says so (`anything`)."""
    known = vocabulary().things.get(singular(lows[i]))  # listed: not 'a charger' read as someone
    derived = entry(singular(lows[i]))
    if derived is not None and derived.kind is ThingKind.PERSON:
        known = derived  # "a monk and a novice": WordNet's people are someone too
    if anything and derived is not None:
        known = derived
    if tags[i] is not Tag.UNKNOWN and (known is None or not (known.animate or anything)):
        return False
    j = _phrase_start(tags, i)
    if j < 2 or lows[j - 1] != "and" or tags[j - 2] not in {Tag.NOUN, Tag.UNKNOWN}:
        return False
    listed = {Tag.ADJ, Tag.NOUN, Tag.UNKNOWN, Tag.DET, Tag.NUM, Tag.QUANT, Tag.POSS, Tag.COMMA}
    while j > 0 and (tags[j - 1] in listed or lows[j - 1] == "and" or _listed_modifier(tags, lows, j - 1)):
        j -= 1
    return j == 0 or tags[j - 1] in {Tag.END, Tag.ADV} or _fronted_place(tags, lows, j - 1, i)


def _listed_modifier(tags: list[Tag], lows: list[str], k: int) -> bool:
    """Whether the word at k may stand inside one member of a list of subjects, between its noun
    and its modifier: a preposition ('a girl in a red coat and her grandfather walk home') or a
    participle that names or describes ('a girl called Mira and ...', 'a man dressed in black and
    ...'). A finite verb ('feeds', 'is') is no such word: it ends the walk back over the list. A
    preposition right after a sentence's end opens a fronted place, which _fronted_place reads."""
    if tags[k] is Tag.PREP:
        return k > 0 and tags[k - 1] in {Tag.NOUN, Tag.UNKNOWN}
    return tags[k] is Tag.VERB and lows[k].endswith(("ed", "ing")) and k > 0 and tags[k - 1] is Tag.NOUN


def _fronted_place(tags: list[Tag], lows: list[str], j: int, i: int) -> bool:
    """Whether the preposition at j opens its sentence with a place phrase that a comma closes
    before the list ending at i ('In the corner, a girl and a boy wave'): the list after the
    comma is the sentence's subject, as it is with no place phrase before it."""
    if tags[j] is not Tag.PREP or (j > 0 and tags[j - 1] is not Tag.END):
        return False
    comma = next((k for k in range(j + 1, i) if tags[k] is Tag.COMMA), -1)
    return comma > j + 1 and "and" not in lows[j + 1 : comma]


def _after_subject_modifier(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the unlisted -s form at i is the verb of a subject that an adverb or a participle
    (with its particle) comes between: 'a cat lazily naps on a rug', 'a cat curled up naps'."""
    word = lows[i]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if not word.endswith("s") or singular(word) == word or entry(singular(word)) is not None:
        return False
    if after not in _CLOSING_VERB:
        return False
    j = i - 1
    if tags[j] is Tag.PREP and is_class(lows[j], WordClass.PARTICLE):
        j -= 1
    if tags[j] is Tag.VERB and lows[j].endswith(("ed", "en")):
        j -= 1
    while j > 0 and tags[j] is Tag.ADV:
        j -= 1
    if j == i - 1 or tags[j] not in {Tag.NOUN, Tag.UNKNOWN}:
        return False
    return not _after_preposition(tags, j) and not _verb_before(tags, lows, j + 1)


def _adjective_verb(tags: list[Tag], lows: list[str], i: int) -> Tag:
    """A word lemminflect knows as an adjective and a verb (no adverb, in no word class) is the
    bare verb of a plural subject before a place or an object: 'two canvas bags lean against a
    wall' (not 'the trees bare with frost', 'two boats close to the shore')."""
    word = lows[i]
    if tags[i] is not Tag.ADJ or i == 0 or i + 1 >= len(tags) or classes_of(word):
        return tags[i]
    pos = parts_of_speech(word)
    if "VERB" not in pos or "ADV" in pos or word.endswith(("ed", "ing", "s")):
        return tags[i]
    if tags[i - 1] not in {Tag.NOUN, Tag.PRON, Tag.UNKNOWN}:
        return tags[i]
    if tags[i + 1] not in _CLOSING_VERB and not _plural_object(tags, lows, i + 1):
        return tags[i]
    if lows[i + 1] in {"of", "with"} or _after_preposition(tags, i - 1) or _verb_before(tags, lows, i):
        return tags[i]
    return Tag.VERB if _plural_subject(tags, lows, i) else tags[i]


def _plural_object(tags: list[Tag], lows: list[str], k: int) -> bool:
    """Whether the word at k is a bare plural noun that ends its phrase ('two line cooks flip
    pancakes on a griddle'): after a plural subject, a word before such an object is its verb,
    since no plural noun runs straight into a modifier of another noun."""
    if k >= len(tags) or tags[k] is not Tag.NOUN or singular(lows[k]) == lows[k]:
        return False
    return _object_ends(tags, lows, k + 1)


def _modifier(tags: list[Tag], lows: list[str], i: int) -> Tag:
    """A word that is also an adjective (words.tsv) before the noun it describes: 'a full moon',
    'a giant mushroom' (not 'full of apples', 'a giant stomps')."""
    tag, after = tags[i], tags[i + 1]
    if tag not in {Tag.AUX, Tag.NOUN} or after not in {Tag.ADJ, Tag.NOUN}:
        return tag
    if tag is Tag.NOUN and not is_class(lows[i], WordClass.BIG):
        return tag
    if tag is Tag.AUX and not is_class(lows[i], WordClass.ADJECTIVE):
        return tag
    return Tag.ADJ


def _participle_modifier(tags: list[Tag], lows: list[str], i: int) -> Tag:
    """A past participle between a determiner or preposition and the words of a noun is an
    adjective: 'with faded gold letters', 'the carved door', 'two chipped cups', and so is one
    right after an -ing verb ('wearing dented armor') or a verb in -s that takes an object ('holds
    sliced oranges'; not 'lies folded') (not 'a man fixed bikes': a noun before it makes it the
    verb)."""
    tag = tags[i]
    if tag is not Tag.VERB or i == 0 or i + 1 >= len(tags) or lows[i].endswith(("ing", "s")):
        return tag
    listed = (
        tags[i - 1] is Tag.CONJ and i >= 2 and tags[i - 2] in {Tag.NOUN, Tag.ADJ}
    )  # "cups and chipped plates"
    doer = lows[i - 1]  # "wearing dented armor", "holds sliced oranges" (not "lies folded")
    acted_on = tags[i - 1] is Tag.VERB and (
        doer.endswith("ing") or s_form_verb(doer) and not takes_no_object(doer)
    )
    opens = listed or acted_on or _participle_opener(tags, lows, i)
    described = tags[i + 1] in {Tag.ADJ, Tag.NOUN}
    return Tag.ADJ if opens and described and participle(lows[i]) else tag


def _participle_opener(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether what comes before the participle at `i` opens a noun phrase: a determiner,
    preposition, number or possessive, the start of a list item ('cozy room, cluttered desk'), or
    adjectives and past participles after one ('an overturned potted fern', 'a tall carved door')."""
    j = i - 1
    while j >= 0 and (
        tags[j] is Tag.ADJ or tags[j] is Tag.VERB and lows[j].endswith("ed") and participle(lows[j])
    ):
        j -= 1  # a run of modifiers before the noun: "an overturned potted fern", "a small framed print"
    if j >= 0 and tags[j] in {Tag.DET, Tag.PREP, Tag.NUM, Tag.QUANT, Tag.POSS}:
        return True
    k = i + 1
    while k < len(tags) and tags[k] is Tag.ADJ:
        k += 1
    item = j < 0 or tags[j] in {Tag.COMMA, Tag.END}  # a list item names a noun: not "opened flat on a desk"
    return item and k < len(tags) and tags[k] is Tag.NOUN


def _degree(tags: list[Tag], lows: list[str], i: int) -> Tag:
    """A place adverb that is also a noun ('half') right before a word describing a state says how
    much: 'a jug half full of milk', 'a boat half buried in sand' (no noun 'half')."""
    tag, after = tags[i], tags[i + 1]
    if tag is not Tag.NOUN or not is_class(lows[i], WordClass.PLACE_ADVERB):
        return tag
    state = after in {Tag.ADJ, Tag.AUX} or after is Tag.VERB and participle(lows[i + 1])  # 'half sunk'
    return Tag.ADV if state or _bare_before_place(tags, i) else tag


def _bare_before_place(tags: list[Tag], i: int) -> bool:
    """Whether the place adverb at i stands bare before a preposition, opening a clause or after
    a verb ('and finally, back beside the door, a hamper', 'leans back against the wall'): it only
    tunes the place after it, no noun ('its back', 'a high back' have a word before them)."""
    opened = i == 0 or tags[i - 1] in {Tag.COMMA, Tag.END, Tag.CONJ, Tag.ADV, Tag.VERB}
    return opened and tags[i + 1] is Tag.PREP


def _object_noun(lows: list[str], i: int) -> bool:
    """Whether the word at i is a listed thing that can be a verb's bare object ('rope', 'trees')."""
    return i < len(lows) and not lows[i].endswith(("ing", "ed")) and entry(singular(lows[i])) is not None


def _verb_as_noun(tags: list[Tag], lows: list[str], i: int) -> Tag:
    """A word known only as a verb is a noun when it names a listed thing with the word after it
    ('a swivel chair') or with the word before it ('a cake stand'), or after 'a wooden' (or 'a tomahawk') and before the end of its phrase
    ('next to a wooden tamper.', 'for a tomahawk dunk.'); right after an article and before a
    noun it names the noun's kind ('in a rattan chair')."""
    tag = tags[i]
    opening = i == 0 or tags[i - 1] in {Tag.END, Tag.COMMA}
    named = i + 1 < len(tags) and entry(f"{lows[i]} {singular(lows[i + 1])}") is not None
    if tag is Tag.VERB and opening and named:
        return Tag.NOUN  # "Vending machine glowing by the door.": a bare noun opens the sentence
    if tag is Tag.VERB and i > 0 and _listed_plural_subject(tags, lows, i):
        return Tag.NOUN  # "two music stands lean": a bare verb agrees with the plural compound
    if tag is not Tag.VERB or i < 1 or lows[i].endswith(("ing", "ed", "s")):
        return tag
    if named:
        return Tag.NOUN  # "a swivel chair"
    if tags[i - 1] is Tag.NOUN and entry(f"{lows[i - 1]} {lows[i]}") is not None:
        return Tag.NOUN  # "a cake stand" ("the cakes stand" names no listed thing)
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if lows[i - 1] in {"a", "an", "the"} and after is Tag.NOUN:
        return Tag.ADJ
    ends = {Tag.END, Tag.COMMA, Tag.PREP, Tag.CONJ}
    if lows[i - 1] in {"a", "an", "the"} and after in ends:
        return Tag.NOUN  # "rests on a stand.": a bare verb after an article is a noun
    if after in {Tag.END, Tag.COMMA} and _one_ends_object(tags, lows, i):
        return Tag.NOUN  # "a parrot perched on a brass coat stand.": one subject takes no bare verb
    if i < 2:
        return tag
    after_noun = tags[i - 1] is Tag.NOUN and singular(lows[i - 1]) == lows[i - 1]
    if after_noun and lows[i - 2] in {"a", "an"} and _coordinated(tags, lows, i - 1):
        return tag  # "a monk and a novice pray.": the last of a list of someones takes a bare verb
    if after_noun and lows[i - 2] in {"a", "an"} and _listed_things_act(tags, lows, i):
        return tag  # "a kettle and a teapot sit.": a word known only as a verb after a list of things
    if after_noun and lows[i - 2] in {"a", "an"} and not participle(lows[i]):
        j = i - 2  # "a tomahawk dunk": a singular noun after 'a' is no subject of a bare verb
        ends = {Tag.END, Tag.COMMA}
        if after is Tag.PREP and one_headed(tags, lows, i - 1):
            return Tag.NOUN  # "a soup stand with a pot": one would 'stand*s*'
    elif tags[i - 1] is Tag.NOUN and one_headed(tags, lows, i - 1) and bare_verb(lows[i]):
        return Tag.NOUN if after in {Tag.PREP, Tag.END, Tag.COMMA} else tag  # "a stinky soup stand with"
    elif tags[i - 1] is Tag.ADJ:
        j = i - 1
        while j > 0 and tags[j] is Tag.ADJ:
            j -= 1
    else:
        return tag
    if tags[j] is Tag.DET and after is Tag.VERB and lows[j] in {"a", "an"} and _singular_verb_next(lows, i):
        return Tag.NOUN  # "a copper tamper resting on a napkin", "a brass stand sits": no bare verb
    return Tag.NOUN if tags[j] is Tag.DET and after in ends else tag  # not "a man and a woman sit on"


def _listed_things_act(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the word at i, known only as a verb ('sit', 'hang', 'remain'), follows a list of
    things joined by 'and' that opens its sentence ('a kettle and a teapot sit.'): the list is a
    plural subject, and a word that is never a noun heads no compound with the last thing."""
    return parts_of_speech(lows[i]) == {"VERB"} and _coordinated(tags, lows, i - 1, anything=True)


def _worn_plural(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether a listed plural in -s closing its clause ends what is worn or held: right after a
    bare singular noun that follows 'wearing' / 'holding' ('a pony wearing jingle bells.', 'a
    boy holding paper cups,'), so it is that noun's head, not a verb."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if (
        i < 2
        or tags[i] is not Tag.VERB
        or after not in {Tag.END, Tag.COMMA, Tag.CONJ}
        or tags[i - 1] is not Tag.NOUN
    ):
        return False
    plural = lows[i].endswith("s") and singular(lows[i]) != lows[i] and entry(singular(lows[i])) is not None
    held = lows[i - 2].endswith("ing") and is_class(lows[i - 2], WordClass.ATTACH_VERB)
    return plural and held and singular(lows[i - 1]) == lows[i - 1]


def _one_ends_object(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the bare verb form at i, a listed thing too ('stand'), ends a preposition's object
    after a singular noun, in a clause whose only other nouns are singular with no 'and' ('a
    parrot perched on a brass coat stand'), no 'a cup and a spoon': no subject there takes a bare
    verb, so it is a noun."""
    if entry(lows[i]) is None or tags[i - 1] is not Tag.NOUN or singular(lows[i - 1]) != lows[i - 1]:
        return False
    if not _after_preposition(tags, i - 1):
        return False
    for j in range(i - 1, -1, -1):
        if tags[j] in {Tag.END, Tag.COMMA}:
            break
        joined = tags[j] is Tag.CONJ and j > 0 and tags[j - 1] in {Tag.NOUN, Tag.UNKNOWN}  # "a cup and a"
        if joined or tags[j] in {Tag.NUM, Tag.QUANT} or tags[j] is Tag.NOUN and singular(lows[j]) != lows[j]:
            return False
    return True


def _trailing_participle(lows: list[str], i: int) -> bool:
    """Whether a participle ('resting', 'tucked') follows the word at i."""
    return i + 1 < len(lows) and lows[i + 1].endswith(("ing", "ed"))


def _listed_plural_subject(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the verb form in -s at i makes a listed thing's plural with the noun before it and
    runs into a bare verb ('two music stands lean', 'cake stands line the counter'): a verb in -s
    takes no bare verb after it, so the pair is the plural subject of that verb."""
    word = lows[i]
    if not word.endswith("s") or tags[i - 1] is not Tag.NOUN or i + 1 >= len(lows):
        return False
    if entry(f"{lows[i - 1]} {singular(word)}") is None or singular(word) == word:
        return False
    after = lows[i + 1]
    return tags[i + 1] is Tag.VERB and bare_verb(after) and not after.endswith("s")


def _singular_verb_next(lows: list[str], i: int) -> bool:
    """Whether a participle ('resting', 'tucked') or a verb in -s ('sits', 'holds') follows the
    word at i: after 'a' and its modifiers the word heads a singular subject, which takes either
    but never a bare verb, so the bare form at i is the subject's noun ('a brass stand sits')."""
    return _trailing_participle(lows, i) or i + 1 < len(lows) and s_form_verb(lows[i + 1])


def _adjunct(tags: list[Tag], lows: list[str], i: int) -> Tag:
    """A bare verb form between a modifier and a thing noun, after 'a' or a material, names a
    kind of that thing: 'a canvas tote bag', 'the leather tote bag' (a singular subject would
    need 'totes'; 'two girls jump rope' has no article)."""
    tag = tags[i]
    if tag is not Tag.VERB or i < 2 or i + 1 >= len(tags) or lows[i].endswith(("ing", "ed", "s")):
        return tag
    if (
        tags[i - 1] not in {Tag.NOUN, Tag.ADJ}
        or tags[i + 1] is not Tag.NOUN
        or entry(singular(lows[i + 1])) is None
    ):
        return tag
    j = i - 1
    while j > 0 and tags[j - 1] in {Tag.NOUN, Tag.ADJ}:
        j -= 1
    material = is_class(lows[i - 1], WordClass.MATERIAL)
    return (
        Tag.NOUN
        if material or j >= 1 and (lows[j - 1] in {"a", "an"} or _bare_object(tags, lows, i, j))
        else tag
    )


def _bare_object(tags: list[Tag], lows: list[str], i: int, j: int) -> bool:
    """Whether the run from j to the bare verb form at i is a preposition's object with no article
    whose last noun is singular ('with energy drink cans', 'of apple juice boxes'): a singular
    subject would need 'drinks', so the word names the kind of the noun after it."""
    previous = lows[i - 1]
    singular_noun = tags[i - 1] is Tag.NOUN and singular(previous) == previous != plural_of(previous)
    return tags[j - 1] is Tag.PREP and singular_noun


def _after_preposition(tags: list[Tag], i: int) -> bool:
    """Whether the run of modifiers ending at i is governed by a preposition ('under the apple',
    'with two fried'): a noun after it ends that object, it is not the verb of a clause."""
    return _governing(tags, i) >= 0


def _governing(tags: list[Tag], i: int) -> int:
    """The preposition governing the run of modifiers ending at i, or -1 for none."""
    j = i
    while j >= 0 and tags[j] in {Tag.ADJ, Tag.NOUN, Tag.UNKNOWN}:
        j -= 1
    while j >= 0 and tags[j] in {Tag.DET, Tag.NUM, Tag.QUANT}:
        j -= 1
    return j if j >= 0 and j < i and tags[j] is Tag.PREP else -1


def _governed(tags: list[Tag], lows: list[str], i: int) -> Tag | None:
    """The tag of a noun-or-verb word ending a preposition's object ('under the apple | trees'):
    a noun when the clause has its verb or the object is counted ('is parked under the apple
    trees', 'with two fried eggs'); a verb when a plural form closes the clause ('a crow perched
    on the garden gate watches, ...'); None when the object is not governed."""
    if not _after_preposition(tags, i - 1):
        return None
    word = lows[i]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    objectless = after not in {Tag.DET, Tag.PRON, Tag.NUM}
    counted = _counted(tags, lows, i - 1) or tags[i - 1] is Tag.NUM
    if entry(singular(word)) and objectless and (_verb_before(tags, lows, i) or counted):
        return tags[i]
    if entry(singular(word)) and singular(word) != word and objectless and _bare_object_run(tags, i - 1):
        return Tag.NOUN  # "yaks with flower garlands on their horns": no bare singular is a subject
    if objectless and _plural_of_object(tags, lows, i):
        return Tag.NOUN  # "a pinch of saffron threads.", "rows of violin necks hanging from a rail"
    if word.endswith("s") and singular(word) != word and after in {Tag.COMMA, Tag.END}:
        return Tag.VERB
    return None


def _plural_of_object(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the plural at i, a noun form too, ends an 'of' object after a singular noun naming
    its kind and closes the clause or runs into a participle ('a pinch of saffron threads.', 'rows
    of violin necks hanging'): no verb closes a clause right after an 'of' phrase there."""
    word, j = lows[i], _governing(tags, i - 1)
    if j < 1 or lows[j] != "of" or tags[j - 1] is not Tag.NOUN or tags[i - 1] is not Tag.NOUN:
        return False
    previous, after = lows[i - 1], tags[i + 1] if i + 1 < len(tags) else Tag.END
    kind = singular(previous) == previous != plural_of(previous)  # not "a herd of impala bolts"
    if not kind or after in {Tag.PREP, Tag.ADV}:
        return False  # "the king of the underworld watches from his chariot"
    return singular(word) != word and "NOUN" in parts_of_speech(singular(word))


def _bare_object_run(tags: list[Tag], i: int) -> bool:
    """Whether the nouns and modifiers ending at i follow their preposition with no article or
    count ('with flower', 'of paper'): a bare singular there is a kind word, never a subject."""
    j = i
    while j >= 0 and tags[j] in {Tag.ADJ, Tag.NOUN, Tag.UNKNOWN}:
        j -= 1
    return 0 <= j < i + 1 and j < i and tags[j] is Tag.PREP and tags[i] is Tag.NOUN


_CLAUSE_OPENERS = frozenset({"while", "whereas", "as", "but", "and"})  # conjunctions opening a clause


def _after_parenthesis(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the -s word at i, after a comma, is the verb of a sentence whose subject came
    before a parenthesis ('The captain, a lanky man, studies a chart'): the sentence has a noun
    and no verb yet, and the word takes an object (or is unlisted and followed by a place)."""
    word = lows[i]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if not word.endswith("s") or singular(word) == word or after is Tag.PREP and lows[i + 1] == "of":
        return False
    listed = entry(singular(word)) is not None
    bare_object = after is Tag.NOUN and _object_noun(lows, i + 1)  # "..., feeds pigeons"
    if not (after is Tag.DET or not listed and (after in {Tag.PREP, Tag.ADV} or bare_object)):
        return False
    nouns = 0
    for j in range(i - 1, -1, -1):
        if tags[j] is Tag.END or tags[j] is Tag.CONJ and lows[j] in _CLAUSE_OPENERS:
            break  # "... while his clerk, a pale man, records the sum": a clause of its own
        if tags[j] in {Tag.BE, Tag.AUX} or tags[j] is Tag.VERB and not lows[j].endswith(("ed", "ing", "en")):
            return False
        nouns += tags[j] is Tag.NOUN
    return nouns > 0


def _verb_before(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the clause has its verb before i (so a later noun is not the clause's verb)."""
    for j in range(i - 1, -1, -1):
        if tags[j] in {Tag.END, Tag.COMMA, Tag.CONJ}:
            return False
        if tags[j] in {Tag.BE, Tag.AUX}:
            return True
        if tags[j] is Tag.VERB and not lows[j].endswith(("ed", "ing", "en")):
            return True  # a finite verb; not "a crow perched on the gate | watches"
    return False


def _one_of(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the plural noun at i follows 'a' or 'an': a modifier ('a crowded farmers market'),
    not a subject."""
    j = i - 1
    while j >= 0 and tags[j] is Tag.ADJ:
        j -= 1
    return j >= 0 and lows[j] in {"a", "an"}


def _counted_kind(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the plural of a listed thing at i follows a singular noun counted above one ('four
    merchant ships', 'two bread knives'): the count is the plural's, the noun before names its kind."""
    word, previous = lows[i], lows[i - 1]
    if not word.endswith("s") or singular(word) == word:
        return False
    listed = entry(singular(word)) is not None or "NOUN" in parts_of_speech(singular(word))  # "board games"
    invariant = plural_of(previous) == previous and entry(previous) is not None  # "two sheep graze"
    kind = singular(previous) == previous and not invariant  # "three chess pawns": an unlisted mass noun
    return listed and kind and _counted(tags, lows, i - 1, participles=True)


def _counted(tags: list[Tag], lows: list[str], i: int, *, participles: bool = False) -> bool:
    """Whether the noun at i is counted above one ('two white sheep', 'several deer'): plural
    even when its form is not. With `participles`, a participle not yet retagged may stand
    among the modifiers ('two floating ration packs') but no plural ('two cooks grill')."""
    j = i - 1
    while j >= 0 and (
        tags[j] in {Tag.ADJ, Tag.NOUN, Tag.UNKNOWN}
        or participles
        and tags[j] is Tag.VERB
        and lows[j].endswith(("ing", "ed"))
    ):
        if participles and tags[j] is Tag.NOUN and singular(lows[j]) != lows[j]:
            return False
        j -= 1
    if j < 0:
        return False
    if tags[j] is Tag.QUANT:
        return True
    value = lows[j] if lows[j].isdigit() else value_of(lows[j], WordClass.NUMBER)
    return tags[j] is Tag.NUM and value is not None and int(value) > 1


def side_by_side(lows: list[str], i: int) -> bool:
    """Whether the words from i are an idiom of things next to each other ('side by side', 'back to
    back', 'shoulder to shoulder': words.tsv), or any word twice around 'to' ('gunwale to gunwale',
    'nose to nose')."""
    if is_class(" ".join(lows[i : i + 3]), WordClass.SIDE_BY_SIDE):
        return True
    twice = i + 2 < len(lows) and lows[i + 1] == "to" and lows[i] == lows[i + 2]
    return twice and lows[i].isalpha() and singular(lows[i]) == lows[i]


def _side_by_side(tags: list[Tag], lows: list[str]) -> list[Tag]:
    """Tags with the words of a side-by-side idiom read as adverbs ('soldiers march shoulder to
    shoulder': no noun 'march shoulder', no place 'back')."""
    for i in range(len(lows) - 2):
        if side_by_side(lows, i):
            tags[i : i + 3] = [Tag.ADV] * 3
    return tags


def _glowing_colour(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the colour at i ends a participle after a noun ('a lamp glowing orange, ...'):
    the colour the thing glows or turns, not the head of a new noun ('glowing orange letters'); an
    adjective that opens a place ('lanterns glowing orange next to the door') ends it too."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    place = after is Tag.ADJ and i + 2 < len(tags) and tags[i + 2] is Tag.PREP  # "next to", "close to"
    return (
        tags[i] is Tag.NOUN
        and is_class(lows[i], WordClass.COLOUR)
        and tags[i - 1] is Tag.ADJ
        and lows[i - 1].endswith("ing")
        and tags[i - 2] is Tag.NOUN
        and (after in {Tag.COMMA, Tag.END, Tag.CONJ, Tag.PREP, Tag.VERB} or place)
    )


def _noun_helper(tags: list[Tag], lows: list[str], i: int) -> bool:
    """A helper verb that is also a listed thing ('can') after an article or a modifier, or after
    an '-ing' word that follows one or a material ('a watering can', 'a tin watering can'), or naming a listed thing with the noun
    before it ('a trash can stands', not 'the trash can be sorted'): the thing. ('1girl, holding
    watering can' is read by _bare_listed_ing_kind.)"""
    if tags[i] is not Tag.AUX or entry(lows[i]) is None or i == 0:
        return False
    bare_verb = i + 1 < len(lows) and tags[i + 1] is Tag.VERB and not lows[i + 1].endswith("s")
    bare_verb = bare_verb or i + 1 < len(lows) and tags[i + 1] in {Tag.BE, Tag.NEG}
    if tags[i - 1] is Tag.NOUN and entry(f"{lows[i - 1]} {lows[i]}") is not None:
        return not bare_verb  # "a trash can", "the garbage can by the door"
    if tags[i - 1] in {Tag.NOUN, Tag.VERB} and _closes_counted_phrase(tags, lows, i):
        return True  # "beside a dented coffee can.", "an energy drink can and": no verb after it
    j = i - 1 if i > 1 and tags[i - 1] is Tag.VERB and lows[i - 1].endswith("ing") else i
    made_of = tags[j - 1] is Tag.NOUN and is_class(lows[j - 1], WordClass.MATERIAL)  # "a tin watering can"
    return (
        (tags[j - 1] in {Tag.DET, Tag.ADJ, Tag.NUM} or made_of)
        and lows[j - 1] not in {"that", "this"}
        and not bare_verb
    )


def _closes_counted_phrase(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the word at i ends a noun phrase that an article or a count opens, with nothing
    after it that a helper verb could govern (an end, a comma, a preposition, 'and'): 'a dented
    coffee can.', 'two paint cans by the door'. A helper verb ('can') always has a verb after it,
    so in that place it is the last noun of the phrase."""
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if after not in {Tag.END, Tag.COMMA, Tag.PREP, Tag.CONJ}:
        return False
    j = i - 1
    while j > 0 and (tags[j - 1] in {Tag.ADJ, Tag.NOUN} or lows[j - 1].endswith(("ed", "ing"))):
        j -= 1  # "a dented coffee can": a participle not yet retagged from its verb form
    return (
        j > 0 and tags[j - 1] in {Tag.DET, Tag.NUM} and lows[j - 1] not in {"that", "this", "what", "which"}
    )


def _acronym(texts: list[str], i: int, tag: Tag) -> Tag:
    """'a giant LED screen', 'a RAM stick': a word in capitals (two letters or more) before another
    word, in text that is not all capitals, is a name for a kind of thing, never a verb ('led')."""
    word = texts[i]
    capitals = len(word) > 1 and word.isalpha() and word.isupper()
    last = i + 1 >= len(texts) or not texts[i + 1][:1].isalpha()
    if tag is not Tag.VERB or not capitals or last:
        return tag  # before the count over the whole text, which long prompts make slow
    shouting = sum(t.isupper() for t in texts) * 2 > len(texts)
    return tag if shouting else Tag.NOUN


def _in_name(texts: list[str], tags: list[Tag], i: int) -> bool:
    """Whether a capitalised verb or adjective form goes on a name inside a sentence ('Admiral
    Jonas Crane', 'Mrs Rose Falls', 'the edge of Bramble Wood'): a name's words are nouns. Not in text written mostly in capitals."""
    word, previous = texts[i], texts[i - 1] if i else ""
    titled = word[:1].isupper() and word[1:].islower() and previous[:1].isupper() and previous[1:].islower()
    inside = i > 1 and tags[i - 2] is not Tag.END
    if not (tags[i] in {Tag.VERB, Tag.ADJ} and titled and inside and tags[i - 1] in {Tag.NOUN, Tag.UNKNOWN}):
        return False
    return sum(t[:1].isupper() for t in texts) * 3 <= len(texts)  # not mostly capitals


def _kind_acronym(texts: list[str], i: int, tag: Tag) -> Tag:
    """A word in capitals right before a word in lower case stays a noun, whatever its neighbours
    made of it ('two giant LED screens'); a run of capitals is a slogan ('FLY THE BLUE LINE')."""
    lower_next = i + 1 < len(texts) and texts[i + 1].islower()
    return _acronym(texts, i, tag) if lower_next else tag


def _after_acronym(texts: list[str], tags: list[Tag], i: int) -> bool:
    """Whether the plural noun form at i follows an unlisted word in capitals ('a row of LED
    panels.', 'USB cables'): the capitals name the kind of the thing, so the plural is its head,
    not a verb ('the TV flickers': a listed thing may act)."""
    word, low = texts[i], texts[i].lower()
    if i == 0 or tags[i] is not Tag.VERB or not _capitals(texts[i - 1]) or len(texts[i - 1]) < 2:
        return False
    plural = word.islower() and low.endswith("s") and singular(low) != low
    return plural and "NOUN" in parts_of_speech(singular(low)) and entry(texts[i - 1].lower()) is None


def _capitals(word: str) -> bool:
    return word.isalpha() and word.isupper()


def _slogan(texts: list[str], tags: list[Tag]) -> list[Tag]:
    """A run of two or more words in capitals between an article, 'his' or ''s' and a lower-case
    noun is a slogan printed on the thing: 'a KISS THE COOK apron', 'an I LOVE NY mug'. Its words
    (even 'THE') describe the noun, so they are tagged as modifiers."""
    tags = list(tags)
    i = 1
    while i < len(texts):
        j = i
        while j < len(texts) and _capitals(texts[j]):
            j += 1
        opens = tags[i - 1] in {Tag.DET, Tag.POSS} and not _capitals(texts[i - 1])
        closes = j < len(texts) and texts[j][:1].islower() and tags[j] is Tag.NOUN
        if j - i >= 2 and opens and closes and any(len(t) > 1 for t in texts[i:j]):
            tags[i:j] = [Tag.ADJ] * (j - i)
        i = max(j, i + 1)
    return tags


def _next_door(tags: list[Tag], lows: list[str]) -> list[Tag]:
    """Tags with 'next door' read as an adverb when 'to' does not follow it ('the bakery next door',
    'the boy who lives next door'): no door there; 'next door to the inn' is left to the places."""
    for i in range(len(lows) - 1):
        if lows[i] == "next" and lows[i + 1] in {"door", "doors"} and lows[i + 2 : i + 3] != ["to"]:
            tags[i : i + 2] = [Tag.ADV] * 2
    return tags


NUMBERED = frozenset(
    "number platform gate route track pier berth dock lane bay room locker aisle booth court pump highway exit".split()
)  # digits right after these name one of them ('at platform 4', 'into bay 7'), they count nothing


def _identifier(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the digits at i name one thing of the noun before them ('a red number 9 jersey',
    'the number 23', 'at platform 4', 'into bay 7'): part of its name, not a count of what follows
    ('at platform 4 hisses' is no four hisses). After a numbered word with an article ('the
    room 3 children share') the digits may still count, so only 'number' reads through one."""
    if tags[i] is not Tag.NUM or not lows[i].isdigit() or i == 0:
        return False
    word = lows[i - 1]
    if word not in NUMBERED:
        return False
    return word == "number" or i < 2 or tags[i - 2] is not Tag.DET


def _describing_one(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the number word at i is an adjective after an article ('a lone rowboat', 'the
    solitary heron'): the article counts one, the word says what the thing is like."""
    article_before = i > 0 and lows[i - 1] in {"a", "an", "the"}
    return tags[i] is Tag.NUM and article_before and is_class(lows[i], WordClass.ADJECTIVE)


def _possessor_noun(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the adjective form at i, right before "'s", is the owner's noun ("a station
    master's whistle", "the harbour master's cap"): only a noun takes the possessive."""
    return (
        tags[i] is Tag.ADJ
        and i + 1 < len(tags)
        and tags[i + 1] is Tag.POSS
        and "NOUN" in parts_of_speech(lows[i])
    )


def _closing_noun(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the adjective form at i, right after a noun and closing the phrase ('a women's beach
    volleyball final.', 'the diner's lunch special,', 'a ferry terminal at dawn'), is the head
    noun: an adjective stands after a noun only after a verb, a comma or 'be', so a word that is
    also a noun is the head (unless it is also an adverb: 'gulls overhead')."""
    closing = i + 1 == len(tags) or tags[i + 1] in {Tag.END, Tag.COMMA, Tag.PREP}
    return (
        closing
        and tags[i] is Tag.ADJ
        and i > 0
        and tags[i - 1] is Tag.NOUN
        and not classes_of(lows[i])
        and parts_of_speech(lows[i]) == {"NOUN", "ADJ"}  # not 'seagulls overhead,': an adverb there
    )


def tokenize(text: str) -> tuple[Token, ...]:
    """Tagged tokens of `text`, each with its sentence number."""
    texts = _words(text)
    lows = [t.lower() for t in texts]
    tags = _next_door(_side_by_side([_word_tag(low) for low in lows], lows), lows)
    tags = _slogan(texts, [_acronym(texts, i, tag) for i, tag in enumerate(tags)])
    tags = [Tag.UNKNOWN if _given_name(texts, lows, i) else tag for i, tag in enumerate(tags)]
    tags = [Tag.ADJ if _describing_one(tags, lows, i) else tag for i, tag in enumerate(tags)]
    tags = [Tag.VERB if _having(tags, lows, i) else tag for i, tag in enumerate(tags)]
    tags = [Tag.NOUN if _identifier(tags, lows, i) else tag for i, tag in enumerate(tags)]
    for i in range(len(tags)):  # left to right: each decision sees the ones before it
        if i + 1 < len(tags) and (_ing_kind(tags, lows, i) or _bare_listed_ing_kind(tags, lows, i)):
            tags[i] = Tag.ADJ  # "a torn fishing net", "three glass fishing floats"
            tags[i + 1] = Tag.NOUN if tags[i + 1] is Tag.VERB else tags[i + 1]
        elif tags[i] is Tag.VERB:
            tags[i] = _verb_as_noun(tags, lows, i)
            tags[i] = _adjunct(tags, lows, i)
        elif _noun_helper(tags, lows, i):
            tags[i] = Tag.NOUN  # "a watering can", "an old tin can"
            tags[i - 1] = Tag.ADJ if tags[i - 1] is Tag.VERB else tags[i - 1]
        else:
            tags[i] = _adjective_verb(tags, lows, i)
            tags[i] = _in_context(tags, lows, i)
            tags[i] = Tag.NOUN if _listed_compound_head(tags, lows, i) else tags[i]
        _plural_noun_then_verb(tags, lows, i)
        _plural_subject_then_verb(tags, lows, i)
        _many_placed_act(tags, lows, i)
        _one_subject_then_verb(tags, lows, i)
        _one_subject_verb_place(tags, lows, i)
        _one_subject_past_place(tags, lows, i)
        _adverb_place_then_verb(tags, lows, i)
        _appositive_then_verb(tags, lows, i)
    tags = [Tag.VERB if _past_act(tags, lows, i) else tag for i, tag in enumerate(tags)]
    tags = [Tag.ADJ if _had_participle(tags, lows, i) else tag for i, tag in enumerate(tags)]
    tags = [_kind_acronym(texts, i, tag) for i, tag in enumerate(tags)]  # "two giant LED screens"
    tags = [
        Tag.NOUN
        if _after_acronym(texts, tags, i) or _in_name(texts, tags, i) or _worn_plural(tags, lows, i)
        else tag
        for i, tag in enumerate(tags)
    ]
    for i in range(len(tags) - 2, -1, -1):  # right to left: "giant full moon"
        tags[i] = _participle_modifier(tags, lows, i) if tags[i] is Tag.VERB else _modifier(tags, lows, i)
        tags[i] = _degree(tags, lows, i)
    for i in range(len(tags) - 2):
        run = _big_modifier_run(tags, lows, i)
        if run:
            tags[i : i + run + 1] = [Tag.ADJ] * (run + 1)
    for i in range(1, len(tags) - 2):
        if _noun_participle_compound(tags, lows, i):
            tags[i : i + 2] = [Tag.ADJ] * 2
    tags = [Tag.ADJ if _preposition_modifier(tags, lows, i) else tag for i, tag in enumerate(tags)]
    for i in range(2, len(tags)):
        if _glowing_colour(tags, lows, i):
            tags[i - 1], tags[i] = Tag.VERB, Tag.ADJ
        tags[i - 1] = Tag.NOUN if _station(tags, lows, i - 1) else tags[i - 1]
        tags[i - 1] = Tag.ADJ if _colour_source(tags, lows, i - 1) else tags[i - 1]
    tags = [Tag.VERB if _absolute_participle(tags, lows, i) else tag for i, tag in enumerate(tags)]
    tags = [
        Tag.NOUN if _possessor_noun(tags, lows, i) or _closing_noun(tags, lows, i) else tag
        for i, tag in enumerate(tags)
    ]
    tags = [Tag.NOUN if _one_compound_head(tags, lows, i) else tag for i, tag in enumerate(tags)]
    tags = [Tag.VERB if _bare_infinitive(tags, lows, i) else tag for i, tag in enumerate(tags)]
    tags = [Tag.VERB if _acts_on_pronoun(tags, lows, i) else tag for i, tag in enumerate(tags)]
    tags = [Tag.ADJ if quoted(low) else tag for low, tag in zip(lows, tags, strict=True)]
    kept = [i for i in range(len(tags)) if not _intensive(tags, lows, i)]
    return _numbered([texts[i] for i in kept], [lows[i] for i in kept], [tags[i] for i in kept])


_INTENSIVES = REFLEXIVE | {"itself"}


def _acts_on_pronoun(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the noun form at i is a verb because an object pronoun follows it ('an old man
    watches them pass', 'the gulls follow us'): a noun is never followed straight by 'him' or
    'them', a verb often is."""
    if tags[i] is not Tag.NOUN or i + 1 >= len(lows) or lows[i + 1] not in {"him", "them", "me", "us"}:
        return False  # not 'her', also a possessive; not 'it', which may open a clause
    return "VERB" in parts_of_speech(lows[i])


def _intensive(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the reflexive pronoun at i only stresses the noun right before it ('on the counter
    itself sit a carafe and a jug', 'the badger himself stands beside him', 'Mabel herself waves'):
    it names nothing and is dropped, so the noun meets its verb or relation as it would without it.
    After a verb or a preposition it is an object ('a cat washing itself', 'proud of herself'); before
    a comma it stays, as the appositive readers take it to say who is meant ('Grandpa himself, an
    old farmer in overalls, ...')."""
    stressed = i > 0 and tags[i - 1] in {Tag.NOUN, Tag.UNKNOWN}
    return lows[i] in _INTENSIVES and stressed and (i + 1 == len(tags) or tags[i + 1] is not Tag.COMMA)


def _given_name(texts: list[str], lows: list[str], i: int) -> bool:
    """Whether the capitalised word at i is (part of) a name given by 'named' / 'called' after a
    noun ('a hedgehog named Pip sets out', 'a mule called Big Sal'): a name, as an unknown word is,
    not the verb or noun it also spells ('pip', 'sal')."""
    start = i
    while start > 0 and i - start < 3 and texts[start][:1].isupper() and texts[start].isalpha():
        start -= 1
    return (
        start < i
        and start > 0
        and texts[i][:1].isupper()
        and texts[i].isalpha()
        and is_class(lows[start], WordClass.NAMING_VERB)
        and texts[start - 1].isalpha()
        and texts[start - 1].islower()
    )


def _having(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether a helper verb that is also a verb of having ('has': words.tsv lists it both ways)
    is the clause's main verb: right after 'he' / 'she' / 'it' or a noun and before a noun phrase
    ('she has a pair of spectacles perched on her nose', 'the goat has a bell'), not before a
    participle ('he has dropped a sock'), so what is had is the subject's as what it holds is."""
    if tags[i] is not Tag.AUX or not is_class(lows[i], WordClass.ATTACH_VERB) or i == 0 or i + 1 >= len(tags):
        return False
    return tags[i - 1] in {Tag.PRON, Tag.NOUN} and tags[i + 1] in {Tag.DET, Tag.NUM, Tag.ADJ, Tag.NOUN}


def _listed_compound_head(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether an adjective ends a listed compound with the noun before it and its noun phrase
    ('a traffic light blinks', 'the porch light glows', 'a ceiling light over the bed'): the pair
    names one thing, so the word is its head noun, and a verb after it agrees with that one."""
    if i < 1 or tags[i] is not Tag.ADJ or tags[i - 1] is not Tag.NOUN:
        return False
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    acts = after is Tag.NOUN and s_form_verb(nxt) and entry(singular(nxt)) is None  # "blinks", not "poles"
    ends = acts or after not in {Tag.ADJ, Tag.NOUN, Tag.UNKNOWN}
    return ends and entry(f"{lows[i - 1]} {lows[i]}") is not None


def _numbered(texts: list[str], lows: list[str], tags: list[Tag]) -> tuple[Token, ...]:
    """The tokens of tagged words, each with its sentence number; a common word whose capital
    only opens its sentence is written in lower case ('Vending machine glows'), a name is not."""
    tokens: list[Token] = []
    sentence = 0
    for i, (text_, low, tag) in enumerate(zip(texts, lows, tags, strict=True)):
        opening = not tokens or tokens[-1].tag is Tag.END
        tokens.append(
            Token(low if opening and _common_capital(texts, tags, i) else text_, low, tag, sentence)
        )
        if tag is Tag.END:
            sentence += 1
    return tuple(tokens)


def _big_modifier_run(tags: list[Tag], lows: list[str], i: int) -> int:
    """How many modifiers follow a size word that is also a noun ('giant') before the noun they
    describe, when they are a past participle or words of no known tag ('a giant cracked
    terracotta pot', 'giant boxy robot', '1 giant white-and-blue mech'): the size word describes
    that noun too, so it and the participles are modifiers; 0 when no noun closes the run ('the
    giant smiled at the goblin', 'a giant stomps')."""
    if tags[i] is not Tag.NOUN or not is_class(lows[i], WordClass.BIG):
        return 0
    j = i + 1
    while j < len(tags) and (
        tags[j] in {Tag.ADJ, Tag.UNKNOWN}
        or tags[j] is Tag.VERB
        and lows[j].endswith("ed")
        and participle(lows[j])
    ):
        j += 1
    moved = any(tags[k] is not Tag.ADJ for k in range(i + 1, j))
    return j - i - 1 if moved and j < len(tags) and tags[j] is Tag.NOUN else 0


def _past_act(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether a word in -ed read as an adjective ('scattered', 'tangled') is the past verb of
    someone named right before it with 'a' or 'the' ('the farmer scattered corn for the hens', 'a
    girl scattered seeds'): a person or animal word makes no compound with a participle, so before
    an object the word is what that one did."""
    word = lows[i]
    if tags[i] is not Tag.ADJ or i < 2 or i + 1 >= len(tags) or not word.endswith("ed"):
        return False
    if "VERB" not in parts_of_speech(word) or classes_of(word) or tags[i + 1] not in {Tag.NOUN, Tag.DET}:
        return False
    known = entry(lows[i - 1])
    if tags[i - 1] is not Tag.NOUN or known is None or not known.animate:
        return False
    return lows[i - 2] in {"a", "an", "the"} and (i < 3 or tags[i - 3] in {Tag.END, Tag.COMMA, Tag.CONJ})


_HAVE_FORMS = frozenset("has have had having".split())


def _had_participle(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether an -ing word right after a form of 'have' describes the noun after it ('a bench that
    has peeling green paint', 'horses that have flowing manes'): 'have' never makes a verb group
    with an -ing word ('has been peeling' goes through 'been'), so the word is the noun's adjective
    and what is had is that noun phrase, the subject's as any thing it has."""
    if tags[i] is not Tag.VERB or not lows[i].endswith("ing") or i == 0 or i + 1 >= len(tags):
        return False
    return lows[i - 1] in _HAVE_FORMS and tags[i + 1] in {Tag.ADJ, Tag.NOUN}


def _ing_kind(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the -ing word at i names the kind of the noun after it ('a torn fishing net', 'three
    glass fishing floats', 'two crumpled sleeping bags'): it comes between a modifier (an
    adjective, a past participle or a material) and a noun, in a phrase an article, a count or a
    possessive opens, so it is no act of a noun before it ('a boy carrying bags')."""
    if tags[i] is not Tag.VERB or not lows[i].endswith("ing") or i < 2:
        return False
    after, kind = lows[i + 1], f"{lows[i]} {singular(lows[i + 1])}"
    if tags[i + 1] is not Tag.NOUN and entry(kind) is None:
        return False  # "floats" is a verb unless "fishing float" is a listed thing
    previous = lows[i - 1]
    modifier = (
        tags[i - 1] is Tag.ADJ
        or tags[i - 1] is Tag.VERB
        and participle(previous)
        or is_class(previous, WordClass.MATERIAL)
        or tags[i - 1] is Tag.NOUN
        and entry(kind) is not None  # "five cork fishing floats": a listed kind
    )
    opener = tags[i - 2] in {Tag.DET, Tag.NUM, Tag.POSS, Tag.QUANT} or lows[i - 2] in _OWNERS
    return modifier and opener and after.isalpha()


def _bare_listed_ing_kind(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the -ing word at i and the noun after it name a listed thing with no article, right
    after a verb, a comma or the start ('holding watering can', '1boy, frying pan, apron',
    'carries fishing rods'): tag lists drop articles, so the pair is the thing and the -ing word
    its kind, not a second act ('holding watering' with a stray 'can')."""
    if tags[i] is not Tag.VERB or not lows[i].endswith("ing") or not lows[i + 1].isalpha():
        return False
    if entry(f"{lows[i]} {singular(lows[i + 1])}") is None:
        return False
    return i == 0 or tags[i - 1] in {Tag.VERB, Tag.COMMA}


def _preposition_modifier(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether a preposition sits inside a noun phrase, after its article (and adjectives) and
    right before its noun, so it describes the noun: 'a red down parka', 'the near bank', 'an
    inside pocket'; not after 'her', which may be the object ('beside her with coins')."""
    if tags[i] is not Tag.PREP or i + 1 >= len(tags) or tags[i + 1] is not Tag.NOUN:
        return False
    j = i - 1
    while j >= 0 and (tags[j] is Tag.ADJ or is_class(lows[j], WordClass.COLOUR)):  # 'bright orange'
        j -= 1
    return j >= 0 and lows[j] in {"a", "an", "the"}


def _noun_participle_compound(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether a lifeless noun and the past participle after it are one modifier written without
    its hyphen, inside the object of a preposition or verb: 'on a moss covered log', 'past rain
    soaked stalls' (a noun phrase after 'on' has no verb of its own; not 'a man fixed bikes')."""
    if tags[i] not in {Tag.NOUN, Tag.UNKNOWN} or tags[i + 1] not in {Tag.VERB, Tag.ADJ}:
        return False
    if tags[i + 2] is not Tag.NOUN or not lows[i + 1].endswith("ed") or not participle(lows[i + 1]):
        return False
    j = i - 1
    while j >= 0 and tags[j] in {Tag.DET, Tag.NUM, Tag.QUANT, Tag.POSS, Tag.ADJ}:
        j -= 1
    known = entry(singular(lows[i])) or entry(lows[i])
    lifeless = known is None or not known.animate
    return j >= 0 and tags[j] in {Tag.PREP, Tag.VERB} and lifeless


def _colour_source(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the bare singular noun at i names the shade of the colour word after it, with no
    thing after that ('in avocado green', 'painted cherry red,'): a colour, not an avocado."""
    if tags[i] is not Tag.NOUN or i + 1 >= len(tags) or not is_class(lows[i + 1], WordClass.COLOUR):
        return False
    after = tags[i + 2] if i + 2 < len(tags) else Tag.END
    bare = i == 0 or tags[i - 1] in {Tag.PREP, Tag.COMMA, Tag.CONJ, Tag.END, Tag.VERB}
    return bare and singular(lows[i]) == lows[i] and after not in {Tag.NOUN, Tag.UNKNOWN, Tag.ADJ}


def _station(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether a word that could be an adjective names a post aboard a vehicle after 'the' and
    before the phrase ends: 'a boy sits at the stern.' (not 'a stern old man')."""
    closing = i + 1 >= len(tags) or tags[i + 1] in {Tag.END, Tag.COMMA, Tag.CONJ, Tag.PREP}
    return tags[i] is Tag.ADJ and lows[i - 1] == "the" and closing and is_class(lows[i], WordClass.STATION)


def _common_capital(texts: list[str], tags: list[Tag], i: int) -> bool:
    """Whether the word at i, opening its sentence, has its capital only for that: a common word
    ('Vending machine glows'), not a name ('Mira', 'Old Tom') or an acronym ('NASA')."""
    word, low = texts[i], texts[i].lower()
    if not word[:1].isupper() or word[1:] != word[1:].lower() or tags[i] is Tag.UNKNOWN:
        return False
    if i + 1 < len(texts) and texts[i + 1][:1].isupper():
        return False  # "Old Tom", "Big Ben"
    known = entry(low) is not None or entry(singular(low)) is not None or bool(classes_of(low))
    return known or bool(parts_of_speech(low) - {"PROPN"})


_OWNERS = frozenset("its his her their".split())


def _absolute_participle(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether a word that is a noun and a past participle ('spread', 'set', 'cut') is the verb of
    an absolute phrase after a comma, a possessive and a noun, before a preposition ('a hound, its
    ears spread across a rug', 'a girl, her hair spread over a pillow'): no compound ('ears spread')."""
    if i < 3 or i + 1 >= len(tags) or tags[i] is not Tag.NOUN or tags[i + 1] is not Tag.PREP:
        return False
    if tags[i - 1] is not Tag.NOUN or lows[i - 2] not in _OWNERS or lows[i - 3] != ",":
        return False
    return past_participle(lows[i])


_BARE_INFINITIVE_VERBS = frozenset("watch see hear let make help have feel notice".split())  # + bare verb
_ONE_THING_AUX = frozenset("is was has does".split())  # agree with one thing, never with a bare verb


def _one_compound_head(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether a bare word that is also a noun, read as a verb, modal or adjective, heads a
    compound after 'a', 'an' or 'the' and a singular noun, before a verb in -s or what ends a noun
    phrase ('a concession stand hums', 'pushes a book cart down the aisle', 'a wrist rest lies',
    'a trash can spilling'): one thing takes no bare verb, so the word is the compound's head.
    Not after a verb that takes a bare infinitive ('watches a man stand at the door')."""
    word = lows[i]
    if i < 2 or tags[i] not in {Tag.VERB, Tag.AUX, Tag.ADJ} or tags[i - 1] not in {Tag.NOUN, Tag.UNKNOWN}:
        return False
    if (
        singular(word) != word
        or s_form_verb(word)
        or word.endswith(("ed", "ing"))
        or "NOUN" not in parts_of_speech(word)
    ):
        return False  # "a bear waves", "a fork stuck in the soil": a verb form of its own
    if word in _DIRECTIONS or past_participle(word) or tags[i] is Tag.ADJ and "ADV" in parts_of_speech(word):
        return False  # "the top right", "a wire overhead"
    if tags[i] is Tag.AUX and entry(word) is None:
        return False  # "who", "that": a function word, not "a trash can"
    if tags[i] is Tag.ADJ and classes_of(word) & _ADJECTIVE_CLASSES:
        return False  # "light", "blue": an adjective after a noun may say what it is like
    if not _follows_one_thing(tags, lows, i + 1):
        return False
    previous = lows[i - 1]
    known = entry(previous)
    many = plural_of(previous) == previous and known is not None and known.animate  # "two sheep graze"
    if (
        singular(previous) != previous
        or written_plural(previous)
        or many
        or is_class(previous, WordClass.COLLECTIVE)
    ):
        return False
    start = _phrase_start(tags, i - 1)
    if lows[start] not in {"a", "an", "the"}:
        return False
    if _agrees_with_one(tags, lows, i + 1):  # not after a plural owner: "boys with a dog sit slumped"
        owner = start > 1 and tags[start - 1] is Tag.PREP and _plural_subject(tags, lows, start - 1)
        return start == 0 or lows[start - 1] not in {"and", "or", "&", "nor"} and not owner
    if start > 0 and (lows[start - 1] in {"and", "or", "&", "nor"} or tags[start - 1] is Tag.PREP):
        return False  # "a fiddler and an accordionist play", "the ribbons of an aurora ripple"
    return start == 0 or not _takes_bare_infinitive(lows[start - 1])


def _follows_one_thing(tags: list[Tag], lows: list[str], j: int) -> bool:
    """Whether the word at j can follow a noun phrase naming one thing: what ends the phrase, a
    verb in -s or -ing, or a word that agrees only with one thing (see _agrees_with_one)."""
    after = tags[j] if j < len(tags) else Tag.END
    if after in {Tag.PREP, Tag.COMMA, Tag.END, Tag.CONJ} or _agrees_with_one(tags, lows, j):
        return True
    return after is Tag.VERB and (s_form_verb(lows[j]) or lows[j].endswith("ing"))


def _agrees_with_one(tags: list[Tag], lows: list[str], j: int) -> bool:
    """Whether the word at j is a singular 'is', 'was', 'has' or 'does' ('a funnel-cake stand has
    a long line') or a participle in -ed with its preposition ('with a coat stand draped with a
    scarf'): no bare verb comes before them, so the word before is a noun even where a plural
    subject could have come earlier ('girls with a kite stand on the hill')."""
    if j >= len(tags):
        return False
    if tags[j] in {Tag.AUX, Tag.BE}:
        return lows[j] in _ONE_THING_AUX
    participle = tags[j] is Tag.VERB and lows[j].endswith("ed")
    return participle and j + 1 < len(tags) and tags[j + 1] is Tag.PREP


def _takes_bare_infinitive(word: str) -> bool:
    """Whether a verb form takes an object and a bare verb after it ('watches', 'let', 'hears')."""
    return bool(set(verb_lemmas(word)) & _BARE_INFINITIVE_VERBS)


def _bare_infinitive(tags: list[Tag], lows: list[str], i: int) -> bool:
    """Whether the bare word at i, read as a noun, is the verb of someone a verb of seeing or
    letting takes as its object ('watches a toddler tug at a rope', 'lets her dog lead the way'):
    the one watched does it, before a preposition, article or the end; a listed compound ('a
    boy scout') stays a noun."""
    word = lows[i]
    after = tags[i + 1] if i + 1 < len(tags) else Tag.END
    if i < 3 or tags[i] is not Tag.NOUN or tags[i - 1] is not Tag.NOUN or word.endswith("s"):
        return False
    if "VERB" not in parts_of_speech(word) or entry(f"{lows[i - 1]} {word}") is not None:
        return False
    if after not in {Tag.PREP, Tag.DET, Tag.POSS, Tag.END, Tag.COMMA} and not is_class(
        lows[i + 1], WordClass.PARTICLE
    ):
        return False
    known = entry(lows[i - 1])
    start = _phrase_start(tags, i - 1)
    someone = known is not None and known.animate and start < i - 1
    return someone and start > 0 and tags[start - 1] is Tag.VERB and _takes_bare_infinitive(lows[start - 1])
