# Wire Archive on the official Airflow image: the project's `etl` package installed next to
# Airflow (pinned, so pip never moves it) and the DAGs baked in.
FROM apache/airflow:3.3.2-python3.11

USER root
COPY --chown=airflow:0 . /opt/wire-archive
USER airflow

RUN pip install --no-cache-dir "apache-airflow==${AIRFLOW_VERSION}" /opt/wire-archive

COPY --chown=airflow:0 dags/ /opt/airflow/dags/
COPY --chown=airflow:0 sql/ /opt/airflow/sql/

ENV WIRE_ARCHIVE_LANDING=/opt/airflow/landing
