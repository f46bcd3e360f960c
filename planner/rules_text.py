"""Word-level helpers for the rules planner: tokens, plural -> singular, word classes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from planner.rules_lexicon import (
    ADJECTIVE_SUFFIXES,
    ADJECTIVES,
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    IRREGULAR_PLURALS,
    NEGATORS,
    NOUN_ING_WORDS,
    PLURAL_ONLY,
    PREPOSITIONS,
    SINGULAR_S_ENDINGS,
    SINGULAR_S_WORDS,
    VERBS,
)

# Words in any script ("Café", "gemütliches", "東京"): letters and digits, with inner ' or -.
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*|[.,;:!?()\"\n]", re.UNICODE)
SENTENCE_END = frozenset(".!?;:\n")
_NOT_ADVERBS = frozenset(
    "family lily fly butterfly jelly belly holy silly curly fluffy ugly bully hilly".split()
)


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark: its text as written and lower-cased."""

    text: str
    low: str

    @property
    def is_word(self) -> bool:
        return self.low[0].isalnum()


def tokenize(text: str) -> list[Token]:
    """Words (with inner hyphens/apostrophes) and punctuation marks; "left-hand" -> "left"."""
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group(0).replace("\u2019", "'")
        low = word.lower()
        if low.endswith("'s") and len(low) > 2:  # possessive: "the cat's tail" -> cat 's tail
            tokens.append(Token(word[:-2], low[:-2]))
            tokens.append(Token("'s", "'s"))
            continue
        if low in {"left-hand", "right-hand"}:
            word, low = word[:-5], low[:-5]
        parts = low.split("-")
        if len(parts) == 2 and all(p in _DIRECTION_PARTS for p in parts):
            tokens.extend(Token(p, p) for p in parts)  # "top-left" -> "top", "left"
            continue
        tokens.append(Token(word, low))
    return tokens


_DIRECTION_PARTS = frozenset("top bottom upper lower left right center centre middle far".split())


def split_sentences(tokens: list[Token]) -> list[list[Token]]:
    """Split at . ! ? ; : and newlines; empty sentences dropped."""
    sentences: list[list[Token]] = [[]]
    for token in tokens:
        if token.low in SENTENCE_END:
            if sentences[-1]:
                sentences.append([])
        else:
            sentences[-1].append(token)
    return [s for s in sentences if s]


def singular(word: str) -> str:
    """The singular of a lower-case English noun (rules plus a small irregular table).

    Words with letters outside ASCII ("gemütliches", "cafés" aside) are not English plurals to
    cut: they are kept whole rather than mangled.
    """
    if not word.isascii():
        return word[:-1] if word.endswith("és") and len(word) > 3 else word
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("men") and len(word) > 4 and word not in {"specimen", "abdomen", "ramen"}:
        return word[:-3] + "man"
    if word in PLURAL_ONLY or word in SINGULAR_S_WORDS or len(word) <= 3 or not word.endswith("s"):
        return word
    if word.endswith(SINGULAR_S_ENDINGS) and not word.endswith(("ys", "os", "as")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    return word[:-1]


def is_plural(word: str) -> bool:
    """Whether a lower-case noun looks plural."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word] != word
    if word in PLURAL_ONLY:
        return False
    return singular(word) != word


def folded(word: str) -> str:
    """The word without accents, for looking it up in the English word lists ("café" -> "cafe")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def is_adverb(word: str) -> bool:
    return word.endswith("ly") and len(word) > 4 and word not in _NOT_ADVERBS and word not in ADJECTIVES


def is_known_adjective(word: str) -> bool:
    return word in ADJECTIVES


_ABLE_NOUNS = frozenset("table cable stable fable vegetable timetable turntable constable bible".split())


def looks_adjective(word: str) -> bool:
    """Known adjective, or shaped like one (-ful, -ous, -ive, long -able...)."""
    if word in ADJECTIVES:
        return True
    if word.endswith(("able", "ible")):
        return len(word) >= 8 and word not in _ABLE_NOUNS
    return len(word) > 4 and word.endswith(ADJECTIVE_SUFFIXES)


def is_participle(word: str) -> bool:
    """A verb form that can end a noun phrase ('sitting', 'covered'), unless a known noun/adjective."""
    if word in NOUN_ING_WORDS or word in ADJECTIVES:
        return False
    return (word.endswith("ing") and len(word) > 5) or (word.endswith("ed") and len(word) > 4)


def is_stop_word(word: str) -> bool:
    """Words that cannot be inside a noun phrase."""
    return (
        word in PREPOSITIONS
        or word in AUXILIARIES
        or word in CONJUNCTIONS
        or word in NEGATORS
        or word in DETERMINERS
        or is_adverb(word)
    )


def is_verb(word: str) -> bool:
    return word in VERBS
