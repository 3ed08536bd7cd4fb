"""Pre-annotations out, gold in: Label Studio and doccano.

``extract export`` turns a run's documents, or gold files with their texts, into
the tools' import formats; ``extract import-gold`` turns the tools' exports back
into gold files, validated as ``extract evaluate`` validates gold.

The mapping (the same for both tools):

* each entity is a labelled character span (CITY, REGION, COUNTRY, PERSON,
  DATE); a DATE's normalised value travels with its span (Label Studio: a
  per-region text area ``date_value``; doccano: the task's ``date_values`` by
  entity id);
* each partnership whose two sides are named by spans in the text is a relation
  between those spans, labelled with its kind (``partnership``, ``friendship``,
  ``cooperation``, ``project``); deleting the relation in the tool deletes the
  partnership, drawing a new one adds a partnership of that kind;
* everything a span cannot carry travels as task metadata and comes back
  unchanged: the doc id, the text's hash, the home, each partnership's full
  record (aliases, country, status, since, events) and the people.

Label Studio tasks carry the annotations as ``predictions`` (pre-annotations);
an export of completed tasks has ``annotations``, and the newest one is read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from .evaluate import GoldError, load_gold_file
from .records import KINDS, LABELS, DocumentRecord, EntityRecord, PartnershipRecord
from .review import LABEL_COLORS
from .text import fold_name

LABEL_STUDIO = "labelstudio"
DOCCANO = "doccano"


def labelstudio_config() -> str:
    """The labelling configuration that matches the exported tasks."""
    labels = "\n".join(f'    <Label value="{label}" background="{LABEL_COLORS[label]}"/>' for label in LABELS)
    relations = "\n".join(f'    <Relation value="{kind}"/>' for kind in KINDS)
    return (
        "<View>\n"
        f"  <Relations>\n{relations}\n  </Relations>\n"
        f'  <Labels name="label" toName="text">\n{labels}\n  </Labels>\n'
        '  <Text name="text" value="$text"/>\n'
        '  <TextArea name="date_value" toName="text" perRegion="true" editable="true" '
        'placeholder="ISO date prefix, e.g. 1990-05-03"/>\n'
        "</View>\n"
    )


# -- out ----------------------------------------------------------------------------
def _side_span(record: DocumentRecord, names: list[str], ids: dict[tuple[int, int], str]) -> str | None:
    """The id of the first place span whose text is one of the side's names."""
    folded = {fold_name(n) for n in names}
    for entity in record.entities:
        if entity.label in ("CITY", "REGION") and fold_name(entity.text) in folded:
            return ids[(entity.start, entity.end)]
    return None


def _relations(record: DocumentRecord, ids: dict[tuple[int, int], str]) -> tuple[list[dict], list[dict]]:
    """(relations, partnership metadata): each partnership with both sides in the text
    becomes a relation; every partnership's full record goes to the metadata."""
    relations, metadata = [], []
    for k, p in enumerate(record.partnerships):
        data = p.to_dict()
        a, b = _side_span(record, p.a, ids), _side_span(record, p.b, ids)
        if a is not None and b is not None and a != b:
            relation_id = f"r{k}"
            relations.append({"id": relation_id, "from_id": a, "to_id": b, "type": p.kind})
            data["relation"] = relation_id
        metadata.append(data)
    return relations, metadata


def _metadata(record: DocumentRecord) -> dict:
    return {"doc_id": record.doc_id, "text_sha256": record.text_sha256, "home": record.home}


def to_labelstudio(record: DocumentRecord, text: str, task_id: int) -> dict:
    ids = {(e.start, e.end): f"e{k}" for k, e in enumerate(record.entities)}
    result: list[dict] = []
    for entity in record.entities:
        region = ids[(entity.start, entity.end)]
        value = {"start": entity.start, "end": entity.end, "text": entity.text}
        result.append(
            {
                "id": region,
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {**value, "labels": [entity.label]},
            }
        )
        if entity.label == "DATE" and entity.value:
            result.append(
                {
                    "id": region,
                    "from_name": "date_value",
                    "to_name": "text",
                    "type": "textarea",
                    "value": {**value, "text": [entity.value]},
                }
            )
    relations, partnerships = _relations(record, ids)
    for relation in relations:
        result.append(
            {
                "type": "relation",
                "from_id": relation["from_id"],
                "to_id": relation["to_id"],
                "direction": "right",
                "labels": [relation["type"]],
            }
        )
    data = {
        "text": text,
        **_metadata(record),
        "partnerships": partnerships,
        "people": [p.to_dict() for p in record.people],
    }
    return {"id": task_id, "data": data, "predictions": [{"model_version": "twinning-extract", "result": result}]}


