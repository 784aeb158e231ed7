"""What work adds to the whole (``schakel.core.extensions``): the work-items endpoint."""

API_URLS = ["schakel.work.api.urls"]
