"""What every derived page is made from: the checked catalogue, the settings and the build date."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from functools import cached_property

from kennisschakels.catalogue import Catalogue
from kennisschakels.repository import Repository
from kennisschakels.settings import Settings


def build_date(env=os.environ) -> datetime.date:
    """Today, or the day of SOURCE_DATE_EPOCH, so that a reproducible build says the same thing."""
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


@dataclass
class Context:
    catalogue: Catalogue
    settings: Settings
    today: datetime.date = field(default_factory=build_date)
    reports: list = field(default_factory=list)      # checked report definitions (kennisschakels.report)

    @cached_property
    def repository(self) -> Repository | None:
        return Repository.from_settings(self.settings)

    @property
    def site_url(self) -> str | None:
        return self.settings.public_site_url
