"""Pass 6 of the rules planner: a reading -> what the layout needs (groups, constraints, riders).

Each kept thing becomes a layout Group (instances, stated place, depth, usual shape and size);
relations become constraints between groups ("left_of", "above", "adjacent"...), except "on" and
"in", which make the thing a rider of its support or container: it is drawn touching or inside
it rather than in a cell of its own ("in a hammock" sits sunk into it; a small loose object
beside a thing on a table rests on the table too). A thing with no stated place borrows the
place of what it is next to. Sizes follow the things: one instance spans at most its usual
extent, scaled down against the biggest thing in the picture (a bee beside a fridge).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from planner.reading import Place, PromptReading, Relation, RelationKind, Size, Thing
from planner.rules_budget import Kept
from planner.rules_layout import BAND_SHAPE, Constraint, Group, Rider
from planner.rules_vocab import Flag, ThingKind, WordClass, entry, is_class, value_of

# The most one instance spans alone (fraction of the picture's side), by size class.
USUAL_EXTENT = {Size.TINY: 0.25, Size.SMALL: 0.42, Size.MEDIUM: 0.58, Size.LARGE: 0.8, Size.HUGE: 0.92}
PERSON_EXTENT = 0.8  # a person alone: most of the picture's height
SMALLER_PER_CLASS = 0.78  # each size class below the biggest thing in the picture
HELD_SHADE = 0.9  # a thing held in a hand is at the small end of its size class (a mug < a keyboard)
VEHICLE_SHADE = 1.08  # a vehicle spans a little more than other things of its size class
SAID_SMALL_SHADE = 0.85  # a thing said small that its size class does not show smaller
STRIP_SHAPE = BAND_SHAPE  # a band of small things across the top or bottom
CLOSE_UP = 1.5  # "a portrait of", "a close-up of": the subject fills the frame
_PAIRS = {
    RelationKind.LEFT_OF: [("left_of", 0, 1)],
    RelationKind.RIGHT_OF: [("left_of", 1, 0)],
    RelationKind.ABOVE: [("above", 0, 1), ("over", 0, 1)],
    RelationKind.BELOW: [("above", 1, 0), ("over", 1, 0)],
    RelationKind.IN_FRONT_OF: [("above", 1, 0), ("depth", 0, 1), ("align_x", 0, 1)],
    RelationKind.BEHIND: [("above", 0, 1), ("depth", 1, 0), ("align_x", 0, 1)],
    RelationKind.NEXT_TO: [("adjacent", 0, 1), ("before", 0, 1)],
    RelationKind.BETWEEN: [("left_of", 1, 0), ("left_of", 0, 2)],
    RelationKind.ON: [("above", 0, 1), ("align_x", 0, 1), ("onto", 0, 1)],
    RelationKind.IN: [("adjacent", 0, 1), ("inside", 0, 1)],
}


def _shape(thing: Thing) -> float:
    known = entry(thing.head)
    if known is None:
        return 1.0
    return 0.6 if known.has(Flag.TALL) else 1.5 if known.has(Flag.WIDE) else 1.0


def _strip(thing: Thing) -> bool:
    """Uncounted plural things said to be along the top or bottom with no side ('paper lanterns hang
    overhead across the top', 'string lights overhead'): a band across the picture."""
    place = thing.place
    known = entry(thing.head)
    small = known is None or known.size <= Size.SMALL and known.kind not in _GROUND
    return (
        thing.count is None
        and small
        and place is not None
        and place.vertical in {"top", "bottom"}
        and place.horizontal is None
    )


def _extent(thing: Thing, biggest: Size, close_up: bool) -> float:
    known = entry(thing.head)
    person = known is not None and known.kind is ThingKind.PERSON and known.has(Flag.TALL)
    usual = PERSON_EXTENT if person and thing.size == Size.MEDIUM else USUAL_EXTENT[thing.size]
    usual *= SMALLER_PER_CLASS ** (biggest - thing.size)
    usual *= HELD_SHADE if known is not None and known.has(Flag.HOLDABLE) and not person else 1.0
    usual *= SAID_SMALL_SHADE if _said_small_in_class(thing) else 1.0
    return min(1.0, usual * (CLOSE_UP if close_up else 1.0))


def _said_small_in_class(thing: Thing) -> bool:
    """A thing said small whose size class does not already show it (a small bug is as tiny as
    a class goes; 'his daughter, a small girl' says it beside the noun): the small end of its
    class, so it comes out smaller than a thing of its class not said small (a butterfly)."""
    known = entry(thing.head)
    words = {w.lower() for a in thing.attributes for w in a.split()}
    small = any(is_class(w, WordClass.SMALL) for w in words)
    big = any(is_class(w, WordClass.BIG) for w in words)
    return known is not None and small and not big and thing.size >= known.size


_GROUND = frozenset(
    {ThingKind.PERSON, ThingKind.ANIMAL, ThingKind.VEHICLE, ThingKind.BUILDING, ThingKind.FURNITURE}
)


def _level(thing: Thing, on_wall: bool = False) -> str | None:
    """Where a thing usually is in a picture: up in the air, on the ground, or anywhere; a thing
    said to hang on a wall is up on the wall."""
    if on_wall:
        return "wall"
    known = entry(thing.head)
    if known is None:
        return None
    if known.has(Flag.SKY):
        return "sky"
    if known.has(Flag.WALL):
        return "wall"
    big_plant = known.kind is ThingKind.PLANT and known.size >= Size.LARGE
    return "ground" if known.kind in _GROUND or big_plant else None


def _riders(reading: PromptReading, slot: dict[int, int]) -> list[Rider]:
    """'on' and 'in' relations whose subject can rest on or in its object (one level deep)."""
    riders: dict[int, Rider] = {}
    nesting = sorted(
        (r for r in reading.relations if r.kind in {RelationKind.ON, RelationKind.IN}),
        # "lemons in a bowl" before "... on a table"; the nearest support first ("a lemon on a
        # plate" before "on the table")
        key=lambda r: (r.kind is not RelationKind.IN, reading.things[r.objects[0]].size),
    )
    for relation in nesting:
        child, parent = relation.subject, relation.objects[0]
        if _reverses_earlier(reading, relation):
            continue
        if child not in slot or parent not in slot or slot[child] in {r.child for r in riders.values()}:
            continue
        host = reading.things[parent]
        kind = relation.kind
        known = entry(host.head)
        seat = (
            kind is RelationKind.IN
            and known is not None
            and known.has(Flag.SUPPORT)
            and not known.has(Flag.CONTAINER)
        )  # "in a rocking chair", "in the hammock": on its seat, sunk into it
        resting = RelationKind.ON if seat else kind
        if not _bears(reading.things[child], host, resting) or not _holds(host, resting):
            continue  # a house "on" a hill is above it; a woman "in the middle of" a crowd is among it
        riders[child] = Rider(slot[child], slot[parent], "seat" if seat else kind.value)
    found = _acyclic(list(riders.values()))
    found += _stacked_supports(reading, slot, found)
    found += _held_riders(reading, slot, found)
    found += _borne(reading, slot, found)
    found += _alongside(reading, slot, found)
    taken = {r.child for r in found}
    for rider in _still_life(reading, slot):  # never back under what rests on it (a loop)
        if rider.child not in taken and not _cycle(found, rider):
            found.append(rider)
    hung = {slot[i] for i in reading.on_wall if i in slot}
    # a pot hung on the wall is not on the table; and whatever rule added a rider, none closes a
    # loop (the layout follows supports down to the ground)
    return _acyclic([r for r in found if r.child not in hung])


_CARRIERS = frozenset({ThingKind.OBJECT, ThingKind.FURNITURE})


def _bears(child: Thing, host: Thing, kind: RelationKind) -> bool:
    """Whether `host` can carry `child` resting on or in it: one no bigger than itself, or one
    size class bigger on top of a made object or a piece of furniture ('a man sits on an upturned
    bucket', 'a teacup on a saucer'); a house "on" a hill (nature) is only above it, and nothing
    sits in a smaller thing ('ladles soup into a bowl' is no lady in the bowl)."""
    if child.size <= host.size:
        return True
    known = entry(host.head)
    on_top = kind is RelationKind.ON and child.size == host.size + 1
    return on_top and known is not None and known.kind in _CARRIERS


def _stacked_supports(reading: PromptReading, slot: dict[int, int], riders: list[Rider]) -> list[Rider]:
    """A thing said to be on two things rests on one of them, and the smaller of the two rests on
    the bigger: 'a sofa where a cat naps on a cushion' (the cat on the sofa and on a cushion) puts
    the cushion on the sofa, so that the cat is on both, not on a cushion lying on the floor."""
    parent_of = {r.child: r.parent for r in riders}
    thing_of = {n: i for i, n in slot.items()}
    found: dict[int, Rider] = {}
    for relation in reading.relations:
        child, other = relation.subject, relation.objects[0] if relation.objects else -1
        near = thing_of.get(parent_of.get(slot.get(child, -1), -1))
        if relation.kind is not RelationKind.ON or other not in slot or near in {None, other, child}:
            continue
        small, big = sorted((near, other), key=lambda i: reading.things[i].size)  # a tie: near on other
        if (
            slot[small] in parent_of
            or slot[small] in found
            or not _holds(reading.things[big], RelationKind.ON)
        ):
            continue
        if other != child and not _apart_places(reading.things[small], reading.things[big]):
            rider = Rider(slot[small], slot[big], "on")
            if not _cycle(riders, rider):
                found[slot[small]] = rider
    return list(found.values())


def _apart_places(a: Thing, b: Thing) -> bool:
    """Whether two things are stated at different places (one in the top left panel, the other in
    the top right), so that neither can rest on the other."""
    if a.place is None or b.place is None:
        return False
    return any(
        x is not None and y is not None and x != y
        for x, y in ((a.place.horizontal, b.place.horizontal), (a.place.vertical, b.place.vertical))
    )


_BESIDE_KINDS = frozenset({RelationKind.LEFT_OF, RelationKind.RIGHT_OF, RelationKind.NEXT_TO})
_SELF_STANDING = frozenset(
    {ThingKind.PERSON, ThingKind.ANIMAL, ThingKind.VEHICLE, ThingKind.BUILDING, ThingKind.FURNITURE}
)


def _alongside(reading: PromptReading, slot: dict[int, int], riders: list[Rider]) -> list[Rider]:
    """A small object said to be beside a thing that rests on a table, with nothing of its own to
    rest on, rests on the same table: 'a speaker on the desk; just to its right sits a mug'."""
    support_of = {r.child: r.parent for r in riders if r.kind == "on"}
    thing_of = {n: i for i, n in slot.items()}
    resting = {r.subject for r in reading.relations if r.kind in {RelationKind.ON, RelationKind.IN}}
    found: dict[int, Rider] = {}
    for relation in reading.relations:
        if relation.kind not in _BESIDE_KINDS:
            continue
        pair = (relation.subject, relation.objects[0])
        for thing, other in (pair, pair[::-1]):
            parent = support_of.get(slot.get(other, -1))
            if parent is None or thing not in slot or thing in resting or slot[thing] in support_of:
                continue
            if _loose_object(reading.things[thing]) and _surface(reading.things[thing_of[parent]]):
                found.setdefault(thing, Rider(slot[thing], parent, "on"))
    return list(found.values())


def _loose_object(thing: Thing) -> bool:
    """A small thing that does not stand on its own (a mug, a book, a plant), with no stated height."""
    known = entry(thing.head)
    unplaced = thing.place is None or thing.place.vertical is None
    return known is not None and known.kind not in _SELF_STANDING and thing.size <= Size.SMALL and unplaced


def _cycle(riders: Iterable[Rider], rider: Rider) -> bool:
    """Whether adding `rider` to the riders closes a loop: following parents from it comes back to
    its child (a on b on a). The rider replaces any of the riders with the same child."""
    by_child = {**{r.child: r.parent for r in riders}, rider.child: rider.parent}
    seen, at = {rider.child}, rider.parent
    while at in by_child:
        if at in seen:
            return True
        seen.add(at)
        at = by_child[at]
    return at in seen


def _borne(reading: PromptReading, slot: dict[int, int], riders: list[Rider]) -> list[Rider]:
    """A support said to be under a smaller thing carries it: 'shelves sag under rows of bowls',
    'a stall beneath crates of ice' put the bowls on the shelves. Only loads named in the plural:
    one thing over a table (a lantern, a map) hangs; what hangs or flies (a clock, a kite) or has
    a height of its own stays where it is."""
    taken = {r.child for r in riders}
    found: dict[int, Rider] = {}
    for relation in reading.relations:
        base, load = relation.subject, relation.objects[0] if relation.objects else -1
        if relation.kind is not RelationKind.BELOW or base not in slot or load not in slot:
            continue
        top, known, under = (
            reading.things[load],
            entry(reading.things[load].head),
            entry(reading.things[base].head),
        )
        if under is None or not under.has(Flag.SUPPORT):
            continue  # 'a dog sleeps below a bird': only a support carries
        if slot[load] in taken | set(found) or known is None or known.has(Flag.LIGHT) or top.count == 1:
            continue  # a lamp or one lantern above a table hangs over it; a heap or rows rest on it
        if (
            top.size < reading.things[base].size
            and _holds(reading.things[base], RelationKind.ON)
            and not _level(top)
        ):
            rider = Rider(slot[load], slot[base], "on")
            if not _cycle(riders, rider):
                found[slot[load]] = rider
    return list(found.values())


def _reverses_earlier(reading: PromptReading, relation: Relation) -> bool:
    """Whether an earlier 'on' or 'in' relation of the reading joins the same two things the other
    way round: 'a parrot sits on a perch with a tag pinned to it' misread as the perch on the parrot
    too; what the prose states first stands, whichever of the two is bigger."""
    for earlier in reading.relations:
        if earlier is relation:
            return False
        if earlier.kind in {RelationKind.ON, RelationKind.IN} and (earlier.subject, earlier.objects[0]) == (
            relation.objects[0],
            relation.subject,
        ):
            return True
    return False


def _acyclic(riders: list[Rider]) -> list[Rider]:
    """The riders in order, leaving out each one that would close a loop with those kept before
    it: of 'a pumpkin on a pallet' and a misread 'the pallet on it', the first stands instead of
    both being dropped."""
    kept: dict[int, Rider] = {}
    for rider in riders:
        if not _cycle(kept.values(), rider):
            kept[rider.child] = rider
    return list(kept.values())


def _still_life(reading: PromptReading, slot: dict[int, int]) -> list[Rider]:
    """A big support named first (a kitchen table, a desk) with only small things besides it and
    no relation among them: the small things rest on it, except those stated at the top or bottom
    of the picture (seen from above, 'a napkin lies at the bottom' keeps its place)."""
    things = reading.things
    support = next((i for i in slot if _surface(things[i])), None)
    others = [i for i in slot if i != support]
    resting = {
        r.subject
        for r in reading.relations
        if r.kind in {RelationKind.ON, RelationKind.IN} and r.objects[0] in slot
    }  # already on or in something else
    if support is None or support != min(slot) or len(others) < 2:
        return []
    others = [i for i in others if i not in resting]
    if any(things[i].size > Size.MEDIUM or _level(things[i]) == "ground" for i in others):
        return []
    beside = {r.subject for r in reading.relations if support in r.objects}  # "a newspaper under the tray"
    placed = {i for i in others if things[i].place is not None and things[i].place.vertical}
    placed |= {
        r.subject for r in reading.relations if set(r.objects) & placed
    }  # "in the top left a bag, next to it a kettle"
    return [Rider(slot[i], slot[support], "on") for i in others if i not in beside | placed]


def _surface(thing: Thing) -> bool:
    known = entry(thing.head)
    return (
        known is not None
        and known.has(Flag.SUPPORT)
        and known.kind is ThingKind.FURNITURE
        and thing.size >= Size.LARGE
    )


def _holds(parent: Thing, kind: RelationKind) -> bool:
    """Whether things can rest on (a support) or sit in (a container) the parent."""
    known = entry(parent.head)
    if known is None:
        return True
    if known.kind is ThingKind.SCENE:
        return False
    if kind is RelationKind.ON:
        return known.kind is not ThingKind.PERSON or known.has(Flag.SUPPORT)  # a bird on a branch
    return known.has(Flag.CONTAINER) or known.kind in {ThingKind.FURNITURE, ThingKind.VEHICLE}


def _among(thing: Thing) -> bool:
    """Whether things said to be 'on' it are among it rather than on top (a crowd, people); one
    person is a support all the same (a boy on his father's shoulders, a parrot on a pirate)."""
    known = entry(thing.head)
    if known is None or known.kind is not ThingKind.PERSON or known.has(Flag.SUPPORT):
        return False
    return known.has(Flag.WIDE) or thing.count != 1


def _beside_height(reading: PromptReading, index: int) -> str | None:
    """The height borrowed from a placed thing one is only said to be next to, when that height is
    a side ('at the top left a sprig rests beside a jar': the jar at the top too); not the middle
    ('in the middle a crate sits next to three watermelons' keeps the watermelons a row, free to sit
    lower, as the crate's side alone says)."""
    height = _beside(reading, index, "vertical")
    return height if height in {"top", "bottom"} else None


def _beside(reading: PromptReading, index: int, axis: str = "horizontal") -> str | None:
    """The side (or, with axis "vertical", the height) of the picture of a thing that is only said
    to be next to a placed one: 'a crate in the middle sits next to three watermelons' puts the
    watermelons in the middle too; 'at the top left a sprig rests beside a jar' puts the jar at the
    top as well."""
    for relation in reading.relations:
        if relation.kind is not RelationKind.NEXT_TO or index not in (relation.subject, *relation.objects):
            continue
        for other in (relation.subject, *relation.objects):
            place = reading.things[other].place
            side = getattr(place, axis) if place is not None else None
            if other != index and side:
                return side
    return None


def _worked_at(reading: PromptReading, index: int) -> str | None:
    """The height of a person placed at this thing ('in the foreground a vendor ... at a cart'): the
    cart is as low as the vendor."""
    for relation in reading.relations:
        if relation.kind is not RelationKind.NEXT_TO or relation.objects[0] != index:
            continue
        person, known = reading.things[relation.subject], entry(reading.things[relation.subject].head)
        if known is not None and known.kind is ThingKind.PERSON and person.place and person.place.vertical:
            return person.place.vertical
    return None


_STACKED = {RelationKind.ABOVE: "top", RelationKind.BELOW: "bottom"}


def _stacked(reading: PromptReading, index: int) -> str | None:
    """The height of a thing said to be above a thing at the top (or below one at the bottom): 'in
    the background a mill, and a water tower rises above it' puts the tower at the top too."""
    for relation in reading.relations:
        height = _STACKED.get(relation.kind)
        if height is None or relation.subject != index:
            continue
        place = reading.things[relation.objects[0]].place
        if place is not None and place.vertical == height:
            return height
    return None


def _carried(reading: PromptReading, index: int) -> Place:
    """The place of a thing said to rest on this one, where none is stated for it: 'a fish eagle
    watches from a dead tree in the top right corner' puts the tree in the top right too (the
    eagle sits on it, so it cannot be anywhere else)."""
    for relation in reading.relations:
        if relation.kind is not RelationKind.ON or relation.objects[0] != index:
            continue
        rider = reading.things[relation.subject]
        if rider.place is not None and rider.size <= reading.things[index].size:
            return rider.place
    return Place()


def _depth(reading: PromptReading, index: int) -> str | None:
    place = reading.things[index].place
    if place is not None and place.depth:
        return place.depth
    for relation in reading.relations:
        if relation.subject == index and relation.kind in {RelationKind.IN_FRONT_OF, RelationKind.BEHIND}:
            return "front" if relation.kind is RelationKind.IN_FRONT_OF else "back"
    return None


def _working_at(reading: PromptReading, relation: Relation, support_of: dict[int, int]) -> int | None:
    """The support a person is at ('grills skewers at a cart', 'bends over a watch on the bench'):
    the person stands behind it, overlapped by it, rather than in a cell of their own."""
    known = entry(reading.things[relation.subject].head)
    if relation.kind is not RelationKind.NEXT_TO or known is None or known.kind is not ThingKind.PERSON:
        return None
    target = support_of.get(relation.objects[0], relation.objects[0])
    found = entry(reading.things[target].head)
    return target if found is not None and found.has(Flag.SUPPORT) and found.size >= Size.MEDIUM else None


def _constraints(reading: PromptReading, slot: dict[int, int], riders: list[Rider]) -> list[Constraint]:
    out: list[Constraint] = []
    riding = {r.child for r in riders}
    thing_of = {n: i for i, n in slot.items()}
    support_of = {thing_of[r.child]: thing_of[r.parent] for r in riders}
    for relation in reading.relations:
        members = [slot.get(i) for i in (relation.subject, *_between_order(reading, relation, support_of))]
        if any(m is None for m in members) or (
            relation.kind in {RelationKind.ON, RelationKind.IN} and members[0] in riding
        ):
            continue
        # someone resting in a seat or on a thing stays there: next to a man at a grill is not at it
        at = None if members[0] in riding else _working_at(reading, relation, support_of)
        if at is not None and slot.get(at) is not None:
            person, support = slot[relation.subject], slot[at]
            out += [Constraint("adjacent", person, support), Constraint("align_x", person, support)]
            out.append(Constraint("at", person, support))  # the support hides the person's legs
            placed = reading.things[relation.subject].place
            if placed is None or placed.vertical is None:  # "in the foreground a vendor ...": stays low
                out.append(Constraint("above", person, support))
            continue
        if _held_over(reading, relation):  # "a woman under an umbrella": it is just over her head
            out += [
                Constraint("adjacent", members[1], members[0]),
                Constraint("align_x", members[1], members[0]),
            ]
        out += _hung(reading, relation, members)  # type: ignore[arg-type]
        out += _between_beside(reading, relation, members)  # type: ignore[arg-type]
        for kind, a, b in _PAIRS[relation.kind]:
            if kind == "onto" and _among(reading.things[relation.objects[0]]):
                continue  # "in the middle of a crowd": among it, not on it
            if a < len(members) and b < len(members) and members[a] != members[b]:
                out.append(Constraint(kind, members[a], members[b]))  # type: ignore[arg-type]
    return out


_SIDE_ORDER = {"left": 0, "center": 1, "right": 2}


def _side(reading: PromptReading, index: int, support_of: dict[int, int]) -> int | None:
    """Where a thing is stated across the picture (0 left, 1 centre, 2 right), or where what it
    rests on is: a girl on a stool at the left is at the left."""
    for at in (index, support_of.get(index)):
        place = reading.things[at].place if at is not None else None
        if place is not None and place.horizontal in _SIDE_ORDER:
            return _SIDE_ORDER[place.horizontal]
    return None


def _between_order(reading: PromptReading, relation: Relation, support_of: dict[int, int]) -> tuple[int, ...]:
    """The two ends of 'between' from left to right: 'a bowl between the father (on the right) and
    the girl (on the left)' names the right one first; one end stated at the left (or the right)
    is that side's end; with no stated sides, in the order named."""
    objects = relation.objects
    if relation.kind is not RelationKind.BETWEEN or len(objects) != 2:
        return objects
    first, second = (_side(reading, i, support_of) for i in objects)
    if first is None or second is None:  # one side stated: the end at the left goes first
        return objects[::-1] if second == 0 or first == 2 else objects
    return objects[::-1] if first > second else objects


def _between_beside(reading: PromptReading, relation: Relation, members: list[int]) -> list[Constraint]:
    """A thing between two others is beside each of them ('a basket sits between them', 'geese
    waddle between the cart and the barrel'), not anywhere on the line from one to the other; a
    thing bigger than an end (a fume hood between two chemists) spans the gap and keeps its size,
    and one between ends stated at two sides of the picture is only on the line between them."""
    if relation.kind is not RelationKind.BETWEEN or len(members) != 3 or len(set(members)) != 3:
        return []
    if reading.things[relation.subject].count is None:
        return []  # 'flags stretch between the office and the lighthouse': strung across the gap
    size = reading.things[relation.subject].size
    if any(reading.things[i].size < size for i in relation.objects):
        return []
    if _apart_places(*(reading.things[i] for i in relation.objects)):
        return []  # a lifebuoy between a man on the left and a couple on the right: on the line
    return [Constraint("adjacent", members[0], members[1]), Constraint("adjacent", members[0], members[2])]


def _hung(reading: PromptReading, relation: Relation, members: list[int]) -> list[Constraint]:
    """'hung' (just over it) for a thing above or below another where the upper one hangs rather than
    flies or stands: not up in the sky, not on the ground, no bigger than the lower one, and at no other
    stated height ('a noodle bar glows under a lantern', 'a lamp hangs over the table')."""
    if relation.kind not in _STACKED or len(members) != 2 or members[0] == members[1]:
        return []
    up, down = (0, 1) if relation.kind is RelationKind.ABOVE else (1, 0)
    ends = (relation.subject, relation.objects[0])
    upper, lower = reading.things[ends[up]], reading.things[ends[down]]
    height = upper.place.vertical if upper.place else None
    if _level(upper) in {"sky", "ground"} or upper.size > lower.size:
        return []
    if height is not None and height != (lower.place.vertical if lower.place else None):
        return []
    return [Constraint("hung", members[up], members[down])]


def _held_riders(reading: PromptReading, slot: dict[int, int], riders: list[Rider]) -> list[Rider]:
    """A thing held over a person's head ('a woman walks under an umbrella') rests on the person
    like a hat on a stand: its bottom in the top band of their box, over them, not in a cell of its
    own a row higher."""
    taken = {r.child for r in riders} | {r.parent for r in riders}
    found: list[Rider] = []
    for relation in reading.relations:
        held, person = (relation.objects[0] if relation.objects else None), relation.subject
        if held not in slot or person not in slot or held in taken or person in taken:
            continue
        if _held_over(reading, relation) and reading.things[held].size <= reading.things[person].size:
            found.append(Rider(slot[held], slot[person], "on"))
            taken |= {held, person}
    return found


def _held_over(reading: PromptReading, relation: Relation) -> bool:
    """Whether a relation puts a person under a thing held in a hand (an umbrella, a parasol, a
    lantern): it is held just over their head, not somewhere up in the sky."""
    if relation.kind is not RelationKind.BELOW or len(relation.objects) != 1:
        return False
    over, under = reading.things[relation.objects[0]], reading.things[relation.subject]
    person, held = entry(under.head), entry(over.head)
    return (
        # "letters across the top; below them, a captain": placed apart; "in the centre a woman
        # walks under an umbrella": one place said once for both
        over.place in (None, under.place)
        and person is not None
        and person.kind is ThingKind.PERSON
        and held is not None
        and held.has(Flag.HOLDABLE)
    )


def _stretch(thing: Thing) -> float:
    """How much taller than usual a person is said to be ('a tall woman' 1.15, 'a short man' 0.85);
    a tall tower is a bigger thing instead (its size class, planner.rules_read)."""
    known = entry(thing.head)
    if known is None or known.kind is not ThingKind.PERSON:
        return 1.0
    found = 1.0
    for word in thing.attributes:
        value = value_of(word, WordClass.HEIGHT)
        found *= float(value) if value else 1.0
    return found


def _stretched(group: Group, stretch: float) -> Group:
    """A group drawn taller (or shorter) by `stretch`, as wide as before: height, not size class."""
    if stretch == 1.0:
        return group
    return replace(group, shape=group.shape / stretch, size=min(1.0, group.size * stretch))


def _group(reading: PromptReading, kept: Kept, biggest: Size, close_up: bool) -> Group:
    """The layout group of one kept thing: its stated place, or failing that the place of what rests
    on it, is next to it or works at it (borrowed), its depth, usual shape, size and level."""
    thing = reading.things[kept.thing]
    stated = thing.place or Place()
    carried = Place() if stated.horizontal or stated.vertical else _carried(reading, kept.thing)
    return Group(
        count=kept.regions,
        horizontal=stated.horizontal or carried.horizontal or _beside(reading, kept.thing),
        vertical=stated.vertical
        or carried.vertical
        or _worked_at(reading, kept.thing)
        or _stacked(reading, kept.thing)
        or (None if stated.horizontal else _beside_height(reading, kept.thing)),
        depth=_depth(reading, kept.thing),
        shape=STRIP_SHAPE if _strip(thing) else _shape(thing),
        size=1.0 if _strip(thing) else _extent(thing, biggest, close_up),
        level=_level(thing, kept.thing in reading.on_wall),
        borrowed=not (stated.horizontal or stated.vertical),
    )


def layout_input(
    reading: PromptReading, kept: list[Kept]
) -> tuple[list[Group], list[Constraint], list[Rider]]:
    """Groups (one per kept thing, in order), constraints between them, and riders."""
    slot = {k.thing: n for n, k in enumerate(kept)}
    things = [reading.things[k.thing] for k in kept]
    biggest = max((t.size for t in things), default=Size.MEDIUM)
    close_up = any(any(is_class(w.lower(), WordClass.CLOSE_FRAME) for w in s.split()) for s in reading.style)
    groups = [
        _stretched(_group(reading, k, biggest, close_up and len(things) <= 2), _stretch(t))
        for k, t in zip(kept, things, strict=True)
    ]
    riders = _riders(reading, slot)
    groups = _vehicles_first(_nested_smaller(groups, riders), things)
    return groups, _constraints(reading, slot, riders), riders


def _vehicle(thing: Thing) -> bool:
    known = entry(thing.head)
    return known is not None and known.kind is ThingKind.VEHICLE


def _vehicles_first(groups: list[Group], things: list[Thing]) -> list[Group]:
    """A vehicle is the biggest of its size class: it spans a little more than another thing of that
    class in the picture (a car beside an arcade cabinet, a scooter by crates)."""
    out = list(groups)
    for n, thing in enumerate(things):
        rival = any(t.size == thing.size and not _vehicle(t) for t in things)
        if _vehicle(thing) and rival:
            out[n] = replace(groups[n], size=min(1.0, groups[n].size * VEHICLE_SHADE))
    return out


def _nested_smaller(groups: list[Group], riders: list[Rider]) -> list[Group]:
    """What sits in a container is smaller than it, whatever their usual sizes say: a helmet in a
    display case, a toddler in a tub (the layout keeps sizes in order by the groups' sizes)."""
    out = list(groups)
    for rider in riders:
        child, parent = out[rider.child], out[rider.parent]
        if rider.kind == "in" and child.size >= parent.size:
            out[rider.child] = replace(child, size=parent.size * SMALLER_PER_CLASS)
    return out
