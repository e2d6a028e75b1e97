"""Problems found in content, reported to authors as ``path:line:col: severity: message``."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing an author has to fix (error) or should look at (warning).

    ``path`` is the file as the author knows it (relative to where they run the command), so
    editors and terminals can jump to it; lines and columns are 1-based.
    """

    path: str
    line: int
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR
    col: int = 1

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """Return the one-line form ``path:line:col: error: message (hint)``."""
        text = f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.message)


def warning(path: str, line: int, message: str, hint: str = "", col: int = 1) -> Problem:
    return Problem(path, line, message, hint, Severity.WARNING, col)


def error(path: str, line: int, message: str, hint: str = "", col: int = 1) -> Problem:
    return Problem(path, line, message, hint, Severity.ERROR, col)


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        errors = [p for p in self.problems if p.is_error]
        lines = [p.format() for p in self.problems]
        lines.append(f"{len(errors)} error(s): fix them and build again.")
        return "\n".join(lines)
