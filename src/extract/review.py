"""A static review site of a run: ``extract review OUT [--gold DIR]`` writes ``OUT/review/``.

* ``index.html``: one row per document with its counts (entities, partnerships,
  people) and, with gold, its scores; a click on a column heading sorts by it.
* ``docs/<doc_id>.html``: the text with its entities highlighted by label
  (spaCy's displaCy renders the markup), the partnerships with kind, since,
  events and the rule that made them (``why``), each linked to its evidence in
  the text, and the people with role and place. With gold, spurious entities are
  struck through, missed ones marked, and missed and spurious pairs, events and
  people listed, so an error is seen where it happens.

Every page is self-contained: inline CSS and JavaScript, no fonts or scripts
from elsewhere, so it opens from disk without network access. Documents are
read one at a time, so the site can be written for any number of them.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

from .evaluate import GoldError, evaluate, load_gold_file
from .records import DocumentRecord, EntityRecord
from .runs import run_records
from .writers import write_atomic

LABEL_COLORS = {
    "CITY": "#7aecec",
    "REGION": "#bfeeb7",
    "COUNTRY": "#feca74",
    "PERSON": "#aa9cfc",
    "DATE": "#e4e7d2",
}
MISSED, SPURIOUS = "missed", "spurious"

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em auto; max-width: 70em;
       padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; cursor: pointer; user-select: none; }
td.num, th.num { text-align: right; }
.text { border: 1px solid #ddd; padding: 1em; white-space: normal; }
.text .entities { display: inline; line-height: 2.2 !important; }
.evidence-target:target { outline: 3px solid #f39c12; }
.missed { text-decoration: underline wavy #c0392b; }
mark.spurious { text-decoration: line-through; opacity: 0.7; }
.legend span { padding: 0.1em 0.5em; margin-right: 0.4em; border-radius: 0.3em; }
.low { color: #c0392b; font-weight: bold; }
.why { color: #666; font-size: 0.85em; }
tr.uncertain td { color: #888; font-style: italic; }
"""

SORT_SCRIPT = """
document.querySelectorAll("th").forEach(function (th, column) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = th.dataset.order !== "asc";
    th.dataset.order = ascending ? "asc" : "desc";
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.sort || a.cells[column].textContent;
      var y = b.cells[column].dataset.sort || b.cells[column].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var result = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return ascending ? result : -result;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
"""


def _page(title: str, body: str, script: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>\n<body>\n{body}\n"
        + (f"<script>{script}</script>\n" if script else "")
        + "</body></html>\n"
    )


def _esc(value: object) -> str:
    return "" if value is None else html.escape(str(value))


def render_text(text: str, entities: list[dict], anchors: list[int]) -> str:
    """The text with entity markup (displaCy), cut at each evidence start so that a
    link can point there. ``entities``: dicts with start, end, label (non-overlapping)."""
    from spacy import displacy

    colors = dict(LABEL_COLORS)
    for label, color in LABEL_COLORS.items():
        colors[f"{label} ({MISSED})"] = color
        colors[f"{label} ({SPURIOUS})"] = color
    cuts = sorted({0, len(text), *(a for a in anchors if 0 < a < len(text))})
    parts = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        inside = [
            {"start": e["start"] - start, "end": e["end"] - start, "label": e["label"]}
            for e in entities
            if start <= e["start"] and e["end"] <= end
        ]
        markup = displacy.render(
            {"text": text[start:end], "ents": inside, "title": None},
            style="ent",
            manual=True,
            page=False,
            options={"colors": colors},
        )
        for suffix, css in ((f"({SPURIOUS})</span>", SPURIOUS), (f"({MISSED})</span>", MISSED)):
            if suffix in markup:  # mark the whole entity, not only its label
                markup = _class_marks(markup, suffix, css)
        anchor = f' id="c{start}" class="evidence-target"' if start in anchors else ""
        parts.append(f"<span{anchor}>{markup}</span>")
    return '<div class="text">' + "".join(parts) + "</div>"


def _class_marks(markup: str, suffix: str, css: str) -> str:
    """Add a class to each ``<mark class="entity">`` whose label ends in ``suffix``."""
    out, pos = [], 0
    while True:
        found = markup.find(suffix, pos)
        if found < 0:
            out.append(markup[pos:])
            return "".join(out)
        mark = markup.rfind('<mark class="entity"', pos, found)
        out.append(
            markup[pos:mark] + f'<mark class="entity {css}"' + markup[mark + len('<mark class="entity"') : found]
        )
        out.append(suffix)
        pos = found + len(suffix)