def to_doccano(record: DocumentRecord, text: str, task_id: int) -> dict:
    ids = {(e.start, e.end): f"e{k}" for k, e in enumerate(record.entities)}
    entities = [
        {"id": ids[(e.start, e.end)], "label": e.label, "start_offset": e.start, "end_offset": e.end}
        for e in record.entities
    ]
    relations, partnerships = _relations(record, ids)
    date_values = {ids[(e.start, e.end)]: e.value for e in record.entities if e.label == "DATE" and e.value}
    return {
        "id": task_id,
        "text": text,
        "entities": entities,
        "relations": relations,
        **_metadata(record),
        "date_values": date_values,
        "partnerships": partnerships,
        "people": [p.to_dict() for p in record.people],
    }


def export_documents(documents: Iterator[tuple[DocumentRecord, str]], fmt: str) -> str:
    """The documents in the tool's import format: a JSON list (Label Studio) or JSONL (doccano)."""
    if fmt == LABEL_STUDIO:
        tasks = [to_labelstudio(record, text, k + 1) for k, (record, text) in enumerate(documents)]
        return json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"
    lines = [
        json.dumps(to_doccano(record, text, k + 1), ensure_ascii=False) for k, (record, text) in enumerate(documents)
    ]
    return "\n".join(lines) + "\n"


def gold_documents(gold: Path, texts: Path) -> Iterator[tuple[DocumentRecord, str]]:
    """Gold files with their texts, validated."""
    for path in sorted(p for p in gold.glob("*.json") if p.name != "evaluation.json"):
        text_path = next(
            (texts / f"{path.stem}{s}" for s in (".txt", ".md") if (texts / f"{path.stem}{s}").exists()), None
        )
        if text_path is None:
            raise GoldError(f"{path}: no text {path.stem}.txt in {texts}")
        text = text_path.read_bytes().decode("utf-8")
        yield load_gold_file(path, text), text


# -- in -----------------------------------------------------------------------------
class TaskError(ValueError):
    """A task that cannot become a gold file: the message names the task and the problem."""


def _read_tasks(path: Path, fmt: str) -> list[dict]:
    raw = path.read_text(encoding="utf-8")
    if fmt == LABEL_STUDIO:
        tasks = json.loads(raw)
        if not isinstance(tasks, list):
            raise ValueError("a Label Studio export is a JSON list of tasks")
        return tasks
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def _labelstudio_parts(task: dict) -> tuple[dict, list[dict], list[dict], dict[str, str]]:
    """(metadata, entities with ids, relations, date values) of a Label Studio task."""
    data = task.get("data") or {}
    sources = task.get("annotations") or task.get("predictions") or []
    results = sources[-1].get("result", []) if sources else []
    entities, relations, dates = [], [], {}
    for item in results:
        kind = item.get("type")
        value = item.get("value") or {}
        if kind == "labels":
            labels = value.get("labels") or []
            entities.append(
                {
                    "id": item.get("id"),
                    "label": labels[0] if labels else None,
                    "start": value.get("start"),
                    "end": value.get("end"),
                    "text": value.get("text"),
                }
            )
        elif kind == "textarea" and item.get("from_name") == "date_value":
            texts = value.get("text") or []
            if texts:
                dates[item.get("id")] = texts[0]
        elif kind == "relation":
            labels = item.get("labels") or []
            relations.append(
                {
                    "from_id": item.get("from_id"),
                    "to_id": item.get("to_id"),
                    "type": labels[0] if labels else "partnership",
                }
            )
    return data, entities, relations, dates


def _doccano_parts(task: dict) -> tuple[dict, list[dict], list[dict], dict[str, str]]:
    entities = [
        {"id": e.get("id"), "label": e.get("label"), "start": e.get("start_offset"), "end": e.get("end_offset")}
        for e in task.get("entities", [])
    ]
    relations = [
        {"id": r.get("id"), "from_id": r.get("from_id"), "to_id": r.get("to_id"), "type": r.get("type")}
        for r in task.get("relations", [])
    ]
    return task, entities, relations, {str(k): v for k, v in (task.get("date_values") or {}).items()}


