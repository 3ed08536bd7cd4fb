"""spaCy pipeline components. Importing this package registers their factories.

Each component is a small class registered with ``@Language.factory``,
configured by keyword arguments, and storing its results on the ``Doc``:

* ``twinning_sentences``: sentence starts that respect line structure;
* ``twinning_dates``: DATE spans with ``span._.date_value`` (ISO prefix);
* ``twinning_people``: PERSON spans with ``span._.role``;
* ``twinning_places``: CITY/REGION/COUNTRY spans with ``span._.place``;
* ``twinning_structure``: ``doc._.blocks``, the lines as headings, lead-ins, items, paragraphs;
* ``twinning_partner_lines``: ``doc._.partner_lines``, partners named by list lines and sub-headings;
* ``twinning_home``: ``doc._.home_spans``, the publishing body's mentions, and ``doc._.home_why``;
* ``twinning_partnerships``: ``doc._.home`` (names), ``doc._.partnerships`` with their events;
* ``twinning_roles``: ``doc._.people``, each person's role and the body it belongs to.

With ``--model``, ``twinning_model_stash`` and ``twinning_model_merge`` merge a
statistical NER's PER/LOC/ORG entities with these (see ``model_merge``).

Spans of every component are kept in ``doc.spans[<group>]`` and merged into
``doc.ents`` without overwriting what an earlier component set.
"""

from . import dates, home, model_merge, partner_lines, partnerships, people, places, roles, sentences, structure  # noqa: F401
from .extensions import register_extensions

register_extensions()
