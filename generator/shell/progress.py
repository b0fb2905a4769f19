"""Progress of a long batch: a redrawn bar on a terminal, plain lines elsewhere, or nothing."""
from __future__ import annotations

from typing import Protocol, TextIO


class Progress(Protocol):
    """What a batch reports: how many items there are, each one done, the end."""

    def start(self, total: int) -> None:
        """The batch begins with TOTAL items."""

    def advance(self, name: str) -> None:
        """One more item (NAME) is done."""

    def finish(self) -> None:
        """The batch is over (done, failed or interrupted)."""


class Silent:
    """Reports nothing."""

    def start(self, total: int) -> None:
        """Nothing to show."""

    def advance(self, name: str) -> None:
        """Nothing to show."""

    def finish(self) -> None:
        """Nothing to show."""


class Lines:
    """One plain line per item done, `7/20 name`: for logs and pipes."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.total = 0
        self.done = 0

    def start(self, total: int) -> None:
        """Remember the total; nothing is printed until an item is done."""
        self.total, self.done = total, 0

    def advance(self, name: str) -> None:
        """Print `done/total name`."""
        self.done += 1
        self.stream.write(f"{self.done}/{self.total} {name}\n")
        self.stream.flush()

    def finish(self) -> None:
        """Every line is complete already."""


class Bar:
    """One line redrawn in place (carriage return): `[#######-----] 7/20 name`; for terminals."""

    def __init__(self, stream: TextIO, columns: int = 80, width: int = 20) -> None:
        self.stream = stream
        self.columns = max(columns, 20)
        self.width = width
        self.total = 0
        self.done = 0
        self.shown = 0  # length of the line on screen; 0: nothing drawn
        self.drawn = False

    def start(self, total: int) -> None:
        """Draw the empty bar."""
        self.total, self.done = total, 0
        self._draw("")

    def advance(self, name: str) -> None:
        """Redraw the bar with one more item done."""
        self.done += 1
        self._draw(name)

    def finish(self) -> None:
        """End the bar's line, so what follows starts on a new one."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False

    def _draw(self, name: str) -> None:
        filled = self.width * self.done // self.total if self.total > 0 else self.width
        line = f"[{'#' * filled}{'-' * (self.width - filled)}] {self.done}/{self.total}"
        if name:
            line += f" {name}"
        line = line[:self.columns - 1]  # a line as wide as the terminal would wrap
        self.stream.write("\r" + line.ljust(self.shown))
        self.stream.flush()
        self.shown = len(line)
        self.drawn = True


def for_stream(stream: TextIO, columns: int = 80) -> Progress:
    """The progress the command line shows on STREAM: a bar on a terminal, else plain lines.

    Only the command line calls this: the library is always given its Progress.
    """
    return Bar(stream, columns) if stream.isatty() else Lines(stream)
