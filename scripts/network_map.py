"""Draw a run's partnership network (``OUT/network.geojson``) on a plain map.

    pip install -e ".[map]"
    python scripts/network_map.py outputs/network.geojson --out network.png [--labels 25]

Longitude and latitude axes (equirectangular, scaled for the map's mid latitude),
one line per partnership, one dot per body sized by its number of partnerships,
names of the best-connected bodies. No tiles or coastlines are downloaded: the
picture needs nothing but the GeoJSON and matplotlib.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def draw(geojson: dict, out: Path, labels: int = 25, title: str = "") -> None:
    """Two panels: every body and partnership, and the dense middle of the map (10th to
    90th percentile of the bodies' positions) with the best-connected bodies named."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points = [f for f in geojson["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in geojson["features"] if f["geometry"]["type"] == "LineString"]
    xs = [p["geometry"]["coordinates"][0] for p in points]
    ys = [p["geometry"]["coordinates"][1] for p in points]
    fig, (whole, middle) = plt.subplots(1, 2, figsize=(16, 7.5), dpi=100, gridspec_kw={"width_ratios": [1, 1.2]})
    for ax in (whole, middle):
        for line in lines:
            (lon1, lat1), (lon2, lat2) = line["geometry"]["coordinates"]
            ended = line["properties"].get("status") == "ended"
            ax.plot([lon1, lon2], [lat1, lat2], color="#c0392b" if ended else "#2c6fbb", alpha=0.4, linewidth=0.8)
        sizes = [10 + 12 * p["properties"]["n_partnerships"] for p in points]
        ax.scatter(xs, ys, s=sizes, color="#1b3a5c", zorder=3, edgecolor="white", linewidth=0.5)
        ax.grid(color="#dddddd", linewidth=0.5)
        ax.set_xlabel("longitude")
        ax.set_ylabel("latitude")
    if ys:
        whole.set_aspect(1 / math.cos(math.radians(sum(ys) / len(ys))))
        west, east = _quantile(xs, 0.1) - 3, _quantile(xs, 0.9) + 3
        south, north = _quantile(ys, 0.1) - 2, _quantile(ys, 0.9) + 2
        middle.set_xlim(west, east)
        middle.set_ylim(south, north)
        middle.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
        inside = [
            p
            for p in points
            if west <= p["geometry"]["coordinates"][0] <= east and south <= p["geometry"]["coordinates"][1] <= north
        ]
        ranked = sorted(inside, key=lambda p: (-p["properties"]["n_partnerships"], p["properties"]["name"]))
        for point in ranked[:labels]:
            lon, lat = point["geometry"]["coordinates"]
            middle.annotate(
                point["properties"]["name"], (lon, lat), xytext=(4, 3), textcoords="offset points", fontsize=7
            )
    whole.set_title("all bodies with coordinates")
    middle.set_title("the middle of the map, best-connected bodies named")
    fig.suptitle(title or f"{len(lines)} partnerships between {len(points)} bodies")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("geojson", type=Path, help="a network.geojson written by 'extract run' or 'extract network'")
    parser.add_argument("--out", type=Path, default=Path("network.png"), help="PNG to write (default network.png)")
    parser.add_argument("--labels", type=int, default=25, help="how many of the best-connected bodies to name")
    parser.add_argument("--title", default="", help="title (default: the counts)")
    args = parser.parse_args()
    draw(json.loads(args.geojson.read_text(encoding="utf-8")), args.out, args.labels, args.title)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
