"""One nightly run at a time: an exclusive lock on a file in the data directory.

flock() is released by the kernel when the process dies, so a killed run
never leaves a stale lock behind; the file only tells who holds it.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path

LOCK_FILE = "update.lock"


class LockBusy(RuntimeError):
    """Another run holds the lock; the message says which process and since when."""


class RunLock:
    def __init__(self, data_dir: str | Path, name: str = LOCK_FILE):
        self.path = Path(data_dir) / name
        self.fd: int | None = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "unknown process"
            os.close(fd)
            raise LockBusy(f"another policy update is running ({holder}); lock file {self.path}") from None
        os.ftruncate(fd, 0)
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        os.pwrite(fd, f"pid {os.getpid()}, since {stamp}\n".encode(), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None
