"""The input folder's entries: which may be read, and reading one without risk.

Only regular files that resolve inside the input folder are read. A symbolic link may point at
another file inside the folder; a link that leaves the folder, loops or points at nothing, a
link to a folder, a named pipe, a socket and a device each become a `Rejection` with a reason.
Nothing is opened before `os.lstat`/`os.stat` say it is a regular file, and a file is read
through a descriptor opened with O_NOFOLLOW and O_NONBLOCK, at most the size limit plus one
byte: an entry swapped between the check and the read can neither block the run nor fill
memory. Details name entries relative to the input folder, never by a server path.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from etl.types import Rejection

READ_CHUNK = 1 << 20

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def readable_name(text: str) -> str:
    """`text` as valid UTF-8: bytes of a file name that are not UTF-8 (which Python keeps as
    lone surrogates, e.g. from old Windows shares or zip files) are shown as `\\xNN`."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def _inside(path: Path, root: Path) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return Path(path).name


def relative_path(path: Path, root: Path) -> str:
    """`path` relative to `root` with forward slashes, always valid UTF-8 (see `readable_name`);
    a path outside root shows only its name."""
    return readable_name(_inside(path, root))


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def _is_loop(exc: BaseException) -> bool:
    # Python 3.11 raises RuntimeError("Symlink loop ..."); later versions OSError(ELOOP).
    return isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP


def check_entry(path: Path, root: Path) -> Path | Rejection:
    """The real file behind `path` when it may be read (a regular file inside root), else why not.

    Only `lstat`/`stat` are called: a named pipe is never opened.
    """
    inside = _inside(path, root)
    source_path = readable_name(inside)
    if source_path != inside:
        return Rejection(
            source_path,
            "bad_name",
            "Its name (or a folder's name on its path) is not valid UTF-8 text; the bytes that "
            "are not are shown as \\xNN. Rename it with plain characters and run again.",
        )
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return Rejection(
            source_path,
            "unreadable",
            "The file disappeared before it could be read; run the ETL again once it is back.",
        )
    except OSError as exc:
        return _unreadable(source_path, exc)
    is_link = stat.S_ISLNK(link.st_mode)
    try:
        target = Path(path).resolve(strict=True)
    except FileNotFoundError:
        return Rejection(
            source_path,
            "broken_link",
            "It is a symbolic link to something that does not exist; remove the link or copy "
            "the article itself into the input folder.",
        )
    except (OSError, RuntimeError) as exc:
        if _is_loop(exc):
            return Rejection(
                source_path,
                "symlink_loop",
                "It is a symbolic link that leads back to itself (directly or through other "
                "links); remove it or replace it by the article file.",
            )
        return _unreadable(source_path, exc)
    if not target.is_relative_to(Path(root).resolve()):
        what = "a symbolic link" if is_link else "reached through a symbolic link and"
        return Rejection(
            source_path,
            "outside_input_folder",
            f"It is {what} pointing outside the input folder; only files inside the folder "
            "are read. Copy the article into the folder instead of linking to it.",
        )
    try:
        mode = os.stat(target).st_mode
    except OSError as exc:
        return _unreadable(source_path, exc)
    if not stat.S_ISREG(mode):
        kind = _kind(mode)
        if is_link:
            kind = f"a symbolic link to {kind}"
        hint = (
            "links to folders are not followed; move the folder itself into the input folder"
            if stat.S_ISDIR(mode)
            else "only regular files are read; save the article as a file"
        )
        return Rejection(source_path, "not_regular_file", f"It is {kind}, not a file: {hint}.")
    return target


def read_entry(path: Path, root: Path, max_bytes: int) -> bytes | Rejection:
    """The bytes of a regular file inside root, at most `max_bytes`, or why it is not read."""
    source_path = relative_path(path, root)
    target = check_entry(path, root)
    if isinstance(target, Rejection):
        return target
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # became a link after the check
            return Rejection(
                source_path,
                "not_regular_file",
                "The file was replaced by a symbolic link while it was being read; run the ETL again.",
            )
        return _unreadable(source_path, exc)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped after the check
            return Rejection(
                source_path,
                "not_regular_file",
                f"It is {_kind(info.st_mode)}, not a file: only regular files are read.",
            )
        if info.st_size > max_bytes:
            return too_large(source_path, info.st_size, max_bytes)
        chunks, remaining = [], max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, READ_CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        return _unreadable(source_path, exc)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:  # the file grew between stat and read
        return too_large(source_path, None, max_bytes)
    return data


def too_large(source_path: str, size: int | None, max_bytes: int) -> Rejection:
    size_text = f"{size:,} bytes" if size is not None else "larger than that"
    return Rejection(
        source_path,
        "too_large",
        f"The file is {size_text}, over the {max_bytes:,}-byte limit; split it into one file per "
        "article or a .jsonl bundle under the limit.",
    )


def _unreadable(source_path: str, exc: BaseException) -> Rejection:
    reason = getattr(exc, "strerror", None) or type(exc).__name__
    return Rejection(
        source_path,
        "unreadable",
        f"The file could not be read ({reason}); check that it exists and that its permissions "
        "let this user read it.",
    )


# An absolute path in a message: "/" then at least one folder, not part of a URL ("https://x/y")
# or of a relative path ("a/b").
_ABSOLUTE_PATH = re.compile(r"(?<![\w.:/~-])/(?:[^\s/'\"():,;]+/)+[^\s/'\"():,;]*")


def hide_paths(text: str, root: Path | None = None) -> str:
    """A message with server paths removed: paths under `root` or the working folder become
    relative, any other absolute path is reduced to its last part."""
    for base in (root, Path.cwd()):
        if base is None:
            continue
        for form in {str(Path(base)), str(Path(base).resolve())}:
            if form not in ("/", "."):
                text = text.replace(form.rstrip("/") + "/", "")
    return _ABSOLUTE_PATH.sub(lambda m: "…/" + m.group(0).rstrip("/").rsplit("/", 1)[-1], text)


def display_path(path: Path) -> str:
    """A path to show a user: relative to the working folder when inside it, else only its name
    (a message may reach a dashboard user, who has no business with the server's folders)."""
    path = Path(path)
    if not path.is_absolute():
        return path.as_posix()
    for candidate, base in ((path, Path.cwd()), (path.resolve(), Path.cwd().resolve())):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.name or path.as_posix()
