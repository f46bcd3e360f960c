"""The planner's prompts: jinja2 templates and few-shot examples, from prompts/ or a user's folder.

A user's folder only needs the files it changes (system.j2, user.j2, repair.j2, examples.json);
the others come from the packaged prompts/ folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from planner.content import answer_fields
from planner.errors import PlannerError
from planner.plan import MAX_REGIONS
from prompts import PROMPTS_DIR

SYSTEM, USER, REPAIR, EXAMPLES = "system.j2", "user.j2", "repair.j2", "examples.json"

Message = dict[str, str]


@dataclass(frozen=True)
class PromptContext:
    """What the templates may refer to."""

    max_regions: int
    width: int
    height: int


class PromptTemplates:
    """Renders the chat messages for a first request and for a repair."""

    def __init__(self, templates_dir: str | Path | None = None) -> None:
        folders = [Path(templates_dir).expanduser()] if templates_dir is not None else []
        for folder in folders:
            if not folder.is_dir():
                raise PlannerError(f"templates folder {folder} does not exist")
        self.folders = [*folders, PROMPTS_DIR]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(f) for f in self.folders]),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
            autoescape=False,
        )
        self.examples = self._load_examples()

    def _render(self, name: str, **values: Any) -> str:
        try:
            return self.env.get_template(name).render(**values).strip()
        except jinja2.TemplateError as exc:
            raise PlannerError(f"template {name} failed: {exc}") from None

    def _load_examples(self) -> list[tuple[str, str, int | None]]:
        """(prompt, answer JSON, the example's own region cap or None) for each few-shot example."""
        path = next(f / EXAMPLES for f in self.folders if (f / EXAMPLES).is_file())
        try:
            items = json.loads(path.read_text(encoding="utf-8"))
            return [
                (item["prompt"], json.dumps(item["answer"], ensure_ascii=False), item.get("max_regions"))
                for item in items
            ]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise PlannerError(f"few-shot examples {path} are unreadable: {exc}") from None

    def first_messages(self, prompt: str, context: PromptContext) -> list[Message]:
        """System prompt, few-shot pairs, then the user's description.

        An example with its own `max_regions` (a crowded scene merged under a small cap) is asked
        with that cap, so the example never contradicts the cap it shows.
        """
        values = {"max_regions": context.max_regions, "width": context.width, "height": context.height}
        messages = [{"role": "system", "content": self._render(SYSTEM, fields=answer_fields(), **values)}]
        for example_prompt, answer, example_cap in self.examples:
            shown = {**values, "max_regions": example_cap or MAX_REGIONS}
            messages.append({"role": "user", "content": self._render(USER, prompt=example_prompt, **shown)})
            messages.append({"role": "assistant", "content": answer})
        messages.append({"role": "user", "content": self._render(USER, prompt=prompt, **values)})
        return messages

    def repair_message(
        self,
        problems: list[str],
        previous_answer: str,
        context: PromptContext,
        *,
        too_many_regions: bool,
        disagreements: list[str] | None = None,
    ) -> Message:
        """The user turn that shows the model its validation errors (or the critic's findings) and its answer."""
        content = self._render(
            REPAIR,
            problems=problems,
            disagreements=disagreements or [],
            previous_answer=previous_answer,
            too_many_regions=too_many_regions,
            max_regions=context.max_regions,
            width=context.width,
            height=context.height,
        )
        return {"role": "user", "content": content}
