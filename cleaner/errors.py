"""The one error the cleaner raises: the input is not a document at all."""


class NotADocument(ValueError):
    """The input is not a policy document at all (binary junk, empty, a challenge page)."""