def _entity_layer(pred: list[EntityRecord], gold: list[EntityRecord] | None) -> tuple[list[dict], list[EntityRecord]]:
    """The entities to draw: the predictions (spurious ones so marked) and the missed gold
    entities that overlap none of them; also the missed ones that could not be drawn."""
    if gold is None:
        return [{"start": e.start, "end": e.end, "label": e.label} for e in pred], []
    gold_keys = {(e.start, e.end, e.label) for e in gold}
    pred_keys = {(e.start, e.end, e.label) for e in pred}
    drawn = [
        {
            "start": e.start,
            "end": e.end,
            "label": e.label if (e.start, e.end, e.label) in gold_keys else f"{e.label} ({SPURIOUS})",
        }
        for e in pred
    ]
    undrawn = []
    for e in gold:
        if (e.start, e.end, e.label) in pred_keys:
            continue
        if any(e.start < d["end"] and d["start"] < e.end for d in drawn):
            undrawn.append(e)
        else:
            drawn.append({"start": e.start, "end": e.end, "label": f"{e.label} ({MISSED})"})
    drawn.sort(key=lambda d: d["start"])
    return drawn, undrawn


def document_page(record: DocumentRecord, text: str, gold: DocumentRecord | None) -> tuple[str, dict]:
    """One document's page and its index row."""
    drawn, undrawn = _entity_layer(record.entities, gold.entities if gold else None)
    shown = record.partnerships + record.uncertain
    anchors = sorted({p.evidence_start for p in shown if p.evidence_start is not None})
    rows = []
    # the least certain first: what a reviewer should look at
    for p in sorted(shown, key=lambda p: (p.confidence if p.confidence is not None else 2.0)):
        events = "; ".join(f"{e.type} {e.date or '–'}" for e in p.events)
        link = f'<a href="#c{p.evidence_start}">evidence</a>' if p.evidence_start is not None else ""
        set_aside = p in record.uncertain
        low = p.confidence is not None and p.confidence < 0.6
        confidence = "–" if p.confidence is None else f"{p.confidence:.2f}" + (" (set aside)" if set_aside else "")
        rows.append(
            f'<tr{" class=uncertain" if set_aside else ""}><td class="num{" low" if low else ""}">'
            f"{_esc(confidence)}</td><td>{_esc(' | '.join(p.a))}</td><td>{_esc(' | '.join(p.b))}</td>"
            f"<td>{_esc(p.kind)}</td><td>{_esc(p.status)}</td><td>{_esc(p.since)}</td><td>{_esc(events)}</td>"
            f'<td class="why">{_esc(p.why)}</td><td>{link}</td></tr>'
        )
    people = "".join(
        f"<tr><td>{_esc(p.name)}</td><td>{_esc(p.role)}</td><td>{_esc(p.place)}</td></tr>" for p in record.people
    )
    legend = "".join(f'<span style="background:{c}">{label}</span>' for label, c in LABEL_COLORS.items())
    body = [
        '<p><a href="../index.html">← all documents</a></p>',
        f"<h1>{_esc(record.doc_id)}</h1>",
        f"<p>Home: <b>{_esc(' | '.join(record.home) or '–')}</b>"
        + (f" (gold: {_esc(' | '.join(gold.home) or '–')})" if gold else "")
        + (f' <span class="why">{_esc(record.home_why)}</span>' if record.home_why else "")
        + "</p>",
        "<h2>Partnerships</h2>",
        "<p>The least certain first.</p>",
        "<table><thead><tr><th>confidence</th><th>a</th><th>b</th><th>kind</th><th>status</th><th>since</th>"
        "<th>events</th>"
        f"<th>why</th><th></th></tr></thead><tbody>{''.join(rows)}</tbody></table>",
        "<h2>People</h2>",
        f"<table><thead><tr><th>name</th><th>role</th><th>place</th></tr></thead><tbody>{people}</tbody></table>",
    ]
    row = {
        "doc_id": record.doc_id,
        "home": " | ".join(record.home),
        "entities": len(record.entities),
        "partnerships": len(record.partnerships),
        "lowest_confidence": min((p.confidence for p in shown if p.confidence is not None), default=None),
        "people": len(record.people),
    }
    if gold is not None:
        evaluation = evaluate({record.doc_id: gold}, {record.doc_id: record})
        details = evaluation.details[record.doc_id]
        row.update(
            entities_f1=evaluation.micro(evaluation.overlap).f1,
            pairs_f1=evaluation.pairs.f1 if (evaluation.pairs.tp + evaluation.pairs.fp + evaluation.pairs.fn) else None,
            events_f1=evaluation.events.f1
            if (evaluation.events.tp + evaluation.events.fp + evaluation.events.fn)
            else None,
            people_f1=evaluation.people.f1
            if (evaluation.people.tp + evaluation.people.fp + evaluation.people.fn)
            else None,
        )
        body.append("<h2>Against gold</h2><ul>")
        for name in ("pair_fp", "pair_fn", "pair_mismatch", "people_fp", "people_fn", "home"):
            for item in details.get(name, []):
                body.append(f"<li><b>{_esc(name)}</b> {_esc(item)}</li>")
        for e in undrawn:
            body.append(f"<li><b>entity missed</b> {_esc(e.label)} {e.start}-{e.end} {_esc(e.text)!r}</li>")
        body.append("</ul>")
    body += [
        "<h2>Text</h2>",
        f'<p class="legend">{legend} <span class="missed">missed</span> <s>spurious</s> (with gold)</p>',
        render_text(text, drawn, anchors),
    ]
    return _page(record.doc_id, "\n".join(body), SORT_SCRIPT), row


