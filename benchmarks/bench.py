"""Throughput, start-up and memory benchmark for twinning-extract.

Builds a corpus of about ``--mb`` megabytes of German municipal text from the
seeds and deterministic recombinations of their sentences, runs the pipeline,
and prints (and with ``--json PATH`` writes) its figures:

  docs_per_s, tokens_per_s, chars_per_s     one process, warm pipeline
  tokenizer_tokens_per_s, ratio_to_tokenizer a bare spacy.blank("de") tokenizer, same corpus
  ratio_to_tokenizer_runs, _median           with --corpus: the same ratio in --repeat fresh processes
  cold_start_s_warm_cache / _cold_cache      process start to first document
  gazetteer_build_s                          first-ever gazetteer build
  peak_rss_mb                                peak resident memory of the benchmark process
  many_words_rss_mb_before / _after          a fresh process before and after --many-words
                                             random words (nearly all distinct: the memory a
                                             long run over real pages adds)
  step_s_<step>_per_0.5mb                    seconds per pipeline step on the first 0.5 MB
  workers_speedup                            `extract run --workers 2` over `--workers 1`
                                             (best of --repeat alternated runs each)
  workers_identical_outputs                  whether both runs wrote the same bytes
  large_doc_s, large_doc_peak_rss_mb         with --large-doc MB: `extract run` on one document
                                             of MB megabytes (text of --corpus, or of the seeds)
  large_doc_workers_2_*                      two such documents with --workers 2: time, peak RSS
                                             of the main process and of the largest worker
  workers_start_s, _speedup_after_start      a run of one short document (start-up, which no
                                             worker shares) and the speed-up of the rest
  workers_2_parent_peak_rss_mb               peak RSS of the main process of `--workers 2`

With ``--corpus PATH`` it measures a real corpus instead: a folder of
``.txt``/``.html`` files, a CSV/JSONL table or a WARC file, read as ``extract
run`` reads them. Its figures: documents/s, tokens/s and characters/s of the
pipeline and end to end (reading included), the bare tokenizer's first pass
over the same texts in the same process (fresh, so its cache starts empty, as
the pipeline's does) and the ratio, ``read_share`` (for HTML: the share of the
time spent getting the text out of the markup), seconds per step, peak RSS and
``extract run --workers 1`` against ``--workers 2`` on the corpus itself.

Token rates use the bare tokenizer's token count for both, so the ratio
compares like with like. Figures are printed, never asserted.

    python benchmarks/bench.py --corpus ../shared/bench/news-de
    python benchmarks/bench.py --corpus ../shared/bench/html-de --json html.json
    python benchmarks/bench.py                 # recombined seed corpus (about 5 MB), all figures
    python benchmarks/bench.py --mb 1 --json bench.json
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# `extract` that reports its own peak RSS and then its largest worker's (kB) on its last line
EXTRACT = [
    sys.executable,
    "-c",
    "import resource, sys; from extract.cli import main; status = main(sys.argv[1:]); "
    "print([line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')][0], "
    "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
    "sys.exit(status)",
]


def peak_rss_kb(stdout: str) -> tuple[int, int]:
    """(main process, largest worker) peak RSS in kB, from an EXTRACT run's output."""
    main_kb, workers_kb = stdout.split()[-2:]
    return int(main_kb), int(workers_kb)


