#!/usr/bin/env python3
"""Writes renderer/src/faces/: the reading face (Noto Naskh Arabic) and the interface's (Noto Sans Arabic),
regular and bold, with each face's Arabic and Latin files from @fontsource merged into one file, and
faces.css declaring them.

Why: @fontsource splits a face into files by script (unicode-range). Arabic text needs two of them, the
Arabic letters' and the Latin one, which holds the spaces' neighbours in an Arabic article: digits, full
stops, colons, hyphens, curly quotes. Preloaded alone, the Arabic file left those to a fallback face in
the first frame, and the Latin file (fetched once that frame was laid out) swapped them in afterwards;
preloading both cost a request each. One file per face is one request, and the first frame is drawn in
the faces it keeps. See docs/ARCHITECTURE.md, "Opening fast".

The other subsets (extended Latin, mathematical signs, symbols) stay @fontsource's files, declared with
its ranges. The result is committed; run this again (needs python3-fonttools, a Debian package) after
upgrading @fontsource, and the faces' test (test/unit/faces.test.ts) checks that it was.

Usage: python3 scripts/merge-faces.py
"""

import re
import subprocess
from pathlib import Path

from fontTools.merge import Merger
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "renderer" / "src" / "faces"
FAMILIES = {"noto-naskh-arabic": "Noto Naskh Arabic", "noto-sans-arabic": "Noto Sans Arabic"}
WEIGHTS = ("400", "700")
MERGED = ("arabic", "latin")
KEPT = ("math", "symbols", "latin-ext")

RULE = re.compile(r"/\* (?P<name>[\w-]+) \*/\s*@font-face\s*\{(?P<body>[^}]*)\}")


def ranges(package: str, weight: str) -> dict[str, str]:
    """Each subset's unicode-range in @fontsource's stylesheet for this weight."""
    css = (ROOT / "node_modules" / "@fontsource" / package / f"{weight}.css").read_text()
    found = {}
    for match in RULE.finditer(css):
        subset = match["name"].removeprefix(f"{package}-").removesuffix(f"-{weight}-normal")
        found[subset] = re.search(r"unicode-range:\s*([^;]+);", match["body"])[1].strip()
    return found


def merge(package: str, weight: str) -> str:
    """Merges the Arabic and Latin files into one woff2; returns its file name."""
    files = ROOT / "node_modules" / "@fontsource" / package / "files"
    parts = []
    fonts = {}
    for subset in MERGED:
        font = fonts[subset] = TTFont(files / f"{package}-{subset}-{weight}-normal.woff2")
        font.flavor = None
        font.recalcTimestamp = False
        part = OUT / f".{subset}-{weight}.ttf"
        font.save(part)
        parts.append(part)
    merged = Merger().merge([str(part) for part in parts])
    for part in parts:
        part.unlink()
    # The browser takes a face's metrics from the file that holds the space, which was the Latin one, and
    # sizes a text field by two of them: the average character width and the horizontal extent of all
    # glyphs (Chromium adds their difference to the field's default width). Merged, the first would be the
    # two files' mean and the second that of the widest Arabic ligature (12 em): fields grew by ~200 px.
    # Both are kept as the Latin file had them; the vertical extent stays the union's.
    latin = fonts["latin"]
    merged["OS/2"].xAvgCharWidth = latin["OS/2"].xAvgCharWidth
    merged["head"].xMin = latin["head"].xMin
    merged["head"].xMax = latin["head"].xMax
    merged.recalcBBoxes = False
    # The same input makes the same file: the date of @fontsource's, not of the run.
    merged["head"].created = fonts["arabic"]["head"].created
    merged["head"].modified = fonts["arabic"]["head"].modified
    merged.recalcTimestamp = False  # the parts above were saved without it too
    merged.flavor = "woff2"
    name = f"{package}-{'-'.join(MERGED)}-{weight}-normal.woff2"
    merged.save(OUT / name)
    return name


def face(family: str, weight: str, url: str, unicode_range: str) -> str:
    return (
        "@font-face {\n"
        f"  font-family: '{family}';\n"
        "  font-style: normal;\n"
        "  font-display: swap;\n"
        f"  font-weight: {weight};\n"
        f"  src: url({url}) format('woff2');\n"
        f"  unicode-range: {unicode_range};\n"
        "}\n"
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    css = [
        "/* Written by scripts/merge-faces.py from @fontsource's stylesheets; do not edit by hand. */\n",
        "/* The last face declared for a character wins: the merged Arabic and Latin file comes last, as\n"
        "   @fontsource's Latin file did. See docs/ARCHITECTURE.md, \"Opening fast\". */\n",
    ]
    for package, family in FAMILIES.items():
        for weight in WEIGHTS:
            found = ranges(package, weight)
            for subset in KEPT:
                url = f"'@fontsource/{package}/files/{package}-{subset}-{weight}-normal.woff2'"
                css.append(face(family, weight, url, found[subset]))
            union = ",".join(found[subset] for subset in MERGED)
            css.append(face(family, weight, f"'./{merge(package, weight)}'", union))
    (OUT / "faces.css").write_text("\n".join(css))
    subprocess.run(["npx", "prettier", "--write", str(OUT / "faces.css")], cwd=ROOT, check=True)
    license_text = ROOT / "node_modules" / "@fontsource" / "noto-naskh-arabic" / "LICENSE"
    (OUT / "OFL.txt").write_text(license_text.read_text())


if __name__ == "__main__":
    main()
