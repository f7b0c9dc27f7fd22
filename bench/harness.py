"""Start a Streamlit app, drive Debian's Chromium, and read what travels over the websocket.

Shared by the browser tests (tests/e2e/) and the whole-app benchmark (bench/app_bench.py), so both
measure the same app the same way. No streamlit import: the app runs in its own process.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from google.protobuf.message import DecodeError
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
# Headless as root needs --no-sandbox; the rest keep Chromium from calling home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
# Schemes that never reach the network.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}
MAP_PATH_SELECTOR = ".choroplethlocation"


def chromium_launch_options() -> dict:
    """Keyword arguments for `playwright.chromium.launch` that drive Debian's Chromium offline."""
    return {"executable_path": str(CHROMIUM), "args": list(CHROMIUM_ARGS), "headless": True}


def free_port() -> int:
    """A TCP port on localhost nobody is listening on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_local_url(url: str) -> bool:
    """True when fetching `url` cannot leave this machine."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


def is_base_path_probe(url: str) -> bool:
    """True for Streamlit's own probe of a deep link's path as a possible base URL.

    Opening /hubs directly, Streamlit's frontend first asks /hubs/_stcore/health (404, logged
    by Chromium as a console error) and then finds the server at /. Nothing fails for the user.
    """
    path = urlsplit(url).path
    return re.fullmatch(r"/(.+)/_stcore/(health|host-config)", path) is not None


@dataclass
class AppServer:
    """A running `streamlit run` process and the address it answers on."""

    process: subprocess.Popen
    port: int
    log_path: Path

    @property
    def url(self) -> str:
        """Base URL of the app, ending in '/'."""
        return f"http://localhost:{self.port}/"

    def log_tail(self, chars: int = 4000) -> str:
        """The end of the server's combined stdout/stderr, for failure messages."""
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return text[-chars:]

    def rss_mb(self) -> float:
        """Resident memory of the server process in MB (0 once it has exited)."""
        return rss_mb(self.process.pid)

    def stop(self) -> None:
        """Terminate the server and wait for it (kill if it does not stop in 10 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_app(
    script: Path,
    *,
    env: dict[str, str] | None = None,
    log_path: Path,
    timeout_s: float = 120.0,
    extra_args: list[str] | None = None,
    warm_start: bool = True,
) -> AppServer:
    """Start an app on a free port and wait until /_stcore/health says ok.

    The Atlas (app.py) starts as the product starts it, through the warm-start launcher
    `python -m ui.serve`; `warm_start=False` runs plain `streamlit run script` (the naive
    baseline, or any other script).
    """
    port = free_port()
    if warm_start and script.resolve() != ROOT / "app.py":
        raise ValueError(f"warm_start starts the Atlas's app.py only, not {script}")
    launcher = ["ui.serve"] if warm_start else ["streamlit", "run", str(script)]
    cmd = [
        sys.executable,
        "-m",
        *launcher,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        # No file watcher: it costs CPU on a shared 2-core machine and nothing edits files here.
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
        *(extra_args or []),
    ]
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("wb")
    process = subprocess.Popen(
        cmd,
        cwd=script.parent,
        env={**os.environ, **(env or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    server = AppServer(process=process, port=port, log_path=log_path)
    try:
        wait_healthy(server, timeout_s)
    except RuntimeError:
        server.stop()
        raise
    return server


def wait_healthy(server: AppServer, timeout_s: float) -> None:
    """Block until the server's health endpoint answers 'ok', or raise with its log."""
    deadline = time.monotonic() + timeout_s
    health = f"http://127.0.0.1:{server.port}/_stcore/health"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(health, timeout=2) as resp:  # noqa: S310 (localhost only)
                if resp.status == 200 and resp.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit not healthy after {timeout_s:.0f} s:\n{server.log_tail()}")


def rss_mb(pid: int) -> float:
    """Resident set size of a process and its children in MB, read from /proc."""
    total_kb = 0
    for p in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total_kb / 1024


def _children(pid: int) -> list[int]:
    """Direct and indirect child process ids (Streamlit may spawn none; this is cheap)."""
    out: list[int] = []
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except FileNotFoundError:
        return out
    for kid in kids:
        out.append(int(kid))
        out.extend(_children(int(kid)))
    return out


def forward_kind(payload: bytes | str) -> str | None:
    """The kind of a server->browser websocket frame ('delta', 'script_finished', ...).

    A run cut short because another run replaced it is reported as 'script_interrupted', so a
    caller can wait for the run whose output stays on screen.
    """
    if isinstance(payload, str):
        return None
    msg = ForwardMsg()
    try:
        msg.ParseFromString(payload)
    except DecodeError:  # not a Streamlit frame (another websocket on the page)
        return None
    kind = msg.WhichOneof("type")
    if kind == "script_finished" and msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
        return "script_interrupted"
    return kind


def back_kind(payload: bytes | str) -> str | None:
    """The kind of a browser->server websocket frame ('rerun_script', ...)."""
    if isinstance(payload, str):
        return None
    msg = BackMsg()
    try:
        msg.ParseFromString(payload)
    except DecodeError:
        return None
    return msg.WhichOneof("type")


@dataclass
class WsLog:
    """What one page's Streamlit websocket carried, frame by frame: (time, bytes, kind)."""

    received: list[tuple[float, int, str | None]] = field(default_factory=list)
    sent: list[tuple[float, int, str | None]] = field(default_factory=list)

    def on_received(self, payload: bytes | str) -> None:
        """Record a server->browser frame."""
        self.received.append((time.perf_counter(), len(payload), forward_kind(payload)))

    def on_sent(self, payload: bytes | str) -> None:
        """Record a browser->server frame."""
        self.sent.append((time.perf_counter(), len(payload), back_kind(payload)))

    def finished_runs(self) -> int:
        """How many script runs have finished (not counting runs replaced by a newer one)."""
        return sum(1 for _, _, kind in self.received if kind == "script_finished")

    def requested_runs(self) -> int:
        """How many script runs the browser has asked for (page load, widget changes)."""
        return sum(1 for _, _, kind in self.sent if kind == "rerun_script")

    def idle_after(self, before: int) -> bool:
        """True once a run finished after `before` finished runs and none is still pending."""
        done = self.finished_runs()
        return done > before and done >= self.requested_runs()

    def bytes_received_since(self, index: int) -> int:
        """Bytes of server frames from position `index` on."""
        return sum(size for _, size, _ in self.received[index:])


def chromium_installed() -> bool:
    """True when Debian's Chromium, the browser the tests drive, is installed."""
    return CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)
