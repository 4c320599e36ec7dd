"""Run people's SQL against the archive, and export story_full rows to files.

Ad-hoc SQL is read-only unless asked otherwise, and no statement text can lift that:
exactly one statement runs, it must be a query (SELECT, WITH, VALUES, EXPLAIN, and on
PostgreSQL TABLE and SHOW; read-only PRAGMAs on SQLite), and it runs in a transaction
that is always rolled back. Below that check the connection itself refuses writes:
PostgreSQL opens the transaction READ ONLY and parses the text as one prepared
statement; SQLite has query_only on and an authorizer that denies every write, ATTACH
(which VACUUM INTO also needs) and setting PRAGMAs. A typo in a hand-written UPDATE,
or a deliberate attempt, must not be able to damage the archive.

Example query files declare their parameters, with a type and a default, in their header
comment so that they run with no arguments.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

from etl.archive.db import DEFAULT_SQLITE, default_database_url, normalise_url

PARAM_TYPES = ("text", "int", "float", "date")


class QueryError(Exception):
    """A query that could not run, with the reason in one line for a terminal."""

    @classmethod
    def from_db(cls, exc: sa.exc.StatementError) -> QueryError:
        orig = getattr(exc, "orig", None)
        text = str(orig if orig is not None else exc).strip()
        first = text.splitlines()[0] if text else type(exc).__name__
        return cls(first)


def _where_from(database_url: str | None) -> str:
    if database_url:
        return "from --db"
    if default_database_url() != f"sqlite:///{DEFAULT_SQLITE}":
        return "from WIRE_ARCHIVE_DATABASE_URL"
    return "the default, relative to the current directory; set --db or WIRE_ARCHIVE_DATABASE_URL"


def read_engine(database_url: str | None = None, *, write: bool = False) -> Engine:
    """An engine for one command's worth of queries; read-only unless `write`.

    A read never creates an archive: a missing SQLite file is an error naming the absolute
    path looked at and where that path came from.
    """
    url = normalise_url(database_url or default_database_url())
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        local = bool(path) and path != ":memory:" and not path.startswith("file:")
        if local and not Path(path).is_file():
            raise QueryError(
                f"no archive at {Path(path).resolve()} ({_where_from(database_url)}); "
                "`wire-archive ingest` creates one"
            )
        engine = sa.create_engine(url, poolclass=NullPool)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA busy_timeout = 30000")
            if not write:
                cur.execute("PRAGMA query_only = ON")
            cur.close()
            if not write:  # last: the pragmas above are the only settings ever made
                dbapi_conn.set_authorizer(_sqlite_read_only_authorizer)
                record.info[_READ_ONLY_MARK] = True

        return engine
    options = {} if write else {"options": "-c default_transaction_read_only=on"}
    return sa.create_engine(url, poolclass=NullPool, connect_args=options)


# --- the read-only guard ------------------------------------------------------------------

_READ_ONLY_MARK = "wire_archive_read_only"
_ALLOWED_LEAD = {
    "sqlite": ("SELECT", "WITH", "VALUES", "EXPLAIN", "PRAGMA"),
    "postgresql": ("SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN", "SHOW"),
}
# Keywords that only a writing statement has (a data-modifying CTE, SELECT ... INTO,
# EXPLAIN ANALYZE of a DELETE, SELECT ... FOR UPDATE).
# Statement verbs sqlparse does not tag as keywords (so not to be called typos).
_VERBS_NOT_KEYWORDS = frozenset({"DISCARD", "REFRESH", "IMPORT", "PRAGMA", "SECURITY"})
_WRITE_WORDS = frozenset({"INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "INTO"})
# PostgreSQL functions with effects a read-only transaction does not stop (server files,
# settings, other sessions) or that run SQL handed to them as text.
_REFUSED_FUNCTIONS = frozenset(
    {
        "set_config", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf",
        "pg_rotate_logfile", "pg_switch_wal", "pg_promote", "pg_create_restore_point",
        "pg_logical_emit_message", "pg_notify", "pg_file_write", "pg_file_rename",
        "pg_file_unlink", "pg_file_sync", "pg_stat_reset", "pg_stat_reset_shared",
        "pg_stat_reset_single_table_counters", "pg_stat_reset_single_function_counters",
        "pg_stat_reset_slru", "pg_stat_reset_replication_slot", "pg_import_system_collations",
        "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml",
        "cursor_to_xmlschema", "ts_stat", "ts_rewrite", "nextval", "setval",
        "lowrite", "load_extension",
    }
)  # fmt: skip
_REFUSED_PREFIXES = ("lo_", "dblink", "pg_create_", "pg_drop_", "pg_replication_", "pg_advisory")

# PRAGMAs that only report: these may name a table or index.
_SQLITE_LOOKUP_PRAGMAS = frozenset(
    {
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
        "collation_list", "database_list", "function_list", "module_list", "pragma_list",
        "compile_options",
    }
)  # fmt: skip
# PRAGMAs that read a setting when given no value (with one they would change it).
_SQLITE_SETTING_PRAGMAS = frozenset(
    {
        "application_id", "auto_vacuum", "automatic_index", "busy_timeout", "cache_size",
        "cache_spill", "data_version", "encoding", "foreign_keys", "freelist_count",
        "journal_mode", "journal_size_limit", "legacy_alter_table", "locking_mode",
        "max_page_count", "mmap_size", "page_count", "page_size", "query_only",
        "read_uncommitted", "recursive_triggers", "schema_version", "secure_delete",
        "synchronous", "temp_store", "user_version",
    }
)  # fmt: skip
_PRAGMA_TEXT = re.compile(
    r'^PRAGMA\s+(?:"?\w+"?\s*\.\s*)?"?(?P<name>\w+)"?\s*(?:\((?P<arg>[^()]*)\))?\s*;?\s*$',
    re.IGNORECASE,
)


def _pragma_allowed(name: str, arg: str | None) -> bool:
    name = name.lower()
    if name in _SQLITE_LOOKUP_PRAGMAS:
        return True
    return name in _SQLITE_SETTING_PRAGMAS and arg is None


_SQLITE_SCHEMA_TABLES = frozenset({"sqlite_master", "sqlite_schema"})
_SQLITE_ALWAYS_OK = frozenset(
    {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_RECURSIVE}
)


def _sqlite_read_only_authorizer(
    action: int, arg1: str | None, arg2: str | None, _db: str | None, _source: str | None
) -> int:
    """Let SQLite prepare reads only: no write of any kind, no ATTACH (VACUUM INTO attaches
    its output file first), no PRAGMA that sets a value, no COMMIT, no extension loading."""
    if action in _SQLITE_ALWAYS_OK:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_FUNCTION:
        refused = (arg2 or "").lower() in ("load_extension", "fts3_tokenizer")
        return sqlite3.SQLITE_DENY if refused else sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA:
        return sqlite3.SQLITE_OK if _pragma_allowed(arg1 or "", arg2) else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_TRANSACTION and (arg1 or "").upper() in ("BEGIN", "ROLLBACK"):
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_UPDATE and (arg1 or "").lower() in _SQLITE_SCHEMA_TABLES:
        # Connecting a virtual table (FTS5, table-valued PRAGMAs) asks this while SQLite
        # reads the schema; a real change to the schema table is impossible anyway
        # without PRAGMA writable_schema (denied above) and query_only is on.
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _refuse(what: str, dialect: str) -> QueryError:
    allowed = ", ".join(_ALLOWED_LEAD[dialect])
    return QueryError(
        f"read-only: {what} is refused without --write (one {allowed} statement runs)"
    )


def _statements(sql: str) -> list[Any]:
    import sqlparse
    from sqlparse import tokens as T

    def meaningful(statement: Any) -> bool:
        return any(
            not tok.is_whitespace and tok.ttype not in T.Comment and tok.value != ";"
            for tok in statement.flatten()
        )

    return [st for st in sqlparse.parse(sql) if meaningful(st)]


def single_statement(sql: str) -> Any:
    """The one statement in `sql` (parsed), or a QueryError when there are none or several."""
    found = _statements(sql)
    if not found:
        raise QueryError("no SQL statement given")
    if len(found) > 1:
        raise QueryError(
            f"one statement at a time: found {len(found)} separated by ';' (run them one by one)"
        )
    return found[0]


def check_read_only(sql: str, dialect: str) -> None:
    """Refuse anything but one query before it reaches the database (see the module doc)."""
    from sqlparse import tokens as T

    dialect = dialect if dialect in _ALLOWED_LEAD else "postgresql"
    statement = single_statement(sql)
    words = [
        tok for tok in statement.flatten() if not tok.is_whitespace and tok.ttype not in T.Comment
    ]
    first = next(tok for tok in words if tok.value not in ("(", ";"))
    lead = first.value.upper()
    if lead not in _ALLOWED_LEAD[dialect]:
        if first.ttype not in T.Keyword and lead not in _VERBS_NOT_KEYWORDS:
            allowed = ", ".join(_ALLOWED_LEAD[dialect])
            raise QueryError(
                f'syntax error at or near "{first.value}" (read-only: one {allowed} '
                "statement runs without --write)"
            )
        raise _refuse(f"a {lead} statement", dialect)
    if lead == "PRAGMA":
        m = _PRAGMA_TEXT.match(str(statement).strip())
        arg = m["arg"].strip() if m and m["arg"] is not None else None
        if m is None or not _pragma_allowed(m["name"], arg):
            raise _refuse("a PRAGMA that sets a value (or is not a known read-only one)", dialect)
        return
    for index, tok in enumerate(words):
        if tok.ttype in T.Keyword and tok.normalized.upper() in _WRITE_WORDS:
            raise _refuse(f"a statement containing {tok.normalized.upper()}", dialect)
        if tok.ttype in T.Name or tok.ttype in T.Literal.String.Symbol:
            called = index + 1 < len(words) and words[index + 1].value.startswith("(")
            name = tok.value.strip('"`[]').lower()
            if called and (name in _REFUSED_FUNCTIONS or name.startswith(_REFUSED_PREFIXES)):
                raise _refuse(f"the function {name}()", dialect)


READER_ROLE = "wire_archive_reader"  # created by migration 0002: SELECT on every table
_CAN_BE_READER = (
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wire_archive_reader') "
    "THEN pg_has_role(current_user, 'wire_archive_reader', 'MEMBER') ELSE false END"
)


class _ReadOnlyRun:
    """Lower-level guards for one read-only statement on `conn`, undone afterwards."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.restore: list[Any] = []

    def __enter__(self) -> _ReadOnlyRun:
        conn = self.conn
        if conn.in_transaction():
            conn.rollback()  # start clean: nothing run before the statement is kept either
        fairy = conn.connection
        raw = fairy.driver_connection
        if conn.dialect.name == "postgresql":
            from psycopg.pq import TransactionStatus

            if raw.info.transaction_status != TransactionStatus.IDLE:
                raw.rollback()
            old_ro, old_prep = raw.read_only, raw.prepare_threshold
            raw.read_only = True  # psycopg opens the transaction with BEGIN READ ONLY
            # Prepared statements go through the extended protocol, where the server itself
            # refuses more than one statement, whatever a client-side splitter thought.
            raw.prepare_threshold = 0
            self.restore.append(lambda: setattr(raw, "prepare_threshold", old_prep))
            self.restore.append(lambda: setattr(raw, "read_only", old_ro))
            # A superuser may COPY to files or programs even in a read-only transaction:
            # run the statement as the archive's reader role (SELECT only) where allowed.
            may_read_as_reader = conn.exec_driver_sql(_CAN_BE_READER).scalar()
            if may_read_as_reader:
                conn.exec_driver_sql(f"SET LOCAL ROLE {READER_ROLE}")
        elif conn.dialect.name == "sqlite":
            if not fairy.info.get(_READ_ONLY_MARK):
                raw.set_authorizer(_sqlite_read_only_authorizer)
                self.restore.append(lambda: raw.set_authorizer(None))
            conn.exec_driver_sql("BEGIN")
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        try:
            self.conn.rollback()  # always: a read-only run never commits anything
        except sa.exc.DBAPIError:
            # A lost connection has no transaction left to keep; report the first error.
            if exc_type is None:
                raise
        finally:
            if not self.conn.closed and not self.conn.invalidated:
                raw = self.conn.connection.driver_connection
                lost = getattr(raw, "closed", False) or getattr(raw, "broken", False)
                for undo in () if lost else self.restore:
                    undo()


