"""The git diff driver's set-up: git runs plangen by the absolute path of the Python that has it."""
from __future__ import annotations

import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.shell.errors import Message, UsageError

ATTRIBUTE = "*.yaml diff=plangen"


def driver_command(python: str) -> str:
    """What git runs for a plan's diff: no PATH lookup, so a venv's plangen is found."""
    return f"{shlex.quote(python)} -m generator git-diff"


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                              check=False)
    except FileNotFoundError:
        raise UsageError(Message("git is not installed (or not on PATH)")) from None


def configure(repo: Path, python: str) -> str:
    """Write diff.plangen.command into REPO's own git config; the command written is returned."""
    inside = _git(repo, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise UsageError(Message("{folder} is not inside a git repository",
                                 {"folder": str(repo)}))
    command = driver_command(python)
    written = _git(repo, "config", "--local", "diff.plangen.command", command)
    if written.returncode != 0:
        raise UsageError(Message("git config failed: {reason}",
                                 {"reason": written.stderr.strip()}))
    return command


@dataclass(frozen=True)
class Setup:
    """What `plangen git-setup` did: the driver command written, and the .gitattributes line
    when git would not yet apply it to plan files (None: it does)."""

    command: str
    missing_attribute: str | None


def set_up(repo: Path, python: str) -> Setup:
    """configure REPO for PYTHON, and whether its .gitattributes still lacks ATTRIBUTE."""
    command = configure(repo, python)
    return Setup(command, None if has_attribute(repo) else ATTRIBUTE)


def has_attribute(repo: Path) -> bool:
    """Whether git applies the driver to a YAML file in REPO (per its .gitattributes)."""
    probe = _git(repo, "check-attr", "diff", "--", "plan.yaml")
    return probe.stdout.strip().endswith(": diff: plangen")
