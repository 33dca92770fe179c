"""``python -m strikewatch``: the same CLI as the ``strikewatch`` script."""

from strikewatch.cli import main

main()
