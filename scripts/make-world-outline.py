#!/usr/bin/env python3
"""Generate Sources/KardesMaps/WorldOutline.swift from Natural Earth's 1:110m country outlines.

Origin: Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries, as shipped in the PyPI wheel of
geopandas 0.14.4 (geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp). Natural Earth is in
the public domain (https://www.naturalearthdata.com/about/terms-of-use/).

What it does, in order:
1. gets the wheel (`pip download geopandas==0.14.4 --no-deps`, or `--wheel PATH`) and reads the shapefile
   from inside it with pyshp, without installing geopandas;
2. maps each country's ISO 3166-1 alpha-3 code to alpha-2 with pycountry (Kosovo -> XK; territories
   without an ISO code, N. Cyprus and Somaliland, get "--" and are never highlighted);
3. simplifies with Douglas-Peucker, topology-preserving: rings are cut at junctions, the points where
   rings that meet part ways (ends of borders, tripoints), and each piece between two junctions is
   simplified once, so neighbouring countries keep one common border with no gaps or slivers; every
   point written carries its importance level, so the renderer can simplify further for small maps,
   again without gaps;
4. drops islands smaller than MIN_AREA square degrees (a country's largest ring is always kept);
5. rounds to 0.1 degree and writes each ring as "CC lon,latL dlon,dlatL ..." (integers in tenths of a
   degree, first point absolute, the rest deltas, L the importance level a-j; rings are implicitly closed).

The output is deterministic: the same inputs give the same bytes.

Regenerate (from the repository root):
    python3 -m venv /tmp/outline-venv
    /tmp/outline-venv/bin/pip install pyshp==3.1.6 pycountry==26.2.16
    /tmp/outline-venv/bin/python scripts/make-world-outline.py
"""

import argparse
import glob
import io
import math
import os
import subprocess
import sys
import tempfile
import zipfile

try:
    import pycountry
    import shapefile  # pyshp
except ImportError:
    sys.exit("needs pyshp and pycountry: pip install pyshp==3.1.6 pycountry==26.2.16 (see the docstring)")

GEOPANDAS = "geopandas==0.14.4"
BASE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
TOLERANCE = 0.2  # degrees, Douglas-Peucker: points less important than this are not written
# Importance levels (degrees): a point written with level L survives simplification at any tolerance below
# LEVELS[L + 1] (LEVELS[10] being infinity), so small maps can drop detail without opening gaps between countries.
LEVELS = [0.2, 0.3, 0.45, 0.65, 0.9, 1.3, 1.8, 2.5, 3.5, 5.0]
MIN_AREA = 0.5  # square degrees; smaller islands are dropped unless they are the country's largest ring
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "KardesMaps", "WorldOutline.swift")
SPECIAL_CODES = {"Kosovo": "XK"}


