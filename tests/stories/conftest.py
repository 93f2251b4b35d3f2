from selon.corpus.testing import db_url  # noqa: F401  (the store fixture, over SQLite and PostgreSQL)
