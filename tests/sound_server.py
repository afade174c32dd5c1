"""A private PulseAudio daemon with a null sink, and a recorder of its monitor, for real playback tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

SINK = "inspector_test"
SILENT = 655            # |sample| at or below 0.02 of full scale: the player's silence, the keep-awake zeros


class NullSink:
    def __init__(self, rate: int = 8000) -> None:
        self.rate = rate
        self.runtime = Path(tempfile.mkdtemp(prefix="inspector-pulse-"))
        self.socket = self.runtime / "native"
        env = os.environ | {"XDG_RUNTIME_DIR": str(self.runtime), "PULSE_RUNTIME_PATH": str(self.runtime),
                            "HOME": str(self.runtime)}
        self.process = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
             "--disallow-exit", "--log-target=stderr", "--log-level=error",
             f"--load=module-native-protocol-unix socket={self.socket} auth-anonymous=1",
             f"--load=module-null-sink sink_name={SINK} rate={rate} channels=2",
             "--load=module-always-sink"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.server = f"unix:{self.socket}"
        deadline = time.monotonic() + 120                  # only ends a hang
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pulseaudio exited: {self.process.stderr.read().decode(errors='replace')}")
            if subprocess.run(["pactl", "--server", self.server, "set-default-sink", SINK],
                              capture_output=True).returncode == 0:
                self._keep_awake()
                return
            time.sleep(0.1)
        raise RuntimeError("pulseaudio did not start within 120 s")

    def _keep_awake(self) -> None:
        """Play digital silence at low latency for the whole session.

        An idle null sink renders in blocks of up to two seconds, so a stream that starts on it waits
        that long; a real sound card does not. Zeros add nothing to what the monitor records.
        """
        self.silence = subprocess.Popen(
            ["pacat", "--server", self.server, "--playback", "--raw", "--format=s16le", f"--rate={self.rate}",
             "--channels=2", "--latency-msec=20", f"--device={SINK}", "/dev/zero"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(2.1)  # outlast the block the idle sink was already rendering

    def start_recording(self) -> subprocess.Popen:
        """parec writes to a file, not a pipe: a full pipe would stall it and drop audio."""
        target = tempfile.NamedTemporaryFile(dir=self.runtime, suffix=".raw", delete=False)
        proc = subprocess.Popen(
            ["parec", "--server", self.server, f"--device={SINK}.monitor", "--format=s16le",
             f"--rate={self.rate}", "--channels=2", "--raw", "--latency-msec=20"],
            stdout=target, stderr=subprocess.DEVNULL)
        proc.target = Path(target.name)
        target.close()
        self._wait_for(lambda: proc.target.stat().st_size > 0, "parec to start recording")   # attached
        return proc

    def stop_recording(self, proc: subprocess.Popen, quiet_s: float = 0.5) -> np.ndarray:
        """The recorded (frames, 2) float32 in [-1, 1], once the recording holds ``quiet_s`` of silence more
        than it did when asked: everything played before has arrived, however far parec lagged behind."""
        asked, quiet = proc.target.stat().st_size, int(quiet_s * self.rate) * 4

        def settled() -> bool:
            data = proc.target.read_bytes()
            tail = np.frombuffer(data[len(data) // 4 * 4 - quiet: len(data) // 4 * 4], dtype="<i2")
            return len(data) >= asked + quiet and not np.abs(tail.astype(np.int32)).max(initial=0) > SILENT

        self._wait_for(settled, "the recording to end in silence")
        proc.terminate()
        proc.wait(timeout=30)
        data = proc.target.read_bytes()
        proc.target.unlink()
        frames = np.frombuffer(data[: len(data) // 4 * 4], dtype="<i2").reshape(-1, 2)
        return frames.astype(np.float32) / 32768.0

    @staticmethod
    def _wait_for(condition, what: str, limit_s: float = 120) -> None:
        """Polls for an event; the limit only ends a hang, it is no expectation of speed."""
        deadline = time.monotonic() + limit_s
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"waited {limit_s:.0f} s for {what}")
            time.sleep(0.02)

    def close(self) -> None:
        self.silence.terminate()
        self.silence.wait(timeout=5)
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.runtime, ignore_errors=True)


def available() -> str | None:
    """Why the sound server cannot be started here, or None."""
    missing = [tool for tool in ("pulseaudio", "pactl", "parec") if shutil.which(tool) is None]
    return f"missing {', '.join(missing)} (run scripts/install.sh)" if missing else None
