"""Merging a statistical NER model's entities with the rule-based ones.

``extract run --model NAME`` loads an installed spaCy German pipeline (for
example ``de_core_news_lg``). Its ``ner`` writes PER/LOC/ORG (and MISC) to
``doc.ents`` before our components run, so ``twinning_model_stash`` moves them
to ``doc.spans["model"]`` and clears ``doc.ents``; after the rule components,
``twinning_model_merge`` adds what the rules missed:

* PER/PERSON spans that overlap no entity become PERSON (leading titles and
  role words dropped);
* LOC/GPE spans that overlap no entity become places: labelled and linked by
  the gazetteer, else CITY when the name is not an ordinary German word
  (models also tag seas and mountains, which are no entities here);
* a rule PERSON inside a model ORG is dropped: a name inside an institution's
  name ("Lycée Edouard Branly") is not a person mentioned.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import CITY
from .extensions import UsesGazetteer
from .people import _role_of, _titles

_PERSON_LABELS = {"PER", "PERSON"}
_PLACE_LABELS = {"LOC", "GPE"}
_ORG_LABELS = {"ORG"}
_UNKNOWN_PLACE_MAX_ZIPF = 3.0


@Language.factory("twinning_model_stash")
class ModelEntityStash:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["model"] = list(doc.ents)
        doc.ents = []
        return doc


@Language.factory("twinning_model_merge")
class ModelEntityMerge(UsesGazetteer):
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        model = list(doc.spans.get("model", []))
        orgs = [s for s in model if s.label_ in _ORG_LABELS]
        ents = [
            e
            for e in doc.ents
            if not (
                e.label_ == "PERSON" and any(o.start <= e.start and e.end <= o.end and len(o) > len(e) for o in orgs)
            )
        ]
        taken = {i for e in ents for i in range(e.start, e.end)}
        for span in model:
            new = self._convert(doc, span)
            if new is not None and not taken & set(range(new.start, new.end)):
                ents.append(new)
                taken |= set(range(new.start, new.end))
        doc.ents = sorted(ents, key=lambda e: e.start)
        return doc

    @staticmethod
    def _inside(span: Span, others: list[Span]) -> bool:
        return any(o.start <= span.start and span.end <= o.end and len(o) > len(span) for o in others)

    def _convert(self, doc: Doc, span: Span) -> Span | None:
        if span.label_ in _PERSON_LABELS:
            start = span.start
            while start < span.end and (doc[start].text in _titles() or _role_of(doc[start].text)):
                start += 1
            if span.end - start < 1:
                return None
            return Span(doc, start, span.end, label="PERSON")
        if span.label_ in _PLACE_LABELS:
            places = self.gazetteer.lookup(span.text)
            if places:
                label = places[0].label
                new = Span(doc, span.start, span.end, label=label)
                new._.place = max((p for p in places if p.label == label), key=lambda p: p.population)
                return new
            if self.gazetteer.zipf(span.text) < _UNKNOWN_PLACE_MAX_ZIPF and span.text[:1].isupper():
                return Span(doc, span.start, span.end, label=CITY)
        return None
