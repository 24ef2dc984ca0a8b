"""Starts bedrock-emulator's bin as a child process and drives its admin API (/_emulator/).

Standard library only: the HTTP calls use urllib, so the plugin's one requirement beyond pytest is Node
(the bin is the npm package's dist/bin/cli.cjs, or `npx bedrock-emulator`).
"""
from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Union

Rule = Dict[str, Any]


class EmulatorError(RuntimeError):
    """The emulator could not start, or the admin API refused a call (its JSON answer is in .body)."""

    def __init__(self, message: str, status: Optional[int] = None, body: Any = None):
        super().__init__(message)
        self.status = status
        self.body = body


def _repo_bin() -> Optional[Path]:
    # This folder is emulator/pytest-plugin/pytest_bedrock_emulator in the repository; an editable or
    # in-tree install finds the built bin three levels up. A regular install copies the package
    # elsewhere, so the walk up from the working directory (a project with bedrock-emulator in its
    # node_modules) comes next.
    here = Path(__file__).resolve()
    for root in [*list(here.parents)[3:4], Path.cwd(), *Path.cwd().parents]:
        for candidate in (root / "dist" / "bin" / "cli.cjs", root / "node_modules" / "bedrock-emulator" / "dist" / "bin" / "cli.cjs"):
            if candidate.is_file() and (candidate.parents[2] / "package.json").is_file():
                return candidate
    return None


def find_command() -> List[str]:
    """The command that starts the emulator: $BEDROCK_EMULATOR_BIN (a path to cli.cjs, or a command such
    as `npx bedrock-emulator`), else a built dist/bin/cli.cjs of this repository or of a node_modules
    found from the working directory up, else `npx --yes bedrock-emulator`."""
    configured = os.environ.get("BEDROCK_EMULATOR_BIN")
    if configured:
        if configured.endswith((".cjs", ".js", ".mjs")):
            return [shutil.which("node") or "node", configured]
        return configured.split()
    found = _repo_bin()
    if found:
        return [shutil.which("node") or "node", str(found)]
    return [shutil.which("npx") or "npx", "--yes", "bedrock-emulator"]


class BedrockEmulator:
    """A running emulator: its `url`, rules and journal as Python calls. Use as a context manager, or
    call start() and stop()."""

    def __init__(self, args: Sequence[str] = (), command: Optional[Sequence[str]] = None, start_timeout: float = 60.0):
        self.command = list(command) if command else find_command()
        self.args = list(args)
        self.start_timeout = start_timeout
        self.url = ""
        self._process: Optional[subprocess.Popen] = None
        self._stderr: List[str] = []
        self._process_exit_code: Optional[int] = None

    # -- process ---------------------------------------------------------------------------------
    def start(self) -> "BedrockEmulator":
        argv = [*self.command, "--port", "0", "--host", "127.0.0.1", *self.args]
        try:
            self._process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        except FileNotFoundError as err:
            raise EmulatorError(f"cannot run {argv[0]!r} ({err}): bedrock-emulator needs Node.js; set BEDROCK_EMULATOR_BIN") from err
        # The stderr reader keeps the child from blocking on a full pipe (its request log at info).
        self._stderr_reader = threading.Thread(target=self._drain, args=(self._process.stderr, self._stderr), daemon=True)
        self._stderr_reader.start()
        # The bin's first stdout line is "bedrock-emulator listening on http://127.0.0.1:PORT" (emulator/cli.ts).
        # Read in a thread so that a bin that never prints (npx still downloading) is bounded by start_timeout.
        first: "queue.Queue[str]" = queue.Queue()
        threading.Thread(target=self._read_stdout, args=(self._process.stdout, first), daemon=True).start()
        deadline = time.monotonic() + self.start_timeout
        prefix = "bedrock-emulator listening on "
        try:
            line = first.get(timeout=self.start_timeout)
        except queue.Empty:
            line = ""
        if not line.startswith(prefix):
            self.stop()
            self._stderr_reader.join(timeout=2)
            code = self._process_exit_code
            raise EmulatorError(f"{' '.join(argv)} did not start (exit {code}): {line}{''.join(self._stderr)}".strip())
        self.url = line[len(prefix):].strip()
        while True:
            try:
                self.health()
                return self
            except (OSError, EmulatorError):
                if time.monotonic() > deadline or self._process.poll() is not None:
                    self.stop()
                    raise EmulatorError(f"bedrock-emulator at {self.url} did not answer /_emulator/health: {''.join(self._stderr)}")
                time.sleep(0.05)

    @staticmethod
    def _read_stdout(stream, first: "queue.Queue[str]") -> None:
        first.put(stream.readline())
        for _ in stream:  # the export lines that follow; keep the pipe from filling
            pass

    @staticmethod
    def _drain(stream, sink: Optional[List[str]]) -> None:
        for line in stream:
            if sink is not None and len(sink) < 200:
                sink.append(line)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()  # the bin closes its server on SIGTERM
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._process_exit_code = process.returncode

    def __enter__(self) -> "BedrockEmulator":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def env(self) -> Dict[str, str]:
        """The environment variables that point boto3 (and the AWS CLI, and most frameworks) here."""
        return {
            "AWS_ENDPOINT_URL_BEDROCK_RUNTIME": self.url,
            "AWS_ENDPOINT_URL_BEDROCK": self.url,
            "AWS_REGION": "us-east-1",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "test",
            "AWS_SECRET_ACCESS_KEY": "test",
        }

    # -- admin API -------------------------------------------------------------------------------
    def _call(self, method: str, path: str, body: Any = None, query: Optional[Dict[str, Any]] = None) -> Any:
        url = self.url + "/_emulator/" + path
        if query:
            url += "?" + urllib.parse.urlencode({k: ",".join(v) if isinstance(v, (list, tuple)) else v for k, v in query.items() if v is not None})
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, method=method, data=data, headers={"content-type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as err:
            text = err.read().decode()
            try:
                parsed = json.loads(text)
            except ValueError:
                parsed = text
            problems = parsed.get("problems") if isinstance(parsed, dict) else None
            detail = "; ".join(problems) if problems else (parsed.get("error") if isinstance(parsed, dict) else text)
            raise EmulatorError(f"{method} /_emulator/{path}: {err.code} {detail}", err.code, parsed) from None
        return json.loads(text) if text else None

    def health(self) -> Dict[str, Any]:
        return self._call("GET", "health")

    def add_rule(self, *rules: Union[Rule, List[Rule]]) -> List[str]:
        """Adds one or more rules (dicts as in the README's "A rule"); returns their ids. An invalid rule
        raises EmulatorError naming the JSON path, and nothing is added."""
        flat: List[Rule] = [r for item in rules for r in (item if isinstance(item, list) else [item])]
        return self._call("POST", "rules", flat)["ids"]

    add_rules = add_rule

    def rules(self) -> List[Rule]:
        """The rules in the order they are tried, each with `calls` answered so far."""
        return self._call("GET", "rules")

    def clear_rules(self, *ids: str) -> None:
        """Removes every rule, or only those ids."""
        self._call("DELETE", "rules", query={"id": list(ids)} if ids else None)

    def requests(self, **filters: Any) -> List[Dict[str, Any]]:
        """The journal, oldest first. Filters as the admin API's: operation, modelId, status, since, ruleId."""
        return self._call("GET", "requests", query=filters or None)

    def clear_requests(self) -> None:
        self._call("DELETE", "requests")

    def reset(self) -> None:
        """Clears rules and journal."""
        self._call("POST", "reset")
