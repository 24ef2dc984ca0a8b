"""The pytest11 entry point: fixtures `bedrock_emulator` and `bedrock_client`.

`bedrock_emulator` is one emulator per session by default (`--bedrock-emulator-scope=function` for one
per test); either way each test starts with no rules and an empty journal, and the endpoint variables
are set for that test only (monkeypatch restores them).
"""
from __future__ import annotations

import shlex
from typing import Any, Iterator

import pytest

from .emulator import BedrockEmulator


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("bedrock-emulator")
    group.addoption("--bedrock-emulator-scope", choices=("session", "function"), default=None,
                    help="one emulator per session (default) or per test")
    group.addoption("--bedrock-emulator-args", default=None,
                    help='extra options for the bin, e.g. "--seed 1 --journal requests.jsonl"')
    parser.addini("bedrock_emulator_scope", "session (default) or function", default="session")
    parser.addini("bedrock_emulator_args", "extra options for the bedrock-emulator bin", default="")


def _scope(fixture_name: str, config: pytest.Config) -> str:
    return config.getoption("--bedrock-emulator-scope") or config.getini("bedrock_emulator_scope") or "session"


@pytest.fixture(scope=_scope)
def bedrock_emulator_process(pytestconfig: pytest.Config) -> Iterator[BedrockEmulator]:
    """The running emulator process (shared per the configured scope). Prefer `bedrock_emulator`."""
    args = pytestconfig.getoption("--bedrock-emulator-args") or pytestconfig.getini("bedrock_emulator_args") or ""
    # --log-level error: the bin's per-request lines are of no use inside a test run.
    with BedrockEmulator(["--log-level", "error", *shlex.split(args)]) as emulator:
        yield emulator


@pytest.fixture
def bedrock_emulator(bedrock_emulator_process: BedrockEmulator, monkeypatch: pytest.MonkeyPatch) -> BedrockEmulator:
    """The emulator, reset (no rules, empty journal), with boto3's endpoint, region and dummy keys set in
    the environment for this test."""
    bedrock_emulator_process.reset()
    for name, value in bedrock_emulator_process.env.items():
        monkeypatch.setenv(name, value)
    # A profile or a session token from the developer's shell would otherwise reach the emulator.
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK"):
        monkeypatch.delenv(name, raising=False)
    return bedrock_emulator_process


@pytest.fixture
def bedrock_client(bedrock_emulator: BedrockEmulator) -> Any:
    """A boto3 `bedrock-runtime` client pointed at the emulator (needs boto3 installed)."""
    boto3 = pytest.importorskip("boto3")
    return boto3.client("bedrock-runtime", endpoint_url=bedrock_emulator.url, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test")