def require_archive(conn: Connection) -> None:
    """Refuse a database that is not a wire archive, or one older than this code."""
    from alembic.runtime.migration import MigrationContext

    from etl.archive.db import head_revision

    revision = MigrationContext.configure(conn).get_current_revision()
    where = conn.engine.url.render_as_string(hide_password=True)
    if revision is None:
        raise QueryError(
            f"{where} holds no wire archive (no schema); `wire-archive ingest` creates one"
        )
    if revision != head_revision():
        raise QueryError(
            f"{where} is at schema revision {revision}, this version reads {head_revision()}; "
            "run `wire-archive db upgrade`"
        )


@dataclass(frozen=True, slots=True)
class QueryParam:
    """A named bind parameter a query file declares: `-- @param name type = default  doc`."""

    name: str
    type: str = "text"
    default: str | None = None
    doc: str = ""


@dataclass(frozen=True, slots=True)
class QueryFile:
    """An example query: its header comment says what it answers and how to call it."""

    path: Path
    title: str
    doc: str
    sql: str
    params: tuple[QueryParam, ...] = ()
    backend: str | None = None  # "postgresql" or "sqlite" when it runs on one only

    @property
    def twin(self) -> Path | None:
        """The other backend's version of a backend-specific file."""
        if self.backend is None:
            return None
        other = "sqlite" if self.backend == "postgresql" else "postgresql"
        return self.path.with_name(self.path.name.replace(f".{self.backend}.", f".{other}."))


