"""Site settings that the package needs, read from mkdocs.yml without importing MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even if it uses MkDocs' own tags (!ENV, !relative, ...)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    repo_url: str | None
    edit_uri: str | None
    site_url: str | None
    default_owner: str


def load_settings(root: Path) -> Settings:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    ours = (config.get("extra") or {}).get("kennisschakels") or {}
    return Settings(config.get("repo_url"), config.get("edit_uri"), config.get("site_url"),
                    ours.get("redactie", "@redactie"))
