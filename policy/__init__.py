"""The `policy` command line."""
