"""The planner's prompts: jinja2 templates and few-shot examples, from prompts/ or a user's folder.

A user's folder only needs the files it changes (system.j2, user.j2, repair.j2, examples.json);
the others come from the packaged prompts/ folder.
"""

from __future__ import annotations

import json
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from planner.content import answer_fields
from planner.errors import InputError
from planner.plan import MAX_REGIONS
from planner.safe_read import read_json, read_text
from prompts import PROMPTS_DIR

SYSTEM, USER, REPAIR, EXAMPLES = "system.j2", "user.j2", "repair.j2", "examples.json"

Message = dict[str, str]


@dataclass(frozen=True)
class PromptContext:
    """What the templates may refer to."""

    max_regions: int
    width: int
    height: int


class TemplateError(InputError):
    """A prompt template or examples file cannot be used: the message names the file and line."""


def _template_error_line(exc: jinja2.TemplateError, path: Path) -> str:
    """'template FILE, line N: reason' for a syntax error or an error while rendering.

    Syntax errors carry their file and line; for errors while rendering (an undefined
    variable), the line is found in the traceback frame jinja2 maps to the template file.
    """
    filename = getattr(exc, "filename", None) or str(path)
    line = getattr(exc, "lineno", None)
    if line is None:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
        line = frames[-1].lineno if frames else None
    where = f"{filename}, line {line}" if line else filename
    reason = " ".join((getattr(exc, "message", None) or str(exc) or type(exc).__name__).split())
    return f"template {where}: {reason}"


class PromptTemplates:
    """Renders the chat messages for a first request and for a repair."""

    def __init__(self, templates_dir: str | Path | None = None) -> None:
        folders = [Path(templates_dir).expanduser()] if templates_dir is not None else []
        for folder in folders:
            if not folder.is_dir():
                raise TemplateError(f"templates folder {folder} does not exist")
        self.folders = [*folders, PROMPTS_DIR]
        self.env = jinja2.Environment(
            loader=jinja2.FunctionLoader(self._source),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
            autoescape=False,
        )
        self.examples = self._load_examples()

    def _find(self, name: str) -> Path:
        """The first folder's copy of a template or examples file (the user's folder first)."""
        return next((f / name for f in self.folders if (f / name).exists()), self.folders[-1] / name)

    def _source(self, name: str) -> tuple[str, str, Any]:
        """A template's text for jinja2, read like every input file (regular file, bounded size)."""
        path = self._find(name)
        return read_text(path, what="template"), str(path), lambda: False

    def _render(self, name: str, **values: Any) -> str:
        try:
            return self.env.get_template(name).render(**values).strip()
        except jinja2.TemplateError as exc:
            raise TemplateError(_template_error_line(exc, self._find(name))) from None

    def _load_examples(self) -> list[tuple[str, str, int | None]]:
        """(prompt, answer JSON, the example's own region cap or None) for each few-shot example."""
        path = self._find(EXAMPLES)
        items = read_json(path, what="few-shot examples file")
        try:
            return [
                (item["prompt"], json.dumps(item["answer"], ensure_ascii=False), item.get("max_regions"))
                for item in items
            ]
        except (KeyError, TypeError, AttributeError) as exc:
            raise TemplateError(
                f"few-shot examples {path}: each item needs 'prompt' and 'answer' ({exc})"
            ) from None

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
