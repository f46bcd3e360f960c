"""The rules planner's vocabulary: data files read once, plus morphology from lemminflect.

planner/data/things.tsv lists concrete, placeable things (one entry per word: size, kind, flags);
planner/data/words.tsv lists word classes (function words, colours, style, light, parts...);
planner/data/concreteness.tsv rates how concrete nouns are (Brysbaert et al. 2014);
planner/data/wordnet_things.tsv lists nouns the first file does not, with what they inherit from
the nearest listed word above them in WordNet 3.0 ("stevedore" is a worker);
planner/data/wordnet_verbs.tsv lists the verbs that take no object, from WordNet 3.0's verb frames.
All are constant data, loaded lazily on first use; lemminflect (whose dictionaries ship in its
wheel) gives singulars and parts of speech for words the files do not list.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from enum import Enum
from importlib import resources

from planner.reading import Size


class ThingKind(str, Enum):
    """What sort of thing a vocabulary entry is."""

    PERSON = "person"
    ANIMAL = "animal"
    VEHICLE = "vehicle"
    BUILDING = "building"
    FOOD = "food"
    PLANT = "plant"
    FURNITURE = "furniture"
    OBJECT = "object"
    CLOTHING = "clothing"
    NATURE = "nature"
    SCENE = "scene"


ANIMATE = frozenset({ThingKind.PERSON, ThingKind.ANIMAL})  # kinds that act, own, wear and hold


class Flag(str, Enum):
    """Properties of a thing that the layout and attachment rules use."""

    SUPPORT = "support"
    CONTAINER = "container"
    SCENE = "scene"
    WEARABLE = "wearable"
    HOLDABLE = "holdable"
    TALL = "tall"
    WIDE = "wide"
    PAIR = "pair"
    LIGHT = "light"
    SKY = "sky"
    WALL = "wall"
    BOUNDED = "bounded"
    PATH = "path"  # a long thing one goes or lies on: 'along' it is on it ('along a twig')
    PLAIN = "plain"  # a person word saying only who ('woman', 'kid'): after 'a <role>,' the same one
    COVER = "cover"  # it closes over what is under it: 'under a cloche', 'under a tent' is in it
    DRAPE = "drape"  # a cloth laid over furniture: 'a sofa with a throw', 'a table with a cloth' is its


class WordClass(str, Enum):
    """Classes of words.tsv (a word may be in several)."""

    NUMBER = "number"
    COLLECTIVE = "collective"
    PIECE = "piece"  # a piece of a stuff: "a coil of rope", "a loaf of bread" (the region is the piece)
    MEASURE = "measure"
    QUANTIFIER = "quantifier"
    DETERMINER = "determiner"
    NEGATOR = "negator"
    PRONOUN = "pronoun"
    BE = "be"
    AUXILIARY = "auxiliary"
    PREPOSITION = "preposition"
    CONJUNCTION = "conjunction"
    COLOUR = "colour"
    SHADE = "shade"
    MATERIAL = "material"
    BIG = "big"
    SMALL = "small"
    HEIGHT = "height"  # "tall", "short": stretches a person's height by the value, not their size class
    SHAPE = "shape"
    ADJECTIVE = "adjective"
    STYLE = "style"
    MEDIUM = "medium"
    FRAME_NOUN = "frame_noun"
    CLOSE_FRAME = "close_frame"
    IMAGE_NOUN = "image_noun"
    PUBLICATION = "publication"
    DEPICTING_OBJECT = "depicting_object"
    COOKED = "cooked"  # "grilled squid", "smoked salmon": the animal is food, it acts and wears nothing
    TRUE_SCALE = "true_scale"  # a likeness as big as what it shows: 'a life-size model', a skeleton
    TOY = "toy"  # "a plush dragon", "a stuffed giraffe": a toy of the kind, carried like one
    TETHER = "tether"  # "a dog on a leash": what an animal is led by, part of its look, not a support
    STYLE_NOUN = "style_noun"
    STYLE_SOURCE = "style_source"
    TIME = "time"
    LIGHT = "light"
    WEATHER = "weather"
    PART = "part"
    ABSTRACT = "abstract"
    ARRANGEMENT = "arrangement"  # "in a neat fan", "in a ring": how things are arranged
    KIN = "kin"  # "twin sisters": how people are related; after a tag counting them, it describes them
    COLOUR_NOUN = "colour_noun"  # "shades", "tones": after colour words, the colours (a noun)
    VAPOUR = "vapour"  # "steam", "smoke": a stuff of the air; "a wisp of steam" is no thing to place
    COAT = "coat"  # "two horses, a chestnut and a bay": a word naming an animal by its coat
    ATTACH_VERB = "attach_verb"
    CONTAIN_VERB = "contain_verb"  # "containing", "houses": the object is in the subject (value on: on a support, "displays")
    FOCUS_WORD = "focus_word"  # "locked", "focused": 'on' after it names what is looked at
    HANG_VERB = "hang_verb"  # "hangs from a beam", "dangling from a branch": below what it hangs from
    PEEK_VERB = "peek_verb"  # "peeks out from behind X": still behind X, not come out in front
    FILL_WORD = "fill_word"  # "full (of)", "piled (with)": what follows is in or on the thing before
    DEPICT_VERB = "depict_verb"
    MAKER_VERB = "maker_verb"
    SILENT_H = "silent_h"
    YOU_SOUND = "you_sound"
    PLACING_VERB = "placing_verb"
    ESCORT_VERB = "escort_verb"  # "follow", "lead": the subject goes where its object goes
    PLURAL = "plural"
    SKY = "sky"
    PARTICLE = "particle"
    AGENT_SUFFIX = "agent_suffix"
    SIDE_WORD = "side_word"  # "a reel with a side plate": a thing's side names a part fitted on it
    PLACE_ADVERB = "place_adverb"  # "just", "high": tunes the place phrase after it
    INTENSIFIER = "intensifier"  # "right next to", "just behind": part of the relation, no place
    ARRANGED = "arranged"  # "a neat row of": how a group is arranged, not what its members are like
    GOAL_ADVERB = "goal_adverb"  # "home", "ashore": after a verb, where someone goes, not a thing
    AIM_VERB = "aim_verb"  # "points", "stares": 'at' after it names a target, not a place
    SITTER_VERB = "sitter_verb"  # "pose", "sit" (lemmas): 'for a portrait' after it is the picture itself
    FEMALE = "female"  # a woman or girl: 'she', 'her'
    MALE = "male"  # a man or boy: 'he', 'his'
    SPACE_VERB = "space_verb"  # "take up", "fill", "occupy" (lemmas): the place after is the subject's
    RELATION_VERB = "relation_verb"  # "coil around", "lean over": any form with its particle relates (lemmas)
    RELATION_PARTICIPLE = "relation_participle"  # "cover with", "hide by": as a past participle only (lemmas)
    NAMING_VERB = "naming_verb"  # "named", "called": the word after is the name of the thing before
    STATION = "station"  # "at the helm", "at the stern": a post aboard a vehicle; one at it is in it
    CREW = "crew"  # "its driver": a person named as a vehicle's or animal's role is in (value) or on it
    CAST_NOUN = "cast_noun"  # "3 characters": a count of the people named after it
    WALL_SURFACE = "wall_surface"  # "wall": a thing hung on it is high in the picture
    SIDE_BY_SIDE = "side_by_side"  # "back to back", "shoulder to shoulder": the things are next to each other
    ORDINAL = "ordinal"  # "third", "last": 'the third one' is one of the counted group before
    CIRCLE_VERB = "circle_verb"  # "circle", "wheel": a bird circling a thing is above it (lemmas)
    CROWD_VERB = (
        "crowd_verb"  # "crowd", "throng": a crowd filling a support is on it, a container in it (lemmas)
    )
    HANDWORK_VERB = "handwork_verb"  # "stitch", "knit", "mend": the work is in the worker's hands (lemmas)
    PROP_VERB = "prop_verb"  # "lean", "prop": a person leaning on a hand tool holds it (lemmas)
    DECOR_VERB = "decor_verb"  # "painted", "embroidered": 'painted with roses' names a pattern on the thing
    COAT_VERB = "coat_verb"  # "covered", "overgrown": a bare mass noun after it coats the thing
    FEED_VERB = "feed_verb"  # "nibble", "grind": a bare object is in the mouth or under the hand (lemmas)
    DREAM_VERB = "dream_verb"  # "dream of", "imagine": what is dreamt of is not in the picture (lemmas)
    SENSE_VERB = "sense_verb"  # "watch", "eye": what is watched is seen, not in hand or mouth (lemmas)
    KIND_WORD = "kind_word"  # "the device": a general word for the last thing of that kind (value)
    GROUP_WORD = "group_word"  # "the flock": the last group named of the kinds it gathers (value, or 'any')
    TIE = "tie"  # "owner", "partner": a person named by a tie only; an appositive after it says who
    HONORIFIC = "honorific"  # "Mr.", "Dr.": the point after it shortens the title of the name after it
    CAMERA = "camera"  # "shot on a phone", "filmed with a camcorder": the device that made the picture
    DIMENSION = "dimension"  # "size", "height": 'the size of a bus' compares, the bus is not drawn
    TOP_PART = "top_part"  # "roof", "deck": a part whose top things stand on ('its roof crowded with kids')
    FALSE_HEAD = "false_head"  # "ship", "hood": a listed thing that ends words it is not the head of
    COMPANY = "company"  # "staff", "crew": people as one body; 'a portrait of the crew' shows them all
    DUTY = "duty"  # "keep watch", "drop anchor" (verb lemma and noun): the bare noun says what one does


@dataclass(frozen=True)
class Entry:
    """One thing of things.tsv."""

    word: str
    size: Size
    kind: ThingKind
    flags: frozenset[Flag]

    def has(self, flag: Flag) -> bool:
        return flag in self.flags

    @property
    def animate(self) -> bool:
        """Whether it is a person or an animal: a kind that acts, owns, wears and holds."""
        return self.kind in ANIMATE


@dataclass(frozen=True)
class Vocabulary:
    """Both data files, indexed."""

    things: dict[str, Entry]
    longest: int  # most words in one thing entry ("hot air balloon": 3)
    classes: dict[str, frozenset[WordClass]]
    values: dict[tuple[str, WordClass], str]


def _rows(name: str) -> list[list[str]]:
    text = resources.files("planner").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def vocabulary() -> Vocabulary:
    """The vocabulary, read from the package data once (it is constant)."""
    things = {word: _entry(word, size, kind, flags) for word, size, kind, flags in _rows("things.tsv")}
    classes: dict[str, set[WordClass]] = {}
    values: dict[tuple[str, WordClass], str] = {}
    for word, cls, value in _rows("words.tsv"):
        classes.setdefault(word, set()).add(WordClass(cls))
        values[(word, WordClass(cls))] = value
    return Vocabulary(
        things=things,
        longest=max(len(w.split()) for w in things),
        classes={w: frozenset(c) for w, c in classes.items()},
        values=values,
    )


def _entry(word: str, size: str, kind: str, flags: str) -> Entry:
    """An Entry from the columns of things.tsv (and wordnet_things.tsv, which has the same ones)."""
    return Entry(
        word, Size[size.upper()], ThingKind(kind), frozenset(Flag(f) for f in flags.split(",") if f != "-")
    )


@functools.cache
def _wordnet_things() -> dict[str, Entry]:
    return {
        word: _entry(word, size, kind, flags) for word, size, kind, flags, _ in _rows("wordnet_things.tsv")
    }


@functools.cache
def _concreteness() -> dict[str, float]:
    return {word: float(rating) for word, rating in _rows("concreteness.tsv")}


def concreteness(word: str) -> float | None:
    """How concrete a lower-case noun is rated (Brysbaert et al. 2014, 1 abstract .. 5 concrete), by
    its singular; None when concreteness.tsv does not list it (rated lower, or not rated)."""
    ratings = _concreteness()
    found = ratings.get(word)
    return found if found is not None else ratings.get(singular(word))


def classes_of(word: str) -> frozenset[WordClass]:
    """The word classes of a lower-case word (empty when words.tsv does not list it)."""
    return vocabulary().classes.get(word, frozenset())


def is_class(word: str, cls: WordClass) -> bool:
    return cls in classes_of(word)


def value_of(word: str, cls: WordClass) -> str | None:
    """The value column of (word, class), None when absent or '-'."""
    value = vocabulary().values.get((word, cls))
    return None if value in (None, "-") else value


def entry(words: str) -> Entry | None:
    """The things.tsv entry for a singular, lower-case word or compound, if any; an unlisted
    agent noun ("a skier", "a balloonist") counts as a person; other unlisted words are looked up
    in wordnet_things.tsv, then read as closed compounds ("a lungfish"). A word WordNet names an
    animal is that animal even when shaped like an agent noun ("a roadrunner", "a flycatcher").
    Any kind WordNet knows wins over that guess ("a floor sander", "a flour sifter": machines and
    tools). A word found nowhere is tried in its American spelling ("harbourmaster", "sabretooth")."""
    found = _listed(words)
    if found is not None:
        return found
    return _american_spelling(words)


def _listed(words: str) -> Entry | None:
    """The entry of a word as written (things.tsv, agent nouns, wordnet_things.tsv, compounds)."""
    found = vocabulary().things.get(folded(words))
    if found is not None or " " in words:
        return found
    derived = _wordnet_things().get(words)
    if derived is not None and derived.kind is not ThingKind.PERSON:
        return derived  # WordNet's sense wins over the agent-noun guess: "a sander", "a roadrunner"
    if _agent(words):
        return Entry(words, Size.MEDIUM, ThingKind.PERSON, frozenset({Flag.TALL}))
    return derived or _closed_compound(words)


# British spellings and their American forms, as regular pairs: "harbour"/"harbor", "sabre"/"saber",
# "catalogue"/"catalog", "jeweller"/"jeweler", "archaeologist"/"archeologist".
_BRITISH_SPELLINGS = (
    ("our", "or"),
    ("tre", "ter"),
    ("bre", "ber"),
    ("ogue", "og"),
    ("eller", "eler"),
    ("ae", "e"),
)


@functools.cache
def _american_spelling(words: str) -> Entry | None:
    """The entry of an unlisted word under its American spelling, when a regular British pair
    inside it (not at its start) gives a listed one: the lists are mostly in American spelling,
    and prose on any subject may be written in British ("a harbourmaster", "a sabre-toothed cat")."""
    if len(words) < 5 or classes_of(words):
        return None
    for british, american in _BRITISH_SPELLINGS:
        at = words.find(british, 1)
        if at < 0 or (british in ("tre", "bre") and not _ends_or_joins(words, at + 3)):
            continue
        found = _listed(words[:at] + american + words[at + len(british) :])
        if found is not None:
            return Entry(words, found.size, found.kind, found.flags)
    return None


def _ends_or_joins(words: str, at: int) -> bool:
    """Whether position `at` ends the word or a part of it ("theatre", "centrepiece", "sabre tooth")."""
    return at == len(words) or words[at] == " " or words[at] not in "aeiouys"


@functools.cache
def _closed_compound(word: str) -> Entry | None:
    """An unlisted closed compound whose last part is a listed thing is that kind of thing
    ("a lungfish", "a boathouse", "a longsword"): English compounds take their last part as head.
    The first part must be a noun or adjective as written ("dreamscape" is not "dreams" + "cape"),
    and -ing and -ed forms are verbs ("hovering" is no ring)."""
    if (
        len(word) < 6
        or not word.isascii()
        or not word.isalpha()
        or classes_of(word)
        or word.endswith(("ing", "ed"))
    ):
        return None
    things = vocabulary().things
    for k in range(3, len(word) - 2):
        head = things.get(word[k:])
        if head is not None and not is_class(word[k:], WordClass.FALSE_HEAD) and _modifier(word[:k]):
            return Entry(word, head.size, head.kind, head.flags)
    return None


def _modifier(word: str) -> bool:
    """Whether a word can open a closed compound: a listed thing, or a noun or adjective lemma."""
    if word in vocabulary().things:
        return True
    if is_class(word, WordClass.PREPOSITION) or is_class(word, WordClass.PARTICLE):
        return False  # "outboard", "underwear": a particle, not a kind
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return any(word in lemmas.get(pos, ()) for pos in ("NOUN", "ADJ"))


@functools.cache
def may_name_someone(word: str) -> bool:
    """Whether an unlisted noun as written may name someone who acts: a name ('Mira holds a cup')
    or a word shaped like one for a person ('-man' or an agent suffix of words.tsv: '-er', '-or',
    '-ist', '-ian'). Anything else that holds things ('a ramekin holding eggs') holds them as a
    container does."""
    return word[:1].isupper() or word.lower().endswith(("man", *_starts(WordClass.AGENT_SUFFIX)))


@functools.cache
def _agent(word: str) -> bool:
    if " " in word or not word.isascii() or len(word) < 5 or classes_of(word):
        return False
    if word.endswith("man") and not parts_of_speech(word) - {"NOUN"}:
        return True  # "a salaryman", "a ferryman"
    suffixes = [s for s in _starts(WordClass.AGENT_SUFFIX) if word.endswith(s)]
    if not suffixes:
        return False
    marks = {value_of(suffix, WordClass.AGENT_SUFFIX) for suffix in suffixes}
    if "always" in marks:
        return True  # "a fishmonger", "a wheelwright", "a clockmaker": only someone is named so
    pos = parts_of_speech(word)
    if not pos and "unlisted" in marks and len(word) >= 7:
        return True  # "a horologist": a rare '-ist' word is still someone (not "a heist")
    if pos != frozenset({"NOUN"}):
        return False
    if not word.endswith(("er", "or")):
        return True
    tails = (word[i:] for i in range(3, len(word) - 4) if "NOUN" in parts_of_speech(word[:i]))
    return _verb_stem(word) or any(_verb_stem(tail) for tail in tails)  # "goal|keeper", "fire|fighter"


def _verb_stem(word: str) -> bool:
    """Whether an '-er'/'-or' noun is made from a verb ('skier', 'runner', 'visitor'), as agent nouns
    are; a word like 'cylinder' or 'ledger' is not read as a person."""
    stems = (word[:-2], word[:-1], word[:-3])  # "painter", "dancer", "runner"
    return any("VERB" in parts_of_speech(stem) for stem in stems if len(stem) >= 3)


def folded(word: str) -> str:
    """The word without accents, for the English lists ("café" stays listed as itself too)."""
    if word.isascii() or word in vocabulary().things:
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@functools.cache
def parts_of_speech(word: str) -> frozenset[str]:
    """lemminflect's universal parts of speech for a lower-case word ("NOUN", "VERB", "ADJ"...)."""
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word))