_PARAM_LINE = re.compile(
    r"^--\s*@param\s+(?P<name>\w+)\s+(?P<type>\w+)\s*"
    r"(?:=\s*(?P<default>'[^']*'|\S+))?\s*(?P<doc>.*)$"
)
_BACKEND_LINE = re.compile(r"^--\s*@backend\s+(?P<backend>\w+)\s*$")


def load_query_file(path: str | Path) -> QueryFile:
    """Read a query file and its header (the comment lines before the first SQL line)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"cannot read {path}: {exc.strerror or exc}") from exc
    doc_lines: list[str] = []
    params: list[QueryParam] = []
    backend: str | None = None
    lines = text.splitlines()
    body_start = len(lines)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("--"):
            body_start = index
            break
        if m := _PARAM_LINE.match(stripped):
            kind = m["type"].lower()
            if kind not in PARAM_TYPES:
                raise QueryError(f"{path.name}: parameter {m['name']} has unknown type {kind}")
            default = m["default"]
            if default is not None and default.startswith("'"):
                default = default[1:-1]
            params.append(QueryParam(m["name"], kind, default, m["doc"].strip()))
        elif m := _BACKEND_LINE.match(stripped):
            backend = m["backend"].lower()
        else:
            doc_lines.append(stripped[2:].strip())
    while doc_lines and not doc_lines[-1]:
        doc_lines.pop()
    title = doc_lines[0] if doc_lines else path.stem
    return QueryFile(
        path=path,
        title=title,
        doc="\n".join(doc_lines),
        # The header is left out: a driver must never see ":name" inside a comment.
        sql="\n".join(lines[body_start:]).strip(),
        params=tuple(params),
        backend=backend,
    )


def query_files(folder: str | Path) -> list[QueryFile]:
    """Every example query in a folder, by file name."""
    return [load_query_file(p) for p in sorted(Path(folder).glob("*.sql"))]


def parse_param_args(pairs: Iterable[str]) -> dict[str, str]:
    """`k=v` strings from the command line; `k:int=v` declares a type for ad-hoc SQL."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param wants name=value, got {pair!r}")
        out[key.strip()] = value
    return out


