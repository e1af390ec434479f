"""Where a pass's time goes, stage by stage, in this checkout and another build side by side.

    .venv/bin/python bench/stages.py /work/wt-base/src            # CPU time per stage, both builds
    .venv/bin/python bench/stages.py /work/wt-base/src --opcodes  # bytecodes run per stage (exact)

The texts are the benchmark's articles as ``bench/compare.py time`` reads them (``pub_date``
2025-01-01). Each build runs in its own interpreter, alternately; a run wraps the pipeline's
stages (the document's view, the context, each finder of ``pipeline.FINDERS``, the resolver where
a build has one: names may differ between builds) and reports each stage's CPU time
(``time.process_time``) in the best of a few passes after one warm-up pass. The machine is shared:
the spread of the rounds is printed with their median.

``--opcodes`` counts the bytecodes each stage runs in one pass (``sys.settrace`` with opcode
events): the same on every run, so a change of the Python work is read without the machine's
noise. A stage whose time grows more than its bytecodes runs slower code per bytecode (calls,
dictionary and attribute lookups, allocation), not more of it.
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
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _wrapped_stages(totals: dict[str, float], clock: Callable[[], float]) -> None:
    """Wrap the stages of the ``gov_extract`` imported, adding each call's ``clock`` to ``totals``."""
    from gov_extract import context, pipeline

    def wrap(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = clock()
            try:
                return func(*args, **kwargs)
            finally:
                totals[name] = totals.get(name, 0.0) + clock() - started

        return timed

    finders = []
    for name, find in pipeline.FINDERS:
        timed = wrap(name, find)
        module = sys.modules[find.__module__]
        if getattr(module, "find", None) is find:
            module.find = timed  # type: ignore[attr-defined]  # a pipeline may ask ``find is module.find``
        finders.append((name, timed))
    pipeline.FINDERS = tuple(finders)
    pipeline.Document = wrap("document", pipeline.Document)
    context.resolve = wrap("context", context.resolve)
    resolver = getattr(pipeline, "resolve", None)
    if resolver is not None and hasattr(resolver, "settle"):
        resolver.settle = wrap("resolve", resolver.settle)


def child_times(texts: list[str], passes: int) -> dict[str, float]:
    """Each stage's CPU time, and the whole pass's, in the best of ``passes`` passes."""
    from gov_extract import extract

    totals: dict[str, float] = {}
    _wrapped_stages(totals, time.process_time)
    best: dict[str, float] = {}
    for run in range(passes + 1):
        totals.clear()
        started = time.process_time()
        for text in texts:
            extract(text, pub_date="2025-01-01")
        totals["pass"] = time.process_time() - started
        if run and totals["pass"] < best.get("pass", float("inf")):
            best = dict(totals)
    return best


def child_opcodes(texts: list[str]) -> dict[str, float]:
    """The bytecodes each stage runs in one pass after a warm-up pass (a stage's own and those of
    what it calls)."""
    from gov_extract import extract

    for text in texts:
        extract(text, pub_date="2025-01-01")
    count = [0]
    totals: dict[str, float] = {}
    _wrapped_stages(totals, lambda: float(count[0]))

    def trace(frame: FrameType, event: str, arg: object) -> Any:
        if event == "call":
            frame.f_trace_opcodes = True
        elif event == "opcode":
            count[0] += 1
        return trace

    sys.settrace(trace)
    try:
        for text in texts:
            extract(text, pub_date="2025-01-01")
    finally:
        sys.settrace(None)
    totals["pass"] = float(count[0])
    return totals


def run_child(src: str | None, texts_path: str, mode: str, passes: int) -> dict[str, float]:
    env = dict(os.environ)
    env["PYTHONPATH"] = src or str(ROOT / "src")
    argv = [sys.executable, __file__, "_child", texts_path, mode, str(passes)]
    out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "_child":
        texts = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
        result = child_opcodes(texts) if sys.argv[3] == "opcodes" else child_times(texts, int(sys.argv[4]))
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("other_src", help="the other build's src/")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--opcodes", action="store_true", help="count bytecodes (one exact run each)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from run import load_corpus

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(load_corpus(), handle, ensure_ascii=False)
    mode = "opcodes" if args.opcodes else "times"
    rounds = 1 if args.opcodes else args.rounds
    mine: list[dict[str, float]] = []
    theirs: list[dict[str, float]] = []
    try:
        for index in range(rounds):
            # Alternate which build runs first, so a slow spell on the machine hits both alike.
            order = [(mine, None), (theirs, args.other_src)]
            for results, src in order if index % 2 else order[::-1]:
                results.append(run_child(src, handle.name, mode, args.passes))
    finally:
        os.unlink(handle.name)
    stages = sorted({name for result in mine + theirs for name in result}, key=lambda n: (n == "pass", n))
    unit, scale = ("M bytecodes", 1e-6) if args.opcodes else ("ms", 1e3)
    print(f"{'stage':12s} {'other':>10s} {'this':>10s} {'this/other':>10s}  ({unit}; median of {rounds}, range)")
    for name in stages:
        old = [result.get(name, 0.0) * scale for result in theirs]
        new = [result.get(name, 0.0) * scale for result in mine]
        ratio = statistics.median(new) / statistics.median(old) if statistics.median(old) else float("nan")
        spread = f"  {min(old):.2f}-{max(old):.2f} / {min(new):.2f}-{max(new):.2f}" if rounds > 1 else ""
        print(f"{name:12s} {statistics.median(old):10.2f} {statistics.median(new):10.2f} {ratio:10.3f}{spread}")


if __name__ == "__main__":
    main()