def build_corpus(megabytes: float, seed: int = 0) -> list[str]:
    """The seeds, then documents of 20-60 seed sentences drawn at random (fixed seed)."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    sentences = [s for text in seeds for s in re.split(r"(?<=[.!?:])\s+|\n{2,}", text) if len(s.split()) >= 3]
    rng = random.Random(seed)
    corpus = list(seeds)
    size = sum(len(t) for t in corpus)
    while size < megabytes * 1_000_000:
        paragraphs, chunk = [], []
        for sentence in rng.sample(sentences, rng.randint(20, 60)):
            chunk.append(sentence)
            if rng.random() < 0.25:
                paragraphs.append(" ".join(chunk))
                chunk = []
        text = "\n\n".join(paragraphs + [" ".join(chunk)]) + "\n"
        corpus.append(text)
        size += len(text)
    return corpus


def timed_subprocess(code: str, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stdout.strip()


def cold_starts(cache_env: dict[str, str]) -> dict[str, float]:
    first_doc = "import extract; extract.extract_text('Die Stadt Fürth und Besançon sind Partnerstädte.')"
    with tempfile.TemporaryDirectory() as empty_cache:
        cold_env = {**cache_env, "TWINNING_EXTRACT_CACHE": empty_cache}
        cold, _ = timed_subprocess(first_doc, cold_env)
    warm, _ = timed_subprocess(first_doc, cache_env)  # the cache exists now
    with tempfile.TemporaryDirectory() as empty_cache:
        build_code = (
            "import time; from extract.gazetteer import build_gazetteer_data; "
            "t = time.perf_counter(); build_gazetteer_data(); print(time.perf_counter() - t)"
        )
        _, out = timed_subprocess(build_code, {**cache_env, "TWINNING_EXTRACT_CACHE": empty_cache})
    return {"cold_start_s_warm_cache": warm, "cold_start_s_cold_cache": cold, "gazetteer_build_s": float(out)}


def throughput(corpus: list[str]) -> dict[str, float]:
    from extract import load

    n_tokens, tokenizer_s, pipeline_s = first_pass(corpus)
    nlp = load()
    chars = sum(len(t) for t in corpus)
    return {
        **component_times(corpus, nlp),
        "docs": len(corpus),
        "tokens": n_tokens,
        "docs_per_s": len(corpus) / pipeline_s,
        "tokens_per_s": n_tokens / pipeline_s,
        "chars_per_s": chars / pipeline_s,
        "tokenizer_tokens_per_s": n_tokens / tokenizer_s,
        "ratio_to_tokenizer": tokenizer_s / pipeline_s,
        "pipeline_s": pipeline_s,
    }


def component_times(corpus: list[str], nlp, megabytes: float = 0.5) -> dict[str, float]:
    """Seconds each step takes on the first ``megabytes`` of the corpus (warm
    pipeline): where the time goes, for whoever makes it faster next."""
    from extract.pipeline import _make_doc
    from extract.records import record_from_doc

    sample, size = [], 0
    for text in corpus:
        if size >= megabytes * 1_000_000:
            break
        sample.append(text)
        size += len(text)
    times = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "records": 0.0}
    for text in sample:
        start = time.perf_counter()
        doc = _make_doc(nlp, text)
        times["tokenizer"] += time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            times[name] += time.perf_counter() - start
        start = time.perf_counter()
        record_from_doc(doc, "d", "")
        times["records"] += time.perf_counter() - start
    return {f"step_s_{name.removeprefix('twinning_')}_per_{megabytes:g}mb": t for name, t in times.items()}


def many_words(n_words: int, cache_env: dict[str, str]) -> dict[str, float]:
    """Peak RSS of a fresh process before and after ``n_words`` random words, run
    as a caller over many documents would (``load()`` per document)."""
    here = str(Path(__file__).parent)
    code = f"import sys; sys.path.insert(0, {here!r}); import bench; bench.run_many_words({n_words})"
    seconds, out = timed_subprocess(code, cache_env)
    before, after = map(float, out.split())
    return {
        "many_words": n_words,
        "many_words_rss_mb_before": before,
        "many_words_rss_mb_after": after,
        "many_words_per_s": n_words / seconds,
    }


def run_many_words(n_words: int, words_per_doc: int = 1500) -> None:
    from extract import load
    from extract.pipeline import process
    from extract.records import record_from_doc
    from extract.runner import WARM_UP_TEXT

    process(WARM_UP_TEXT, load())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rng = random.Random(0)
    letters = "abcdefghijklmnopqrstuvwxyzäöüß"
    for d in range(max(1, n_words // words_per_doc)):
        words = ("".join(rng.choice(letters) for _ in range(rng.randint(3, 12))) for _ in range(words_per_doc))
        text = " ".join(w.capitalize() if rng.random() < 0.4 else w for w in words) + "."
        record_from_doc(process(text, load()), f"d{d}", "")
    print(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def read_corpus(path: Path, html: str = "trafilatura") -> dict[str, float | int | list]:
    """A real corpus read as `extract run` reads it: its texts and the time and
    count of reading them (decoding, HTML main-text extraction)."""
    from extract.corpora import read_input
    from extract.documents import DocumentError, find_documents, read_bytes
    from extract.runner import Outcome, expand_inputs

    files, missing = find_documents([path])
    if missing or not files:
        sys.exit(f"error: {path}: no documents to benchmark")
    texts, failed, read_s, source_bytes, html_docs = [], 0, 0.0, 0, 0
    for item in expand_inputs(files):
        if isinstance(item, Outcome):
            failed += 1
            continue
        data = read_bytes(item) if isinstance(item, Path) else item.data  # file I/O is not timed
        start = time.perf_counter()
        try:
            document = read_input(item, data, html)
        except DocumentError:
            failed += 1
            continue
        finally:
            read_s += time.perf_counter() - start
        texts.append(document.text)
        source_bytes += len(data)
        html_docs += document.source_format == "html"
    return {
        "texts": texts,
        "read_s": read_s,
        "failed": failed,
        "source_mb": source_bytes / 1e6,
        "html_docs": html_docs,
    }


def resolve_corpus(path: Path) -> Path:
    """A folder that holds one CSV/JSONL table and no documents stands for the
    table (`extract run` reads tables only when named)."""
    from extract.documents import find_documents

    if path.is_dir() and not find_documents([path])[0]:
        tables = sorted([*path.glob("*.csv"), *path.glob("*.jsonl")])
        if len(tables) == 1:
            return tables[0]
    return path


def corpus_figures(path: Path, cache_env: dict[str, str], repeat: int, skip_workers: bool, html: str) -> dict:
    path = resolve_corpus(path)
    read = read_corpus(path, html)
    texts = read.pop("texts")
    figures: dict = {"corpus": str(path), "html_extractor": html, "corpus_source_mb": read["source_mb"]}
    figures["docs_failed"] = read["failed"]
    figures["html_docs"] = read["html_docs"]
    figures.update(throughput(texts))
    total_s = read["read_s"] + figures["pipeline_s"]
    figures.update(
        {
            "read_s": read["read_s"],
            "read_share": read["read_s"] / total_s,
            "end_to_end_docs_per_s": len(texts) / total_s,
            "end_to_end_tokens_per_s": figures["tokens"] / total_s,
        }
    )
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures.update(fresh_ratios(path, html, repeat, cache_env))
    if not skip_workers:
        figures.update(workers(path, cache_env, repeat, ["--html", html]))
    return figures


def first_pass(texts: list[str]) -> tuple[int, float, float]:
    """Tokens, and seconds of a fresh bare tokenizer and of a freshly loaded
    pipeline over ``texts``: both first passes (the pipeline's word caches live
    as long as the process, so a second measurement needs a fresh process)."""
    import spacy

    from extract import load
    from extract.pipeline import process
    from extract.records import record_from_doc
    from extract.runner import WARM_UP_TEXT

    tokenizer = spacy.blank("de").tokenizer
    start = time.perf_counter()
    n_tokens = sum(len(tokenizer(text)) for text in texts)
    tokenizer_s = time.perf_counter() - start
    nlp = load()
    process(WARM_UP_TEXT, nlp)  # warm: gazetteer, lexicons and dateparser loaded
    start = time.perf_counter()
    for i, text in enumerate(texts):
        record_from_doc(process(text, nlp), f"d{i}", "")
    return n_tokens, tokenizer_s, time.perf_counter() - start


def fresh_ratios(path: Path, html: str, repeat: int, cache_env: dict[str, str]) -> dict:
    """The ratio to the tokenizer again in ``repeat`` fresh processes, for the
    median: on a shared machine one run's figure varies by 10 % or more."""
    code = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench; from pathlib import Path; "
        f"texts = bench.read_corpus(Path({str(path)!r}), {html!r})['texts']; "
        "print(*bench.first_pass(texts))"
    )
    ratios = []
    for _ in range(repeat):
        _, out = timed_subprocess(code, cache_env)
        _, tokenizer_s, pipeline_s = map(float, out.split()[-3:])
        ratios.append(tokenizer_s / pipeline_s)
    return {
        "ratio_to_tokenizer_runs": [round(r, 3) for r in ratios],
        "ratio_to_tokenizer_median": sorted(ratios)[len(ratios) // 2],
    }


def workers(
    corpus: list[str] | Path, cache_env: dict[str, str], repeat: int = 3, options: list[str] | None = None
) -> dict[str, float | bool | list[float]]:
    """`extract run --workers 1` and `--workers 2`, alternated ``repeat`` times; the
    best time of each counts (as timeit does: other load on the machine only
    ever adds time). ``corpus``: texts, or a corpus path as `extract run` takes it."""
    with tempfile.TemporaryDirectory() as tmp:
        if isinstance(corpus, Path):
            folder = corpus
        else:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            for i, text in enumerate(corpus):
                (folder / f"doc_{i:05d}.txt").write_text(text, encoding="utf-8")
        times: dict[int, list[float]] = {1: [], 2: []}
        parent_kb: dict[int, list[int]] = {1: [], 2: []}
        for _ in range(repeat):
            for n in (1, 2):
                out = Path(tmp) / f"out{n}"
                shutil.rmtree(out, ignore_errors=True)
                cmd = [*EXTRACT, "run", str(folder), "--out", str(out), "--workers", str(n), "--quiet"]
                cmd += options or []
                start = time.perf_counter()
                done = subprocess.run(cmd, env=cache_env, capture_output=True, text=True)
                if done.returncode not in (0, 1):  # 1: some documents failed, the others were written
                    sys.exit(f"error: extract run failed: {done.stderr.strip()[-500:]}")
                times[n].append(time.perf_counter() - start)
                parent_kb[n].append(peak_rss_kb(done.stdout)[0])
        same = _same_tree(Path(tmp) / "out1", Path(tmp) / "out2")
        # the part no worker shares: start-up (imports, gazetteer, pipeline) and the
        # final tables, timed on a run of one short document
        single = Path(tmp) / "single.txt"
        single.write_text("Die Stadt Musterhausen und Dijon sind Partnerstädte.\n", encoding="utf-8")
        serial = []
        for _ in range(repeat):
            start = time.perf_counter()
            cmd = [*EXTRACT, "run", str(single), "--out", str(Path(tmp) / "out_single"), "--quiet"]
            subprocess.run(cmd, env=cache_env, capture_output=True, check=True)
            serial.append(time.perf_counter() - start)
    best = {n: min(runs) for n, runs in times.items()}
    start_s = min(serial)
    return {
        "workers_1_s": best[1],
        "workers_2_s": best[2],
        "workers_speedup": best[1] / best[2],
        "workers_start_s": start_s,
        # Amdahl's view: the speed-up of the part that can be shared
        "workers_speedup_after_start": (best[1] - start_s) / max(best[2] - start_s, 1e-9),
        "workers_runs_1_s": [round(t, 2) for t in times[1]],
        "workers_runs_2_s": [round(t, 2) for t in times[2]],
        "workers_identical_outputs": same,
        # the main process of `--workers 2`: pipeline, gazetteer and the run's bookkeeping
        "workers_2_parent_peak_rss_mb": max(parent_kb[2]) / 1024,
    }


def large_document(megabytes: float, texts: list[str], cache_env: dict[str, str]) -> dict[str, float]:
    """`extract run` on one text document of ``megabytes``, made of ``texts``
    joined by blank lines (repeated as needed): its wall time and peak RSS; then
    on two such documents with ``--workers 2``: the main process's and the
    largest worker's peak RSS."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        size, i = 0, 0
        with (folder / "large_a.txt").open("w", encoding="utf-8") as stream:
            while size < megabytes * 1_000_000:
                chunk = texts[i % len(texts)] + "\n\n"
                stream.write(chunk)
                size += len(chunk.encode("utf-8"))
                i += 1
        figures["large_doc_mb"] = size / 1e6
        runs = (("large_doc", [str(folder / "large_a.txt")]), ("large_doc_workers_2", [str(folder), "--workers", "2"]))
        for name, args in runs:
            if name.endswith("workers_2"):
                shutil.copy(folder / "large_a.txt", folder / "large_b.txt")
            cmd = [*EXTRACT, "run", *args, "--out", str(Path(tmp) / name), "--quiet"]
            start = time.perf_counter()
            done = subprocess.run(cmd, env=cache_env, capture_output=True, text=True)
            figures[f"{name}_s"] = time.perf_counter() - start
            if done.returncode != 0:
                sys.exit(f"error: extract run on the large document failed: {done.stderr.strip()[-500:]}")
            main_kb, worker_kb = peak_rss_kb(done.stdout)
            figures[f"{name}_peak_rss_mb"] = main_kb / 1024
            if name.endswith("workers_2"):
                figures[f"{name}_worker_peak_rss_mb"] = worker_kb / 1024
    return figures


def _same_tree(a: Path, b: Path) -> bool:
    """The same files with the same bytes; run.json but for its times and counts of
    extracted and kept documents (which say when and how, not what)."""
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return False
    for f in files_a:
        if f.name == "run.json":
            if _run_description(a / f) != _run_description(b / f):
                return False
        elif not filecmp.cmp(a / f, b / f, shallow=False):
            return False
    return True


def _run_description(path: Path) -> dict:
    run = json.loads(path.read_text(encoding="utf-8"))
    for key in ("started", "finished"):
        run.pop(key, None)
    for key in ("extracted", "kept"):
        run.get("counts", {}).pop(key, None)
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, help="a real corpus: folder of .txt/.html, CSV/JSONL or WARC")
    parser.add_argument(
        "--html", choices=("trafilatura", "fast"), default="trafilatura", help="with --corpus: HTML main-text extractor"
    )
    parser.add_argument(
        "--large-doc", type=float, metavar="MB", help="also run one document of MB megabytes (its time and peak RSS)"
    )
    parser.add_argument("--mb", type=float, default=5.0, help="recombined corpus size in megabytes (default 5)")
    parser.add_argument("--json", type=Path, help="also write the figures as one JSON object here")
    parser.add_argument("--skip-workers", action="store_true", help="leave out the --workers comparison")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each --workers setting (best counts) and of the fresh ratio"
    )
    parser.add_argument(
        "--many-words", type=int, default=1_200_000, help="random words for the memory-growth figure (0: skip)"
    )
    args = parser.parse_args()

    cache_env = dict(os.environ)
    if args.corpus is not None:
        figures = corpus_figures(args.corpus, cache_env, args.repeat, args.skip_workers, args.html)
    else:
        corpus = build_corpus(args.mb)
        figures = {"corpus_mb": sum(len(t.encode("utf-8")) for t in corpus) / 1e6}
        figures.update(cold_starts(cache_env))
        figures.update(throughput(corpus))
        figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if args.many_words:
            figures.update(many_words(args.many_words, cache_env))
        if not args.skip_workers:
            figures.update(workers(corpus, cache_env, args.repeat))
    for key, value in figures.items():
        print(f"{key:32} {value:.3f}" if isinstance(value, float) else f"{key:32} {value}")
    if args.large_doc:
        texts = read_corpus(resolve_corpus(args.corpus))["texts"] if args.corpus else build_corpus(1)
        large = large_document(args.large_doc, texts, cache_env)
        figures.update(large)
        for key, value in large.items():
            print(f"{key:36} {value:.3f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
