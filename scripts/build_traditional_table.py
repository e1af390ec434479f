"""Regenerate ``patterns/traditional_simplified.txt`` from OpenCC's ``t2s`` conversion.

The text layer folds Traditional characters to Simplified one code point for
one, so offsets never move. This script asks OpenCC (Apache-2.0) for the
Simplified form of every CJK Unified Ideograph and keeps the one-to-one
changes. ``tests/test_generated_data.py`` reruns it and compares.

    python scripts/build_traditional_table.py > patterns/traditional_simplified.txt
"""

from __future__ import annotations

import sys

import opencc

HEADER = "# Traditional -> Simplified, one character each, from OpenCC t2s (Apache-2.0). Generated: do not edit.\n"
RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000))


def build() -> str:
    converter = opencc.OpenCC("t2s")
    lines = [HEADER]
    for low, high in RANGES:
        for cp in range(low, high):
            char = chr(cp)
            simplified = converter.convert(char)
            if len(simplified) == 1 and simplified != char:
                lines.append(f"{char}\t{simplified}\n")
    return "".join(lines)


if __name__ == "__main__":
    sys.stdout.write(build())
