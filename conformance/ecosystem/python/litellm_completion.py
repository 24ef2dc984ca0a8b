"""LiteLLM: completion() on Bedrock models, through its Converse route and its InvokeModel route.

Usage: python litellm_completion.py MODEL...  (MODEL as LiteLLM names it: bedrock/converse/<id>,
bedrock/invoke/<id>, or bedrock/<id>, which LiteLLM routes itself). One process runs them all in
turn (LiteLLM's import takes seconds). For each model, five scenarios:
  text        completion(messages, max_tokens)
  stream      completion(..., stream=True, stream_options={"include_usage": True})
  stream_tools  the same with tools: the tool call's pieces, put together as the docs show
  tools       tools=[an OpenAI function]: the model's tool call, a "tool" message with its result,
              and the model's final answer
  structured  response_format=<pydantic model>, the answer's content parsed with that model
Written as LiteLLM's docs show it. LiteLLM does not read AWS_ENDPOINT_URL_BEDROCK_RUNTIME (its own
variable is AWS_BEDROCK_RUNTIME_ENDPOINT, or the aws_bedrock_runtime_endpoint argument): a user
pointing it elsewhere passes that argument, as here, from the standard variable when it is set
(unset: AWS's own endpoint). Region and credentials: the standard AWS variables, which LiteLLM reads
through boto3. LITELLM_LOCAL_MODEL_COST_MAP keeps its import from fetching the model price list
from GitHub (offline runs). Prints, as JSON, what the application reads in each scenario, or the
error it raised, under "MODEL SCENARIO".
"""

import json
import os
import sys

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

import litellm  # noqa: E402
from pydantic import BaseModel, Field  # noqa: E402

ENDPOINT = os.environ.get("AWS_ENDPOINT_URL_BEDROCK_RUNTIME") or None
REGION = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")


class CityWeather(BaseModel):
    """The weather in a city."""

    city: str
    temperature_celsius: int = Field(ge=-60, le=60)
    conditions: str = Field(description="one word: sunny, cloudy, rain or snow")


GET_TEMPERATURE = {
    "type": "function",
    "function": {
        "name": "get_temperature",
        "description": "The current temperature in a city, in degrees Celsius.",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string", "description": "The city's name"}},
            "required": ["city"],
        },
    },
}


def completion(model: str, **kwargs):
    return litellm.completion(model=model, aws_bedrock_runtime_endpoint=ENDPOINT, aws_region_name=REGION, temperature=0, **kwargs)


def usage_of(response) -> dict:
    u = response.usage
    return {"prompt_tokens": u.prompt_tokens, "completion_tokens": u.completion_tokens, "total_tokens": u.total_tokens}


def text(model: str) -> dict:
    messages = [{"role": "system", "content": "You answer briefly."}, {"role": "user", "content": "Say hello in five words."}]
    r = completion(model, messages=messages, max_tokens=40)
    return {"content": r.choices[0].message.content, "finish_reason": r.choices[0].finish_reason, "usage": usage_of(r)}


def stream(model: str) -> dict:
    chunks = completion(
        model,
        messages=[{"role": "user", "content": "Count from one to ten in words."}],
        max_tokens=60,
        stream=True,
        stream_options={"include_usage": True},
    )
    deltas, finish_reasons, usage = [], [], None
    for chunk in chunks:
        if chunk.choices:
            if chunk.choices[0].delta.content:
                deltas.append(chunk.choices[0].delta.content)
            if chunk.choices[0].finish_reason:
                finish_reasons.append(chunk.choices[0].finish_reason)
        if getattr(chunk, "usage", None):
            usage = {"prompt_tokens": chunk.usage.prompt_tokens, "completion_tokens": chunk.usage.completion_tokens}
    return {"deltas": deltas, "finish_reasons": finish_reasons, "usage": usage}


def stream_tools(model: str) -> dict:
    chunks = completion(model, messages=[{"role": "user", "content": "What is the temperature in Paris? Use the get_temperature tool."}], tools=[GET_TEMPERATURE], max_tokens=200, stream=True)
    calls, finish_reasons = {}, []
    for chunk in chunks:
        if not chunk.choices:
            continue
        for delta in chunk.choices[0].delta.tool_calls or []:
            call = calls.setdefault(delta.index, {"id": None, "name": None, "arguments": ""})
            call["id"] = delta.id or call["id"]
            call["name"] = delta.function.name or call["name"]
            call["arguments"] += delta.function.arguments or ""
        if chunk.choices[0].finish_reason:
            finish_reasons.append(chunk.choices[0].finish_reason)
    return {
        "tool_calls": [{"id": c["id"], "name": c["name"], "arguments": json.loads(c["arguments"])} for c in calls.values()],
        "finish_reasons": finish_reasons,
    }


def tools(model: str) -> dict:
    messages = [{"role": "user", "content": "What is the temperature in Paris? Use the get_temperature tool."}]
    first = completion(model, messages=messages, tools=[GET_TEMPERATURE], max_tokens=200)
    message = first.choices[0].message
    calls = message.tool_calls or []
    messages.append(message.model_dump(exclude_none=True))
    for call in calls:
        messages.append({"role": "tool", "tool_call_id": call.id, "content": "18"})
    final = completion(model, messages=messages, tools=[GET_TEMPERATURE], max_tokens=200)
    return {
        "finish_reason": first.choices[0].finish_reason,
        "tool_calls": [{"name": c.function.name, "arguments": json.loads(c.function.arguments)} for c in calls],
        "final_content": final.choices[0].message.content,
        "final_tool_calls": len(final.choices[0].message.tool_calls or []),
        "final_finish_reason": final.choices[0].finish_reason,
        "final_usage": usage_of(final),
    }


def structured(model: str) -> dict:
    r = completion(model, messages=[{"role": "user", "content": "Give the weather in Paris today."}], response_format=CityWeather, max_tokens=200)
    content = r.choices[0].message.content
    return {"output": CityWeather.model_validate_json(content).model_dump(), "finish_reason": r.choices[0].finish_reason}


results = {}
for model in sys.argv[1:]:
    for name, scenario in (("text", text), ("stream", stream), ("stream_tools", stream_tools), ("tools", tools), ("structured", structured)):
        try:
            results[f"{model} {name}"] = scenario(model)
        except Exception as error:  # reported per scenario, so that one failing leaves the others' results
            results[f"{model} {name}"] = {"error": f"{type(error).__name__}: {error}"[:3000]}
print(json.dumps(results))
