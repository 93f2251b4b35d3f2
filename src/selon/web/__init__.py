"""selon's web workbench and HTTP API (`selon serve`): `create_app(Settings(...))` builds the ASGI app.

    >>> from selon.web import Settings, create_app
    >>> app = create_app(Settings(db="corpus.db"))      # then: uvicorn.run(app, host="127.0.0.1")
"""

from selon.web.app import create_app
from selon.web.settings import Settings

__all__ = ["Settings", "create_app"]
