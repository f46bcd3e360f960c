"""The critic's findings for the plan on the page, through the one door the planner offers.

`planner.critic.critique(plan)` reads the plan against its prompt and returns findings (each
with a `message`). When the installed planner has no critic, the page says so instead of
showing nothing, so an empty list always means "the critic found nothing".
"""

from __future__ import annotations

import importlib

from planner.plan import Plan


def critic_findings(plan: Plan) -> list[str] | None:
    """The critic's messages for `plan`, or None when this version has no critic."""
    try:
        critic = importlib.import_module("planner.critic")
    except ModuleNotFoundError:
        return None
    return [str(finding.message) for finding in critic.critique(plan)]
