"""The host name Airflow records for this process: `WIRE_ARCHIVE_NODE`, else the machine's.

Several Airflow components on one machine (`make cluster`: two Celery workers) would all
report the same fully qualified host name, so task instances could not tell which worker
ran them. scripts/cluster.sh puts this folder on PYTHONPATH, sets
`AIRFLOW__CORE__HOSTNAME_CALLABLE=wire_archive_node.hostname` and gives every component
its own `WIRE_ARCHIVE_NODE` (worker-1@host, ...). In containers the default is right.
"""

from __future__ import annotations

import os
import socket

NODE_ENV = "WIRE_ARCHIVE_NODE"


def hostname() -> str:
    """This component's name: stable for the process's lifetime, as heartbeats require."""
    return os.environ.get(NODE_ENV) or socket.getfqdn()
