"""CLI commands beyond extract/eval, one module each, registered in ``strikewatch.cli``."""
