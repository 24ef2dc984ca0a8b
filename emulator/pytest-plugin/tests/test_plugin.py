"""The plugin's own tests (run by conformance/control/pytest-plugin.test.ts): the issue's scenarios
through boto3, scripted with the `bedrock_emulator` fixture."""
import os

import boto3
import pytest
from botocore.exceptions import ClientError

from pytest_bedrock_emulator import BedrockEmulator, EmulatorError

MODEL = "amazon.nova-micro-v1:0"


def ask(client, text, **extra):
    return client.converse(modelId=MODEL, messages=[{"role": "user", "content": [{"text": text}]}],
                           inferenceConfig={"maxTokens": 50}, **extra)


def test_environment_points_boto3_at_the_emulator(bedrock_emulator):
    assert os.environ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] == bedrock_emulator.url
    assert os.environ["AWS_ENDPOINT_URL_BEDROCK"] == bedrock_emulator.url
    assert bedrock_emulator.health()["status"] == "ok"
    # A client built with no arguments at all reaches the emulator.
    answer = ask(boto3.client("bedrock-runtime"), "Hello")
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert [e["operation"] for e in bedrock_emulator.requests()] == ["Converse"]


def test_prompt_specific_reply(bedrock_emulator, bedrock_client):
    ids = bedrock_emulator.add_rule({"match": {"prompt": "capital of France"}, "reply": {"text": "Paris."}})
    assert len(ids) == 1
    answer = ask(bedrock_client, "What is the capital of France?")
    assert answer["output"]["message"]["content"] == [{"text": "Paris."}]
    # Another prompt falls through to the fixtures.
    assert ask(bedrock_client, "Hi")["output"]["message"]["content"][0]["text"] != "Paris."
    assert [r["calls"] for r in bedrock_emulator.rules()] == [1]


def test_tool_call_with_given_arguments(bedrock_emulator, bedrock_client):
    bedrock_emulator.add_rule({"match": {"prompt": "weather"},
                               "reply": {"toolUse": {"name": "get_weather", "input": {"city": "Paris"}}}})
    tools = {"tools": [{"toolSpec": {"name": "get_weather", "inputSchema": {"json": {"type": "object"}}}}]}
    answer = ask(bedrock_client, "weather in Paris?", toolConfig=tools)
    assert answer["stopReason"] == "tool_use"
    [block] = answer["output"]["message"]["content"]
    assert block["toolUse"]["name"] == "get_weather"
    assert block["toolUse"]["input"] == {"city": "Paris"}


def test_throttling_on_the_third_call_only_retried_by_boto3(bedrock_emulator, bedrock_client):
    bedrock_emulator.add_rule({"match": {"model": "amazon.nova-*"},
                               "sequence": [{}, {}, {"error": {"name": "ThrottlingException"}}, {}]})
    retries = [ask(bedrock_client, f"call {n}")["ResponseMetadata"]["RetryAttempts"] for n in (1, 2, 3)]
    assert retries == [0, 0, 1]
    journal = bedrock_emulator.requests(operation="Converse")
    assert [e["status"] for e in journal] == [200, 200, 429, 200]
    throttled, retry = journal[2], journal[3]
    assert throttled["errorType"] == "ThrottlingException"
    assert retry["body"] == throttled["body"]
    assert retry["headers"]["amz-sdk-invocation-id"] == throttled["headers"]["amz-sdk-invocation-id"]
    assert [e["seq"] for e in bedrock_emulator.requests(status=429)] == [throttled["seq"]]


def test_an_error_rule_raises_in_the_app(bedrock_emulator):
    bedrock_emulator.add_rule({"match": {"prompt": "boom"}, "error": {"name": "ValidationException", "message": "nope"}})
    client = boto3.client("bedrock-runtime")
    with pytest.raises(ClientError) as raised:
        ask(client, "boom")
    assert raised.value.response["Error"] == {"Code": "ValidationException", "Message": "nope"}


def test_journal_shows_exactly_what_the_app_sent(bedrock_emulator, bedrock_client):
    bedrock_client.converse(modelId=MODEL, system=[{"text": "Be brief."}],
                            messages=[{"role": "user", "content": [{"text": "Hello"}]}],
                            inferenceConfig={"maxTokens": 20, "temperature": 0.2})
    [entry] = bedrock_emulator.requests()
    assert entry["operation"] == "Converse"
    assert entry["modelId"] == MODEL
    assert entry["body"] == {"system": [{"text": "Be brief."}],
                             "messages": [{"role": "user", "content": [{"text": "Hello"}]}],
                             "inferenceConfig": {"maxTokens": 20, "temperature": 0.2}}
    assert entry["headers"]["user-agent"].startswith("Boto3/")
    bedrock_emulator.clear_requests()
    assert bedrock_emulator.requests() == []


def test_rules_are_listed_cleared_and_checked(bedrock_emulator):
    assert bedrock_emulator.rules() == []  # each test starts clean
    first, second = bedrock_emulator.add_rule({"id": "a", "reply": {"text": "A"}}, {"id": "b", "reply": {"text": "B"}})
    assert (first, second) == ("a", "b")
    bedrock_emulator.clear_rules("a")
    assert [r["id"] for r in bedrock_emulator.rules()] == ["b"]
    bedrock_emulator.clear_rules()
    assert bedrock_emulator.rules() == []
    with pytest.raises(EmulatorError) as raised:
        bedrock_emulator.add_rule({"error": {"name": "Throttled"}})
    assert raised.value.status == 400
    assert "Throttled" in str(raised.value)


def test_a_bin_that_cannot_start_is_reported_with_its_message(tmp_path):
    missing = tmp_path / "no-such-rules.json"
    with pytest.raises(EmulatorError) as raised:
        BedrockEmulator(["--rules", str(missing)], start_timeout=20).start()
    assert "did not start (exit 1)" in str(raised.value)
    assert "no-such-rules.json" in str(raised.value)