@functools.cache
def singular(word: str) -> str:
    """The singular of a lower-case noun: things.tsv first, then lemminflect (also for unknown words)."""
    if not word.isascii() or word in vocabulary().things or len(word) <= 2:
        return word
    irregular = value_of(word, WordClass.PLURAL)
    if irregular:
        return irregular
    from lemminflect import getAllLemmas, getAllLemmasOOV

    lemmas = getAllLemmas(word, "NOUN").get("NOUN") or ()
    for lemma in lemmas:
        if lemma in vocabulary().things:
            return lemma
    if lemmas:
        return lemmas[0]
    latin = word[:-1] if word.endswith("ae") else word[:-1] + "us" if word.endswith("i") else ""
    if latin in vocabulary().things:
        return latin  # "amphorae", "octopi": a Latin plural lemminflect does not know
    if word.endswith("men") and len(word) > 5:
        return word[:-3] + "man"  # an unlisted compound: "salarymen", "linemen"
    if word.endswith("s") and not word.endswith("ss"):
        return getAllLemmasOOV(word, "NOUN").get("NOUN", (word,))[0]
    return word


@functools.cache
def plural_of(word: str) -> str:
    """The plural of a singular English noun ('fisherman' -> 'fishermen'), by lemminflect."""
    if not word.isascii() or (entry(word) is not None and entry(word).has(Flag.PAIR)):  # type: ignore[union-attr]
        return word
    irregular = [w for (w, cls), v in vocabulary().values.items() if cls is WordClass.PLURAL and v == word]
    if irregular:
        return irregular[0]  # "person" -> "people"
    from lemminflect import getInflection

    forms = getInflection(word, "NNS")
    return forms[0] if forms else word + "s"


