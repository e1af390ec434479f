"""How jieba's dictionary frequency splits names from words among the words it tags as names.

    .venv/bin/python scripts/name_frequency_split.py [THRESHOLD]

Reads every case of ``tests/cases`` (and ``tests/cases/articles``) that checks persons in full (not
``partial``) and finds each occurrence of a surname-initial word of two or three characters that
jieba's dictionary tags as a personal name (``nr*``). An occurrence an expected person record spans
exactly counts as a name; one no person record overlaps counts as a word. For a few thresholds it
prints how many occurrences of names stand at or above it (lost where a rule takes a word so
frequent for that word) and how many of words stand below it (still read as names). With
THRESHOLD, it lists the names and words on either side of it. This is the measurement behind
``names.FREQUENT_WORD``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from gov_extract.names import surname_length, word_frequency, word_tag

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases"
THRESHOLDS = (30, 100, 200, 300, 500, 700, 1000, 1500, 2000, 3000)
NAME_LENGTHS = (3, 2)


def _cases() -> list[dict]:
    paths = sorted(CASES.glob("*.jsonl")) + sorted((CASES / "articles").glob("*.jsonl"))
    return [
        json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _checks_persons(case: dict) -> bool:
    if case.get("partial"):
        return False
    types = case.get("types") or (
        {"person"} if case.get("known_errors") else {record["type"] for record in case["expect"]}
    )
    return "person" in types


def count() -> tuple[Counter[str], Counter[str]]:
    """(occurrences standing as names, occurrences standing as words), by word."""
    names: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for case in filter(_checks_persons, _cases()):
        text = case["text"]
        persons = [(r["start"], r["end"]) for r in case["expect"] if r["type"] == "person"]
        for at in range(len(text)):
            for length in NAME_LENGTHS:
                word = text[at : at + length]
                if len(word) != length or not word_tag(word).startswith("nr") or surname_length(word) != 1:
                    continue
                if (at, at + length) in persons:
                    names[word] += 1
                elif not any(start < at + length and at < end for start, end in persons):
                    words[word] += 1
                break
    return names, words


def main() -> None:
    names, words = count()
    print(f"names: {sum(names.values())} occurrences of {len(names)}; words: {sum(words.values())} of {len(words)}")
    for threshold in THRESHOLDS:
        lost = [w for w in names if word_frequency(w) >= threshold]
        caught = sum(n for w, n in words.items() if word_frequency(w) >= threshold)
        print(
            f"{threshold:>5}: names at or above {sum(names[w] for w in lost):4} ({len(lost)} words), "
            f"words below {sum(words.values()) - caught:4}, words at or above {caught:4}"
        )
    if len(sys.argv) > 1:
        threshold = int(sys.argv[1])
        print(
            "names at or above:",
            sorted(((word_frequency(w), w) for w in names if word_frequency(w) >= threshold), reverse=True),
        )
        print(
            "words at or above:",
            sorted(((word_frequency(w), w) for w in words if word_frequency(w) >= threshold), reverse=True),
        )


if __name__ == "__main__":
    main()
