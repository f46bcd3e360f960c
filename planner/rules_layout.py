"""Lay out boxes for groups of things so that stated places and relations hold.

Each group (one thing: "three cats") that does not rest on or in another gets a rectangle of
cells in a small grid; its instances share that rectangle in a sub-grid. The grid and the cells
are chosen by a small beam search (wider grids for a long line of things left to right, each
keeping room beside it for the rest of its line) that scores: relations (left of, above, next to; a thing above
another over it, not off to its side), absolute places (left, top-right corner, centre), where
things usually are (people and furniture low, the moon and kites high), empty cells, and how
square each instance's cell is in pixels. Groups then grow into empty neighbouring cells when that
breaks nothing. Each instance keeps at most its usual size, sliding inside its cell towards what it
is next to. Riders come last: a thing "on" another
rests with its bottom in the top band of its support and within its width, a thing "in" another
sits inside it (nesting: lemons in a bowl on a table), a thing in a seat sinks into it. A thing in
front of another moves up a little to overlap it (on one support: its bottom lower on the support,
over the same stretch), a support's cell has room for what rests on it, a thing behind or on
another with a cell of its own slides over it, and no usually smaller thing ends up bigger than a
usually bigger one. A standing thing left floating high up comes down onto the ground, or just
behind what is below it (planner.rules_ground). Last, planner.rules_repair moves whole
things until the stated relations and places hold in the final boxes. Deterministic and fast (no
randomness).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field, replace

from planner.rules_geometry import Box, area, centre, fitted, moved_down, union
from planner.rules_ground import grounded_rows, seated_at_scale
from planner.rules_repair import repair

Cells = tuple[int, int, int, int]  # row0, col0, row1, col1 (inclusive)

OUTER_MARGIN = 0.03
CELL_GAP = 0.03
INSTANCE_GAP = 0.025
MAX_ASPECT = 1.6  # how far a cell's shape may stray from a thing's usual one (w/h), scoring cells
INSTANCE_ASPECT = 1.3  # how far a drawn box may: a person in a square cell is a tall box, not a square
DEPTH_SCALE = {"far": 0.45, "back": 0.78, None: 0.92, "front": 1.0}
DEPTH_REACH = 0.15  # the most a thing in front moves up to overlap what is behind it
CONTACT = {"on": 0.25, "seat": 0.45}  # how far down its support a resting thing's bottom is
SEAT_SINK = 0.4  # where the bottom of someone sunk in a seat is, down its box (a tall one lower,
SEAT_DEEPEST = 0.44  # down to this, so that their middle is inside it)
FRONT_CONTACT = 0.42  # a thing in front of another on the same support: lower, still on it
BEAM_WIDTH = 64
NEED_SHARE = 0.75  # a support's cell fits it at this share of its usual size, with what rests on it
NEED_WEIGHT = 1.0  # cost per factor e of a support's cell too narrow or too low for that
OVER_COST = 2.0  # a thing said to be above or below another off to its side (beyond the wider one)
STACKED_COST = 0.3  # two things "next to" each other in neighbouring rows, not side by side in one
CENTRE_SLACK = 0.13  # "in the centre": two things side by side there are both in it

BAND_SHAPE = 4.0  # a band of small things across the top or bottom: four times as wide as high
SIZE_MARGIN = 0.85  # a smaller thing's box is at most this share of a bigger one's area
KEPT_SHARE = 0.5  # sizes in order: a smaller thing keeps this share of its area, if a bigger one can grow
PEER_SHARE = 0.8  # one of two alike things grows towards this share of the other's area
GROWTH = 1.5  # the most a squeezed bigger thing grows (each side) to stay bigger than a smaller one
LONGEST_SIDE = 0.96  # the most one instance spans along its longer side
LINE_COST = 1.5  # per column (row) too few beside a thing for the rest of its line
LONG_LINE = 5  # a line of this many things or more: longer than the usual grids are wide (4)
MAX_LINE = 7  # the most columns (rows) a grid gets for things said to stand in a line


@dataclass(frozen=True)
class Group:
    """One noun phrase to place: how many instances and where the prompt says it goes."""

    count: int = 1
    horizontal: str | None = None  # left | center | right
    vertical: str | None = None  # top | middle | bottom
    depth: str | None = None  # front | back | far (in the distance, on the horizon)
    shape: float = 1.0  # usual width/height of one instance: tall things < 1 < wide things
    size: float = 1.0  # the most one instance may span, as a fraction of the picture's width and height
    level: str | None = None  # "ground": stands on the ground (low), "sky": up in the air (high),
    # "wall": hangs on a wall (upper part)
    borrowed: bool = False  # the place is that of what it is next to or worked at, not stated for it


@dataclass(frozen=True)
class Constraint:
    """'left_of' (a left of b), 'above' (a above b), 'adjacent' (a next to b), 'before' (a soft
    left_of), 'align_x' (a centred over b), 'depth' (a in front of b: drawn overlapping it) or 'at'
    (a person at support b: standing behind it, their lower part hidden by it)."""

    kind: str
    a: int
    b: int


@dataclass(frozen=True)
class Rider:
    """Group `child` rests on ('on') or sits inside ('in') group `parent`: no cell of its own."""

    child: int
    parent: int
    kind: str  # "on" | "in" | "seat" (sits sunk into a seat, a bed, a hammock: its middle inside it)


# ----------------------------------------------------------------------------- geometry
@functools.lru_cache(maxsize=4096)
def _cell_box(cells: Cells, rows: int, cols: int) -> Box:
    r0, c0, r1, c1 = cells
    span = 1 - 2 * OUTER_MARGIN
    x0 = OUTER_MARGIN + span * c0 / cols
    x1 = OUTER_MARGIN + span * (c1 + 1) / cols
    y0 = OUTER_MARGIN + span * r0 / rows
    y1 = OUTER_MARGIN + span * (r1 + 1) / rows
    half = CELL_GAP / 2
    return (
        x0 + (half if c0 else 0),
        y0 + (half if r0 else 0),
        x1 - (half if c1 < cols - 1 else 0),
        y1 - (half if r1 < rows - 1 else 0),
    )


def _clamped(w: float, h: float, shape: float = 1.0, slack: float = MAX_ASPECT) -> tuple[float, float]:
    """(w, h) cut so that w/h stays within `slack` of the thing's usual shape (w/h)."""
    widest = min(shape * slack, 2.0)
    tallest = max(shape / slack, 0.5)
    return min(w, widest * h), min(h, w / tallest)


