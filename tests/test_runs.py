"""A run owns its output folder: run.json, --overwrite, --resume, the lock, and
runs killed (a real SIGKILL) at several points and resumed."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import SEEDS, output_files

from extract.cli import main
from extract.runs import LOCK_FILE

ROOT = Path(__file__).resolve().parent.parent
HOMES = ["Fürth", "Schwabach", "Erlangen", "Ansbach", "Bamberg", "Coburg", "Hof", "Passau"]
PARTNERS = ["Poitiers", "Kalisz", "Lucca", "Tartu", "Odense", "Tampere", "Dijon", "Brno", "Pécs", "Eger"]


def write_corpus(folder: Path, n: int) -> Path:
    """``n`` invented press releases, each stating one or two partnerships."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    for i in range(n):
        home, partner, other = rng.choice(HOMES), rng.choice(PARTNERS), rng.choice(PARTNERS)
        year = 1950 + i % 60
        text = (
            f"{home}, den 3. Mai 2019\n\nDie Stadt {home} pflegt seit {year} eine Städtepartnerschaft mit "
            f"{partner}. Der Stadtrat tagte am Montag. "
            + (f"Auch mit {other} ist die Stadt seit {year + 5} verschwistert. " if i % 3 == 0 else "")
            + "Weitere Informationen gibt das Bürgerbüro.\n"
        )
        (folder / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def network_pairs(out: Path) -> set[tuple[str, str]]:
    import csv

    with (out / "network.csv").open(encoding="utf-8") as fh:
        return {(row["a"], row["b"]) for row in csv.DictReader(fh)}


# --- one run per folder ---------------------------------------------------------


def test_a_second_run_of_other_inputs_is_refused_and_overwrite_replaces_the_first(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "many", 12)
    few = tmp_path / "few"
    few.mkdir()
    for path in sorted(corpus.glob("*.txt"))[:3]:
        (few / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    before = output_files(out)
    capsys.readouterr()
    assert main(["run", str(few), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--overwrite" in err[0] and "--resume" in err[0] and str(out) in err[0]
    assert output_files(out) == before  # nothing written, nothing removed
    assert main(["run", str(few), "--out", str(out), "--quiet", "--overwrite"]) == 0
    assert sorted(p.stem for p in (out / "docs").glob("*.json")) == ["doc0000", "doc0001", "doc0002"]
    only_few = tmp_path / "only_few"
    assert main(["run", str(few), "--out", str(only_few), "--quiet"]) == 0
    assert main(["network", str(out)]) == 0
    assert network_pairs(out) == network_pairs(only_few)
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["documents"] == ["doc0000", "doc0001", "doc0002"] and run["finished"]
    assert run["inputs"] == [str(few.resolve())] and run["counts"]["documents"] == 3


def test_the_same_run_repeated_replaces_its_own_outputs(tmp_path):
    corpus = write_corpus(tmp_path / "c", 4)
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    first = output_files(out)
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    assert output_files(out) == first


def test_overwrite_leaves_files_that_are_no_runs_alone(tmp_path):
    corpus = write_corpus(tmp_path / "c", 2)
    out = tmp_path / "out"
    assert main(["run", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    (out / "notes.md").write_text("my notes", encoding="utf-8")
    assert main(["run", str(corpus), "--out", str(out), "--quiet", "--overwrite"]) == 0
    assert (out / "notes.md").read_text(encoding="utf-8") == "my notes"
    assert len(list((out / "docs").glob("*.json"))) == 2


def test_a_folder_of_records_without_run_json_is_another_runs(tmp_path, capsys):
    out = tmp_path / "out"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "old.json").write_text("{}", encoding="utf-8")
    corpus = write_corpus(tmp_path / "c", 2)
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 2
    assert "another run's outputs" in capsys.readouterr().err


def test_network_and_review_read_only_the_documents_of_the_folders_run(tmp_path):
    corpus = write_corpus(tmp_path / "c", 3)
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    expected = network_pairs(out)
    stray = json.loads((out / "docs" / "doc0000.json").read_text(encoding="utf-8"))
    stray["doc_id"] = "stray"
    for pair in stray["partnerships"]:
        pair["b"] = ["Tampere"]
    (out / "docs" / "stray.json").write_text(json.dumps(stray), encoding="utf-8")  # not the run's
    assert main(["network", str(out)]) == 0
    assert network_pairs(out) == expected
    assert main(["review", str(out)]) == 0
    assert not (out / "review" / "docs" / "stray.html").exists()


def test_an_unfinished_run_is_read_only_with_partial(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "c", 3)
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    run["finished"] = None
    (out / "run.json").write_text(json.dumps(run), encoding="utf-8")
    capsys.readouterr()
    assert main(["network", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--partial" in err[0]
    assert main(["review", str(out)]) == 2
    assert main(["network", str(out), "--partial"]) == 0
    assert main(["review", str(out), "--partial"]) == 0


# --- the lock -------------------------------------------------------------------


def test_a_second_run_into_a_folder_being_written_refuses_before_writing_anything(tmp_path, capsys):
    import socket

    corpus = write_corpus(tmp_path / "c", 2)
    out = tmp_path / "out"
    out.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (out / LOCK_FILE).write_text(f"{socket.gethostname()} {sleeper.pid}\n", encoding="utf-8")
        capsys.readouterr()
        assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "another run" in err[0] and str(sleeper.pid) in err[0]
        assert sorted(p.name for p in out.iterdir()) == [LOCK_FILE]
        assert main(["run", str(corpus), "--out", str(out), "--quiet", "--resume"]) == 2  # a live lock is never taken
    finally:
        sleeper.kill()
        sleeper.wait()


def test_two_runs_started_at_once_into_one_folder(tmp_path):
    corpus = write_corpus(tmp_path / "c", 1000)  # a few seconds of work: the runs overlap
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extract.cli", "run", str(corpus), "--out", str(out), "--quiet"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = sorted((run.wait(timeout=300), run.stderr.read()) for run in runs)
    assert [code for code, _ in results] == [0, 2]
    refused = results[1][1].strip().splitlines()
    assert len(refused) == 1 and "another run" in refused[0]
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]["documents"] == 1000


def test_a_stale_lock_is_refused_without_resume_and_taken_over_with_it(tmp_path, capsys):
    import socket

    corpus = write_corpus(tmp_path / "c", 4)
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process id that is no more
    (out / LOCK_FILE).write_text(f"{socket.gethostname()} {gone.pid}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "interrupted" in err and "--resume" in err
    assert main(["run", str(corpus), "--out", str(out), "--quiet", "--resume"]) == 0
    assert "(0 extracted, 4 kept from the interrupted run)" in capsys.readouterr().err
    assert not (out / LOCK_FILE).exists()


def test_resume_needs_the_same_inputs_and_options(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "c", 3)
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["run", str(corpus), "--out", str(out), "--quiet", "--resume", "--min-confidence", "0.5"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "min_confidence" in err[0]
    assert main(["run", str(tmp_path / "c" / "doc0000.txt"), "--out", str(out), "--quiet", "--resume"]) == 2
    (tmp_path / "old" / "docs").mkdir(parents=True)
    (tmp_path / "old" / "docs" / "x.json").write_text("{}", encoding="utf-8")  # records of no run.json
    assert main(["run", str(corpus), "--out", str(tmp_path / "old"), "--quiet", "--resume"]) == 2


def test_resume_into_a_new_folder_starts_the_run(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "c", 3)
    assert main(["run", str(corpus), "--out", str(tmp_path / "new"), "--quiet", "--resume"]) == 0
    assert "(3 extracted, 0 kept" in capsys.readouterr().err


def test_a_record_of_another_pipeline_version_or_text_is_extracted_again(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "c", 4)
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    (corpus / "doc0001.txt").write_text("Die Stadt Fürth pflegt seit 1970 eine Partnerschaft mit Tartu.\n", "utf-8")
    capsys.readouterr()
    assert main(["run", str(corpus), "--out", str(out), "--quiet", "--resume"]) == 0
    assert "(1 extracted, 3 kept" in capsys.readouterr().err  # the changed text only
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    run["pipeline"] = "0.0.1+older"
    (out / "run.json").write_text(json.dumps(run), encoding="utf-8")
    assert main(["run", str(corpus), "--out", str(out), "--quiet", "--resume"]) == 0
    err = capsys.readouterr().err
    assert "another pipeline version" in err and "(4 extracted, 0 kept" in err


# --- killed and resumed ---------------------------------------------------------

# Runs `extract run` in a new session and SIGKILLs the whole session (the run and its
# workers, as a power cut does) at the point KILL_AT names: the Nth document record
# written by the parent, the Nth document the parent takes in, or half-way through
# writing partnerships.csv.
KILLER = r"""
import os, signal, sys
from extract import runner, writers
from extract.cli import main

kind, n = os.environ["KILL_AT"].split(":")
n, seen = int(n), [0]

def kill():
    os.killpg(os.getpgid(0), signal.SIGKILL)

if kind == "record":
    original = runner.write_outputs
    def write_outputs(*args, **kwargs):
        seen[0] += 1
        if seen[0] == n:
            kill()
        return original(*args, **kwargs)
    runner.write_outputs = write_outputs
elif kind == "taken":
    original_add = writers.TableSpool.add
    def add(self, *args):
        seen[0] += 1
        if seen[0] == n:
            kill()
        return original_add(self, *args)
    writers.TableSpool.add = add
elif kind == "csv":
    original_chunks = writers.write_atomic_chunks
    def write_atomic_chunks(path, chunks):
        if path.name != "partnerships.csv":
            return original_chunks(path, chunks)
        with open(path.parent / f".{path.name}.killed.tmp", "wb") as fh:
            for k, chunk in enumerate(chunks):
                fh.write(chunk)
                if k == n:
                    fh.flush()
                    kill()
    writers.write_atomic_chunks = write_atomic_chunks
sys.exit(main(sys.argv[1:]))
"""


def run_cli(
    args: list[str], kill_at: str | None = None, kill_after: float | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "KILL_AT": kill_at or "none:0"}
    process = subprocess.Popen(
        [sys.executable, "-c", KILLER, *args], stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
    )
    if kill_after is not None:
        try:
            process.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    _, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(args, process.returncode, "", err)


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("kill") / "corpus", 240)


@pytest.fixture(scope="module")
def uninterrupted(kill_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("whole") / "out"
    started = time.monotonic()
    result = run_cli(["run", str(kill_corpus), "--out", str(out), "--quiet"])
    assert result.returncode == 0, result.stderr
    return out, time.monotonic() - started


def complete_records(out: Path) -> int:
    return sum(1 for p in (out / "docs").glob("*.json") if (out / "texts" / f"{p.stem}.txt").exists())


RNG_SEED = int(time.time())


@pytest.mark.parametrize(
    ("workers", "kill_at"),
    [
        ("1", "record:90"),  # in the middle of extracting
        ("1", "csv:100"),  # half-way through partnerships.csv: the old file or none, never half a file
        ("1", "random"),
        ("2", "taken:120"),  # workers ahead of the parent, which dies with them
        ("2", "csv:30"),
        ("2", "random"),
    ],
)
def test_a_killed_run_resumed_writes_what_an_uninterrupted_run_writes(
    kill_corpus, uninterrupted, tmp_path, workers, kill_at
):
    whole, seconds = uninterrupted
    out = tmp_path / "out"
    args = ["run", str(kill_corpus), "--out", str(out), "--quiet", "--workers", workers]
    if kill_at == "random":
        # anywhere from the start-up to the tables, over the uninterrupted run's time;
        # a run that is faster this time and finishes first is started again, killed sooner
        after = random.Random(RNG_SEED + int(workers)).uniform(0.3 * seconds, 0.95 * seconds)
        for _ in range(4):
            killed = run_cli(args, kill_after=after)
            if killed.returncode != 0:
                break
            shutil.rmtree(out)
            after *= 0.6
        kill_at = f"random after {after:.2f} s (seed {RNG_SEED})"
    else:
        killed = run_cli(args, kill_at=kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if (out / "run.json").exists():
        finished = json.loads((out / "run.json").read_text(encoding="utf-8"))["finished"]
        assert finished is None or kill_at.startswith("random"), kill_at  # a random kill may come after the end
    else:  # killed while starting: nothing written, and --resume starts afresh
        assert not out.exists() or not any(out.rglob("*.json"))
    complete = complete_records(out) if out.exists() else 0
    resumed = run_cli([*args, "--resume"])
    assert resumed.returncode == 0, resumed.stderr
    counts = re.search(r"\((\d+) extracted, (\d+) kept from the interrupted run\)", resumed.stderr)
    assert counts, resumed.stderr
    assert (int(counts.group(1)), int(counts.group(2))) == (240 - complete, complete), kill_at
    assert output_files(out) == output_files(whole), kill_at


def test_resume_on_a_dask_cluster_keeps_the_complete_records(tmp_path, capsys):
    pytest.importorskip("distributed")
    corpus = write_corpus(tmp_path / "c", 24)
    whole, out = tmp_path / "whole", tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(whole), "--quiet"]) == 0
    dask = ["--engine", "dask", "--workers", "2", "--quiet"]
    assert main(["run", str(corpus), "--out", str(out), *dask]) == 0
    # as a run killed after some records: unfinished, later records and the tables missing
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    run["finished"] = None
    (out / "run.json").write_text(json.dumps(run), encoding="utf-8")
    for path in sorted((out / "docs").glob("*.json"))[10:]:
        path.unlink()
    (out / "partnerships.csv").unlink()
    capsys.readouterr()
    assert main(["run", str(corpus), "--out", str(out), *dask, "--resume"]) == 0
    assert "(14 extracted, 10 kept from the interrupted run)" in capsys.readouterr().err
    assert output_files(out) == output_files(whole)


def test_a_kept_record_keeps_its_reading_warnings(tmp_path, capsys):
    # a resumed run does not read a kept document again: its warnings come from its record
    corpus = write_corpus(tmp_path / "c", 3)
    text = "Die Stadt Fürth pflegt seit 1970 eine Partnerschaft mit Tartu.\0\0\n"
    (corpus / "doc0001.txt").write_bytes(text.encode())
    whole, out = tmp_path / "whole", tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(whole), "--quiet"]) == 0
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    run["finished"] = None
    (out / "run.json").write_text(json.dumps(run), encoding="utf-8")
    capsys.readouterr()
    assert main(["run", str(corpus), "--out", str(out), "--quiet", "--resume"]) == 0
    err = capsys.readouterr().err
    assert "(0 extracted, 3 kept" in err and "2 stray control characters" in err
    assert output_files(out) == output_files(whole)
