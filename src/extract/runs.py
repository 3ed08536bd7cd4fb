"""An output folder belongs to one run.

``OUT/run.json`` says what the run was (inputs, options, pipeline and gazetteer
versions, when it started and finished, its counts and the doc ids it wrote) and
whether it finished; ``OUT/run.lock`` holds the process id of the run writing the
folder now. A new run into a folder of another run refuses, unless told to
replace it (``--overwrite``) or to continue it (``--resume``); ``extract network``
and ``extract review`` read only the documents the folder's run lists.

A run repeated with the same inputs and options replaces its own earlier outputs
without being told: it is the same run again (after a code change, say), and no
record of other inputs can be left behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from .records import DocumentRecord, records_in
from .writers import write_atomic

RUN_FILE = "run.json"
LOCK_FILE = "run.lock"
# what a run writes into its folder; nothing else there is touched by --overwrite
RUN_FILES = (
    "entities.csv", "partnerships.csv", "events.csv", "people.csv", "errors.csv",
    "network.csv", "network.geojson", "reference_missing.csv", "evaluation.json", RUN_FILE,
)  # fmt: skip
RUN_FOLDERS = ("docs", "texts", "review")
_FORMAT = 1


class RunError(Exception):
    """A folder that this run cannot write or read as asked: one line for the user."""


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """The package version and a hash of its code and data: a record written by
    another version of the pipeline is extracted again on --resume."""
    from . import __version__

    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json", ".toml", ".txt") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class RunManifest:
    """What ``OUT/run.json`` holds."""

    inputs: list[str]
    options: dict[str, Any]
    pipeline: str
    gazetteer: str
    started: str = field(default_factory=now_utc)
    finished: str | None = None  # None: the run is going on, or was interrupted
    counts: dict[str, int] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)  # the doc ids it wrote, sorted

    def to_dict(self) -> dict[str, Any]:
        return {"format": _FORMAT, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunManifest:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in names})

    def finish(self, documents: Iterable[str], counts: dict[str, int]) -> None:
        self.documents, self.counts, self.finished = sorted(documents), counts, now_utc()

    def same_run(self, other: RunManifest) -> bool:
        """Same inputs and options: a repetition or continuation of that run."""
        return self.inputs == other.inputs and self.options == other.options


def read_manifest(folder: Path) -> RunManifest | None:
    """The folder's ``run.json``, or None where there is none."""
    path = folder / RUN_FILE
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return RunManifest.from_dict(data)
    except (OSError, ValueError, TypeError) as exc:
        raise RunError(f"{path}: not a run description ({exc})") from exc


def write_manifest(folder: Path, manifest: RunManifest) -> None:
    write_atomic(folder / RUN_FILE, json.dumps(manifest.to_dict(), ensure_ascii=False, indent=1) + "\n")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


class FolderLock:
    """``OUT/run.lock``: created exclusively, holding the writer's host and process id."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self.held = False

    def holder(self) -> tuple[str, int] | None:
        """(host, pid) of the lock's holder, or None where there is no lock."""
        try:
            host, pid = self.path.read_text(encoding="utf-8").split()[:2]
            return host, int(pid)
        except FileNotFoundError:
            return None
        except ValueError:
            return "", 0  # not a lock this tool wrote (it writes one whole): taken as stale

    def stale(self) -> bool:
        """Whether the lock's process is gone (on this host; another host's lock is live)."""
        holder = self.holder()
        if holder is None:
            return False
        host, pid = holder
        return pid == 0 or (host == socket.gethostname() and not _alive(pid))

    def acquire(self, take_stale: bool) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if take_stale and self.stale():
            self.path.unlink(missing_ok=True)
        # written whole under another name, then linked into place: a link fails where the
        # lock exists, and a second run never reads a lock whose process id is not written yet
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".run.lock.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"{socket.gethostname()} {os.getpid()}\n")
        try:
            os.link(tmp, self.path)
        except FileExistsError:
            holder = self.holder() or ("?", 0)
            folder = self.path.parent
            if self.stale():
                raise RunError(
                    f"{folder}: a run that was interrupted (process {holder[1]} is gone) left its lock; "
                    "--resume continues it, --overwrite replaces it"
                ) from None
            raise RunError(
                f"{folder}: another run (process {holder[1]} on {holder[0]}) is writing this folder; "
                "wait for it or choose another --out"
            ) from None
        finally:
            os.unlink(tmp)
        self.held = True

    def release(self) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False


