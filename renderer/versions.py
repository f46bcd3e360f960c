"""`plan-and-render --version`: the project's version and the versions of the libraries that shape an image.

Read from the installed packages' metadata, so printing it never imports torch or diffusers.
This is the line to paste into a bug report.
"""

from __future__ import annotations

import argparse
import platform
from collections.abc import Sequence
from importlib import metadata
from typing import Any

PROJECT = "regional-flux"
LIBRARIES = ("torch", "diffusers", "transformers")


def installed_version(distribution: str) -> str:
    """The installed version of `distribution`, or "not installed"."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def version_report() -> str:
    """One line: `regional-flux X (torch X, diffusers X, transformers X, Python X)`."""
    parts = [f"{name} {installed_version(name)}" for name in LIBRARIES]
    parts.append(f"Python {platform.python_version()}")
    return f"{PROJECT} {installed_version(PROJECT)} ({', '.join(parts)})"


class VersionAction(argparse.Action):
    """An argparse action like action="version", but the report is read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        kwargs.setdefault(
            "help", "print the version with those of torch, diffusers and transformers, then exit"
        )
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option: str | None = None
    ) -> None:
        print(version_report())
        parser.exit()
