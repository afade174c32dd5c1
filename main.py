"""Start Inspector from a source checkout: ``python main.py [--demo]``."""

import sys

from inspector.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
