"""The German rule vocabulary (``data/lexicon_de.toml``), loaded once."""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, Any]:
    data = resources.files("extract").joinpath("data/lexicon_de.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))
