#!/usr/bin/env python3
"""Builds dist/article-compare-wordpress.zip: the WordPress plugin in
integrations/wordpress/article-compare/ with the widget's files (what
www/package.json ships, less type declarations and documentation) under
assets/, and the project's licences. The same inputs give the same bytes:
entries sorted, fixed times and modes.

    python3 scripts/build-wordpress-plugin.py   (after scripts/build-wasm.sh)
"""
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "integrations" / "wordpress" / "article-compare"
WWW = ROOT / "www"
OUT = ROOT / "dist" / "article-compare-wordpress.zip"
# What the browser loads; the rest of the npm package is for tools.
SHIPPED = (".js", ".css", ".wasm")


def widget_files():
    """The files of www/package.json's `files` that a browser loads."""
    package = json.loads((WWW / "package.json").read_text(encoding="utf-8"))
    for entry in package["files"]:
        path = WWW / entry
        found = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in found:
            if file.is_file() and file.name.endswith(SHIPPED) and not file.name.endswith(".d.ts"):
                yield file


def entries():
    """(name in the zip, file) for every file of the plugin."""
    for file in sorted(PLUGIN.rglob("*")):
        if file.is_file():
            yield f"article-compare/{file.relative_to(PLUGIN).as_posix()}", file
    for file in widget_files():
        yield f"article-compare/assets/{file.relative_to(WWW).as_posix()}", file
    for name in ("LICENSE-MIT", "LICENSE-APACHE"):
        yield f"article-compare/{name}", ROOT / name


def main():
    files = sorted(entries())
    missing = [str(f) for _, f in files if not f.exists()]
    if missing:
        sys.exit("missing (run scripts/build-wasm.sh first): " + ", ".join(missing))
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
