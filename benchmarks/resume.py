"""What a crash costs: a corpus as a WARC file, run whole; then run again, killed
(SIGKILL of the run and its workers) once about half of its records are written,
and resumed with ``--resume``. Prints the wall times and the ratio of killed +
resumed to whole, and checks that both output folders hold the same files.

    python benchmarks/resume.py --corpus ../shared/bench/news-de/articles.csv --repeat 5
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import signal
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path


def write_warc(table: Path, warc: Path) -> int:
    """Each row of a CSV corpus (``text`` column) as an HTML response record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    csv.field_size_limit(1 << 30)
    n = 0
    with table.open(encoding="utf-8", newline="") as src, warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for row in csv.DictReader(src):
            paragraphs = "".join(f"<p>{escape(p)}</p>" for p in row["text"].split("\n") if p.strip())
            body = f"<html><head><title>Artikel {n}</title></head><body><article>{paragraphs}</article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example/artikel/{n}", "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)
            n += 1
    return n


def run(args: list[str], kill_at: int | None = None, out: Path | None = None) -> tuple[float, int]:
    """Wall time and exit status of ``extract run``; with ``kill_at``, killed once
    that many records stand in ``out/docs``."""
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "extract.cli", *args], stderr=subprocess.DEVNULL, start_new_session=True
    )
    while kill_at is not None and process.poll() is None:
        if out is not None and (out / "docs").is_dir() and len(os.listdir(out / "docs")) >= kill_at:
            os.killpg(process.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    status = process.wait()
    return time.monotonic() - started, status


def files(folder: Path) -> dict[str, bytes]:
    paths = (p for p in folder.rglob("*") if p.is_file() and p.name != "run.json")
    return {str(p.relative_to(folder)): p.read_bytes() for p in paths}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="a CSV corpus with a text column")
    parser.add_argument("--workers", default="1")
    parser.add_argument("--repeat", type=int, default=1, help="rounds (on a shared machine one round varies a lot)")
    options = parser.parse_args()
    ratios, all_same = [], True
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "corpus.warc.gz"
        n = write_warc(options.corpus, warc)
        print(f"corpus: {n} documents as a WARC file, --workers {options.workers}")
        for round_ in range(options.repeat):
            whole, killed = Path(tmp) / f"whole{round_}", Path(tmp) / f"killed{round_}"
            common = ["--quiet", "--workers", options.workers]
            t_whole, status = run(["run", str(warc), "--out", str(whole), *common])
            assert status == 0, status
            t_killed, status = run(["run", str(warc), "--out", str(killed), *common], kill_at=n // 2, out=killed)
            kept = len(list((killed / "docs").glob("*.json")))
            t_resumed, status = run(["run", str(warc), "--out", str(killed), *common, "--resume"])
            assert status == 0, status
            same = files(whole) == files(killed)
            all_same = all_same and same
            ratios.append((t_killed + t_resumed) / t_whole)
            print(
                f"uninterrupted {t_whole:5.1f} s; killed after {kept} records {t_killed:5.1f} s; "
                f"resumed {t_resumed:5.1f} s; killed + resumed / whole {ratios[-1]:.2f}; identical outputs {same}"
            )
    print(f"killed + resumed / whole, median of {len(ratios)}: {sorted(ratios)[len(ratios) // 2]:.2f}")
    return 0 if all_same else 1


if __name__ == "__main__":
    sys.exit(main())
