"""One wording for pydantic validation errors, for users (one line) and for the LLM's repair prompt.

Every door that validates with pydantic (plan files, settings, LLM answers) names a problem the
same way: the field's path as in the JSON (`regions[1].box`), then the reason.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError


def _where(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, str) and ("[" in part or "-" in part):
            continue  # pydantic's names for union members, e.g. 'constrained-int'
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "value"


def _line(item: Any) -> str:
    message = (
        "unknown field" if item["type"] == "extra_forbidden" else item["msg"].removeprefix("Value error, ")
    )
    return f"{_where(item['loc'])}: {message}"


def problem_lines(error: ValidationError, limit: int = 10) -> list[str]:
    """One line per problem, e.g. 'regions[1].box: box [...] must lie inside [0, 1]' (at most `limit`)."""
    items = error.errors()
    lines = [_line(item) for item in items[:limit]]
    if len(items) > limit:
        lines.append(f"(and {len(items) - limit} more problems)")
    return lines


def format_validation_error(error: ValidationError, prefix: str = "invalid plan") -> str:
    """One line naming the first failing field and the reason, e.g. 'invalid plan: regions[1].box: ...'."""
    more = len(error.errors()) - 1
    tail = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
    return f"{prefix}: {_line(error.errors()[0])}{tail}"
