"""Scoring predictions against gold, as ``gold-format.md`` defines it.

* Entities: P/R/F1 per label and micro-averaged, ``exact`` (same start, end and
  label) and ``overlap`` (same label, spans overlap, each gold and predicted
  span matched at most once: a maximum one-to-one matching).
* Partnerships: P/R/F1 on unordered pairs. A predicted side matches a gold side
  when its name (the first of its list) equals any gold alias after
  ``fold_name``; pairs are matched one-to-one. On matched pairs: accuracy of
  ``since``, ``kind``, ``status`` (and ``b_country``, reported as extra).
* Events: F1 on (pair, type, date); events of unmatched pairs are errors. Beside it,
  F1 over the matched pairs' events only: the event rules' share of the errors.
* People: F1 on (name, role), names compared with ``fold_name``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .records import LABELS, DocumentRecord, PartnershipRecord
from .text import fold_name


class GoldError(Exception):
    """A gold file that cannot be used; the message names the file and the problem."""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass
class Evaluation:
    exact: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})
    overlap: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})
    pairs: Counts = field(default_factory=Counts)
    since: Accuracy = field(default_factory=Accuracy)
    kind: Accuracy = field(default_factory=Accuracy)
    status: Accuracy = field(default_factory=Accuracy)
    b_country: Accuracy = field(default_factory=Accuracy)
    aliases: Accuracy = field(default_factory=Accuracy)
    home: Accuracy = field(default_factory=Accuracy)
    events: Counts = field(default_factory=Counts)
    # events of the pairs both sides have: what the event rules get right where the pair is right
    matched_events: Counts = field(default_factory=Counts)
    people: Counts = field(default_factory=Counts)
    details: dict[str, dict[str, list]] = field(default_factory=dict)
    # (confidence, right) of every predicted pair that has a confidence, and the gold pairs' count
    scored_pairs: list[tuple[float, bool]] = field(default_factory=list)
    gold_pairs: int = 0

    @staticmethod
    def micro(table: dict[str, Counts]) -> Counts:
        total = Counts()
        for counts in table.values():
            total.add(counts)
        return total

    def to_dict(self) -> dict[str, Any]:
        def entity_table(table: dict[str, Counts]) -> dict[str, Any]:
            out = {label: c.to_dict() for label, c in table.items()}
            out["micro"] = self.micro(table).to_dict()
            return out

        return {
            "entities": {"exact": entity_table(self.exact), "overlap": entity_table(self.overlap)},
            "partnerships": {
                "pairs": self.pairs.to_dict(),
                "since": self.since.to_dict(),
                "kind": self.kind.to_dict(),
                "status": self.status.to_dict(),
                "b_country": self.b_country.to_dict(),
                "alias_precision": self.aliases.to_dict(),
            },
            "home": self.home.to_dict(),
            "events": self.events.to_dict(),
            "events_on_matched_pairs": self.matched_events.to_dict(),
            "people": self.people.to_dict(),
            "confidence": confidence_report(self.scored_pairs, self.gold_pairs),
        }


# -- loading ---------------------------------------------------------------------
def load_gold_file(path: Path, text: str | None = None) -> DocumentRecord:
    """Read and check one gold file; ``text`` is the annotated text, when known."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: invalid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    pair_level = isinstance(data, dict) and data.get("level") == "pairs"
    if not isinstance(data, dict) or "doc_id" not in data or ("entities" not in data and not pair_level):
        raise GoldError(f"{path}: not a gold document (needs doc_id and entities, or \"level\": \"pairs\")")
    try:
        record = DocumentRecord.from_dict(data)
    except (KeyError, TypeError) as exc:
        raise GoldError(f"{path}: malformed record ({exc})") from exc
    if text is not None:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if record.text_sha256 != digest:
            raise GoldError(f"{path}: text_sha256 does not match the text of {record.doc_id}")
    for ent in record.entities:
        if ent.label not in LABELS:
            raise GoldError(f"{path}: unknown label {ent.label!r} at {ent.start}")
        bad_range = not (0 <= ent.start < ent.end) or (text is not None and ent.end > len(text))
        if bad_range or len(ent.text) != ent.end - ent.start:
            raise GoldError(f"{path}: offsets {ent.start}-{ent.end} do not fit entity {ent.text!r}")
        if text is not None and text[ent.start : ent.end] != ent.text:
            raise GoldError(f"{path}: text at {ent.start}-{ent.end} is not {ent.text!r}")
    return record


