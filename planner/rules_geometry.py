"""Box helpers shared by the rules planner's layout passes (planner.rules_layout, planner.rules_repair,
planner.rules_ground).

A box is (x0, y0, x1, y1) in fractions of the picture, origin top-left. Pure functions, no state.
The corpus scorer (tests/test_planner_corpus.py) keeps its own geometry on purpose: a test that
measured boxes with the planner's own helpers would agree with the planner's mistakes.
"""

from __future__ import annotations

Box = tuple[float, float, float, float]


def centre(box: Box) -> tuple[float, float]:
    """The box's centre (x, y)."""
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def union(boxes: list[Box]) -> Box:
    """The smallest box holding all of `boxes` (a group's instances seen as one thing)."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def area(box: Box) -> float:
    """Width times height (0 for a flipped or empty box)."""
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def overlap(a: Box, b: Box) -> float:
    """The area two boxes share."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def covered(a: Box, b: Box) -> float:
    """The share of the smaller box that the other covers (0 when they do not meet)."""
    shared = overlap(a, b)
    smaller = min(area(a), area(b))
    return shared / smaller if shared and smaller > 0 else 0.0


def fitted(box: Box) -> Box:
    """Box rounded to 4 decimals, inside [0, 1], never empty: the form the layout keeps every box in."""
    x0, y0, x1, y1 = (min(1.0, max(0.0, round(v, 4))) for v in box)
    if x1 <= x0:
        x0, x1 = min(x0, 0.9999), min(x0, 0.9999) + 0.0001
    if y1 <= y0:
        y0, y1 = min(y0, 0.9999), min(y0, 0.9999) + 0.0001
    return (x0, y0, x1, y1)


def moved_down(boxes: list[list[Box]], which: list[int], dy: float) -> list[list[Box]]:
    """The boxes with the groups in `which` moved down by dy (up when negative), each `fitted`
    (rounded, inside the picture, never empty), as a new list."""
    out = list(boxes)
    for i in which:
        out[i] = [fitted((x0, y0 + dy, x1, y1 + dy)) for x0, y0, x1, y1 in out[i]]
    return out
