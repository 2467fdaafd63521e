"""Stop set-up early, with a message a newcomer understands, when the Python is older than the project needs.

Written for any Python 3 (no f-strings with new syntax), since it runs before the version is known.
"""

import sys

NEEDED = (3, 11)  # as pyproject.toml's requires-python

if sys.version_info[:2] < NEEDED:
    found = ".".join(str(n) for n in sys.version_info[:3])
    sys.stderr.write(
        "Python %d.%d or newer is needed; this is Python %s (%s).\n"
        "Install Python %d.%d (e.g. `apt install python3.11`, or python.org on Windows) and run again with\n"
        "  make run PYTHON=python3.11\n" % (NEEDED + (found, sys.executable) + NEEDED))
    sys.exit(1)
