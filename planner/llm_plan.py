"""Ask a chat model for a plan, and repair its answer until it is valid and agrees with the prompt (bounded).

A backend is any callable `chat(messages, max_regions) -> str` that returns the model's text,
built from the answer contract in `planner.content` (a JSON schema or a grammar with the region
cap); it raises ServiceUnavailableError itself when the service cannot be reached. This module
owns the conversation: first request, validation, the critic, repair prompts, and the final
one-line error.
"""

from __future__ import annotations

import logging
from typing import Protocol

from planner.content import ContentError, ContentOptions, plan_from_answer
from planner.critic import Finding, critique
from planner.errors import PlanningFailedError
from planner.plan import Plan
from planner.raw_log import RawResponseLog
from planner.templates import Message, PromptContext, PromptTemplates

log = logging.getLogger("planner")

ECHO_CHARS = 20_000  # a previous answer sent back for repair is cut to this (a plan is far shorter)


def _shortened(answer: str) -> str:
    return answer if len(answer) <= ECHO_CHARS else answer[:ECHO_CHARS] + " [... cut]"


class ChatBackend(Protocol):
    """Sends chat messages to a model and returns its answer text (at most `max_regions` regions asked)."""

    def __call__(self, messages: list[Message], max_regions: int) -> str: ...


def _invalid_answer_repair(
    templates: PromptTemplates, context: PromptContext, answer_index: int, answer: str, exc: ContentError
) -> Message:
    """The repair turn for an answer that is not a valid plan: its problems, logged and sent back."""
    log.info("answer %d was not a valid plan: %s", answer_index + 1, "; ".join(exc.problems))
    return templates.repair_message(
        exc.problems, _shortened(answer), context, too_many_regions=exc.too_many_regions
    )


def _disagreement_repair(
    templates: PromptTemplates,
    context: PromptContext,
    answer_index: int,
    answer: str,
    findings: list[Finding],
) -> Message:
    """The repair turn for a valid plan the critic faults: its findings, logged and sent back."""
    log.info(
        "answer %d disagrees with the prompt: %s",
        answer_index + 1,
        "; ".join(f.message for f in findings),
    )
    return templates.repair_message(
        [],
        _shortened(answer),
        context,
        too_many_regions=False,
        disagreements=[f.message for f in findings],
    )


def _no_valid_plan(raw_log: RawResponseLog, problems: list[str], answers: int) -> PlanningFailedError:
    """The one-line error when no answer became a valid plan, naming the raw response it saves."""
    path = raw_log.save(note="planner: last answer, which was not a valid plan: " + "; ".join(problems))
    return PlanningFailedError(
        f"the model gave no valid plan in {answers} answer{'s' if answers > 1 else ''} "
        f"({problems[0] if problems else 'unknown problem'}); last raw response saved to {path}"
    )


def plan_with_chat(
    chat: ChatBackend,
    prompt: str,
    *,
    width: int,
    height: int,
    max_regions: int,
    templates: PromptTemplates,
    max_repairs: int,
    raw_log: RawResponseLog,
    critic: bool = True,
) -> Plan:
    """Run the request/repair conversation and return a valid Plan.

    An answer that is not a valid plan goes back with its problems; a valid plan that the critic
    finds disagreeing with the prompt goes back with the findings, within the same `max_repairs`.
    When the repairs run out, the valid plan with the fewest findings is returned (the caller can
    show `critique(plan)`). Secrets are blanked out of every answer before it is read, so an
    answer echoing the API key cannot put it in the plan. Raises PlanningFailedError (naming the
    saved raw response) when no answer becomes a valid plan.
    """
    context = PromptContext(max_regions=max_regions, width=width, height=height)
    first = templates.first_messages(prompt, context)
    messages = first
    options = ContentOptions(prompt=prompt, width=width, height=height, max_regions=max_regions)
    asked_for_fewer = False
    problems: list[str] = []
    best: tuple[Plan, list[Finding]] | None = None
    for answer_index in range(max_repairs + 1):
        answer = raw_log.redact(chat(messages, max_regions))
        raw_log.remember(answer)
        options.truncate_extra_regions = asked_for_fewer or answer_index == max_repairs
        try:
            plan = plan_from_answer(answer, options)
        except ContentError as exc:
            problems = exc.problems
            asked_for_fewer = asked_for_fewer or exc.too_many_regions
            repair = _invalid_answer_repair(templates, context, answer_index, answer, exc)
        else:
            findings = critique(plan, max_regions=max_regions) if critic else []
            if best is None or len(findings) < len(best[1]):
                best = (plan, findings)
            if not findings:
                return plan
            repair = _disagreement_repair(templates, context, answer_index, answer, findings)
        messages = [*first, {"role": "assistant", "content": _shortened(answer)}, repair]
    if best is not None:
        log.info("no repair fixed every disagreement: kept the plan with the fewest (%d)", len(best[1]))
        return best[0]
    raise _no_valid_plan(raw_log, problems, max_repairs + 1)
