"""A layout pass of the rules planner: things that stand on the ground come down to ground rows.

The cell search (planner.rules_layout) fills a uniform grid, so in a crowded scene a person, a
bicycle or an armchair can get a cell in the top row and float in the upper half of the picture.
A layout artist stands such things on the ground instead: each one whose bottom is high comes straight down until it
stands on the picture's floor, or, when something is already below it, until its bottom just
overlaps the top of that thing (a back row a little higher than the front row, its lower part
hidden by it). What rests on or in a thing comes down with it. A thing with a stated height ('at
the top', 'in the middle'), a thing resting on another, a thing far away and a thing said to be
above another or in front of it stay where they are, and no move is kept that makes a stated fact stop holding.
Sizes never change; deterministic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.rules_geometry import Box, moved_down, union
from planner.rules_repair import FOOTING, Check, checks_from, fact_holds

if TYPE_CHECKING:  # rules_layout calls this pass
    from planner.rules_layout import Constraint, Group, Rider

FLOOR = 0.97  # the lowest a standing thing's bottom goes (the picture's outer margin)
BACK_OVERLAP = 0.2  # a thing behind another covers at most this share of its height from the top
OWN_OVERLAP = 0.25  # ... and at most this share of its own height
LEAST_DROP = 0.02  # smaller moves are not worth making
SEATED_SHARE = 0.75  # someone seated is drawn this share of the height of a standing peer, at least
SEAT_GROWTH = 2.0  # the most a seat with someone in it grows (each side) to reach that
SEAT_ROOM = 0.85  # ... and the seat is then at least this much taller than the one in it


def _held_up(index: int, group: Group, constraints: list[Constraint], riding: set[int]) -> bool:
    """Whether something stated keeps a group where it is: a height, resting on another, being
    far away, or being above, at or in front of another."""
    stated = any(c.a == index and c.kind in {"above", "at", "depth"} for c in constraints)
    return stated or group.vertical is not None or group.depth == "far" or index in riding


def _members(index: int, riders: list[Rider]) -> list[int]:
    """The group and everything resting on or in it, however deep."""
    found = [index]
    for group in found:
        found.extend(r.child for r in riders if r.parent == group and r.child not in found)
    return found


def _companions(
    index: int, groups: list[Group], constraints: list[Constraint], riders: list[Rider]
) -> list[int]:
    """The smaller things with no footing of their own said to be next to a standing group (a
    drummer beside his drum, a girl beside her suitcase): they come down with it."""
    riding = {r.child for r in riders}
    beside = {
        c.b if c.a == index else c.a for c in constraints if c.kind == "adjacent" and index in (c.a, c.b)
    }
    return [
        j
        for j in sorted(beside)
        if groups[j].level is None
        and groups[j].size < groups[index].size
        and not _held_up(j, groups[j], constraints, riding)
    ]


def _others(boxes: list[list[Box]], members: list[int]) -> list[Box]:
    """The boxes of every group not in `members`."""
    return [b for j, group in enumerate(boxes) if j not in members for b in group]


def _drop(whole: Box, others: list[Box]) -> float:
    """How far `whole` can come down: to the floor, or to just over the top of what is below it."""
    bottom = FLOOR
    height = whole[3] - whole[1]
    for other in others:
        overlap_x = min(whole[2], other[2]) - max(whole[0], other[0])
        if overlap_x <= 0.01 or other[3] <= whole[3]:
            continue
        reach = min(BACK_OVERLAP * (other[3] - other[1]), OWN_OVERLAP * height)
        bottom = min(bottom, max(whole[3], other[1] + reach))
    return max(0.0, bottom - whole[3])


def _held(checks: list[Check], boxes: list[list[Box]], which: set[int]) -> int:
    """How many stated facts about the groups in `which` hold in `boxes`."""
    return sum(
        fact_holds(c.kind, union(boxes[c.a]), union(boxes[c.b]))
        for c in checks
        if (c.a in which or c.b in which) and boxes[c.a] and boxes[c.b]
    )


def grounded_rows(
    boxes: list[list[Box]], groups: list[Group], constraints: list[Constraint], riders: list[Rider]
) -> list[list[Box]]:
    """Boxes with every free standing thing that floats (its bottom above FOOTING) brought down
    onto the floor or just behind what is below it, the lowest first (so that those higher up
    stand behind them)."""
    out = [list(b) for b in boxes]
    riding = {r.child for r in riders}
    checks = checks_from(constraints, riders)
    movable = [
        i
        for i, g in enumerate(groups)
        if out[i]
        and g.level == "ground"
        and union(out[i])[3] < FOOTING
        and not _held_up(i, g, constraints, riding)
    ]
    for index in sorted(movable, key=lambda i: -union(out[i])[3]):
        members = [m for m in _members(index, riders) if out[m]]
        companions = _companions(index, groups, constraints, riders)
        near = [m for c in companions for m in _members(c, riders)]  # what follows it does not stop it
        dy = _drop(union([b for m in members for b in out[m]]), _others(out, members + near))
        if dy < LEAST_DROP:
            continue
        trial = moved_down(out, members, dy)  # stays inside: dy brings the bottom to FLOOR at most
        for companion in companions:
            carried = [m for m in _members(companion, riders) if trial[m] and m not in members]
            if carried:  # it follows, as far as what is below it lets it
                whole = union([b for m in carried for b in trial[m]])
                trial = moved_down(trial, carried, min(dy, _drop(whole, _others(trial, members + carried))))
                members += carried
        if _held(checks, trial, set(members)) >= _held(checks, out, set(members)):
            out = trial
    return out


def _peer_height(child: int, groups: list[Group], boxes: list[list[Box]], riding: set[int]) -> float:
    """The tallest box of a standing thing of the seated one's size class (0 when none)."""
    size = groups[child].size
    return max(
        (
            box[3] - box[1]
            for j, group in enumerate(groups)
            if j not in riding and group.level == "ground" and group.size == size and group.depth != "far"
            for box in boxes[j]
        ),
        default=0.0,
    )


