"""Documents that leave the platform, rendered from HTML templates to tagged PDF (PDF/UA-1) with
WeasyPrint.

Every document extends ``core/pdf/document.html``: marked confidential on every page, numbered
("Pagina X van Y"), with the title and language for assistive technology. Rendering fetches
nothing from the network or the file system except the print stylesheet next to that template
(``LocalAssetFetcher``); a refused or failed fetch stops the rendering, so a document is never
produced without its marking.
"""

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from weasyprint import HTML  # type: ignore[import-untyped]
from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]

PDF_TEMPLATES = Path(__file__).resolve().parent / "templates" / "core" / "pdf"
# The only resources a document may load: the print stylesheet, from disk.
ALLOWED_ASSETS = ("document.css",)


class AssetRefusedError(ValueError):
    """A document asked for a resource other than its own stylesheet."""


class LocalAssetFetcher(URLFetcher):  # type: ignore[misc]
    """Serves the allowed assets from the template folder and refuses every other URL:
    no network, no other files, no data URLs. Failures are fatal to the rendering."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=True)
        self._assets = {
            (PDF_TEMPLATES / name).as_uri(): PDF_TEMPLATES / name for name in ALLOWED_ASSETS
        }

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        path = self._assets.get(url)
        if path is None:
            raise AssetRefusedError("Only the document's own stylesheet may be loaded.")
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": "text/css; charset=utf-8"}
        )


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """Render a template that extends ``core/pdf/document.html`` to a tagged PDF (PDF/UA-1:
    structure, language and title for assistive technology)."""
    html = render_to_string(template_name, context)
    document = HTML(
        string=html, base_url=PDF_TEMPLATES.as_uri() + "/", url_fetcher=LocalAssetFetcher()
    )
    return bytes(document.write_pdf(pdf_variant="pdf/ua-1"))
