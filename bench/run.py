"""Benchmark: throughput, load time, memory, per-finder cost, linearity and hostile input.

    .venv/bin/python bench/run.py            # full run (a few minutes)
    .venv/bin/python bench/run.py --quick    # smaller corpus and hostile sizes
    .venv/bin/python bench/run.py --profile  # only the profile: cProfile's top entries

The corpus is the bundled ``corpora/`` articles plus ``../shared/corpus`` when
present, replicated to a fixed size. Every figure is printed with the target it
is held to; the run measures, it does not assert (machines here are shared and
noisy, so speed is never a unit test).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {
    "chars_per_second": 300_000,
    "load_seconds": 2.0,
    "peak_rss_mb": 400,
    "linearity_ratio": 1.5,
}


def load_corpus() -> list[str]:
    """The articles' texts as the batch job reads them (any encoding, pages' main text, export rows)."""
    from gov_extract.sources import decode, discover

    folders = [str(f) for f in (ROOT / "corpora", ROOT.parent / "shared" / "corpus") if f.is_dir()]
    if not folders:
        sys.exit("no articles found in corpora/")
    sources = discover(folders, manifest=ROOT / "corpora" / "manifest.csv").sources()
    return [decode(s).text for s in sources if not s.error]


def replicate(texts: list[str], total_chars: int) -> list[str]:
    out: list[str] = []
    size = 0
    while size < total_chars:
        for text in texts:
            out.append(text)
            size += len(text)
    return out


def measure_load() -> tuple[float, float]:
    """Import time and first-call (table load) time, each in a fresh interpreter."""
    code = (
        "import time; t0 = time.perf_counter(); import gov_extract; t1 = time.perf_counter();"
        "gov_extract.extract('本报讯（记者 王明）2024年3月5日，吕梁市市长李强表示，投入资金2600万元，增长5%。',"
        " pub_date='2024-03-06'); t2 = time.perf_counter(); print(t1 - t0, t2 - t1)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def run_batch(texts: list[str]) -> int:
    from gov_extract import extract

    count = 0
    for text in texts:
        count += len(extract(text, pub_date="2025-01-01").records)
    return count


def time_call(func: Callable[[], object]) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def per_finder_seconds(texts: list[str]) -> dict[str, float]:
    from gov_extract import context
    from gov_extract.pipeline import FINDERS, propose
    from gov_extract.rules import Candidate
    from gov_extract.text import Document

    spent = {"text layer": 0.0, "context": 0.0} | {name: 0.0 for name, _ in FINDERS}
    for text in texts:
        started = time.perf_counter()
        doc = Document(text)
        spent["text layer"] += time.perf_counter() - started
        started = time.perf_counter()
        ctx = context.resolve(doc, doc_id=None, pub_date="2025-01-01", home_place=None)
        spent["context"] += time.perf_counter() - started
        found: list[Candidate] = []
        for name, find in FINDERS:
            started = time.perf_counter()
            found += propose(find, doc, ctx, found)
            spent[name] += time.perf_counter() - started
    return spent


def print_profile(texts: list[str], top: int = 25) -> None:
    """Where ``extract`` spends its time (own time per function), to find the next hot spot."""
    import cProfile
    import pstats

    from gov_extract import extract

    extract(texts[0], pub_date="2025-01-01")  # load tables outside the profile
    profile = cProfile.Profile()
    profile.runcall(run_batch, texts)
    print(f"cProfile over {len(texts)} articles, {sum(map(len, texts)):,} chars (profiling slows the run):")
    pstats.Stats(profile).strip_dirs().sort_stats("tottime").print_stats(top)


def hostile_inputs(scale: int) -> dict[str, str]:
    return {
        "1 MB of digits": "1234567890" * (100_000 // scale),
        "1 MB of 一二三…十": "一二三四五六七八九十" * (100_000 // scale),
        "100,000 x ……": "……" * (100_000 // scale),
        "5 MB line, no punctuation": "老旧小区改造工程项目已全部完工覆盖市本级" * (250_000 // scale),
        "10,000 dates in a row": "2024年3月5日" * (10_000 // scale),
        "nested quotes and brackets": "（“《【" * (50_000 // scale) + "1万元" + "】》”）" * (50_000 // scale),
        "surrogates and controls": "\ud800\udfff\x00\x07\x1b" * (50_000 // scale),
        "all whitespace": " \n\t\u3000" * (250_000 // scale),
    }


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller corpus and hostile inputs")
    parser.add_argument("--chars", type=int, default=3_000_000, help="corpus size in characters")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top entries, then stop")
    args = parser.parse_args()
    if args.profile:
        print_profile(replicate(load_corpus(), args.chars // 10))
        return
    scale = 10 if args.quick else 1
    total = args.chars // scale

    import_s, load_s = measure_load()
    print(f"import gov_extract            {import_s:8.3f} s")
    print(f"first call (table load)      {load_s:8.3f} s")
    print(
        f"import + load                {import_s + load_s:8.3f} s   target < {TARGETS['load_seconds']} s"
        f"  {verdict(import_s + load_s < TARGETS['load_seconds'])}"
    )

    from gov_extract import extract

    base = load_corpus()
    corpus = replicate(base, total)
    chars = sum(map(len, corpus))
    extract(base[0], pub_date="2025-01-01")  # load tables before timing

    seconds = time_call(lambda: run_batch(corpus))
    rate = chars / seconds
    print(f"\none core: {len(corpus)} articles, {chars:,} chars in {seconds:.2f} s")
    target_rate = TARGETS["chars_per_second"]
    print(f"  {rate:12,.0f} chars/s   target >= {target_rate:,}  {verdict(rate >= target_rate)}")
    print(f"  {len(corpus) / seconds:12,.1f} articles/s")

    halves = [corpus[0::2], corpus[1::2]]
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(run_batch, [base[:1], base[:1]]))  # start workers and load their tables
        seconds2 = time_call(lambda: list(pool.map(run_batch, halves)))
    print(f"two processes: {chars / seconds2:12,.0f} chars/s   {len(corpus) / seconds2:,.1f} articles/s")

    print("\ntime per layer (one core):")
    spent = per_finder_seconds(corpus[: max(1, len(corpus) // 4)])
    layer_total = sum(spent.values())
    for name, value in spent.items():
        print(f"  {name:12} {value:8.3f} s  {100 * value / layer_total:5.1f}%")

    small = "".join(base)[:10_000]
    large = (small * (1_000_000 // len(small) + 1))[:1_000_000]
    runs_small = max(1, 50 // scale)
    t_small = time_call(lambda: [extract(small, pub_date="2025-01-01") for _ in range(runs_small)]) / runs_small
    t_large = time_call(lambda: extract(large, pub_date="2025-01-01"))
    ratio = (t_large / len(large)) / (t_small / len(small))
    print(
        f"\nlinearity: 10 KB {t_small * 1000:.1f} ms, 1 MB {t_large:.2f} s; time per char ratio {ratio:.2f}"
        f"   target < {TARGETS['linearity_ratio']}  {verdict(ratio < TARGETS['linearity_ratio'])}"
    )

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    target_mb = TARGETS["peak_rss_mb"]
    print(
        f"\npeak RSS (corpus, two processes' parent, 1 MB input) {peak_mb:.0f} MB   target < {target_mb} MB"
        f"  {verdict(peak_mb < target_mb)}"
    )

    # Each hostile input runs in a fresh process so its peak memory is its own; memory that
    # grows with the records it yields (250,000 references in the 5 MB line) shows as such.
    print("\nhostile input (each in a fresh process):")
    for name, text in hostile_inputs(scale).items():
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            seconds, records, peak = pool.submit(run_hostile, text).result()
        print(f"  {name:28} {len(text):>10,} chars  {seconds:7.2f} s  {records:>8,} records  peak RSS {peak:5.0f} MB")


def run_hostile(text: str) -> tuple[float, int, float]:
    from gov_extract import extract

    extract("本报讯（记者 王明）3月5日，市长李强表示，投入2600万元。", pub_date="2025-01-01")  # load tables
    started = time.perf_counter()
    records = len(extract(text, pub_date="2025-01-01").records)
    seconds = time.perf_counter() - started
    return seconds, records, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