def _has_outputs(folder: Path) -> bool:
    return (folder / RUN_FILE).exists() or any((folder / "docs").glob("*.json"))


def remove_run_outputs(folder: Path) -> None:
    """The files an earlier run wrote (and nothing else of the folder)."""
    for name in RUN_FILES:
        (folder / name).unlink(missing_ok=True)
    for name in RUN_FOLDERS:
        shutil.rmtree(folder / name, ignore_errors=True)
    remove_partial_files(folder)


def remove_partial_files(folder: Path) -> None:
    """Temporary files a killed writer left (``.name.xxxx.tmp``, see ``write_atomic``)."""
    for where in (folder, folder / "docs", folder / "texts"):
        if where.is_dir():
            for path in where.glob(".*.tmp"):
                path.unlink(missing_ok=True)


def claim_folder(
    folder: Path, manifest: RunManifest, overwrite: bool, resume: bool
) -> tuple[FolderLock, RunManifest | None]:
    """Lock ``folder`` for this run and make it this run's: returns the lock and, where
    the run continues an interrupted one, that run's description. Raises ``RunError`` (one line) where the
    folder holds another run and neither ``overwrite`` nor ``resume`` says what to do."""
    if overwrite and resume:
        raise RunError("--overwrite and --resume exclude each other")
    lock = FolderLock(folder)
    lock.acquire(take_stale=overwrite or resume)
    try:
        earlier = read_manifest(folder)
        resumed = None
        if resume and earlier is None and _has_outputs(folder):
            raise RunError(f"{folder}: holds records but no run.json of a run to resume; --overwrite replaces them")
        if resume and earlier is not None:
            if not manifest.same_run(earlier):
                differs = _differs(earlier, manifest)
                raise RunError(f"{folder}: --resume needs the inputs and options of the run it continues ({differs})")
            manifest.started = earlier.started
            remove_partial_files(folder)
            resumed = earlier
        elif _has_outputs(folder):  # (--resume of a run killed before it wrote anything starts afresh)
            repeated = earlier is not None and earlier.finished is not None and manifest.same_run(earlier)
            if not (overwrite or repeated):
                unfinished = earlier is not None and earlier.finished is None
                what = "an unfinished run" if unfinished else "another run's outputs"
                raise RunError(
                    f"{folder}: holds {what}; --overwrite replaces them, --resume continues an interrupted run"
                )
            remove_run_outputs(folder)
        write_manifest(folder, manifest)
    except BaseException:
        lock.release()
        raise
    return lock, resumed


def _differs(earlier: RunManifest, now: RunManifest) -> str:
    if earlier.inputs != now.inputs:
        return "other inputs"
    changed = sorted(k for k in set(earlier.options) | set(now.options) if earlier.options.get(k) != now.options.get(k))
    return "other options: " + ", ".join(changed)


_SOURCE_SHA = re.compile(rb'"source":\s*\{[^{}]*?"sha256":\s*"([0-9a-f]*)"')


def completed_documents(folder: Path) -> dict[str, str]:
    """doc id -> hash of the input bytes (``source.sha256``) of the records a run in
    ``folder`` completed (a record is written whole or not at all, its text before it)."""
    done: dict[str, str] = {}
    for path in (folder / "docs").glob("*.json"):
        if not (folder / "texts" / f"{path.stem}.txt").exists():
            continue
        with path.open("rb") as fh:
            size = fh.seek(0, 2)
            fh.seek(max(0, size - 16384))
            match = _SOURCE_SHA.search(fh.read())  # the source stands near the end of a record
        if match is None:
            source = json.loads(path.read_text(encoding="utf-8")).get("source") or {}
            digest = source.get("sha256")
        else:
            digest = match.group(1).decode()
        if digest:
            done[path.stem] = digest
    return done


def listed_documents(folder: Path, partial: bool = False) -> set[str] | None:
    """The doc ids a folder's run wrote; None for every record there (a folder of an
    earlier version without run.json, or an unfinished run read with ``partial``)."""
    manifest = read_manifest(folder)
    if manifest is None:
        return None
    if manifest.finished is None:
        if not partial:
            raise RunError(f"{folder}: its run has not finished (run.json); --partial reads what it has written")
        return None
    return set(manifest.documents)


def run_records(folders: Iterable[Path], partial: bool = False) -> Iterator[DocumentRecord]:
    """The records of each folder's run, each doc id once (the first folder that has it)."""
    folders = list(folders)
    lists = {folder: listed_documents(folder, partial) for folder in folders}  # refuse before reading any
    return records_in(folders, listed=lists.__getitem__)
