"""Every distribution selon imports at run time is installed by `pip install .` on its own, with any pip.

A dependency reached only through an extra that *another* package asks for (justext wants `lxml[html_clean]`)
is not installed by every pip: in a fresh `python -m venv` (pip 23.2) `pip install .` succeeded and `selon` died
at import. So the closure of requirements is computed here from pyproject.toml the strict way, following the
extras selon itself names but never those a dependency names, and every module the commands and the server
load must come from a distribution in it. CI also installs the package that way (`.ci/run`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11")
REPO = Path(__file__).resolve().parents[1]
ENTRY_POINTS = ["selon.cli.main", "selon.ingest.html", "selon.pipeline", "selon.web.app", "selon.corpus"]


def strict_closure() -> set[str]:
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    found: set[str] = set()
    pending = [(Requirement(text), True) for text in declared]
    while pending:
        requirement, ours = pending.pop()
        extras = requirement.extras if ours else set()  # a dependency's wish for extras may be dropped
        name = canonicalize_name(requirement.name)
        if name in found and not extras:
            continue
        found.add(name)
        try:
            children = requires(requirement.name) or []
        except PackageNotFoundError:
            continue
        for text in children:
            child = Requirement(text)
            if child.marker is None or any(child.marker.evaluate({"extra": x}) for x in ["", *sorted(extras)]):
                pending.append((child, False))
    return found


def loaded_distributions() -> set[str]:
    code = (f"import json, sys\nfor m in {ENTRY_POINTS!r}: __import__(m)\n"
            "print(json.dumps(sorted({n.split('.')[0] for n in sys.modules})))")
    modules = json.loads(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                        text=True, cwd=REPO).stdout)
    owners = packages_distributions()
    return {canonicalize_name(dist) for module in modules for dist in owners.get(module, [])[:1]} - {"selon"}


def test_every_distribution_loaded_at_run_time_is_declared_or_strictly_required() -> None:
    missing = sorted(loaded_distributions() - strict_closure())
    assert not missing, f"declare these in pyproject.toml's dependencies: {missing}"