def load_records(folder: Path) -> dict[str, DocumentRecord]:
    records = {}
    for path in sorted(folder.glob("*.json")):
        if path.name == "evaluation.json":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        records[data["doc_id"]] = DocumentRecord.from_dict(data)
    return records


# -- matching --------------------------------------------------------------------
def max_matching(left: list[Any], right: list[Any], compatible: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (augmenting paths) between two lists."""
    edges = [[j for j, r in enumerate(right) if compatible(left_item, r)] for left_item in left]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def side_matches(pred_names: list[str], gold_names: Iterable[str]) -> bool:
    return bool(pred_names) and fold_name(pred_names[0]) in {fold_name(n) for n in gold_names}


def pair_matches(pred: PartnershipRecord, gold: PartnershipRecord) -> bool:
    return (side_matches(pred.a, gold.a) and side_matches(pred.b, gold.b)) or (
        side_matches(pred.a, gold.b) and side_matches(pred.b, gold.a)
    )


def _multiset_counts(gold: Counter, pred: Counter) -> Counts:
    tp = sum((gold & pred).values())
    return Counts(tp=tp, fp=sum(pred.values()) - tp, fn=sum(gold.values()) - tp)


# -- scoring ---------------------------------------------------------------------
def score_entities(gold: DocumentRecord, pred: DocumentRecord, evaluation: Evaluation) -> dict[str, list]:
    fps, fns = [], []
    for label in LABELS:
        g = [e for e in gold.entities if e.label == label]
        p = [e for e in pred.entities if e.label == label]
        gold_keys = Counter((e.start, e.end) for e in g)
        pred_keys = Counter((e.start, e.end) for e in p)
        evaluation.exact[label].add(_multiset_counts(gold_keys, pred_keys))
        matched = max_matching(g, p, lambda a, b: a.start < b.end and b.start < a.end)
        evaluation.overlap[label].add(Counts(len(matched), len(p) - len(matched), len(g) - len(matched)))
        fps += [
            f"{label} {e.start}-{e.end} {e.text!r}"
            for e in p
            if pred_keys[(e.start, e.end)] > gold_keys[(e.start, e.end)]
        ]
        fns += [
            f"{label} {e.start}-{e.end} {e.text!r}"
            for e in g
            if gold_keys[(e.start, e.end)] > pred_keys[(e.start, e.end)]
        ]
    return {"entity_fp": fps, "entity_fn": fns}


def score_partnerships(
    gold: DocumentRecord, pred: DocumentRecord, evaluation: Evaluation, events: bool = True
) -> dict[str, list]:
    """Pairs and their attributes; ``events=False`` for pair-level gold, which has none."""
    matched = max_matching(pred.partnerships, gold.partnerships, pair_matches)
    evaluation.pairs.add(
        Counts(len(matched), len(pred.partnerships) - len(matched), len(gold.partnerships) - len(matched))
    )
    event_counts = Counts()
    for i, j in matched:
        p, g = pred.partnerships[i], gold.partnerships[j]
        for acc, ok in (
            (evaluation.since, p.since == g.since),
            (evaluation.kind, p.kind == g.kind),
            (evaluation.status, p.status == g.status),
            (evaluation.b_country, _country_of_side(p, g) == g.b_country),
        ):
            acc.total += 1
            acc.correct += int(ok)
        correct, total = alias_hits(p, g)
        evaluation.aliases.correct += correct
        evaluation.aliases.total += total
        event_counts.add(
            _multiset_counts(Counter((e.type, e.date) for e in g.events), Counter((e.type, e.date) for e in p.events))
        )
    matched_pred = {i for i, _ in matched}
    matched_gold = {j for _, j in matched}
    evaluation.gold_pairs += len(gold.partnerships)
    evaluation.scored_pairs += [
        (p.confidence, i in matched_pred) for i, p in enumerate(pred.partnerships) if p.confidence is not None
    ]
    if events:
        evaluation.matched_events.add(event_counts)
    event_counts = Counts(event_counts.tp, event_counts.fp, event_counts.fn)
    event_counts.fp += sum(len(p.events) for i, p in enumerate(pred.partnerships) if i not in matched_pred)
    event_counts.fn += sum(len(g.events) for j, g in enumerate(gold.partnerships) if j not in matched_gold)
    if events:
        evaluation.events.add(event_counts)
    details = {
        "pair_fp": [f"{p.a[:1]} ~ {p.b[:1]}" for i, p in enumerate(pred.partnerships) if i not in matched_pred],
        "pair_fn": [f"{g.a[:1]} ~ {g.b[:1]}" for j, g in enumerate(gold.partnerships) if j not in matched_gold],
        "pair_mismatch": [],
    }
    for i, j in matched:
        p, g = pred.partnerships[i], gold.partnerships[j]
        diffs = [
            f"{k}: {getattr(p, k)!r} != {getattr(g, k)!r}"
            for k in ("since", "kind", "status")
            if getattr(p, k) != getattr(g, k)
        ]
        pe = Counter((e.type, e.date) for e in p.events)
        ge = Counter((e.type, e.date) for e in g.events)
        if events and pe != ge:
            diffs.append(f"events +{sorted((pe - ge).elements(), key=str)} -{sorted((ge - pe).elements(), key=str)}")
        if diffs:
            details["pair_mismatch"].append(f"{g.a[0]} ~ {g.b[0]}: " + "; ".join(diffs))
    return details


def alias_hits(pred: PartnershipRecord, gold: PartnershipRecord) -> tuple[int, int]:
    """How many of the names a matched prediction lists on its two sides are
    aliases of the gold side each side matched, and how many it lists."""
    straight = side_matches(pred.a, gold.a) and side_matches(pred.b, gold.b)
    gold_a, gold_b = (gold.a, gold.b) if straight else (gold.b, gold.a)
    hits = 0
    for names, gold_names in ((pred.a, gold_a), (pred.b, gold_b)):
        folded = {fold_name(n) for n in gold_names}
        hits += sum(fold_name(n) in folded for n in names)
    return hits, len(pred.a) + len(pred.b)


def score_home(gold: DocumentRecord, pred: DocumentRecord, evaluation: Evaluation) -> dict[str, list]:
    """Home accuracy over documents whose gold names a home."""
    if not gold.home:
        return {"home": [] if not pred.home else [f"predicted {pred.home[:1]}, gold has none"]}
    ok = side_matches(pred.home, gold.home)
    evaluation.home.total += 1
    evaluation.home.correct += int(ok)
    return {"home": [] if ok else [f"predicted {pred.home[:1]}, gold {gold.home[:1]}"]}


def _country_of_side(pred: PartnershipRecord, gold: PartnershipRecord) -> str | None:
    # b_country belongs to gold's side b; a prediction may have the sides swapped
    return pred.b_country if side_matches(pred.b, gold.b) else pred.a_country


def score_people(gold: DocumentRecord, pred: DocumentRecord, evaluation: Evaluation) -> dict[str, list]:
    def key(person) -> tuple[str, str]:
        return fold_name(person.name), (person.role or "").strip().casefold()

    g = Counter(key(p) for p in gold.people)
    p = Counter(key(p) for p in pred.people)
    evaluation.people.add(_multiset_counts(g, p))
    return {"people_fp": sorted(map(str, (p - g).elements())), "people_fn": sorted(map(str, (g - p).elements()))}


def evaluate(gold: dict[str, DocumentRecord], pred: dict[str, DocumentRecord]) -> Evaluation:
    """Score every gold document; a gold document without prediction scores as empty."""
    evaluation = Evaluation()
    for doc_id in sorted(gold):
        g = gold[doc_id]
        p = pred.get(doc_id) or DocumentRecord(doc_id, g.text_sha256)
        details: dict[str, list] = {}
        full = g.level == "full"  # pair-level gold holds no entities, events or people
        if full:
            details.update(score_entities(g, p, evaluation))
        details.update(score_partnerships(g, p, evaluation, events=full))
        if full:
            details.update(score_people(g, p, evaluation))
        details.update(score_home(g, p, evaluation))
        evaluation.details[doc_id] = details
    return evaluation


# -- report ----------------------------------------------------------------------
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
RELIABILITY_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)


def confidence_report(scored: list[tuple[float, bool]], n_gold: int) -> dict[str, Any]:
    """How well the pairs' confidence ranks and calibrates: precision and recall at a
    few thresholds, the area under the precision-recall curve (average precision,
    over the gold pairs), a reliability table and its expected calibration error."""
    ranked = sorted(scored, key=lambda s: -s[0])
    at = []
    for t in THRESHOLDS:
        kept = [right for c, right in ranked if c >= t]
        tp = sum(kept)
        at.append({
            "threshold": t, "pairs": len(kept),
            "precision": round(tp / len(kept), 3) if kept else None,
            "recall": round(tp / n_gold, 3) if n_gold else None,
        })  # fmt: skip
    hits, area = 0, 0.0
    for k, (_, right) in enumerate(ranked, start=1):
        if right:
            hits += 1
            area += hits / k
    table, error = [], 0.0
    for low, high in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:], strict=False):
        inside = [(c, right) for c, right in scored if low <= c < high]
        if not inside:
            continue
        predicted = sum(c for c, _ in inside) / len(inside)
        observed = sum(right for _, right in inside) / len(inside)
        table.append({"bin": f"{low:.1f}-{min(high, 1.0):.1f}", "predicted": round(predicted, 3),
                      "observed": round(observed, 3), "count": len(inside)})
        error += len(inside) / len(scored) * abs(predicted - observed)
    return {
        "pairs": len(scored),
        "at_threshold": at,
        "pr_auc": round(area / n_gold, 3) if n_gold else None,
        "reliability": table,
        "expected_calibration_error": round(error, 3) if scored else None,
    }


def format_report(evaluation: Evaluation, details: bool = False) -> str:
    lines = ["Entities            exact P / R / F1           overlap P / R / F1"]
    for label in (*LABELS, "micro"):
        e = evaluation.micro(evaluation.exact) if label == "micro" else evaluation.exact[label]
        o = evaluation.micro(evaluation.overlap) if label == "micro" else evaluation.overlap[label]
        lines.append(
            f"  {label:<8}  {e.precision:6.3f} {e.recall:6.3f} {e.f1:6.3f}"
            f"       {o.precision:6.3f} {o.recall:6.3f} {o.f1:6.3f}"
        )
    pairs = evaluation.pairs
    lines += [
        f"Partnership pairs   P {pairs.precision:.3f}  R {pairs.recall:.3f}  F1 {pairs.f1:.3f}"
        f"   (tp {pairs.tp}, fp {pairs.fp}, fn {pairs.fn})",
        f"  on matched pairs: since {evaluation.since.value:.3f}  kind {evaluation.kind.value:.3f}"
        f"  status {evaluation.status.value:.3f}  b_country {evaluation.b_country.value:.3f}"
        f"  alias precision {evaluation.aliases.value:.3f}",
        f"Home                {evaluation.home.correct} of {evaluation.home.total} documents"
        f"  ({evaluation.home.value:.3f})",
        f"Events              P {evaluation.events.precision:.3f}  R {evaluation.events.recall:.3f}"
        f"  F1 {evaluation.events.f1:.3f}   on matched pairs F1 {evaluation.matched_events.f1:.3f}"
        f" (tp {evaluation.matched_events.tp}, fp {evaluation.matched_events.fp}, fn {evaluation.matched_events.fn})",
        f"People              P {evaluation.people.precision:.3f}  R {evaluation.people.recall:.3f}"
        f"  F1 {evaluation.people.f1:.3f}",
    ]
    report = confidence_report(evaluation.scored_pairs, evaluation.gold_pairs)
    if report["pairs"]:
        cells = "  ".join(
            f">={a['threshold']:.1f} P {a['precision']:.2f} R {a['recall']:.2f}"
            for a in report["at_threshold"]
            if a["precision"] is not None and a["recall"] is not None
        )
        ece = report["expected_calibration_error"]
        lines.append(f"Confidence          PR-AUC {report['pr_auc']:.3f}  ECE {ece:.3f}  {cells}")
    if details:
        for doc_id, groups in evaluation.details.items():
            lines.append(f"\n== {doc_id}")
            for name, items in groups.items():
                for item in items:
                    lines.append(f"  {name:<14} {item}")
    return "\n".join(lines)
