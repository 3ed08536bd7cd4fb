"""Command line: ``extract run``, ``evaluate``, ``network`` and ``review``. Thin by design."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from .documents import DocumentError, find_documents
from .evaluate import GoldError, evaluate, format_report, load_gold_file, load_records
from .network import read_reference, write_network
from .records import DocumentRecord, records_in
from .runs import (
    RunError,
    RunManifest,
    claim_folder,
    completed_documents,
    run_records,
    write_manifest,
)
from .writers import TableSpool, write_atomic, write_errors

EXIT_OK, EXIT_SOME_FAILED, EXIT_CANNOT_RUN = 0, 1, 2

RUN_EXAMPLE = """example:
  extract run seeds/ --gold gold/            # extract, write outputs/, print scores
  extract run page.html brochure.pdf other/ --out results/
  extract run crawl.warc.gz --out crawl/ --workers 2 --resume   # continue an interrupted run

An output folder belongs to one run (OUT/run.json). A run into a folder that holds
another run's outputs refuses unless given --overwrite (replace them) or --resume
(continue an interrupted run with the same inputs and options: documents whose
records are complete are not extracted again). The same run repeated replaces its
own outputs.
"""
NETWORK_EXAMPLE = """example:
  extract network outputs/                    # outputs/network.csv and network.geojson again
  extract network run-monday/ run-tuesday/ --out merged/