def _convert(name: str, kind: str, value: str, dialect: str) -> Any:
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "date":
            day = dt.date.fromisoformat(value)
            # SQLite stores dates as ISO text; PostgreSQL wants a real date.
            return day.isoformat() if dialect == "sqlite" else day
    except ValueError as exc:
        raise QueryError(f"parameter {name}: {value!r} is not a valid {kind}") from exc
    return value


def bind_params(
    sql: str, given: Mapping[str, str], declared: Iterable[QueryParam] = (), *, dialect: str
) -> dict[str, Any]:
    """Values for every parameter the SQL uses: given ones, else declared defaults."""
    used = set(sa.text(sql).compile().params)
    decl = {p.name: p for p in declared}
    values: dict[str, Any] = {}
    for raw_key, value in given.items():
        name, _, kind = raw_key.partition(":")
        if name not in used:
            known = ", ".join(sorted(used)) or "none"
            raise QueryError(f"the query has no parameter :{name} (its parameters: {known})")
        kind = kind or (decl[name].type if name in decl else "text")
        values[name] = _convert(name, kind, value, dialect)
    for name in sorted(used - values.keys()):
        param = decl.get(name)
        if param is None or param.default is None:
            raise QueryError(f"missing value for parameter :{name} (give --param {name}=...)")
        values[name] = _convert(name, param.type, param.default, dialect)
    return values


