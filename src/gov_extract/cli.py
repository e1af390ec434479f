"""``gov-extract FILE_OR_DIR ...``: print the records of articles as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from .pipeline import extract


def iter_articles(paths: list[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        elif path.is_file():
            yield path
        else:
            raise FileNotFoundError(f"no such file or directory: {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gov-extract", description=__doc__)
    parser.add_argument("paths", nargs="+", help="article files (UTF-8 text) or folders of *.txt")
    parser.add_argument("--pub-date", help="article date YYYY-MM-DD for every file (default: inferred)")
    parser.add_argument("--home-place", help="publisher's place, e.g. 吕梁市 (default: inferred)")
    args = parser.parse_args(argv)
    out = sys.stdout
    try:
        files = list(iter_articles(args.paths))
    except FileNotFoundError as err:
        parser.error(str(err))
    for path in files:
        text = path.read_text(encoding="utf-8")
        result = extract(text, doc_id=path.stem, pub_date=args.pub_date, home_place=args.home_place)
        for record in result.records:
            out.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
