"""Markdown extension: <caption> is a block-level element, so that a table written in HTML with
markdown="1" (templates/overviews/) keeps its caption as the table's first child instead of
wrapping it in a paragraph (invalid HTML that the sanitiser refuses)."""

from __future__ import annotations

from markdown import Extension


class CaptionExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 - Markdown's API
        if "caption" not in md.block_level_elements:
            md.block_level_elements.append("caption")


def makeExtension(**kwargs) -> CaptionExtension:  # noqa: N802 - Markdown's API
    return CaptionExtension(**kwargs)
