"""`waymark serve` as a child process for the browser tests and `make bench`'s live-reload row:
started on a free loopback port, its URL read from what it prints, its build status read from
`/.waymark/status.json`, and stopped with Ctrl-C (SIGINT). Standard library only.
"""

import json
import os
import signal
import subprocess
import tempfile
import time
import urllib.request


class ServeSession:
    """`waymark serve --root ROOT --port 0 --quiet`, running until `stop()`."""

    def __init__(self, binary, root, timeout=600):
        self.log = tempfile.NamedTemporaryFile(prefix="waymark-serve-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [str(binary), "serve", "--root", str(root), "--port", "0", "--quiet"],
            stdout=subprocess.DEVNULL, stderr=self.log, env=dict(os.environ, NO_COLOR="1"))
        self.url = self._wait_for_url(timeout)

    def output(self):
        with open(self.log.name) as handle:
            return handle.read()

    def _wait_for_url(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.output().splitlines():
                if line.startswith("waymark: serving http://"):
                    return line.split()[2]
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"waymark serve did not start:\n{self.output()}")

    def status(self):
        """The parsed `/.waymark/status.json`."""
        with urllib.request.urlopen(self.url + ".waymark/status.json", timeout=30) as response:
            return json.load(response)

    def wait_for(self, predicate, timeout=600, interval=0.05):
        """The status once `predicate(status)` holds."""
        deadline = time.monotonic() + timeout
        status = None
        while time.monotonic() < deadline:
            status = self.status()
            if predicate(status):
                return status
            if self.process.poll() is not None:
                break
            time.sleep(interval)
        raise AssertionError(f"waymark serve: timed out; last status {status}\n{self.output()}")

    def wait_for_build_after(self, builds, timeout=600):
        """The status once more than `builds` builds have finished (a status's `builds`)."""
        return self.wait_for(lambda status: status["built"] and status["builds"] > builds, timeout)

    def stop(self):
        """Ctrl-C; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=600)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.unlink(self.log.name)
        return self.process.returncode


def replace_file(path, text):
    """Saves `text` to `path` as editors do: a hidden temporary file renamed over it (also keeps a
    hard-linked original, such as the bench corpus's, untouched)."""
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.waymark-edit")
    with open(temporary, "w") as handle:
        handle.write(text)
    os.replace(temporary, path)
