"""The frozen application's entry point: PyInstaller runs this file as ``__main__``.

``multiprocessing.freeze_support()`` comes first because the batch's Dask workers are started with
multiprocessing's spawn, which runs this same executable again with ``--multiprocessing-fork`` (and its
resource tracker with ``-c``): those runs must turn into the worker, not into a second Inspector.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from inspector.__main__ import main

    sys.exit(main())
