"""The rules reader: prompt -> planner.reading.PromptReading, as a pipeline of pure passes.

    tokenize (rules_tokens)  -> tagged tokens
    phrases  (rules_phrases) -> noun phrases, spatial phrases, verbs, marks
    roles    (rules_roles)   -> what each noun phrase is: thing, scene, style, part, worn, repeat...
    describe (rules_details) -> each thing's attributes and the words that belong to it
    relate   (rules_relations) -> relations between things, absolute places
    read     (here)          -> the neutral PromptReading: labels, counts, sizes, places

Each pass reads the previous passes' output and builds a new structure; none changes another's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from planner.reading import Place, PromptReading, Relation, RelationKind, Size, Thing
from planner.rules_details import Description, describe, text_of
from planner.rules_phrases import Mark, Phrase, SpacePhrase, phrases
from planner.rules_relations import relate
from planner.rules_role_nouns import Noun, Role, low_text
from planner.rules_roles import roles
from planner.rules_tokens import Tag, Token, tokenize
from planner.rules_vocab import (
    Entry,
    Flag,
    ThingKind,
    WordClass,
    article,
    classes_of,
    entry,
    is_class,
    parts_of_speech,
    singular,
    value_of,
)

_KEY_CLASSES = (WordClass.COLOUR, WordClass.MATERIAL, WordClass.BIG, WordClass.SMALL, WordClass.SHAPE)
_STYLE_LEADS = frozenset("in at during by under with from".split())
_OF_ROLES = frozenset({Role.NONE, Role.FRAME, Role.LIGHT})
_JOINED = frozenset("of with in wearing holding carrying dressed on".split())
_SUPERLATIVE = frozenset("first second third last other".split())
_SCENE_LEADS = frozenset(
    "on in at inside near by over under across along beside above below through among around".split()
)
_ON_SCENES = frozenset(
    "beach shore coast seaside street road highway sidewalk pavement lawn ice stage".split()
)


def _key_attribute(modifiers: tuple[str, ...]) -> list[str]:
    """The attribute that best tells a thing apart: a colour (with its shade), else a material, a size..."""
    for cls in _KEY_CLASSES:
        for i, word in enumerate(modifiers):
            if is_class(word, cls):
                shade = modifiers[i - 1] if i and is_class(modifiers[i - 1], WordClass.SHADE) else None
                return [shade, word] if shade and cls is WordClass.COLOUR else [word]
    for word in modifiers:
        if word.endswith("est") and len(word) > 4 or word in _SUPERLATIVE:
            return [word]
    for word in modifiers:
        if is_class(word, WordClass.ADJECTIVE):
            return [word]
    return []


def _counted(collective: str) -> str:
    """A collective word with its article: 'a string', but 'strings' and 'rows' without one."""
    plural = collective.endswith("s") and is_class(collective[:-1], WordClass.COLLECTIVE)
    return collective if plural else f"{article(collective)} {collective}"


def _label(noun: Noun, predicates: tuple[str, ...]) -> str:
    """Short singular noun phrase with the key attribute: 'red backpack', 'kitchen table'."""
    p = noun.phrase
    if noun.named:
        return " ".join(p.lows)  # "mount fuji", "father christmas"
    compound = noun.head if p.head == "one" or noun.coat else p.compound
    mods = tuple(w for w in (*p.modifiers, noun.coat) if w and w not in compound.split()[:-1])
    if noun.coat:
        return " ".join([*mods[-1:], compound])  # "a chestnut", one of two horses: 'chestnut horse'
    pair = " ".join(mods[-2:])
    if compound == p.head and len(mods) > 1 and (entry(pair) is not None or classes_of(pair)):
        compound, mods = f"{pair} {compound}", mods[:-2]  # "still life painting", "coffee table book"
    elif compound == p.head and mods and (_nominal(mods[-1]) or _acronym(p.words[-2])):
        compound, mods = f"{mods[-1]} {compound}", mods[:-1]  # "kitchen table", "reading chair"
    key = _key_attribute(mods)
    if not key:
        key = [w for w in _key_attribute(predicates) if any(is_class(w, c) for c in _KEY_CLASSES)]
    return " ".join([*key, compound, *_mass(noun)])


def _mass(noun: Noun) -> list[str]:
    """The word for a mass of people that the thing is drawn as ('a crowd of commuters': a
    'commuter crowd', one large region), or nothing: a stated count ('a family of three cyclists')
    draws each member alone, a 'cyclist'."""
    mass = entry(noun.phrase.collective) if noun.phrase.collective else None
    animal = noun.entry is not None and noun.entry.kind is ThingKind.ANIMAL  # "a family of ducks"
    counted = noun.phrase.count is not None and noun.phrase.count > 1
    if mass is None or mass.kind is not ThingKind.PERSON or mass.size < Size.LARGE or animal or counted:
        return []
    return [noun.phrase.collective]


def _acronym(word: str) -> bool:
    """A word in capitals names a kind of thing ('an LED screen', 'a DVD player'), like a noun."""
    return len(word) > 1 and word.isupper() and word.isalpha()


def _nominal(word: str) -> bool:
    """A noun used as a modifier ('kitchen' table, 'tabby' cat), not an adjective or an action."""
    if entry(word) is not None and not classes_of(word) - {WordClass.FEMALE, WordClass.MALE, WordClass.COAT}:
        return True
    if classes_of(word) or not word.isascii():
        return False
    pos = parts_of_speech(word)
    return "NOUN" in pos and "ADJ" not in pos and not word.endswith(("ing", "ed"))


def _kind_size(noun: Noun) -> Size:
    """The usual size of a thing, or of the smaller plant that names its kind ('a bonsai tree':
    small, not a tree's size); a tiny one names what grows on it ('a cherry blossom tree')."""
    if noun.entry is None:
        return Size.MEDIUM
    p = noun.phrase
    kind = entry(p.words[-2].lower()) if len(p.words) >= 2 and p.words[-2].lower() in p.modifiers else None
    if kind is None or noun.entry.kind is not ThingKind.PLANT or kind.kind is not ThingKind.PLANT:
        return noun.entry.size
    return min(kind.size, noun.entry.size) if kind.size > Size.TINY else noun.entry.size


def _piece_size(noun: Noun, size: Size) -> Size:
    """A piece of a thing is the piece's size, however big the whole: 'a sprig of eucalyptus' is a
    sprig, not a tree; 'a slice of pie', 'sprigs of mint' (a collective that counts one, or its
    plural). An unlisted piece word is a class below the whole, and small at most."""
    piece = noun.phrase.collective
    singular = piece[:-1] if piece.endswith("s") else piece
    if value_of(piece, WordClass.COLLECTIVE) != "1" and value_of(singular, WordClass.COLLECTIVE) != "1":
        return size
    known = entry(singular)
    return min(size, known.size) if known is not None else Size(max(Size.TINY, min(Size.SMALL, size - 1)))


def _size(noun: Noun) -> Size:
    """The usual size of a thing, a class up or down when it is said big or small. A size word that
    is part of the thing's name ('a Great Dane', 'a giant clam', 'a grand piano') says nothing more:
    the entry's size already holds it."""
    size = _piece_size(noun, _kind_size(noun))
    person = noun.entry is not None and noun.entry.kind is ThingKind.PERSON
    named = set(noun.entry.word.split()[:-1]) if noun.entry is not None else set()
    # a tall woman is still a person, smaller than a car: the layout stretches her; a tall tower is big
    words = [
        w
        for w in noun.phrase.modifiers
        if not (person and is_class(w, WordClass.HEIGHT)) and w.lower() not in named
    ]
    classes = {c for w in words for c in classes_of(w)}
    if WordClass.BIG in classes and WordClass.SMALL not in classes:
        return Size(min(Size.HUGE, size + 1))
    if WordClass.SMALL in classes and WordClass.BIG not in classes:
        return Size(max(Size.TINY, size - 1))
    return size


def _shown(i: int, nouns: tuple[Noun, ...], found: tuple[Phrase, ...]) -> Entry | None:
    """The known thing a likeness at nouns[i] shows: the one said 'of' it right after ('the
    skeleton of a blue whale'), else the thing word right before its head ('a whale model')."""
    noun, after = nouns[i], nouns[i + 1] if i + 1 < len(nouns) else None
    if after is not None and after.ref == i and after.index == noun.index + 2:
        return after.entry if low_text(found[noun.index + 1]) == "of" else None
    words = noun.phrase.words
    return (
        entry(words[-2].lower()) if len(words) >= 2 and words[-2].lower() in noun.phrase.modifiers else None
    )


def _true_size(i: int, nouns: tuple[Noun, ...], found: tuple[Phrase, ...], size: Size) -> Size:
    """A likeness as big as what it shows is that thing's size when it is bigger: 'the skeleton
    of a blue whale', 'a Tyrannosaurus skeleton', 'a life-size model of an elephant' are no
    person's size, though a skeleton alone is, and 'a model of a ship' is a model's."""
    noun = nouns[i]
    if not is_class(noun.head, WordClass.DEPICTING_OBJECT):
        return size
    if not any(is_class(w, WordClass.TRUE_SCALE) for w in (noun.head, *noun.phrase.modifiers)):
        return size
    shown = _shown(i, nouns, found)
    return max(size, shown.size) if shown is not None else size


def _told_next(index: int, nouns: tuple[Noun, ...], tokens: tuple[Token, ...]) -> int | None:
    """A count said in the next sentence of a sentence's one plural thing: '... the fishing boats coming
    home. There were four of them' (not 'Four of them sail on', which may be only some)."""
    p = nouns[index].phrase
    if any(
        n.is_thing and n.phrase.plural and n.phrase.sentence == p.sentence and n.phrase is not p
        for n in nouns
    ):
        return None  # 'them' may be another plural's, or both
    after = [t for t in tokens[p.end :] if t.sentence == p.sentence + 1][:5]
    lows = [t.low for t in after]
    if len(after) < 5 or lows[0] != "there" or after[1].tag is not Tag.BE or after[2].tag is not Tag.NUM:
        return None
    if lows[3:5] != ["of", "them"]:
        return None
    value = lows[2] if lows[2].isdigit() else value_of(lows[2], WordClass.NUMBER)
    return int(value) if value and value.isdigit() and int(value) > 1 else None


def _each_with(index: int, nouns: tuple[Noun, ...], tokens: tuple[Token, ...]) -> int | None:
    """'two nightstands, each with a lamp above it': one for each of the counted group before."""
    p = nouns[index].phrase
    if (
        p.plural
        or p.determiner not in {"a", "an"}
        or [t.low for t in tokens[p.start - 2 : p.start]] != ["each", "with"]
    ):
        return None
    groups = [n for n in nouns[:index] if n.is_thing and n.phrase.sentence == p.sentence and n.phrase.count]
    count = groups[-1].phrase.count if groups else None
    return count if count is not None and count > 1 else None


def _count(
    index: int, nouns: tuple[Noun, ...], members: Counter[int], tokens: tuple[Token, ...]
) -> int | None:
    """Stated instances, less those described one by one elsewhere (members)."""
    noun = nouns[index]
    p = noun.phrase
    if p.collective == "pair" and noun.entry is not None and noun.entry.has(Flag.PAIR):
        return 1  # "a pair of glasses"
    each = _each_with(index, nouns, tokens)
    if each is not None:
        return each
    if p.count is not None:
        return p.count - members[index]
    if p.plural and not p.vague:
        return _told_next(index, nouns, tokens)
    return None if p.plural or p.vague else 1


def _phrase(noun: Noun, tokens: tuple[Token, ...], description: Description) -> str:
    """The thing's own words: 'an old man in a straw hat, weighing tomatoes' (one instance when counted)."""
    p = noun.phrase
    words = [w for w in p.words]
    if len(words) > 1 and words[0].lower() == "own":
        words = words[1:]  # "his own dummy": 'own' stresses the owner, who is not said here
    head = noun.head if p.head == "one" else (p.head if p.plural else words[-1])
    one = p.count is not None or not p.plural
    words = [*words[:-1], head if one else words[-1]]
    words = [*words, noun.head] if noun.coat else words  # "a chestnut" of two horses: 'a chestnut horse'
    words = _with_predicates(words, [w for w in description.predicates if w not in p.lows])
    text = " ".join(words)
    if one and noun.entry is not None and noun.entry.has(Flag.PAIR):
        text = (
            f"a pair of {text}"
            if p.head in {"glasses", "sunglasses", "scissors", "jeans", "trousers"}
            else text
        )
    elif one and not (noun.entry is not None and noun.entry.has(Flag.PAIR)):
        superlative = any(w.endswith("est") for w in p.modifiers)
        owners = p.words[0].endswith("'s")  # "the baker's rolling pin": that baker's
        if p.determiner == "the" and (
            _is_named(noun, tokens) or noun.phrase.words[0][:1].isupper() or superlative or owners
        ):
            text = f"the {text}"
        elif p.collective and p.count in {None, 1} and p.collective not in p.lows:
            text = f"{_counted(p.collective)} of {text}"  # "a sprig of basil", "a loaf of bread"
        elif (text.isascii() or p.determiner) and (group := _animate_group_word(noun)):
            text = f"{article(group)} {group} {text}"
        elif (text.isascii() or p.determiner) and not (
            (_is_named(noun, tokens) or _name_owned(p.words)) and not p.determiner
        ):
            text = f"{article(text)} {text}"  # not before a name: "Mount Fuji"
    elif p.collective and not one:
        text = f"{_counted(p.collective)} of {text}"
    details = list(description.details)
    if details and details[0].split()[0].lower() in _JOINED:
        text, details = f"{text} {details[0]}", details[1:]
    return ", ".join([text, *details])


def _animate_group_word(noun: Noun) -> str:
    """The group word a creature drawn alone keeps ('restless' of 'a restless flock of five sheep'),
    for animate things only; else ''."""
    animate = noun.entry is not None and noun.entry.animate
    return _group_word(noun.phrase.collective) if animate else ""


def _group_word(collective: str) -> str:
    """The word that describes a counted group of creatures ('restless' in 'a restless flock of five
    sheep'), which each member drawn alone keeps ('a restless sheep'); a size word or a word of how
    the group is arranged ('a long line of') says only what the group is like."""
    words = collective.split()
    if len(words) < 2 or is_class(words[0], WordClass.BIG) or is_class(words[0], WordClass.SMALL):
        return ""
    return "" if is_class(words[0], WordClass.ARRANGED) else words[0]


def _owner_end(words: list[str]) -> int:
    """How many words open the phrase up to its possessor ('Uncle Joe's' in "Uncle Joe's boat"):
    0 when there is none."""
    ends = [k + 1 for k, w in enumerate(words[:-1]) if w.endswith("'s")]
    return ends[-1] if ends else 0


def _with_predicates(words: list[str], predicates: list[str]) -> list[str]:
    """The phrase's words with the describing words said elsewhere ('Joe's nephew, a lanky
    teenager'): they go after a possessor, which opens the phrase ("Joe's lanky nephew")."""
    k = _owner_end(words)
    return [*words[:k], *predicates, *words[k:]]


def _name_owned(words: tuple[str, ...]) -> bool:
    """Whether a name owns the thing ("Joe's nephew", "Mrs Pike's washing line"): the name says
    which one, so no article goes before it."""
    k = _owner_end(list(words))
    return k > 0 and all(w[:1].isupper() for w in words[:k])


def _is_named(noun: Noun, tokens: tuple[Token, ...]) -> bool:
    """A name, said without an article: 'Mount Fuji', or capitalised words inside a sentence
    ('Grandpa Mole')."""
    p = noun.phrase
    opening = p.start == 0 or tokens[p.start - 1].tag in {Tag.END, Tag.COMMA}
    capitals = len(p.words) > 1 and all(w[:1].isupper() for w in p.words)
    return noun.named or capitals and not opening


def _merge(places: list[Place]) -> Place | None:
    if not places:
        return None
    pick = lambda name: next((getattr(p, name) for p in places if getattr(p, name)), None)  # noqa: E731
    return Place(horizontal=pick("horizontal"), vertical=pick("vertical"), depth=pick("depth"))


def _said_of(found: tuple[Phrase, ...], k: int) -> str:
    """Adjectives said of a scene: 'the background is dark' -> 'dark'."""
    after = found[k + 1 : k + 4]
    if not after or not isinstance(after[0], Mark) or after[0].tag is not Tag.BE:
        return ""
    words = [p.low for p in after[1:] if isinstance(p, Mark) and p.tag is Tag.ADJ]
    return " ".join(words[:1])


def _scene_text(noun: Noun, phrases: tuple[Phrase, ...], tokens: tuple[Token, ...]) -> tuple[str, str]:
    """(the scene phrase, the scene with its preposition) for a scene noun."""
    p = noun.phrase
    words = text_of(tokens, p.start, p.end)
    before = phrases[noun.index - 1] if noun.index else None
    lead = getattr(before, "low", "") if before is not None else ""
    if getattr(before, "spatial", None) is not None:
        lead = tokens[before.start].low  # type: ignore[union-attr]
    if lead not in _SCENE_LEADS:
        lead = "on" if p.head in _ON_SCENES else "in"
    said = _said_of(phrases, noun.index)
    if said:  # "The background is dark" -> "dark background"
        words = f"{said} {' '.join(p.words)}"
        return words, f"{lead} {article(words)} {words}"
    if not p.determiner:
        words = f"{'the' if p.plural else article(words)} {words}"
    elif words.split()[0].lower() == p.determiner:
        words = p.determiner + words[len(p.determiner) :]
    return text_of(tokens, p.start, p.end), f"{lead} {words}"


def _style_text(
    noun: Noun, found: tuple[Phrase, ...], nouns: tuple[Noun, ...], tokens: tuple[Token, ...]
) -> str:
    """A frame, style or light phrase with its preposition and its 'of ...' ('in the style of Studio
    Ghibli', 'during a thunderstorm', 'by greg rutkowski')."""
    p = noun.phrase
    start, end = p.start, p.end
    before = found[noun.index - 1] if noun.index else None
    if before is not None and tokens[before.start].low in _STYLE_LEADS and before.end == start:
        start = before.start
    on_medium = (
        start > 1 and tokens[start - 1].low == "on" and is_class(tokens[start - 2].low, WordClass.MEDIUM)
    )
    if on_medium and before is not None and before.end == start:
        start -= 2  # "oil on canvas", "ink on paper"
    after = found[noun.index + 1 : noun.index + 3]
    roles_at = {n.phrase.start: n.role for n in nouns}
    if len(after) == 2 and getattr(after[0], "low", "") == "of" and roles_at.get(after[1].start) in _OF_ROLES:
        end = after[1].end
    return text_of(tokens, start, end)


def _style(nouns: tuple[Noun, ...], found: tuple[Phrase, ...], tokens: tuple[Token, ...]) -> tuple[str, ...]:
    """Frame, medium, style, light, time and weather phrases: they describe the whole picture."""
    texts = []
    for noun in nouns:
        if noun.role not in {Role.FRAME, Role.LIGHT}:
            continue
        p = noun.phrase
        if noun.role is Role.FRAME and len(p.words) == 1 and is_class(p.head, WordClass.IMAGE_NOUN):
            continue  # "the image", "a photo": nothing to add
        texts.append(_style_text(noun, found, nouns, tokens))
    return tuple(dict.fromkeys(texts))


def _lone_style(found: tuple[Phrase, ...]) -> tuple[str, ...]:
    """Style words standing alone in a list: 'cinematic', 'photorealistic'."""
    return tuple(
        p.low for p in found if isinstance(p, Mark) and p.tag is Tag.ADJ and is_class(p.low, WordClass.STYLE)
    )


def read_tokens(tokens: tuple[Token, ...]) -> PromptReading:
    """The reading of tagged tokens (see the module docstring for the passes)."""
    found = phrases(tokens)
    nouns = roles(found)
    descriptions = describe(tokens, found, nouns)
    spatial = relate(found, nouns)
    members = Counter(n.ref for n in nouns if n.is_thing and n.ref is not None)
    order = [i for i, n in enumerate(nouns) if n.is_thing and _count(i, nouns, members, tokens) != 0]
    index = {n: k for k, n in enumerate(order)}
    things = []
    for i in order:
        noun, description = nouns[i], descriptions[i]
        things.append(
            Thing(
                label=_label(noun, description.predicates),
                head=noun.head,
                count=_count(i, nouns, members, tokens),
                size=_true_size(i, nouns, found, _size(noun)),
                place=_merge([place for j, place in spatial.places if j == i]),
                attributes=description.attributes,
                phrase=_phrase(noun, tokens, description),
            )
        )
    spelled = {g: [i for i, n in enumerate(nouns) if n.ref == g and i in index] for g in members}
    relations = tuple(
        Relation(link.kind, index[subject], tuple(index[o] for o in link.objects))
        for link in spatial.links
        for subject in ([link.subject] if link.subject in index else spelled.get(link.subject, []))
        if all(o in index for o in link.objects)
    )  # a group spelled out one by one ("three ducklings ...: a yellow duckling, ...") relates as its members
    scene_nouns = [n for n in nouns if n.role is Role.SCENE]
    scenes = [_scene_text(n, found, tokens) for n in scene_nouns]
    grounds = {
        nouns[i].index for i in spatial.supports if nouns[i].head not in _ON_SCENES
    }  # "a castle on a cliff": the castle's ground; "a hut on a rocky shore" is still the picture's
    opening = min((n.phrase.sentence for n in nouns if n.is_thing), default=0)
    said = [
        (n, text)
        for n, text in zip(scene_nouns, scenes, strict=True)
        if _setting(n, found) and n.phrase.sentence <= opening
    ]  # the picture's setting is said by the time its first thing is: "On a road, later, ..." is a place
    settings = [text for _, text in said[:1] if said[0][0].index not in grounds]  # none when a thing's ground
    return PromptReading(
        things=_carried_smaller(_mounts_bigger(tuple(things), relations), relations),
        relations=relations,
        scene=settings[0][0] if settings else scenes[0][0] if scenes else None,
        style=tuple(dict.fromkeys([*_style(nouns, found, tokens), *_lone_style(found)])),
        setting=settings[0][1] if settings else None,
        backdrop=tuple(dict.fromkeys(s for s, _ in scenes)),
        on_wall=tuple(index[i] for i in spatial.on_wall if i in index),
    )


def _mounts_bigger(things: tuple[Thing, ...], relations: tuple[Relation, ...]) -> tuple[Thing, ...]:
    """An animal something rides or rests on is bigger than its rider, whatever their usual sizes
    ('a gnome riding a spider', 'a knight on a giant tortoise', 'a crow on a sheep')."""
    out = list(things)
    for relation in relations:
        if relation.kind is not RelationKind.ON:
            continue
        rider, mount = out[relation.subject], out[relation.objects[0]]
        known = entry(mount.head)
        if known is not None and known.kind is ThingKind.ANIMAL and mount.size <= rider.size:
            out[relation.objects[0]] = replace(mount, size=Size(min(Size.HUGE, rider.size + 1)))
    return tuple(out)


def _carried_smaller(things: tuple[Thing, ...], relations: tuple[Relation, ...]) -> tuple[Thing, ...]:
    """A person on another person whose own words name them or the body part they are carried on
    is carried, so smaller than the carrier whatever their words ('a father carries his daughter
    on his shoulders', 'a boy on his father's shoulders', 'a mother holds her son in her arms'): a
    child, one size below. Carrier's words naming neither say no carrying (a misread 'his shoulder'
    in a lineup of people)."""
    out = list(things)
    for relation in relations:
        if relation.kind is not RelationKind.ON:
            continue
        rider, carrier = out[relation.subject], out[relation.objects[0]]
        people = [entry(t.head) for t in (rider, carrier)]
        words = carrier.phrase.lower().replace(",", " ").split()
        named = rider.head in words or any(is_class(singular(w), WordClass.PART) for w in words)
        if named and all(known is not None and known.kind is ThingKind.PERSON for known in people):
            if rider.size >= carrier.size > Size.TINY:
                out[relation.subject] = replace(rider, size=Size(carrier.size - 1))
    return tuple(out)


def _setting(noun: Noun, found: tuple[Phrase, ...]) -> bool:
    """A scene that is a setting for things in it (a kitchen, a beach), not the sky or a surface,
    and said as one: opening a sentence or after a preposition ('in a kitchen'), not listed among
    the things ('a cottage, a windmill and a small pond')."""
    surface = noun.entry is not None and noun.entry.has(Flag.SUPPORT)
    before = found[noun.index - 1] if noun.index else None
    introduced = (
        before is None
        or isinstance(before, SpacePhrase)
        or isinstance(before, Mark)
        and (before.tag in {Tag.END, Tag.PREP} or before.low in _SCENE_LEADS)
    )
    return (
        introduced
        and not surface
        and not is_class(noun.phrase.head, WordClass.SKY)
        and not noun.phrase.head.endswith("ground")
    )


def read(prompt: str) -> PromptReading:
    """What `prompt` says: its things (with counts, sizes, places, attributes), relations, scene and style."""
    return read_tokens(tokenize(prompt))