def fetch_wheel(path):
    if path:
        return path
    folder = tempfile.mkdtemp(prefix="kardes-outline-")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", GEOPANDAS, "--no-deps", "--dest", folder], check=True
    )
    wheels = glob.glob(os.path.join(folder, "geopandas-0.14.4-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"expected one geopandas wheel in {folder}, found {wheels}")
    return wheels[0]


def read_countries(wheel):
    archive = zipfile.ZipFile(wheel)
    encoding = archive.read(BASE + ".cpg").decode("ascii").strip() or "latin-1"
    reader = shapefile.Reader(
        shp=io.BytesIO(archive.read(BASE + ".shp")),
        shx=io.BytesIO(archive.read(BASE + ".shx")),
        dbf=io.BytesIO(archive.read(BASE + ".dbf")),
        encoding=encoding,
    )
    countries = []
    for item in reader.shapeRecords():
        name, alpha3 = item.record["name"], item.record["iso_a3"]
        country = pycountry.countries.get(alpha_3=alpha3)
        code = country.alpha_2 if country else SPECIAL_CODES.get(name, "--")
        points, parts = item.shape.points, list(item.shape.parts) + [len(item.shape.points)]
        rings = []
        for start, end in zip(parts, parts[1:]):
            ring = [(round(x, 6), round(y, 6)) for x, y in points[start:end]]
            if len(ring) > 1 and ring[0] == ring[-1]:
                ring.pop()
            rings.append(ring)
        countries.append((code, name, rings))
    return countries


def area(ring):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def importances(points):
    """Douglas-Peucker importance of each point of a polyline: the largest tolerance at which DP keeps it.

    The ends are kept at any tolerance (infinity). A point is never more important than the point whose split
    exposed it, so simplifying at tolerance t keeps exactly the points with importance > t, nested across t.
    Deterministic: the first farthest point wins ties.
    """
    result = [0.0] * len(points)
    result[0] = result[-1] = math.inf
    stack = [(0, len(points) - 1, math.inf)]
    while stack:
        first, last, ceiling = stack.pop()
        if last - first < 2:
            continue
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        best, index = -1.0, first + 1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs(dy * (px - ax) - dx * (py - ay)) / length
            if distance > best:
                best, index = distance, i
        value = min(best, ceiling)
        result[index] = value
        stack.append((first, index, value))
        stack.append((index, last, value))
    return result


def presimplify(rings):
    """Importance of every vertex, equal for the two sides of a shared border, so any tolerance keeps topology."""
    # A junction is a point where two rings meet but do not go on together: its neighbours differ between
    # its occurrences (the ends of a border, tripoints, the mouth of an enclave like the Gambia).
    neighbours = {}
    for ring in rings:
        n = len(ring)
        for i, point in enumerate(ring):
            neighbours.setdefault(point, set()).add(frozenset((ring[i - 1], ring[(i + 1) % n])))
    cache = {}

    def piece_importances(piece):
        # Canonical direction, so a border walked one way by one country and the other way by its
        # neighbour gets the same values.
        key = tuple(piece)
        reverse = key[::-1]
        if reverse < key:
            return list(reversed(piece_importances(list(reverse))))
        if key not in cache:
            cache[key] = importances(piece)
        return cache[key]

    result = []
    for ring in rings:
        n = len(ring)
        fixed = [i for i in range(n) if len(neighbours[ring[i]]) > 1]
        if not fixed:
            # No junction (an island, or a ring identical to another's hole): start at the smallest point
            # and cut again at the farthest from it, both independent of where the ring started.
            start = min(range(n), key=lambda i: ring[i])
            sx, sy = ring[start]
            far = max(range(n), key=lambda i: ((ring[i][0] - sx) ** 2 + (ring[i][1] - sy) ** 2, [-c for c in ring[i]]))
            fixed = sorted({start, far})
        values = [0.0] * n
        for k, first in enumerate(fixed):
            last = fixed[(k + 1) % len(fixed)]
            indices = [i % n for i in range(first, last + (n if last <= first else 0) + 1)]
            for i, value in zip(indices, piece_importances([ring[i] for i in indices])):
                values[i] = value if i not in (indices[0], indices[-1]) else math.inf
        result.append(values)
    return result


def level(importance):
    """0-9: how many of LEVELS[1:] the importance reaches; the renderer keeps a point while LEVELS[level + 1] > t."""
    return sum(1 for threshold in LEVELS[1:] if importance >= threshold)


def tenths(value):
    return int(math.floor(value * 10 + 0.5))


def quantize(points):
    """Rounds (point, level) pairs to tenths; of points that round alike in a row, one stays, with the top level."""
    out = []
    for (x, y), lvl in points:
        point = (tenths(x), tenths(y))
        if out and out[-1][0] == point:
            out[-1] = (point, max(out[-1][1], lvl))
        else:
            out.append((point, lvl))
    while len(out) > 1 and out[0][0] == out[-1][0]:
        out[0] = (out[0][0], max(out[0][1], out[-1][1]))
        out.pop()
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", help="a downloaded geopandas-0.14.4 wheel (default: pip download it)")
    parser.add_argument("--output", default=OUTPUT)
    args = parser.parse_args()

    countries = read_countries(fetch_wheel(args.wheel))
    flat = [(code, name, ring) for code, name, rings in countries for ring in rings]
    values = presimplify([ring for _, _, ring in flat])

    largest = {}
    for code, name, ring in flat:
        largest[name] = max(largest.get(name, 0), area(ring))
    kept = []
    source_points = sum(len(ring) for _, _, ring in flat)
    for order, ((code, name, ring), importance) in enumerate(zip(flat, values)):
        if area(ring) < MIN_AREA and area(ring) < largest[name]:
            continue
        points = quantize([(p, level(v)) for p, v in zip(ring, importance) if v > TOLERANCE])
        if len(points) < 3:
            # A small island that simplification reduced to a line: keep its three most important points.
            top = sorted(range(len(ring)), key=lambda i: (-importance[i], i))[:3]
            points = quantize([(ring[i], level(importance[i])) for i in sorted(top)])
        if len(points) < 3:
            continue
        kept.append((code, name, order, points))
    # Sorted by code, then name, then source order, so the file is stable and a country's rings are together.
    kept.sort(key=lambda item: (item[0], item[1], item[2]))

    tokens = []
    for code, _, _, points in kept:
        tokens.append(code)
        (px, py), lvl = points[0]
        tokens.append(f"{px},{py}{chr(97 + lvl)}")
        for (x, y), lvl in points[1:]:
            tokens.append(f"{x - px},{y - py}{chr(97 + lvl)}")
            px, py = x, y
    lines, line = [], ""
    for token in tokens:
        if line and len(line) + 1 + len(token) > 140:
            lines.append(line)
            line = token
        else:
            line = f"{line} {token}" if line else token
    lines.append(line)

    total_points = sum(len(points) for *_, points in kept)
    header = '''// Generated by scripts/make-world-outline.py — do not edit by hand; run the script to regenerate.
//
// Origin: Natural Earth 1:110m Cultural Vectors, Admin 0 – Countries (https://www.naturalearthdata.com/),
// as shipped in the PyPI wheel of {GEOPANDAS} (geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp).
// Licence: public domain (Natural Earth terms of use: "All versions of Natural Earth raster + vector map data
// found on this website are in the public domain."). No attribution is required; we name the source anyway.
//
// Processing: ISO 3166-1 alpha-3 mapped to alpha-2 (Kosovo XK; N. Cyprus and Somaliland "--"), Douglas–Peucker
// simplification at {TOLERANCE}° preserving shared borders, islands under {MIN_AREA} square degrees dropped (a country's
// largest ring is kept), coordinates rounded to 0.1°. {RINGS} rings, {POINTS} points (from {SOURCE_POINTS}).
//
// Format: whitespace-separated tokens. A two-character token (a country code, or "--") starts a ring; then the
// first point as "lon,lat" in tenths of a degree, then each further point as the difference from the one before.
// Each point ends in a letter a–j, its importance level L: it survives Douglas–Peucker simplification at any
// tolerance below LEVELS[L + 1] degrees (j: always), with
// LEVELS = [{LEVELS}].
// Shared borders have the same levels on both sides, so dropping points by level never opens gaps between countries.
// Rings are implicitly closed; holes (South Africa around Lesotho) are separate rings of the same country.
//
// Regenerate: python3 -m venv /tmp/outline-venv && /tmp/outline-venv/bin/pip install pyshp==3.1.6 pycountry==26.2.16
//             /tmp/outline-venv/bin/python scripts/make-world-outline.py

extension WorldOutline {
    /// The encoded outline; see the comment at the top of this file for its format.
    static let encoded = """
'''
    values = {"LEVELS": ", ".join(str(v) for v in LEVELS) , "GEOPANDAS": GEOPANDAS, "TOLERANCE": TOLERANCE, "MIN_AREA": MIN_AREA, "RINGS": len(kept),
              "POINTS": total_points, "SOURCE_POINTS": source_points}
    for key, value in values.items():
        header = header.replace("{" + key + "}", str(value))
    body = "\n".join("        " + l for l in lines)
    text = header + body + '\n        """\n}\n'
    with open(args.output, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)
    print(f"wrote {os.path.relpath(args.output)}: {len(kept)} rings, {total_points} points, {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