def task_to_gold(task: dict, fmt: str, texts: Path) -> dict:
    """One task as a gold file's dictionary; TaskError names what is wrong."""
    data, entities, relations, dates = (_labelstudio_parts if fmt == LABEL_STUDIO else _doccano_parts)(task)
    doc_id = data.get("doc_id")
    name = f"task {task.get('id')} ({doc_id or 'no doc_id'})"
    if not doc_id:
        raise TaskError(f"{name}: no doc_id in the task's data")
    text_path = next((texts / f"{doc_id}{s}" for s in (".txt", ".md") if (texts / f"{doc_id}{s}").exists()), None)
    if text_path is None:
        raise TaskError(f"{name}: no text {doc_id}.txt in {texts}")
    raw = text_path.read_bytes()
    text = raw.decode("utf-8")
    spans: dict[str, EntityRecord] = {}
    records = []
    for e in sorted(entities, key=lambda e: (e["start"] if isinstance(e["start"], int) else -1, e["end"] or 0)):
        if e["label"] not in LABELS:
            raise TaskError(f"{name}: unknown label {e['label']!r}")
        if not (isinstance(e["start"], int) and isinstance(e["end"], int) and 0 <= e["start"] < e["end"] <= len(text)):
            raise TaskError(f"{name}: span {e['start']}-{e['end']} lies outside the text")
        if e.get("text") is not None and e["text"] != text[e["start"] : e["end"]]:
            found = text[e["start"] : e["end"]]
            raise TaskError(f"{name}: span {e['start']}-{e['end']} is {found!r} in the text, not {e['text']!r}")
        record = EntityRecord(e["start"], e["end"], e["label"], text[e["start"] : e["end"]])
        if e["label"] == "DATE":
            record.value = dates.get(str(e["id"]))
        spans[str(e["id"])] = record
        records.append(record)
    by_relation: dict[str, PartnershipRecord] = {}
    partnerships = []
    for data_p in data.get("partnerships") or []:
        relation = data_p.pop("relation", None) if isinstance(data_p, dict) else None
        partnership = PartnershipRecord.from_dict(data_p)
        if relation is not None:
            by_relation[relation] = partnership
        partnerships.append((relation, partnership))
    kept_relations = set()
    for k, r in enumerate(relations):
        if str(r["from_id"]) not in spans or str(r["to_id"]) not in spans:
            raise TaskError(f"{name}: a relation refers to a span that is not there ({r['from_id']} -> {r['to_id']})")
        if r["type"] not in KINDS:
            raise TaskError(f"{name}: unknown relation label {r['type']!r}")
        a, b = spans[str(r["from_id"])], spans[str(r["to_id"])]
        known = _known_pair(by_relation, a.text, b.text)
        if known is not None:
            kept_relations.add(known[0])
            known[1].kind = r["type"]
        else:  # drawn in the tool: a new partnership
            new = PartnershipRecord([a.text], [b.text], None, r["type"], "active", None, [])
            partnerships.append((f"new{k}", new))
            kept_relations.add(f"new{k}")
    gold = {
        "doc_id": doc_id,
        "text_sha256": hashlib.sha256(raw).hexdigest(),
        "home": list(data.get("home") or []),
        "entities": [_gold_entity(e) for e in records],
        "partnerships": [
            _gold_partnership(p) for relation, p in partnerships if relation is None or relation in kept_relations
        ],
        "people": list(data.get("people") or []),
    }
    if data.get("text_sha256") and data["text_sha256"] != gold["text_sha256"]:
        raise TaskError(f"{name}: the text {text_path} is not the text the task was made from (text_sha256 differs)")
    return gold


def _known_pair(by_relation: dict[str, PartnershipRecord], a: str, b: str) -> tuple[str, PartnershipRecord] | None:
    for relation, p in by_relation.items():
        names_a, names_b = {fold_name(n) for n in p.a}, {fold_name(n) for n in p.b}
        if fold_name(a) in names_a and fold_name(b) in names_b or fold_name(a) in names_b and fold_name(b) in names_a:
            return relation, p
    return None


def _gold_entity(e: EntityRecord) -> dict:
    """The gold file's keys of an entity: no GeoNames links."""
    out: dict = {"start": e.start, "end": e.end, "label": e.label, "text": e.text}
    if e.label == "DATE":
        out["value"] = e.value
    return out


def _gold_partnership(p: PartnershipRecord) -> dict:
    """The gold file's keys of a partnership, in the gold file's order."""
    return {
        "a": p.a,
        "b": p.b,
        "b_country": p.b_country,
        "kind": p.kind,
        "status": p.status,
        "since": p.since,
        "events": [e.to_dict() for e in p.events],
    }


def import_gold(path: Path, fmt: str, texts: Path, out: Path) -> tuple[list[Path], list[str]]:
    """Gold files from an annotation export; returns the files written and one error
    line per task that failed (nothing is written for those)."""
    from .writers import write_atomic

    written, errors = [], []
    for task in _read_tasks(path, fmt):
        try:
            gold = task_to_gold(task, fmt, texts)
            text = texts / f"{gold['doc_id']}.txt"
            if text.exists():
                load_gold_file_from_dict(gold, text.read_bytes().decode("utf-8"))
        except (TaskError, GoldError, KeyError, TypeError, ValueError) as exc:
            errors.append(str(exc))
            continue
        target = out / f"{gold['doc_id']}.json"
        write_atomic(target, json.dumps(gold, ensure_ascii=False, indent=2) + "\n")
        written.append(target)
    return written, errors


def load_gold_file_from_dict(gold: dict, text: str) -> None:
    """Validate a gold dictionary as ``extract evaluate`` validates a gold file."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{gold['doc_id']}.json"
        path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        load_gold_file(path, text)