@functools.cache
def gerund(word: str) -> str:
    """The -ing form of a finite verb ('hang' -> 'hanging', 'grills' -> 'grilling'), so an action
    read into a region prompt stays English ('a moon hanging low', not 'a moon, hang low')."""
    from lemminflect import getInflection, getLemma

    lemmas = getLemma(word, "VERB") if word.isascii() and word.isalpha() else ()
    forms = getInflection(lemmas[0], "VBG") if lemmas else ()
    return forms[0] if forms else word


@functools.cache
def participle(word: str) -> bool:
    """Whether a verb form is a past participle ('piled', 'hung', 'strewn'), by lemminflect."""
    from lemminflect import getInflection, getLemma

    if word.endswith("ed"):
        return True
    lemmas = getLemma(word, "VERB") if word.isascii() and word.isalpha() else ()
    return any(word in getInflection(lemma, "VBN") for lemma in lemmas)


@functools.cache
def past_participle(word: str) -> bool:
    """Whether a verb form is a past participle ('strung', 'hung', 'built'), not 'stands'."""
    from lemminflect import getAllLemmas, getInflection

    lemmas = getAllLemmas(word, "VERB").get("VERB") or ()
    return not word.endswith("s") and any(
        word in getInflection(lemma, "VBN") or _t_participle(word, lemma) for lemma in lemmas
    )


