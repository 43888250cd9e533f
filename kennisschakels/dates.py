"""ISO dates, with month precision where only the month is known (ISO 8601 'YYYY-MM')."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int
    day: int = 0  # 0: only the month is known; sorts before the days of that month

    @classmethod
    def parse(cls, text: str) -> "PartialDate | None":
        """The date, or None when the text is not a real ISO date."""
        match = _ISO.match(text.strip()) if isinstance(text, str) else None
        if not match:
            return None
        year, month, day = int(match[1]), int(match[2]), int(match[3] or 0)
        try:
            datetime.date(year, month, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    @property
    def dutch(self) -> str:
        """'25 april 2022', or 'september 2022' when only the month is known."""
        month = f"{MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {month}" if self.day else month

    @property
    def month_label(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"

    def as_date(self) -> datetime.date:
        return datetime.date(self.year, self.month, self.day or 1)
