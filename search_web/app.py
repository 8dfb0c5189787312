"""Application factory: no globals, the data directory comes from the config."""

from __future__ import annotations

from pathlib import Path

from flask import Flask


def create_app(data_dir: str | Path = "./data", **config) -> Flask:
    app = Flask(__name__)
    app.config.update(DATA_DIR=str(data_dir), JSON_AS_ASCII=False, MAX_QUERY_CHARS=200)
    app.config.update(config)
    app.json.ensure_ascii = False

    from .views import bp

    app.register_blueprint(bp)
    return app
