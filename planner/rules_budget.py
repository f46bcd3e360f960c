"""How many regions each thing gets when the prompt names more than the region limit.

The least important things go first: tiny or small things with no stated place and no relation
(worn and held things never had regions). When the things that stay still name more instances
than the limit, groups become one group region each ("twenty birds") instead of being cut to
their first few instances: the smallest group that is enough, so the fewest instances are folded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from planner.reading import PromptReading, Size, Thing

log = logging.getLogger("planner")


@dataclass(frozen=True)
class Kept:
    """One thing that gets regions: its index in the reading and how many regions."""

    thing: int
    instances: int
    grouped: bool = False  # all instances in one region


def _instances(thing: Thing) -> int:
    return thing.count if thing.count else 1


def importance(reading: PromptReading, index: int) -> float:
    """Higher for bigger things, things with a stated place, and things in relations."""
    thing = reading.things[index]
    related = sum(index == r.subject or index in r.objects for r in reading.relations)
    placed = thing.place is not None and bool(thing.place.horizontal or thing.place.vertical)
    return float(thing.size) + 3.0 * placed + 1.5 * min(related, 2) - 0.01 * index


def _minor(reading: PromptReading, index: int) -> bool:
    """A single small thing with no stated place and no relation."""
    thing = reading.things[index]
    if _instances(thing) > 1:
        return False
    related = any(index == r.subject or index in r.objects for r in reading.relations)
    return thing.size <= Size.SMALL and thing.place is None and not related


def _grouped(counts: dict[int, int], max_regions: int) -> set[int]:
    """The groups that become one region each: the smallest group that alone brings the total
    within the limit, else the biggest group and try again, so that the fewest instances lose
    their own region."""
    counts, grouped = dict(counts), set()
    while (overflow := sum(counts.values()) - max_regions) > 0:
        groups = sorted((n, i) for i, n in counts.items() if n > 1)
        if not groups:
            break
        n, i = next(((n, i) for n, i in groups if n - 1 >= overflow), groups[-1])
        counts[i], grouped = 1, grouped | {i}
    return grouped


def budget(reading: PromptReading, max_regions: int) -> list[Kept]:
    """The things that get regions, in prompt order, with at most `max_regions` regions in all."""
    wanted = sum(_instances(t) for t in reading.things)
    if wanted <= max_regions:
        return [Kept(i, _instances(t)) for i, t in enumerate(reading.things)]
    if max_regions <= 0:
        return []
    ranked = sorted(range(len(reading.things)), key=lambda i: -importance(reading, i))
    kept = list(ranked)
    while sum(_instances(reading.things[i]) for i in kept) > max_regions and _minor(reading, kept[-1]):
        kept.pop()  # small, unplaced, unrelated things go first
    kept = sorted(kept[:max_regions])
    counts = {i: _instances(reading.things[i]) for i in kept}
    grouped = _grouped(counts, max_regions)
    counts.update({i: 1 for i in grouped})
    dropped = [reading.things[i].label for i in ranked if i not in kept]
    log.warning(
        "the prompt names %d things, more than the limit of %d regions: %s",
        wanted,
        max_regions,
        "; ".join(
            part
            for part in (
                f"left out {', '.join(dropped)}" if dropped else "",
                f"one region each for all {', '.join(reading.things[i].label for i in sorted(grouped))}"
                if grouped
                else "",
            )
            if part
        ),
    )
    return [Kept(i, counts[i], i in grouped) for i in kept]