@dataclass(slots=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def execute(
    conn: Connection,
    sql: str,
    given: Mapping[str, str] | None = None,
    declared: Iterable[QueryParam] = (),
    *,
    write: bool = False,
) -> QueryResult:
    """Run exactly one statement on an open connection; parameters bound by name.

    Unless `write`, the statement must be a query and runs in a read-only transaction
    that is rolled back afterwards (the caller commits a `write` run itself).
    """
    dialect = conn.dialect.name
    if write:
        single_statement(sql)
    else:
        check_read_only(sql, dialect)
    params = bind_params(sql, given or {}, declared, dialect=dialect)
    if write:
        return _fetch(conn, sql, params, write=True)
    with _ReadOnlyRun(conn):
        return _fetch(conn, sql, params, write=False)


def _fetch(conn: Connection, sql: str, params: dict[str, Any], *, write: bool) -> QueryResult:
    try:
        result = conn.execute(sa.text(sql), params)
        if not result.returns_rows:
            return QueryResult(columns=(), rows=[])
        return QueryResult(columns=tuple(result.keys()), rows=[tuple(r) for r in result])
    except sa.exc.StatementError as exc:
        error = QueryError.from_db(exc)
        if not write and str(error) == "not authorized":  # SQLite's authorizer said no
            raise QueryError(
                "read-only: the statement needs a change the read-only connection refuses "
                "(use --write to change the archive)"
            ) from exc
        raise error from exc


def run_sql(
    database_url: str | None,
    sql: str,
    params: Mapping[str, str] | None = None,
    *,
    declared: Iterable[QueryParam] = (),
    write: bool = False,
) -> QueryResult:
    """Run one statement and fetch its rows; read-only unless `write`."""
    engine = read_engine(database_url, write=write)
    try:
        with engine.connect() as conn:
            result = execute(conn, sql, params, declared, write=write)
            if write:
                conn.commit()
            return result
    except sa.exc.DBAPIError as exc:  # connection-level: bad URL, server down
        raise QueryError.from_db(exc) from exc
    finally:
        engine.dispose()


def check_backend(query: QueryFile, dialect: str) -> None:
    """Refuse a backend-specific file on the other backend, pointing at its twin."""
    if query.backend is not None and query.backend != dialect:
        twin = query.twin.name if query.twin else "its twin"
        raise QueryError(f"{query.path.name} is for {query.backend}; on {dialect} run {twin}")


def run_query_file(
    database_url: str | None, path: str | Path, params: Mapping[str, str] | None = None
) -> QueryResult:
    """Run an example query file with its declared defaults, overridden by `params`."""
    query = load_query_file(path)
    url = normalise_url(database_url or default_database_url())
    check_backend(query, sa.make_url(url).get_backend_name())
    return run_sql(url, query.sql, params, declared=query.params)


def _plain(value: Any) -> Any:
    """A value JSON can carry: dates as ISO text, decimals as numbers, bytes as hex."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return value


def write_csv(result: QueryResult, stream: IO[str]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if v is None else _plain(v) for v in row])


def write_json(result: QueryResult, stream: IO[str]) -> None:
    """One JSON array of objects keyed by column name."""
    records = [{k: _plain(v) for k, v in rec.items()} for rec in result.records()]
    json.dump(records, stream, ensure_ascii=False, indent=1)
    stream.write("\n")


# --- export -------------------------------------------------------------------------------

EXPORT_BATCH = 2000


def _export_schema():  # type: ignore[no-untyped-def]
    """story_full's columns with one type on both backends, so files compare equal."""
    import pyarrow as pa

    text, big, day = pa.string(), pa.int64(), pa.date32()
    stamp = pa.timestamp("us", tz="UTC")
    return pa.schema(
        [
            ("story_id", big),
            ("story_key", text),
            ("headline", text),
            ("byline", text),
            ("authors", text),
            ("agencies", text),
            ("dateline", text),
            ("place", text),
            ("region", text),
            ("country", text),
            ("date", day),
            ("date_source", text),
            ("is_teaser", pa.bool_()),
            ("full_story_id", big),
            ("full_story_headline", text),
            ("current_version", big),
            ("paragraph_count", big),
            ("word_count", big),
            ("text", text),
            ("dump_count", big),
            ("first_dump_id", big),
            ("first_dump_date", day),
            ("first_dump_source", text),
            ("last_dump_id", big),
            ("last_dump_date", day),
            ("last_dump_source", text),
            ("first_seen_at", stamp),
            ("updated_at", stamp),
        ]
    )


def _to_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _to_stamp(value: Any) -> dt.datetime | None:
    """SQLite hands timestamps back as naive text; they were written as UTC."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        value = dt.datetime.fromisoformat(str(value))
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _normalise_row(row: Mapping[str, Any], schema) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    import pyarrow as pa

    out: dict[str, Any] = {}
    for fld in schema:
        value = row[fld.name]
        if fld.type == pa.date32():
            value = _to_date(value)
        elif pa.types.is_timestamp(fld.type):
            value = _to_stamp(value)
        elif fld.type == pa.bool_():
            value = None if value is None else bool(value)
        out[fld.name] = value
    return out


def export_sql(since: dt.date | None, until: dt.date | None) -> str:
    """story_full in a date range; with no range, undated stories come too (at the end)."""
    clauses = []
    if since is not None:
        clauses.append("date >= :since")
    if until is not None:
        clauses.append("date <= :until")
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    return (
        f"SELECT * FROM story_full{where}"
        " ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date, story_id"
    )


def _export_rows(
    conn: Connection, since: dt.date | None, until: dt.date | None
) -> Iterator[list[dict[str, Any]]]:
    sqlite = conn.dialect.name == "sqlite"
    params = {
        k: (v.isoformat() if sqlite else v)
        for k, v in (("since", since), ("until", until))
        if v is not None
    }
    result = conn.execution_options(stream_results=True).execute(
        sa.text(export_sql(since, until)), params
    )
    rows = result.mappings()
    while batch := rows.fetchmany(EXPORT_BATCH):  # bounded memory on a large archive
        yield list(batch)


def export_stories(
    database_url: str | None,
    out: str | Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> int:
    """Write story_full rows dated `since`..`until` to .parquet or .csv; returns rows written."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".parquet", ".csv"):
        raise QueryError(f"export writes .parquet or .csv, not {out.name}")
    if since and until and since > until:
        raise QueryError(f"--since {since} is after --until {until}")
    schema = _export_schema()
    engine = read_engine(database_url)
    try:
        with engine.connect() as conn:
            require_archive(conn)
    except QueryError:
        engine.dispose()
        raise
    except sa.exc.DBAPIError as exc:
        engine.dispose()
        raise QueryError.from_db(exc) from exc
    count = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    writer: Any = None
    try:
        writer = (
            pq.ParquetWriter(tmp, schema) if suffix == ".parquet" else pacsv.CSVWriter(tmp, schema)
        )
        with engine.connect() as conn:
            for batch in _export_rows(conn, since, until):
                rows = [_normalise_row(r, schema) for r in batch]
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count += len(rows)
        writer.close()
        writer = None
        tmp.replace(out)  # a half-written export never carries the final name
    except sa.exc.StatementError as exc:
        raise QueryError.from_db(exc) from exc
    finally:
        if writer is not None:
            writer.close()
        tmp.unlink(missing_ok=True)
        engine.dispose()
    return count