def _grid_cost(count: int, rows: int, cols: int, w: float, h: float, shape: float = 1.0) -> float:
    """Smaller instances and stacked rows cost more; shapes beyond the usual one are cut anyway."""
    cw, ch = _clamped(w / cols, h / rows, shape)
    return -0.5 * math.log(cw * ch) + 0.4 * (rows - 1) + 0.1 * (rows * cols - count)


def _sub_grid(count: int, box: Box, aspect: float, shape: float = 1.0) -> tuple[int, int]:
    """(rows, cols) for `count` instances in `box`: big instances, side by side when possible."""
    w = (box[2] - box[0]) * aspect
    h = box[3] - box[1]
    best = (math.inf, 1, count)
    for cols in range(1, count + 1):
        rows = math.ceil(count / cols)
        if (rows - 1) * cols >= count:
            continue
        cost = _grid_cost(count, rows, cols, w, h, shape)
        if cost < best[0]:
            best = (cost, rows, cols)
    return best[1], best[2]


@functools.lru_cache(maxsize=8192)
def _shape_cost(count: int, box: Box, aspect: float, shape: float = 1.0) -> float:
    """Cost of the best sub-grid for `count` instances in `box` (0 for one well-shaped instance)."""
    rows, cols = _sub_grid(count, box, aspect, shape)
    w = (box[2] - box[0]) * aspect
    h = box[3] - box[1]
    return max(0.0, _grid_cost(count, rows, cols, w, h, shape) - 0.5 * math.log(1 / 0.12))


# ----------------------------------------------------------------------------- scoring
def _pin_cost(group: Group, box: Box) -> float:
    cx, cy = centre(box)
    cost = 0.0
    spread = 4.0 if group.count > 1 else 0.0  # all of a group on its side: not two girls left to centre
    if group.horizontal == "left":
        cost += 8 * max(0.0, cx - 0.38) + spread * max(0.0, box[2] - 0.55)
    elif group.horizontal == "right":
        cost += 8 * max(0.0, 0.62 - cx) + spread * max(0.0, 0.45 - box[0])
    if group.vertical == "top":
        cost += 8 * max(0.0, cy - 0.38)
    elif group.vertical == "bottom":
        cost += 8 * max(0.0, 0.62 - cy)
    elif group.vertical == "middle":
        cost += 8 * max(0.0, abs(cy - 0.5) - 0.08)
    pinned = 1.5 * cost + (2.0 if cost > 0 else 0.0)
    if group.horizontal == "center":  # off the middle costs; out of the middle third costs more
        off = abs(cx - 0.5)
        pinned += 12 * max(0.0, off - 0.05) + (2.0 if off > CENTRE_SLACK else 0.0)
    if group.vertical is None and group.level == "ground":
        pinned += 3.0 * max(0.0, 0.5 - cy)  # people, furniture, buildings stand low in the picture
    elif group.vertical is None and group.level == "sky":
        pinned += 3.0 * max(0.0, cy - 0.4)  # the moon, a kite, gulls
    elif group.vertical is None and group.level == "wall":
        pinned += 3.0 * max(0.0, cy - 0.42)  # a window, a clock, a painting: up on the wall
    return pinned


def _relation_cost(kind: str, a: Box, b: Box) -> float:
    (ax, ay), (bx, by) = centre(a), centre(b)
    if kind == "left_of":
        return (10.0 if ax >= bx - 0.05 else 0.0) + (1.0 if abs(ay - by) > 0.25 else 0.0)
    if kind == "above":
        return (10.0 if ay >= by - 0.05 else 0.0) + (1.0 if abs(ax - bx) > 0.15 else 0.0)
    if kind == "before":  # a soft wish: side by side in the order of mention
        return (2.0 if ax >= bx - 0.05 else 0.0) + (0.5 if abs(ay - by) > 0.25 else 0.0)
    if kind == "over":  # a thing above another is over it, not off to one side: centres within the wider
        return OVER_COST if abs(ax - bx) > max(a[2] - a[0], b[2] - b[0]) / 2 and ay < by else 0.0
    if kind == "align_x":  # a thing on another sits over it, not off to one side
        return 8.0 * max(0.0, abs(ax - bx) - 0.08)
    if kind == "adjacent":
        gap_x = max(0.0, max(a[0], b[0]) - min(a[2], b[2]))
        gap_y = max(0.0, max(a[1], b[1]) - min(a[3], b[3]))
        stacked = STACKED_COST if gap_y > 0 else 0.0  # "next to" is side by side before one over the other
        # neighbouring cells (one gap apart) are "next to"
        return 6.0 * max(0.0, gap_x + gap_y - 0.05) + stacked
    return 0.0


def _need_cost(need: tuple[float, float] | None, box: Box, cell: tuple[float, float]) -> float:
    """Cost of a support's cell narrower or lower than what it and what rests on it need, asking
    for two cells of the grid (`cell`: one cell's width and height) at most."""
    if need is None:
        return 0.0
    w, h = box[2] - box[0], box[3] - box[1]
    need_w, need_h = min(need[0], 2 * cell[0]), min(need[1], 2 * cell[1])
    return NEED_WEIGHT * (max(0.0, math.log(need_w / w)) + max(0.0, math.log(need_h / h)))


