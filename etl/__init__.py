"""Wire Archive: news-wire dumps to relational tables. A plain library: no Airflow here."""

__version__ = "0.1.0"
