"""Scripting the emulator from Python (issue 9): rules through the admin API (plain HTTP, stdlib
only), calls through boto3 as an application makes them. Prints one JSON line of what boto3 got."""
import json
import os
import urllib.request

import boto3
from botocore.exceptions import ClientError, EventStreamError

URL = os.environ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"]
MODEL = "amazon.nova-micro-v1:0"


def admin(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(URL + path, data=data, method=method, headers={"content-type": "application/json"})
    with urllib.request.urlopen(req) as res:
        return json.loads(res.read())


def user(text):
    return [{"role": "user", "content": [{"text": text}]}]


admin("POST", "/_emulator/reset")
admin("POST", "/_emulator/rules", [
    {"match": {"prompt": "capital of France"}, "reply": {"text": "Paris."}},
    {"match": {"prompt": "weather"}, "reply": {"toolUse": {"name": "get_weather", "input": {"city": "Paris"}}}},
    {"match": {"prompt": "count"}, "sequence": [{}, {}, {"error": {"name": "ThrottlingException"}}, {}]},
    {"match": {"prompt": "break"}, "streamError": {"afterEvents": 2}},
])
client = boto3.client("bedrock-runtime")
out = {}

out["text"] = client.converse(modelId=MODEL, messages=user("What is the capital of France?"))["output"]["message"]["content"][0]["text"]

tools = {"tools": [{"toolSpec": {"name": "get_weather", "inputSchema": {"json": {"type": "object"}}}}]}
answer = client.converse(modelId=MODEL, messages=user("weather in Paris?"), toolConfig=tools)
out["toolUse"] = [b["toolUse"] for b in answer["output"]["message"]["content"] if "toolUse" in b][0]
out["toolStop"] = answer["stopReason"]

out["counts"] = []
for i in range(3):
    r = client.converse(modelId=MODEL, messages=user(f"count {i + 1}"))
    out["counts"].append(r["ResponseMetadata"]["RetryAttempts"])

events = []
try:
    stream = client.converse_stream(modelId=MODEL, messages=user("break it"))
    for event in stream["stream"]:
        events.append(next(iter(event)))
except EventStreamError as err:
    out["streamError"] = err.response["Error"]["Code"]
except ClientError as err:
    out["streamError"] = "ClientError " + err.response["Error"]["Code"]
out["events"] = events

out["journal"] = [[e["operation"], e["status"], e.get("ruleId")] for e in admin("GET", "/_emulator/requests")]
print(json.dumps(out))
