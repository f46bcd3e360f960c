"""Roles for the words that are the picture rather than a thing in it, for planner.rules_roles: its
frame and medium ('a photo of', 'an oil painting'), its style and source ('in the style of',
'from a film'), its light and time, a negated thing, idioms, and proper names of places.
"""

from __future__ import annotations

from planner.reading import Size
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb, relates
from planner.rules_role_nouns import (
    Noun,
    Role,
    absolute,
    low_text,
    phrase_after,
    phrase_before,
    things_so_far,
)
from planner.rules_tokens import Tag
from planner.rules_vocab import (
    Entry,
    Flag,
    ThingKind,
    WordClass,
    classes_of,
    entry,
    is_class,
    is_verb_of,
    parts_of_speech,
    verb_lemmas,
)

_FRAMING_NEXT = frozenset("of for from featuring showing depicting with".split())


def negated(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether the noun phrase at k is denied ('no people', 'not a cloud'), so it gets no region."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if p.determiner == "no":
        return True
    before = phrase_before(phrases, k)
    if isinstance(before, Mark) and before.tag is Tag.NEG:
        return True
    if is_class(f"{low_text(phrase_before(phrases, k, 2))} {low_text(before)}", WordClass.NEGATOR):
        return True  # "a candle instead of a bird", "tea rather than coffee"
    if low_text(before) in {"or", "nor"} and nouns and nouns[-1].role is Role.NEGATED:
        return nouns[-1].index == k - 2
    if isinstance(before, SpacePhrase) and isinstance(phrase_before(phrases, k, 2), Mark):
        return phrase_before(phrases, k, 2).tag is Tag.NEG and before.spatial.relation is None  # type: ignore[union-attr]
    return False


def _style_word_names_a_thing(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether the style noun at k names a thing, not the picture's look: 'an eyeshadow palette'
    (but 'a muted palette'), 'a sack of grain'."""
    return _style_word_thing(phrases, k) or _contents_of(phrases, k, nouns)


def _the_pictures_medium(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether the medium at k is what the picture is made in: 'an illustration in soft colored
    pencil', a medium among the style tags ('..., loose pencil, grey marker tones.'), or one joined
    to such a medium ('soft gouache and pencil')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if not p.determiner and _drawn_in(phrases, k, nouns):
        return True
    return _a_tag(phrases, k) and _among_styles(phrases, k, nouns) or _medium_listed(phrases, k, nouns)


def _counted_source_thing(p: NounPhrase) -> bool:
    """Whether a phrase headed by a listed thing that also names a tool pictures are made with
    ('blender') counts it with 'a' or 'one': a program takes no article, so it is the thing."""
    return (
        p.determiner in {"a", "an", "one"}
        and is_class(p.head, WordClass.STYLE_SOURCE)
        and entry(p.head) is not None
    )


def _pair_frame(p: NounPhrase) -> frozenset[WordClass]:
    """The frame class of a phrase's last two words when together they name a kind of picture
    ('a character sheet', 'a reference sheet'), though the head alone is a thing ('a sheet')."""
    pair = " ".join(p.lows[-2:]) if len(p.lows) >= 2 else ""
    return frozenset({WordClass.FRAME_NOUN}) & classes_of(pair) if pair else frozenset()


def is_frame(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """The picture itself: 'an oil painting of', 'the image shows', 'watercolor painting', '4k'."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    head_classes = classes_of(p.head) | _pair_frame(p)
    many = (p.count or 1) > 1
    if WordClass.STYLE_NOUN in head_classes and _style_word_names_a_thing(phrases, k, nouns):
        return False  # "an eyeshadow palette", but "a muted palette"; "a sack of grain"
    if _counted_source_thing(p) or _shown_by(phrases, k, nouns):
        return False  # "a molcajete and a blender": the appliance; "a screen glows with a movie"
    if WordClass.STYLE_NOUN in head_classes or any(is_class(w, WordClass.STYLE_SOURCE) for w in p.lows):
        return not many
    if entry(p.compound) is None and WordClass.STYLE in head_classes:
        return True  # "soft watercolour", "masterpiece"
    before = phrase_before(phrases, k)
    if WordClass.MEDIUM in head_classes and _the_pictures_medium(phrases, k, nouns):
        return True  # "in soft colored pencil", "..., loose pencil, grey tones.", "gouache and pencil"
    if WordClass.IMAGE_NOUN in head_classes and _area_of(before):
        return True  # "in the centre of the picture", "at the front of the frame"
    if _the_picture(phrases, k) or _medium_on(phrases, k) or _sat_for(phrases, k):
        return True  # "both edges of the frame", "to her right in the frame", "oil on canvas"
    if _worn_sheet(phrases, k, nouns):
        return True  # "..., lithograph texture, sun-faded paper.": what the picture is printed on
    if WordClass.FRAME_NOUN not in head_classes or many:
        return False
    nxt = phrase_after(phrases, k)
    first = not things_so_far(nouns)
    listed = low_text(phrase_before(phrases, k)) in {"and", ","} and bool(nouns) and nouns[-1].is_thing
    if first and _set_in(phrases, k):
        return True  # "a wedding portrait in an apple orchard, ...": the picture and its setting
    joint = low_text(nxt) or (nxt.lead if isinstance(nxt, SpacePhrase) else "")  # "of", "with"
    if first and joint in {"of", "for", "from", "with"} and _hangs(phrases, k):
        return False  # "a painting of a corgi hangs over the fireplace": an object in the scene
    styled = _styled(phrase_after(phrases, k + 1))
    if joint == "with" and styled:
        joint = ""  # "a poster with bold shapes": how the poster looks, not what it shows
    styled = styled and joint == "in"  # "a painting in the Dutch style"
    if first and (
        joint in _FRAMING_NEXT or styled or isinstance(nxt, Verb) and is_class(nxt.low, WordClass.DEPICT_VERB)
    ):
        return True
    if any(is_class(w, WordClass.MEDIUM) for w in p.modifiers):
        return not (_hung_up(phrases, k) or _given_to_thing(phrases, k, nouns))  # "an oil painting"
    tagged = (
        not p.determiner and (k == 0 or low_text(phrase_before(phrases, k)) == ",") and low_text(nxt) == ","
    )
    if first and tagged:
        return True  # "anime key visual, film poster, ...", "Formal pet portrait, ...": the picture
    if _a_tag(phrases, k) and _among_styles(phrases, k, nouns):
        return True  # "..., soft grain, 1920s studio portrait.": a genre among the style tags
    if first and k == 0 and not p.determiner and isinstance(nxt, Mark) and nxt.tag is Tag.END:
        return True  # "Moody noir photograph. A detective ...": a title line naming the picture
    if not p.determiner and p.modifiers and all(_looks(w) for w in p.modifiers):
        return True  # "..., black and white photograph", "grainy photograph"
    if WordClass.IMAGE_NOUN in head_classes and not listed and entry(p.compound) is None:
        return True  # "the image", "this scene"
    if WordClass.IMAGE_NOUN in head_classes and first and isinstance(nxt, Verb):
        return True  # "The image depicts ..."
    return not p.determiner and not listed and p.count is None and WordClass.IMAGE_NOUN in head_classes


_STYLE_CLASSES = (
    WordClass.STYLE,
    WordClass.STYLE_NOUN,
    WordClass.MEDIUM,
    WordClass.FRAME_NOUN,
    WordClass.LIGHT,
)


def _a_tag(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the noun at k is a bare item of a comma list, standing alone between punctuation."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    marks = {",", ".", ";", ":", "!"}
    alone = (k == 0 or low_text(phrases[k - 1]) in marks) and (
        k + 1 == len(phrases) or low_text(phrases[k + 1]) in marks
    )
    return alone and not p.determiner and p.count is None


def _among_styles(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether the list item at k has a style tag next to it: the noun just before it in its
    sentence is the frame or light, or the item after its comma is a style word ('35mm film')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    earlier = [n for n in nouns if n.phrase.sentence == p.sentence]
    if earlier and earlier[-1].role in {Role.FRAME, Role.LIGHT} and earlier[-1].index >= k - 3:
        return True
    nxt = phrases[k + 2] if k + 2 < len(phrases) else None
    if not isinstance(nxt, NounPhrase) or nxt.sentence != p.sentence:
        return False
    return any(is_class(w, c) for w in (nxt.head, nxt.lows[-1]) for c in _STYLE_CLASSES)


def _medium_listed(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether the bare medium at k is joined by 'and' or a comma to a medium the picture is made
    in ('soft gouache and pencil', 'ink, charcoal and chalk'): one more medium, not a thing."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    joined = low_text(phrase_before(phrases, k)) in {"and", ","}
    last = nouns[-1] if nouns else None
    return (
        joined
        and not p.determiner
        and p.count is None
        and last is not None
        and last.index == k - 2
        and last.role is Role.FRAME
        and is_class(last.phrase.head, WordClass.MEDIUM)
    )


def _medium_on(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'oil on canvas', 'ink on paper': a bare material after a medium and 'on' is what the
    picture is made on, not a thing in it."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = phrase_before(phrases, k)
    on = isinstance(before, SpacePhrase) and before.lead == "on"
    medium = phrase_before(phrases, k, 2)
    return (
        on
        and not p.determiner
        and is_class(p.head, WordClass.MATERIAL)
        and (isinstance(medium, Mark) and is_class(medium.low, WordClass.MEDIUM) or _a_picture(medium))
    )


def _a_picture(phrase: Phrase | None) -> bool:
    """Whether a noun phrase names a kind of picture with no article ('soft pastel drawing',
    'charcoal sketch'): what 'on paper' after it is drawn on."""
    return (
        isinstance(phrase, NounPhrase)
        and not phrase.determiner
        and is_class(phrase.head, WordClass.FRAME_NOUN)
    )


def _worn_sheet(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether a bare, described material, one sheet, stands as a tag among style tags after the
    scene's first sentence ('..., grainy paper.', 'halftone dots, faded paper, bold type'): the
    sheet the whole picture is printed on, not a thing in it."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    described = bool(p.modifiers) and is_class(p.head, WordClass.MATERIAL) and not p.plural
    if not described or p.sentence == 0 or not _a_tag(phrases, k):  # not "quiet study, scattered papers"
        return False
    tags = [n for n in nouns if n.phrase.sentence == p.sentence]  # "Screen-print texture, 1960s, ..."
    return _among_styles(phrases, k, nouns) or bool(tags) and not any(n.is_thing for n in tags)


def _styled(phrase: Phrase | None) -> bool:
    """Whether a noun phrase names a style or manner ('the Dutch golden age style', 'soft pastels')."""
    return isinstance(phrase, NounPhrase) and any(
        is_class(word, c)
        for word in (phrase.head, phrase.lows[-1])
        for c in (WordClass.STYLE_NOUN, WordClass.STYLE, WordClass.MEDIUM)
    )


def frame_tail(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """What the picture is part of or made for, right after it: 'page twelve of a picture book',
    'an illustration for a bedtime storybook', 'a storybook page for young readers', 'cover art for a
    jazz record', 'an ad for a lemon soda': what the picture is for is not in it."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if not nouns or nouns[-1].role is not Role.FRAME or k - nouns[-1].index > 3:
        return False
    between = phrases[nouns[-1].index + 1 : k]
    if not between or not all(isinstance(q, Mark | SpacePhrase) for q in between):
        return False
    lead = between[-1].lead if isinstance(between[-1], SpacePhrase) else low_text(between[-1])
    if lead in {"of", "for", "from", "in"} and is_class(p.head, WordClass.PUBLICATION):
        return True  # the book, magazine or album the picture is in
    known = entry(p.compound) or entry(p.head)
    audience = known is not None and known.kind is ThingKind.PERSON and p.plural and not p.determiner
    client = known is None or known.kind in {ThingKind.BUILDING, ThingKind.SCENE}
    made_for = is_class(nouns[-1].head, WordClass.FRAME_NOUN)  # not 'grain for five hens'
    return lead == "for" and (audience or client or made_for)  # "for little readers", "for a record"


def _style_word_thing(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether a style word that is also a listed thing ('palette') names the thing: counted,
    made of something, of a kind ('an eyeshadow palette'), or placed or acting with no word for a
    look ('a palette rests on the stool', not 'a limited palette showing a fox')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if entry(p.head) is None:
        return False
    if (p.count or 1) > 1 or any(_physical(w) for w in _common_modifiers(p)):
        return True
    return bool(p.determiner) and not p.modifiers and (_acts_or_placed(phrases, k) or _ground_of(phrases, k))


def _ground_of(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is what a place phrase puts something on, in or by ('weighs plums on a
    scale'): a thing one can put things on, not a look."""
    before = phrase_before(phrases, k)
    return relates(before)


def _physical(word: str) -> bool:
    """Whether a modifier says what a thing is made of, its kind or its size ('brass', 'kitchen',
    'small'): words for a real thing, where a look word ('muted', 'epic') names the picture's. A
    material that is also a colour ('teal and bronze palette', 'slate and ochre') names a tone."""
    if is_class(word, WordClass.COLOUR):
        return False
    classes = (WordClass.MATERIAL, WordClass.BIG, WordClass.SMALL)
    return any(is_class(word, c) for c in classes) or _kind_word(word)


def _common_modifiers(p: NounPhrase) -> tuple[str, ...]:
    """The lower-case modifiers of p that are not part of a person's name: a capitalised word
    next to another one ('Andrew Wyeth palette', 'a Wes Anderson color palette') names whose look
    the picture has, not a kind of the thing ('an eyeshadow palette')."""
    written = p.words[:-1]
    capital = [w[:1].isupper() for w in written]
    named = {
        i
        for i in range(len(written))
        if capital[i] and any(capital[j] for j in (i - 1, i + 1) if 0 <= j < len(written))
    }
    return tuple(w.lower() for i, w in enumerate(written) if i not in named)


def _contents_of(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether a style word names what a thing just named holds or is made of ('a sack of grain',
    'a bag of glitter'), not the picture's look ('soft film grain')."""
    return (
        low_text(phrase_before(phrases, k)) == "of"
        and bool(nouns)
        and nouns[-1].index == k - 2
        and nouns[-1].role in {Role.THING, Role.ATTACHED, Role.REPEAT, Role.SCENE}
        and not phrases[k].determiner  # type: ignore[union-attr]
    )


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
    before = phrase_before(phrases, k)
    framed = _after_frame(nouns, k)
    return framed and isinstance(before, SpacePhrase) and before.lead == "in"


def _set_in(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'<picture> in <a setting>' or 'on <ground>' ('a wedding photograph on a sunny lawn') with no
    verb of its own after: the picture is set there. A picture on a wall hangs in the scene."""
    place = phrase_after(phrases, k)
    setting = phrase_after(phrases, k + 1)
    known = entry(setting.compound) or entry(setting.head) if isinstance(setting, NounPhrase) else None
    ground = (
        isinstance(place, SpacePhrase)
        and place.spatial.relation == "on"
        and isinstance(setting, NounPhrase)
        and not is_class(setting.head, WordClass.WALL_SURFACE)
    )
    return (
        isinstance(place, SpacePhrase)
        and (place.spatial.relation == "inside" or ground)
        and known is not None
        and known.kind is ThingKind.SCENE
        and not isinstance(phrase_after(phrases, k + 2), Verb)
    )


def _looks(word: str) -> bool:
    """A word for how a whole picture looks: a colour, a style word, or 'and' between them."""
    return word == "and" or any(
        is_class(word, c) for c in (WordClass.COLOUR, WordClass.STYLE, WordClass.SHADE, WordClass.MEDIUM)
    )


_HANGING_PLACES = {"above", "below", "on", "behind", "adjacent", "left_of", "right_of", "front"}


def _hung_up(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'a small ink painting above the headboard', 'an oil painting hangs ...': a picture with
    an article that is placed by a thing in the scene, or placed by a verb, is a thing in the
    scene, not the picture's medium."""
    p, nxt = phrases[k], phrase_after(phrases, k)
    if not isinstance(p, NounPhrase) or not p.determiner or not is_class(p.head, WordClass.DEPICTING_OBJECT):
        return False
    if isinstance(nxt, Verb):
        return is_class(nxt.low, WordClass.PLACING_VERB)  # "hangs", "sits", "leans"
    if not isinstance(nxt, SpacePhrase) or nxt.spatial.relation not in _HANGING_PLACES:
        return False
    on = phrase_after(phrases, k + 1)
    return isinstance(on, NounPhrase) and not any(
        is_class(on.head, c) for c in (WordClass.MATERIAL, WordClass.MEDIUM, WordClass.IMAGE_NOUN)
    )


def _given_to_thing(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'a sketchbook with a pencil drawing of a heron', 'on the easel stands a watercolour painting':
    a picture with an article that 'with' gives to the thing just named, or that a placing verb
    sets down, is a thing in the scene, not the medium of the whole picture."""
    p, before = phrases[k], phrase_before(phrases, k)
    if not isinstance(p, NounPhrase) or p.determiner not in {"a", "an"}:
        return False
    if not is_class(p.head, WordClass.DEPICTING_OBJECT):
        return False
    if isinstance(before, Verb):
        return is_class(before.low, WordClass.PLACING_VERB)  # "on the easel stands an oil painting"
    given = isinstance(before, SpacePhrase) and before.spatial.relation == "with"
    return given and bool(nouns) and nouns[-1].is_thing and nouns[-1].index == k - 2


def _shown_by(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'the giant screen glows with a monster movie': a picture with an article after a thing's
    own verb and 'with' is what that thing shows, not the frame of the whole picture."""
    p, with_, verb = phrases[k], phrase_before(phrases, k), phrase_before(phrases, k, 2)
    if (
        not isinstance(p, NounPhrase)
        or not is_class(p.head, WordClass.IMAGE_NOUN)
        or p.determiner not in {"a", "an"}
    ):
        return False
    shown = isinstance(with_, SpacePhrase) and with_.spatial.relation == "with" and isinstance(verb, Verb)
    return shown and bool(nouns) and nouns[-1].is_thing and nouns[-1].index == k - 3


def _hangs(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'<picture> of <X> hangs / sits / leans ...': the picture is a thing in the scene."""
    depicted = phrase_after(phrases, k + 1)
    verb = phrase_after(phrases, k + 2) if isinstance(depicted, NounPhrase) else None
    return (
        isinstance(verb, Verb)
        and verb.low.endswith("s")
        and is_class(phrases[k].head, WordClass.DEPICTING_OBJECT)  # type: ignore[union-attr]
    )


def of_style(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'depth of field', 'the style of Studio Ghibli': the rest of a style phrase."""
    if low_text(phrase_before(phrases, k)) != "of" or not nouns or nouns[-1].index != k - 2:
        return False
    return nouns[-1].role is Role.FRAME and is_class(nouns[-1].phrase.head, WordClass.STYLE_NOUN)


def source(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'a page from a picture book', 'a still from an old film': where the picture comes from is
    the picture's frame too, not a thing in it."""
    framed = _after_frame(nouns, k)
    before = phrase_before(phrases, k)
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    known = entry(p.compound) or entry(p.head)
    if known is not None and known.kind is ThingKind.PERSON and low_text(phrase_after(phrases, k)) == "'s":
        return False  # "a photo from my grandpa's birthday": the day is his, he is in the picture
    return framed and (
        low_text(before) == "from" or isinstance(before, SpacePhrase) and before.lead == "from"
    )


def made_by(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'painted by Claude Monet', 'a knight by greg rutkowski': who made the picture."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if low_text(phrase_before(phrases, k)) != "by":
        return False
    maker = phrase_before(phrases, k, 2)
    if isinstance(maker, Verb) and is_class(maker.low, WordClass.MAKER_VERB) or low_text(maker) == ",":
        return not _pulling(p)  # "painted by Claude Monet", "..., by a famous concept artist"
    if isinstance(maker, NounPhrase) and not maker.determiner and is_class(maker.head, WordClass.FRAME_NOUN):
        return not p.determiner  # "art by Beatrix Potter", "illustration by ..."
    return not p.determiner and p.count is None and len(p.words) >= 2 and entry(p.compound) is None


def shot_with(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'shot on a full-frame camera', 'photographed with a vintage lens': the camera that made the
    picture is no thing in it."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before, maker = phrase_before(phrases, k), phrase_before(phrases, k, 2)
    lead = before.lead if isinstance(before, SpacePhrase) else low_text(before)
    made = isinstance(maker, Verb | NounPhrase) and is_class(
        maker.low if isinstance(maker, Verb) else maker.head, WordClass.MAKER_VERB
    )
    if not is_class(p.head, WordClass.CAMERA):
        return False
    if _a_tag(phrases, k) and all(isinstance(q, Mark) for q in phrases[k + 1 :]):
        return True  # "..., slightly overexposed, phone camera": the closing tag names the camera
    return lead in {"on", "with"} and made


def _pulling(p: NounPhrase) -> bool:
    """'a cart drawn by two oxen', 'a sleigh drawn by a reindeer': an animal or a vehicle after
    'by' pulls a thing; it made no picture."""
    known = entry(p.compound) or entry(p.head)
    return known is not None and known.kind in {ThingKind.ANIMAL, ThingKind.VEHICLE}


def _sat_for(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'the family poses for a reunion portrait', 'she sat for a painting': a picture someone
    poses for is the picture being made, not a thing in it."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if not (is_class(p.head, WordClass.FRAME_NOUN) or is_class(p.head, WordClass.IMAGE_NOUN)):
        return False
    verb = phrase_before(phrases, k, 2)
    return (
        low_text(phrase_before(phrases, k)) == "for"
        and isinstance(verb, Verb)
        and is_verb_of(verb.low, WordClass.SITTER_VERB)
    )


_WITHIN_PICTURE = frozenset({"in", "into", "across", "throughout"})  # "lies across the frame"


def _area_of(before: Phrase | None) -> bool:
    """Whether a place phrase names an area of what follows it: a side ('in the centre of', 'at the
    top of') or a depth said with its own article ('at the front of', 'in the background of'), not
    'in front of' or 'in back of', which place one thing by another."""
    if not isinstance(before, SpacePhrase) or not before.spatial.needs_object:
        return False
    spatial = before.spatial
    return bool(spatial.horizontal or spatial.vertical or spatial.depth and spatial.length > 3)


def _the_picture(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'the frame' (an image noun with 'the' and nothing else) after 'of', 'in' or 'across': the
    picture."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if not is_class(p.head, WordClass.IMAGE_NOUN) or p.determiner != "the" or p.modifiers:
        return False
    before = phrase_before(phrases, k)
    return low_text(before) == "of" or isinstance(before, SpacePhrase) and before.lead in _WITHIN_PICTURE


def light(p: NounPhrase, known: Entry | None, before: Phrase | None = None) -> bool:
    """Whether p names the picture's light ('harsh noon sun'): lighting, not a thing to place.
    `before` is the phrase before p: one bathes 'in the sun' or squints 'into the sun', its light."""
    head_classes = classes_of(p.head)
    sky = known is not None and known.has(Flag.SKY) and known.has(Flag.LIGHT) and not p.count
    if sky and any(is_class(w, WordClass.TIME) for w in p.modifiers):
        return True  # "harsh noon sun", "the afternoon sun": the light of that hour
    bathed = isinstance(before, SpacePhrase) and before.lead in {"in", "into"} and p.determiner == "the"
    if sky and bathed and not p.plural:
        return True  # "jars glowing in the sun", "bobs in the late sun": in its light, not in it
    if sky and not p.determiner and not p.modifiers and not p.plural:
        return True  # "bleached by years of sun", "dozing in sun": sunlight, said like a mass noun
    if not head_classes & {WordClass.TIME, WordClass.LIGHT, WordClass.WEATHER}:
        return False
    if known is not None and known.has(Flag.LIGHT) and (p.count or p.compound != p.head):
        return False  # "a traffic light", "two lamps"
    if known is not None and p.plural and known.kind is not ThingKind.SCENE:
        return False  # "rows of keys": a listed thing said plural is those things ('high key' is light)
    return (
        known is None
        or known.kind is ThingKind.SCENE
        or not p.count
        or p.head in {"light", "star"}
        and not p.count
    )


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
    before = phrase_before(phrases, k)
    inside = isinstance(before, SpacePhrase) and before.spatial.relation == "inside"
    if inside or isinstance(before, Mark) and before.tag is Tag.PREP:
        return False  # "sunset at Waikiki", "dinner in Lisbon": a place name is the setting
    return not (low_text(before) == "," and isinstance(phrase_before(phrases, k, 2), NounPhrase))


def _opens_sentence(phrases: tuple[Phrase, ...], k: int) -> bool:
    before = phrase_before(phrases, k)
    opening = before is None or isinstance(before, Mark) and before.tag is Tag.END
    return opening and not phrases[k].determiner  # type: ignore[union-attr]


def _acts_or_placed(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is the subject of a verb (past a parenthesis of adjectives: 'the
    Matterhorn, crooked and snowy, fills'), placed, or the owner of a part ("Diamond Head's
    silhouette")."""
    nxt = phrase_after(phrases, k)
    if relates(nxt) or absolute(nxt):
        return True
    if low_text(nxt) == "'s":
        owned = phrase_after(phrases, k + 1)
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
    if isinstance(after, SpacePhrase) and j > k + 1 and low_text(phrases[j - 1]) != ",":
        return bool(after.spatial.depth) or absolute(after)  # "with Mount Fuji small in the distance"
    return isinstance(after, Verb) and (j == k + 1 or low_text(phrases[j - 1]) == ",")


def _worn_aside(phrases: tuple[Phrase, ...], j: int) -> bool:
    """', in a red coat,': a parenthesis saying what someone wears, between commas."""
    lead, worn = phrases[j], phrase_after(phrases, j)
    if not isinstance(lead, SpacePhrase) or lead.lead != "in" or not isinstance(worn, NounPhrase):
        return False
    known = entry(worn.compound) or entry(worn.head)
    return low_text(phrase_before(phrases, j)) == "," and known is not None and known.has(Flag.WEARABLE)


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


def framed_setting(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'<picture> of/for X:' opening the prompt: X is the setting the listed things are in."""
    framed = _after_frame(nouns, k)
    return (
        framed
        and low_text(phrase_before(phrases, k)) in {"of", "for"}
        and low_text(phrase_after(phrases, k)) == ":"
    )


def company_shown(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'a group portrait of the night staff ...: a concierge, a bellhop', 'a photo of a polar
    expedition: a guide, a cook': a word for people as one body (words.tsv 'company') right after
    '<picture> of' is whom the picture shows; when people are named after it, they are the things."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if not is_class(p.head, WordClass.COMPANY) or low_text(phrase_before(phrases, k)) != "of":
        return False
    known = entry(p.head)
    if (
        not _after_frame(nouns, k)
        or known is not None
        and known.kind is not ThingKind.PERSON
        and p.determiner != "the"
    ):
        return False  # "a photo of a carved staff": the thing the word also names
    members = [q for q in phrases[k + 1 :] if isinstance(q, NounPhrase) and _a_person(q)]
    return len(members) >= 2


def _a_person(p: NounPhrase) -> bool:
    known = entry(p.compound) or entry(p.head)
    return known is not None and known.kind is ThingKind.PERSON and not is_class(p.head, WordClass.COMPANY)


def shot_on(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """'a flat-lay of a lazy brunch on an oak table': a large surface under what the picture
    shows, before any thing is named, is the setting the things are laid out on."""
    before = phrase_before(phrases, k)
    on = isinstance(before, SpacePhrase) and before.spatial.relation == "on"
    shown = bool(nouns) and nouns[-1].index == k - 2 and nouns[-1].role is Role.NONE  # the brunch
    framed = any(n.role is Role.FRAME for n in nouns) and not things_so_far(nouns)
    return on and shown and framed and known.has(Flag.SUPPORT) and known.size >= Size.LARGE


def arrangement(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'arranged in a neat fan', 'sitting in a ring': after 'in', a word for a group's shape
    (words.tsv 'arrangement') with no 'of' after it says how things are arranged, no thing."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = phrase_before(phrases, k)
    lead_in = isinstance(before, SpacePhrase) and before.lead == "in"
    return (
        lead_in
        and is_class(p.head, WordClass.ARRANGEMENT)
        and not p.plural
        and low_text(phrase_after(phrases, k)) != "of"
    )


def dreamt_of(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'a dog twitches as if dreaming of rabbits', 'a boy imagines a dragon': what a verb of
    words.tsv 'dream_verb' takes, right after it or after 'of' or 'about', is only in a mind."""
    before = phrase_before(phrases, k)
    if (
        low_text(before) in {"of", "about"}
        or isinstance(before, SpacePhrase)
        and before.lead in {"of", "about"}
    ):
        before = phrase_before(phrases, k, 2)
    return isinstance(before, Verb) and is_verb_of(before.low, WordClass.DREAM_VERB)


def idiom(phrases: tuple[Phrase, ...], k: int, known: Entry | None) -> bool:
    """'two sentries stand guard', 'a man sits sentry': a bare person word right after a verb of
    posture says what they do, not someone else; so does a bare noun that words.tsv lists as a duty
    with the verb before it ('an owl keeps watch': no wristwatch)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = phrase_before(phrases, k)
    bare = not (p.determiner or p.count or p.plural or p.modifiers)
    if not bare or not isinstance(before, Verb):
        return False
    if any(is_class(f"{lemma} {p.head}", WordClass.DUTY) for lemma in verb_lemmas(before.low)):
        return True
    posture = is_class(before.low, WordClass.PLACING_VERB)
    return posture and known is not None and known.kind is ThingKind.PERSON


def purpose(phrases: tuple[Phrase, ...], k: int, known: Entry | None) -> bool:
    """'a table set for guests', 'a bench for visitors': a bare plural for people or animals after
    'for' says whom a thing is meant for, not anyone in the picture."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    bare = p.plural and not p.determiner and p.count is None and not p.vague
    meant = low_text(phrase_before(phrases, k)) == "for"
    return bare and meant and known is not None and known.animate


def likeness(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the noun phrase at k is only a likeness ("shaped like a moon", "dressed as a
    pirate"); "as" before a subject and its verb opens a clause ("as a boy sits down")."""
    low = low_text(phrase_before(phrases, k))
    clause = isinstance(phrase_after(phrases, k), Verb) and not isinstance(phrase_before(phrases, k, 2), Verb)
    if low in {"and", "or"} and k >= 3 and isinstance(phrases[k - 2], NounPhrase):
        return low_text(phrase_before(phrases, k, 3)) == "like"  # "shaped like stars and donkeys"
    return (
        low == "like"
        or (low == "as" and not clause and not _while(phrases, k))
        or _compared(phrases, k)
        or _than(phrases, k)
    )


def _than(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'a teacup no bigger than a thimble', 'a pumpkin larger than a wheelbarrow': one thing of a
    kind after 'than' is the measure of a comparison, not a thing in the picture ('more than a
    dozen gulls' counts the gulls, and 'taller than his father' names someone)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    one = p.determiner in {"a", "an"} and p.count in {None, 1} and not p.collective and not p.plural
    return one and low_text(phrase_before(phrases, k)) == "than"


def _while(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether 'as' before the noun phrase at k means 'while': after a finite verb, with a finite
    verb of the noun's own later in the sentence ('a toddler giggles as a puppy licks her face',
    'the crowd cheers as a juggler in a red hat tosses torches'), not 'dressed as a pirate' nor
    'works as a waiter'."""
    verb = phrase_before(phrases, k, 2)
    if not isinstance(verb, Verb) or verb.low.endswith(("ed", "en", "ing")) or not verb.low.endswith("s"):
        return False
    later = (p for p in phrases[k + 1 :] if p.sentence == phrases[k].sentence)
    return any(isinstance(p, Verb) and p.low.endswith("s") and not p.low.endswith("ss") for p in later)


def _compared(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'an anglerfish the size of a bus', 'a kite twice the height of a man': a measure taken from
    a thing of a kind, not one in the picture ('the length of the table' is that table)."""
    p, dimension = phrases[k], phrase_before(phrases, k, 2)
    assert isinstance(p, NounPhrase)
    sized = isinstance(dimension, NounPhrase) and is_class(dimension.head, WordClass.DIMENSION)
    sized = sized and dimension.determiner == "the"  # 'a length of rope' is some rope
    return sized and low_text(phrase_before(phrases, k)) == "of" and p.determiner in {"a", "an", ""}


def kind_of_event(p: NounPhrase) -> bool:
    """Whether a word that names an event and a thing ('match') follows a noun naming the event's
    kind ('a chess match', 'a boxing match'), not a word describing the thing ('a burnt match'). A
    hyphened participle describes the thing ('a wood-burning range', 'a slow-burning match')."""
    if len(p.words) < 2 or p.compound != p.head:
        return False  # "a traffic light": a listed thing of its own
    word = p.words[-2].lower()
    pos = parts_of_speech(word)
    kind = "NOUN" in pos or word.endswith("ing") and "-" not in word  # "tennis", "boxing"; not "wood-burning"
    return kind and "ADJ" not in pos and not is_class(word, WordClass.MATERIAL)