"""
EVALUATE_EXAMPLE = """example:
  extract evaluate --gold gold/ --pred outputs/docs/ --details
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extract",
        description="Extract town-twinning partnerships from German municipal texts.",
        epilog="run 'extract run --help' or 'extract evaluate --help' for details",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run",
        help="extract from documents and write JSON and CSV",
        description="Extract places, people, dates, partnerships and events; write one JSON per "
        "document to OUT/docs/, the text its offsets index to OUT/texts/, and the tables "
        "entities.csv, partnerships.csv, events.csv, people.csv, errors.csv, and the partnership network "
        "across documents (network.csv, network.geojson) to OUT/. "
        "Exit status: 0 all done, 1 some documents failed, 2 nothing could run.",
        epilog=RUN_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt/.md/.html/.pdf files, corpus files (.warc, .warc.gz, .csv, .jsonl), or folders to search",
    )
    run.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (default: outputs/)")
    run.add_argument("--gold", type=Path, help="gold folder: also score the run against it")
    run.add_argument("--details", action="store_true", help="with --gold: list each document's errors")
    run.add_argument(
        "--model",
        help="an installed spaCy German pipeline (name or path, e.g. de_core_news_lg) whose "
        "PER/LOC/ORG entities are merged with the rule-based ones; default: rules only",
    )
    run.add_argument(
        "--workers", type=int, default=1, metavar="N", help="worker processes (default 1; 2 for a local Dask cluster)"
    )
    run.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="run here (default) or on a Dask cluster"
    )
    run.add_argument(
        "--scheduler", metavar="ADDRESS", help="with --engine dask: an existing scheduler, e.g. tcp://host:8786"
    )
    run.add_argument(
        "--text-column", default="text", metavar="NAME", help="CSV/JSONL corpora: the column of the text (default text)"
    )
    run.add_argument(
        "--id-column", default="id", metavar="NAME", help="CSV/JSONL corpora: the column of the doc id (default id)"
    )
    run.add_argument(
        "--html",
        choices=("trafilatura", "fast"),
        default="trafilatura",
        help="main text of HTML pages: trafilatura (default, closest) or fast (resiliparse, about 14x as fast; "
        "pip install 'twinning-extract[fast]')",
    )
    run.add_argument(
        "--urls",
        type=Path,
        metavar="FILE",
        help="a TSV or CSV of file name and URL: each page's address, evidence for its publisher "
        "(WARC records and a CSV/JSONL url column carry their own)",
    )
    run.add_argument(
        "--url-column", default="url", metavar="NAME", help="CSV/JSONL corpora: the column of the page's URL"
    )
    run.add_argument("--home", metavar="NAME", help="the publisher of every document (a folder of one body's pages)")
    run.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="set pairs of lower confidence (0-1) aside: kept in the document's JSON as uncertain_partnerships, "
        "not in the tables, the network or the scores (default 0: keep all; see the README on calibration)",
    )
    run.add_argument(
        "--overwrite", action="store_true", help="replace the outputs of another run in OUT (its files only)"
    )
    run.add_argument(
        "--resume",
        action="store_true",
        help="continue the interrupted run in OUT (same inputs and options): complete records are kept",
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar")

    net = sub.add_parser(
        "network",
        help="one partnership network across the documents of one or more runs",
        description="Read the per-document records of one or more output folders (OUT/docs/*.json) and "
        "write network.csv (one row per distinct partnership) and network.geojson, without extracting "
        "again. A document id found in several folders counts once (the first folder's).",
        epilog=NETWORK_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    net.add_argument("outputs", nargs="+", type=Path, metavar="OUT", help="output folders of 'extract run'")
    net.add_argument("--out", type=Path, help="where to write (default: the first OUT)")
    net.add_argument(
        "--reference",
        type=Path,
        metavar="FILE",
        help="known partnerships (a TSV in Wikidata's sister-city columns, e.g. ../shared/reference/"
        "wikidata-p190-germany.tsv): mark each row in_reference and list the homes' known partners "
        "that no document yielded in reference_missing.csv",
    )
    net.add_argument(
        "--min-confidence", type=float, default=0.0, metavar="X", help="leave out partnerships of lower confidence"
    )
    net.add_argument("--partial", action="store_true", help="read the records of a run that has not finished")

    rev = sub.add_parser(
        "review",
        help="a static review site of a run's documents",
        description="Write OUT/review/: index.html (documents with counts, and scores with --gold, "
        "sortable) and one page per document (text with entities highlighted, partnerships with "
        "their evidence, people; with --gold, the errors). Self-contained: opens from disk offline.",
        epilog="example:\n  extract review outputs/ --gold gold/\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rev.add_argument("out", type=Path, metavar="OUT", help="output folder of 'extract run'")
    rev.add_argument("--gold", type=Path, help="gold folder: mark each document's errors and scores")
    rev.add_argument("--partial", action="store_true", help="read the records of a run that has not finished")

    exp = sub.add_parser(
        "export",
        help="pre-annotations for Label Studio or doccano",
        description="Turn a run's documents (PATH: an output folder of 'extract run') or gold files "
        "(PATH: a gold folder, with --texts) into Label Studio's task JSON or doccano's JSONL: entities "
        "as labelled spans, partnerships as relations labelled with their kind, the rest as task metadata.",
        epilog="example:\n  extract export outputs/ --format labelstudio --out tasks.json\n"
        "  extract export gold/ --texts seeds/ --format doccano --out gold.jsonl\n"
        "  extract export --labelstudio-config > config.xml\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    exp.add_argument("path", nargs="?", type=Path, metavar="PATH", help="a run's output folder or a gold folder")
    exp.add_argument("--format", choices=("labelstudio", "doccano"), default="labelstudio")
    exp.add_argument("--texts", type=Path, help="with a gold folder: the folder of its texts")
    exp.add_argument("--out", type=Path, help="file to write (default: standard output)")
    exp.add_argument("--labelstudio-config", action="store_true", help="print Label Studio's labelling configuration")

    imp = sub.add_parser(
        "import-gold",
        help="gold files from a Label Studio or doccano export",
        description="Turn an annotation export (Label Studio's JSON export of tasks, doccano's JSONL) into "
        "gold files, validated as 'extract evaluate' validates gold; a task that fails gets a one-line "
        "error and no file. See docs/gold-format.md.",
        epilog="example:\n  extract import-gold export.json --format labelstudio --texts pages/ --out gold/\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument("file", type=Path, metavar="FILE", help="the tool's export")
    imp.add_argument("--format", choices=("labelstudio", "doccano"), default="labelstudio")
    imp.add_argument("--texts", type=Path, required=True, help="folder of the annotated texts")
    imp.add_argument("--out", type=Path, required=True, help="folder for the gold files")

    ev = sub.add_parser(
        "evaluate",
        help="score predictions against gold",
        description="Score per-document predictions against gold as docs/gold-format.md defines it; "
        "write evaluation.json next to the predictions.",
        epilog=EVALUATE_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ev.add_argument("--gold", type=Path, required=True, help="folder of gold JSON files")
    ev.add_argument("--pred", type=Path, required=True, help="folder of predicted JSON files")
    ev.add_argument("--texts", type=Path, help="folder of the source texts, to check gold offsets against")
    ev.add_argument("--details", action="store_true", help="list each document's false positives/negatives")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "run":
        return run_command(args)
    if args.command == "network":
        return network_command(args)
    if args.command == "review":
        return review_command(args)
    if args.command == "export":
        return export_command(args)
    if args.command == "import-gold":
        return import_command(args)
    return evaluate_command(args)


def _progress(items, quiet: bool, total: int | None = None):
    if total is None and isinstance(items, list):
        total = len(items)
    if quiet or (total is not None and total < 2):
        return items
    from tqdm import tqdm

    return tqdm(items, desc="documents", unit="doc", total=total, file=sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    if args.gold is not None and not any(args.gold.glob("*.json")):
        # checked before any document is extracted: a wrong path should not cost a whole run
        print(f"error: {args.gold}: no gold JSON files (see docs/gold-format.md)", file=sys.stderr)
        return EXIT_CANNOT_RUN
    paths, missing = find_documents(args.paths)
    errors: list[tuple[str, str, str]] = [(e.subject, "find", str(e)) for e in missing]
    warnings: list[tuple[str, str, str]] = []
    for error in missing:
        print(f"error: {error}", file=sys.stderr)
    if not paths:
        if not missing:
            print(
                "error: no .txt, .md, .html, .htm, .pdf or .warc(.gz) files in "
                + ", ".join(args.paths)
                + " (other files are skipped)",
                file=sys.stderr,
            )
        return EXIT_CANNOT_RUN

    from .corpora import read_address_list
    from .runner import prepare

    addresses: dict[str, str] = {}
    if args.urls is not None:
        try:
            addresses, address_warnings = read_address_list(args.urls)
        except DocumentError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_CANNOT_RUN
        for warning in address_warnings:
            warnings.append((str(args.urls), "read", warning))
            print(f"warning: {warning}", file=sys.stderr)
        unknown = sorted(set(addresses) - {p.name for p in paths})
        if unknown:
            message = f"{args.urls}: {len(unknown)} addresses for files not in this run (e.g. {unknown[0]})"
            warnings.append((str(args.urls), "read", message))
            print(f"warning: {message}", file=sys.stderr)

    if args.html == "fast" and importlib.util.find_spec("resiliparse") is None:
        print("error: --html fast needs resiliparse: pip install 'twinning-extract[fast]'", file=sys.stderr)
        return EXIT_CANNOT_RUN
    if args.engine == "dask" and importlib.util.find_spec("distributed") is None:
        print("error: --engine dask needs dask: pip install 'dask[distributed]'", file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        # pipeline and gazetteer loaded before any worker starts
        prepare(args.model, args.html, addresses, args.home, args.min_confidence)
    except (OSError, ValueError) as exc:
        print(f"error: cannot load spaCy model {args.model!r}: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    manifest = _manifest(args)
    try:
        lock, earlier = claim_folder(args.out, manifest, args.overwrite, args.resume)
    except RunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        return _run(args, manifest, paths, errors, warnings, earlier)
    finally:
        lock.release()


def _manifest(args: argparse.Namespace) -> RunManifest:
    """This run's description: the inputs and the options that shape its outputs."""
    from .gazetteer import cache_path
    from .runs import pipeline_version

    options = {
        "model": args.model, "html": args.html, "text_column": args.text_column, "id_column": args.id_column,
        "url_column": args.url_column, "urls": str(args.urls.resolve()) if args.urls else None,
        "home": args.home, "min_confidence": args.min_confidence,
    }  # fmt: skip
    inputs = [str(Path(p).resolve()) for p in args.paths]
    return RunManifest(inputs, options, pipeline_version(), cache_path().stem)


def _run(
    args: argparse.Namespace,
    manifest: RunManifest,
    paths: list[Path],
    errors: list[tuple[str, str, str]],
    warnings: list[tuple[str, str, str]],
    earlier: RunManifest | None,
) -> int:
    from .corpora import CorpusOptions, SkipCounts, is_corpus
    from .runner import dask_outcomes, expand_inputs, keep_completed, outcomes, read_kept, write_outputs

    done: dict[str, str] = {}
    if earlier is not None and earlier.pipeline == manifest.pipeline:
        done = completed_documents(args.out)
    elif earlier is not None:
        print(f"warning: {args.out}: written by another pipeline version; every document is extracted again",
              file=sys.stderr)  # fmt: skip
    keep_completed(done)  # set on every run: the workers of this one inherit it

    skipped = SkipCounts()
    # a corpus file's entries are counted only as they stream by
    total = None if any(is_corpus(p) for p in paths) else len(paths)
    inputs = expand_inputs(paths, CorpusOptions(args.text_column, args.id_column, args.url_column), skipped)
    records: dict[str, DocumentRecord] = {}  # kept for scoring only
    written: set[str] = set()
    progress = None if args.quiet else _progress
    if args.engine == "dask":
        stream = dask_outcomes(
            inputs, args.scheduler, max(args.workers, 2), args.model, progress=progress, total=total, html=args.html
        )
    else:
        stream = outcomes(inputs, args.workers, progress, out=args.out, keep_records=args.gold is not None, total=total)
    n_pairs = n_uncertain = n_reused = 0
    with TableSpool(args.out) as tables:  # each document's CSV lines wait on disk, not in memory
        for outcome in stream:
            if outcome.error is not None:
                errors.append(outcome.error)
                print(f"error: {outcome.error[2]}", file=sys.stderr)
                continue
            if outcome.reused:  # --resume: the interrupted run's record, read back
                read_kept(args.out, outcome, keep_record=args.gold is not None)
                n_reused += 1
            for warning in outcome.warnings:
                warnings.append((str(outcome.path), "read", warning))
                print(f"warning: {warning}", file=sys.stderr)
            if outcome.text is not None:  # the engine left the document's files to us
                write_outputs(args.out, outcome.doc_id, outcome.text, outcome.record)
            if outcome.record is not None:
                records[outcome.doc_id] = outcome.record
            tables.add(outcome.doc_id, outcome.csv)
            written.add(outcome.doc_id)
            n_pairs, n_uncertain = n_pairs + outcome.n_pairs, n_uncertain + outcome.n_uncertain
        tables.write()
        n_written = len(tables)
    # the network of this run's documents only
    write_network(records_in([args.out], written), args.out)
    write_errors(errors, args.out, warnings)
    noun = "document" if n_written == 1 else "documents"
    resumed = f" ({n_written - n_reused} extracted, {n_reused} kept from the interrupted run)" if args.resume else ""
    print(
        f"{n_written} {noun} written to {args.out}/{resumed}, {len(errors)} failed"
        + (f", {len(warnings)} with warnings (errors.csv)" if warnings else ""),
        file=sys.stderr,
    )
    below = f", {n_uncertain} more below {args.min_confidence:.2f} set aside" if args.min_confidence > 0 else ""
    print(f"  {n_pairs} partnerships{below}", file=sys.stderr)
    for corpus, count in sorted(skipped.by_corpus.items()):
        print(f"  skipped {count} WARC records of {corpus} that are not HTML pages", file=sys.stderr)
    for _path, stage, message in sorted(errors):
        print(f"  failed ({stage}): {message}", file=sys.stderr)

    counts = {
        "documents": n_written, "failed": len(errors), "warnings": len(warnings), "partnerships": n_pairs,
        "uncertain": n_uncertain, "extracted": n_written - n_reused, "kept": n_reused,
    }  # fmt: skip
    manifest.finish(written, counts)
    write_manifest(args.out, manifest)  # after every output: a run killed before this line is unfinished

    if args.gold:
        status = _score_run(args, records)
        if status != EXIT_OK:
            return status
    if not n_written:
        return EXIT_CANNOT_RUN
    return EXIT_SOME_FAILED if errors else EXIT_OK


def _score_run(args: argparse.Namespace, records: dict[str, DocumentRecord]) -> int:
    gold: dict[str, DocumentRecord] = {}
    for doc_id in sorted(records):
        path = args.gold / f"{doc_id}.json"
        if not path.exists():
            continue
        text = (args.out / "texts" / f"{doc_id}.txt").read_bytes().decode("utf-8")  # no newline translation
        try:
            gold[doc_id] = load_gold_file(path, text)
        except GoldError as exc:
            print(f"error: {exc} (see docs/gold-format.md)", file=sys.stderr)
            return EXIT_CANNOT_RUN
    if not gold:
        print(f"error: {args.gold}: no gold file for any of the documents", file=sys.stderr)
        return EXIT_CANNOT_RUN
    evaluation = evaluate(gold, records)
    write_atomic(args.out / "evaluation.json", json.dumps(evaluation.to_dict(), indent=2) + "\n")
    print(f"Scores on {len(gold)} gold documents")
    print(format_report(evaluation, details=args.details))
    return EXIT_OK


def network_command(args: argparse.Namespace) -> int:
    missing = [str(folder) for folder in args.outputs if not (folder / "docs").is_dir()]
    if missing:
        for folder in missing:
            print(f"error: {folder}: no docs/ folder of an 'extract run' output", file=sys.stderr)
        return EXIT_CANNOT_RUN
    out = args.out or args.outputs[0]
    out.mkdir(parents=True, exist_ok=True)
    reference = None
    if args.reference is not None:
        try:
            reference = read_reference(args.reference)
        except (OSError, ValueError) as exc:
            print(f"error: {args.reference}: cannot read the reference ({exc})", file=sys.stderr)
            return EXIT_CANNOT_RUN
    try:
        n_rows, paths = write_network(run_records(args.outputs, args.partial), out, reference, args.min_confidence)
    except RunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: cannot read the records: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    print(f"{n_rows} partnerships written to " + ", ".join(map(str, paths)), file=sys.stderr)
    return EXIT_OK


def review_command(args: argparse.Namespace) -> int:
    if not (args.out / "docs").is_dir():
        print(f"error: {args.out}: no docs/ folder of an 'extract run' output", file=sys.stderr)
        return EXIT_CANNOT_RUN
    if args.gold is not None and not args.gold.is_dir():
        print(f"error: {args.gold}: no such gold folder", file=sys.stderr)
        return EXIT_CANNOT_RUN
    from .review import write_review

    try:
        n_pages, index = write_review(args.out, args.gold, args.partial)
    except (GoldError, RunError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    print(f"{n_pages} document pages and {index} written", file=sys.stderr)
    return EXIT_OK


def export_command(args: argparse.Namespace) -> int:
    from .annotation import export_documents, gold_documents, labelstudio_config
    from .review import run_documents

    if args.labelstudio_config:
        sys.stdout.write(labelstudio_config())
        return EXIT_OK
    if args.path is None or not args.path.is_dir():
        print(f"error: {args.path}: give a run's output folder or a gold folder", file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        if (args.path / "docs").is_dir():
            documents = list(run_documents(args.path))
        elif args.texts is not None:
            documents = list(gold_documents(args.path, args.texts))
        else:
            print(f"error: {args.path}: a gold folder needs --texts (the folder of its texts)", file=sys.stderr)
            return EXIT_CANNOT_RUN
    except (OSError, GoldError, RunError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    content = export_documents(iter(documents), args.format)
    if args.out is None:
        sys.stdout.write(content)
    else:
        write_atomic(args.out, content)
        print(f"{len(documents)} tasks written to {args.out}", file=sys.stderr)
    return EXIT_OK


def import_command(args: argparse.Namespace) -> int:
    from .annotation import import_gold

    if not args.texts.is_dir():
        print(f"error: {args.texts}: no such folder of texts", file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        written, errors = import_gold(args.file, args.format, args.texts, args.out)
    except (OSError, ValueError) as exc:
        print(f"error: {args.file}: cannot read the export ({exc})", file=sys.stderr)
        return EXIT_CANNOT_RUN
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"{len(written)} gold files written to {args.out}, {len(errors)} tasks failed", file=sys.stderr)
    if not written:
        return EXIT_CANNOT_RUN
    return EXIT_SOME_FAILED if errors else EXIT_OK


def evaluate_command(args: argparse.Namespace) -> int:
    if not args.pred.is_dir():
        print(f"error: {args.pred}: no such folder of predictions", file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        pred = load_records(args.pred)
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {args.pred}: cannot read predictions ({exc})", file=sys.stderr)
        return EXIT_CANNOT_RUN
    gold: dict[str, DocumentRecord] = {}
    gold_paths = (
        sorted(p for p in args.gold.glob("*.json") if p.name != "evaluation.json") if args.gold.is_dir() else []
    )
    if not gold_paths:
        print(f"error: {args.gold}: no gold JSON files", file=sys.stderr)
        return EXIT_CANNOT_RUN
    for path in gold_paths:
        text = _source_text(args.texts, path.stem)
        try:
            record = load_gold_file(path, text)
        except GoldError as exc:
            print(f"error: {exc} (see docs/gold-format.md)", file=sys.stderr)
            return EXIT_CANNOT_RUN
        predicted = pred.get(record.doc_id)
        if text is None and predicted is not None and predicted.text_sha256 != record.text_sha256:
            print(f"error: {path}: text_sha256 differs from the prediction's text", file=sys.stderr)
            return EXIT_CANNOT_RUN
        gold[record.doc_id] = record
    evaluation = evaluate(gold, pred)
    write_atomic(args.pred / "evaluation.json", json.dumps(evaluation.to_dict(), indent=2) + "\n")
    print(f"Scores on {len(gold)} gold documents")
    print(format_report(evaluation, details=args.details))
    return EXIT_OK


def _source_text(folder: Path | None, doc_id: str) -> str | None:
    if folder is None:
        return None
    for suffix in (".txt", ".md"):
        path = folder / f"{doc_id}{suffix}"
        if path.exists():
            return path.read_text(encoding="utf-8")
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
