"""The last layout pass of the rules planner: move whole things until what the prompt states holds.

The cell search (planner.rules_layout) places groups in a coarse grid, and each instance then
shrinks to its usual size inside its cell, so two things whose cells touch can end up far apart, a
thing lifted in front of another can leave what it rests on, and two things stated in the same
corner can share it badly. This pass looks at the final boxes the way a viewer does: is the cat
beside the dog (side by side, a small gap, the same height band), the cup on the table (its bottom
in the table's top band), the man in the booth (his centre inside it), the castle at the right? It
then tries a few translations (a thing with whatever rests on it, or with what rests under it;
two things stated beside each other in one place set side by side; a thing moved into its place
with what is next to it): beside the other thing, on it, into its stated place. A move is kept
only when more stated facts hold afterwards, counting a new overlap with an unrelated thing
against it, a place borrowed from a neighbour and an 'on' between things that cannot hold each
other at half, and a thing that stands on the ground lifted into the upper part of the picture
a little against it. Sizes never change; deterministic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from planner.rules_geometry import Box, centre, covered, union

if TYPE_CHECKING:  # rules_layout calls this pass last
    from planner.rules_layout import Constraint, Group, Rider

GAP = 0.02  # between two things set side by side
HUNG_GAP = 0.06  # the most a thing hanging over another is above it
EDGE = 0.02  # the margin a moved thing keeps from the picture's edges
BESIDE_OVERLAP = 0.3  # two things side by side that cover more of each other than this move apart
NEAR = 0.08  # the most two things "next to" each other may be apart (sum of the gaps on both axes)
ROUNDS = 12  # moves at most, one per round
UNRELATED_OVERLAP = 1.2  # cost of covering an unrelated thing completely (a stated fact is worth 1)
RELATED_OVERLAP = 0.5  # things side by side may touch, but not cover each other
MOVE_COST = 0.02  # per unit of distance: the smallest move that helps wins
FOOTING = 0.6  # a thing standing on the ground has its bottom below this (down the picture) ...
FOOTING_COST = 1.0  # ... or costs this per unit of height it floats above it
# a thing the layout set on or in its support counts as two facts: lifting it off its support to show
# two others gains nothing (those two come to it, or its support carries it)
RESTING = 2.0
_KINDS = {
    "adjacent": "next_to",
    "left_of": "left_of",
    "above": "above",
    "over": "over",
    "hung": "hung",
    "inside": "in",
    "onto": "on",
    "at": "at",
}
# an 'on' between things that cannot hold each other (typing on a keyboard) counts half; a thing above
# another but off to its side still shows 'above', so its being over it counts less than a fact
_WEIGHTS = {"onto": 0.5, "over": 0.4, "hung": 0.4}
_TOUCHING = frozenset({"on", "in", "depth", "at"})  # pairs drawn overlapping on purpose


@dataclass(frozen=True)
class Check:
    """A stated fact about two groups a viewer can see in the boxes: `a <kind> b`, where kind is
    'next_to', 'left_of', 'above', 'on', 'in' or 'at' (a person at a support, behind it)."""

    kind: str
    a: int
    b: int
    weight: float = 1.0  # half for 'on' between things that cannot hold each other; RESTING for a rider


def checks_from(constraints: list[Constraint], riders: list[Rider]) -> list[Check]:
    """The facts to keep: the layout's hard constraints and what rests on or in what."""
    found = [
        Check(_KINDS[c.kind], c.a, c.b, _WEIGHTS.get(c.kind, 1.0))
        for c in constraints
        if c.kind in _KINDS and c.a != c.b
    ]
    found += [Check(r.kind, r.child, r.parent, RESTING) for r in riders if r.kind != "seat"]
    found += [Check(k, r.child, r.parent) for r in riders if r.kind == "seat" for k in ("on", "in")]
    return list(dict.fromkeys(found))


