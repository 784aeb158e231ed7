"""Where the published formats of the processing log are described."""

from pathlib import Path

# The JSON Schema of one line of the Logboek Dataverwerkingen export.
LOGBOEK_SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "logboek-export.schema.json"
