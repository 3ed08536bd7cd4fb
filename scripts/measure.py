"""Every score a rule change is judged by, in one table: seeds, development sets 2
and 3 (full and pair-level gold), the blind set (aggregate only) and the off-topic
corpora. Run from the repository root with its .venv; reads ../shared.

    python scripts/measure.py            # about a minute
    python scripts/measure.py --no-bench # without the 1,128 off-topic documents
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXTRACT = str(ROOT / ".venv" / "bin" / "extract")

SETS = {
    "seeds": (ROOT / "seeds", ROOT / "gold"),
    "dev2": (SHARED / "dev" / "texts", SHARED / "dev" / "gold"),
    "dev3": (SHARED / "dev3" / "texts", SHARED / "dev3" / "gold"),
    "dev3 pairs": (SHARED / "dev3" / "pairs" / "texts", SHARED / "dev3" / "pairs" / "gold"),
}


def scored(texts: Path, gold: Path, out: Path, urls: Path | None = None) -> dict:
    extra = ["--urls", str(urls)] if urls is not None else []
    subprocess.run([EXTRACT, "run", str(texts), "--gold", str(gold), "--out", str(out), "--quiet", *extra],
                   check=True, capture_output=True)
    return json.loads((out / "evaluation.json").read_text(encoding="utf-8"))


def off_topic_pairs(out: Path) -> int:
    counts = 0
    for name, args in (
        ("news", [str(SHARED / "bench" / "news-de" / "articles.csv"), "--text-column", "text"]),
        ("html", [str(SHARED / "bench" / "html-de")]),
    ):
        folder = out / name
        subprocess.run([EXTRACT, "run", *args, "--out", str(folder), "--quiet"], check=True, capture_output=True)
        with open(folder / "partnerships.csv", encoding="utf-8") as rows:
            counts += max(0, sum(1 for _ in rows) - 1)
    return counts


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'set':<11} {'P':>6} {'R':>6} {'F1':>6} {'since':>6} {'home':>7}")
        for name, (texts, gold) in SETS.items():
            if not texts.exists():
                continue
            ev = scored(texts, gold, Path(tmp) / name.replace(" ", "_"))
            p, h = ev["partnerships"]["pairs"], ev["home"]
            print(f"{name:<11} {p['precision']:6.3f} {p['recall']:6.3f} {p['f1']:6.3f}"
                  f" {ev['partnerships']['since']['accuracy']:6.3f} {h['correct']:>3}/{h['total']:<3}"
                  f"  (tp {p['tp']} fp {p['fp']} fn {p['fn']})")
        blind = SHARED / "blind" / "score"
        if blind.exists():
            out = subprocess.run([str(blind), "--json"], cwd=ROOT, capture_output=True, text=True, check=True)
            b = json.loads(out.stdout)
            p = b["pairs"]
            print(f"{'blind':<11} {p['p']:6.3f} {p['r']:6.3f} {p['f1']:6.3f} {b['since_acc']:6.3f}"
                  f" {b['home_acc']:7.3f}  (tp {p['tp']} pred {p['pred']} gold {p['gold']};"
                  f" look-alike false pairs {b['lookalike_false_pairs']})")
            print("  by kind: " + ", ".join(f"{k.split(',')[0]} {v['f1']:.2f}" for k, v in b["by_group"].items()))
        # the same with each page's address (--urls), as a crawl has it
        for name, (texts, gold) in SETS.items():
            manifest = texts.parent / "manifest.tsv"
            if not texts.exists() or not manifest.exists():
                continue
            ev = scored(texts, gold, Path(tmp) / (name.replace(" ", "_") + "_urls"), manifest)
            p, h = ev["partnerships"]["pairs"], ev["home"]
            print(f"{name + ' +url':<11} {p['precision']:6.3f} {p['recall']:6.3f} {p['f1']:6.3f}"
                  f" {ev['partnerships']['since']['accuracy']:6.3f} {h['correct']:>3}/{h['total']:<3}")
        if blind.exists():
            out = subprocess.run([str(blind), "--json", "--with-urls"], cwd=ROOT, capture_output=True, text=True,
                                 check=True)
            b = json.loads(out.stdout)
            p = b["pairs"]
            print(f"{'blind +url':<11} {p['p']:6.3f} {p['r']:6.3f} {p['f1']:6.3f} {b['since_acc']:6.3f}"
                  f" {b['home_acc']:7.3f}")
        if "--no-bench" not in argv:
            print(f"off-topic pairs (news-de + html-de): {off_topic_pairs(Path(tmp))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