def _scaled_about(box: Box, scale: float, x: float, y: float) -> Box:
    """`box` scaled by `scale` about the point (x, y)."""
    x0, y0, x1, y1 = box
    return tuple(
        round(v, 4)
        for v in (x + (x0 - x) * scale, y + (y0 - y) * scale, x + (x1 - x) * scale, y + (y1 - y) * scale)
    )  # type: ignore[return-value]


def seated_at_scale(boxes: list[list[Box]], groups: list[Group], riders: list[Rider]) -> list[list[Box]]:
    """Boxes with each seat that holds someone grown, with what is on or in it, about its bottom
    until the one seated is SEATED_SHARE of the height of a standing peer (a grandfather in a
    wingback chair beside his standing family is no doll in a doll's chair), at most SEAT_GROWTH
    and inside the picture; the seat a little more, so that it stays taller than the one in it
    (planner.rules_layout then sinks them into it)."""
    out = [list(b) for b in boxes]
    riding = {r.child for r in riders}
    for rider in (r for r in riders if r.kind == "seat" and out[r.child] and out[r.parent]):
        seated = union(out[rider.child])
        wanted = SEATED_SHARE * _peer_height(rider.child, groups, out, riding)
        if wanted <= seated[3] - seated[1]:
            continue
        members = [m for m in _members(rider.parent, riders) if out[m]]
        whole = union([b for m in members for b in out[m]])
        x, y = (whole[0] + whole[2]) / 2, whole[3]
        room = min(x / (x - whole[0]), (1 - x) / (whole[2] - x), y / (y - whole[1]))
        scale = min(wanted / (seated[3] - seated[1]), SEAT_GROWTH, room)
        seat = out[rider.parent][0]
        seat_scale = min(
            max(scale, scale * (seated[3] - seated[1]) / (SEAT_ROOM * (seat[3] - seat[1]))), room
        )
        for m in members:
            out[m] = [_scaled_about(b, seat_scale if m == rider.parent else scale, x, y) for b in out[m]]
    return out
