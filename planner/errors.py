"""The project's own exceptions: one line each, saying what happened and where to look.

`InputError` is the one base for "the input is wrong" (the CLI maps it to exit code 2), whatever
the door: a plan file, a setting, a batch line, a control image, a LoRA spec. It lives here, in a
module with no imports, so the planner (light, no torch) and the renderer share it.

Planner backends never let a raw JSONDecodeError, ValidationError, RetryError or client error
escape; they raise one of the `PlannerError`s instead, naming the file that holds the last raw
response when there is one.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input from the user or a file: the message names the field or file and the reason."""


class PlanError(InputError):
    """A plan (or plan file) is invalid; the message names the field and the reason. Nothing else."""


class PlannerError(Exception):
    """Base class of every error the planner raises on purpose."""


class PlanningFailedError(PlannerError):
    """The model answered, but never with a valid plan (after the allowed repairs)."""


class ServiceUnavailableError(PlannerError):
    """The language-model service could not be reached or kept failing (after the allowed retries)."""
