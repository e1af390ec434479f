"""Time per article of the spaCy component under each Chinese segmenter.

    .venv/bin/python bench/spacy_segmenters.py [--pkuseg-model DIR] [--rounds 20]

For each segmenter (spaCy's default character segmenter, jieba, and pkuseg when
a local spacy-pkuseg model folder is given; nothing is downloaded) it prints the
milliseconds of CPU time per bundled UTF-8 ``corpora/`` article of the tokenizer alone and of the
whole pipeline (tokenizer + ``gov_extract``), next to ``extract()`` alone.
Loading (jieba's dictionary, the rule tables) happens in a warm-up round and is
not counted. It measures, it does not assert: this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from gov_extract import extract

ROOT = Path(__file__).resolve().parents[1]


def utf8_articles() -> list[str]:
    """The bundled UTF-8 ``.txt`` articles (the few in other encodings need the batch job's decoder)."""
    texts = []
    for path in sorted((ROOT / "corpora").rglob("*")):
        if path.suffix.lower() == ".txt":
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                continue
    return texts


def per_article_ms(run: Callable[[str], object], texts: list[str], rounds: int) -> float:
    for text in texts:  # warm-up: dictionaries and tables load here
        run(text)
    # CPU time of this process: on a shared machine, wall time mostly measures the neighbours.
    start = time.process_time()
    for _ in range(rounds):
        for text in texts:
            run(text)
    return (time.process_time() - start) * 1000 / (rounds * len(texts))


def build(segmenter: str, pkuseg_model: str | None) -> spacy.language.Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    if segmenter == "pkuseg":
        nlp.tokenizer.initialize(pkuseg_model=pkuseg_model)  # type: ignore[union-attr]
    nlp.add_pipe("gov_extract")
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pkuseg-model", help="a local spacy-pkuseg model folder (pkuseg is skipped without one)")
    parser.add_argument("--rounds", type=int, default=20, help="passes over the corpus per figure")
    args = parser.parse_args()
    texts = utf8_articles()
    chars = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} articles, {chars:.0f} characters on average, {args.rounds} rounds")
    print(f"{'extract() alone':<18} {per_article_ms(extract, texts, args.rounds):8.2f} ms/article")
    segmenters = ["char", "jieba"] + (["pkuseg"] if args.pkuseg_model else [])
    print(f"{'segmenter':<18} {'tokenizer':>10} {'pipeline':>10}  (ms/article)")
    for segmenter in segmenters:
        nlp = build(segmenter, args.pkuseg_model)
        tokenizer_ms = per_article_ms(nlp.make_doc, texts, args.rounds)
        pipeline_ms = per_article_ms(nlp, texts, args.rounds)
        print(f"{segmenter:<18} {tokenizer_ms:10.2f} {pipeline_ms:10.2f}")


if __name__ == "__main__":
    main()
