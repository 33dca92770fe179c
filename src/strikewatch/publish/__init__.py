"""Publishing: compare event lists, export them, draw their timeline.

Pure functions over ``list[Event]`` (from the database or a reference list);
the ``strikewatch compare|export|timeline`` commands are thin shells over them.
Heavy libraries (SQLAlchemy, pyarrow, matplotlib) are imported inside the
functions that need them, never when this package is imported.
"""

from __future__ import annotations
