"""spaCy pipeline components. Importing this package registers their factories.

Each component is a small class registered with ``@Language.factory``,
configured by keyword arguments, and storing its results on the ``Doc``:

* ``twinning_sentences``: sentence starts that respect line structure;
* ``twinning_dates``: DATE spans with ``span._.date_value`` (ISO prefix);
* ``twinning_people``: PERSON spans with ``span._.role``;
* ``twinning_places``: CITY/REGION/COUNTRY spans with ``span._.place``;
* ``twinning_partnerships``: ``doc._.home``, ``doc._.partnerships``, ``doc._.people``.

With ``--model``, ``twinning_model_stash`` and ``twinning_model_merge`` merge a
statistical NER's PER/LOC/ORG entities with these (see ``model_merge``).

Spans of every component are kept in ``doc.spans[<group>]`` and merged into
``doc.ents`` without overwriting what an earlier component set.
"""

from . import dates, model_merge, partnerships, people, places, sentences  # noqa: F401
from .extensions import register_extensions

register_extensions()
