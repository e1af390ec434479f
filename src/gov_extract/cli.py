"""The ``gov-extract`` command: ``run`` (folders into a database), ``extract`` (JSON lines on stdout).

This module owns the command line only: options are checked before any work
(a bad option is exit 2 with a usage message), logs and progress go to
stderr, records to stdout as UTF-8 whatever the terminal's encoding, and a
closed pipe (``| head``) ends the command quietly. The work itself is
:mod:`gov_extract.batch`'s.

Exit codes: 0 every article extracted, 1 some article failed (each is stored
or reported with its error), 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TextIO

from .batch import (
    Defaults,
    RunSummary,
    article_pub_date,
    extract_with_context,
    prepare_job,
    pub_date_option,
    run,
    run_options,
)
from .pipeline import explain, extract
from .records import RECORD_TYPES
from .sinks import DEFAULT_TARGET, SinkError, redact
from .sources import DEFAULT_MAX_BYTES, DecodeError, InputError, decode, discover
from .version import __version__

log = logging.getLogger("gov_extract")
COMMANDS = ("run", "extract", "spark", "review")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number >= 1")
    return number


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders (searched recursively for .txt .html .htm .jsonl .csv), globs, or - for stdin",
    )
    parser.add_argument(
        "--pub-date",
        type=pub_date_option,
        help="article date (2024-03-06, 2024/3/6) for articles that give none",
    )
    parser.add_argument("--home-place", help="publisher's place (吕梁市) for articles that give none")
    parser.add_argument(
        "--manifest", help="CSV with a path column and pub_date, home_place, doc_id, url, title per file"
    )
    parser.add_argument("--text-field", default="text", help="the text column of .jsonl/.csv exports (default: text)")
    parser.add_argument(
        "--max-bytes",
        type=_positive,
        default=DEFAULT_MAX_BYTES,
        help=f"larger files are recorded as failed, not read (default: {DEFAULT_MAX_BYTES:,})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gov-extract",
        description="Structured facts from Chinese municipal and county news, with exact character offsets.",
    )
    parser.add_argument("--version", action="version", version=f"gov-extract {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run_parser = commands.add_parser(
        "run",
        help="extract articles into a database (SQLite by default)",
        description="Extract every article the inputs name into a database; rerun to resume.",
    )
    run_parser.set_defaults(command_parser=run_parser)  # usage errors show the command's own usage
    _add_input_options(run_parser)
    run_parser.add_argument(
        "--out",
        default=DEFAULT_TARGET,
        help=f"target: .sqlite (default {DEFAULT_TARGET}), .duckdb, .parquet or .csv folder, .jsonl, postgresql://URL",
    )
    run_parser.add_argument("--jobs", type=_positive, default=1, help="worker processes (default: 1)")
    run_parser.add_argument("--force", action="store_true", help="extract again articles already stored")
    run_parser.add_argument("--batch-size", type=_positive, default=200, help="articles per transaction (default: 200)")
    run_parser.add_argument("--quiet", action="store_true", help="no progress bar or summary; only warnings and errors")
    extract_parser = commands.add_parser(
        "extract",
        help="print the records of articles as JSON lines",
        description="Print every record of the articles as one JSON object per line on stdout (UTF-8).",
    )
    extract_parser.set_defaults(command_parser=extract_parser)
    _add_input_options(extract_parser)
    extract_parser.add_argument(
        "--explain", action="store_true", help="add to each record the name of the rule that made it (debugging)"
    )
    commands.add_parser("spark", help="extract a Parquet dataset or table on Apache Spark (gov-extract spark --help)")
    commands.add_parser("review", help="browse a database's records in the browser (gov-extract review --help)")
    return parser


def _check_home_place(parser: argparse.ArgumentParser, home_place: str | None) -> None:
    if home_place:
        try:
            extract("", home_place=home_place)
        except ValueError as err:
            parser.error(f"--home-place: {err}")


def _progress_bar(quiet: bool, total: int) -> Any:
    """A tqdm bar on a terminal, else None."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _logs_above(bar: Any) -> AbstractContextManager[object]:
    """While a progress bar is drawn, log lines are printed above it instead of through it."""
    if bar is None:
        return nullcontext()
    from tqdm.contrib.logging import logging_redirect_tqdm

    return logging_redirect_tqdm(loggers=[log])


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


