"""The critic's findings for the plan on the page (planner.critic), as the CLI prints them."""

from __future__ import annotations

from planner.critic import critique
from planner.plan import MAX_REGIONS, Plan


def critic_findings(plan: Plan) -> list[str]:
    """The critic's messages for `plan`, checked against the region limit it was made with."""
    return [finding.message for finding in critique(plan, max_regions=plan.max_regions or MAX_REGIONS)]
