"""Writing files so that nothing is lost. Every writer, of the command line and of the
Python API, comes here; this is the one place that decides where an output may go:

- not over a file read in this run (:mod:`socialplan._io.inputs`), by its path, a symbolic
  link or a hard link, unless the output is the same kind of document (a plan written back
  over the plan read), and then not over changes made to it since it was read;
- not through a symbolic link that leads out of the folder holding it, on any component of
  the path below the current folder (see :func:`_followed`);
- into a FIFO or a character device (``/dev/null``, a terminal) as a stream, and into
  ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` as the open stream they name: never
  replacing them; not into a socket, a block device or a folder;
- into a regular file through a temporary file in the same folder, put in its place at
  once, so that a reader sees the old file or the new one, and a failed write leaves the
  old one as it was. :class:`Batch` writes several files all or none.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from types import TracebackType

from . import inputs as _inputs

__all__ = ["Batch", "write_atomic"]

#: The kinds of document that may be written over a file read as the same kind.
_REWRITABLE = (_inputs.PLAN, _inputs.OBSERVATIONS)

#: Why :class:`Batch` does not write into a stream.
_NOT_INTO_A_STREAM = (
    "files written all or none are not written into a FIFO, a device or a stream, which "
    "cannot take back what it was given"
)

#: Names of the process's own open streams, by file descriptor.
_STANDARD = {"/dev/stdout": 1, "/dev/stderr": 2}


def write_atomic(
    target: str | os.PathLike[str],
    text: str | bytes,
    *,
    kind: str | None = None,
    format: str | None = None,  # noqa: A002
    force: bool = False,
) -> None:
    """Write *text* (UTF-8, lines as given) or bytes to *target*, by the rules of this module.

    *kind* is the kind of document written (``_inputs.PLAN``, ``_inputs.OBSERVATIONS``, or
    None for any other output) and *format* its format (``"toml"``, ``"json"``, ``"csv"``):
    only a document of the kind and the format of a file read may be written over it (a
    JSON plan over the TOML one read would not load by its name), and only if that file is
    unchanged since it was read, unless *force*.
    Raises :class:`PermissionError` for an output refused,
    :class:`~socialplan.FileChangedError` for a change that would be lost, and
    :class:`OSError` for a write that failed.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    target = Path(target)
    descriptor = _standard_stream(target)
    if descriptor is not None:
        _flush_standard_streams()
        _write_all(descriptor, data)
        return
    real = _followed(target)
    if _is_stream(target, real):
        _stream(target, real, data)
        return
    read = _may_replace(target, real, kind, format, force)
    temporary = _temporary(real, data)
    try:
        os.replace(temporary, real)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if read is not None:  # what is there now is what a later write compares with
        _inputs.remember(real, read.kind, data, read.format)


class Batch:
    """Files written all or none.

    Each file :meth:`add` is given is written at once to a temporary file beside it; when
    the ``with`` block ends without an error, they are all put in place. An error anywhere
    (making a file's content, writing it, putting one in place) leaves everything as it
    was: the temporary files are removed, the files already put in place get their old
    content back, and the folders :meth:`folder` made are removed. A FIFO or a device
    cannot take back what it was given, so a batch does not write into one.
    """

    def __init__(self, kind: str | None = None) -> None:
        self._kind = kind
        self._pending: list[tuple[str, Path]] = []  # (temporary file, where it goes)
        self._made: list[Path] = []  # the folders made, outermost first

    def __enter__(self) -> Batch:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                self._commit()
        finally:
            self._discard()

    def folder(self, path: str | os.PathLike[str]) -> None:
        """Make the folder *path* (and the folders above it) if it is missing."""
        real = _followed(Path(path))
        missing = []
        while not real.exists() and real != real.parent:
            missing.append(real)
            real = real.parent
        for folder in reversed(missing):
            folder.mkdir()
            self._made.append(folder)
        if not Path(path).is_dir():
            raise NotADirectoryError(f"{os.fspath(path)} is not a folder")

    def add(self, target: str | os.PathLike[str], content: str | bytes) -> None:
        """Write *content* to a temporary file beside *target*, to be put there at the end."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = Path(target)
        if _standard_stream(target) is not None:
            raise OSError(f"{os.fspath(target)} is a stream: {_NOT_INTO_A_STREAM}")
        real = _followed(target)
        if _is_stream(target, real):
            what = "a FIFO" if stat.S_ISFIFO(os.stat(real).st_mode) else "a device"
            raise OSError(f"{os.fspath(target)} is {what}: {_NOT_INTO_A_STREAM}")
        _may_replace(target, real, self._kind, None, force=False)
        self._pending.append((_temporary(real, data), real))

    def _commit(self) -> None:
        done: list[tuple[Path, str | bytes | None]] = []  # (file, its old content)
        try:
            for temporary, real in self._pending:
                old = _keep(real)
                try:
                    os.replace(temporary, real)
                except BaseException:
                    if isinstance(old, str):
                        os.unlink(old)
                    raise
                done.append((real, old))
        except BaseException:
            for real, old in reversed(done):
                with contextlib.suppress(OSError):
                    if old is None:
                        real.unlink()
                    elif isinstance(old, str):
                        os.replace(old, real)
                    else:
                        os.replace(_temporary(real, old), real)
            raise
        self._pending.clear()
        self._made.clear()
        for _, old in done:
            if isinstance(old, str):
                with contextlib.suppress(OSError):
                    os.unlink(old)

    def _discard(self) -> None:
        for temporary, _ in self._pending:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        self._pending.clear()
        for folder in reversed(self._made):
            with contextlib.suppress(OSError):  # not empty: someone else's files are there
                folder.rmdir()
        self._made.clear()


def _keep(real: Path) -> str | bytes | None:
    """The old file at *real*, kept to be put back: a hard link to it beside it, or (on a
    file system without hard links) its bytes; None when there is none."""
    if not real.exists():
        return None
    for _ in range(100):
        kept = real.with_name(f".{real.name}.{os.urandom(4).hex()}.old")
        try:
            os.link(real, kept)
        except FileExistsError:
            continue
        except OSError:  # no hard links here
            return real.read_bytes()
        return os.fspath(kept)
    return real.read_bytes()


def _standard_stream(target: Path) -> int | None:
    """The file descriptor *target* names (``/dev/stdout``, ``/dev/fd/3``), or None.

    Such a name is written as the open stream it is, at its position: ``-o /dev/stdout``
    into a pipe, a terminal, or a file the shell opened with ``>>`` appends to it.
    """
    if os.name != "posix" or not target.is_absolute():
        return None
    name = os.path.normpath(target)
    if name in _STANDARD:
        return _STANDARD[name]
    for folder in ("/dev/fd/", "/proc/self/fd/"):
        number = name.removeprefix(folder)
        if number != name and number.isdigit():
            return int(number)
    return None


def _flush_standard_streams() -> None:
    """What Python holds for stdout and stderr goes out before bytes written past it."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _followed(target: Path) -> Path:
    """The real path a write to *target* goes to, after the symbolic links on the way.

    Every component of the path is checked, except those that lead to the current folder
    or to a folder above it (the user is working there: a home folder that is a link, or
    ``/tmp`` on macOS, is theirs): one that is a symbolic link must lead to its own folder
    or below it, or :class:`PermissionError` is raised, naming the real path to write to
    instead. ``/tmp`` and ``/var`` on macOS lead below ``/``, their own folder.
    """
    parts = target.parts
    first = _first_checked(target)
    folder = Path(*parts[:first])
    for part in parts[first:]:
        step = folder / part
        if step.is_symlink():
            leads = Path(os.path.realpath(step))
            if not leads.is_relative_to(os.path.realpath(folder)):
                raise PermissionError(
                    f"{os.fspath(step)} is a symbolic link to {os.fspath(leads)}, outside its "
                    "folder: not written through it (name the real path, if that is where you "
                    "mean to write)"
                )
        folder = step
    return Path(os.path.realpath(target))