# ----------------------------------------------------------------------------- what a viewer sees
def fact_holds(kind: str, a: Box, b: Box) -> bool:
    """Whether boxes a and b show `a <kind> b`, a little more strictly than a glance would need."""
    (ax, ay), (bx, by) = centre(a), centre(b)
    overlap_x = min(a[2], b[2]) - max(a[0], b[0])
    overlap_y = min(a[3], b[3]) - max(a[1], b[1])
    if kind == "next_to":  # side by side: a small gap and the same height band
        return max(0.0, -overlap_x) + max(0.0, -overlap_y) <= NEAR and overlap_y > 0
    if kind == "left_of":
        return ax < bx - 0.02
    if kind == "above":
        return ay < by - 0.02
    if kind == "over":  # above or below it, not off to one side: centres within the wider one
        return abs(ax - bx) <= max(a[2] - a[0], b[2] - b[0]) / 2
    if kind == "hung":  # hangs just over it: its bottom near the other's top
        return b[1] - HUNG_GAP <= a[3] <= b[1] + 0.3 * (b[3] - b[1])
    if kind == "on":  # its bottom in the top band of the support, over it
        return b[1] - 0.03 <= a[3] <= b[1] + 0.45 * (b[3] - b[1]) and overlap_x > 0.3 * min(
            a[2] - a[0], b[2] - b[0]
        )
    if kind == "in":
        return b[0] <= ax <= b[2] and b[1] <= ay <= b[3]
    if kind == "at":  # a person at a bench or a cart: behind it, their lower part hidden by it
        return b[0] <= ax <= b[2] and a[1] < b[1] < a[3] <= b[3]
    return True


def place_score(group: Group, box: Box) -> float:
    """How much of a group's stated place its box shows: 1 per side or height that holds, a half
    for a middle height ('in the centre' is mostly said of the width); half as much for a place
    borrowed from what it is next to."""
    x, y = centre(box)
    horizontal = {"left": x < 0.40, "right": x > 0.60, "center": abs(x - 0.5) <= 0.15}
    vertical = {"top": y < 0.40, "bottom": y > 0.60, "middle": 0.5 * (abs(y - 0.5) <= 0.17)}
    score = float(horizontal.get(group.horizontal or "", False)) + vertical.get(group.vertical or "", False)
    return 0.5 * score if group.borrowed else score


def _misplaced(group: Group, box: Box) -> bool:
    """Whether a group's side or its top or bottom is not where the prompt says (a middle height
    is left to the cell search: a rug in the centre may lie low, but no move takes it out)."""
    if group.vertical == "middle":
        group = replace(group, vertical=None)
    wanted = float(group.horizontal is not None) + float(group.vertical is not None)
    return place_score(replace(group, borrowed=False), box) < wanted


# ----------------------------------------------------------------------------- scoring a layout
@dataclass(frozen=True)
class _Scene:
    """What stays the same while things move: groups, facts, what moves with what, overlap weights."""

    groups: list[Group]
    checks: list[Check]
    moving: dict[int, tuple[int, ...]]  # a group and everything resting on or in it
    root: dict[int, int]  # what a group rests on at the bottom of its chain (itself when on nothing)
    weight: dict[tuple[int, int], float]  # overlap cost per pair (i < j)


def _scene(
    groups: list[Group], checks: list[Check], constraints: list[Constraint], riders: list[Rider]
) -> _Scene:
    parent_of = {r.child: r.parent for r in riders}

    def chain(i: int) -> list[int]:
        seen = [i]
        while seen[-1] in parent_of and parent_of[seen[-1]] not in seen:
            seen.append(parent_of[seen[-1]])
        return seen

    moving = {i: tuple(j for j in range(len(groups)) if i in chain(j)) for i in range(len(groups))}
    weight = {(i, j): UNRELATED_OVERLAP for i in range(len(groups)) for j in range(i + 1, len(groups))}
    facts = [*checks, *(Check(k.kind, k.a, k.b) for k in constraints)]
    touching: dict[int, set[int]] = {}
    for c in facts:
        pair = (min(c.a, c.b), max(c.a, c.b))
        if pair in weight:
            weight[pair] = 0.0 if c.kind in _TOUCHING else min(weight[pair], RELATED_OVERLAP)
        if c.kind in _TOUCHING:
            touching.setdefault(c.a, set()).add(c.b)
            touching.setdefault(c.b, set()).add(c.a)
    for partners in touching.values():  # a table in front of a man in a booth: in the booth too
        for i in partners:
            for j in partners:
                if i < j:
                    weight[(i, j)] = min(weight[(i, j)], RELATED_OVERLAP)
    for i in range(len(groups)):
        for j in moving[i]:
            if j != i:
                weight[(min(i, j), max(i, j))] = 0.0  # what rests on a thing lies over it
    inherited = {  # a pie on a table may overlap what the table may overlap
        (i, j): min(weight[(min(a, b), max(a, b))] for a in chain(i) for b in chain(j) if a != b)
        for i, j in weight
    }
    return _Scene(groups, checks, moving, {i: chain(i)[-1] for i in range(len(groups))}, inherited)


