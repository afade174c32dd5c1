"""Start-up of the installed offline bundle to its main window (goal: under 5 s cold), on Xvfb, offline.

The bundle (default: the newest dist/inspector-*.tar.gz, or --bundle FILE) is unpacked and installed into a
temporary prefix; each start runs the installed `inspector --demo` on a fresh workspace in a network namespace
(loopback only), and the time is taken from launch to the log-in dialog on screen, then, the filled-in demo
log-in accepted at once, to the main window on screen. The first start after the install is the cold one
(files just written, nothing compiled or cached yet); with --drop-caches (root) the page cache is dropped
before it, as after a reboot. Baseline in the same run: the same starts from the source checkout
(`.venv/bin/python -m inspector`), so the figure shows what the frozen bundle adds or saves. Beside the
wall-clock times, the CPU time the app used until its main window showed: on a shared, loaded machine
that is what the start costs, and about what it takes on an idle one.

    python bench/bundle_start.py [--bundle FILE] [--runs 3] [--drop-caches]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from tests.bundle_tools import LOG_IN, MAIN_WINDOW, offline, run, wait_for_window  # noqa: E402


def start(command: list[str], display: str, workspace: Path) -> tuple[float, float, float]:
    """Seconds to the log-in dialog and to the main window, and the CPU seconds used until then."""
    env = os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "INSPECTOR_CONFIG_DIR": str(workspace / "cfg")}
    began = time.monotonic()
    app = subprocess.Popen(offline([*command, "--demo", "--data-dir", str(workspace), "--lang", "zh_CN"]), env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        dialog = wait_for_window(display, LOG_IN)
        to_dialog = time.monotonic() - began
        run(["xdotool", "windowfocus", "--sync", dialog, "key", "Return"], {"DISPLAY": display})
        wait_for_window(display, MAIN_WINDOW)
        to_window = time.monotonic() - began
        used = psutil.Process(app.pid).cpu_times()          # unshare and sh exec the app: the same process
        return to_dialog, to_window, used.user + used.system
    finally:
        app.terminate()
        app.wait(timeout=60)


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundle", type=Path, help="the .tar.gz (default: the newest in dist/)")
    parser.add_argument("--runs", type=int, default=3, help="warm starts after the cold one (default 3)")
    parser.add_argument("--drop-caches", action="store_true", help="drop the page cache before the cold start")
    args = parser.parse_args()
    bundle = args.bundle or max((ROOT / "dist").glob("inspector-*-linux-x86_64.tar.gz"), key=os.path.getmtime)
    with tempfile.TemporaryDirectory(prefix="inspector-start-") as tmp:
        tmp = Path(tmp)
        with tarfile.open(bundle) as tar:
            tar.extractall(tmp, filter="tar")
        folder = tmp / bundle.name.removesuffix(".tar.gz")
        installed = run(["bash", str(folder / "install.sh"), "--prefix", str(tmp / "prefix")])
        if installed.returncode != 0:
            print(installed.stdout + installed.stderr, file=sys.stderr)
            return 1
        command = [str(tmp / "prefix" / "bin" / "inspector")]
        display = f":{200 + os.getpid() % 100}"
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1)
            if args.drop_caches:
                drop_caches()
            cold = start(command, display, tmp / "ws-cold")
            warm = [start(command, display, tmp / f"ws-warm{n}") for n in range(args.runs)]
            source = [start([str(ROOT / ".venv" / "bin" / "python"), "-m", "inspector"], display, tmp / f"ws-src{n}")
                      for n in range(args.runs)]
        finally:
            xvfb.terminate()
            xvfb.wait(timeout=10)
    size = bundle.stat().st_size / 2**20
    print(f"bundle {bundle.name}: {size:.0f} MB (goal < 600 MB)")
    print(f"cold start (first after install{', page cache dropped' if args.drop_caches else ''}): "
          f"log-in dialog {cold[0]:.2f} s, main window {cold[1]:.2f} s (goal < 5 s), CPU {cold[2]:.2f} s")
    for name, runs in (("bundle, warm", warm), ("source checkout (baseline)", source)):
        print(f"{name}: log-in dialog {statistics.median(r[0] for r in runs):.2f} s, main window "
              f"{statistics.median(r[1] for r in runs):.2f} s, CPU {statistics.median(r[2] for r in runs):.2f} s "
              f"(median of {len(runs)})")
    print(f"machine load while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ratio = statistics.median(r[1] for r in warm) / statistics.median(r[1] for r in source)
    print(f"warm bundle / source: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