def _first_checked(target: Path) -> int:
    """The index in ``target.parts`` of the first component :func:`_followed` checks: past
    the longest beginning of an absolute path that is the current folder or one above it."""
    if not target.is_absolute():
        return 0
    try:
        folder = os.path.realpath(".")
    except OSError:  # no current folder
        return 1
    above: set[tuple[int, int]] = set()
    while True:
        status = os.stat(folder)
        above.add((status.st_dev, status.st_ino))
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    first = 1
    for index in range(1, len(target.parts)):
        try:
            status = os.stat(Path(*target.parts[:index]))
        except OSError:  # a folder on the way is missing: nothing below it is the user's yet
            break
        if (status.st_dev, status.st_ino) in above:
            first = index
    return first


def _is_stream(target: Path, real: Path) -> bool:
    """Whether *real* is written into (a FIFO, a character device) rather than replaced (a
    regular file, or nothing yet); :class:`OSError` for what is neither."""
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return True
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(f"{os.fspath(target)} is a folder: name a file in it")
    what = "a socket" if stat.S_ISSOCK(mode) else "a block device (a disk)"
    raise OSError(
        f"{os.fspath(target)} is {what}: socialplan writes files, FIFOs and character devices only"
    )


def _stream(target: Path, real: Path, data: bytes) -> None:
    """Write *data* into the FIFO or character device *real*: no temporary file, no replace.
    A FIFO waits for its reader, as a shell's redirection into it does."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(real, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
            raise OSError(
                f"{os.fspath(target)} became a file while it was opened: nothing was written"
            )
        _write_all(descriptor, data)
    finally:
        os.close(descriptor)


def _may_replace(
    target: Path, real: Path, kind: str | None, fmt: str | None, force: bool
) -> _inputs.Read | None:
    """The file read in this run that a write of a *kind* in *fmt* would replace at *real*, if
    it may; :class:`PermissionError` if it may not, :class:`~socialplan.FileChangedError` if
    it changed since."""
    read = _inputs.read_as(real)
    if read is None:
        return None
    also = "" if os.path.abspath(target) == read.path else f" ({read.path})"
    if kind != read.kind or kind not in _REWRITABLE:
        raise PermissionError(
            f"{os.fspath(target)} is the {read.kind} read in this run{also}: not written "
            "over, so that it is not lost; name another file"
        )
    if fmt is not None and read.format is not None and fmt != read.format:
        raise PermissionError(
            f"{os.fspath(target)} is the {read.kind} read in this run{also}, in "
            f"{read.format.upper()}: {fmt.upper()} written over it would not load by its "
            f"name; name a .{fmt} file"
        )
    if not force and read.digest is not None:
        try:
            now = real.read_bytes()
        except FileNotFoundError:  # gone: writing it loses nothing
            return read
        if hash(now) != read.digest:
            raise _inputs.FileChangedError(
                f"{os.fspath(target)} changed since it was loaded: nothing was written, so "
                "that those changes are not lost; load it again, or pass force=True "
                "(--force) to overwrite them"
            )
    return read


def _temporary(real: Path, data: bytes) -> str:
    """A new file beside *real* holding *data*, on disk, with the mode *real* has (or a new
    file gets); its path."""
    import tempfile  # only writers need it: 5 ms of start-up

    handle, temporary = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if real.exists():
            os.chmod(temporary, real.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary
