"""The Flask site: search pages, the JSON API and feeds, over ``indexer.search``."""

from .app import create_app

__all__ = ["create_app"]
