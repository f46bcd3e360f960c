"""What a prompt says, as plain data: the things it names, how many, where, and how they relate.

This is the contract between the offline parser (which produces it) and everything that reasons
about a prompt without an LLM: the rules planner's layout and the critic that checks an LLM's
plan against the prompt. It holds facts stated in the prompt only, never a layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum


class Size(IntEnum):
    """How big one instance of a thing usually is in a picture, smallest first."""

    TINY = 0  # a bee, a key, a ring
    SMALL = 1  # a cup, a book, a cat
    MEDIUM = 2  # a person, a dog, a chair
    LARGE = 3  # a car, a tree, a sofa
    HUGE = 4  # a house, a mountain, a ship


class RelationKind(str, Enum):
    """A stated relation: `subject <kind> objects` ("a cup ON a table")."""

    ON = "on"  # touching, resting on top of
    IN = "in"  # inside, nested
    IN_FRONT_OF = "in_front_of"  # nearer: lower, overlapping, larger
    BEHIND = "behind"  # farther: higher, partly hidden
    LEFT_OF = "left_of"
    RIGHT_OF = "right_of"
    ABOVE = "above"
    BELOW = "below"
    NEXT_TO = "next_to"
    BETWEEN = "between"  # two objects


@dataclass(frozen=True)
class Place:
    """An absolute place stated in the prompt ("on the left", "in the top-right corner")."""

    horizontal: str | None = None  # "left" | "center" | "right"
    vertical: str | None = None  # "top" | "middle" | "bottom"
    depth: str | None = None  # "front" (foreground) | "back" (background) | "far" (distance, horizon)


@dataclass(frozen=True)
class Thing:
    """A concrete, placeable thing the prompt names (one per noun phrase, not per instance).

    - label: short singular noun phrase with its key attribute ("red backpack").
    - head: the singular head noun ("backpack"), for matching against plan labels.
    - count: the stated number of instances; None when the prompt does not say ("some birds").
    - size: usual size of one instance, from the vocabulary, changed by "giant" / "tiny".
    - place: the stated absolute place, if any.
    - attributes: words that describe it (colours, materials, what it wears or holds).
    - phrase: its own words for a regional prompt, one instance when counted ("an old man in a
      straw hat, weighing tomatoes"); empty when unknown.
    """

    label: str
    head: str
    count: int | None = 1
    size: Size = Size.MEDIUM
    place: Place | None = None
    attributes: tuple[str, ...] = ()
    phrase: str = ""


@dataclass(frozen=True)
class Relation:
    """`things[subject] <kind> things[objects...]`; indices into `PromptReading.things`."""

    kind: RelationKind
    subject: int
    objects: tuple[int, ...]


@dataclass(frozen=True)
class PromptReading:
    """Everything the offline parser read from a prompt that a plan can be checked against."""

    things: tuple[Thing, ...] = ()
    relations: tuple[Relation, ...] = ()
    scene: str | None = None  # the setting ("a kitchen"), if one is named
    style: tuple[str, ...] = field(default_factory=tuple)  # medium, light, mood, quality words
    setting: str | None = None  # the scene with its preposition ("on a sandy beach"), for regions in it
    backdrop: tuple[str, ...] = ()  # every scene phrase, for the background prompt
    on_wall: tuple[int, ...] = ()  # things said to hang on a wall of the scene ("a pot hangs on the wall")


def read_prompt(prompt: str) -> PromptReading:
    """The offline parser's reading of `prompt`: things, counts, sizes, places and relations."""
    from planner.rules_read import read

    return read(prompt)
