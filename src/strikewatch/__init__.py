"""strikewatch: news reports of armed-drone strikes into a curated, source-linked event database."""

__version__ = "0.1.0"
