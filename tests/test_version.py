"""`plan-and-render --version`: the project's version and the torch, diffusers and transformers in use."""

import subprocess
import sys
from importlib import metadata

import diffusers
import torch
import transformers

from renderer.cli import main


def test_version_names_the_project_and_the_libraries_in_use(capsys):
    assert main(["--version"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"regional-flux {metadata.version('regional-flux')} (")
    for module in (torch, diffusers, transformers):
        assert f"{module.__name__} {module.__version__}" in line
    assert "\n" not in line


def test_version_imports_no_model_library():
    code = "import sys; from renderer.cli import main; main(['--version']); print(sorted({'torch', 'diffusers', 'transformers'} & set(sys.modules)))"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.splitlines()[-1] == "[]"
