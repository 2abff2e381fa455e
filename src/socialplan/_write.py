"""Writing files so that nothing is lost: atomically, and never out of the target's folder."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(target: Path, text: str | bytes) -> None:
    """Write *text* (UTF-8, lines as given) or bytes to *target* through a temporary file
    in the same folder, so that a reader never sees half a file, and a failed write
    leaves the old file as it was.

    A symbolic link is written through to its file only when that file is in the
    link's own folder; one that points elsewhere raises :class:`PermissionError`,
    so that a plan's folder cannot be used to overwrite a file outside it.
    """
    target = _within_folder(target)
    directory = target.parent
    data = text.encode("utf-8") if isinstance(text, str) else text
    import tempfile  # only writers need it: 5 ms of start-up

    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _within_folder(target: Path) -> Path:
    """*target*, or the file its symbolic link names when that is in the same folder."""
    if not target.is_symlink():
        return target
    real = target.resolve()
    if real.parent != target.parent.resolve():
        raise PermissionError(
            f"{os.fspath(target)} is a symbolic link to {os.fspath(real)}, outside its folder: "
            "not written through it"
        )
    return real
