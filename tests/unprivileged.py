"""Run a piece of a test as an unprivileged user, so that file permissions apply under root."""

from __future__ import annotations

import os


def as_unprivileged_user(call):
    """call() in a forked child that dropped root to `nobody`, so that file permissions apply
    even when the tests run as root (as CI does); its result comes back through a pipe."""
    import pickle

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the modules are already imported, so nothing else is read
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            payload = pickle.dumps(call())
        except BaseException as exc:  # report anything back to the test
            payload = pickle.dumps(exc)
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    result = pickle.loads(payload)
    if isinstance(result, BaseException):
        raise result
    return result
