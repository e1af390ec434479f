"""Spark benchmark: ``gov-extract spark`` in local mode against ``gov-extract run --jobs 2`` on the same texts.

    .venv/bin/python bench/spark.py                    # 2,000 articles, local[2]
    .venv/bin/python bench/spark.py --articles 500 --master 'local[2]'

The bundled corpus's texts (as the batch job reads them) are replicated to
``--articles``, written once as UTF-8 ``.txt`` files for ``gov-extract run``
(into SQLite) and once as a Parquet file for ``gov-extract spark``. Each
command is timed whole (interpreter, JVM and table load included); Spark's own
summary line gives the time from reading to the last table written. Needs the
``[spark]`` extra and Java.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts() -> list[str]:
    from gov_extract.sources import decode, discover

    return [decode(s).text for s in discover([str(ROOT / "corpora")]).sources() if not s.error]


def write_inputs(folder: Path, texts: list[str], articles: int) -> int:
    """``articles`` copies of the texts as ``txt/NNNNN.txt`` and ``articles.parquet``; returns the characters."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    chosen = [texts[i % len(texts)] for i in range(articles)]
    names = [f"{i:05d}.txt" for i in range(articles)]
    (folder / "txt").mkdir()
    for name, text in zip(names, chosen, strict=True):
        (folder / "txt" / name).write_text(text, encoding="utf-8")
    pq.write_table(pa.table({"doc_id": names, "text": chosen}), folder / "articles.parquet")
    return sum(map(len, chosen))


def timed(command: list[str], folder: Path, env: dict[str, str]) -> tuple[float, str]:
    """Wall seconds of a command run in ``folder``, and the lines it said about itself."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {done.returncode}:\n{(done.stdout + done.stderr)[-3000:]}")
    said = [line for line in (done.stdout + done.stderr).splitlines() if line.startswith(("gov-extract: ", "  time"))]
    return seconds, "\n".join(f"    {line.strip()}" for line in said)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}
    cli = [sys.executable, "-m", "gov_extract.cli"]
    with tempfile.TemporaryDirectory(prefix="gov-extract-bench-spark-") as tmp:
        folder = Path(tmp)
        chars = write_inputs(folder, corpus_texts(), args.articles)
        print(f"corpus: {args.articles:,} articles, {chars:,} characters")
        runs = {
            "gov-extract run --jobs 2 (SQLite)": [*cli, "run", "txt", "--out", "out.sqlite", "--jobs", "2"],
            f"gov-extract spark --master {args.master}": [
                *cli, "spark", "articles.parquet", "out.parquet", "--master", args.master,
            ],
        }  # fmt: skip
        for label, command in runs.items():
            seconds, said = timed(command, folder, env)
            print(
                f"{label}: {seconds:.1f} s whole command, {args.articles / seconds:,.1f} articles/s, "
                f"{chars / seconds:,.0f} chars/s\n{said}"
            )


if __name__ == "__main__":
    main()
