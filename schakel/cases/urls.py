"""Case, meeting and document pages under one namespace, ``cases``; each group keeps its own
module so that the pages of one concept stay together."""

from schakel.cases import case_urls, document_urls
from schakel.cases.meetings import urls as meeting_urls

app_name = "cases"

urlpatterns = [*case_urls.urlpatterns, *meeting_urls.urlpatterns, *document_urls.urlpatterns]
