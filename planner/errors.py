"""The planner's own exceptions: one line each, saying what happened and where to look.

Backends never let a raw JSONDecodeError, ValidationError, RetryError or client error escape;
they raise one of these instead, naming the file that holds the last raw response when there is
one.
"""

from __future__ import annotations


class PlannerError(Exception):
    """Base class of every error the planner raises on purpose."""


class PlanningFailedError(PlannerError):
    """The model answered, but never with a valid plan (after the allowed repairs)."""


class ServiceUnavailableError(PlannerError):
    """The language-model service could not be reached or kept failing (after the allowed retries)."""
