"""Engines: one process, forked workers and a Dask cluster write the same bytes."""

import shutil

import pytest
from tests.conftest import SEEDS, output_files

from extract.cli import main


def same_tree(a, b):
    files_a, files_b = output_files(a), output_files(b)
    assert sorted(files_a) == sorted(files_b)
    return files_a == files_b


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")  # a failure travels through every engine the same way
    return folder


@pytest.fixture(scope="module")
def local_output(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 1
    return out


def test_two_workers_write_the_same_bytes(corpus, local_output, tmp_path):
    assert main(["run", str(corpus), "--out", str(tmp_path), "--workers", "2", "--quiet"]) == 1
    assert same_tree(local_output, tmp_path)


def test_dask_two_worker_local_cluster_writes_the_same_bytes(corpus, local_output, tmp_path):
    pytest.importorskip("distributed")
    assert main(["run", str(corpus), "--out", str(tmp_path), "--engine", "dask", "--workers", "2", "--quiet"]) == 1
    assert same_tree(local_output, tmp_path)
    assert "empty.txt: empty file" in (tmp_path / "errors.csv").read_text(encoding="utf-8")


def test_batches_are_submitted_only_as_the_window_allows_and_come_back_in_order():
    from extract.runner import submitted_in_order

    submitted, taken = [], []

    class Done:
        def __init__(self, batch):
            self.batch = batch

        def result(self):
            return self.batch

    def submit(batch):
        submitted.append(batch)
        assert len(submitted) - len(taken) <= 3  # never more than the window waiting
        return Done(batch)

    for future in submitted_in_order(submit, ([k] for k in range(10)), window=3):
        taken.append(future.result())
    assert taken == [[k] for k in range(10)]
    assert submitted == taken