def _t_participle(word: str, lemma: str) -> bool:
    """Whether `word` is the '-t' past of a verb whose listed participle is the '-ed' one ('lit' of
    'lighted', 'burnt', 'spilt'): lemminflect lists it only as a simple past, but it is both."""
    from lemminflect import getAllInflections

    forms = getAllInflections(lemma, upos="VERB")
    regular = any(f.endswith("ed") for f in forms.get("VBN", ()))
    return word.endswith("t") and regular and word in forms.get("VBD", ())


@functools.cache
def attach_verb(word: str) -> bool:
    """Whether a verb wears, holds or handles what follows it ('holds', 'wielding'), as listed in
    words.tsv or, when unlisted, as another form of a listed verb ('balances' of 'balancing')."""
    if is_class(word, WordClass.ATTACH_VERB) or classes_of(word):
        return is_class(word, WordClass.ATTACH_VERB)  # "points" is listed as aiming, not "pointing"
    from lemminflect import getAllInflections, getLemma

    lemmas = getLemma(word, "VERB") if word.isascii() and word.isalpha() else ()
    forms = {
        form for lemma in lemmas for group in getAllInflections(lemma, "VERB").values() for form in group
    }
    return any(is_class(form, WordClass.ATTACH_VERB) for form in forms | set(lemmas) if form != "with")


