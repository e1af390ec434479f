"""Rewrite the ``known_errors`` of the article cases to what the extractor gets wrong now.

After a fix, the article cases in ``tests/cases/articles/`` fail until the errors it mended
leave their ``known_errors``; after a regression, until it is looked at. This script does the
bookkeeping: it keeps the reason of every error still there, drops the mended ones, and
adds new ones with the reason ``NEW: look at this`` so that a reviewer sees them in the diff
(``git diff tests/cases/articles``) and writes a real reason or fixes the code.

    .venv/bin/python scripts/refresh_known_errors.py            # rewrite, and print what changed
    .venv/bin/python scripts/refresh_known_errors.py --check    # print only; exit 1 if anything would change
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from gov_extract import extract  # noqa: E402
from test_cases import error_key, mismatches  # noqa: E402

ARTICLES = ROOT / "tests" / "cases" / "articles"
NEW_REASON = "NEW: look at this"


def refreshed(case: dict) -> tuple[list[dict], int, int]:
    """The case's known errors as of now, and how many were mended and how many are new."""
    result = extract(case["text"], doc_id=case["id"], pub_date=case.get("pub_date"), home_place=case.get("home_place"))
    got = [r.model_dump(mode="json") for r in result.records]
    reasons = {error_key(e): e["reason"] for e in case.get("known_errors", [])}
    errors = []
    for found in mismatches(case, got):
        entry = {k: found[k] for k in ("type", "start", "end", "text", "kind")}
        if "field" in found:
            entry["field"] = found["field"]
        entry["reason"] = reasons.get(error_key(entry), NEW_REASON)
        errors.append(entry)
    kept = {error_key(e) for e in errors}
    mended = sum(key not in kept for key in reasons)
    new = sum(e["reason"] == NEW_REASON for e in errors)
    return errors, mended, new


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if the lists are stale")
    args = parser.parse_args()
    stale = False
    for path in sorted(ARTICLES.glob("*.jsonl")):
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            errors, mended, new = refreshed(case)
            if mended or new:
                stale = True
                print(f"{case['id']}: {mended} mended, {new} new")
            if errors or "known_errors" in case:
                case["known_errors"] = errors
            lines.append(json.dumps(case, ensure_ascii=False))
        if not args.check:
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
