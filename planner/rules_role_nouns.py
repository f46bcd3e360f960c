"""The records of pass 3 of the rules reader (Role, Noun) and the small look-ups every role pass
shares: the words before and after a phrase, the nouns decided so far, a pronoun's referent, what
'the latter' / 'the former' names, a noun's owner, whether a noun is a person and whether a place
is absolute.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, relates
from planner.rules_tokens import Tag
from planner.rules_vocab import (
    Entry,
    ThingKind,
    WordClass,
    is_class,
)

FINITE_BE = frozenset("is are was were".split())  # "the boy's kite is tangled": a finite verb of its own
FINITE_HAVE = frozenset("has have had".split())  # "the boy's kite has a long tail": its own verb
DEFINITE = frozenset("the this that these those its their his her".split())


POSSESSIVE = frozenset("its their his her".split())
AIRY = (WordClass.VAPOUR, WordClass.WEATHER, WordClass.LIGHT)  # the air's stuff: no thing to place at


GENDERED = {
    "she": WordClass.FEMALE,
    "her": WordClass.FEMALE,
    "he": WordClass.MALE,
    "his": WordClass.MALE,
}


class Role(str, Enum):
    """What a noun phrase is in the prompt."""

    THING = "thing"  # a region of its own
    SCENE = "scene"  # the setting: background prompt
    FRAME = "frame"  # the picture itself, its medium or style ("an oil painting of", "4k")
    LIGHT = "light"  # light, time of day, weather: background and every region's context
    PART = "part"  # a part of its owner ("long silver hair", "the frog's skin")
    ATTACHED = "attached"  # worn, held, contained or depicted: in its owner's prompt
    PREDICATE = "predicate"  # "the car is orange": a word about its owner
    REPEAT = "repeat"  # a later mention of an earlier thing ("the couch")
    NEGATED = "negated"  # "without a hat", "no people"
    MEASURE = "measure"  # "a few feet": language, not a count
    NONE = "none"  # not a thing: stays in the base prompt only


@dataclass(frozen=True)
class Noun:
    """A noun phrase with its role; `ref` is the index (into the nouns) of its owner or referent."""

    index: int  # position in the phrases
    phrase: NounPhrase
    role: Role
    ref: int | None = None  # for a thing: the counted group it is one of ("one brown")
    entry: Entry | None = None
    head: str = ""  # the singular head; for "a purple one", the head of the thing it echoes
    named: bool = False  # a proper name the prompt treats as a thing ("Mount Fuji")

    @property
    def is_thing(self) -> bool:
        return self.role is Role.THING

    @property
    def coat(self) -> str:
        """The coat word a member of a counted animal group is named by ('two horses, one
        chestnut ...': 'chestnut', a horse), else ''."""
        p = self.phrase
        renamed = self.head and self.head != p.head and p.head != "one"
        return p.head if renamed and self.ref is not None else ""

    @property
    def animate(self) -> bool:
        """Whether it names a person or an animal (by its vocabulary entry)."""
        return self.entry is not None and self.entry.animate

    @property
    def kind(self) -> ThingKind | None:
        """Its vocabulary kind, or None for a word the vocabulary does not list."""
        return self.entry.kind if self.entry is not None else None


def phrase_before(phrases: tuple[Phrase, ...], k: int, back: int = 1) -> Phrase | None:
    """The phrase `back` places before k, or None before the start, so callers need no bounds check."""
    return phrases[k - back] if k - back >= 0 else None


def phrase_after(phrases: tuple[Phrase, ...], k: int) -> Phrase | None:
    """The phrase right after k, or None at the end, so callers need no bounds check."""
    return phrases[k + 1] if k + 1 < len(phrases) else None


def low_text(phrase: Phrase | None) -> str:
    """The word of a mark or verb, else '', so callers can compare words without type checks."""
    return phrase.low if isinstance(phrase, Mark | Verb) else ""


def things_so_far(nouns: list[Noun]) -> list[Noun]:
    """The nouns read so far that name things: the ones a later phrase may refer back to."""
    return [n for n in nouns if n.is_thing]


def resolve(nouns: list[Noun], i: int) -> int:
    """The thing a noun stands for (a repeat's referent), by index into the nouns."""
    while nouns[i].role is Role.REPEAT and nouns[i].ref is not None:
        i = nouns[i].ref
    return i


def told_sex(nouns: list[Noun], target: int, sex: WordClass) -> bool:
    """Whether any mention of the thing at `target` says its sex ('the owner, a stooped old man':
    the owner is a man, by the apposition that repeats it; words.tsv gives the words)."""
    mentions = [
        i
        for i, n in enumerate(nouns)
        if i == target or (n.role is Role.REPEAT and resolve(nouns, i) == target)
    ]
    return any(is_class(nouns[i].head, sex) or _pronoun_after(nouns, i) is sex for i in mentions)


def _pronoun_after(nouns: list[Noun], i: int) -> WordClass | None:
    """The sex a 'her' / 'his' tells of the person or animal at i when it owns the next noun of the
    sentence with no other one named between ('a keeper sits on a rowboat beside her lighthouse':
    the keeper is a woman, so a later 'he' is someone else)."""
    for n in nouns[i + 1 :]:
        if n.phrase.sentence != nouns[i].phrase.sentence:
            return None
        if n.phrase.determiner in {"her", "his"}:
            return GENDERED[n.phrase.determiner]
        if n.animate:
            return None
    return None


OTHER_SEX = {"her": WordClass.MALE, "she": WordClass.MALE, "his": WordClass.FEMALE, "he": WordClass.FEMALE}


def recent_owner(
    nouns: list[Noun], sentence: int, animate: bool = False, earlier: bool = True, word: str = ""
) -> int | None:
    """The most recent thing (a person or animal when `animate`) in this sentence, else (when
    `earlier`) in the sentences before; never one told the other sex than the pronoun `word` says
    ('a man stands by the door, a girl waits. At her feet sits a cat': the girl's feet), nor a
    person for 'its'."""
    other = OTHER_SEX.get(word)
    for same_sentence in (True, False) if earlier else (True,):
        for i in range(len(nouns) - 1, -1, -1):
            noun = nouns[i]
            if noun.role not in {Role.THING, Role.REPEAT} or (
                same_sentence and noun.phrase.sentence != sentence
            ):
                continue
            target = resolve(nouns, i)
            known = nouns[target].entry
            cooked = any(is_class(w, WordClass.COOKED) for w in nouns[target].phrase.modifiers)
            if other is not None and told_sex(nouns, target, other):
                continue
            if word == "its" and known is not None and known.kind is ThingKind.PERSON:
                continue  # "a boy by a well with a jug on its rim": 'its' is no person's
            if not animate or (known is not None and known.animate and not cooked):
                return target  # not "grilled squid, one wearing headphones": food wears nothing
    return None


def scene_spot(where: Phrase | None, spot: Phrase | None) -> NounPhrase | None:
    """The thing a place phrase sets something at when it is named with an article ('next to the
    rock', 'in the overhead wires', 'under a table'): a spot of the scene, not one's own ('his
    desk'); None when `where` is no relation to a thing or `spot` no such noun phrase."""
    if not isinstance(spot, NounPhrase) or spot.determiner not in {"the", "a", "an"}:
        return None
    placed = relates(where)
    return spot if placed else None


def absolute(phrase: Phrase | None) -> bool:
    """Whether phrase names an absolute place ('on the left'), not a relation to another thing."""
    return (
        isinstance(phrase, SpacePhrase)
        and phrase.spatial.relation is None
        and not phrase.order
        and bool(phrase.spatial.horizontal or phrase.spatial.vertical)
    )


def is_person(noun: Noun) -> bool:
    """Whether the noun names a person, for rules on who wears, holds or is meant by 'he' / 'she'."""
    return noun.entry is not None and noun.entry.kind is ThingKind.PERSON


_OF_GROUP = frozenset("them these those".split())


def _acting_things(nouns: list[Noun]) -> list[int]:
    """The people and animals named so far, each once, in the order first named."""
    found: list[int] = []
    for i, noun in enumerate(nouns):
        if noun.role not in {Role.THING, Role.REPEAT}:
            continue
        target = resolve(nouns, i)
        known = nouns[target].entry
        if known is not None and known.animate and target not in found:
            found.append(target)
    return found


SUBJECT_PRONOUNS = frozenset("he she it we they".split())


def acting_pronoun(phrases: tuple[Phrase, ...], j: int) -> str:
    """The subject pronoun at phrase j when its verb follows right after it ('they stand', 'he
    kneads'), else ''."""
    p, nxt = phrases[j], phrases[j + 1] if j + 1 < len(phrases) else None
    return p.low if isinstance(p, Mark) and p.low in SUBJECT_PRONOUNS and isinstance(nxt, Verb) else ""


_LATTER = {"latter": -1, "former": -2}  # where each points back in the things named before it


def is_latter(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is 'latter' / 'former' after 'the': a reference back to a thing named before."""
    return k >= 1 and low_text(phrases[k]) in _LATTER and low_text(phrases[k - 1]) == "the"


def latter_referent(phrases: tuple[Phrase, ...], k: int, named: list[int]) -> int | None:
    """The thing 'the latter' / 'the former' at phrase k names among `named` (the candidate things
    named before it, in order; the caller picks which count): the last of them for 'latter', the
    one before for 'former'; None when phrase k is no such reference or too few are named."""
    if not is_latter(phrases, k):
        return None
    at = _LATTER[low_text(phrases[k])]
    return named[at] if len(named) >= -at else None


def latter_acting(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The person or animal 'the latter' / 'the former' at phrase k names: the last (or the one
    before) of those named so far, each counted once."""
    return latter_referent(phrases, k, _acting_things(nouns))


def referred_subject(phrases: tuple[Phrase, ...], verb: int, nouns: list[Noun]) -> int | None:
    """Whom a reference word right before the verb at `verb` names, as its subject: 'the latter'
    (the last person or animal named: 'a sailor and a baker wait; the latter wears a cap' is
    the baker), 'the former' (the one before that), '<one / two / both> of them' (the latest
    group of people or animals: 'three welders ..., one of them holding a torch'), as does 'the
    <taller / youngest>' ('two brothers, the taller in a raincoat'); else None."""
    word, before = low_text(phrase_before(phrases, verb)), low_text(phrase_before(phrases, verb, 2))
    acting = _acting_things(nouns)
    if is_latter(phrases, verb - 1):
        return latter_acting(phrases, verb - 1, nouns)
    ranked = word.endswith(("er", "est")) and isinstance(phrase_before(phrases, verb), Mark)
    ranked = ranked and phrase_before(phrases, verb).tag is Tag.ADJ  # type: ignore[union-attr]
    if word in _OF_GROUP and before == "of" or ranked and before == "the":  # "twins, the taller in a cap"
        groups = [i for i in acting if nouns[i].phrase.plural or (nouns[i].phrase.count or 1) > 1]
        return groups[-1] if groups else None
    return None
