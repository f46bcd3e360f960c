"""Pass 3 of the rules reader: phrases -> what each noun phrase is (its Role) and whom it belongs to.

A noun phrase is a THING (gets a region) only when the vocabulary lists it as a concrete thing,
or when the prompt clearly treats an unknown noun as one (an article or a number, and a place or
an action). Everything else is a scene, the picture's frame or style, light and time, a part of
a thing, a thing worn or held by its owner, a repeat of an earlier thing, or no thing at all.
Roles are decided left to right; each decision reads only earlier decisions.

This module decides each noun's role and runs the pass; the records and shared look-ups are in
planner.rules_role_nouns, frame, style and light in planner.rules_role_frames, worn, held and parts
in planner.rules_role_attachments, and repeats in planner.rules_role_repeats.
"""

from __future__ import annotations

from planner.reading import Size
from planner.rules_clauses import subject_phrase, with_listed
from planner.rules_phrases import (
    Mark,
    NounPhrase,
    Phrase,
    SpacePhrase,
    Verb,
    creature_part,
    list_end,
    part_of,
    pose_after,
)
from planner.rules_role_attachments import (
    absolute_owner,
    attachment,
    holds,
    listed_part_owner,
    named_in_compound,
    opens_aside,
    part_owner,
    placed_next,
    unlisted_holder,
)
from planner.rules_role_frames import (
    arrangement,
    company_shown,
    dreamt_of,
    frame_tail,
    framed_setting,
    idiom,
    is_frame,
    kind_of_event,
    light,
    likeness,
    made_by,
    name_entry,
    negated,
    of_style,
    purpose,
    shot_on,
    shot_with,
    source,
)
from planner.rules_role_nouns import (
    AIRY,
    DEFINITE,
    FINITE_BE,
    POSSESSIVE,
    Noun,
    Role,
    absolute,
    acting_pronoun,
    is_person,
    low_text,
    phrase_after,
    phrase_before,
    recent_owner,
    resolve,
)
from planner.rules_role_owners import owned_subjects
from planner.rules_role_repeats import (
    coat_member,
    group_of_earlier,
    member_of,
    name_in_commas,
    named_before,
    ranked_group,
)
from planner.rules_tokens import Tag
from planner.rules_vocab import (
    Entry,
    Flag,
    ThingKind,
    WordClass,
    classes_of,
    concreteness,
    entry,
    is_class,
    is_verb_of,
    may_name_someone,
    participle,
    value_of,
)

_BESIDE = frozenset("adjacent left_of right_of behind front above below between".split())
_CONCRETE = 4.55  # concreteness.tsv rating from which an unlisted noun names something to draw


def _placed_later(phrases: tuple[Phrase, ...], k: int) -> bool:
    """The subject of a verb with an absolute place: 'an oasis with two palm trees lies on the
    right edge', 'a village sits on the left'."""
    j = k + 1
    while j < len(phrases) and (
        isinstance(phrases[j], NounPhrase)
        or isinstance(phrases[j], SpacePhrase)
        and phrases[j].spatial.relation == "with"  # type: ignore[union-attr]
        or low_text(phrases[j]) in {",", "and", "of"}
    ):
        if low_text(phrases[j]) == "," and j + 1 < len(phrases) and isinstance(phrases[j + 1], NounPhrase):
            return False  # "bedroom interior, 3d render, platform bed in the center": a list's next item
        j += 1
    if j < len(phrases) and absolute(phrases[j]) and j > k + 1:
        return True  # "a small pond with two ducks on the right"
    if j >= len(phrases) or not isinstance(phrases[j], Verb):
        return False
    while j < len(phrases) and (
        isinstance(phrases[j], Verb) or isinstance(phrases[j], Mark) and phrases[j].tag in {Tag.ADV, Tag.AUX}  # type: ignore[union-attr]
    ):
        j += 1  # "glows faintly in the top right"
    return j < len(phrases) and absolute(phrases[j])


_VIEWER = frozenset({"camera", "viewer", "lens"})
_FACING = frozenset({"face", "faces", "facing", "faced", "close", "closer", "nearest"})  # toward the viewer


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


