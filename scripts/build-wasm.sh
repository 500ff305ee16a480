#!/usr/bin/env bash
# Builds the WebAssembly package into www/pkg: the wasm crate twice — for
# speed (profile "wasm", the app) and for size (profile "wasm-small", the
# widget) — with wasm-bindgen's no-bundler JS glue (--target web), each
# through wasm-opt -Oz; and the app's sample set, www/pkg/examples.json
# (scripts/examples.mjs). Prints the size of each wasm, raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."

# optimise IN OUT LEVEL…: -Oz --converge for size; -O1 for speed, where -O2
# to -O4 and -Oz all left the app's wasm about 3% slower than -O1 or no
# wasm-opt at all (five articles and the 1 MB pair in node, interleaved),
# at 1.2 KB gzipped more than -Oz and 20 KB less than no wasm-opt.
# Rust's wasm32 target emits the post-MVP features below; wasm-opt must
# accept them.
optimise() {
  local in=$1 out=$2
  shift 2
  node_modules/.bin/wasm-opt "$@" --low-memory-unused \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$in" -o "$out"
}
report() {
  printf 'built %s: %s bytes, %s bytes gzipped\n' "$1" "$(wc -c < "$1")" "$(gzip -9 -c "$1" | wc -c)"
}

# The app's build, for speed (profile "wasm").
cargo build --locked --profile wasm --target wasm32-unknown-unknown -p article-compare-wasm
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg --out-name article_compare \
  target/wasm32-unknown-unknown/wasm/article_compare_wasm.wasm
optimise www/pkg/article_compare_bg.wasm www/pkg/article_compare_bg.wasm -O1
report www/pkg/article_compare_bg.wasm

# The widget's build, for size (profile "wasm-small"), without the semantic
# signal: the same exports, so the same JS glue loads either; only the .wasm
# is kept.
cargo build --locked --profile wasm-small --target wasm32-unknown-unknown -p article-compare-wasm --no-default-features
small=$(mktemp -d)
wasm-bindgen --target web --out-dir "$small" --out-name article_compare \
  target/wasm32-unknown-unknown/wasm-small/article_compare_wasm.wasm
cmp -s "$small/article_compare.js" www/pkg/article_compare.js \
  || { echo "the two builds' JS glue differ: the widget cannot share it" >&2; exit 1; }
optimise "$small/article_compare_bg.wasm" www/pkg/article_compare_small_bg.wasm -Oz --converge
rm -rf "$small"
report www/pkg/article_compare_small_bg.wasm

cp model/minilm-signs.bin www/pkg/minilm-signs.bin
report www/pkg/minilm-signs.bin

node scripts/examples.mjs
