"""The API's version: the major version is in the path (``/api/v1/``), the full semantic version
is in every response (``API-Version``) and in the OpenAPI document (NLGov API Design Rules,
/core/version-header and /core/semver). A change that partners can notice raises it and gets an
entry in docs/api-changelog.md."""

API_VERSION = "1.2.0"
API_VERSION_HEADER = "API-Version"
API_PREFIX = "/api/"
