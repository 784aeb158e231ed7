"""What the search adds to the whole (``schakel.core.extensions``): its processing activity.
The search box in the header comes from the context processor
``schakel.search.context_processors.search_box``."""

from schakel.search import activities

PROCESSING_ACTIVITIES = activities.REGISTER
