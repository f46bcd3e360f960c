"""Pass 3 of the rules reader: phrases -> what each noun phrase is (its Role) and whom it belongs to.

A noun phrase is a THING (gets a region) only when the vocabulary lists it as a concrete thing,
or when the prompt clearly treats an unknown noun as one (an article or a number, and a place or
an action). Everything else is a scene, the picture's frame or style, light and time, a part of
a thing, a thing worn or held by its owner, a repeat of an earlier thing, or no thing at all.
Roles are decided left to right; each decision reads only earlier decisions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from planner.reading import Size
from planner.rules_clauses import fill_host, is_governed, subject_phrase
from planner.rules_clauses import participle as clause_participle
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, list_end, on_its_owner
from planner.rules_tokens import Tag
from planner.rules_vocab import (
    ANIMATE,
    Entry,
    Flag,
    ThingKind,
    WordClass,
    classes_of,
    entry,
    is_class,
    may_name_someone,
    participle,
    parts_of_speech,
    value_of,
)

_DEFINITE = frozenset("the this that these those its their his her".split())
_POSSESSIVE = frozenset("its their his her".split())
_USING = frozenset({"inside", "on"})  # relations that link a hand-held thing to its user
_USING_WORDS = frozenset("from off into".split())
_BESIDE = frozenset("adjacent left_of right_of behind front above below between".split())
_GENDERED = {
    "she": WordClass.FEMALE,
    "her": WordClass.FEMALE,
    "he": WordClass.MALE,
    "his": WordClass.MALE,
}
_BEARERS = frozenset({ThingKind.VEHICLE, ThingKind.BUILDING})  # what a parasol or a flag is fitted on
_FRAMING_NEXT = frozenset("of for featuring showing depicting with".split())


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


def _before(phrases: tuple[Phrase, ...], k: int, back: int = 1) -> Phrase | None:
    return phrases[k - back] if k - back >= 0 else None


def _after(phrases: tuple[Phrase, ...], k: int) -> Phrase | None:
    return phrases[k + 1] if k + 1 < len(phrases) else None


def _low(phrase: Phrase | None) -> str:
    return phrase.low if isinstance(phrase, Mark | Verb) else ""


def _things_so_far(nouns: list[Noun]) -> list[Noun]:
    return [n for n in nouns if n.is_thing]


def _resolve(nouns: list[Noun], i: int) -> int:
    """The thing a noun stands for (a repeat's referent), by index into the nouns."""
    while nouns[i].role is Role.REPEAT and nouns[i].ref is not None:
        i = nouns[i].ref
    return i


def _owner(nouns: list[Noun], sentence: int, animate: bool = False, earlier: bool = True) -> int | None:
    """The most recent thing (a person or animal when `animate`) in this sentence, else (when
    `earlier`) in the sentences before."""
    for same_sentence in (True, False) if earlier else (True,):
        for i in range(len(nouns) - 1, -1, -1):
            noun = nouns[i]
            if noun.role not in {Role.THING, Role.REPEAT} or (
                same_sentence and noun.phrase.sentence != sentence
            ):
                continue
            target = _resolve(nouns, i)
            known = nouns[target].entry
            if not animate or (known is not None and known.kind in ANIMATE):
                return target
    return None


def _negated(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if p.determiner == "no":
        return True
    before = _before(phrases, k)
    if isinstance(before, Mark) and before.tag is Tag.NEG:
        return True
    if _low(before) in {"or", "nor"} and nouns and nouns[-1].role is Role.NEGATED:
        return nouns[-1].index == k - 2
    if isinstance(before, SpacePhrase) and isinstance(_before(phrases, k, 2), Mark):
        return _before(phrases, k, 2).tag is Tag.NEG and before.spatial.relation is None  # type: ignore[union-attr]
    return False


def _is_frame(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """The picture itself: 'an oil painting of', 'the image shows', 'watercolor painting', '4k'."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    head_classes = classes_of(p.head)
    many = (p.count or 1) > 1
    if WordClass.STYLE_NOUN in head_classes and _style_word_thing(phrases, k):
        return False  # "an eyeshadow palette", but "a muted palette"
    if WordClass.STYLE_NOUN in head_classes or any(is_class(w, WordClass.STYLE_SOURCE) for w in p.lows):
        return not many
    if entry(p.compound) is None and WordClass.STYLE in head_classes:
        return True  # "soft watercolour", "masterpiece"
    before = _before(phrases, k)
    if WordClass.MEDIUM in head_classes and not p.determiner and _drawn_in(phrases, k, nouns):
        return True  # "an illustration in soft colored pencil": what the picture is drawn in
    if (
        WordClass.IMAGE_NOUN in head_classes
        and isinstance(before, SpacePhrase)
        and before.spatial.needs_object
        and (before.spatial.horizontal or before.spatial.vertical)
    ):
        return True  # "in the centre of the picture"
    if _the_picture(phrases, k) or _medium_on(phrases, k):
        return True  # "both edges of the frame", "to her right in the frame", "oil on canvas"
    if WordClass.FRAME_NOUN not in head_classes or many:
        return False
    nxt = _after(phrases, k)
    first = not _things_so_far(nouns)
    listed = _low(_before(phrases, k)) in {"and", ","} and bool(nouns) and nouns[-1].is_thing
    if first and _set_in(phrases, k):
        return True  # "a wedding portrait in an apple orchard, ...": the picture and its setting
    joint = _low(nxt) or (nxt.lead if isinstance(nxt, SpacePhrase) else "")  # "of", "with"
    if first and joint in {"of", "for", "with"} and _hangs(phrases, k):
        return False  # "a painting of a corgi hangs over the fireplace": an object in the scene
    styled = _styled(_after(phrases, k + 1))
    if joint == "with" and styled:
        joint = ""  # "a poster with bold shapes": how the poster looks, not what it shows
    styled = styled and joint == "in"  # "a painting in the Dutch style"
    if first and (
        joint in _FRAMING_NEXT or styled or isinstance(nxt, Verb) and is_class(nxt.low, WordClass.DEPICT_VERB)
    ):
        return True
    if any(is_class(w, WordClass.MEDIUM) for w in p.modifiers):
        return True  # "an oil painting", "a pencil sketch"
    tagged = not p.determiner and (k == 0 or _low(_before(phrases, k)) == ",") and _low(nxt) == ","
    if first and tagged:
        return True  # "anime key visual, film poster, ...", "Formal pet portrait, ...": the picture
    if first and k == 0 and not p.determiner and isinstance(nxt, Mark) and nxt.tag is Tag.END:
        return True  # "Moody noir photograph. A detective ...": a title line naming the picture
    if not p.determiner and p.modifiers and all(_looks(w) for w in p.modifiers):
        return True  # "..., black and white photograph", "grainy photograph"
    if WordClass.IMAGE_NOUN in head_classes and not listed and entry(p.compound) is None:
        return True  # "the image", "this scene"
    if WordClass.IMAGE_NOUN in head_classes and first and isinstance(nxt, Verb):
        return True  # "The image depicts ..."
    return not p.determiner and not listed and p.count is None and WordClass.IMAGE_NOUN in head_classes


def _medium_on(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'oil on canvas', 'ink on paper': a bare material after a medium and 'on' is what the
    picture is made on, not a thing in it."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = _before(phrases, k)
    on = isinstance(before, SpacePhrase) and before.lead == "on"
    medium = _before(phrases, k, 2)
    return (
        on
        and not p.determiner
        and is_class(p.head, WordClass.MATERIAL)
        and isinstance(medium, Mark)
        and is_class(medium.low, WordClass.MEDIUM)
    )


def _styled(phrase: Phrase | None) -> bool:
    """Whether a noun phrase names a style or manner ('the Dutch golden age style', 'soft pastels')."""
    return isinstance(phrase, NounPhrase) and any(
        is_class(word, c)
        for word in (phrase.head, phrase.lows[-1])
        for c in (WordClass.STYLE_NOUN, WordClass.STYLE, WordClass.MEDIUM)
    )


def _frame_tail(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """What the picture is part of or made for, right after it: 'page twelve of a picture book',
    'an illustration for a bedtime storybook', 'a storybook page for young readers'."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if not nouns or nouns[-1].role is not Role.FRAME or k - nouns[-1].index > 3:
        return False
    between = phrases[nouns[-1].index + 1 : k]
    if not between or not all(isinstance(q, Mark | SpacePhrase) for q in between):
        return False
    lead = between[-1].lead if isinstance(between[-1], SpacePhrase) else _low(between[-1])
    if lead in {"of", "for", "from", "in"} and is_class(p.head, WordClass.PUBLICATION):
        return True  # the book, magazine or album the picture is in
    known = entry(p.compound) or entry(p.head)
    audience = known is not None and known.kind is ThingKind.PERSON and p.plural and not p.determiner
    return lead == "for" and audience  # "for little readers", "for kids"


def _style_word_thing(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether a style word that is also a listed thing ('palette') names the thing: counted,
    made of something, of a kind ('an eyeshadow palette'), or placed or acting with no word for a
    look ('a palette rests on the stool', not 'a limited palette showing a fox')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if entry(p.head) is None:
        return False
    if (p.count or 1) > 1 or any(is_class(w, WordClass.MATERIAL) or _kind_word(w) for w in p.modifiers):
        return True
    return bool(p.determiner) and not p.modifiers and _acts_or_placed(phrases, k)


def _kind_word(word: str) -> bool:
    """A noun naming a kind of thing ('eyeshadow', 'paint', 'makeup'), not a look ('autumn', 'neon')."""
    if classes_of(word) - {WordClass.PART}:
        return False
    pos = parts_of_speech(word)
    return entry(word) is not None or not pos or "NOUN" in pos and "ADJ" not in pos


def _after_frame(nouns: list[Noun], k: int) -> bool:
    """Whether the latest noun is the picture itself, one preposition before phrase k ('a painting
    in ...', 'a still from ...', 'a poster for ...')."""
    return bool(nouns) and nouns[-1].role is Role.FRAME and nouns[-1].index == k - 2


def _drawn_in(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether phrase k follows '<the picture> in': the medium the picture is made in."""
    before = _before(phrases, k)
    framed = _after_frame(nouns, k)
    return framed and isinstance(before, SpacePhrase) and before.lead == "in"


def _set_in(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'<picture> in <a setting>' with no verb of its own after: the picture is set there."""
    place = _after(phrases, k)
    setting = _after(phrases, k + 1)
    known = entry(setting.compound) or entry(setting.head) if isinstance(setting, NounPhrase) else None
    return (
        isinstance(place, SpacePhrase)
        and place.spatial.relation == "inside"
        and known is not None
        and known.kind is ThingKind.SCENE
        and not isinstance(_after(phrases, k + 2), Verb)
    )


def _looks(word: str) -> bool:
    """A word for how a whole picture looks: a colour, a style word, or 'and' between them."""
    return word == "and" or any(
        is_class(word, c) for c in (WordClass.COLOUR, WordClass.STYLE, WordClass.SHADE, WordClass.MEDIUM)
    )


def _hangs(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'<picture> of <X> hangs / sits / leans ...': the picture is a thing in the scene."""
    depicted = _after(phrases, k + 1)
    verb = _after(phrases, k + 2) if isinstance(depicted, NounPhrase) else None
    return (
        isinstance(verb, Verb)
        and verb.low.endswith("s")
        and is_class(phrases[k].head, WordClass.DEPICTING_OBJECT)  # type: ignore[union-attr]
    )


def _of_style(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'depth of field', 'the style of Studio Ghibli': the rest of a style phrase."""
    if _low(_before(phrases, k)) != "of" or not nouns or nouns[-1].index != k - 2:
        return False
    return nouns[-1].role is Role.FRAME and is_class(nouns[-1].phrase.head, WordClass.STYLE_NOUN)


def _source(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'a page from a picture book', 'a still from an old film': where the picture comes from is
    the picture's frame too, not a thing in it."""
    framed = _after_frame(nouns, k)
    before = _before(phrases, k)
    return framed and (_low(before) == "from" or isinstance(before, SpacePhrase) and before.lead == "from")


def _made_by(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'painted by Claude Monet', 'a knight by greg rutkowski': who made the picture."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if _low(_before(phrases, k)) != "by":
        return False
    maker = _before(phrases, k, 2)
    if isinstance(maker, Verb) and is_class(maker.low, WordClass.MAKER_VERB) or _low(maker) == ",":
        return True  # "painted by Claude Monet", "..., by a famous concept artist"
    if isinstance(maker, NounPhrase) and not maker.determiner and is_class(maker.head, WordClass.FRAME_NOUN):
        return not p.determiner  # "art by Beatrix Potter", "illustration by ..."
    return not p.determiner and p.count is None and len(p.words) >= 2 and entry(p.compound) is None


def _the_picture(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'the frame' (an image noun with 'the' and nothing else) after 'of' or 'in': the picture."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if not is_class(p.head, WordClass.IMAGE_NOUN) or p.determiner != "the" or p.modifiers:
        return False
    before = _before(phrases, k)
    return _low(before) == "of" or isinstance(before, SpacePhrase) and before.lead == "in"


def _light(p: NounPhrase, known: Entry | None) -> bool:
    head_classes = classes_of(p.head)
    sky = known is not None and known.has(Flag.SKY) and known.has(Flag.LIGHT) and not p.count
    if sky and any(is_class(w, WordClass.TIME) for w in p.modifiers):
        return True  # "harsh noon sun", "the afternoon sun": the light of that hour
    if not head_classes & {WordClass.TIME, WordClass.LIGHT, WordClass.WEATHER}:
        return False
    if known is not None and known.has(Flag.LIGHT) and (p.count or p.compound != p.head):
        return False  # "a traffic light", "two lamps"
    return (
        known is None
        or known.kind is ThingKind.SCENE
        or not p.count
        or p.head in {"light", "star"}
        and not p.count
    )


def _absolute(phrase: Phrase | None) -> bool:
    return (
        isinstance(phrase, SpacePhrase)
        and phrase.spatial.relation is None
        and not phrase.order
        and bool(phrase.spatial.horizontal or phrase.spatial.vertical)
    )


def _placed_next(phrases: tuple[Phrase, ...], k: int) -> bool:
    """An absolute place right after the phrase ('a village on the right'), or opening its sentence."""
    if _absolute(_after(phrases, k)):
        return True
    back = 2 if _low(_before(phrases, k)) == "," else 1
    opening = _before(phrases, k, back + 1)
    return _absolute(_before(phrases, k, back)) and (
        opening is None or isinstance(opening, Mark) and opening.tag is Tag.END
    )


def _placed_later(phrases: tuple[Phrase, ...], k: int) -> bool:
    """The subject of a verb with an absolute place: 'an oasis with two palm trees lies on the
    right edge', 'a village sits on the left'."""
    j = k + 1
    while j < len(phrases) and (
        isinstance(phrases[j], NounPhrase)
        or isinstance(phrases[j], SpacePhrase)
        and phrases[j].spatial.relation == "with"  # type: ignore[union-attr]
        or _low(phrases[j]) in {",", "and", "of"}
    ):
        j += 1
    if j < len(phrases) and _absolute(phrases[j]) and j > k + 1:
        return True  # "a small pond with two ducks on the right"
    if j >= len(phrases) or not isinstance(phrases[j], Verb):
        return False
    while j < len(phrases) and (
        isinstance(phrases[j], Verb) or isinstance(phrases[j], Mark) and phrases[j].tag in {Tag.ADV, Tag.AUX}  # type: ignore[union-attr]
    ):
        j += 1  # "glows faintly in the top right"
    return j < len(phrases) and _absolute(phrases[j])


def _superlative(p: NounPhrase) -> bool:
    return any(
        w.endswith("est") and len(w) > 4 or w in {"first", "second", "third", "last"} for w in p.modifiers
    )


def _member_of(p: NounPhrase, head: str, nouns: list[Noun]) -> int | None:
    """The counted group this phrase is one of: 'two horses, one brown and one white'; 'three
    balloons. The largest balloon ..., a small blue balloon ...'."""
    if (p.count or 1) > 1 or p.plural:
        return None
    for g, group in enumerate(nouns):
        if (
            group.role is not Role.THING
            or group.ref is not None
            or (group.phrase.count or 0) < 2
            or group.head != head
        ):
            continue
        members = sum(1 for n in nouns if n.ref == g and n.role is Role.THING)
        told_apart = bool(set(p.modifiers) - set(group.phrase.modifiers))  # "a yellow duckling"
        later = p.sentence > group.phrase.sentence or p.head == "one" or _superlative(p) or told_apart
        if later and members < (group.phrase.count or 0):
            return g
    return None


def _repeat_of(p: NounPhrase, nouns: list[Noun]) -> int | None:
    """The thing 'the <noun>' names again; 'the nearest stool' after 'tall stools' (a group with
    no count, drawn as one) is that group, but after 'a stool' a stool of its own."""
    if p.determiner not in _DEFINITE or p.head == "one":
        return None
    for i in range(len(nouns) - 1, -1, -1):
        noun = nouns[i]
        if noun.role in {Role.THING, Role.SCENE} and _same_word(p.head, noun.phrase):
            uncounted = noun.phrase.plural and noun.phrase.count is None and noun.role is Role.THING
            return _resolve(nouns, i) if uncounted or not _superlative(p) else None
    return None


_VIEWER = frozenset({"camera", "viewer", "lens"})
_GENERIC_PEOPLE = frozenset("man woman boy girl person lady gentleman guy figure".split())


def _described_again(p: NounPhrase, known: Entry | None, nouns: list[Noun]) -> int | None:
    """'Portrait of a lighthouse keeper... The old man, in a wool sweater, ...': 'the' and a
    plain word for someone, when one person named by a role ('keeper') is all there is so far,
    is that person again (unless the words tell a different sex)."""
    if p.determiner != "the" or p.plural or p.head not in _GENERIC_PEOPLE or known is None:
        return None
    people = [i for i, n in enumerate(nouns) if n.is_thing and _person(n)]
    if len(people) != 1:
        return None
    earlier = nouns[people[0]]
    if (
        earlier.head in _GENERIC_PEOPLE
        or is_class(earlier.head, WordClass.COLLECTIVE)
        or earlier.phrase.plural
    ):
        return None
    sexes = {c for c in (WordClass.FEMALE, WordClass.MALE) if is_class(earlier.head, c)}
    own = {c for c in (WordClass.FEMALE, WordClass.MALE) if is_class(p.head, c)}
    return people[0] if not sexes or sexes == own else None


def _tagged_again(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """'1girl, 1boy, night, girl with red hair, ...': in a tag list a bare tag naming the kind a
    '1girl' tag counted is that one, described, not another."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if p.determiner or p.count is not None or p.plural or _low(_before(phrases, k)) != ",":
        return None
    for i in range(len(nouns) - 1, -1, -1):
        noun = nouns[i]
        tag = noun.phrase
        if noun.is_thing and tag.numeral and tag.count == 1 and tag.head == p.head and not tag.modifiers:
            return i
    return None


def _bare_again(p: NounPhrase, nouns: list[Noun]) -> int | None:
    """'white horse, horse behind knights', 'elf, deer next to elf': a bare word (no article, no
    count) for a thing named earlier in the same sentence is that thing again, unless its words tell
    it apart."""
    if p.determiner or p.count is not None:
        return None
    if not p.plural and any(n.head == p.head and (n.phrase.count or 1) > 1 for n in nouns):
        return None  # "2girls, girl with an umbrella, girl with a kite": one of several each time
    for i in range(len(nouns) - 1, -1, -1):
        noun = nouns[i]
        if noun.is_thing and noun.phrase.sentence == p.sentence and noun.phrase.head == p.head:
            if set(p.modifiers) - set(noun.phrase.modifiers):
                return None  # "wooden chair, metal chair": told apart
            counted = noun.phrase.plural or (noun.phrase.count or 1) > 1
            return _resolve(nouns, i) if counted == p.plural else None
    return None


def _appositive(phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]) -> int | None:
    """'The inventor, a wiry woman in goggles, leans ...': 'a <person>' right after 'the
    <person>,' says who that person is; the same one, not another."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    earlier = nouns[-1] if nouns else None
    if earlier is None or earlier.index != k - 2 or _low(_before(phrases, k)) != ",":
        return None
    if p.determiner not in {"a", "an"} or known is None or known.kind is not ThingKind.PERSON:
        return None
    told = earlier.phrase.determiner in {"the", *_POSSESSIVE} or earlier.named
    return len(nouns) - 1 if told and earlier.is_thing and _person(earlier) else None


def _group_of_earlier(p: NounPhrase, known: Entry | None, nouns: list[Noun]) -> bool:
    """'the children', 'the animals' after several people or animals were named one by one: a
    word for those already there, not new ones."""
    if p.determiner not in {"the", "these", "those"} or not p.plural or p.count is not None or known is None:
        return False
    if known.kind not in ANIMATE:
        return False
    earlier = [n for n in _things_so_far(nouns) if n.entry is not None and n.entry.kind is known.kind]
    return sum(n.phrase.count or (2 if n.phrase.plural else 1) for n in earlier) >= 2


def _same_word(head: str, earlier: NounPhrase) -> bool:
    """Whether 'the <head>' names an earlier thing: the same head or compound, or the end of a
    closed compound ('the bench' after 'a workbench', 'the boat' after 'a sailboat')."""
    if head in {earlier.head, earlier.compound}:
        return True
    return len(head) >= 3 and earlier.head.endswith(head) and len(earlier.head) - len(head) >= 3


def _lead(phrases: tuple[Phrase, ...], k: int) -> Phrase | None:
    """The phrase before k, skipping a particle ('holding up a sword')."""
    before = _before(phrases, k)
    if isinstance(before, Mark) and is_class(before.low, WordClass.PARTICLE):
        return _before(phrases, k, 2)
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
        if i < 1 or _low(phrases[i]) not in {"and", ","} or previous is None:
            return None
        if previous.role is not Role.NONE:
            break
        wearer = _wearer_of_unlisted(phrases, previous.index, nouns)
        if wearer is not None:
            return wearer  # "a waitress with a blonde beehive and a pink uniform"
        j = i - 1
    tagged = previous is not None and previous.role is Role.PART and _low(phrases[i]) == ","
    if tagged or previous is None or previous.role not in {Role.ATTACHED, Role.PART} or previous.ref is None:
        return None
    owner = nouns[previous.ref].entry
    contents = _low(_before(phrases, previous.index)) == "of"  # "a bowl of grapes and two pears"
    held = owner is not None and (owner.has(Flag.CONTAINER) or owner.has(Flag.SUPPORT))
    held = held and previous.role is not Role.PART  # "a mug with a chipped handle and a stack of books'
    holder = owner is not None and (owner.kind in ANIMATE or held and not contents)
    return previous.ref if holder else None


def _before_body_place(
    phrases: tuple[Phrase, ...], noun: Noun | None, by_index: dict[int, Noun]
) -> Noun | None:
    """The item placed on its owner's body part ('flour on her cheeks'), for a noun that is that
    unlisted body part, so a list goes on past it ('with flour on her cheeks and an apron')."""
    if noun is None or noun.role is not Role.NONE or noun.phrase.determiner not in _POSSESSIVE:
        return noun
    if not is_class(noun.head, WordClass.PART) or not isinstance(_before(phrases, noun.index), SpacePhrase):
        return noun
    item = by_index.get(noun.index - 2)
    return item if item is not None and item.role is Role.NONE else noun


def _wearer_of_unlisted(phrases: tuple[Phrase, ...], i: int, nouns: list[Noun]) -> int | None:
    """The person or animal right before 'with/in <an unlisted item>' (phrase i), who has it."""
    lead = _before(phrases, i)
    if not isinstance(lead, SpacePhrase) or lead.spatial.relation not in {"with", "inside"}:
        return None
    for n, noun in enumerate(nouns):
        if noun.index == i - 2 and noun.role is Role.THING and noun.entry is not None:
            return n if noun.entry.kind in ANIMATE else None
    return None


def _own_clause(phrases: tuple[Phrase, ...], k: int, owner: int) -> bool:
    """'a cat curls up at her feet, a guitar leans on the wall': the item after its owner's verb
    has a verb of its own, a new clause (not 'a woman with curly hair and glasses sits')."""

    def acts(p: Phrase | None) -> bool:
        return isinstance(p, Verb) and p.low.endswith("s")

    named = bool(phrases[k].determiner)  # type: ignore[union-attr]
    return named and acts(_after(phrases, k)) and any(acts(p) for p in phrases[owner + 1 : k])


def _attachment(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """The owner of a worn, held, contained or depicted thing, if it is one."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = _lead(phrases, k)
    sentence = p.sentence
    carried = known.has(Flag.WEARABLE) or known.has(Flag.HOLDABLE) or known.size <= Size.TINY
    if not carried and known.size > Size.SMALL:
        return None
    if isinstance(before, Verb) and is_class(before.low, WordClass.ATTACH_VERB):
        return _wearer_or_holder(phrases, k, before, known, nouns)
    if known.kind in ANIMATE:
        return None
    if _in_hand(phrases, k):
        return _owner(nouns, sentence, animate=True, earlier=False)  # "the captain, pipe in mouth"
    worn_on = _on_own_body(phrases, k)
    if worn_on and carried:
        return _possessor(nouns, sentence, worn_on)  # "the woman, a shawl around her shoulders,"
    relation = before.spatial.relation if isinstance(before, SpacePhrase) else None
    end = list_end(phrases, k)
    end += isinstance(phrases[end], Verb) if end < len(phrases) else 0  # "... a pen lying across it"
    if relation == "with" and on_its_owner(phrases, end):
        return None  # "a blanket with a basket on it": a thing resting on the blanket
    if relation == "with" and _set_beside(phrases, k):
        return None  # "a hiker with a backpack at his feet": set down beside its owner
    if relation == "with" and _fitted_on(phrases, k, known, nouns):
        return len(nouns) - 1  # "sells tofu from a cart with a striped umbrella": the cart's
    if relation == "with" and _laden(phrases, k, known, nouns):
        return len(nouns) - 1  # "a cart piled with loaves": the load is in the cart's prompt
    if _served_on(phrases, k, known, nouns):
        return None  # "a table set with a teapot and cups": each rests on the table
    if relation == "on" and _worn_underfoot(phrases, k, known, nouns):
        return len(nouns) - 1  # "a girl on roller skates": worn, not a support
    if relation == "inside" and known.has(Flag.WEARABLE) or relation == "with" and carried:
        return _in_or_with_owner(phrases, k, relation, known, nouns)
    if p.determiner in _POSSESSIVE and carried and not _placed_next(phrases, k):
        return _possessor(nouns, sentence, p.determiner)  # "mend their nets", "her umbrella"
    if (
        _low(before) == "of"
        and nouns
        and nouns[-1].index == k - 2
        and nouns[-1].is_thing
        and _holds(nouns[-1])
    ):
        return len(nouns) - 1  # "a bowl of lemons", "a painting of a corgi"
    listed = _listed_with(phrases, k, nouns)
    if listed is not None and carried and not _own_clause(phrases, k, nouns[listed].index):
        return listed
    described = isinstance(before, Verb) and _low(_before(phrases, k, 2)) == ","  # ", matching uniforms"
    if known.has(Flag.WEARABLE) and (_low(before) == "," or described) and not p.determiner:
        return _tag_owner(phrases, nouns, sentence)  # tag lists: "1girl, red cheongsam"
    wielded = described and before.low.endswith("ing") and known.has(Flag.HOLDABLE)  # type: ignore[union-attr]
    if wielded and not p.determiner and not p.plural:
        return _tag_owner(phrases, nouns, sentence)  # tag lists: "blacksmith, swinging hammer"
    return _in_use(phrases, k, known, nouns)


def _tag_owner(phrases: tuple[Phrase, ...], nouns: list[Noun], sentence: int) -> int | None:
    """Whom a tag describes: the last person or animal tagged, but in 'horse behind knight, red
    saddle' the tag's subject (the horse), not the thing its place is said against."""
    owner = _owner(nouns, sentence, animate=True)
    named = [i for i, n in enumerate(nouns) if n.role in {Role.THING, Role.REPEAT}]
    last = nouns[named[-1]] if named else None
    if last is None or owner != _resolve(nouns, named[-1]) or last.index < 2:
        return owner
    lead, subject = phrases[last.index - 1], phrases[last.index - 2]
    if isinstance(lead, SpacePhrase) and isinstance(subject, NounPhrase):
        for i, noun in enumerate(nouns):
            if noun.index == last.index - 2 and noun.role in {Role.THING, Role.REPEAT}:
                target = _resolve(nouns, i)
                known = nouns[target].entry
                return target if known is not None and known.kind in ANIMATE else owner
    return owner


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
    subject = _low(_before(phrases, k, 2 + (verb is not _before(phrases, k))))
    if figure is None and subject in _GENDERED:
        return _possessor(nouns, phrases[k].sentence, subject)  # "... a man. She wears a hat"
    return figure if figure is not None else _holder(phrases, k, nouns)


def _in_or_with_owner(
    phrases: tuple[Phrase, ...], k: int, relation: str, known: Entry, nouns: list[Noun]
) -> int | None:
    """The owner of a thing worn 'in' or carried 'with': the one 'she' / 'he' names ('the bride and
    groom, she in a gown'), a figure right before ('a rag doll in a gingham dress'), else the
    latest person or animal ('in a red coat', 'with a cane'), else for a small thing with 'with'
    the latest thing ('a bowl of ramen with a soft boiled egg')."""
    sentence = phrases[k].sentence
    pronoun = _clause_pronoun(phrases, k)
    if pronoun in _GENDERED:
        return _possessor(nouns, sentence, pronoun)
    if relation == "inside" and _wearer_before(nouns, k):
        return len(nouns) - 1
    owner = _owner(nouns, sentence, animate=True, earlier=False)
    if owner is None and relation == "with" and known.size <= Size.SMALL:
        owner = _owner(nouns, sentence, earlier=False)
    return owner


def _in_hand(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the bare noun at k is held by its owner's part, both with no article ('sword in
    hand', 'pipe in mouth', 'cap in hands'): an aside about the one named before."""
    p, space = phrases[k], _after(phrases, k)
    part = phrases[k + 2] if k + 2 < len(phrases) else None
    if not isinstance(p, NounPhrase) or p.determiner or p.count or not isinstance(space, SpacePhrase):
        return False
    owners = value_of(part.head, WordClass.PART) if isinstance(part, NounPhrase) else None
    bare_part = isinstance(part, NounPhrase) and not part.determiner and "person" in (owners or "")
    return space.lead in {"in", "between"} and bare_part


def _on_own_body(phrases: tuple[Phrase, ...], k: int) -> str:
    """The possessive ('her') when the thing at k is set on someone's body part in an aside ('a
    shawl around her shoulders,', 'a sword at his hip.'): after a comma and closing its clause, so
    it is that one's."""
    space = _after(phrases, k)
    part = phrases[k + 2] if k + 2 < len(phrases) else None
    if (
        not isinstance(space, SpacePhrase)
        or not isinstance(part, NounPhrase)
        or _low(_before(phrases, k)) != ","
    ):
        return ""
    closed = k + 3 >= len(phrases) or _low(_after(phrases, k + 2)) in {",", ".", ";", "!"}
    body = is_class(part.head, WordClass.PART) and part.determiner in {"his", "her"}
    return part.determiner if closed and body else ""


def _worn_underfoot(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """'a boy on stilts', 'a girl on roller skates': a worn pair right after someone and 'on' is on
    their feet, not under them."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    owner = nouns[-1] if nouns else None
    return (
        known.has(Flag.WEARABLE)
        and known.has(Flag.PAIR)
        and p.plural
        and p.determiner not in _DEFINITE
        and owner is not None
        and owner.index == k - 2
        and _person(owner)
    )


def _clause_pronoun(phrases: tuple[Phrase, ...], k: int) -> str:
    """The word opening the clause of 'in/with <item>' (phrase k), back over 'is' and describing
    words: 'she in a gown', 'he is barefoot in chinos'."""
    back = 2
    while back < 5:
        word = _before(phrases, k, back)
        if not isinstance(word, Mark) or word.tag not in {Tag.BE, Tag.ADJ, Tag.ADV}:
            break
        back += 1
    return _low(_before(phrases, k, back))


def _wearer_before(nouns: list[Noun], k: int) -> bool:
    """Whether the noun right before 'in <a garment>' (phrase k) can wear it: someone, an
    animal or a figure-like object (a doll, a teddy bear), not a counter or a box."""
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
    place = _after(phrases, k)
    if not isinstance(place, SpacePhrase) or place.spatial.relation not in {
        "adjacent",
        "left_of",
        "right_of",
    }:
        return False
    p, body = phrases[k], _after(phrases, k + 1)
    known = entry(p.compound) or entry(p.head) if isinstance(p, NounPhrase) else None
    worn = known is not None and known.has(Flag.WEARABLE) and isinstance(body, NounPhrase)
    return not (worn and body.determiner in _POSSESSIVE and is_class(body.head, WordClass.PART))  # type: ignore[union-attr]


def _possessor(nouns: list[Noun], sentence: int, determiner: str) -> int | None:
    """Whose 'his'/'her' thing it is (or what 'she'/'he' wears): the latest person of that sex
    when words.tsv tells it (the bride's gown, not the groom's), else the latest person (a
    knight's banner, not his horse's), else the latest person or animal. The latest person of
    this sentence comes first, unless words.tsv gives them the other sex."""
    gender = _GENDERED.get(determiner)
    if gender is not None:
        things = (
            _resolve(nouns, i)
            for i in range(len(nouns) - 1, -1, -1)
            if nouns[i].role in {Role.THING, Role.REPEAT}
        )
        people = [t for t in things if _person(nouns[t])]
        other = WordClass.MALE if gender is WordClass.FEMALE else WordClass.FEMALE
        near = [t for t in people if nouns[t].phrase.sentence == sentence]
        if near and not is_class(nouns[near[0]].head, other):
            return near[0]  # "the ring bearer sits on a bench, tugging at his bow tie"
        told = [t for t in people if is_class(nouns[t].head, gender)]
        if told or people:
            return (told or people)[0]
    return _owner(nouns, sentence, animate=True)


def _holder(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """Who holds or wears the thing at k, named after a verb ('holding', 'wearing'): the subject
    right before a finite verb ('a bard plays a lute'; nobody's when a lifeless thing holds it:
    'a case holds coins'); after a comma, the one the clause before is about ('a
    pixie hovers by the smith's ear, holding a cup', 'a girl stands on the deck of a ship, holding
    a map': the pixie, the girl); else the latest person or animal of the sentence."""
    verb = k - 1 if isinstance(_before(phrases, k), Verb) else k - 2
    low = _low(phrases[verb])
    finite = not (low.endswith(("ing", "ed")) or participle(low) or _low(_before(phrases, verb)) == ",")
    named = finite and isinstance(_before(phrases, verb), NounPhrase) and not _governed(phrases, verb - 1)
    said = len(nouns) - 1 if named and nouns and nouns[-1].index == verb - 1 else None
    if said is not None and nouns[said].is_thing and not _may_act(nouns[said]):
        return None  # "a glass case holds a collection of coins": its own, or things of their own
    subject = _acting(phrases, verb - 1, nouns) if named else None
    if subject is None:
        subject = _clause_subject(phrases, verb, nouns)
    return subject if subject is not None else _owner(nouns, phrases[k].sentence, animate=True, earlier=False)


def _clause_subject(phrases: tuple[Phrase, ...], verb: int, nouns: list[Noun]) -> int | None:
    """The subject of the verb before a comma and the verb at `verb`, when no noun phrase of its
    own comes between ('his daughter, wearing pajamas, sits' is about the daughter)."""
    if _low(_before(phrases, verb)) != ",":
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
    said = _resolve(nouns, said)
    known = nouns[said].entry
    return said if nouns[said].is_thing and (known is None or known.kind in ANIMATE) else None


def _absolute_owner(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The owner of an unlisted 'its' / 'his' / 'her' noun opening an aside after a comma with a
    participle ('a pen lies across a notebook, its gold nib catching the light'): the subject of
    the clause before the comma (the pen), not the thing last named."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    nxt = _after(phrases, k)
    aside = _low(_before(phrases, k)) == "," and isinstance(nxt, Verb) and nxt.low.endswith(("ing", "ed"))
    if p.determiner not in _POSSESSIVE or not aside:
        return None
    for j in range(k - 2, -1, -1):
        if isinstance(phrases[j], Mark) and phrases[j].tag is Tag.END:  # type: ignore[union-attr]
            return None
        if isinstance(phrases[j], Verb):
            start = j - 1 if clause_participle(phrases, j) else subject_phrase(phrases, j)  # "a pen lying"
            said = next((i for i, n in enumerate(nouns) if n.index == start), None)
            return (
                _resolve(nouns, said)
                if said is not None and nouns[said].role in {Role.THING, Role.REPEAT}
                else None
            )
    return None


def _unlisted_holder(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """Who holds or wears an unlisted thing named right after 'holding' / 'wearing' or bare before
    'in hand': a person or animal of the sentence (see _holder)."""
    lead = _lead(phrases, k)
    if isinstance(lead, Verb) and is_class(lead.low, WordClass.ATTACH_VERB) and not participle(lead.low):
        holder = _holder(phrases, k, nouns)
    elif _in_hand(phrases, k):
        holder = _owner(nouns, phrases[k].sentence, animate=True, earlier=False)
    else:
        return None
    return holder


def _fitted_on(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """Whether the thing at k, after 'with', is fitted on the vehicle or stall right before it ('a
    cart with a striped umbrella', 'a stall with a parasol'): no smaller thing a hand holds."""
    host = nouns[-1] if nouns and nouns[-1].index == k - 2 and nouns[-1].is_thing else None
    fitted = host is not None and host.entry is not None and host.entry.kind in _BEARERS
    return fitted and known.size >= Size.MEDIUM and not known.has(Flag.WEARABLE)


def _may_act(noun: Noun) -> bool:
    """Whether a thing can hold or wear something: a person or an animal, or an unlisted word
    that may name someone (rules_vocab.may_name_someone)."""
    if noun.entry is None:
        return may_name_someone(noun.phrase.words[-1])
    return noun.entry.kind in ANIMATE


def _governed(phrases: tuple[Phrase, ...], j: int) -> bool:
    """Whether the noun phrase at j is the object of a preposition or a verb, or the part of one
    ('near the smith's ear')."""
    owned = _low(_before(phrases, j)) == "'s" and j >= 2
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
    figure = figure or worn and last.entry.kind is not ThingKind.SCENE
    return len(nouns) - 1 if figure else None


def _laden(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """'a cart piled with loaves', 'a cake topped with cherries': food or tiny things a thing is
    laden with, right after it ('<thing> <participle> with <load>')."""
    verb = _before(phrases, k, 2)
    small = known.size <= Size.TINY or known.kind is ThingKind.FOOD and known.size <= Size.SMALL
    if not small or not isinstance(verb, Verb) or not participle(verb.low) or not nouns:
        return False
    owner = nouns[-1]
    return owner.is_thing and owner.index == k - 3 and (owner.entry is None or owner.entry.size > known.size)


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
    before, after = _lead(phrases, k), _after(phrases, k)
    hand = (
        _after(phrases, k + 1)
        if isinstance(after, SpacePhrase) and after.spatial.relation in {"inside", "on"}
        else None
    )
    if (
        isinstance(hand, NounPhrase)
        and hand.determiner in _POSSESSIVE
        and is_class(hand.head, WordClass.PART)
        and (known.has(Flag.HOLDABLE) or known.size <= Size.SMALL)
    ):
        return _owner(nouns, p.sentence, animate=True)  # "the ball in his raised hand", "a pot in her hand"
    body = _on_body(phrases, k)
    if body and (known.has(Flag.HOLDABLE) or known.has(Flag.WEARABLE) or known.size <= Size.SMALL):
        return _possessor(
            nouns, p.sentence, body
        )  # "a pipe dangling from his lips", "a lamp swinging from his hand"
    if not known.has(Flag.HOLDABLE) or known.size > Size.MEDIUM or _placed_next(phrases, k):
        return None
    relation = before.spatial.relation if isinstance(before, SpacePhrase) else None
    if relation not in _USING and _low(_before(phrases, k)) not in _USING_WORDS:
        return None
    posture = _before(phrases, k, 2)
    if relation == "on" and isinstance(posture, Verb) and is_class(posture.low, WordClass.PLACING_VERB):
        return None  # "a boy sitting on a crate": a support under him, not a thing in use
    owner = _owner(nouns, p.sentence, earlier=False)
    if owner is not None and _person(nouns[owner]):
        return owner
    owner = _owner(nouns, p.sentence, animate=True, earlier=False)  # "..., licking batter off a spoon"
    acting = owner is not None and any(
        isinstance(q, Verb) and q.low.endswith("ing") and _low(_before(phrases, j)) == ","
        for j, q in enumerate(phrases[:k])
        if j > nouns[owner].index
    )
    return owner if acting and owner is not None and _person(nouns[owner]) else None


def _on_body(phrases: tuple[Phrase, ...], k: int) -> str:
    """The possessive ('his', 'her') when phrase k is a thing described as on its owner's body
    by a participle: 'a cigarette glowing between his fingers', 'a sword slung at her hip'
    ('a bag resting at her feet', set down, is not)."""
    verb = _after(phrases, k)
    if isinstance(verb, Verb) and is_class(verb.low, WordClass.PLACING_VERB):
        return ""
    described = isinstance(verb, Verb) or isinstance(verb, Mark) and verb.tag in {Tag.ADJ, Tag.ADV}
    place = _after(phrases, k + 1) if described else None
    part = _after(phrases, k + 2) if isinstance(place, SpacePhrase) else None
    if (
        isinstance(part, NounPhrase)
        and part.determiner in _POSSESSIVE
        and is_class(part.head, WordClass.PART)
    ):
        return part.determiner
    return ""


def _person(noun: Noun) -> bool:
    return noun.entry is not None and noun.entry.kind is ThingKind.PERSON


def _holds(owner: Noun) -> bool:
    """Whether 'X of Y' makes Y part of X's prompt: a container, a plate, a picture of Y."""
    known = owner.entry
    flagged = known is not None and (known.has(Flag.CONTAINER) or known.has(Flag.SUPPORT))
    return flagged or is_class(owner.phrase.head, WordClass.DEPICTING_OBJECT)


def _part_owner(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """Whose part 'the roof' / 'her feet' is: the latest thing of a kind that has it (words.tsv
    gives the kinds), and never the subject of the relation it ends ('a gull perches on the roof')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    candidates = nouns
    lead = _lead(phrases, k)
    kind_of = entry(p.words[-2]) if len(p.words) >= 2 and not p.determiner else None
    placed = isinstance(lead, SpacePhrase) and lead.spatial.relation not in {None, "with"}
    if placed and kind_of is not None and kind_of.kind in ANIMATE:
        return None  # "a hut stands on chicken legs": legs like a chicken's, nobody's named here
    if isinstance(lead, SpacePhrase) and lead.spatial.relation not in {None, "with", "inside"}:
        subject = _owner(nouns, p.sentence)
        candidates = nouns[:subject] if subject is not None else nouns
    if p.determiner in _POSSESSIVE and p.head not in {"roof", "chimney"}:
        owner = _owner(candidates, p.sentence, animate=True)  # "in her hand": someone's, not the counter's
        if owner is not None:
            return owner
    kinds = (value_of(p.head, WordClass.PART) or "").split(",")
    fitting = [
        i
        for i, n in enumerate(candidates)
        if _named_again(phrases, n) and n.entry is not None and n.entry.kind.value in kinds
    ]
    host = _with_host(phrases, k, nouns)
    if host is not None and not any(candidates[i].phrase.sentence == p.sentence for i in fitting):
        return host  # "... a cart. Behind it stood a windmill with patched sails": the windmill's
    return _resolve(nouns, fitting[-1]) if fitting else _owner(candidates, p.sentence)


def _named_again(phrases: tuple[Phrase, ...], noun: Noun) -> bool:
    """Whether a noun is a thing named here, or named again as a bare tag ("1girl, ..., girl with
    red hair"; not "to the right of the leader, long hair")."""
    again = noun.role is Role.REPEAT and not isinstance(_before(phrases, noun.index), SpacePhrase)
    return noun.role is Role.THING or again


def _with_host(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The thing named right before 'with' and the noun phrase at k ('a windmill with sails')."""
    lead = _before(phrases, k)
    if not (isinstance(lead, SpacePhrase) and lead.lead == "with") or not nouns:
        return None
    last = nouns[-1]
    return (
        _resolve(nouns, len(nouns) - 1)
        if last.index == k - 2 and last.role in {Role.THING, Role.REPEAT}
        else None
    )


def _listed_part_owner(
    phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]
) -> int | None:
    """The owner of a listed thing that is also a part of things of some kinds (words.tsv: a
    steeple of a building), when the prompt gives it one ('a chapel with a steeple', 'its
    spire'): the latest thing of that kind. Named alone ('a spire rises'), it stays a thing."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    kinds = (value_of(p.head, WordClass.PART) or "").split(",")
    lead = _lead(phrases, k)
    given = isinstance(lead, SpacePhrase) and lead.spatial.relation == "with" or p.determiner in _POSSESSIVE
    if known is None or kinds == [""]:
        return None
    next_to = bool(nouns) and nouns[-1].index == k - 2
    under = isinstance(lead, SpacePhrase) and lead.lead in {"under", "in"} and next_to  # "in a gilt frame"
    aside = _low(_before(phrases, k)) == "," and not p.determiner and next_to  # "a sign, gold letters"
    if (
        (under or aside)
        and nouns[-1].is_thing
        and nouns[-1].entry is not None
        and nouns[-1].entry.kind.value in kinds
    ):
        return len(nouns) - 1  # "a stall under a striped awning": its own canopy, "a sign, red letters"
    if not given:
        return None
    nearest = p.determiner not in _POSSESSIVE  # "a lot with two cars": in this sentence, or nobody's
    for i in range(len(nouns) - 1, -1, -1):
        owner = nouns[i].entry
        if nouns[i].role is Role.THING and owner is not None and owner.kind.value in kinds:
            return _resolve(nouns, i)
        if nearest and (nouns[i].phrase.sentence != p.sentence or nouns[i].role in {Role.NONE, Role.SCENE}):
            return None
    return None


_LANDMARK_KINDS = frozenset({ThingKind.SCENE, ThingKind.BUILDING, ThingKind.NATURE})


def _is_name(p: NounPhrase, phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether a noun phrase is a proper name ('the Matterhorn', 'Mount Fuji', 'Big Ben'): every
    word capitalised, the head unlisted (or a part: 'Diamond Head'), not the word opening a
    sentence alone, and not an appositive naming the thing before ('the grandfather, Walter,')."""
    if not all(w[:1].isupper() for w in p.words) or not p.head.isascii() or not p.head.isalpha():
        return False
    if entry(p.compound) is not None and not is_class(p.head, WordClass.PART):
        return False
    opening = len(p.words) == 1 and _opens_sentence(phrases, k) and bool(parts_of_speech(p.head))
    if classes_of(p.head) - {WordClass.PART} or opening:
        return False  # "Rain streaks the window", but "Pikachu waves"
    before = _before(phrases, k)
    inside = isinstance(before, SpacePhrase) and before.spatial.relation == "inside"
    if inside or isinstance(before, Mark) and before.tag is Tag.PREP:
        return False  # "sunset at Waikiki", "dinner in Lisbon": a place name is the setting
    return not (_low(before) == "," and isinstance(_before(phrases, k, 2), NounPhrase))


def _opens_sentence(phrases: tuple[Phrase, ...], k: int) -> bool:
    before = _before(phrases, k)
    opening = before is None or isinstance(before, Mark) and before.tag is Tag.END
    return opening and not phrases[k].determiner  # type: ignore[union-attr]


def _acts_or_placed(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is the subject of a verb (past a parenthesis of adjectives: 'the
    Matterhorn, crooked and snowy, fills'), placed, or the owner of a part ("Diamond Head's
    silhouette")."""
    nxt = _after(phrases, k)
    if isinstance(nxt, SpacePhrase) and (nxt.spatial.relation not in {None, "with"} or _absolute(nxt)):
        return True
    if _low(nxt) == "'s":
        owned = _after(phrases, k + 1)
        return isinstance(owned, NounPhrase) and is_class(owned.head, WordClass.PART)
    j = k + 1
    while j < len(phrases):
        q = phrases[j]
        if isinstance(q, Mark) and q.tag in {Tag.ADJ, Tag.CONJ, Tag.COMMA, Tag.ADV}:
            j += 1
        elif _worn_aside(phrases, j):
            j += 2  # "Father Christmas, in a red coat, kneels"
        else:
            break
    after = phrases[j] if j < len(phrases) else None
    if isinstance(after, SpacePhrase) and j > k + 1 and _low(phrases[j - 1]) != ",":
        return bool(after.spatial.depth) or _absolute(after)  # "with Mount Fuji small in the distance"
    return isinstance(after, Verb) and (j == k + 1 or _low(phrases[j - 1]) == ",")


def _worn_aside(phrases: tuple[Phrase, ...], j: int) -> bool:
    """', in a red coat,': a parenthesis saying what someone wears, between commas."""
    lead, worn = phrases[j], _after(phrases, j)
    if not isinstance(lead, SpacePhrase) or lead.lead != "in" or not isinstance(worn, NounPhrase):
        return False
    known = entry(worn.compound) or entry(worn.head)
    return _low(_before(phrases, j)) == "," and known is not None and known.has(Flag.WEARABLE)


def name_entry(phrases: tuple[Phrase, ...], k: int) -> Entry | None:
    """The entry a proper name the prompt treats as a thing stands for: a landmark (huge) after
    'the' or with a landmark word ('Mount Fuji'), else someone (a person)."""
    p = phrases[k]
    if not isinstance(p, NounPhrase) or not _is_name(p, phrases, k) or not _acts_or_placed(phrases, k):
        return None
    landmark = (
        p.determiner == "the"
        or is_class(p.head, WordClass.PART)
        or any(
            (entry(w) is not None and entry(w).kind in _LANDMARK_KINDS)
            for w in p.modifiers  # type: ignore[union-attr]
        )
    )
    if landmark:
        return Entry(p.compound, Size.HUGE, ThingKind.BUILDING, frozenset({Flag.TALL}))
    return Entry(p.compound, Size.MEDIUM, ThingKind.PERSON, frozenset({Flag.TALL}))


def _painted_on(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The thing a picture is painted, printed or carved on, named just after it ('a skull painted
    on the bass drum', 'a rose carved into the door'): the index its noun will have."""
    verb, place, canvas = phrases[k + 1 : k + 4] if k + 4 <= len(phrases) else (None, None, None)
    if not (isinstance(verb, Verb) and is_class(verb.low, WordClass.MAKER_VERB)):
        return None
    if not (isinstance(place, SpacePhrase) and place.lead in {"on", "onto", "into", "across"}):
        return None
    known = entry(canvas.compound) or entry(canvas.head) if isinstance(canvas, NounPhrase) else None
    if known is None or known.kind in {ThingKind.SCENE, ThingKind.PERSON}:
        return None
    return len(nouns) + sum(isinstance(q, NounPhrase) for q in phrases[k : k + 3])


def _thing_role(
    phrases: tuple[Phrase, ...], k: int, nouns: list[Noun], known: Entry | None
) -> tuple[Role, int | None]:
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if known is None:
        person = nouns[-1] if nouns and nouns[-1].index == k - 2 else None
        lead = _before(phrases, k)
        inside = isinstance(lead, SpacePhrase) and lead.spatial.relation == "inside" and lead.lead == "in"
        if inside and person is not None and person.is_thing and _person(person) and not p.plural:
            return (Role.ATTACHED, len(nouns) - 1)  # "a maid in a blue bodice": an unlisted garment
        holder = _unlisted_holder(phrases, k, nouns)
        if holder is not None:
            return (Role.ATTACHED, holder)  # "holding a brass astrolabe", "calipers in hand"
        owner = _absolute_owner(phrases, k, nouns)
        if owner is not None:
            return (Role.PART, owner)  # "a pen on a notebook, its gold nib catching the light"
        return (_unknown_role(phrases, k), None)
    open_air = (
        is_class(p.head, WordClass.SKY) or known.has(Flag.SUPPORT) or p.head in {"horizon", "background"}
    )
    contents = _low(_before(phrases, k)) == "of" and bool(nouns) and nouns[-1].index == k - 2
    if contents and nouns[-1].is_thing and _holds(nouns[-1]):
        return (Role.ATTACHED, len(nouns) - 1)  # "a jug of water", "a bowl of soup"
    if contents and nouns[-1].role is Role.ATTACHED and nouns[-1].ref is not None and _holds(nouns[-1]):
        return (Role.ATTACHED, nouns[-1].ref)  # "two men hold a jug of water": the water is theirs too
    if _framed_setting(phrases, k, nouns) or _shot_on(phrases, k, known, nouns):
        return (Role.SCENE, None)  # "overhead photo of a breakfast table: ...": what the picture shows
    if (
        known.kind is ThingKind.SCENE
        and (open_air or not (_placed_next(phrases, k) or _placed_later(phrases, k)))
        and not _scene_object(phrases, k, known, nouns)
    ):
        return (Role.SCENE, None)
    owner = _attachment(phrases, k, known, nouns)
    if owner is None:
        owner = _painted_on(phrases, k, nouns)  # "a skull painted on the drum": in the drum's prompt
    if owner is not None:
        return (Role.ATTACHED, owner)
    bare = (
        not (p.determiner or p.count or p.plural)
        and known.kind is ThingKind.FOOD
        and known.size <= Size.SMALL
    )
    acting = isinstance(_before(phrases, k), Verb) and not participle(_low(_before(phrases, k)))
    if bare and acting:
        return (Role.NONE, None)  # "pours tea", "bakes bread": part of the action, not a thing
    shared = _shared(phrases, k, known, nouns)
    if shared is not None:
        return (Role.ATTACHED, shared)
    return (Role.THING, None)


_SETTING_RELATIONS = frozenset({None, "with", "inside"})


def _scene_object(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """A bounded scene (things.tsv 'bounded': a hill, a pond, a village) that the prompt shows as
    an object: a thing is on or by it ('a castle atop a steep hill'), it is by a thing ('a pond
    beside the bench'), it holds things ('a village of cottages') or it acts ('a river flows').
    In it ('in a village') or named bare ('on the hill'), it stays the setting."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if not known.has(Flag.BOUNDED) or p.determiner in _DEFINITE and not p.modifiers:
        return False
    before, after = _before(phrases, k), _after(phrases, k)
    under = isinstance(before, SpacePhrase) and before.spatial.relation not in _SETTING_RELATIONS
    if under and _owner(nouns, p.sentence, earlier=False) is not None:
        return True  # "a castle sits atop a steep green hill"
    if isinstance(after, SpacePhrase) and after.spatial.relation not in _SETTING_RELATIONS:
        return _a_thing(_after(phrases, k + 1))  # "a small pond beside the bench"
    if _low(after) == "of":
        held = _after(phrases, k + 1)
        return _a_thing(held) and held.plural  # type: ignore[union-attr]
    return isinstance(after, Verb)  # "a winding blue river flows past the mill"


def _a_thing(phrase: Phrase | None) -> bool:
    """Whether a phrase names a listed thing that is no scene (a bench, cottages)."""
    if not isinstance(phrase, NounPhrase):
        return False
    known = entry(phrase.compound) or entry(phrase.head)
    return known is not None and known.kind is not ThingKind.SCENE


def _framed_setting(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'<picture> of/for X:' opening the prompt: X is the setting the listed things are in."""
    framed = _after_frame(nouns, k)
    return framed and _low(_before(phrases, k)) in {"of", "for"} and _low(_after(phrases, k)) == ":"


def _shot_on(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """'a flat-lay of a lazy brunch on an oak table': a large surface under what the picture
    shows, before any thing is named, is the setting the things are laid out on."""
    before = _before(phrases, k)
    on = isinstance(before, SpacePhrase) and before.spatial.relation == "on"
    shown = bool(nouns) and nouns[-1].index == k - 2 and nouns[-1].role is Role.NONE  # the brunch
    framed = any(n.role is Role.FRAME for n in nouns) and not _things_so_far(nouns)
    return on and shown and framed and known.has(Flag.SUPPORT) and known.size >= Size.LARGE


def _shared(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """The people or animals acting on a tiny thing with no place of its own: 'two teenagers share
    a bubble tea', 'a girl eats an apple' (the thing is in their prompt, not a region)."""
    before = _before(phrases, k)
    acting = isinstance(before, Verb) and not is_class(before.low, WordClass.PLACING_VERB)
    if not acting or known.size > Size.TINY or phrases[k].determiner not in {"a", "an"}:  # type: ignore[union-attr]
        return None
    after = _after(phrases, k)
    if _placed_next(phrases, k) or isinstance(after, SpacePhrase) and not _own_place(phrases, k + 1):
        return None
    owner = _owner(nouns, phrases[k].sentence, animate=True)  # type: ignore[union-attr]
    return owner if owner is not None and nouns[owner].index == k - 2 else None


def _own_place(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the spatial phrase k leads to the actor's own thing ('at his anvil', 'on her
    lap'): the actor's place, not the acted-on thing's."""
    owned = _after(phrases, k)
    return isinstance(owned, NounPhrase) and owned.determiner in _POSSESSIVE


def _dressed(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is followed by 'in <something worn>' ('a paddleboarder in a wetsuit'):
    only someone is dressed."""
    lead = _after(phrases, k)
    worn = _after(phrases, k + 1)
    if not isinstance(lead, SpacePhrase) or lead.lead != "in" or not isinstance(worn, NounPhrase):
        return False
    known = entry(worn.compound) or entry(worn.head)
    return known is not None and known.has(Flag.WEARABLE)


def _wears_listed(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is followed by 'with' and a list naming something worn ('a luthier with
    thick glasses and a canvas apron'): only someone wears them."""
    lead = _after(phrases, k)
    if not isinstance(lead, SpacePhrase) or lead.spatial.relation != "with":
        return False
    listed = (q for q in phrases[k + 2 : list_end(phrases, k + 1)] if isinstance(q, NounPhrase))
    return any((entry(q.compound) or entry(q.head) or _SOMEONE).has(Flag.WEARABLE) for q in listed)


_SOMEONE = Entry("someone", Size.MEDIUM, ThingKind.PERSON, frozenset({Flag.TALL}))


def _unknown_role(phrases: tuple[Phrase, ...], k: int) -> Role:
    """An unlisted noun is a thing only with an article or number and a place or an action."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if classes_of(p.head) or not p.head.isascii() or not p.head.isalpha():
        return Role.NONE
    counted = p.determiner in {"a", "an"} or p.count is not None and p.count > 1
    nxt = _after(phrases, k)
    before = _before(phrases, k)
    if isinstance(before, SpacePhrase) and before.spatial.relation == "with":
        return Role.NONE  # "a girl with a megaphone": said of its owner
    if (
        isinstance(nxt, SpacePhrase)
        and nxt.spatial.relation == "with"
        and list_end(phrases, k + 1) < len(phrases)
    ):
        nxt = phrases[list_end(phrases, k + 1)]  # "a monster with glowing eyes and horns climbs ..."
    if _dressed(phrases, k):
        return Role.THING if counted else Role.NONE  # "a paddleboarder in a red wetsuit"
    acts = isinstance(nxt, Verb) or isinstance(nxt, Mark) and nxt.tag is Tag.BE
    governed = _low(before) == "of" or isinstance(before, SpacePhrase)
    if (
        acts
        and governed
        and is_class(_low(nxt), WordClass.PLACING_VERB)
        and isinstance(_after(phrases, k + 1), NounPhrase)
    ):
        return Role.NONE  # "behind the bar of a tiny bodega stands a barman": the place, not the subject
    if isinstance(before, Verb) and is_class(before.low, WordClass.PLACING_VERB) and counted:
        return Role.THING  # "on the bench sits a brass automaton": the subject, after its verb
    placed = isinstance(nxt, SpacePhrase) and nxt.spatial.relation not in {None, "with", "inside"}
    related = isinstance(before, SpacePhrase) and before.spatial.relation in _BESIDE  # "next to a tamper"
    if p.determiner == "the" and isinstance(nxt, Verb) and isinstance(_after(phrases, k + 1), SpacePhrase):
        return Role.THING  # "the lunar module stands behind him": acting and placed
    return Role.THING if counted and (acts or placed or related or _absolute(nxt)) else Role.NONE


def _named_business(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'the window of Marlowe's Books', 'a table at Gino's Pizzeria': a capitalised name with a
    possessive after a preposition names a shop, the setting, not a thing to draw."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    capitals = len(p.words) > 1 and all(w[:1].isupper() for w in p.words)
    owned = any(w.endswith("'s") for w in p.words[:-1])
    before = _before(phrases, k)
    governed = isinstance(before, SpacePhrase) or isinstance(before, Mark) and before.tag is Tag.PREP
    return capitals and owned and governed and not p.determiner


def _cast_count(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'3 characters, ...: a knight, a witch, a bard': a count of the people named after it
    (words.tsv 'cast_noun'), not people of its own."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if not (is_class(p.head, WordClass.CAST_NOUN) or _cast_tag(phrases, k)) or not p.count or p.determiner:
        return False
    later = 0
    for j in range(k + 1, len(phrases)):
        q = phrases[j]
        known = entry(q.compound) or entry(q.head) if isinstance(q, NounPhrase) else None
        if known is None or known.kind is not ThingKind.PERSON:
            continue
        if not is_class(q.head, WordClass.CAST_NOUN) and not _cast_tag(phrases, j):
            later += q.count or 1  # type: ignore[union-attr]
    return later >= p.count


def _cast_tag(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'1boy, 1girl, a swordsman ..., a schoolgirl ...', '2boys, two knights': a tag of a person
    word with a count in digits and nothing else, followed by more such tags or by people named
    with 'a' or a count: the people described after it are the ones it counts."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    known = entry(p.head)
    person = known is not None and known.kind is ThingKind.PERSON
    if not (person and p.numeral and not p.modifiers and _low(_after(phrases, k)) == ","):
        return False  # "1girl, short black hair": the tag is described, it is someone
    if _members_named(phrases, k, p) or _kind_tagged(phrases, k, p):
        return True  # "4girls, idol group, the leader ..., the rapper ..., ..."
    j = k + 2 + isinstance(_after(phrases, k + 1), SpacePhrase)  # ", on the left a swordsman"
    nxt = phrases[j] if j < len(phrases) else None
    if not isinstance(nxt, NounPhrase):
        return False
    named = entry(nxt.compound) or entry(nxt.head)
    counted = (nxt.count or 0) > 1 and not is_class(nxt.head, WordClass.KIN)  # not "2girls, twin sisters"
    introduced = nxt.determiner in {"a", "an"} or counted  # "a swordsman", "two knights"
    introduced = introduced or _character_tag(p, nxt)  # "2boys, pirate king, ..."
    someone = named is not None and named.kind is ThingKind.PERSON and introduced
    return someone or _cast_tag(phrases, j)


def _members_named(phrases: tuple[Phrase, ...], k: int, tag: NounPhrase) -> bool:
    """'4girls, idol group, the leader ..., the rapper ..., the vocalist ..., the youngest ...': a
    count tag followed by as many people of other kinds, each named by 'the' and their role,
    counts those members, not people of its own."""
    roles: set[str] = set()
    for q in phrases[k + 1 :]:
        if not isinstance(q, NounPhrase) or q.determiner != "the" or q.head == tag.head:
            continue
        known = entry(q.compound) or entry(q.head)
        if known is not None and known.kind is ThingKind.PERSON and not is_class(q.head, WordClass.KIN):
            roles.add(q.head)
    return len(roles) >= (tag.count or 1) > 1


def _kind_tagged(phrases: tuple[Phrase, ...], k: int, tag: NounPhrase) -> bool:
    """'2girls, park, girl with a red umbrella, girl with a kite': as many later bare tags of
    the counted kind as the count are the ones it counts."""
    later = [
        q
        for j, q in enumerate(phrases[k + 1 :], start=k + 1)
        if isinstance(q, NounPhrase) and q.head == tag.head and not q.determiner and q.count is None
        if _low(_before(phrases, j)) == ","
    ]
    return len(later) >= (tag.count or 1) > 1


def _character_tag(tag: NounPhrase, nxt: NounPhrase) -> bool:
    """'2boys, pirate king', '1girl, mercenary': a bare person word of another kind right after a
    count tag names one of the characters it counts."""
    bare = not nxt.determiner and nxt.count is None
    return bare and nxt.head != tag.head and not is_class(nxt.head, WordClass.KIN)


def _arrangement(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'arranged in a neat fan', 'sitting in a ring': after 'in', a word for a group's shape
    (words.tsv 'arrangement') with no 'of' after it says how things are arranged, no thing."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = _before(phrases, k)
    lead_in = isinstance(before, SpacePhrase) and before.lead == "in"
    return (
        lead_in
        and is_class(p.head, WordClass.ARRANGEMENT)
        and not p.plural
        and _low(_after(phrases, k)) != "of"
    )


def _idiom(phrases: tuple[Phrase, ...], k: int, known: Entry | None) -> bool:
    """'two sentries stand guard', 'a man sits sentry': a bare person word right after a verb of
    posture says what they do, not someone else."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = _before(phrases, k)
    bare = not (p.determiner or p.count or p.plural or p.modifiers)
    posture = isinstance(before, Verb) and is_class(before.low, WordClass.PLACING_VERB)
    return bare and posture and known is not None and known.kind is ThingKind.PERSON


def _colour_role(p: NounPhrase, before: Phrase | None, nouns: list[Noun]) -> tuple[Role, int | None] | None:
    """The role of a colour word that is no thing ('the car is orange', 'teal and orange'); None
    when it may be one ('two oranges')."""
    if not is_class(p.head, WordClass.COLOUR):
        return None
    be = isinstance(before, Mark) and before.tag is Tag.BE
    if be and not p.determiner and len(p.words) == 1:
        owner = _owner(nouns, p.sentence)
        if owner is not None:
            return (Role.PREDICATE, owner)  # "the car is orange"
    if be:
        return (Role.NONE, None)  # "the sky is a bright orange"
    if not (p.determiner or p.count or p.plural):
        return (Role.NONE, None)  # "teal and orange": a colour grade, not a fruit
    return None


def _likeness(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the noun phrase at k is only a likeness ("shaped like a moon", "dressed as a
    pirate"); "as" before a subject and its verb opens a clause ("as a boy sits down")."""
    low = _low(_before(phrases, k))
    clause = isinstance(_after(phrases, k), Verb) and not isinstance(_before(phrases, k, 2), Verb)
    return low == "like" or (low == "as" and not clause)


def _role(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> tuple[Role, int | None]:
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    known = entry(p.compound) or entry(p.head)
    before = _before(phrases, k)
    if _negated(phrases, k, nouns):
        return (Role.NEGATED, None)
    if isinstance(before, Verb) and is_class(before.low, WordClass.NAMING_VERB) and nouns:
        return (Role.REPEAT, _resolve(nouns, len(nouns) - 1))  # "a dog named Biscuit": its name
    if _named_business(phrases, k) or _cast_count(phrases, k) or _idiom(phrases, k, known):
        return (Role.NONE, None)
    if _likeness(phrases, k) or _arrangement(phrases, k):
        return (Role.NONE, None)  # "a nightlight shaped like a moon", "arranged in a neat fan"
    written = isinstance(before, SpacePhrase) and before.lead == "in"
    if is_class(p.head, WordClass.CAST_NOUN) and p.plural and not p.determiner and written:
        return (Role.NONE, None)  # "signs in Chinese characters": written ones
    if is_class(p.head, WordClass.MEASURE) and (p.count or p.vague):
        return (Role.MEASURE, None)
    owned = p.determiner in _POSSESSIVE  # "with its wings spread", "their glow": the owner's
    if not owned and (
        _made_by(phrases, k)
        or _is_frame(phrases, k, nouns)
        or _of_style(phrases, k, nouns)
        or _source(phrases, k, nouns)
        or _frame_tail(phrases, k, nouns)
    ):
        return (Role.FRAME, None)
    if not owned and _light(p, known):
        return (Role.LIGHT, None)
    colour = _colour_role(p, before, nouns)
    if colour is not None:
        return colour
    repeat = _named_before(phrases, k, known, nouns)
    if repeat is not None:
        return (Role.REPEAT, repeat)
    toward = _low(before) or (before.lead if isinstance(before, SpacePhrase) else "")
    if p.head in _VIEWER and p.determiner == "the" and toward in {"at", "into", "toward", "towards"}:
        return (Role.NONE, None)  # "waves at the camera": the picture's own camera
    if _group_of_earlier(p, known, nouns):
        return (Role.NONE, None)  # "two girls ... a boy ... behind the children": those already named
    if name_entry(phrases, k) is not None:
        return (Role.THING, None)  # "the Matterhorn fills the top", "Big Ben looms over the bridge"
    if is_class(p.head, WordClass.PART) and (
        known is None or p.head in {"chimney", "roof"} or _low(before) == "'s"
    ):
        owner = _part_owner(phrases, k, nouns)
        return (Role.PART, owner) if owner is not None else (Role.NONE, None)
    owner = _listed_part_owner(phrases, k, known, nouns)
    if owner is not None:
        return (Role.PART, owner)  # "a chapel with a copper steeple", "its turret"
    if p.head == "one":
        previous = _owner(nouns, p.sentence)
        return (Role.THING, None) if previous is not None else (Role.NONE, None)
    if is_class(p.head, WordClass.ABSTRACT) and (known is None or _kind_of_event(p)):
        return (Role.NONE, None)  # "a tennis match", not "two burnt matches"
    return _thing_role(phrases, k, nouns, known)


def _named_before(phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]) -> int | None:
    """The earlier thing the noun phrase at k names again, if any: 'the couch' again, 'the muddy
    jeep', 'the captain, a grey-bearded man', a tag naming a counted kind, a bare repeat."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    repeat = _repeat_of(p, nouns)
    if repeat is None:
        repeat = _described_again(p, known, nouns)
    if repeat is None:
        repeat = _appositive(phrases, k, known, nouns)
    if repeat is None:
        repeat = _tagged_again(phrases, k, nouns)
    if repeat is None:
        repeat = _bare_again(p, nouns)
    return repeat


def _kind_of_event(p: NounPhrase) -> bool:
    """Whether a word that names an event and a thing ('match') follows a noun naming the event's
    kind ('a chess match', 'a boxing match'), not a word describing the thing ('a burnt match')."""
    if len(p.words) < 2 or p.compound != p.head:
        return False  # "a traffic light": a listed thing of its own
    word = p.words[-2].lower()
    pos = parts_of_speech(word)
    kind = "NOUN" in pos or word.endswith("ing")  # "tennis", "boxing"
    return kind and "ADJ" not in pos and not is_class(word, WordClass.MATERIAL)


def _ranked_group(p: NounPhrase, nouns: list[Noun]) -> int | None:
    """The counted group 'the third one' picks from: the latest thing named with a count above one
    ('three stools at the counter ... a boy sits on the third one': a stool, not a boy)."""
    if not any(is_class(word, WordClass.ORDINAL) for word in p.words):
        return None
    for i in range(len(nouns) - 1, -1, -1):
        noun = nouns[i]
        if noun.role is Role.THING and noun.ref is None and (noun.phrase.count or 0) > 1:
            return i
    return None


def roles(phrases: tuple[Phrase, ...]) -> tuple[Noun, ...]:
    """Every noun phrase of `phrases` with its role, in order."""
    nouns: list[Noun] = []
    for k, p in enumerate(phrases):
        if not isinstance(p, NounPhrase):
            continue
        role, ref = _role(phrases, k, nouns)
        known = entry(p.compound) or entry(p.head)
        named = role is Role.THING and known is None and name_entry(phrases, k) is not None
        known = name_entry(phrases, k) if named else known
        if role is Role.THING and known is None and (_dressed(phrases, k) or _wears_listed(phrases, k)):
            known = _SOMEONE  # an unlisted word for someone, dressed: a person
        head = p.head
        if p.head == "one" and role is Role.THING:
            ranked = _ranked_group(p, nouns)
            echoed = nouns[ranked if ranked is not None else _owner(nouns, p.sentence) or 0]
            known, head = echoed.entry, echoed.head
        if role is Role.THING:
            ref = _member_of(p, head, nouns)
        nouns.append(Noun(k, p, role, ref, known, head, named))
    return tuple(nouns)
