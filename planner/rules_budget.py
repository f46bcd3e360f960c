"""How many regions each thing gets when the prompt names more than the region limit.

A counted group carried by another thing shrinks first: named in that thing's own words ("an
orrery with 7 tiny planets") or small lifeless things resting on or in it ("six plums on a
crate"); it is drawn with its holder anyway, so it gives up regions (only the overflow of the
whole prompt, minor things included) before anything is left out. Then the least important
things go: tiny or small lifeless things with no stated place and no relation (worn and held
things never had regions); people and animals, who act, stay before objects. When the things that stay still name more instances than the limit, a group shrinks
instead of being cut to its first few instances: the smallest group that alone is enough gives up
only the overflow, keeping single regions for its first instances and one last region for the
rest ("8 dancers" in 6 regions: 5 dancers and "3 dancers"); if no group alone is enough, the
biggest folds into one region ("twenty birds") and the next is chosen the same way. Lone things
are not left out to spare a group: each region a group gives up frees one region and puts one
instance in a shared region, still drawn, while leaving out a lone thing loses that thing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from planner.reading import PromptReading, RelationKind, Size, Thing
from planner.rules_vocab import ThingKind, entry, plural_of

log = logging.getLogger("planner")


@dataclass(frozen=True)
class Kept:
    """One thing that gets regions: its index in the reading, how many regions, and how many of
    its instances the last region holds (more than one: the rest of a group that shrank)."""

    thing: int
    regions: int
    last_holds: int = 1

    @property
    def grouped(self) -> bool:
        """Whether the last region draws several instances ("3 dancers")."""
        return self.last_holds > 1


def _instances(thing: Thing) -> int:
    return thing.count if thing.count else 1


def _alive(thing: Thing) -> bool:
    """A person or an animal: someone who acts in the picture."""
    found = entry(thing.head)
    return found is not None and found.kind in (ThingKind.PERSON, ThingKind.ANIMAL)


def importance(reading: PromptReading, index: int) -> float:
    """Higher for bigger things, people and animals, things with a stated place, and things in
    relations."""
    thing = reading.things[index]
    related = sum(index == r.subject or index in r.objects for r in reading.relations)
    placed = thing.place is not None and bool(thing.place.horizontal or thing.place.vertical)
    return float(thing.size) + 1.5 * _alive(thing) + 3.0 * placed + 1.5 * min(related, 2) - 0.01 * index


def _names_with(phrase: str, plural: str) -> bool:
    """Whether `phrase` has `plural` a few words after 'with' ("an orrery with 7 tiny planets")."""
    words = [w.strip(".,;:'\"") for w in phrase.lower().split()]
    return any(w == plural and "with" in words[max(0, k - 4) : k] for k, w in enumerate(words))


def carried(reading: PromptReading, index: int) -> bool:
    """A counted group drawn with another thing: named in that thing's own words ("a castle with
    three towers") or small lifeless things resting on or in it ("six plums on a crate")."""
    thing = reading.things[index]
    if _instances(thing) <= 1:
        return False
    if any(
        _names_with(other.phrase, plural_of(thing.head))
        for j, other in enumerate(reading.things)
        if j != index
    ):
        return True
    holders = (RelationKind.ON, RelationKind.IN)
    held = any(r.subject == index and r.kind in holders for r in reading.relations)
    return held and thing.size <= Size.SMALL and not _alive(thing)


def _minor(reading: PromptReading, index: int) -> bool:
    """A single small thing with no stated place and no relation, other than a person or an
    animal bigger than tiny."""
    thing = reading.things[index]
    if _instances(thing) > 1:
        return False
    related = any(index == r.subject or index in r.objects for r in reading.relations)
    lively = _alive(thing) and thing.size > Size.TINY  # a little boy, an owl; not a bee
    return thing.size <= Size.SMALL and thing.place is None and not related and not lively


