"""One wording for pydantic validation errors, for users (one line) and for the LLM's repair prompt.

Every door that validates with pydantic (plan files, settings, LLM answers) names a problem the
same way: the field's path as in the JSON (`regions[1].box`), then the reason.
"""

from __future__ import annotations

from pydantic import ValidationError


def _where(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "plan"


def problem_lines(error: ValidationError, limit: int = 10) -> list[str]:
    """One line per problem, e.g. 'regions[1].box: box [...] must lie inside [0, 1]' (at most `limit`)."""
    items = error.errors()
    lines = [f"{_where(item['loc'])}: {item['msg'].removeprefix('Value error, ')}" for item in items[:limit]]
    if len(items) > limit:
        lines.append(f"(and {len(items) - limit} more problems)")
    return lines


def format_validation_error(error: ValidationError, prefix: str = "invalid plan") -> str:
    """One line naming the first failing field and the reason, e.g. 'invalid plan: regions[1].box: ...'."""
    first = problem_lines(error, limit=1)[0]
    more = len(error.errors()) - 1
    tail = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
    return f"{prefix}: {first}{tail}"
