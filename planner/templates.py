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

from planner.errors import PlannerError
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

    def _load_examples(self) -> list[tuple[str, str]]:
        path = next(f / EXAMPLES for f in self.folders if (f / EXAMPLES).is_file())
        try:
            items = json.loads(path.read_text(encoding="utf-8"))
            return [(item["prompt"], json.dumps(item["answer"], ensure_ascii=False)) for item in items]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise PlannerError(f"few-shot examples {path} are unreadable: {exc}") from None

    def first_messages(self, prompt: str, context: PromptContext) -> list[Message]:
        """System prompt, few-shot pairs, then the user's description."""
        values = {"max_regions": context.max_regions, "width": context.width, "height": context.height}
        messages = [{"role": "system", "content": self._render(SYSTEM, **values)}]
        for example_prompt, answer in self.examples:
            messages.append({"role": "user", "content": self._render(USER, prompt=example_prompt, **values)})
            messages.append({"role": "assistant", "content": answer})
        messages.append({"role": "user", "content": self._render(USER, prompt=prompt, **values)})
        return messages

    def repair_message(
        self, problems: list[str], previous_answer: str, context: PromptContext, *, too_many_regions: bool
    ) -> Message:
        """The user turn that shows the model its validation errors and its previous answer."""
        content = self._render(
            REPAIR,
            problems=problems,
            previous_answer=previous_answer,
            too_many_regions=too_many_regions,
            max_regions=context.max_regions,
            width=context.width,
            height=context.height,
        )
        return {"role": "user", "content": content}
