"""Ask a chat model for a plan, and repair its answer until it is valid (bounded).

A backend is any callable `chat(messages, schema) -> str` that returns the model's text; it
raises ServiceUnavailableError itself when the service cannot be reached. This module owns the
conversation: first request, validation, repair prompts, and the final one-line error.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from planner.content import (
    ContentError,
    ContentOptions,
    content_json_schema,
    content_to_plan,
    extract_json_object,
)
from planner.errors import PlanningFailedError
from planner.plan import Plan
from planner.raw_log import RawResponseLog
from planner.templates import Message, PromptContext, PromptTemplates

log = logging.getLogger("planner")


class ChatBackend(Protocol):
    """Sends chat messages to a model and returns its answer text."""

    def __call__(self, messages: list[Message], schema: dict[str, Any]) -> str: ...


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
) -> Plan:
    """Run the request/repair conversation and return a valid Plan.

    Raises PlanningFailedError (naming the saved raw response) when no answer becomes valid.
    """
    context = PromptContext(max_regions=max_regions, width=width, height=height)
    first = templates.first_messages(prompt, context)
    messages = first
    schema = content_json_schema(max_regions)
    options = ContentOptions(prompt=prompt, width=width, height=height, max_regions=max_regions)
    asked_for_fewer = False
    problems: list[str] = []
    for answer_index in range(max_repairs + 1):
        answer = chat(messages, schema)
        raw_log.remember(answer)
        options.truncate_extra_regions = asked_for_fewer or answer_index == max_repairs
        try:
            return content_to_plan(extract_json_object(answer), options)
        except ContentError as exc:
            problems = exc.problems
            asked_for_fewer = asked_for_fewer or exc.too_many_regions
            log.info("answer %d was not a valid plan: %s", answer_index + 1, "; ".join(problems))
            repair = templates.repair_message(
                problems, answer, context, too_many_regions=exc.too_many_regions
            )
            messages = [*first, {"role": "assistant", "content": answer}, repair]
    answers = max_repairs + 1
    path = raw_log.save(note="planner: last answer, which was not a valid plan: " + "; ".join(problems))
    raise PlanningFailedError(
        f"the model gave no valid plan in {answers} answer{'s' if answers > 1 else ''} "
        f"({problems[0] if problems else 'unknown problem'}); last raw response saved to {path}"
    )