class _Scorer:
    def __init__(
        self,
        groups: list[Group],
        constraints: list[Constraint],
        rows: int,
        cols: int,
        aspect: float,
        needs: dict[int, tuple[float, float]] | None = None,
    ) -> None:
        self.groups = groups
        self.constraints = constraints
        self.rows, self.cols, self.aspect = rows, cols, aspect
        self.needs = needs or {}
        self.cell = ((1 - 2 * OUTER_MARGIN) / cols, (1 - 2 * OUTER_MARGIN) / rows)
        self.lines = {  # per kind, how many things come before and after each one in its line
            kind: (_reach(constraints, kind, False), _reach(constraints, kind))
            for kind in ("left_of", "above")
        }
        self.free = {
            i
            for i, g in enumerate(groups)
            if not (g.horizontal or g.vertical) and not any(i in (c.a, c.b) for c in constraints)
        }

    def _stacked_for_a_reason(self, a: int, b: int) -> bool:
        if self.groups[a].vertical or self.groups[b].vertical:
            return True
        return any(c.kind == "above" and {c.a, c.b} == {a, b} for c in self.constraints)

    def box(self, cells: Cells) -> Box:
        return _cell_box(cells, self.rows, self.cols)  # cheap; memoised by _cell_box's lru_cache

    def group_cost(self, index: int, cells: Cells, placed: dict[int, Cells]) -> float:
        """Cost of group `index` at `cells` given the groups already placed."""
        box = self.box(cells)
        group = self.groups[index]
        cost = _pin_cost(group, box) + _shape_cost(group.count, box, self.aspect, group.shape)
        cost += _need_cost(self.needs.get(index), box, self.cell)
        cost += self._line_cost(index, cells)
        for c in self.constraints:
            if c.a == index and c.b in placed:
                cost += _relation_cost(c.kind, box, self.box(placed[c.b]))
            elif c.b == index and c.a in placed:
                cost += _relation_cost(c.kind, self.box(placed[c.a]), box)
        for other, other_cells in placed.items():
            apart = cells[2] < other_cells[0] or other_cells[2] < cells[0]
            if apart and not self._stacked_for_a_reason(index, other):
                cost += 0.15  # stacked rows with no word asking for it
        order = cells[0] * self.cols + cells[1]
        for other, other_cells in placed.items():
            other_order = other_cells[0] * self.cols + other_cells[1]
            if (other < index) != (other_order < order):
                cost += 0.05 if (index in self.free and other in self.free) else 0.01
        return cost

    def _line_cost(self, index: int, cells: Cells) -> float:
        """Cost of a thing in a line (left to right, top to bottom) with too few columns (rows) left
        beside it for the things said to come before or after it, as far as the grid has them."""
        r0, c0, r1, c1 = cells
        cost = 0.0
        for kind, first, last, most in (("left_of", c0, c1, self.cols), ("above", r0, r1, self.rows)):
            before, after = (reach.get(index, 0) for reach in self.lines[kind])
            if before + after + 1 < LONG_LINE:  # a short line fits the usual grids as it is
                continue
            cost += max(0, min(before, most - 1) - first) + max(0, min(after, most - 1) - (most - 1 - last))
        return LINE_COST * cost

    def total(self, placed: dict[int, Cells]) -> float:
        partial: dict[int, Cells] = {}
        cost = 0.0
        for index in sorted(placed):
            cost += self.group_cost(index, placed[index], partial)
            partial[index] = placed[index]
        return cost


def _occupied(placed: dict[int, Cells]) -> set[tuple[int, int]]:
    taken = set()
    for r0, c0, r1, c1 in placed.values():
        taken.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
    return taken


def _search(scorer: _Scorer, count: int) -> tuple[float, dict[int, Cells]]:
    cells = [(r, c) for r in range(scorer.rows) for c in range(scorer.cols)]
    beam: list[tuple[float, dict[int, Cells]]] = [(0.0, {})]
    width = BEAM_WIDTH if count <= 6 else BEAM_WIDTH // 2 if count <= 10 else BEAM_WIDTH // 8
    # things the prompt places in the picture go first, so that what relates to them can follow
    order = sorted(
        range(count), key=lambda i: (not (scorer.groups[i].horizontal or scorer.groups[i].vertical), i)
    )
    for placed_so_far, index in enumerate(order):
        candidates: list[tuple[float, int, dict[int, Cells]]] = []
        serial = 0
        # spare cells are kept for the supports still to come, which need room for what rests on them
        reserved = 0 if index in scorer.needs else sum(j in scorer.needs for j in order[placed_so_far:])
        for cost, placed in beam:
            taken = _occupied(placed)
            for r, c in cells:
                if (r, c) in taken:
                    continue
                spare = len(cells) - len(taken) - (count - placed_so_far)  # cells beyond one per group left
                for where in ((r, c, r, c), (r, c, r, c + 1), (r, c, r + 1, c)):
                    if where[2] >= scorer.rows or where[3] >= scorer.cols or (where[2], where[3]) in taken:
                        continue
                    if where != (r, c, r, c) and spare < 1 + reserved:
                        continue
                    step = scorer.group_cost(index, where, placed)
                    candidates.append((cost + step, serial, {**placed, index: where}))
                    serial += 1
        candidates.sort(key=lambda item: (item[0], item[1]))
        beam = [(cost, placed) for cost, _, placed in candidates[:width]]
    best_cost, best = min(
        (
            (cost + 0.35 * (scorer.rows * scorer.cols - len(_occupied(placed))), placed)
            for cost, placed in beam
        ),
        key=lambda item: item[0],
    )
    return best_cost, best


