"""The parse pool's processes follow their parent out: no orphans after a SIGKILL.

A writer killed with SIGKILL cannot stop its fork server, and the workers wait for work on
queues whose ends they hold themselves, so neither would ever see it go. Each watches the
process that started it and exits when that one is gone: the fork server its writer, each
worker the fork server. The parent's pid travels in the environment, set before the child
starts, so a parent that dies while the child is still loading is noticed too.
"""

from __future__ import annotations

import os
import threading
import time

PARENT_ENV = "WIRE_ARCHIVE_POOL_PARENT"
WATCH_SECONDS = 1.0


def adopt() -> None:
    """Name this process as the parent its pool children must watch."""
    os.environ[PARENT_ENV] = str(os.getpid())


def watch_parent() -> None:
    """Exit once the process named in the environment is no longer this one's parent."""
    try:
        parent = int(os.environ[PARENT_ENV])
    except (KeyError, ValueError):
        parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()
