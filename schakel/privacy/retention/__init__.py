"""The retention engine: policies per object kind, legal holds, and the sweep that deletes or
anonymises person data when its term ends, proving each deletion without personal data."""