def _score(scene: _Scene, unions: dict[int, Box]) -> float:
    held = sum(
        c.weight * fact_holds(c.kind, unions[c.a], unions[c.b])
        for c in scene.checks
        if c.a in unions and c.b in unions
    )
    placed = sum(place_score(scene.groups[i], box) for i, box in unions.items())
    overlap = sum(
        w * covered(unions[i], unions[j])
        for (i, j), w in scene.weight.items()
        if w and i in unions and j in unions
    )
    floating = sum(
        FOOTING_COST * max(0.0, FOOTING - box[3])
        for i, box in unions.items()
        if scene.root[i] == i and _free_standing(scene.groups[i])
    )
    return held + placed - overlap - floating


def _free_standing(group: Group) -> bool:
    """Whether a group stands on the ground near by with no stated height to hold it up."""
    return group.level == "ground" and group.depth != "far" and group.vertical is None


# ----------------------------------------------------------------------------- candidate moves
Shift = tuple[int, float, float]  # group, dx, dy
Move = tuple[Shift, ...]  # groups shifted together


def _beside(m: int, o: int, unions: dict[int, Box]) -> list[Move]:
    """Group m set left or right of group o, with the same bottom, the same middle, or its height."""
    mb, ob = unions[m], unions[o]
    moves: list[Move] = []
    for dx in (ob[2] + GAP - mb[0], ob[0] - GAP - mb[2]):
        for dy in (ob[3] - mb[3], centre(ob)[1] - centre(mb)[1], 0.0):
            moves.append(((m, dx, dy),))
    return moves


def _apart(a: int, b: int, unions: dict[int, Box]) -> list[Move]:
    """Groups a and b set side by side about the middle of where they are now (two things stated
    in the same place, one next to the other): in their order from left to right, at their own
    heights or on the lower one's ground."""
    ab, bb = unions[a], unions[b]
    if centre(bb)[0] < centre(ab)[0]:
        a, b, ab, bb = b, a, bb, ab
    middle = (centre(ab)[0] + centre(bb)[0]) / 2
    left = middle - (ab[2] - ab[0] + GAP + bb[2] - bb[0]) / 2
    dx_a, dx_b = left - ab[0], left + (ab[2] - ab[0]) + GAP - bb[0]
    ground = max(ab[3], bb[3])
    return [((a, dx_a, 0.0), (b, dx_b, 0.0)), ((a, dx_a, ground - ab[3]), (b, dx_b, ground - bb[3]))]


