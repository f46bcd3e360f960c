"""The minimum-versions CI run pins what pyproject.toml declares: every direct dependency and extra."""

import importlib.util
import json
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+, as CI runs the generator

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("min_constraints", ROOT / ".ci" / "min_constraints.py")
min_constraints = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(min_constraints)


def _pyproject(tmp_path: Path, dependencies: list[str], extras: dict[str, list[str]]) -> Path:
    lines = ["[project]", 'name = "x"', f"dependencies = {json.dumps(dependencies)}"]
    lines += ["[project.optional-dependencies]"] + [f"{k} = {json.dumps(v)}" for k, v in extras.items()]
    path = tmp_path / "pyproject.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_every_dependency_and_every_extra_is_pinned_at_its_minimum_except_torch(tmp_path):
    path = _pyproject(
        tmp_path,
        ["torch>=2.5", "Jinja2>=3.1", "openai>=1.55.3,<3", "peft >= 0.17"],
        {"ui": ["gradio>=5.0", "lemminflect>=0.2.3; python_version >= '3.10'"], "test": ["pytest~=8.1"]},
    )
    assert min_constraints.minimum_constraints(path) == [
        "gradio==5.0",
        "jinja2==3.1",
        "lemminflect==0.2.3",
        "openai==1.55.3",
        "peft==0.17",
        "pytest==8.1",
    ]


@pytest.mark.parametrize("requirement", ["gradio", "gradio<6", "gradio>=5,>=5.1"])
def test_a_requirement_without_one_lower_bound_is_refused(tmp_path, requirement):
    with pytest.raises(ValueError, match="lower bound"):
        min_constraints.minimum_constraints(_pyproject(tmp_path, [requirement], {}))


def test_two_minimums_for_one_package_are_refused(tmp_path):
    path = _pyproject(tmp_path, ["xgrammar>=0.2.3"], {"hf": ["xgrammar>=0.2.2"]})
    with pytest.raises(ValueError, match="two different minimums"):
        min_constraints.minimum_constraints(path)


def test_the_projects_own_pyproject_pins_each_declared_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = {line.split("==")[0] for line in min_constraints.minimum_constraints(ROOT / "pyproject.toml")}
    declared = {r for r in project["dependencies"]} | {
        r for e in project["optional-dependencies"].values() for r in e
    }
    names = {min_constraints.minimum_pin(r)[0] for r in declared if not r.startswith("torch")}
    assert pinned == names and "diffusers" in pinned and "torch" not in pinned
