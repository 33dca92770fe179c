"""Extract: one document in, every event it reports out, each field traced to the text."""

from strikewatch.extract.pipeline import COMPONENTS, VERSION, extract_document, extract_many

__all__ = ["COMPONENTS", "VERSION", "extract_document", "extract_many"]