def _fact_moves(check: Check, unions: dict[int, Box], scene: _Scene) -> list[Move]:
    a, b = unions[check.a], unions[check.b]
    (ax, ay), (bx, by) = centre(a), centre(b)
    if check.kind == "next_to":
        moves = _beside(check.a, check.b, unions) + _beside(check.b, check.a, unions)
        separate = check.a not in scene.moving[check.b] and check.b not in scene.moving[check.a]
        return moves + (_apart(check.a, check.b, unions) if separate else [])
    if check.kind == "left_of":  # a set left of b, b right of a, or the two trading places
        swap = ((check.a, bx - ax, 0.0), (check.b, ax - bx, 0.0))
        return [((check.a, b[0] - GAP - a[2], 0.0),), ((check.b, a[2] + GAP - b[0], 0.0),), swap]
    if check.kind == "above":
        up, down = b[1] - GAP - a[3], a[3] + GAP - b[1]
        over = [
            ((check.a, bx - ax, up),),
            ((check.b, ax - bx, down),),
        ]  # straight over it, when to the side is taken
        swap = ((check.a, 0.0, by - ay), (check.b, 0.0, ay - by))  # the two trading heights (no room over it)
        return [((check.a, 0.0, up),), ((check.b, 0.0, down),), *over, swap]
    if check.kind == "over":  # slid sideways over the other, or the other under it
        return [((check.a, bx - ax, 0.0),), ((check.b, ax - bx, 0.0),)]
    if check.kind == "hung":  # just over it, its bottom a gap above the other's top
        return [((check.a, bx - ax, b[1] - GAP - a[3]),), ((check.a, 0.0, b[1] - GAP - a[3]),)]
    if check.kind == "on":
        x = min(max(ax, b[0] + (a[2] - a[0]) / 2), b[2] - (a[2] - a[0]) / 2)
        moves = [((check.a, x - ax, b[1] + 0.2 * (b[3] - b[1]) - a[3]),)]
        if check.a not in scene.moving[check.b]:  # a house on a hill: the hill goes under it
            moves.append(((check.b, ax - bx, a[3] - 0.2 * (b[3] - b[1]) - b[1]),))
        return moves
    if check.kind == "at":
        return [((check.a, bx - ax, b[1] + 0.35 * (b[3] - b[1]) - a[3]),)]
    if check.kind == "in":
        moves: list[Move] = [((check.a, bx - ax, by - ay),)]
        if check.a not in scene.moving[check.b]:
            moves.append(((check.b, ax - bx, ay - by),))
        return moves
    return []


def _place_moves(index: int, group: Group, box: Box) -> list[Move]:
    """The group moved just into its stated place, and to the middle of that third."""
    x, y = centre(box)
    near = {"left": min(x, 0.36), "right": max(x, 0.64), "center": min(max(x, 0.4), 0.6)}
    far = {"left": 0.2, "right": 0.8, "center": 0.5}
    near_y = {"top": min(y, 0.36), "bottom": max(y, 0.64)}
    far_y = {"top": 0.2, "bottom": 0.8}
    moves: list[Move] = []
    for xs, ys in ((near, near_y), (far, far_y)):
        tx = xs.get(group.horizontal or "", x)
        ty = ys.get(group.vertical or "", y)
        moves.append(((index, tx - x, ty - y),))
    return moves


def _wanted(check: Check, unions: dict[int, Box]) -> bool:
    """Whether a fact needs a move: it does not hold, or two things side by side cover each other."""
    a, b = unions[check.a], unions[check.b]
    covering = check.kind == "next_to" and covered(a, b) > BESIDE_OVERLAP
    return covering or not fact_holds(check.kind, a, b)


def _candidates(scene: _Scene, unions: dict[int, Box]) -> list[Move]:
    moves: list[Move] = []
    for c in scene.checks:
        if c.a in unions and c.b in unions and _wanted(c, unions):
            moves += _with_partners(_fact_moves(c, unions, scene), c, scene, unions)
    for i, box in unions.items():
        group = scene.groups[i]
        if _misplaced(group, box):
            placed = _place_moves(i, group, box)
            partners = _partners(scene, i, unions)
            moves += placed + [
                move + tuple((p, dx, dy) for p in partners) for move in placed for _, dx, dy in move
            ]
    carried = [  # a thing on another moved with its support
        ((scene.root[i], dx, dy),)
        for move in moves
        if len(move) == 1
        for i, dx, dy in move
        if scene.root[i] != i
    ]
    return moves + carried + _with_contents(moves, scene)


