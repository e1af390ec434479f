"""``gov-extract review DB``: the batch job's SQLite database in the browser, read-only, on this machine.

This package owns the review page. This module owns the command: it checks
that DB is a SQLite database the batch job wrote (a clear message and exit 2
if not) and serves DB in immutable mode with the plugin of :mod:`gov_extract.review.plugin`
on 127.0.0.1 unless told otherwise, with the facets and searches of
:mod:`gov_extract.review.metadata`. Datasette comes with the ``review`` extra.

Exit codes: 0 stopped with Ctrl-C, 2 usage error (missing or foreign database,
port in use, the extra not installed).
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import sys
from pathlib import Path

from ..schema import SCHEMA_VERSION
from .metadata import datasette_metadata

DEFAULT_PORT = 8001
SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


class NotAGovExtractDatabase(ValueError):
    """DB is missing, no SQLite file, or not written by ``gov-extract run``."""


def check_database(path: Path) -> None:
    """Raise :class:`NotAGovExtractDatabase` saying what is wrong with ``path``, if anything."""
    target = path.name if path.suffix in SQLITE_SUFFIXES else "gov_extract.sqlite"
    make_one = f"review reads the SQLite file the batch job writes: gov-extract run FOLDER --out {target}"
    if not path.exists():
        raise NotAGovExtractDatabase(f"{path}: no such file; {make_one}")
    if path.is_dir():
        raise NotAGovExtractDatabase(f"{path} is a folder; {make_one}")
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        row = connection.execute("select value from gov_extract_meta where key = 'schema_version'").fetchone()
    except sqlite3.OperationalError as err:
        if "no such table" not in str(err):
            raise NotAGovExtractDatabase(f"{path}: {err}") from None
        raise NotAGovExtractDatabase(
            f"{path} is not a gov_extract database (no gov_extract_meta table); {make_one}"
        ) from None
    except sqlite3.DatabaseError:
        raise NotAGovExtractDatabase(f"{path} is not a SQLite database; {make_one}") from None
    finally:
        connection.close()
    if row is None or not str(row[0]).isdigit() or int(row[0]) > SCHEMA_VERSION:
        raise NotAGovExtractDatabase(
            f"{path} has schema_version {row[0] if row else 'missing'}; this gov_extract reads up to {SCHEMA_VERSION}"
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gov-extract review",
        description="Serve the database of gov-extract run read-only in the browser: "
        "articles with their records highlighted, record tables to filter and export.",
    )
    parser.add_argument("database", metavar="DB", type=Path, help="SQLite file written by gov-extract run --out")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"0 picks a free one (default: {DEFAULT_PORT})")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)")
    return parser


def _listen(parser: argparse.ArgumentParser, host: str, port: int) -> socket.socket:
    """A socket bound before the server starts, so the printed address is the one served (and --port 0 works)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as err:
        parser.error(f"cannot listen on {host}:{port} ({err.strerror or err}); pick another with --port or --host")
    sock.listen(128)
    return sock


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        check_database(args.database)
    except NotAGovExtractDatabase as err:
        parser.error(str(err))
    try:
        import uvicorn
        from datasette.app import Datasette
    except ImportError:
        parser.error("the review page needs Datasette: pip install 'gov-extract[review]'")
    sock = _listen(parser, args.host, args.port)
    host, port = sock.getsockname()[:2]
    datasette = Datasette(
        immutables=[str(args.database)],
        metadata=datasette_metadata(args.database),
        settings={"truncate_cells_html": 200},
    )
    shown_host = f"[{host}]" if ":" in host else host
    print(f"gov-extract review: {args.database} (read-only) at http://{shown_host}:{port}/", flush=True)
    if host not in ("127.0.0.1", "::1", "localhost"):
        print(
            f"gov-extract review: listening on {host}: anyone who can reach it can read the database", file=sys.stderr
        )
    print("gov-extract review: Ctrl-C stops the server", file=sys.stderr, flush=True)
    server = uvicorn.Server(uvicorn.Config(datasette.app(), log_level="warning", lifespan="on"))
    server.run(sockets=[sock])
    return 0
