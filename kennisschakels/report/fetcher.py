"""What WeasyPrint may read while it lays out a report: files of the repository, nothing else.

- ``file:`` URLs only when the resolved path (symlinks followed) lies inside the repository,
  outside ``.git``, and is a contributed image type (the only resources the report HTML names);
- ``data:`` URLs only for images;
- every other scheme (``http:``, ``https:``, ``ftp:``, ...) is refused.

PDF attachments (``<link rel="attachment">``, ``<a rel="attachment">``) are fetched through the
same fetcher, so they are refused too; the sanitiser removes both elements' ``rel`` anyway, and
``render_pdf`` passes no ``attachments`` and no ``pdf_forms``. A refusal stops the layout
(``fail_on_errors``): a report never silently leaves something out.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


class RefusedResource(ValueError):
    """A resource the report may not read (the message is Dutch)."""


def check_url(url: str, root: Path) -> Path | None:
    """The repository file behind a ``file:`` URL (None for an allowed ``data:`` image); raises
    RefusedResource for anything else."""
    match = _SCHEME.match(url)
    scheme = match[1].lower() if match else ""
    if scheme == "data":
        if not url[5:].lower().startswith("image/") or url[5:].lower().startswith("image/svg"):
            raise RefusedResource("alleen afbeeldingen (geen SVG) mogen als data:-adres in het rapport")
        return None
    if scheme != "file":
        raise RefusedResource(f"het rapport haalt niets van buiten de repository ({url[:80]})")
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise RefusedResource(f"bestand op een andere machine ({url[:80]})")
    path = Path(unquote(parts.path)).resolve()
    root = root.resolve()
    if not path.is_relative_to(root) or ".git" in path.relative_to(root).parts:
        raise RefusedResource(f"bestand buiten de repository ({path})")
    if path.suffix.lower() not in IMAGE_TYPES:
        raise RefusedResource(f"bestandstype '{path.suffix}' hoort niet in het rapport ({path.relative_to(root)})")
    if not path.is_file():
        raise RefusedResource(f"bestand bestaat niet ({path.relative_to(root)})")
    return path


class RepositoryFetcher(URLFetcher):
    """WeasyPrint's fetcher, limited to the files of one repository."""

    def __init__(self, root: Path):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False, fail_on_errors=True)
        self.root = Path(root).resolve()

    def fetch(self, url, headers=None):
        path = check_url(url, self.root)
        if path is not None:
            url = path.as_uri()  # the resolved file, so a symlink swapped in afterwards changes nothing
        return super().fetch(url, headers)