def _decorated_with(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The thing just named that what follows 'painted with' or 'embroidered with' decorates ('a
    drum painted with sunflowers', 'a vest that is embroidered with stars'): a pattern on it, in its
    prompt (its wearer's, when it is worn or held), not a thing of its own."""
    lead, verb = phrase_before(phrases, k), phrase_before(phrases, k, 2)
    if not (isinstance(lead, SpacePhrase) and lead.spatial.relation == "with"):
        return None
    if not (isinstance(verb, Verb) and is_class(verb.low, WordClass.DECOR_VERB)):
        return None
    back = 4 if low_text(phrase_before(phrases, k, 3)) in FINITE_BE else 3
    owner = nouns[-1] if nouns and nouns[-1].index == k - back else None
    if owner is not None and owner.role is Role.ATTACHED and owner.ref is not None:
        return owner.ref  # "a drummer whose drum is painted with sunflowers": on the drummer's drum
    scene = owner is not None and owner.entry is not None and owner.entry.kind is ThingKind.SCENE
    if owner is None or not owner.is_thing or scene:
        return None  # an unlisted thing the prompt drew is decorated too ('a dummy draped with a cape')
    return len(nouns) - 1


def _coated_with(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """The thing just named that a bare mass noun after 'covered in' or 'overgrown with' coats ('a
    statue covered in moss', 'a boulder caked with mud'): in its prompt, not a thing of its own;
    'covered with a blanket', 'covered in roses' name things."""
    lead, p = phrase_before(phrases, k), phrases[k]
    assert isinstance(p, NounPhrase)
    if not (isinstance(lead, SpacePhrase) and lead.spatial.relation == "with"):
        return None
    if not is_class(lead.lead, WordClass.COAT_VERB) or p.determiner or p.count or p.plural:
        return None
    owner = nouns[-1] if nouns and nouns[-1].index == k - 2 else None
    if owner is None or not owner.is_thing or owner.entry is None or owner.entry.kind is ThingKind.SCENE:
        return None
    return len(nouns) - 1


def _setting_within(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """Whether a building follows 'in' or 'of' right after a scene ('a cosy kitchen in an old
    farmhouse', 'a reading nook inside a lighthouse', 'the interior of a cabin'): the scene is inside
    it, so the building is the setting too."""
    lead = phrase_before(phrases, k)
    within = isinstance(lead, SpacePhrase) and lead.lead in {"in", "inside", "within"}
    inside = within and lead.spatial.relation == "inside"  # type: ignore[union-attr]
    aboard = low_text(lead) == "aboard" and known.kind in {ThingKind.BUILDING, ThingKind.VEHICLE}
    scene = nouns[-1] if nouns and nouns[-1].index == k - 2 else None
    heading = (
        scene is not None and not scene.phrase.determiner
    )  # "Interior of a cabin", not "the porch of a store"
    inside = inside or heading and low_text(lead) == "of"
    host = known.kind is ThingKind.BUILDING and inside or aboard  # "a cargo bay aboard a freighter"
    return host and scene is not None and scene.role is Role.SCENE


def _thing_role(
    phrases: tuple[Phrase, ...], k: int, nouns: list[Noun], known: Entry | None
) -> tuple[Role, int | None]:
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if known is None:
        return _unlisted_role(phrases, k, nouns)
    open_air = (
        is_class(p.head, WordClass.SKY) or known.has(Flag.SUPPORT) or p.head in {"horizon", "background"}
    )
    contents = low_text(phrase_before(phrases, k)) == "of" and bool(nouns) and nouns[-1].index == k - 2
    if contents and _plant_of_plant(nouns[-1], known):
        return (Role.ATTACHED, nouns[-1].ref if nouns[-1].role is Role.ATTACHED else len(nouns) - 1)
    if contents and nouns[-1].is_thing and holds(nouns[-1], p, known):
        return (Role.ATTACHED, len(nouns) - 1)  # "a jug of water", "a bowl of soup"
    if (
        contents
        and nouns[-1].role is Role.ATTACHED
        and nouns[-1].ref is not None
        and holds(nouns[-1], p, known)
    ):
        return (Role.ATTACHED, nouns[-1].ref)  # "two men hold a jug of water": the water is theirs too
    if framed_setting(phrases, k, nouns) or shot_on(phrases, k, known, nouns):
        return (Role.SCENE, None)  # "overhead photo of a breakfast table: ...": what the picture shows
    if _setting_within(phrases, k, known, nouns):
        return (Role.SCENE, None)  # "a reading nook in a log cabin": the room is in it, it is the setting
    feature = _feature_of(phrases, k, known, nouns)
    if feature is not None and not open_air:
        return (Role.PART, feature)  # "a lighthouse with a red lantern room": the lighthouse's
    if (
        known.kind is ThingKind.SCENE
        and (open_air or not (placed_next(phrases, k) or _placed_later(phrases, k)))
        and not _scene_object(phrases, k, known, nouns)
    ):
        return (Role.SCENE, None)
    owner = attachment(phrases, k, known, nouns)
    if owner is None:
        owner = _painted_on(phrases, k, nouns)  # "a skull painted on the drum": in the drum's prompt
    if owner is None:
        owner = _decorated_with(phrases, k, nouns)  # "a drum painted with sunflowers": its pattern
    if owner is None:
        owner = _coated_with(phrases, k, nouns)  # "a statue covered in moss": its coat
    if owner is None:
        owner = _had_by(phrases, k, known, nouns)  # "the cottage has a red door": its door
    if owner is not None:
        return (Role.ATTACHED, owner)
    bare = (
        not (p.determiner or p.count or p.plural)
        and known.kind is ThingKind.FOOD
        and known.size <= Size.SMALL
    )
    acting = isinstance(phrase_before(phrases, k), Verb) and not participle(
        low_text(phrase_before(phrases, k))
    )
    if bare and acting:
        return (Role.NONE, None)  # "pours tea", "bakes bread": part of the action, not a thing
    shared = _shared(phrases, k, known, nouns)
    if shared is not None:
        return (Role.ATTACHED, shared)
    return (Role.THING, None)


_HAVE = frozenset({"has", "have"})


def _had_by(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """The owner of what a thing 'has' ('the cottage has a mossy roof and a red door', 'a
    wheelbarrow that is heaped with compost and has a flat tire'): the subject of 'has', when
    that is a lifeless thing (a building, a tool, a vehicle) at least as big as what it has, which
    is a lifeless feature of it, said in its prompt, not drawn beside it."""
    j = k - 1
    while j > 0 and (
        low_text(phrases[j]) in {"and", ","} or isinstance(phrases[j], NounPhrase) and j < k - 1
    ):
        j -= 1  # back over the earlier items of 'has a roof, a porch and a door'
    if low_text(phrases[j]) not in _HAVE or j != k - 1 and low_text(phrases[k - 1]) not in {"and", ","}:
        return None
    start = subject_phrase(phrases, j)
    said = next((i for i, n in enumerate(nouns) if n.index == start), None)
    if said is None or known.animate or isinstance(phrase_after(phrases, k), Verb):
        return None  # "a barn has a tractor parked beside it": a thing of its own
    owner = resolve(nouns, said)
    host = nouns[owner].entry
    if not nouns[owner].is_thing or host is None or host.animate or host.size < known.size:
        return None
    return owner


def _unlisted_role(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> tuple[Role, int | None]:
    """The role of a noun no word list knows: worn or held by someone, a part of its owner, or
    what its article, number and place say of it."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    person = nouns[-1] if nouns and nouns[-1].index == k - 2 else None
    lead = phrase_before(phrases, k)
    inside = isinstance(lead, SpacePhrase) and lead.spatial.relation == "inside" and lead.lead == "in"
    if inside and person is not None and person.is_thing and is_person(person) and not p.plural:
        return (Role.ATTACHED, len(nouns) - 1)  # "a maid in a blue bodice": an unlisted garment
    holder = unlisted_holder(phrases, k, nouns)
    if holder is not None:
        return (Role.ATTACHED, holder)  # "holding a brass astrolabe", "calipers in hand"
    owner = absolute_owner(phrases, k, nouns)
    if owner is not None:
        return (Role.PART, owner)  # "a pen on a notebook, its gold nib catching the light"
    return (_unknown_role(phrases, k), None)


def _plant_of_plant(previous: Noun, known: Entry) -> bool:
    """'a branch of quince blossom', 'a bouquet of tulips': the plant a cut plant is of is said in
    its prompt (and in its holder's, when it is held), not drawn again on its own."""
    cut = previous.entry
    plant = cut is not None and cut.kind is ThingKind.PLANT and known.kind is ThingKind.PLANT
    return plant and (previous.is_thing or previous.role is Role.ATTACHED and previous.ref is not None)


_SETTING_RELATIONS = frozenset({None, "with", "inside"})
_HOSTS = frozenset({ThingKind.BUILDING, ThingKind.VEHICLE})


def _feature_of(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """The building or vehicle a setting word given with 'with' belongs to ('a lighthouse with a
    red lantern room', 'a farmhouse with a walled garden'): a feature of it, said in its prompt."""
    lead = phrase_before(phrases, k)
    if (
        known.kind is not ThingKind.SCENE
        or not isinstance(lead, SpacePhrase)
        or lead.spatial.relation != "with"
    ):
        return None
    host = nouns[-1] if nouns and nouns[-1].index == k - 2 else None
    if host is None or not host.is_thing or host.entry is None or host.entry.kind not in _HOSTS:
        return None
    return len(nouns) - 1


def _scene_object(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> bool:
    """A bounded scene (things.tsv 'bounded': a hill, a pond, a village) that the prompt shows as
    an object: a thing is on or by it ('a castle atop a steep hill'), it is by a thing ('a pond
    beside the bench'), it holds things ('a village of cottages'), it acts ('a river flows') or
    someone goes toward it ('a goose waddles toward the pond').
    In it ('in a village') or named bare ('on the hill'), it stays the setting."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    sides = [m for m in p.modifiers if not (is_class(m, WordClass.PART) or m in {"left", "right"})]
    if not known.has(Flag.BOUNDED) or p.determiner in DEFINITE and not sides:
        return False  # "on the hill", "against the back wall": a side of the setting
    if _ordered_item(phrases, k) or _labelled_spot(phrases, k):
        return True  # "From left to right: a pergola, a small pond", "Bottom left: a pond": placed
    if p.determiner not in DEFINITE and _landmark_later(phrases, k):
        return True  # "a hippo splashes in a pond. To the left of the pond, a frog": a place by it
    before, after = phrase_before(phrases, k), phrase_after(phrases, k)
    under = isinstance(before, SpacePhrase) and before.spatial.relation not in _SETTING_RELATIONS
    if under and before.spatial.horizontal == "center":  # type: ignore[union-attr]
        return False  # "a fox sits in the middle of a meadow": placed in the middle of the setting
    if under and before.spatial.relation in {"on", "adjacent"} and is_class(p.head, WordClass.WALL_SURFACE):  # type: ignore[union-attr]
        return _freestanding_wall(phrases, k, nouns)  # "hangs on the white wall": a surface of the setting
    if under and (recent_owner(nouns, p.sentence, earlier=False) is not None or _pronoun_subject(phrases, k)):
        return True  # "a castle sits atop a steep green hill", "they stand in front of a brick wall"
    if _inverted_subject(phrases, k):
        return True  # "Behind them all runs a crumbling stone wall": it acts, placed by the fronted phrase
    goal = low_text(before) in {"toward", "towards"}
    if goal and recent_owner(nouns, p.sentence, earlier=False) is not None:
        return True  # "ducklings waddle toward the duck pond": a place apart from the one going to it
    if isinstance(after, SpacePhrase) and after.spatial.relation not in _SETTING_RELATIONS:
        if isinstance(phrase_after(phrases, k + 1), Mark):
            return True  # "stone bridge, koi pond below, lantern": placed by an adverb of its own
        return _a_thing(phrase_after(phrases, k + 1))  # "a small pond beside the bench"
    if low_text(after) == "of":
        held = phrase_after(phrases, k + 1)
        if _a_thing(held) and held.plural:  # type: ignore[union-attr]
            return True
        after = phrase_after(phrases, k + 2)  # "behind the bar of a bodega stands a barman"
    return isinstance(after, Verb)  # "a winding blue river flows past the mill"


def _landmark_later(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the bounded scene named at k ('in a little pond') is named again later as the
    landmark of a place ('to the left of the pond', 'at the pond's edge', 'beside the pool'):
    something is placed by it, so it is drawn as a thing of its own, not only the setting."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    for j in range(k + 1, len(phrases)):
        q = phrases[j]
        if not isinstance(q, NounPhrase) or q.head != p.head or q.determiner not in DEFINITE:
            continue
        before = phrase_before(phrases, j)
        if isinstance(before, SpacePhrase) and before.spatial.relation not in _SETTING_RELATIONS:
            return True
    return False


def _freestanding_wall(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether the wall at k, after 'on' or 'against', stands on its own in the picture rather than
    bounding the room: it is built of a material ('beside a low stone wall', 'leans against a
    brick wall'), or a person or animal rests on it ('two women sit on the low wall'); a thing
    hung on a plain wall ('a clock hangs on the wall') is on a surface of the setting."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if any(is_class(m, WordClass.MATERIAL) for m in p.lows[:-1]):
        return True
    before = phrase_before(phrases, k)
    if not isinstance(before, SpacePhrase) or before.spatial.relation != "on":
        return False
    subject = recent_owner(nouns, p.sentence, earlier=False)
    if subject is None or nouns[subject].entry is None or not nouns[subject].entry.animate:
        return False
    verbs = (q for q in phrases[nouns[subject].index : k] if isinstance(q, Verb))
    return not any(is_verb_of(v.low, WordClass.HANG_VERB) for v in verbs)  # not "a bat hangs on the wall"


def _inverted_subject(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the noun phrase at k is the subject after the verb of a sentence that opens with a
    place ('Behind the barn rises a hill', 'Beyond them runs a wall'), before any other verb."""
    if not isinstance(phrase_before(phrases, k), Verb):
        return False
    sentence = phrases[k].sentence
    j = k - 2
    while j > 0 and phrases[j - 1].sentence == sentence:
        if isinstance(phrases[j], Verb):
            return False
        j -= 1
    opening = phrases[j] if j >= 0 else None
    if not isinstance(opening, SpacePhrase):
        return False
    where = opening.spatial.horizontal or opening.spatial.vertical  # "Along the bottom edge runs a wall"
    return opening.spatial.relation not in _SETTING_RELATIONS or bool(where)


def _pronoun_subject(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the sentence of the phrase at k opens its clause with a pronoun and a verb ('They
    stand in front of a wall'): things named before are placed by it, as a noun subject would be."""
    sentence = phrases[k].sentence
    for j in range(k - 1, 0, -1):
        q = phrases[j - 1]
        if q.sentence != sentence:
            return False
        if acting_pronoun(phrases, j - 1):
            return True
    return False


def _ordered_item(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the noun phrase at k is an item of a left-to-right list of its sentence ('From left
    to right: a shed, a pond and a barn'): right after the list's colon, a comma or 'and'."""
    if low_text(phrase_before(phrases, k)) not in {":", ",", "and"}:
        return False
    for q in reversed(phrases[:k]):
        if isinstance(q, SpacePhrase) and q.order:
            return True
        if isinstance(q, Mark) and q.tag is Tag.END and q.low != ":":
            return False
    return False


def _piece_of_air(phrases: tuple[Phrase, ...], k: int, known: Entry | None) -> bool:
    """Whether the noun at k, before 'of', is a piece of the air's stuff said bare ('a wisp of
    steam', 'sheets of rain', 'a shaft of light'): a look of the scene, no thing to place. A
    container or a picture of it ('a jar of dust', 'a photo of the rain') stays a thing."""
    p, stuff = phrases[k], phrases[k + 2] if k + 2 < len(phrases) else None
    assert isinstance(p, NounPhrase)
    if not isinstance(stuff, NounPhrase) or stuff.determiner or stuff.count or stuff.collective:
        return False
    container = known is not None and known.has(Flag.CONTAINER)
    if container or is_class(p.head, WordClass.DEPICTING_OBJECT):
        return False
    return any(is_class(stuff.head, c) for c in AIRY)


def _labelled_spot(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the noun phrase at k comes right after a spot of the picture given as a label
    ('Bottom left: a small pond with a jetty', 'Center: a lake'): the prompt places it there, so
    it is drawn in that spot, not spread behind everything as the setting."""
    if k < 2 or low_text(phrases[k - 1]) != ":":
        return False
    spot = phrases[k - 2]
    return isinstance(spot, SpacePhrase) and spot.spatial.relation is None and not spot.order


def _a_thing(phrase: Phrase | None) -> bool:
    """Whether a phrase names a listed thing that is no scene (a bench, cottages)."""
    if not isinstance(phrase, NounPhrase):
        return False
    known = entry(phrase.compound) or entry(phrase.head)
    return known is not None and known.kind is not ThingKind.SCENE


def _shared(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """The people or animals acting on a tiny thing with no place of its own: 'two teenagers share
    a bubble tea', 'a girl eats an apple' (the thing is in their prompt, not a region). A creature
    acted on is no such thing: it moves on its own and is drawn where it is ('a puppy chases a
    butterfly', 'a cat watches a mouse')."""
    before = phrase_before(phrases, k)
    acting = isinstance(before, Verb) and not is_class(before.low, WordClass.PLACING_VERB)
    if not acting or known.size > Size.TINY or known.animate or phrases[k].determiner not in {"a", "an"}:  # type: ignore[union-attr]
        return None
    if phrases[k].vague and phrases[k].collective:  # type: ignore[union-attr]
        return None  # "a man rakes a heap of leaves": a heap of them is no tiny thing in a hand
    after = phrase_after(phrases, k)
    if placed_next(phrases, k) or isinstance(after, SpacePhrase) and not _own_place(phrases, k + 1):
        return None
    owner = recent_owner(nouns, phrases[k].sentence, animate=True)
    return owner if owner is not None and nouns[owner].index == k - 2 else None


def _own_place(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the spatial phrase k leads to the actor's own thing ('at his anvil', 'on her
    lap'): the actor's place, not the acted-on thing's."""
    owned = phrase_after(phrases, k)
    return isinstance(owned, NounPhrase) and owned.determiner in POSSESSIVE


def _dressed(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is followed by 'in <something worn>' ('a paddleboarder in a wetsuit'):
    only someone is dressed."""
    lead = phrase_after(phrases, k)
    worn = phrase_after(phrases, k + 1)
    if not isinstance(lead, SpacePhrase) or lead.lead != "in" or not isinstance(worn, NounPhrase):
        return False
    known = entry(worn.compound) or entry(worn.head)
    return known is not None and known.has(Flag.WEARABLE)


def _wears_listed(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is followed by 'with' and a list naming something worn ('a luthier with
    thick glasses and a canvas apron'): only someone wears them."""
    lead = phrase_after(phrases, k)
    if not isinstance(lead, SpacePhrase) or lead.spatial.relation != "with":
        return False
    listed = (
        q
        for j, q in enumerate(phrases[k + 2 : list_end(phrases, k + 1)], start=k + 2)
        if isinstance(q, NounPhrase) and not opens_aside(phrases, j)
    )  # not "copying a manuscript with a quill, his spectacles perched on his nose"
    return any((entry(q.compound) or entry(q.head) or _SOMEONE).has(Flag.WEARABLE) for q in listed)


_SOMEONE = Entry("someone", Size.MEDIUM, ThingKind.PERSON, frozenset({Flag.TALL}))


def _unknown_role(phrases: tuple[Phrase, ...], k: int) -> Role:
    """An unlisted noun is a thing only with an article or number and a place or an action."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if classes_of(p.head) or not p.head.isascii() or not p.head.isalpha():
        return Role.NONE
    counted = p.determiner in {"a", "an"} or p.count is not None and p.count > 1
    nxt = phrase_after(phrases, k)
    before = phrase_before(phrases, k)
    if isinstance(before, SpacePhrase) and before.spatial.relation == "with":
        return Role.NONE  # "a girl with a megaphone": said of its owner
    if (
        isinstance(nxt, SpacePhrase)
        and nxt.spatial.relation == "with"
        and list_end(phrases, k + 1) < len(phrases)
    ):
        nxt = phrases[list_end(phrases, k + 1)]  # "a monster with glowing eyes and horns climbs ..."
    if _dressed(phrases, k):
        named = p.determiner == "the" and may_name_someone(p.head)  # "the blocker in a bikini top"
        return Role.THING if counted or named else Role.NONE  # "a paddleboarder in a red wetsuit"
    acts = isinstance(nxt, Verb) or isinstance(nxt, Mark) and nxt.tag is Tag.BE or _relative_act(phrases, k)
    governed = low_text(before) == "of" or isinstance(before, SpacePhrase)
    if (
        acts
        and governed
        and is_class(low_text(nxt), WordClass.PLACING_VERB)
        and isinstance(phrase_after(phrases, k + 1), NounPhrase)
    ):
        return Role.NONE  # "behind the bar of a tiny bodega stands a barman": the place, not the subject
    if isinstance(before, Verb) and is_class(before.low, WordClass.PLACING_VERB) and counted:
        return Role.THING  # "on the bench sits a brass automaton": the subject, after its verb
    placed = isinstance(nxt, SpacePhrase) and nxt.spatial.relation not in {None, "with", "inside"}
    related = isinstance(before, SpacePhrase) and before.spatial.relation in _BESIDE  # "next to a tamper"
    if (
        p.determiner == "the"
        and isinstance(nxt, Verb)
        and isinstance(phrase_after(phrases, k + 1), SpacePhrase)
    ):
        return Role.THING  # "the lunar module stands behind him": acting and placed
    concrete = _concrete_alone(phrases, k) or _listed_among_things(phrases, k)
    return Role.THING if counted and (acts or placed or related or absolute(nxt) or concrete) else Role.NONE


def _listed_among_things(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the unlisted noun at k, never rated abstract, is listed with a counted listed thing
    right after a comma or 'and' ('a molcajete, a basket of avocados and a blender'): a list joins
    things of one sort, so it is a thing like the one beside it (but not a preposition's object
    before a comma: an opening place)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if low_text(phrase_after(phrases, k)) not in {",", "and"} or concreteness(p.head) is not None:
        return False
    if isinstance(phrase_before(phrases, k), SpacePhrase):
        return False  # "inside a rocky enclosure, a pair of zebras graze": a place, then the subject
    q = phrase_after(phrases, k + 1)
    counted = isinstance(q, NounPhrase) and (q.determiner in {"a", "an"} or (q.count or 0) > 1)
    return counted and (entry(q.compound) or entry(q.head)) is not None


def _concrete_alone(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the unlisted noun at k names something to draw by itself, though nothing acts or is
    placed after it: concreteness.tsv rates it concrete ('leaning on a pine coffin', 'a bandstand
    with a green roof'), and it is not one more thing a 'with' lists of its owner ('a scarecrow
    with a sack face and a rusted sickle'), nor the setting the picture is in or of ('inside a dim
    pawnshop', 'photograph of a coral reef'), nor a measure or group of what follows 'of' ('a
    ribbon of fire', 'a pod of narwhals')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if (concreteness(p.head) or 0.0) < _CONCRETE or with_listed(phrases, k):
        return False
    before = phrase_before(phrases, k)
    setting = isinstance(before, SpacePhrase) and before.spatial.relation == "inside"
    measure = low_text(phrase_after(phrases, k)) == "of"  # "a pod of hippos", "a coil of rope"
    return not setting and not measure and low_text(before) != "of"


def _relative_act(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether a relative clause with a verb follows the noun at k ('a robot mower that hums')."""
    return low_text(phrase_after(phrases, k)) in {"that", "which", "who"} and isinstance(
        phrase_after(phrases, k + 1), Verb
    )


def _named_business(phrases: tuple[Phrase, ...], k: int) -> bool:
    """'the window of Marlowe's Books', 'a table at Gino's Pizzeria': a capitalised name with a
    possessive after a preposition names a shop, the setting, not a thing to draw."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    capitals = len(p.words) > 1 and all(w[:1].isupper() for w in p.words)
    owned = any(w.endswith("'s") for w in p.words[:-1])
    before = phrase_before(phrases, k)
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
    if not (person and p.numeral and not p.modifiers and low_text(phrase_after(phrases, k)) == ","):
        return False  # "1girl, short black hair": the tag is described, it is someone
    if _members_named(phrases, k, p) or _kind_tagged(phrases, k, p):
        return True  # "4girls, idol group, the leader ..., the rapper ..., ..."
    j = k + 2 + isinstance(phrase_after(phrases, k + 1), SpacePhrase)  # ", on the left a swordsman"
    while j < len(phrases) and isinstance(phrases[j], Mark) and phrases[j].tag in {Tag.ADJ, Tag.COMMA}:  # type: ignore[union-attr]
        j += 1  # "1girl, solo, young witch": a bare word tag between says nothing of who
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
        if low_text(phrase_before(phrases, j)) == ","
    ]
    return len(later) >= (tag.count or 1) > 1


def _character_tag(tag: NounPhrase, nxt: NounPhrase) -> bool:
    """'2boys, pirate king', '1girl, mercenary': a bare person word of another kind right after a
    count tag names one of the characters it counts."""
    bare = not nxt.determiner and nxt.count is None
    return bare and nxt.head != tag.head and not is_class(nxt.head, WordClass.KIN)


def _colour_role(p: NounPhrase, before: Phrase | None, nouns: list[Noun]) -> tuple[Role, int | None] | None:
    """The role of a colour word that is no thing ('the car is orange', 'teal and orange'); None
    when it may be one ('two oranges')."""
    if not is_class(p.head, WordClass.COLOUR):
        return None
    be = isinstance(before, Mark) and before.tag is Tag.BE
    if be and not p.determiner and len(p.words) == 1:
        owner = recent_owner(nouns, p.sentence)
        if owner is not None:
            return (Role.PREDICATE, owner)  # "the car is orange"
    if be:
        return (Role.NONE, None)  # "the sky is a bright orange"
    if not (p.determiner or p.count or p.plural):
        return (Role.NONE, None)  # "teal and orange": a colour grade, not a fruit
    if p.plural and not (p.determiner or p.count) and _colour_listed(before, nouns):
        return (Role.NONE, None)  # "muted reds and dusty oranges": colours of the grade
    return None


def _colour_listed(before: Phrase | None, nouns: list[Noun]) -> bool:
    """Whether the noun before 'and' or a comma is a colour of the grade ('reds and', 'golds,')."""
    if low_text(before) not in {"and", ","} or not nouns or nouns[-1].role is not Role.NONE:
        return False
    return is_class(nouns[-1].phrase.head, WordClass.COLOUR)


_MADE = frozenset({ThingKind.OBJECT, ThingKind.VEHICLE, ThingKind.FURNITURE})


def _loose_part(p: NounPhrase, before: Phrase | None) -> bool:
    """Whether a part is named as a thing of its own by the kind of animal it came from, with 'a'
    or a count and no one it is on ('a caribou antler lies in the snow', 'two eagle feathers'),
    not worn or had ('a girl with cat ears', 'wearing a fox tail')."""
    kind = entry(p.lows[-2]) if len(p.words) > 1 else None
    if kind is None or not _owner_kind(p.head, kind.kind) or p.compound != p.head:
        return False
    worn = isinstance(before, Verb) and is_class(before.low, WordClass.ATTACH_VERB)  # "wearing", "holds"
    had = worn or isinstance(before, SpacePhrase) and before.spatial.relation == "with"
    return (
        p.determiner in {"a", "an"} or (p.count or 0) > 1 or p.vague
    ) and not had  # "rows of violin necks"


def _owner_kind(part: str, kind: ThingKind) -> bool:
    """Whether a thing of `kind` may own `part`: an animal any part, else a kind words.tsv lists
    for the part ('car door'), or, for a part of anything ('a violin body'), any made thing."""
    kinds = value_of(part, WordClass.PART)
    if kind is ThingKind.ANIMAL:
        return True
    if kinds is None:
        return kind in _MADE
    return kind.value in kinds.split(",")


def _name_before_appositive(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether phrase k is someone's full name ('Professor Alaric Finch', 'Captain Robin Crane'),
    every word capitalised and no article, right before an appositive saying who they are (', a
    wiry inventor'): that one is drawn, so the name's last word (a finch, a crane) is no thing."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if len(p.words) < 2 or p.determiner or not all(w[:1].isupper() and w.isalpha() for w in p.words):
        return False
    nxt = phrase_after(phrases, k + 1)
    if low_text(phrase_after(phrases, k)) != "," or not isinstance(nxt, NounPhrase):
        return False
    known = entry(nxt.compound) or entry(nxt.head)
    return nxt.determiner in {"a", "an"} and known is not None and known.animate


def _compound_of_named(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether part phrase k names its owner by the word before it, an earlier known thing ('the
    shed door' after 'a shed', 'the van roof' after 'a van'): that thing's part, even where the
    part's word also names a thing. Not a building the picture is inside ('inside an old barn ...
    near the barn door': seen from within, the door is a thing of its own)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    owner = named_in_compound(p, nouns)
    if owner is None or nouns[owner].role is not Role.THING or nouns[owner].entry is None:
        return False
    before = phrase_before(phrases, nouns[owner].index)
    return not (isinstance(before, SpacePhrase) and before.spatial.relation == "inside")


def _part_role(
    phrases: tuple[Phrase, ...], k: int, nouns: list[Noun], known: Entry | None
) -> tuple[Role, int | None] | None:
    """Noun phrase k as a part: whose part it is, a part standing as a thing of its own ('a caribou
    antler', 'the great canvas sails' with no boat near), a part with no owner (nothing), or None
    when it is not read as a part."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = phrase_before(phrases, k)
    if is_class(p.head, WordClass.PART) and _loose_part(p, before):
        return (Role.THING, None)  # "a half-buried caribou antler lies by the den"
    if is_class(p.head, WordClass.PART) and (
        known is None
        or p.head in {"chimney", "roof"}
        or _compound_of_named(phrases, k, nouns)
        or (low_text(before) == "'s" and _owners_kind(phrases, k, known))
        or _of_its_owner(phrases, k)
        or _posed_part(phrases, k)
    ):
        owner = part_owner(phrases, k, nouns)
        given = isinstance(before, SpacePhrase) and before.spatial.relation == "with"  # "a ram with a roof"
        if owner is not None and not (given or _of_its_owner(phrases, k) or _may_own(nouns[owner], p.head)):
            return (Role.THING, None)  # "the great canvas sails" with no boat near: the sails themselves
        unfit = owner is None or not part_of(nouns[owner].entry, p.head)  # a window has no chimney
        if unfit and _stands_alone(phrases, k, known):
            return (Role.THING, None)  # "a rug leans against the brick chimney" (no house named)
        return (Role.PART, owner) if owner is not None else (Role.NONE, None)
    owner = part_owner(phrases, k, nouns) if _anyones_part(p) else None
    if owner is not None and owner < len(nouns):
        return (Role.PART, owner)  # "its shell": a part even of a word that also names a thing
    owner = listed_part_owner(phrases, k, known, nouns)
    if owner is not None:
        return (Role.PART, owner)  # "a chapel with a copper steeple", "its turret"
    return None


def _stands_alone(phrases: tuple[Phrase, ...], k: int, known: Entry | None) -> bool:
    """Whether part phrase k, with no owner of its kind named before it, is a thing of its own: one things.tsv
    lists (a chimney, but no roof), named by an article, not after a possessive ('Tom's chimney'),
    given by 'with' or owned by what follows ('the branch of a baobab'): seen from inside, or with
    no house drawn, the chimney itself is drawn."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = phrase_before(phrases, k)
    given = isinstance(before, SpacePhrase) and before.spatial.relation == "with"
    if known is None or p.determiner not in {"a", "an", "the"} or low_text(before) == "'s" or given:
        return False
    return low_text(phrase_after(phrases, k)) != "of"  # also no part 'of' its owner (_of_its_owner)


def _role(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> tuple[Role, int | None]:
    """What noun phrase k is (a thing, a part, a repeat, the frame, nothing) and whose, if anyone's."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    known = entry(p.compound) or entry(p.head)
    before = phrase_before(phrases, k)
    if negated(phrases, k, nouns):
        return (Role.NEGATED, None)
    if isinstance(before, Verb) and is_class(before.low, WordClass.NAMING_VERB) and nouns:
        return (Role.REPEAT, resolve(nouns, len(nouns) - 1))  # "a dog named Biscuit": its name
    if _named_business(phrases, k) or _cast_count(phrases, k) or idiom(phrases, k, known):
        return (Role.NONE, None)
    if likeness(phrases, k) or arrangement(phrases, k) or _name_before_appositive(phrases, k):
        return (Role.NONE, None)  # "a nightlight shaped like a moon", "arranged in a neat fan"
    if purpose(phrases, k, known) or dreamt_of(phrases, k):
        return (Role.NONE, None)  # "a room for guests": what something is for; "dreaming of mice"
    written = isinstance(before, SpacePhrase) and before.lead == "in"
    if is_class(p.head, WordClass.CAST_NOUN) and p.plural and not p.determiner and written:
        return (Role.NONE, None)  # "signs in Chinese characters": written ones
    if is_class(p.head, WordClass.MEASURE) and (p.count or p.vague):
        return (Role.MEASURE, None)
    owned = p.determiner in POSSESSIVE  # "with its wings spread", "their glow": the owner's
    if not owned and (
        made_by(phrases, k)
        or shot_with(phrases, k)
        or is_frame(phrases, k, nouns)
        or of_style(phrases, k, nouns)
        or source(phrases, k, nouns)
        or frame_tail(phrases, k, nouns)
        or company_shown(phrases, k, nouns)
    ):
        return (Role.FRAME, None)
    if not owned and light(p, known, before) and not _lamps_of(phrases, k):
        return (Role.LIGHT, None)
    colour = _colour_role(p, before, nouns)
    if colour is not None:
        return colour
    if name_in_commas(phrases, k, nouns):
        return (Role.NONE, None)  # "the tortoise, Mr. Shells, crawls": the tortoise's name
    repeat = named_before(phrases, k, known, nouns)
    if repeat is not None:
        return (Role.REPEAT, repeat)
    if _the_viewer(phrases, k, before):
        return (Role.NONE, None)  # "poses for the camera", "the camera looks down": the picture's own
    if group_of_earlier(p, known, nouns):
        return (Role.NONE, None)  # "two girls ... a boy ... behind the children": those already named
    if name_entry(phrases, k) is not None:
        return (Role.THING, None)  # "the Matterhorn fills the top", "Big Ben looms over the bridge"
    part = _part_role(phrases, k, nouns, known)
    if part is not None:
        return part
    if p.head == "one":
        previous = recent_owner(nouns, p.sentence)
        return (Role.THING, None) if previous is not None else (Role.NONE, None)
    if _stuff_of_last(phrases, k, nouns):
        return (Role.NONE, None)  # "sneakers in cream canvas", "a teepee of striped canvas": its material
    of_what = low_text(phrase_after(phrases, k)) == "of"  # "a wide range of colours", not "a green range"
    if of_what and _piece_of_air(phrases, k, known):
        return (Role.NONE, None)  # "a wisp of steam", "sheets of rain", "a beam of light"
    if is_class(p.head, WordClass.ABSTRACT) and (known is None or of_what or kind_of_event(p)):
        return (Role.NONE, None)  # "a tennis match", not "two burnt matches"
    return _thing_role(phrases, k, nouns, known)


def _the_viewer(phrases: tuple[Phrase, ...], k: int, before: Phrase | None) -> bool:
    """Whether noun phrase k is the camera that takes the picture: 'the camera' after 'at', 'for',
    'to'... ('waves at the camera', 'poses for the camera') or doing the shooting ('the camera is
    locked off on a branch', 'the camera looks down')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if p.head not in _VIEWER or p.determiner != "the":
        return False
    toward = low_text(before) or (before.lead if isinstance(before, SpacePhrase) else "")
    if toward in {"at", "into", "toward", "towards", "for", "to"} | _FACING:
        return True  # "faces the camera", "hovers close to the camera": the viewer, not a thing
    return not p.modifiers and _shoots(phrases, k)


def _posed_part(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the body part at k opens an absolute phrase after a comma, bare (no article, no
    describing word) with a pose after it ('an elephant wades in, trunk raised', 'a heron, neck
    bent'): the owner's part, even for a word that also names a thing of its own (a trunk). Not
    'huge windows showing a jet' nor 'petals falling' (no creature's body part words.tsv names)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    aside = low_text(phrase_before(phrases, k)) == "," and len(p.words) == 1 and p.count is None
    body = value_of(p.head, WordClass.PART) is not None and creature_part(p.head)
    return aside and body and pose_after(phrases, k)


def _of_its_owner(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the part at k, one or several, is followed by 'of' and one thing of a kind that has
    it ('the branch of a leafless baobab', 'the bare branches of a dead tree', 'the leg of an old
    table'): the owner is the thing drawn, the part is where on it, so the part gets no region of
    its own."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    owner = phrase_after(phrases, k + 1)
    if low_text(phrase_after(phrases, k)) != "of" or not isinstance(owner, NounPhrase):
        return False
    kinds = value_of(p.head, WordClass.PART)
    known = entry(owner.compound) or entry(owner.head)
    return (
        kinds is not None and known is not None and known.kind.value in kinds.split(",") and not owner.plural
    )


def _may_own(owner: Noun, part: str) -> bool:
    """Whether `owner` may have `part`: not a creature given a part only made things have
    (words.tsv's owner kinds: a goose has no sails)."""
    return not owner.animate or creature_part(part)


def _owners_kind(phrases: tuple[Phrase, ...], k: int, known: Entry | None) -> bool:
    """Whether the part after "'s" at k is the owner's part: any unlisted word ('the kite's tail'),
    else a word that also names a thing of its own only for an owner of a kind words.tsv gives
    ('the pickup's bed', not 'the dog's bed'), or a place ('the café's window')."""
    owner = phrase_before(phrases, k - 1)
    if known is None or not isinstance(owner, NounPhrase):
        return True
    owned = entry(owner.compound) or entry(owner.head)
    return part_of(owned, phrases[k].head) or owned is not None and owned.kind is ThingKind.SCENE


def _shoots(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether 'the camera' at k is a clause's subject with its verb right after it ('the camera
    is locked off', 'the camera pans left'): the picture's own camera, saying how it was shot."""
    after = phrase_after(phrases, k)
    return isinstance(after, Verb) or low_text(after) in {"is", "was", "sits", "looks", "hovers"}


def _anyones_part(p: NounPhrase) -> bool:
    """Whether 'its <part>' names a part any kind of thing may have ('its shell', 'its lid', words.tsv
    with no owner kinds), which is a part even where the word also names a thing of its own."""
    return (
        p.determiner == "its"
        and is_class(p.head, WordClass.PART)
        and value_of(p.head, WordClass.PART) is None
    )


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
            ranked = ranked_group(p, nouns)
            echoed = nouns[ranked if ranked is not None else recent_owner(nouns, p.sentence) or 0]
            known, head = echoed.entry, echoed.head
        coat = coat_member(p, nouns) if role is Role.THING else None
        if coat is not None:  # "two horses, one chestnut and one bay": a horse of that coat
            known, head = nouns[coat].entry, nouns[coat].head
        if role is Role.THING:
            ref = member_of(p, head, nouns) if coat is None else coat
        if _renames_tie(phrases, k, role, ref, nouns):
            tie = nouns[-1]  # "its owner, a young woman": the woman is the thing, 'owner' says whose
            nouns[-1] = Noun(tie.index, tie.phrase, Role.REPEAT, len(nouns), tie.entry, tie.head, tie.named)
            role, ref = Role.THING, None
        nouns.append(Noun(k, p, role, ref, known, head, named))
    return owned_subjects(phrases, tuple(nouns))


def _renames_tie(phrases: tuple[Phrase, ...], k: int, role: Role, ref: int | None, nouns: list[Noun]) -> bool:
    """Whether the phrase at k counts people just named by a plural ('the twins, two girls'): what
    to draw is said by the count, so it is the thing and the word before its repeat. A person
    named by one word and described after a comma stays that word ('her partner, a bearded
    engineer': the partner, with the engineer's words)."""
    if (
        role is not Role.REPEAT
        or ref is None
        or ref != len(nouns) - 1
        or low_text(phrase_before(phrases, k)) != ","
    ):
        return False
    tie = nouns[ref]
    p = phrases[k]
    owned = tie.phrase.determiner in POSSESSIVE  # "its owner", not "the owner" of a shop
    told = owned or tie.phrase.determiner == "the"
    counted = (
        isinstance(p, NounPhrase) and (p.count or 0) > 1 and tie.phrase.plural and told
    )  # "the twins, two girls"
    return tie.index == k - 2 and tie.ref is None and counted


def _stuff_of_last(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """Whether phrase k is a bare, described material right after the thing just named and 'in' or
    'of' ('sneakers in cream canvas', 'a tent of striped canvas'): what that thing is made of, even
    when the material word also names a thing of its own ('a canvas' on an easel)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    before = phrase_before(phrases, k)
    lead = before.lead if isinstance(before, SpacePhrase) else low_text(before)
    bare = not p.determiner and p.count is None and not p.plural and bool(p.modifiers)
    last = nouns[-1] if nouns else None
    return (
        bare
        and lead in {"in", "of"}
        and is_class(p.head, WordClass.MATERIAL)
        and last is not None
        and last.index == k - 2
        and last.is_thing
    )


def _lamps_of(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the light word at k is a thing's own lamps, said plural after it and 'with' ('a
    snowplow with amber warning lights'): part of that thing, not the picture's light."""
    p, before = phrases[k], phrases[k - 1] if k else None
    owner = phrases[k - 2] if k >= 2 else None
    with_ = isinstance(before, SpacePhrase) and before.spatial.relation == "with"
    return isinstance(p, NounPhrase) and p.plural and with_ and isinstance(owner, NounPhrase)
