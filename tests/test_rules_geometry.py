"""The box helpers the rules planner's layout passes share (planner.rules_geometry)."""

from __future__ import annotations

import pytest

from planner import rules_layout, rules_repair
from planner.rules_geometry import area, centre, covered, overlap, union


def test_centre_union_area_and_overlap():
    a, b = (0.0, 0.0, 0.4, 0.2), (0.2, 0.1, 0.6, 0.5)
    assert centre(a) == pytest.approx((0.2, 0.1))
    assert union([a, b]) == (0.0, 0.0, 0.6, 0.5)
    assert area(a) == pytest.approx(0.08)
    assert overlap(a, b) == pytest.approx(0.2 * 0.1)
    assert overlap(a, (0.5, 0.5, 0.6, 0.6)) == 0.0
    assert covered(a, b) == pytest.approx(0.02 / 0.08)
    assert covered((0.1, 0.1, 0.2, 0.2), (0.0, 0.0, 1.0, 1.0)) == pytest.approx(1.0)


def test_the_layout_passes_share_one_set_of_box_helpers():
    for module in (rules_layout, rules_repair):
        assert not any(hasattr(module, name) for name in ("_centre", "_union", "_area", "_covered"))