@functools.cache
def bare_verb(word: str) -> bool:
    """Whether a word is the bare form of a verb, its own lemma ('stand', not 'lit' or 'sat')."""
    from lemminflect import getLemma

    return word.isascii() and word.isalpha() and word in getLemma(word, "VERB")


@functools.cache
def s_form_verb(word: str) -> bool:
    """Whether a word is the -s form of a verb ('rocks', 'sways'), by lemminflect."""
    from lemminflect import getInflection, getLemma

    lemmas = getLemma(word, "VERB") if word.isascii() and word.isalpha() else ()
    return word.endswith("s") and any(word in getInflection(lemma, "VBZ") for lemma in lemmas)


@functools.cache
def verb_lemmas(word: str) -> tuple[str, ...]:
    """A lower-case word form and its verb lemmas, by lemminflect ('coiled' -> ('coiled', 'coil'))."""
    if not word.isascii() or not word.isalpha():
        return (word,)
    from lemminflect import getAllLemmas, getAllLemmasOOV

    found = getAllLemmas(word, "VERB").get("VERB") or getAllLemmasOOV(word, "VERB").get("VERB") or ()
    return tuple(dict.fromkeys((word, *found)))


@functools.cache
def _objectless_verbs() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("wordnet_verbs.tsv"))


def takes_no_object(word: str) -> bool:
    """Whether a verb form is of a verb that takes no object (wordnet_verbs.tsv, by lemma):
    'sleeping', 'grazing', 'dozing'; not 'holding' or 'wearing'."""
    return any(lemma in _objectless_verbs() for lemma in verb_lemmas(word))