def _grow(scorer: _Scorer, placed: dict[int, Cells]) -> dict[int, Cells]:
    """Let groups take empty neighbouring rows/columns of cells when no cost rises."""
    placed = dict(placed)
    changed = True
    while changed:
        changed = False
        for index in sorted(placed):
            r0, c0, r1, c1 = placed[index]
            for grown in (
                (r0, c0, r1 + 1, c1),
                (r0 - 1, c0, r1, c1),
                (r0, c0, r1, c1 + 1),
                (r0, c0 - 1, r1, c1),
            ):
                g0, h0, g1, h1 = grown
                if g0 < 0 or h0 < 0 or g1 >= scorer.rows or h1 >= scorer.cols:
                    continue
                others = _occupied({k: v for k, v in placed.items() if k != index})
                new_cells = {(r, c) for r in range(g0, g1 + 1) for c in range(h0, h1 + 1)}
                if new_cells & others:
                    continue
                trial = {**placed, index: grown}
                if _constraint_cost(scorer, trial) <= _constraint_cost(scorer, placed) + 1e-9:
                    placed = trial
                    changed = True
                    break
    return placed


def _constraint_cost(scorer: _Scorer, placed: dict[int, Cells]) -> float:
    cost = sum(_pin_cost(scorer.groups[i], scorer.box(cells)) for i, cells in placed.items())
    for c in scorer.constraints:
        cost += _relation_cost(c.kind, scorer.box(placed[c.a]), scorer.box(placed[c.b]))
    return cost


def _grids(count: int, across: int = 1, down: int = 1) -> list[tuple[int, int]]:
    """The grids tried for `count` groups: up to 4 (5 for many groups) rows and columns, more
    when a chain of `across` things is said to stand left to right (or `down` things one above
    the next), so that each gets a column (a row) of its own."""
    limit = 5 if count > 9 else 4
    most_cols, most_rows = max(limit, min(across, MAX_LINE)), max(limit, min(down, MAX_LINE))
    cap = max(count + 3, 9, 2 * min(across, MAX_LINE), 2 * min(down, MAX_LINE))
    return [
        (rows, cols)
        for rows in range(1, most_rows + 1)
        for cols in range(1, most_cols + 1)
        if count <= rows * cols <= cap
    ]


def _reach(constraints: list[Constraint], kind: str, forward: bool = True) -> dict[int, int]:
    """For each thing in a `kind` constraint, how many things follow it (precede it, when not
    `forward`) along the longest chain (a left of b left of c: a -> 2); a cycle counts once round."""
    pairs = [(c.a, c.b) if forward else (c.b, c.a) for c in constraints if c.kind == kind and c.a != c.b]
    reach = {i: 0 for pair in pairs for i in pair}
    for _ in range(len(reach)):  # longest paths by relaxation, bounded for cycles
        for a, b in pairs:
            reach[a] = max(reach[a], reach[b] + 1)
    return {i: min(n, len(reach) - 1) for i, n in reach.items()}


def _longest_chain(constraints: list[Constraint], kind: str) -> int:
    """How many things the longest chain of `kind` constraints (a left of b left of c) links."""
    return 1 + max(_reach(constraints, kind).values(), default=0)


def _anchors(
    groups: list[Group], constraints: list[Constraint], boxes: dict[int, Box]
) -> dict[int, tuple[int, int]]:
    """Which way each group's box slides inside its cell when it is smaller than the cell:
    towards the thing it is next to or stands on (-1 left/up, +1 right/down, 0 centred)."""
    anchors: dict[int, tuple[int, int]] = {}
    for c in constraints:
        if c.kind != "adjacent":
            continue
        a, b = boxes[c.a], boxes[c.b]
        pairs: list[tuple[int, tuple[int, int]]] = []
        if a[2] <= b[0]:
            pairs = [(c.a, (1, 0)), (c.b, (-1, 0))]
        elif b[2] <= a[0]:
            pairs = [(c.a, (-1, 0)), (c.b, (1, 0))]
        elif a[3] <= b[1]:
            pairs = [(c.a, (0, 1)), (c.b, (0, -1))]
        elif b[3] <= a[1]:
            pairs = [(c.a, (0, -1)), (c.b, (0, 1))]
        for index, anchor in pairs:
            dx, dy = anchors.get(index, (0, 0))
            anchors[index] = (dx or anchor[0], dy or anchor[1])
    return anchors


def _standing(group: Group) -> bool:
    """Whether a group stands on the ground near enough to share the picture's baseline."""
    return group.level == "ground" and group.depth != "far"


