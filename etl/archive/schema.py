"""The archive's tables: the single source of truth for Alembic and the loader.

Column names are part of the user-facing interface (people write SQL against
them), so rename nothing; add columns through a new migration.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# Timestamps are stored as timezone-aware UTC.
Timestamp = sa.DateTime(timezone=True)
Sha256 = sa.String(64)
# BIGINT on PostgreSQL, but INTEGER on SQLite so that it stays an auto-increment rowid.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

ingest_runs = sa.Table(
    "ingest_runs",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("started_at", Timestamp, nullable=False),
    sa.Column("finished_at", Timestamp),
    sa.Column("trigger", sa.String(16), nullable=False),  # schedule | manual | backfill | cli
    sa.Column("airflow_run_id", sa.String(250)),
    sa.Column("mode", sa.String(16), nullable=False),  # new | reprocess
    sa.Column("parser_version", sa.String(32), nullable=False),
    # running | success | failed | abandoned (its process died; see etl.archive.runs)
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("files_seen", sa.Integer, nullable=False, server_default="0"),
    sa.Column("dumps_loaded", sa.Integer, nullable=False, server_default="0"),
    sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rejected", sa.Integer, nullable=False, server_default="0"),
    sa.Column("dumps_reprocessed", sa.Integer, nullable=False, server_default="0"),
    sa.Column("stories_new", sa.Integer, nullable=False, server_default="0"),
    sa.Column("stories_seen", sa.Integer, nullable=False, server_default="0"),
    sa.Column("versions_new", sa.Integer, nullable=False, server_default="0"),
    sa.Column("teasers_linked", sa.Integer, nullable=False, server_default="0"),
    sa.Column("detail", sa.Text),
    # Last sign of life of a running run's process (start, end of each batch).
    sa.Column("heartbeat_at", Timestamp),
    sa.CheckConstraint("status IN ('running', 'success', 'failed', 'abandoned')", name="status"),
)

# Every landing-zone file ever seen, by content: the ledger `discover` checks.
# An archive (.zip, .tar.gz) is one landing file holding many dumps.
landing_files = sa.Table(
    "landing_files",
    metadata,
    sa.Column("sha256", Sha256, primary_key=True),
    sa.Column("source_uri", sa.Text, nullable=False),
    sa.Column("size_bytes", sa.BigInteger, nullable=False),
    sa.Column("members", sa.Integer, nullable=False, server_default="1"),
    sa.Column("first_run_id", BigId, sa.ForeignKey("ingest_runs.id")),
    sa.Column("seen_at", Timestamp, nullable=False),
)

dumps = sa.Table(
    "dumps",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("sha256", Sha256, nullable=False, unique=True),
    sa.Column("source_uri", sa.Text, nullable=False),
    sa.Column("size_bytes", sa.BigInteger, nullable=False),
    sa.Column("dump_date", sa.Date),
    sa.Column("format", sa.String(8), nullable=False),  # text | html
    sa.Column("encoding", sa.String(40), nullable=False),
    sa.Column("header", sa.Text),
    sa.Column("leftover", sa.JSON, nullable=False),  # list of lines no story claimed
    sa.Column("raw_zlib", sa.LargeBinary, nullable=False),  # the raw bytes, zlib-compressed
    sa.Column("story_count", sa.Integer, nullable=False),
    sa.Column("parser_version", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False, server_default="loaded"),
    sa.Column("first_run_id", BigId, sa.ForeignKey("ingest_runs.id")),
    sa.Column("last_run_id", BigId, sa.ForeignKey("ingest_runs.id")),
    sa.Column("loaded_at", Timestamp, nullable=False),
    # Added: the --dump-date given at ingest, if any, so that reprocess parses the same way.
    sa.Column("dump_date_override", sa.Date),
    sa.Index(None, "dump_date"),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("story_key", Sha256, nullable=False, unique=True),  # identity across dumps
    sa.Column("is_teaser", sa.Boolean, nullable=False),
    sa.Column("headline", sa.Text),
    sa.Column("byline_raw", sa.Text),
    sa.Column("dateline_raw", sa.Text),
    sa.Column("place", sa.Text),
    sa.Column("region", sa.Text),
    sa.Column("country", sa.String(2)),
    sa.Column("date", sa.Date),
    sa.Column("date_source", sa.String(16)),
    sa.Column("body", sa.Text, nullable=False),  # current version's paragraphs, blank-line joined
    sa.Column("full_story_id", BigId, sa.ForeignKey("stories.id", ondelete="SET NULL")),
    sa.Column("current_version", sa.Integer, nullable=False, server_default="1"),
    sa.Column("first_dump_id", BigId, sa.ForeignKey("dumps.id", ondelete="SET NULL")),
    sa.Column("first_seen_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    # Added by the archive work: sha256 of (place, date, opening words); equal for a teaser
    # and its full story, so linking them is an indexed lookup (see etl/archive/identity.py).
    sa.Column("lead_key", Sha256),
    sa.Index(None, "date"),
    sa.Index(None, "lead_key"),
    sa.Index(None, "place"),
    sa.Index(None, "country"),
    sa.Index(None, "full_story_id"),
)

story_versions = sa.Table(
    "story_versions",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("story_id", BigId, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),  # 1, 2, ... in order of first sight
    sa.Column("content_sha256", Sha256, nullable=False),
    sa.Column("headline", sa.Text),
    sa.Column("byline_raw", sa.Text),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("paragraph_count", sa.Integer, nullable=False),
    sa.Column("word_count", sa.Integer, nullable=False),
    sa.Column("first_dump_id", BigId, sa.ForeignKey("dumps.id", ondelete="SET NULL")),
    sa.Column("first_seen_at", Timestamp, nullable=False),
    sa.UniqueConstraint("story_id", "version"),
    sa.UniqueConstraint("story_id", "content_sha256"),
)

appearances = sa.Table(
    "appearances",
    metadata,
    sa.Column("dump_id", BigId, sa.ForeignKey("dumps.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    # No foreign key of its own (0005): the version's story, see check_archive.
    sa.Column("story_id", BigId, nullable=False),
    sa.Column(
        "version_id", BigId, sa.ForeignKey("story_versions.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("role", sa.String(8), nullable=False),  # main | related
    sa.CheckConstraint("role IN ('main', 'related')", name="role"),
    sa.Index(None, "story_id"),
    sa.Index(None, "version_id"),  # added: finds versions no dump carries any more
)

paragraphs = sa.Table(
    "paragraphs",
    metadata,
    sa.Column(
        "version_id",
        BigId,
        sa.ForeignKey("story_versions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("position", sa.Integer, primary_key=True),
    # The version's story, for convenience: no foreign key or index of its own (0005, a
    # row-by-row check on every COPY); check_archive verifies it matches the version's.
    sa.Column("story_id", BigId, nullable=False),
    sa.Column("kind", sa.String(8), nullable=False),  # text | subhead
    sa.Column("text", sa.Text, nullable=False),
    sa.CheckConstraint("kind IN ('text', 'subhead')", name="kind"),
)

authors = sa.Table(
    "authors",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False),  # display form: "Maya Gebeily"
    sa.Column("name_key", sa.Text, nullable=False, unique=True),  # casefolded, accents kept
)

story_authors = sa.Table(
    "story_authors",
    metadata,
    sa.Column("story_id", BigId, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("author_id", BigId, sa.ForeignKey("authors.id"), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),  # order of credit, from 0
    sa.Index(None, "author_id"),
)

agencies = sa.Table(
    "agencies",
    metadata,
    sa.Column("code", sa.String(16), primary_key=True),  # AFP, AP, Reuters, Xinhua, ...
    sa.Column("name", sa.Text, nullable=False),
)

story_agencies = sa.Table(
    "story_agencies",
    metadata,
    sa.Column("story_id", BigId, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("agency_code", sa.String(16), sa.ForeignKey("agencies.code"), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Index(None, "agency_code"),
)

rejects = sa.Table(
    "rejects",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("sha256", Sha256, nullable=False, unique=True),
    sa.Column("source_uri", sa.Text, nullable=False),
    sa.Column("size_bytes", sa.BigInteger, nullable=False),
    sa.Column("reason", sa.String(32), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("raw_zlib", sa.LargeBinary, nullable=False),
    sa.Column("run_id", BigId, sa.ForeignKey("ingest_runs.id")),
    sa.Column("rejected_at", Timestamp, nullable=False),
    sa.Index(None, "reason"),
)

# Added by the archive work: one row per batch a run has loaded, written in the batch's own
# transaction, so a retried batch is recognised and the run's counts stay derivable.
run_batches = sa.Table(
    "run_batches",
    metadata,
    sa.Column(
        "run_id", BigId, sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("batch_key", Sha256, primary_key=True),  # sha256 over the batch's inputs
    sa.Column("files", sa.Integer, nullable=False),
    sa.Column("summary", sa.JSON, nullable=False),  # RunSummary.to_json() of the batch
    sa.Column("finished_at", Timestamp, nullable=False),
)

# Added for plans that scale (issue 11): what a run will load, kept here and not in Airflow's
# XCom. One `run_plans` row per planned run (a real run's, keyed by its ingest run, or a dry
# run's, which has none), and one `run_manifest` row per planned input: a landing path (mode
# new) or a stored dump id (mode reprocess), with its batch number. A mapped Airflow task
# gets only (plan, batch number) and reads its inputs here. See etl/archive/manifest.py.
run_plans = sa.Table(
    "run_plans",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("run_id", BigId, sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"), unique=True),
    sa.Column("airflow_run_id", sa.String(250)),
    sa.Column("mode", sa.String(16), nullable=False),  # new | reprocess
    sa.Column("dry_run", sa.Boolean, nullable=False),
    sa.Column("batch_size", sa.Integer, nullable=False),  # after the cap on batches
    sa.Column("items", sa.Integer, nullable=False),
    sa.Column("batches", sa.Integer, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Index(None, "created_at"),
)

run_manifest = sa.Table(
    "run_manifest",
    metadata,
    # No foreign key: PostgreSQL would check it row by row during the COPY (a third of the
    # cost of a million-row plan); a plan's rows are only ever deleted with it (manifest.py).
    sa.Column("plan_id", BigId, primary_key=True),
    sa.Column("batch_no", sa.Integer, primary_key=True),  # 1..batches
    sa.Column("position", sa.Integer, primary_key=True),  # 0.. in the plan's order
    sa.Column("path", sa.Text),  # mode new: etl.landing.storable_name of the landing entry
    sa.Column("dump_id", BigId),  # mode reprocess: dumps.id (no key: a dump may go meanwhile)
    sa.Column("sha256", Sha256),  # the content hash discovery saw (None: unreadable entry)
)
