#!/usr/bin/env python3
"""Builds dist/article-compare-wordpress.zip: the WordPress plugin in
integrations/wordpress/article-compare/ with the widget's files as a site
serves them (dist/widget/, minified) under assets/, and the project's
licences. The same inputs give the same bytes: entries sorted, fixed times
and modes.

    python3 scripts/build-wordpress-plugin.py   (after scripts/build-widget.mjs)
"""
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "integrations" / "wordpress" / "article-compare"
WIDGET = ROOT / "dist" / "widget"
OUT = ROOT / "dist" / "article-compare-wordpress.zip"
# What the browser loads; the rest of the npm package is for tools.
SHIPPED = (".js", ".css", ".wasm")


def widget_files():
    """The files of dist/widget/ that a browser loads."""
    for file in sorted(WIDGET.rglob("*")):
        if file.is_file() and file.name.endswith(SHIPPED):
            yield file


def entries():
    """(name in the zip, file) for every file of the plugin."""
    for file in sorted(PLUGIN.rglob("*")):
        if file.is_file():
            yield f"article-compare/{file.relative_to(PLUGIN).as_posix()}", file
    for file in widget_files():
        yield f"article-compare/assets/{file.relative_to(WIDGET).as_posix()}", file
    for name in ("LICENSE-MIT", "LICENSE-APACHE"):
        yield f"article-compare/{name}", ROOT / name


def main():
    files = sorted(entries())
    if not any(name.endswith("/widget/article-compare.js") for name, _ in files):
        sys.exit("dist/widget/ is missing: run node scripts/build-widget.mjs first")
    missing = [str(f) for _, f in files if not f.exists()]
    if missing:
        sys.exit("missing: " + ", ".join(missing))
    OUT.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, file in files:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file.read_bytes())
    print(f"{OUT.relative_to(ROOT)}: {len(files)} files, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