def index_page(rows: list[dict], with_gold: bool) -> str:
    columns = ["doc_id", "home", "entities", "partnerships", "lowest_confidence", "people"]
    if with_gold:
        columns += ["entities_f1", "pairs_f1", "events_f1", "people_f1"]
    head = "".join(f'<th class="{"num" if c not in ("doc_id", "home") else ""}">{c}</th>' for c in columns)
    lines = []
    for row in rows:
        cells = []
        for c in columns:
            value = row.get(c)
            if c == "doc_id":
                cells.append(f'<td><a href="docs/{_esc(value)}.html">{_esc(value)}</a></td>')
            elif isinstance(value, float):
                low = ' class="num low"' if value < 0.5 else ' class="num"'
                cells.append(f"<td{low}>{value:.3f}</td>")
            elif value is None:
                cells.append('<td class="num" data-sort="-1">–</td>')
            else:
                cells.append(f'<td class="{"num" if isinstance(value, int) else ""}">{_esc(value)}</td>')
        lines.append("<tr>" + "".join(cells) + "</tr>")
    body = (
        f"<h1>Review of {len(rows)} documents</h1>"
        "<p>Click a column heading to sort by it; click a document to see its text, entities, "
        "partnerships and people" + (" and its errors against gold." if with_gold else ".") + "</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"
    )
    return _page("Review", body, SORT_SCRIPT)


def run_documents(out: Path, partial: bool = False) -> Iterator[tuple[DocumentRecord, str]]:
    """A run's documents, one at a time: the records its ``run.json`` lists, with the
    text their offsets index (``OUT/texts/<doc_id>.txt``; empty where it is missing)."""
    for record in run_records([out], partial):
        text_path = out / "texts" / f"{record.doc_id}.txt"
        text = text_path.read_bytes().decode("utf-8") if text_path.exists() else ""
        yield record, text


def write_review(out: Path, gold_dir: Path | None = None, partial: bool = False) -> tuple[int, Path]:
    """Write ``out/review/``; returns the number of document pages and the index path."""
    folder = out / "review"
    rows = []
    for record, text in run_documents(out, partial):
        gold = None
        gold_path = gold_dir / f"{record.doc_id}.json" if gold_dir else None
        if gold_path is not None and gold_path.exists():
            try:
                gold = load_gold_file(gold_path, text)
            except GoldError as exc:
                raise GoldError(f"{gold_path}: {exc}") from exc
        page, row = document_page(record, text, gold)
        write_atomic(folder / "docs" / f"{record.doc_id}.html", page)
        rows.append(row)
    index = folder / "index.html"
    # the documents with the least certain pairs first; those without pairs last
    rows.sort(key=lambda r: (r["lowest_confidence"] is None, r["lowest_confidence"] or 0.0))
    write_atomic(index, index_page(rows, gold_dir is not None))
    return len(rows), index
