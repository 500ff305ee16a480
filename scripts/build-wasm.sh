#!/usr/bin/env bash
# Builds the WebAssembly package into www/pkg: the wasm crate (profile "wasm"),
# wasm-bindgen's no-bundler JS glue (--target web), then wasm-opt -Oz; and
# the app's sample set, www/pkg/examples.json (scripts/examples.mjs).
# Prints the size of the wasm the browser loads, raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --profile wasm --target wasm32-unknown-unknown -p article-compare-wasm
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg --out-name article_compare \
  target/wasm32-unknown-unknown/wasm/article_compare_wasm.wasm
# Rust's wasm32 target emits these post-MVP features; wasm-opt must accept them.
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/article_compare_bg.wasm -o www/pkg/article_compare_bg.wasm

wasm=www/pkg/article_compare_bg.wasm
printf 'built %s: %s bytes, %s bytes gzipped\n' "$wasm" "$(wc -c < "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"

node scripts/examples.mjs
