"""Spatial phrases for the rules planner: 'to the left of', 'in the top right corner', 'behind'...

`match_spatial(words, i)` reads a spatial phrase starting at word i and says what it means:
a relation to the next object ('left_of', 'above', 'on', 'front', 'between', 'inside', 'with'...)
or an absolute place in the picture (horizontal 'left'/'center'/'right', vertical
'top'/'middle'/'bottom', depth 'front'/'back').
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.rules_vocab import (
    Flag,
    WordClass,
    entry,
    is_class,
    is_verb_of,
    parts_of_speech,
    singular,
    value_of,
    verb_relation,
)

_LEAD = frozenset("on to at in into towards toward from along near through across against".split())
_HORIZONTAL = {"left": "left", "right": "right", "center": "center", "centre": "center", "middle": "center"}
_VERTICAL = {"top": "top", "upper": "top", "bottom": "bottom", "lower": "bottom", "middle": "middle"}
_DEPTH = {"foreground": "front", "front": "front", "background": "back", "back": "back"}
_DEPTH |= {"distance": "far", "horizon": "far", "away": "far"}  # small and high, near the horizon line
_AREA = frozenset("side corner half part edge area portion third quadrant section end hand".split())
_CORNERS = frozenset((v, h) for v in ("top", "bottom") for h in ("left", "right"))
_FILLER = frozenset("far very extreme dead smack".split())
_SUBJECT_VERBS = frozenset("is are was were has have features shows looks seems fades".split())
_SHOWING = frozenset("has features shows holds contains displays".split())  # what the area has is there
# "on the middle shelf", "in the centre drawer": which of several things, not a place in the picture;
# 'left' / 'right' stay places ("along the left wall, lockers hang": the lockers are on the left)
_WHICH_ONE = (["middle"], ["center"], ["centre"])
_PICTURE_BANDS = frozenset("ground stage frame distance".split())  # "the middle ground", "centre stage"
_PLACE_LEADS = frozenset("in on at to towards toward into along near through across against".split())
# leads that make a place only of a side: 'against the left wall' is on the left of the picture,
# but 'against the back wall' / 'the back door' stays beside that wall or door
_SIDE_LEADS = frozenset({"against"})
_CANVAS = frozenset("picture image frame canvas composition photo photograph painting shot page".split())
_BY_OBJECTS = frozenset("the a an his her their its two three".split())
_MOUNTING = frozenset("rides ride rode".split())  # 'on' what follows only when a thing follows
_STEERED = _BY_OBJECTS | {"it"}  # 'paddling a canoe', 'rowing it': what may follow a verb that moves a boat
LABEL_BEFORE = frozenset([".", ",", ";", ":", "!", "?", "(", "\n"])  # what may come before a place label
_MANNER_PAIRS = frozenset({("upside", "down"), ("head", "first")})  # two-word manner adverbs
_BY_AGENTS = frozenset("lit made led drawn shot held taken written only watched seen".split())

# Fixed phrases that relate the subject to the next object.
_RELATIVE_PHRASES: dict[tuple[str, ...], str] = {
    ("in", "front", "of"): "front",
    ("left", "of"): "left_of",
    ("right", "of"): "right_of",
    ("to", "the", "left", "of"): "left_of",
    ("to", "the", "right", "of"): "right_of",
    ("from", "above"): "camera",
    ("from", "below"): "camera",
    ("from", "behind"): "camera",
    ("from", "the", "side"): "camera",
    ("from", "the", "front"): "camera",
    ("from", "the", "left"): "camera",
    ("from", "the", "right"): "camera",
    ("from", "the", "top"): "camera",
    ("partially", "hidden", "by"): "behind",
    ("in", "back", "of"): "behind",
    ("at", "the", "back", "of"): "behind",
    ("next", "to"): "adjacent",
    ("across", "from"): "adjacent",  # "across from him a girl reads": facing him, not on him
    ("in", "the", "shadow", "of"): "adjacent",  # beside the thing that casts it
    ("in", "the", "shade", "of"): "adjacent",
    ("in", "and", "out", "of"): "inside",  # "darts in and out of an anemone": in it
    ("out", "of"): "inside",  # "leans out of a window", "peeks out of a box": still in it
    ("ahead", "of"): "front",  # "a dog trots ahead of him": before him, nearer the viewer
    ("close", "to"): "adjacent",
    ("adjacent", "to"): "adjacent",
    ("on", "side", "of"): "adjacent",
    ("on", "the", "side", "of"): "adjacent",
    ("by", "the", "side", "of"): "adjacent",
    ("on", "top", "of"): "on",
    ("in", "between"): "between",
    ("on", "each", "side", "of"): "around",
    ("on", "either", "side", "of"): "around",
    ("on", "both", "sides", "of"): "around",
    ("full", "of"): "with",
}
_RELATIVE_WORDS: dict[str, str] = {
    "above": "above",
    "over": "above",
    "overhead": "above",
    "atop": "on",
    "riding": "on",
    "rides": "on",  # "a knight rides a horse": on it
    "ride": "on",
    "rode": "on",
    "astride": "on",
    "on": "on",
    "upon": "on",
    "onto": "on",
    "below": "below",
    "beneath": "below",
    "under": "below",
    "underneath": "below",
    "behind": "behind",
    "beyond": "behind",  # "beyond the fence a horse grazes": farther away than it
    "beside": "adjacent",
    "against": "adjacent",
    "around": "adjacent",
    "past": "adjacent",
    "before": "front",  # "kneels before the queen": in front of her (not 'before dawn': no thing)
    "flank": "adjacent",  # "two guards flank the throne": beside it
    "flanks": "adjacent",
    "flanking": "adjacent",  # "surfers walk past the canoe": beside it  # "children dance around a maypole": beside it  # "leans against the counter": beside it, touching
    "besides": "adjacent",
    "near": "adjacent",
    "alongside": "adjacent",
    "outside": "adjacent",  # "a dog sleeps outside the barn": beside it, out of doors
    "nearby": "adjacent",
    "between": "between",
    "among": "inside",
    "amongst": "inside",
    "in": "inside",
    "inside": "inside",
    "within": "inside",
    "into": "inside",
    "through": "inside",  # "through the porthole, a planet glows": seen in that opening
    "with": "with",
    "across": "on",  # "walks across a bridge": on it
    "from": "on",  # "shouts from the water tower", "feeds pigeons from the bench": standing on it
    "at": "adjacent",  # "grills skewers at a cart", "sits at a desk": beside it, touching
}
# A relation word with no object after it means a place in the picture.
ABSOLUTE_FALLBACK: dict[str, tuple[str | None, str | None, str | None]] = {
    "above": (None, "top", None),
    "below": (None, "bottom", None),
    "behind": (None, None, "back"),
    "front": (None, "bottom", "front"),
}


@dataclass(frozen=True)
class Spatial:
    """A spatial phrase: a relation (needs an object) or an absolute place."""

    length: int
    relation: str | None = (
        None  # left_of right_of above below on front behind adjacent between inside with around
    )
    horizontal: str | None = None  # left center right
    vertical: str | None = None  # top middle bottom
    depth: str | None = None  # front back
    needs_object: bool = False  # "... of" a directional phrase: relative to what follows, unless the canvas
    to_referent: bool = False  # "to its right": relative to a thing named before, not after
    referent: str = ""  # the possessive of a `to_referent` phrase ("its", "his", "her", "their")


def _directions(words: list[str], i: int) -> tuple[int, str | None, str | None, str | None]:
    """The run of direction words from i ('far upper left'): where it ends, and its horizontal,
    vertical and depth parts (None when not said)."""
    horizontal = vertical = depth = None
    while i < len(words) and (
        words[i] in _HORIZONTAL or words[i] in _VERTICAL or words[i] in _DEPTH or words[i] in _FILLER
    ):
        word = words[i]
        if word == "middle" or word in {"center", "centre"}:
            horizontal = horizontal or "center"
            vertical = vertical or "middle"
        elif word in _HORIZONTAL:
            horizontal = _HORIZONTAL[word]
        elif word in _VERTICAL:
            vertical = _VERTICAL[word]
        elif word in _DEPTH:
            depth = _DEPTH[word]
        i += 1
    return i, horizontal, vertical, depth


def _directional(words: list[str], start: int) -> Spatial | None:
    """[lead] [the] direction-words [area-word] [of] -> an absolute place or a relation."""
    i = start
    lead = False
    if i < len(words) and words[i] in _LEAD:
        lead = True
        i += 1
    if i < len(words) and words[i] == "the":
        i += 1
    i, horizontal, vertical, depth = _directions(words, i)
    if (horizontal, vertical, depth) == (None, None, None):
        return None
    if words[start] in _SIDE_LEADS and horizontal not in {"left", "right"}:
        return None
    labelled = _label(words, start, i) or (_tag_end(words, i) if _tag_place(words, start, i) else None)
    if labelled is not None:
        return Spatial(
            labelled - start, horizontal=horizontal, vertical=_height(vertical, depth), depth=depth
        )
    showing = _showing_area(words, start, i, lead)
    if showing is not None:
        return Spatial(showing - start, horizontal=horizontal, vertical=_height(vertical, depth), depth=depth)
    if not lead and i < len(words) and words[i] in _SUBJECT_VERBS:
        return None  # "the background is dark": what the sentence is about, not a place
    area = i < len(words) and words[i] in _AREA | {"sides", "corners", "edges"} or _framed(words, start, i)
    area = area or lead and _side_wall(words, i, horizontal, vertical)
    rim = area and _on_rim(words, start, i)
    if area:
        i += 1  # "fills the left half of the room": an area word makes it a place
        if not lead and i < len(words) and words[i] in _SUBJECT_VERBS:
            return None  # "the left side is dark"
    elif not lead and words[start] in {"front", "back", "top", "bottom"}:
        return None  # "a top hat", "the front door": not a place
    ends = i >= len(words) or not words[i].isalpha() or words[i] in {"and", "while", "of"}
    stressed = (
        words[start] in _FILLER or ends and _space_taken(words, start)
    )  # "sits dead center", "far left"
    if (
        not lead
        and start > 0
        and words[start - 1] not in {",", "and", "the"}
        and not _of_canvas(words, i)
        and not stressed
    ):
        if not area and (i >= len(words) or words[i] not in _AREA):
            return None
    if i < len(words) and words[i] == "of":
        place = Spatial(
            i + 1 - start, horizontal=horizontal, vertical=vertical, depth=depth, needs_object=True
        )
        return replace(place, relation="on" if rim else _of_relation(place, words[start]))
    if words[start] == "from" and horizontal in {"left", "right"}:
        return Spatial(
            i - start, relation="camera", horizontal=horizontal, vertical=vertical
        )  # "from the bottom left"
    if words[start] in _LEAD and words[start] not in _PLACE_LEADS:
        return None
    if _rank(words, start, i):
        return None  # "stands on the lower rail of the fence": a part of a thing, not a place
    return Spatial(i - start, horizontal=horizontal, vertical=_height(vertical, depth), depth=depth)


def _side_wall(words: list[str], i: int, horizontal: str | None, vertical: str | None) -> bool:
    """Whether a side ('left', 'right') stands before 'wall' of no named thing ('a clock on the
    left wall', 'against the right wall stands a desk'): a side wall of the room is that side of
    the picture, as 'the left side' is ('the left wall of the barn' is the barn's)."""
    at_wall = i < len(words) and words[i] in {"wall", "walls"} and words[i + 1 : i + 2] != ["of"]
    return at_wall and horizontal in {"left", "right"} and vertical is None


def _showing_area(words: list[str], start: int, i: int, lead: bool) -> int | None:
    """The end of a picture area that opens its sentence as the subject of a verb of showing
    ('The foreground shows two kids', 'Bottom left holds a tin', 'The left side features a lamp'):
    what it shows is there. None otherwise, and for a bare 'front' / 'top' ('the top has a lid':
    a thing's part)."""
    opens = _opens_label(words, start)
    end = i + (i < len(words) and words[i] in _AREA)
    said = [w for w in words[start:i] if w != "the"]
    part = said in (["front"], ["back"], ["top"], ["bottom"]) and end == i
    if lead or not opens or part or end >= len(words) or words[end] not in _SHOWING:
        return None
    return end


def _framed(words: list[str], start: int, i: int) -> bool:
    """Whether direction words stand before 'frame' or 'stage' with no article ('stands center
    frame', 'sings centre stage'): a place in the picture, as an area word makes it."""
    bare = start > 0 and words[start - 1] not in {"the", "a", "an", "his", "her", "its", "their"}
    return bare and i < len(words) and words[i] in {"frame", "stage"}


def _rank(words: list[str], start: int, i: int) -> bool:
    """Whether the only direction word is 'upper' or 'lower' before a noun ('the lower rail', 'the
    upper deck'), or 'top', 'bottom' or 'middle' before a thing's name ('the top shelf', 'the bottom
    step', 'the middle drawer'): which of a thing's parts, not a place in the picture ('the lower
    left' is)."""
    said = [w for w in words[start:i] if w in _VERTICAL or w in _HORIZONTAL or w in _DEPTH]
    nxt = words[i] if i < len(words) else ""
    if said in (["top"], ["bottom"]) or said in _WHICH_ONE and nxt not in _PICTURE_BANDS:
        return nxt not in _AREA and entry(singular(nxt)) is not None and not _verb_then_subject(words, i)
    return said in (["upper"], ["lower"]) and nxt.isalpha() and nxt not in _AREA and nxt != "and"


def _verb_then_subject(words: list[str], i: int) -> bool:
    """Whether the word at i, though also a thing's name, is an inverted verb before its subject
    ('In the middle stands a fountain', 'At the top looms a tower'): a verb's -s form (read as a
    plural name) with a determiner or a number after it; 'on the top shelf a cat dozes' names a
    shelf."""
    after = words[i + 1] if i + 1 < len(words) else ""
    subject = is_class(after, WordClass.DETERMINER) or is_class(after, WordClass.NUMBER)
    return subject and singular(words[i]) != words[i]


def _height(vertical: str | None, depth: str | None) -> str | None:
    """The height of a place: the foreground is low in the picture, the background high."""
    if depth is not None and vertical is None:
        return "bottom" if depth == "front" else "top"
    return vertical


def _label(words: list[str], start: int, i: int) -> int | None:
    """The end of a place said as a label ('Center: a clock', 'bottom right corner: a vase',
    'background: a full moon', 'a cat (left)'), past an area word, or None: a label is a place
    in the picture whatever word it is ('Top:' is not 'a top hat'). The word before the colon may
    name any band of the picture ('Top shelf:', 'Bottom row:', 'Left panel:')."""
    end = (
        i + 1 if i < len(words) and (words[i] in _AREA or words[i].isalpha() and _colon(words, i + 1)) else i
    )
    if end < len(words) and words[end] == ":" and (start == 0 or words[start - 1] in LABEL_BEFORE):
        return end
    if start and words[start - 1] == "(" and end < len(words) and words[end] == ")":
        return end
    return None


def _colon(words: list[str], i: int) -> bool:
    return i < len(words) and words[i] == ":"


def _space_taken(words: list[str], start: int) -> bool:
    """Whether the words at start follow a verb of taking space ('takes up the middle', 'fills
    the left half', 'occupies the foreground'): the object is a place in the picture."""
    before = start - 1 - (start >= 2 and words[start - 1] == "up")
    return before >= 0 and is_verb_of(words[before], WordClass.SPACE_VERB)


def _tuning(words: list[str], start: int) -> bool:
    """Whether the word at start only tunes the place phrase after it ('right in the middle',
    'over on the left edge', 'right behind the barn'): not a place or relation of its own."""
    nxt = words[start + 1] if start + 1 < len(words) else ""
    return is_class(words[start], WordClass.PLACE_ADVERB) and (nxt in _LEAD or nxt in _RELATIVE_WORDS)


def _tag_place(words: list[str], start: int, i: int) -> bool:
    """Whether direction words stand alone between commas or at the sentence end, as a tag on what
    was just said ('a kid on a suitcase, bottom right.', 'a full moon, top, ...')."""
    i += i < len(words) and words[i] in _AREA  # ', right side;', ', top corner.'
    closes = i >= len(words) or words[i] in {".", ",", ";", "!"}
    return (
        start > 0
        and (words[start - 1] == "," or corner_tag(words, start))
        and closes
        or _comma_label(words, start, i)
    )


def _comma_label(words: list[str], start: int, i: int) -> bool:
    """Whether direction words open a sentence and a comma closes them, as a label of what follows
    ('... open. Center, a spiral notebook', 'Left, a jug; right, a bowl'), as a colon would."""
    return _opens_label(words, start) and i < len(words) and words[i] == ","


def _opens_label(words: list[str], start: int) -> bool:
    """Whether the words at `start` open a sentence or a clause (not right after a comma)."""
    return start == 0 or words[start - 1] in LABEL_BEFORE - {","}


def corner_tag(words: list[str], start: int) -> bool:
    """Whether a corner ('top right', 'bottom left') starts at `start` and closes its tag with a
    comma or the sentence end: a place even right after a noun ('fireworks in the sky top right,')."""
    end = start + 2 + (start + 2 < len(words) and words[start + 2] in _AREA)
    return tuple(words[start : start + 2]) in _CORNERS and (
        end >= len(words) or words[end] in {".", ",", ";", "!"}
    )


def _tag_end(words: list[str], i: int) -> int:
    """The end of a tag place: past its area word ('right side')."""
    return i + (i < len(words) and words[i] in _AREA)


_ON_PART = frozenset("on upon onto".split())  # "on the back of", not "at the back of"
_RIM_AREAS = frozenset("end ends edge edges".split())  # "on the left end of the bench": still on the bench


def _of_relation(place: Spatial, lead: str) -> str:
    """The relation of '<direction> of X': 'the left of' is left_of, 'in front of' is front..."""
    horizontal, vertical, depth = place.horizontal, place.vertical, place.depth
    if horizontal is None and (lead == "along" or lead in _ON_PART and vertical is None):
        return "on"  # "on the back of a chair", "along the top of a fence": on a part of it
    if depth == "front" and horizontal is None:
        return "front"
    if depth in {"back", "far"} and horizontal is None and vertical is None:
        return "behind"
    if horizontal in {"left", "right"}:
        return f"{horizontal}_of"
    if vertical == "top" and horizontal is None and depth is None and lead in {"from", "at"}:
        return "on"  # "crows from the top of a fence post", "at the top of the tree"
    if vertical in {"top", "bottom"}:
        return "above" if vertical == "top" else "below"
    return "on"  # "in the middle of the table"


def _of_canvas(words: list[str], i: int) -> bool:
    """'... of the picture': a place in the picture even with no preposition before it ('fills
    the bottom half of the picture')."""
    return words[i : i + 2] == ["of", "the"] and i + 2 < len(words) and words[i + 2] in _CANVAS


def _posed(words: list[str], start: int) -> bool:
    """'lies curled by the stove', 'sits hunched by the fire': a participle after a verb of posture
    says how the thing is placed, so the 'by' after it is a place, not the agent of the participle
    ('stands flanked by two lions', a relation participle, keeps its agent)."""
    if start < 2 or not words[start - 1].endswith("ed"):
        return False
    return (
        is_class(words[start - 2], WordClass.PLACING_VERB) and verb_relation(words[start - 1], "by") is None
    )


def _beside(words: list[str], start: int) -> bool:
    """'kneels by a wheelbarrow', 'sits by the fire': 'by' as a place, not 'lit by a lamp' or
    'painted by Monet'."""
    after = words[start + 1] if start + 1 < len(words) else ""
    before = words[start - 1] if start else ""
    placed = is_class(before, WordClass.PLACING_VERB) or _posed(words, start)  # "parked by a lamppost"
    agent = not placed and (before.endswith(("ed", "en")) or before in _BY_AGENTS or before == ",")
    return after in _BY_OBJECTS and not agent


def _possessive_side(words: list[str], start: int) -> Spatial | None:
    """'to its right', 'on her left side', 'to their left', 'at his side': beside a thing named before."""
    if start + 2 >= len(words) or words[start] not in {"to", "on", "at", "by", "against"}:
        return None
    named = _named_side(words, start)
    if named is not None:
        return named
    owner = words[start + 1]
    if owner not in {"its", "his", "her", "their"} or words[start] == "against":
        return None
    side = words[start + 2]
    if side in {"side", "sides"} and words[start] in {"at", "by"}:
        return Spatial(3, relation="adjacent", needs_object=True, to_referent=True, referent=owner)
    if side not in {"left", "right"} or words[start] == "by":
        return None
    if _on_rim(words, start, start + 3):
        return Spatial(
            4, relation="on", needs_object=True, to_referent=True, referent=owner
        )  # "on its left end"
    part = words[start + 3] if start + 3 < len(words) else ""
    if part not in {"side", "hand"} and is_class(part, WordClass.PART):
        return None  # "perched on his left shoulder": on the shoulder, not to his left
    length = 4 if start + 3 < len(words) and words[start + 3] in {"side", "hand"} else 3
    return Spatial(length, relation=f"{side}_of", needs_object=True, to_referent=True, referent=owner)


def _named_side(words: list[str], start: int) -> Spatial | None:
    """'to the queen's right', "on the old man's left", "leans against the desk's left side": beside
    the thing named, said before."""
    if (
        words[start + 1] != "the"
        or start + 4 >= len(words)
        or words[start] not in {"to", "on", "at", "against"}
    ):
        return None
    for owner in range(start + 2, min(start + 5, len(words) - 2)):
        if words[owner + 1] == "'s" and words[owner + 2] in {"left", "right"}:
            if _on_rim(words, start, owner + 3):  # "on the table's left end": on the table
                end, relation = owner + 4, "on"
            else:
                end = owner + 3 + (owner + 3 < len(words) and words[owner + 3] in {"side", "hand"})
                relation = f"{words[owner + 2]}_of"
            return Spatial(
                end - start, relation=relation, needs_object=True, to_referent=True, referent=words[owner]
            )
    return None


def _on_rim(words: list[str], start: int, i: int) -> bool:
    """'on the table's left end', 'on the bench's right edge': an end of a support is still on it,
    not beside it (but 'to the desk's left', 'against its left side' are beside it)."""
    return words[start] in _ON_PART and i < len(words) and words[i] in _RIM_AREAS


def _from_behind(words: list[str], start: int) -> str:
    """'from behind X' is behind X, but 'darts out from behind X' has come out in front of it
    ('peeks out', a peek_verb of words.tsv, is still behind)."""
    if start < 1 or words[start - 1] != "out":
        return "behind"
    peeking = start >= 2 and is_verb_of(words[start - 2], WordClass.PEEK_VERB)
    return "behind" if peeking else "front"


def _steered(words: list[str], start: int) -> Spatial | None:
    """'a woman paddling a canoe', 'a boy rowing it', 'a girl climbing a ladder': a verb form that
    words.tsv lists alone as a relation_verb (no particle) relates its subject to the thing after it
    (in the boat it moves, on what it climbs or crosses)."""
    relation = value_of(words[start], WordClass.RELATION_VERB)
    if relation is None or start + 1 >= len(words) or words[start + 1] not in _STEERED:
        return None
    return Spatial(1, relation=relation, needs_object=True)


def _tuned_camera(words: list[str], start: int) -> Spatial | None:
    """'shot from slightly above', 'seen from directly below': a camera angle with a word that
    tunes it, never a place of the thing before it."""
    if words[start] != "from" or start + 2 >= len(words) or words[start + 2] not in {"above", "below"}:
        return None
    tuned = words[start + 1]
    return Spatial(3, relation="camera") if tuned.endswith("ly") or tuned in {"high", "low", "far"} else None


def _rim_of(words: list[str], j: int) -> bool:
    """Whether the word at j is a part of a thing named after 'of' ('the rim of a barrel', 'the
    ridge of a roof'), with no entry of its own: what goes along a part of a thing is on it."""
    return (
        j + 1 < len(words)
        and words[j + 1] == "of"
        and entry(words[j]) is None
        and is_class(singular(words[j]), WordClass.PART)
    )


def _along(words: list[str], start: int) -> Spatial | None:
    """'along' a long thing one moves or lies on (a `path` thing of things.tsv: a road, a branch) is
    on it ('an ant marches along a twig'); along anything else (a wall, a fence, a shore) is
    beside it. 'along with', along a scene ('the road') or an area ('its edge') is no relation,
    nor a fronted 'Along a fence, ...', which sets the scene for a whole clause (often a list)."""
    if words[start] != "along" or start + 1 >= len(words) or words[start + 1] == "with":
        return None
    for j, word in enumerate(words[start + 1 : start + 5], start + 1):
        known = entry(word) or entry(singular(word))
        if _rim_of(words, j):
            return Spatial(1, relation="on", needs_object=True)  # "hop along the rim of a barrel": on it
        if word in _AREA or (known is not None and known.has(Flag.SCENE)):
            return None  # "along its edge", "along the road": a part or the ground, no thing
        if known is not None and known.has(Flag.PATH):
            return Spatial(1, relation="on", needs_object=True)
        if known is not None:
            fronted = start == 0 or words[start - 1] in {".", "!", "?", ";"}  # "Along a fence, the crowd..."
            return None if fronted else Spatial(1, relation="adjacent", needs_object=True)
    return None


def _manner(words: list[str], at: int) -> int:
    """How many words of a manner adverb stand at `at` between a verb and its particle ('clings
    tightly to', 'strapped securely to', 'clings upside down to'): 0 when none."""
    if tuple(words[at : at + 2]) in _MANNER_PAIRS:
        return 2
    if at >= len(words) or not words[at].endswith("ly"):
        return 0
    pos = parts_of_speech(words[at])
    return int("ADV" in pos and "NOUN" not in pos)


def _verb_phrase(words: list[str], start: int) -> Spatial | None:
    """A verb with its particle that states a relation (words.tsv): 'coiled around', 'strapped
    to', and with 'up' between them, 'stairs lead up to a door' (below the door); a manner adverb
    may stand between verb and particle ('a vine clings tightly to the wall')."""
    if start + 2 < len(words) and words[start + 1] == "up":
        verb = verb_relation(words[start], f"up {words[start + 2]}")
        if verb is not None:
            return Spatial(3, relation=verb, needs_object=True)
    skip = _manner(words, start + 1)
    particle = start + 1 + skip
    verb = verb_relation(words[start], words[particle]) if particle < len(words) else None
    end, *said = _directions(words, particle + 1 + (words[particle + 1 : particle + 2] == ["the"]))
    end += end < len(words) and words[end] in _AREA
    if verb is None or any(said) and (_of_canvas(words, end) or end >= len(words) or words[end] != "of"):
        return None  # "tiptoes across the bottom left": a place in the picture, not on a thing
    return Spatial(2 + skip, relation=verb, needs_object=True)


_OPPOSITES = frozenset(
    pair
    for a, b in (("left", "right"), ("top", "bottom"), ("front", "back"), ("foreground", "background"))
    for pair in ((a, b), (b, a))
)


def reading_order(words: list[str], start: int) -> tuple[int, str]:
    """'[from] left to right', 'from right to left', 'top to bottom', 'front to back': the order in
    which things are told or lined up, not a place ('Top to bottom: ...' puts nothing at the
    bottom). Its length and the side it starts from; (0, '') when the words are no such order."""
    i = start + (words[start] == "from")
    pair = tuple(words[i : i + 3 : 2])
    if words[i + 1 : i + 2] != ["to"] or pair not in _OPPOSITES:
        return 0, ""
    return i + 3 - start, words[i]


def match_spatial(words: list[str], start: int) -> Spatial | None:
    """The spatial phrase starting at words[start], longest match first, or None."""
    camera = _tuned_camera(words, start)
    if camera is not None:
        return camera
    if (
        is_class(words[start], WordClass.INTENSIFIER)
        and start + 1 < len(words)
        and (start == 0 or words[start - 1] != "the")
    ):
        inner = match_spatial(words, start + 1)  # "right next to", "just behind", "directly above"
        if inner is not None and inner.needs_object:
            return replace(inner, length=inner.length + 1)
    if _tuning(words, start):
        return None
    owned = _possessive_side(words, start)
    if owned is not None:
        return owned
    for length in (4, 3, 2):
        phrase = tuple(words[start : start + length])
        if len(phrase) == length and phrase in _RELATIVE_PHRASES:
            relation = _RELATIVE_PHRASES[phrase]
            following = words[start + length : start + length + 1]
            if relation == "camera" and following and (following[0] == "of" or following[0] in _HORIZONTAL):
                continue  # "from the top of a post": on the post; "from the top left": a corner
            if (
                phrase == ("from", "behind")
                and words[start + 2 : start + 3]
                and words[start + 2] in _BY_OBJECTS
            ):  # "watches from behind a rock", "peeks out from behind a tree": behind it
                return Spatial(2, relation=_from_behind(words, start), needs_object=True)
            side = next((w for w in phrase if w in {"left", "right"}), None) if relation == "camera" else None
            return Spatial(length, relation=relation, horizontal=side, needs_object=relation != "camera")
    verb = _verb_phrase(words, start)
    if verb is not None:
        return verb
    directional = _directional(words, start)
    if directional is not None:
        return directional
    word = words[start]
    if word in {"centered", "centred"}:
        return Spatial(1, horizontal="center")  # "a cup centred on the table"
    if word == "at" and start and is_class(words[start - 1], WordClass.AIM_VERB):
        return None  # "points at a chart", "stares at him": a target, not a place
    if word == "on" and start and is_class(words[start - 1], WordClass.FOCUS_WORD):
        return None  # "eyes locked on a herd": what is looked at, not a support
    if word == "by" and _beside(words, start):
        return Spatial(1, relation="adjacent", needs_object=True)
    steered = _steered(words, start) or _along(words, start)
    if steered is not None:
        return steered
    if word in _MOUNTING and (start + 1 >= len(words) or words[start + 1] not in _BY_OBJECTS):
        return None  # "rides in from the left": a verb of moving, not 'on a horse'
    if word in _RELATIVE_WORDS:
        return Spatial(1, relation=_RELATIVE_WORDS[word], needs_object=True)
    return None
