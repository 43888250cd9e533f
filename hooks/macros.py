"""Macros for overview pages (pages opt in with ``render_macros: true``).

Thin adapter: each macro renders a template of the kennisschakels package with the
catalogue that the build hook loaded.
"""

from __future__ import annotations

from kennisschakels.render import render


def define_env(env) -> None:
    def overzicht(template: str, **context) -> str:
        """Render ``kennisschakels/templates/overviews/<template>.md`` for the current page."""
        catalogue = env.conf["extra"]["catalogus"]
        return render(f"overviews/{template}.md", catalogue, env.page.file.src_uri, **context)

    env.macro(overzicht)
