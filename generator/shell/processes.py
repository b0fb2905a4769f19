"""A program run in a process group of its own, the whole group killed on a timeout or Ctrl-C."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Mapping


def run_in_group(command: list[str], *, timeout: float, data: bytes | None = None,
                 env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run COMMAND (DATA on its standard input, else none) and collect its output; on a
    timeout or Ctrl-C kill its whole group and wait for it before the exception goes on.

    A group, because a launcher may leave its worker behind (LibreOffice's oosplash leaves
    soffice.bin, which would go on writing into a staging folder being removed), and a killed
    group ends at once, so an interrupted command ends within a second.
    """
    stdin = subprocess.PIPE if data is not None else subprocess.DEVNULL
    with subprocess.Popen(command, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          start_new_session=True, env=env) as process:
        try:
            out, err = process.communicate(data, timeout=timeout)
        except BaseException:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)
