"""Batch benchmark: ``gov-extract run`` on the bundled corpus replicated to thousands of files, into SQLite.

    .venv/bin/python bench/batch.py              # 5,000+ articles, --jobs 1 and --jobs 2
    .venv/bin/python bench/batch.py --articles 1000 --repeat 1

Prints articles/s, characters/s and the peak resident memory of the job (the
sum over its processes, sampled), for ``--jobs 1`` and ``--jobs 2``, against
bare :func:`gov_extract.extract` on the same (already decoded) texts. The job's
time is the whole command, interpreter start and table load included, so the
ratio compares it with bare ``extract()`` timed the same way: a fresh process
that imports the package and extracts every text. The warm figure (tables
already loaded, the loop alone) is printed beside it. Each measurement is the
best of ``--repeat`` runs, taken in turn (bare, jobs 1, jobs 2, bare, ...), so a
burst of load from other processes on a shared machine does not decide a ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"jobs1_vs_bare": 0.85, "jobs2_vs_jobs1": 1.6, "peak_rss_mb": 500}


def replicate_corpus(folder: Path, articles: int) -> int:
    """Copy the bundled corpus's files (every form and encoding) until the copies hold ``articles`` articles."""
    from gov_extract.sources import discover

    sources = list(discover([str(ROOT / "corpora")]).sources())
    per_file: dict[str, int] = {}
    for source in sources:
        file = source.source.rsplit(":", 1)[0] if source.kind == "row" else source.source
        per_file[file] = per_file.get(file, 0) + 1
    written = copy = 0
    while written < articles:
        for file, count in per_file.items():
            rel = Path(file).relative_to(ROOT / "corpora")
            target = folder / f"copy{copy:04d}" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
            written += count
        copy += 1
    return written


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


def run_job(folder: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak tree RSS (MB) of one ``gov-extract run`` into a new SQLite file."""
    out = folder.parent / f"jobs{jobs}.sqlite"
    for stale in (out, out.with_name(out.name + "-wal"), out.with_name(out.name + "-shm")):
        stale.unlink(missing_ok=True)  # a stored article would be skipped, not timed
    command = [sys.executable, "-m", "gov_extract.cli", "run", str(folder), "--out", str(out), "--jobs", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen([*command, "--quiet"], stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} exited {process.returncode}")
    return seconds, peak / 1024


_BARE = """
import json, sys, time
from gov_extract import extract
texts = json.load(open(sys.argv[1], encoding="utf-8"))
started = time.perf_counter()
extract(texts[0])
loaded = time.perf_counter()
for text in texts:
    extract(text)
print(loaded - started, time.perf_counter() - loaded)
"""


def bare_extract(texts: list[str], folder: Path) -> tuple[float, float]:
    """Wall seconds of a fresh process extracting every text, and of its extraction loop alone."""
    texts_file = folder / "texts.json"
    texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _BARE, str(texts_file)], capture_output=True, text=True, check=True)
    whole = time.perf_counter() - started
    return whole, float(out.stdout.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each measurement; the best counts (default 2)")
    args = parser.parse_args()
    from gov_extract.sources import decode, discover

    with tempfile.TemporaryDirectory(prefix="gov-extract-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        articles = replicate_corpus(folder, args.articles)
        texts = [decode(s).text for s in discover([str(folder)]).sources()]
        chars = sum(map(len, texts))
        print(f"corpus: {articles:,} articles, {chars:,} characters, in {len(list(folder.rglob('*.*'))):,} files")
        bare = warm = float("inf")
        results = {1: float("inf"), 2: float("inf")}
        peaks = {1: 0.0, 2: 0.0}
        for _ in range(args.repeat):
            whole, loop = bare_extract(texts, Path(tmp))
            bare, warm = min(bare, whole), min(warm, loop)
            for jobs in (1, 2):
                seconds, peak = run_job(folder, jobs)
                results[jobs] = min(results[jobs], seconds)
                peaks[jobs] = max(peaks[jobs], peak)
        print(
            f"bare extract(), one process: {chars / bare:,.0f} chars/s as a whole process "
            f"({len(texts) / bare:,.1f} articles/s); {chars / warm:,.0f} chars/s with the tables loaded"
        )
        for jobs, seconds in results.items():
            print(
                f"gov-extract run --jobs {jobs}: {seconds:.1f} s, {articles / seconds:,.1f} articles/s, "
                f"{chars / seconds:,.0f} chars/s, peak RSS {peaks[jobs]:,.0f} MB (target < {TARGETS['peak_rss_mb']})"
            )
        print(
            f"--jobs 1 / bare extract(): {bare / results[1]:.2f} as whole processes "
            f"(target >= {TARGETS['jobs1_vs_bare']}); {warm / results[1]:.2f} against the warm loop"
        )
        print(f"--jobs 2 / --jobs 1: {results[1] / results[2]:.2f}x (target >= {TARGETS['jobs2_vs_jobs1']})")


if __name__ == "__main__":
    main()