def _grounded(groups: list[Group], anchors: dict[int, tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """Things on the ground (people, animals, vehicles, furniture) stand on the floor of their cell
    unless they slide up or down towards what they are next to: one baseline along a row."""
    out = dict(anchors)
    for index, group in enumerate(groups):
        dx, dy = out.get(index, (0, 0))
        if _standing(group) and dy == 0:
            out[index] = (dx, 1)
    return out


def _usual_extent(group: Group, aspect: float) -> tuple[float, float]:
    """The most one instance spans (fractions of width and height), in its usual shape: about
    `size` squared of the picture's area whatever the shape, a little less for a long one (a wide
    keyboard is no smaller than a mug of its size class), the longer side at most LONGEST_SIDE."""
    w, h = group.size * math.sqrt(group.shape / aspect), group.size * math.sqrt(aspect / group.shape)
    stretch = max(group.shape, 1 / group.shape) ** -0.1  # a long side reads a little bigger
    cut = min(stretch, LONGEST_SIDE / max(w, h))
    return w * cut, h * cut


def _drawn_shape(w: float, h: float, shape: float, slack: float, room: float | None) -> tuple[float, float]:
    """(w, h) of one instance in a (w, h) cell: within `slack` of its usual shape. A standing thing
    cut narrower (a woman in a square cell; `room`: the height its cell gives it, None when it does not
    stand) grows taller, up to `room`, towards its area before the cut: a tall box, hardly smaller."""
    cut_w, cut_h = _clamped(w, h, shape, slack if shape < 1.0 else MAX_ASPECT)
    loose_w, loose_h = _clamped(w, h, shape)
    if room is not None and cut_w < loose_w:
        cut_h = max(cut_h, min(loose_w * loose_h / cut_w, room))
    return cut_w, cut_h


def _instance_boxes(
    group: Group, box: Box, aspect: float, anchor: tuple[int, int] = (0, 0), slack: float = MAX_ASPECT
) -> list[Box]:
    rows, cols = _sub_grid(group.count, box, aspect, group.shape)
    x0, y0, x1, y1 = box
    gap_x = min(INSTANCE_GAP, 0.15 * (x1 - x0) / cols)
    gap_y = min(INSTANCE_GAP, 0.15 * (y1 - y0) / rows)
    cell_w = (x1 - x0 - gap_x * (cols - 1)) / cols
    cell_h = (y1 - y0 - gap_y * (rows - 1)) / rows
    scale = DEPTH_SCALE.get(group.depth, DEPTH_SCALE[None])
    boxes = []
    for index in range(group.count):
        row, col = divmod(index, cols)
        in_row = min(cols, group.count - row * cols)
        offset = (cols - in_row) * (cell_w + gap_x) / 2  # centre a short last row
        cx = x0 + offset + col * (cell_w + gap_x) + cell_w / 2
        cy = y0 + row * (cell_h + gap_y) + cell_h / 2
        w, h = cell_w * scale, cell_h * scale
        w, h = _drawn_shape(w * aspect, h, group.shape, slack, cell_h if anchor[1] == 1 else None)
        w /= aspect
        most_w, most_h = _usual_extent(group, aspect)  # a cup alone is not the whole picture
        w, h = min(w, most_w), min(h, most_h)
        cx += anchor[0] * (cell_w - w) / 2  # against the side of what it is on or next to
        cy += anchor[1] * (cell_h - h) / 2
        boxes.append(fitted((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)))
    return boxes


def _root(parent_of: dict[int, int], index: int) -> int:
    """The group that gets a cell for `index`: itself, or what it (or its support) rests on."""
    while index in parent_of:
        index = parent_of[index]
    return index


def _top_level(
    groups: list[Group], constraints: list[Constraint], riders: list[Rider]
) -> tuple[list[int], list[Group], list[Constraint]]:
    """The groups that get cells (riders go with their parent, which takes over their place and
    relations), re-indexed, and their constraints."""
    parent_of = {r.child: r.parent for r in riders}
    top = [i for i in range(len(groups)) if i not in parent_of]
    new_index = {old: new for new, old in enumerate(top)}
    merged = []
    for i in top:
        group = groups[i]
        children = [groups[r.child] for r in riders if r.parent == i]
        sides = {c.horizontal for c in children if c.horizontal}
        heights = {c.vertical for c in children if c.vertical}
        # what rests on it says where it is, unless two of them say different places
        group = replace(
            group,
            horizontal=group.horizontal or (sides.pop() if len(sides) == 1 else None),
            vertical=group.vertical or (heights.pop() if len(heights) == 1 else None),
        )
        merged.append(group)
    moved = []
    for c in constraints:
        if c.kind in {"depth", "at"}:
            continue
        a, b = new_index[_root(parent_of, c.a)], new_index[_root(parent_of, c.b)]
        if a != b:
            moved.append(Constraint(c.kind, a, b))
    return top, merged, moved


def _search_cells(
    groups: list[Group],
    constraints: list[Constraint],
    aspect: float,
    needs: dict[int, tuple[float, float]] | None = None,
) -> dict[int, Box]:
    best: tuple[float, int, _Scorer, dict[int, Cells]] | None = None
    across, down = _longest_chain(constraints, "left_of"), _longest_chain(constraints, "above")
    for serial, (rows, cols) in enumerate(_grids(len(groups), across, down)):
        scorer = _Scorer(groups, constraints, rows, cols, aspect, needs)
        cost, placed = _search(scorer, len(groups))
        if best is None or (cost, serial) < (best[0], best[1]):
            best = (cost, serial, scorer, placed)
    assert best is not None
    _, _, scorer, placed = best
    placed = _grow(scorer, placed)
    return {i: scorer.box(placed[i]) for i in range(len(groups))}


def _room_needed(
    index: int, groups: list[Group], riders: list[Rider], fronts: dict[int, int], aspect: float
) -> tuple[float, float] | None:
    """The smallest cell (fractions of width and height) holding a support at NEED_SHARE of its
    usual size with what rests on it side by side along its top (at their usual sizes); None for a
    thing with fewer than two things on it (one gets the support's whole width anyway). A table
    laid with a cake, cups and a vase is not a sliver under specks."""
    on = [r.child for r in riders if r.parent == index and r.kind in CONTACT and r.child not in fronts]
    if sum(groups[child].count for child in on) < 2:
        return None
    own_w, own_h = _usual_extent(groups[index], aspect)
    extents = {child: _usual_extent(groups[child], aspect) for child in on}
    row = sum(extents[child][0] * groups[child].count for child in on) / 0.9
    width = max(NEED_SHARE * own_w * groups[index].count, row)
    height = NEED_SHARE * own_h + 0.75 * max(h for _, h in extents.values())
    return min(width, 1.0 - 2 * OUTER_MARGIN), min(height, 1.0 - 2 * OUTER_MARGIN)


def _rider_height(group: Group, aspect: float, cell: Box) -> float:
    return min(_usual_extent(group, aspect)[1], 0.45 * (cell[3] - cell[1]))


def _rider_order(on: list[Rider], groups: list[Group], lefts: frozenset[tuple[int, int]]) -> list[Rider]:
    """Riders from left to right: those stated left, then the unplaced around those stated
    centre (so that the centre ones sit in the middle), then those stated right; an unplaced rider
    said to be left or right of a centred one (`lefts`: (a, b) pairs, a left of b) sits beside it."""
    side = {r.child: groups[r.child].horizontal for r in on}
    centre = {c for c, h in side.items() if h == "center"}
    for a, b in lefts:
        if a in side and side[a] is None and b in centre:
            side[a] = "centre-left"
        if b in side and side[b] is None and a in centre:
            side[b] = "centre-right"
    by_side: dict[str | None, list[Rider]] = {}
    for rider in on:
        by_side.setdefault(side[rider.child], []).append(rider)
    count = {name: len(by_side.get(name, [])) for name in ("left", "centre-left", "centre-right", "right")}
    free = by_side.get(None, [])
    half = (
        len(free) + count["centre-right"] + count["right"] - count["left"] - count["centre-left"] + 1
    ) // 2
    half = max(0, min(len(free), half if centre else len(free)))
    by_side["free-left"], by_side["free-right"] = free[:half], free[half:]
    names = ("left", "free-left", "centre-left", "center", "centre-right", "free-right", "right")
    return [r for name in names for r in by_side.get(name, [])]


@dataclass(frozen=True)
class _Order:
    """Stated order among things resting on one support: `lefts` (a, b) pairs, a left of b;
    `fronts` maps a rider to the rider on the same support it stands in front of."""

    lefts: frozenset[tuple[int, int]] = frozenset()
    fronts: dict[int, int] = field(default_factory=dict)


def _fronts_on_support(constraints: list[Constraint], riders: list[Rider]) -> dict[int, int]:
    """'a in front of b' where both rest on the same support: a -> the b it stands before, at the
    end of a chain (bread in front of a jug in front of a vase: both before the vase)."""
    parent = {r.child: r.parent for r in riders if r.kind == "on"}
    fronts: dict[int, int] = {}
    for c in constraints:
        same = c.a in parent and parent[c.a] == parent.get(c.b)
        if c.kind == "depth" and same and c.a not in fronts and c.b not in _front_chain(fronts, c.a):
            fronts[c.a] = c.b
    return {a: _front_chain(fronts, a)[-1] for a in fronts}


def _front_chain(fronts: dict[int, int], index: int) -> list[int]:
    """What `index` stands in front of, nearest first (empty when nothing)."""
    found: list[int] = []
    while index in fronts and fronts[index] not in found:
        index = fronts[index]
        found.append(index)
    return found


def _with_riders(
    index: int,
    groups: list[Group],
    riders: list[Rider],
    cell: Box,
    aspect: float,
    anchor: tuple[int, int],
    order: _Order = _Order(),
) -> dict[int, list[Box]]:
    """Boxes of a parent and of what rests on it (bottom in the top band of the parent, within its
    width; a thing in front of another on it lower down, over the same stretch) or sits in it
    (inside its box)."""
    resting = [r for r in riders if r.parent == index and r.kind in CONTACT]
    on = _rider_order([r for r in resting if r.child not in order.fronts], groups, order.lefts)
    inside = [r for r in riders if r.parent == index and r.kind == "in"]
    room = max((_rider_height(groups[r.child], aspect, cell) for r in on), default=0.0)
    x0, y0, x1, y1 = cell
    # what sits on a seat or a crate is as wide as it is high; what stands is drawn in its shape
    slack = MAX_ASPECT if any(r.child == index for r in riders) else INSTANCE_ASPECT
    own = _instance_boxes(
        groups[index], (x0, y0 + 0.75 * room, x1, y1), aspect, (anchor[0], 1 if on else anchor[1]), slack
    )
    out = {index: own}
    b0, t0, b1, t1 = own[0]
    w, h = b1 - b0, t1 - t0
    stretch: dict[int, tuple[float, float]] = {}
    for n, rider in enumerate(on):
        share = w * 0.9 / len(on)
        stretch[rider.child] = (b0 + 0.05 * w + n * share, b0 + 0.05 * w + (n + 1) * share)
    if len(on) == 1 and groups[on[0].child].count == 1:  # alone on a narrow support (a man on a stool)
        stretch[on[0].child] = _widened(stretch[on[0].child], groups[on[0].child], aspect, cell)
    for rider in [*on, *(r for r in resting if r.child in order.fronts)]:
        left, right = stretch[order.fronts.get(rider.child, rider.child)]
        share = FRONT_CONTACT if rider.child in order.fronts else CONTACT[rider.kind]
        contact = t0 + share * h
        height = _rider_height(groups[rider.child], aspect, cell)
        region = (left, max(0.0, contact - height), right, contact)
        out.update(_with_riders(rider.child, groups, riders, region, aspect, (0, 1), order))
    for n, rider in enumerate(inside):
        share = w * 0.8 / len(inside)
        left = b0 + 0.1 * w + n * share
        region = (left, max(0.0, t0 - 0.1 * h), left + share, t0 + 0.75 * h)
        filled = [replace(g, size=1.0) if i == rider.child else g for i, g in enumerate(groups)]
        out.update(
            _with_riders(rider.child, filled, riders, region, aspect, (0, 0), order)
        )  # fills its container
    return out


def _widened(stretch: tuple[float, float], group: Group, aspect: float, cell: Box) -> tuple[float, float]:
    """A lone rider's stretch, widened about its middle to its usual width, within the cell."""
    left, right = stretch
    half = max(right - left, min(_usual_extent(group, aspect)[0], cell[2] - cell[0])) / 2
    mid = min(max((left + right) / 2, cell[0] + half), cell[2] - half)
    return mid - half, mid + half


def _overlap_depth(
    boxes: list[list[Box]], constraints: list[Constraint], riders: list[Rider]
) -> list[list[Box]]:
    """'a in front of b': a's boxes (and what rests on a) move up to overlap the bottom of b's,
    unless a rests on something."""
    out = [list(group) for group in boxes]
    riding = {r.child for r in riders}
    for c in constraints:
        if c.kind == "at" and out[c.a] and out[c.b]:
            out[c.a] = _behind_support(out[c.a], out[c.b][0])
        if c.kind != "depth" or not out[c.a] or not out[c.b] or c.a in riding:
            continue  # a thing resting on another stays on it
        if c.b not in riding:
            out = moved_down(
                out,
                [c.b, *(r.child for r in riders if r.parent == c.b)],
                _sink(
                    out[c.b][0],
                    [out[d.a][0] for d in constraints if d.kind == "depth" and d.b == c.b and out[d.a]],
                ),
            )
        back = out[c.b][0]
        front_top = min(box[1] for box in out[c.a])
        overlap = 0.15 * (back[3] - back[1])
        shift = min(front_top, max(0.0, front_top - (back[3] - overlap)), DEPTH_REACH)
        shift = max(0.0, min(shift, centre(union(out[c.a]))[1] - centre(back)[1] - 0.02))
        out = moved_down(out, [c.a, *(r.child for r in riders if r.parent == c.a)], -shift)
    return out


def _sink(back: Box, fronts: list[Box]) -> float:
    """How far a thing behind others comes down so that the first hides its lower part (a lamp
    behind an armchair stands on the floor behind it, not in the air above it), keeping its
    middle above the middle of every thing it is behind."""
    front = fronts[0]
    target = front[1] + 0.25 * (front[3] - front[1])
    room = min(1.0 - back[3], *(centre(f)[1] - centre(back)[1] - 0.05 for f in fronts))
    return max(0.0, min(target - back[3], room))


def _behind_support(person: list[Box], support: Box) -> list[Box]:
    """A person at a bench or a cart moves down until the support hides their lower part."""
    bottom = max(box[3] for box in person)
    target = support[1] + 0.35 * (support[3] - support[1])
    shift = min(max(0.0, target - bottom), 1.0 - bottom)
    return [fitted((x0, y0 + shift, x1, y1 + shift)) for x0, y0, x1, y1 in person]


def layout_groups(
    groups: list[Group],
    constraints: list[Constraint],
    width: int,
    height: int,
    riders: list[Rider] | None = None,
) -> list[list[Box]]:
    """Boxes (fractions, origin top-left) for every instance of every group, in group order."""
    if not groups:
        return []
    aspect = width / height
    riders = riders or []
    top, top_groups, top_constraints = _top_level(groups, constraints, riders)
    fronts = _fronts_on_support(constraints, riders)
    needs = {new: _room_needed(old, groups, riders, fronts, aspect) for new, old in enumerate(top)}
    cells = _search_cells(top_groups, top_constraints, aspect, {i: n for i, n in needs.items() if n})
    anchors = _grounded(top_groups, _anchors(top_groups, top_constraints, cells))
    boxes: dict[int, list[Box]] = {}
    order = _Order(frozenset((c.a, c.b) for c in constraints if c.kind == "left_of"), fronts)
    for new, old in enumerate(top):
        boxes.update(_with_riders(old, groups, riders, cells[new], aspect, anchors.get(new, (0, 0)), order))
    own_cells = {old: cells[new] for new, old in enumerate(top)}
    boxes = _slid_over(boxes, constraints, own_cells, riders)
    ordered = _sizes_in_order(
        _peers_alike([boxes[i] for i in range(len(groups))], groups, riders), groups, riders
    )
    seated = seated_at_scale(ordered, groups, riders)
    placed = _overlap_depth(_reseated(seated, riders, set(fronts)), constraints, riders)
    return repair(grounded_rows(placed, groups, constraints, riders), groups, constraints, riders)


def _slid_over(
    boxes: dict[int, list[Box]], constraints: list[Constraint], cells: dict[int, Box], riders: list[Rider]
) -> dict[int, list[Box]]:
    """A thing said to be behind, in front of, on, above or below another that has a cell of its own
    slides sideways inside its cell (with what rests on it) to stand over or under it: a pot hung on
    the wall behind a jug hangs above the jug, not above the middle of the table."""
    out = dict(boxes)
    parent_of = {r.child: r.parent for r in riders}
    for c in constraints:
        if c.kind not in {"align_x", "over"} or c.a not in cells or not out[c.a] or not out[c.b]:
            continue
        whole, cell = union(out[c.a]), cells[c.a]
        dx = centre(union(out[c.b]))[0] - centre(whole)[0]
        dx = min(max(dx, cell[0] - whole[0]), cell[2] - whole[2])
        for moved in (i for i in out if i == c.a or c.a in _chain(parent_of, i)):
            out[moved] = [fitted((x0 + dx, y0, x1 + dx, y1)) for x0, y0, x1, y1 in out[moved]]
    return out


def _reseated(boxes: list[list[Box]], riders: list[Rider], fronts: set[int]) -> list[list[Box]]:
    """Things resting on a support that shrank (sizes in order) move down with it, so that their
    bottom stays in its top band (a little lower for a thing in front of another on it): a basket
    on a blanket touches the blanket. Someone in a seat sinks into it to the seat's depth."""
    out = [list(group) for group in boxes]
    parent_of = {r.child: r.parent for r in riders}
    depth = {r.child: len(_chain(parent_of, r.child)) for r in riders}
    for rider in sorted((r for r in riders if r.kind in CONTACT), key=lambda r: depth[r.child]):
        if not out[rider.parent] or not out[rider.child]:
            continue
        top, bottom = out[rider.parent][0][1], out[rider.parent][0][3]
        share = FRONT_CONTACT if rider.child in fronts else CONTACT[rider.kind]
        contact = top + share * (bottom - top)
        low = max(box[3] for box in out[rider.child])
        if rider.kind == "seat":  # sunk into it: its middle inside the seat, its bottom in the top band
            half = (low - min(box[1] for box in out[rider.child])) / 2 + 0.005
            contact = top + min(SEAT_DEEPEST, max(SEAT_SINK, half / (bottom - top))) * (bottom - top)
        shift = contact - low if rider.kind == "seat" or not top <= low <= contact else 0.0
        carried = [i for i in range(len(out)) if rider.child in _chain(parent_of, i) or i == rider.child]
        out = moved_down(out, carried, shift)
    return out


def _chain(parent_of: dict[int, int], index: int) -> list[int]:
    """The supports under `index`, nearest first."""
    found = []
    while index in parent_of and index not in found:
        index = parent_of[index]
        found.append(index)
    return found


def _sizes_in_order(boxes: list[list[Box]], groups: list[Group], riders: list[Rider]) -> list[list[Box]]:
    """A usually smaller thing never gets a bigger box than a usually bigger one (a bee < a fridge).
    A bigger thing squeezed by its cell (three boats in one cell, a cat on a shelf) first grows, at
    most GROWTH each side, so that the smaller one keeps KEPT_SHARE of its area; then boxes shrink
    about their centre (riders about their bottom) until they are smaller. So one squeezed thing
    does not make every smaller thing a speck, class after class. A bigger thing far away (a
    lighthouse on the horizon) still bounds a smaller one nearby: a picture shows it as the bigger
    thing. What rests on the thing, someone in a seat and a band of small things (strings of
    lanterns across the top: spread wide, not big) set no bound."""
    out = [list(b) for b in boxes]
    riding = {r.child for r in riders}
    for i in sorted(range(len(groups)), key=lambda i: -groups[i].size):
        bigger = _bounds(i, out, groups, riders)
        if not bigger or not out[i]:
            continue
        most = SIZE_MARGIN * min(area(out[j][0]) for j in bigger)
        want = min(area(out[i][0]), max(most, KEPT_SHARE * area(out[i][0])))
        for j in bigger:
            out[j] = _grown(j, want / SIZE_MARGIN, out, groups, riders)
        most = SIZE_MARGIN * min(area(out[j][0]) for j in bigger)
        scale = math.sqrt(most / area(out[i][0])) if area(out[i][0]) > most else 1.0
        if scale < 1.0:
            out[i] = [_scaled(box, scale, bottom=i in riding or _standing(groups[i])) for box in out[i]]
    return out


def _peers_alike(boxes: list[list[Box]], groups: list[Group], riders: list[Rider]) -> list[list[Box]]:
    """Two lone things of one size class and shape standing on the ground (an old man and a young
    woman) are drawn about one size: the one squeezed by its cell grows towards the other's."""
    out = [list(b) for b in boxes]
    riding = {r.child for r in riders}  # sunk in a seat, on a stool: their size is the support's
    peers = [
        i
        for i, g in enumerate(groups)
        if g.level == "ground" and g.count == 1 and g.depth != "far" and out[i] and i not in riding
    ]
    for i in sorted(peers, key=lambda i: area(out[i][0])):
        alike = [
            j
            for j in peers
            if j != i and (groups[j].size, groups[j].shape) == (groups[i].size, groups[i].shape)
        ]
        if alike:
            model = max((out[j][0] for j in alike), key=area)
            grown = _grown(i, PEER_SHARE * area(model), out, groups, riders)
            out[i] = _shaped_like(grown, model) if grown != out[i] else grown
    return out


def _shaped_like(boxes: list[Box], model: Box) -> list[Box]:
    """A lone grown peer takes its peer's proportions at its own area, standing on its own
    bottom and kept in the picture: a man squeezed into a squat cell stands as tall as the
    woman beside him, not as wide."""
    (x0, _, x1, y1), (m0, n0, m1, n1) = boxes[0], model
    ratio = math.sqrt(area(boxes[0]) / area(model))
    w, h = (m1 - m0) * ratio, min((n1 - n0) * ratio, y1)
    cx = min(max((x0 + x1) / 2, w / 2), 1 - w / 2)
    return [fitted((cx - w / 2, y1 - h, cx + w / 2, y1))]


def _grown(
    j: int, wanted: float, out: list[list[Box]], groups: list[Group], riders: list[Rider]
) -> list[Box]:
    """Group j's boxes grown towards area `wanted`: at most GROWTH each side, inside the picture,
    still smaller than what is bigger than it; a support (what rests on it would float) keeps its size."""
    riding = any(r.child == j for r in riders) or _standing(groups[j])
    if area(out[j][0]) >= wanted or any(r.parent == j for r in riders):
        return out[j]
    caps = [SIZE_MARGIN * area(out[k][0]) for k in _bounds(j, out, groups, riders)]
    grown = min([wanted, GROWTH**2 * area(out[j][0]), *caps])
    scale = min(math.sqrt(grown / area(out[j][0])), *(_fits(box, riding) for box in out[j]), _apart(out[j]))
    return [_scaled(box, scale, bottom=riding) for box in out[j]] if scale > 1.0 else out[j]


def _fits(box: Box, bottom: bool) -> float:
    """The most `box` can grow (about its centre, or its bottom) and stay in the picture."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    across = min(cx, 1 - cx) / ((x1 - x0) / 2)
    down = y1 / (y1 - y0) if bottom else min(cy, 1 - cy) / ((y1 - y0) / 2)
    return min(across, down)


def _apart(boxes: list[Box]) -> float:
    """The most a group's boxes can grow about their centres without overlapping each other."""
    most = math.inf
    for n, a in enumerate(boxes):
        for b in boxes[n + 1 :]:
            (ax, ay), (bx, by) = centre(a), centre(b)
            most = min(most, max(abs(ax - bx) / (a[2] - a[0]), abs(ay - by) / (a[3] - a[1])))
    return most


def _bounds(i: int, out: list[list[Box]], groups: list[Group], riders: list[Rider]) -> list[int]:
    """The groups of a bigger size class whose boxes bound group i's."""
    parent_of = {r.child: r.parent for r in riders}
    seated = {r.child for r in riders if r.kind == "seat"}
    near = [j for j in range(len(groups)) if out[j]]  # far or near: a far lighthouse > a pelican
    # what rests on a thing never bounds it, and someone sunk into a seat (half hidden in it)
    # bounds nothing: a man in a bed is no yardstick for the armchair across the room
    near = [j for j in near if i not in _chain(parent_of, j) and j not in seated]
    return [j for j in near if groups[j].shape < BAND_SHAPE and groups[j].size > groups[i].size]


def _scaled(box: Box, scale: float, bottom: bool) -> Box:
    x0, y0, x1, y1 = box
    cx, w, h = (x0 + x1) / 2, (x1 - x0) * scale, (y1 - y0) * scale
    cy = y1 - h / 2 if bottom else (y0 + y1) / 2
    return fitted((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