def is_verb_of(word: str, cls: WordClass) -> bool:
    """Whether a verb form is one of a class that words.tsv lists by lemma ('occupying': space_verb)."""
    return any(is_class(lemma, cls) for lemma in verb_lemmas(word))


def verb_relation(word: str, particle: str) -> str | None:
    """The relation a verb form with its particle states, from words.tsv's lemmas: 'coiled around'
    is 'on', 'leans over' is 'adjacent', 'covered with' (a participle only) is 'with'; else None."""
    for lemma in verb_lemmas(word):
        relation = value_of(f"{lemma} {particle}", WordClass.RELATION_VERB)
        if relation is None and participle(word):
            relation = value_of(f"{lemma} {particle}", WordClass.RELATION_PARTICIPLE)
        if relation is not None:
            return relation
    return None


@functools.cache
def written_plural(word: str) -> bool:
    """Whether a lower-case noun is written in the plural: its singular differs, or it is a plural
    things.tsv lists as it is ('waves', a scene) whose noun lemma drops the -s ('the waves roll in'
    has a plural subject)."""
    if singular(word) != word:
        return True
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word, "NOUN").get("NOUN") or ()
    return word.endswith("s") and any(lemma != word for lemma in lemmas)


def is_plural(word: str) -> bool:
    """Whether a lower-case noun is a plural form ("glasses", a pair thing, is not)."""
    found = vocabulary().things.get(word)
    if found is not None:
        return False
    return singular(word) != word or word == "people"


def article(phrase: str) -> str:
    """'a' or 'an' for a phrase, by sound: 'an hourglass', 'an honest man', 'a unicorn'."""
    first = phrase.split()[0].lower() if phrase.split() else ""
    if not first[:1].isalpha():
        return "an" if first[:1] in "8" else "a"
    if any(first.startswith(p) for p in _starts(WordClass.SILENT_H)):
        return "an"
    if any(first.startswith(p) for p in _starts(WordClass.YOU_SOUND)):
        return "a"
    return "an" if first[0] in "aeiou" else "a"


@functools.cache
def _starts(cls: WordClass) -> tuple[str, ...]:
    return tuple(word for word, classes in vocabulary().classes.items() if cls in classes)