def _print_summary(summary: RunSummary, out: TextIO) -> None:
    total = sum(summary.records.values())
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    lines = [
        f"gov-extract: run {summary.run_id} into {summary.target}",
        f"  articles  {summary.ok} ok, {summary.failed} failed, {summary.skipped} skipped (already stored)",
        "  records   " + ", ".join(f"{t} {summary.records[t]}" for t in RECORD_TYPES) + f" — {total} in all",
        f"  time      {summary.seconds:.1f} s, {rate:.1f} articles/s, "
        f"{summary.characters / summary.seconds if summary.seconds else 0:,.0f} characters/s",
    ]
    if summary.ignored:
        shown = ", ".join(summary.ignored[:5]) + (", …" if len(summary.ignored) > 5 else "")
        lines.append(f"  ignored   {_files(len(summary.ignored))}, not articles: {shown}")
    if summary.renamed:
        lines.append(f"  doc_ids   {summary.renamed} were taken already and were stored with ~2, ~3, …")
    for doc_id, error in summary.failures[:10]:
        lines.append(f"  failed    {doc_id}: {error}")
    if len(summary.failures) > 10:
        lines.append(f"  failed    … and {len(summary.failures) - 10} more (articles where status = 'failed')")
    print("\n".join(lines), file=out)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    _check_home_place(parser, args.home_place)
    defaults = Defaults(args.pub_date, args.home_place)
    try:
        discovery, sink = prepare_job(
            args.inputs,
            args.out,
            manifest=args.manifest,
            text_field=args.text_field,
            max_bytes=args.max_bytes,
            defaults=defaults,
        )
    except (ValueError, ImportError, SinkError) as err:
        parser.error(str(err))
    options = run_options(
        inputs=args.inputs,
        out=args.out,
        jobs=args.jobs,
        force=args.force,
        manifest=args.manifest,
        defaults=defaults,
        max_bytes=args.max_bytes,
        text_field=args.text_field,
    )
    if discovery.ignored:
        log.info("passing over %s: not articles", _files(len(discovery.ignored)))
    log.info("reading %s into %s", _files(len(discovery.files)), redact(args.out))
    bar = _progress_bar(args.quiet, len(discovery.files))
    started = time.perf_counter()

    def progress(done: int, records: int) -> None:
        if bar is not None:
            bar.total = max(bar.total, done)
            bar.update(done - bar.n)
            elapsed = time.perf_counter() - started
            bar.set_postfix_str(f"{records / elapsed:,.0f} records/s" if elapsed else "", refresh=False)

    try:
        with sink, _logs_above(bar):
            summary = run(
                discovery.sources(),
                sink,
                jobs=args.jobs,
                force=args.force,
                defaults=defaults,
                batch_size=args.batch_size,
                options=options,
                version=__version__,
                progress=progress,
            )
    except KeyboardInterrupt:
        if bar is not None:
            bar.close()
        print(
            "gov-extract: interrupted; run the same command again to finish (stored articles are kept)", file=sys.stderr
        )
        return 130
    except SinkError as err:
        print(f"gov-extract: {err}", file=sys.stderr)
        return 1
    if bar is not None:
        bar.close()
    summary.ignored, summary.renamed = discovery.ignored, discovery.renamed
    if not args.quiet:
        _print_summary(summary, sys.stderr)
    return 1 if summary.failed else 0


def _extract(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        discovery = discover(args.inputs, manifest=args.manifest, text_field=args.text_field, max_bytes=args.max_bytes)
    except InputError as err:
        parser.error(str(err))
    _check_home_place(parser, args.home_place)
    out = sys.stdout.buffer
    failed = 0
    for source in discovery.sources():
        try:
            if source.error:
                raise DecodeError(source.error)
            decoded = decode(source)
            pub_date, _, warnings = article_pub_date(source, decoded, Defaults(args.pub_date, args.home_place))
            result, warning = extract_with_context(
                decoded.text, source.doc_id, pub_date, source.home_place or args.home_place
            )
        except Exception as err:
            failed += 1
            error = str(err) if isinstance(err, DecodeError | ImportError) else f"{type(err).__name__}: {err}"
            print(f"gov-extract: {source.doc_id}: {error}", file=sys.stderr)
            continue
        for note in [*warnings, warning] if warning else warnings:
            print(f"gov-extract: {source.doc_id}: {note}", file=sys.stderr)
        rows = [r.model_dump(mode="json") for r in result.records]
        if args.explain:
            home = None if warning else (source.home_place or args.home_place)
            pairs = explain(decoded.text, doc_id=source.doc_id, pub_date=pub_date, home_place=home)
            rows = [{**r.model_dump(mode="json"), "rule": rule} for r, rule in pairs]
        out.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8"))
    out.flush()
    return 1 if failed else 0


def _configure_logging(*, quiet: bool) -> None:
    """Our messages to stderr; libraries' own chatter (trafilatura's) only when it is an error."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("gov-extract: %(message)s"))
    log.handlers[:] = [handler]
    log.propagate = False
    log.setLevel(logging.WARNING if quiet else logging.INFO)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Before subcommands, `gov-extract FILE...` printed JSON lines: it still does.
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        argv.insert(0, "extract")
    if argv and argv[0] == "spark":  # its options are gov_extract.spark's, which needs the [spark] extra
        from .spark import main as spark_main

        return spark_main(argv[1:])
    if argv and argv[0] == "review":
        from .review import main as review

        return review(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(quiet=getattr(args, "quiet", False))
    try:
        if args.command == "run":
            return _run(args.command_parser, args)
        return _extract(args.command_parser, args)
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
