"""Two builds of gov_extract side by side: the same records, and CPU time against each other.

    .venv/bin/python bench/compare.py dump /tmp/new.jsonl              # this checkout's records
    PYTHONPATH=/other/src .venv/bin/python bench/compare.py dump /tmp/old.jsonl
    diff /tmp/old.jsonl /tmp/new.jsonl                                 # a speed change shows nothing
    .venv/bin/python bench/compare.py time /work/wt-base/src           # throughput ratio, this / other

The texts are the benchmark's articles (``bench/run.py``: ``corpora/`` and ``../shared/corpus``),
read with no date or place given so the context is inferred, and every whole-article case of
``tests/cases/articles`` with its own ``pub_date`` and ``home_place``. ``dump`` writes one line
per text: the context ``extract`` settled on and every field of every record.

``time`` runs the benchmark's articles as ``bench/run.py`` does (``pub_date`` 2025-01-01;
with ``--all`` the texts ``dump`` writes, those both builds accept: an older build may refuse
a newer case's ``home_place``) through each build in its own interpreter, alternately, each
run the best CPU time (``time.process_time``) of a few passes over the texts after one warm-up
pass; it prints every pair's ratio, their median and best-of ratio. The machine is shared, so
read the spread too.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bench_texts() -> list[dict[str, str | None]]:
    """The articles as ``bench/run.py`` extracts them: with its fixed ``pub_date``."""
    sys.path.insert(0, str(ROOT / "bench"))
    from run import load_corpus

    return [{"text": t, "pub_date": "2025-01-01", "home_place": None} for t in load_corpus()]


def texts() -> list[dict[str, str | None]]:
    """Each text with the ``pub_date`` and ``home_place`` it is extracted with."""
    sys.path.insert(0, str(ROOT / "bench"))
    from run import load_corpus

    out: list[dict[str, str | None]] = [{"text": t, "pub_date": None, "home_place": None} for t in load_corpus()]
    for path in sorted((ROOT / "tests" / "cases" / "articles").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                out.append({k: case.get(k) for k in ("text", "pub_date", "home_place")})
    return out


def dump(items: list[dict[str, str | None]], out_path: str) -> None:
    from gov_extract import extract

    with open(out_path, "w", encoding="utf-8") as out:
        for item in items:
            extraction = extract(item["text"] or "", pub_date=item["pub_date"], home_place=item["home_place"])
            out.write(json.dumps(extraction.model_dump(mode="json"), ensure_ascii=False, sort_keys=True) + "\n")


def cpu_seconds(items: list[dict[str, str | None]], passes: int) -> float:
    """The best CPU time of ``passes`` passes over the texts, after one warm-up pass."""
    from gov_extract import extract

    best = float("inf")
    for run in range(passes + 1):
        started = time.process_time()
        for item in items:
            extract(item["text"] or "", pub_date=item["pub_date"], home_place=item["home_place"])
        if run:
            best = min(best, time.process_time() - started)
    return best


def accepted(items: list[dict[str, str | None]]) -> list[bool]:
    """Which texts ``extract`` takes without an error (an older build may refuse a newer case's
    ``home_place``)."""
    from gov_extract import extract

    ok = []
    for item in items:
        try:
            extract(item["text"] or "", pub_date=item["pub_date"], home_place=item["home_place"])
        except ValueError:
            ok.append(False)
        else:
            ok.append(True)
    return ok


def child(src: str | None, command: str, texts_path: str, passes: int = 0) -> str:
    """A child command's output, run in a fresh interpreter importing gov_extract from ``src``
    (None: this checkout)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = src or str(ROOT / "src")
    argv = [sys.executable, __file__, command, texts_path, str(passes)]
    return subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout


def compare_time(other_src: str, rounds: int, passes: int, bench: bool) -> None:
    items = bench_texts() if bench else texts()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(items, handle, ensure_ascii=False)
    ratios, olds, news = [], [], []
    try:
        # Both builds time the texts both accept.
        theirs = json.loads(child(other_src, "_accepted", handle.name))
        items = [item for item, mine, other in zip(items, accepted(items), theirs, strict=True) if mine and other]
        with open(handle.name, "w", encoding="utf-8") as out:
            json.dump(items, out, ensure_ascii=False)
        for index in range(rounds):
            # Alternate which build runs first, so a slow spell on the machine hits both alike.
            if index % 2:
                new = float(child(None, "_cpu", handle.name, passes))
                old = float(child(other_src, "_cpu", handle.name, passes))
            else:
                old = float(child(other_src, "_cpu", handle.name, passes))
                new = float(child(None, "_cpu", handle.name, passes))
            olds.append(old)
            news.append(new)
            ratios.append(old / new)
            print(f"round {index + 1}: other {old:.3f} s  this {new:.3f} s  throughput ratio {old / new:.3f}")
    finally:
        os.unlink(handle.name)
    chars = sum(len(item["text"] or "") for item in items)
    print(f"{len(items)} texts, {chars:,} chars; best pass of {passes} per run, CPU time")
    print(f"this: best {chars / min(news):,.0f} chars/s; other: best {chars / min(olds):,.0f} chars/s")
    print(
        f"ratio this/other: median {statistics.median(ratios):.3f}, best-of {min(olds) / min(news):.3f}, "
        f"range {min(ratios):.3f}-{max(ratios):.3f}"
    )


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] in ("_cpu", "_accepted"):  # a child of ``time``
        items = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
        print(cpu_seconds(items, int(sys.argv[3])) if sys.argv[1] == "_cpu" else json.dumps(accepted(items)))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    dump_parser = commands.add_parser("dump", help="write every text's context and records as JSON lines")
    dump_parser.add_argument("out")
    time_parser = commands.add_parser("time", help="CPU time of this checkout against another build's src/")
    time_parser.add_argument("other_src")
    time_parser.add_argument("--rounds", type=int, default=6)
    time_parser.add_argument("--passes", type=int, default=3)
    time_parser.add_argument("--all", action="store_true", help="the texts dump writes, not the benchmark's")
    args = parser.parse_args()
    if args.command == "dump":
        dump(texts(), args.out)
    else:
        compare_time(args.other_src, args.rounds, args.passes, bench=not args.all)


if __name__ == "__main__":
    main()
