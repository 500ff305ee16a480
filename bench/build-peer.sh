#!/usr/bin/env bash
# Builds the speed benchmark's peer (bench/similar-peer: a plain two-level
# diff with similar) to bench/similar-peer/pkg, with the same profile,
# wasm-bindgen target and wasm-opt pass as the app's engine
# (scripts/build-wasm.sh), so that bench/node.mjs compares like with like.
# Not part of ./dev: only the benchmark needs it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --profile wasm --target wasm32-unknown-unknown -p similar-peer
rm -rf bench/similar-peer/pkg
wasm-bindgen --target web --out-dir bench/similar-peer/pkg --out-name similar_peer \
  target/wasm32-unknown-unknown/wasm/similar_peer.wasm
node_modules/.bin/wasm-opt -O1 --low-memory-unused \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  bench/similar-peer/pkg/similar_peer_bg.wasm -o bench/similar-peer/pkg/similar_peer_bg.wasm
printf 'built bench/similar-peer/pkg/similar_peer_bg.wasm: %s bytes\n' "$(wc -c < bench/similar-peer/pkg/similar_peer_bg.wasm)"
