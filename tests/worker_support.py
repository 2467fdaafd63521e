"""Work for the intake's worker process in its tests: functions importable by name in the child."""

import io
import time


def hog(mb: int) -> int:
    """Take memory a megabyte at a time, touching every page, then return how much was taken."""
    held = []
    for _ in range(mb):
        held.append(bytearray(b"\1" * 2**20))
    return len(held)


def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def open_fully(data: bytes) -> int:
    """What the intake did before its checks: openpyxl's full mode, which builds every cell of every
    merged range before anything can be counted."""
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data)).active.max_row


def fail() -> None:
    raise RuntimeError("boom")