def _shrunk(counts: dict[int, int], max_regions: int, total: int | None = None) -> dict[int, int]:
    """The groups of `counts` that get fewer regions, with how many: the smallest group that alone
    brings the total (that of `counts` unless given) within the limit gives up only the overflow,
    else the biggest group folds to one region and the next is chosen, so that the fewest instances lose their own region."""
    counts, shrunk = dict(counts), {}
    extra = (total if total is not None else sum(counts.values())) - sum(counts.values())
    while (overflow := extra + sum(counts.values()) - max_regions) > 0:
        groups = sorted((n, i) for i, n in counts.items() if n > 1)
        if not groups:
            break
        n, i = next(((n, i) for n, i in groups if n - 1 >= overflow), groups[-1])
        counts[i] = shrunk[i] = max(1, n - overflow)
    return shrunk


def _choose(reading: PromptReading, ranked: list[int], max_regions: int) -> tuple[list[int], dict[int, int]]:
    """The things kept (in prompt order) and the groups shrunk, with their regions: groups carried
    by another thing shrink first, then minor lone things go, then other groups shrink; what was
    left out and fits again after folding comes back, most important first."""
    counts = {i: _instances(t) for i, t in enumerate(reading.things)}
    total = sum(counts.values())  # carried groups make room for every thing, minor ones too
    shrunk = _shrunk({i: n for i, n in counts.items() if carried(reading, i)}, max_regions, total)
    counts.update(shrunk)
    kept = list(ranked)
    while sum(counts[i] for i in kept) > max_regions and _minor(reading, kept[-1]):
        kept.pop()  # small, unplaced, unrelated things go first
    kept = sorted(kept[:max_regions])
    shrunk |= _shrunk({i: counts[i] for i in kept}, max_regions)
    counts.update(shrunk)
    for i in ranked:
        if i not in kept and sum(counts[k] for k in kept) + counts[i] <= max_regions:
            kept.append(i)  # room again after folding
    return sorted(kept), {i: n for i, n in shrunk.items() if i in kept}


def _group_words(thing: Thing, regions: int) -> str:
    """'23 dancers', 'a crowd of gulls', '8 dancers in 6 regions': a shrunk group as the log names it."""
    head, _, last = thing.label.rpartition(" ")
    words = f"{head} {plural_of(last)}".strip()
    named = f"{_instances(thing)} {words}" if _instances(thing) > 1 else words
    return f"{named} in {regions} regions" if regions > 1 else named


def _report(reading: PromptReading, dropped: list[int], shrunk: dict[int, int], max_regions: int) -> None:
    """Log what the region limit cost: the things left out, the groups folded or shrunk."""
    folded = [_group_words(reading.things[i], 1) for i in sorted(shrunk) if shrunk[i] == 1]
    partial = [_group_words(reading.things[i], shrunk[i]) for i in sorted(shrunk) if shrunk[i] > 1]
    parts = (
        f"left out {', '.join(reading.things[i].label for i in dropped)}" if dropped else "",
        f"one region per group: {', '.join(folded)}" if folded else "",
        ", ".join(partial),
    )
    log.warning(
        "the prompt names %d things, more than the limit of %d regions: %s",
        sum(_instances(t) for t in reading.things),
        max_regions,
        "; ".join(part for part in parts if part),
    )


def budget(reading: PromptReading, max_regions: int) -> list[Kept]:
    """The things that get regions, in prompt order, with at most `max_regions` regions in all."""
    if sum(_instances(t) for t in reading.things) <= max_regions:
        return [Kept(i, _instances(t)) for i, t in enumerate(reading.things)]
    if max_regions <= 0:
        return []
    ranked = sorted(range(len(reading.things)), key=lambda i: -importance(reading, i))
    kept, shrunk = _choose(reading, ranked, max_regions)
    _report(reading, [i for i in ranked if i not in kept], shrunk, max_regions)
    out = []
    for i in kept:
        n = _instances(reading.things[i])
        regions = shrunk.get(i, n)
        out.append(Kept(i, regions, n - regions + 1))
    return out
