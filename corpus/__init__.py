"""The model of a policy document, its JSON form, and the SQLite store."""

from .model import Amount, Clause, Department, Document, Reference, Region
from .store import Store, StoreError

__all__ = ["Amount", "Clause", "Department", "Document", "Reference", "Region", "Store", "StoreError"]
