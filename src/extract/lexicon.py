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


def lexicon_bytes() -> bytes:
    return resources.files("extract").joinpath("data/lexicon_de.toml").read_bytes()


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, Any]:
    return tomllib.loads(lexicon_bytes().decode("utf-8"))
