#!/usr/bin/env bash
# Builds the format readers' WebAssembly module into www/pkg, beside the
# compare module (run it after scripts/build-wasm.sh, which empties www/pkg):
# the wasm-formats crate (profile "wasm-formats"), wasm-bindgen's no-bundler
# JS glue (--target web), then wasm-opt. The app loads it lazily, only when a
# file that is not plain UTF-8 text arrives. Prints the size of the wasm the
# browser loads, raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --profile wasm-formats --target wasm32-unknown-unknown -p article-compare-formats-wasm
mkdir -p www/pkg
rm -f www/pkg/article_compare_formats*
wasm-bindgen --target web --out-dir www/pkg --out-name article_compare_formats \
  target/wasm32-unknown-unknown/wasm-formats/article_compare_formats_wasm.wasm
# Rust's wasm32 target emits these post-MVP features; wasm-opt must accept them.
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/article_compare_formats_bg.wasm -o www/pkg/article_compare_formats_bg.wasm

wasm=www/pkg/article_compare_formats_bg.wasm
printf 'built %s: %s bytes, %s bytes gzipped\n' "$wasm" "$(wc -c < "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