def _with_contents(moves: list[Move], scene: _Scene) -> list[Move]:
    """Each one-group move again with what is stated in that group and not resting on it (two koi
    in a fountain set beside a bench go with the fountain): the layout keeps only what scores better."""

    def contents(index: int) -> list[int]:
        inside = [
            c.a
            for c in scene.checks
            if c.kind == "in"
            and c.b == index
            and c.a not in scene.moving[index]
            and index not in scene.moving[c.a]
        ]
        return list(dict.fromkeys(inside))

    return _moved_along(moves, contents)


def _with_partners(moves: list[Move], check: Check, scene: _Scene, unions: dict[int, Box]) -> list[Move]:
    """The moves, and each one-group move again with what that group is said to be next to (other
    than the fact's other end): a man set beside his brother brings the cooler he crouches by."""

    def partners(index: int) -> list[int]:
        return [p for p in _partners(scene, index, unions) if p not in (check.a, check.b)]

    return [*moves, *_moved_along(moves, partners)]


def _moved_along(moves: list[Move], along: Callable[[int], list[int]]) -> list[Move]:
    """Each one-group move again, with the groups `along` names for the moved group shifted by as
    much (none for a group it names nothing for): what _with_contents and _with_partners add."""
    out: list[Move] = []
    for move in moves:
        if len(move) != 1:
            continue
        index, dx, dy = move[0]
        others = along(index)
        if others:
            out.append(((index, dx, dy), *((o, dx, dy) for o in others)))
    return out


def _partners(scene: _Scene, index: int, unions: dict[int, Box]) -> list[int]:
    """The groups said to be next to `index` that move with it into its place (the ducklings
    beside their mother), unless one rests on the other."""
    found = []
    for c in scene.checks:
        other = c.b if c.a == index else c.a if c.b == index else None
        if c.kind != "next_to" or other is None or other not in unions or other in found:
            continue
        if other not in scene.moving[index] and index not in scene.moving[other]:
            found.append(other)
    return found


def _moved(boxes: list[list[Box]], scene: _Scene, move: Move) -> list[list[Box]] | None:
    """Boxes with each group of the move and what rests on it shifted, kept inside the picture;
    None when the move shifts nothing."""
    out = list(boxes)
    shifted = False
    for index, dx, dy in move:
        members = [j for j in scene.moving[index] if out[j]]
        whole = union([b for j in members for b in out[j]])
        dx = min(max(dx, min(EDGE, whole[0]) - whole[0]), max(1.0 - EDGE, whole[2]) - whole[2])
        dy = min(max(dy, min(EDGE, whole[1]) - whole[1]), max(1.0 - EDGE, whole[3]) - whole[3])
        if abs(dx) < 1e-4 and abs(dy) < 1e-4:
            continue
        shifted = True
        for j in members:
            out[j] = [_rounded((x0 + dx, y0 + dy, x1 + dx, y1 + dy)) for x0, y0, x1, y1 in out[j]]
    return out if shifted else None


def _rounded(box: Box) -> Box:
    return tuple(min(1.0, max(0.0, round(v, 4))) for v in box)  # type: ignore[return-value]


def repair(
    boxes: list[list[Box]], groups: list[Group], constraints: list[Constraint], riders: list[Rider]
) -> list[list[Box]]:
    """Boxes after at most ROUNDS moves, each the one that makes the most stated facts hold."""
    checks = checks_from(constraints, riders)
    scene = _scene(groups, checks, constraints, riders)
    out = [list(group) for group in boxes]
    unions = {i: union(b) for i, b in enumerate(out) if b}
    current = _score(scene, unions)
    for _ in range(ROUNDS):
        best: tuple[float, list[list[Box]]] | None = None
        for move in _candidates(scene, unions):
            trial = _moved(out, scene, move)
            if trial is None:
                continue
            trial_unions = {i: union(b) for i, b in enumerate(trial) if b}
            value = _score(scene, trial_unions) - MOVE_COST * sum(abs(dx) + abs(dy) for _, dx, dy in move)
            if value > current + 1e-6 and (best is None or value > best[0]):
                best = (value, trial)
        if best is None:
            break
        out = best[1]
        unions = {i: union(b) for i, b in enumerate(out) if b}
        current = _score(scene, unions)
    return out
