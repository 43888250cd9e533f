"""Site settings: the one place that reads mkdocs.yml (outside MkDocs) or takes them from the engine.

On GitHub Actions the repository the site is built in is known (GITHUB_SERVER_URL and
GITHUB_REPOSITORY), so a placeholder ``repo_url`` is replaced by the real one and the first
push gives working edit, new-file and guide links without editing mkdocs.yml.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

import yaml

PLACEHOLDER_OWNER = "ORGANISATIE"  # the owner in mkdocs.yml until the publishing organisation fills it in


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even if it uses MkDocs' own tags (!ENV, !relative, !!python/name, ...)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    site_name: str = "Kennisschakels"
    repo_url: str | None = None
    edit_uri: str | None = None
    site_url: str | None = None
    default_owner: str = "@redactie"
    contact_email: str = ""
    markdown_extensions: tuple[str, ...] = ()
    markdown_configs: Mapping[str, dict] = field(default_factory=dict)
    exclude_docs: str = ""                       # MkDocs' exclude_docs patterns (gitignore style)
    theme_files: tuple[str, ...] = ()            # extra_css and extra_javascript, relative to docs/

    @property
    def is_placeholder(self) -> bool:
        """Whether repo_url still names the placeholder organisation (links would be GitHub 404s)."""
        return PLACEHOLDER_OWNER in (self.repo_url or "")

    def for_environment(self, env: Mapping[str, str] = os.environ) -> "Settings":
        """These settings, with repo_url and site_url taken from GitHub Actions where they are placeholders."""
        server, repository = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY")
        if not (self.is_placeholder and server and repository and "/" in repository):
            return self
        repo_url = f"{server.rstrip('/')}/{repository}"
        derived = replace(self, repo_url=repo_url)
        if self.site_url is None or PLACEHOLDER_OWNER.lower() in self.site_url.lower():
            derived = replace(derived, site_url=github_pages_url(repo_url))
        return derived

    @property
    def public_site_url(self) -> str | None:
        """site_url, or where GitHub Pages publishes the repository."""
        return self.site_url or github_pages_url(self.repo_url)


def github_pages_url(repo_url: str | None) -> str | None:
    """Where GitHub Pages publishes a repository: https://<owner>.github.io/<name>/."""
    match = re.match(r"https://github\.com/([^/]+)/([^/]+?)/?$", repo_url or "")
    return f"https://{match[1].lower()}.github.io/{match[2]}/" if match else None


def from_config(config: Mapping[str, Any]) -> Settings:
    """Settings from a parsed mkdocs.yml (or MkDocs' own config object, which is a mapping)."""
    extra = config.get("extra") or {}
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        names.append(name)
        configs[name] = dict(options or {})
    # MkDocs keeps extension options apart from the names once it has read the file.
    for name, options in (config.get("mdx_configs") or {}).items():
        configs[name] = dict(options or {})
    theme_files = []
    for key in ("extra_css", "extra_javascript"):
        for item in config.get(key) or []:
            path = item.get("path") if isinstance(item, dict) else getattr(item, "path", item)
            if isinstance(path, str):
                theme_files.append(path)
    exclude = config.get("exclude_docs") or ""
    return Settings(
        exclude_docs=exclude if isinstance(exclude, str) else _pattern_text(exclude),
        theme_files=tuple(theme_files),
        site_name=config.get("site_name") or "Kennisschakels",
        repo_url=config.get("repo_url"), edit_uri=config.get("edit_uri"), site_url=config.get("site_url") or None,
        default_owner=(extra.get("kennisschakels") or {}).get("redactie", "@redactie"),
        contact_email=(extra.get("contact") or {}).get("email", ""),
        markdown_extensions=tuple(names), markdown_configs={k: v for k, v in configs.items() if v},
    )


def _pattern_text(spec: Any) -> str:
    """MkDocs turns exclude_docs into a compiled pathspec; the patterns are what we need."""
    return "\n".join(p.pattern for p in getattr(spec, "patterns", []) if isinstance(getattr(p, "pattern", None), str))


def load_settings(root: Path) -> Settings:
    """Settings read from the repository's mkdocs.yml, adjusted for GitHub Actions."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    return from_config(yaml.load(text, Loader=_TolerantLoader) or {}).for_environment()
