"""LangChain's Bedrock chat models (langchain-aws).

Usage: python langchain_chat.py CLASS:MODEL_ID...
For each chat model in turn (one process: LangChain's imports take seconds), two scenarios:
  structured  llm.with_structured_output(PydanticClass).invoke(prompt)
  tools       llm.bind_tools([tool]): the model's tool call, the tool run, a ToolMessage with its
              result, and the model's final answer
CLASS is converse (ChatBedrockConverse, the Converse API) or invoke (ChatBedrock, InvokeModel with the
model's native body).
Written as LangChain's docs show it; the endpoint, region and credentials come from the standard AWS
configuration (boto3 reads AWS_ENDPOINT_URL_BEDROCK_RUNTIME itself; the classes' own `endpoint_url`
argument is the other way). Prints, as JSON, what the application reads in each scenario, or the
error it raised, under "CLASS:MODEL_ID structured" and "CLASS:MODEL_ID tools".
"""

import json
import sys

from langchain_aws import ChatBedrock, ChatBedrockConverse
from langchain_core.messages import HumanMessage, ToolMessage
from langchain_core.tools import tool
from pydantic import BaseModel, Field

class CityWeather(BaseModel):
    """The weather in a city."""

    city: str
    temperature_celsius: int = Field(ge=-60, le=60)
    conditions: str = Field(description="one word: sunny, cloudy, rain or snow")


@tool
def get_temperature(city: str) -> int:
    """The current temperature in a city, in degrees Celsius."""
    return 18


def structured(llm) -> dict:
    output = llm.with_structured_output(CityWeather).invoke("Give the weather in Paris today.")
    return {"output": output.model_dump()}


def tools(llm) -> dict:
    with_tools = llm.bind_tools([get_temperature])
    messages = [HumanMessage("What is the temperature in Paris? Use the get_temperature tool.")]
    first = with_tools.invoke(messages)
    messages.append(first)
    for call in first.tool_calls:
        messages.append(ToolMessage(content=str(get_temperature.invoke(call["args"])), tool_call_id=call["id"]))
    final = with_tools.invoke(messages)
    return {
        "tool_calls": [{"name": c["name"], "args": c["args"]} for c in first.tool_calls],
        "final_text": final.text if isinstance(final.text, str) else final.text(),
        "final_tool_calls": len(final.tool_calls),
        "final_usage": final.usage_metadata,
    }


def chat_model(cls: str, model_id: str):
    if cls == "converse":
        return ChatBedrockConverse(model=model_id, max_tokens=200, temperature=0)
    return ChatBedrock(model_id=model_id, model_kwargs={"max_tokens": 200, "temperature": 0})


results = {}
for arg in sys.argv[1:]:
    llm = chat_model(*arg.split(":", 1))
    for name, scenario in (("structured", structured), ("tools", tools)):
        try:
            results[f"{arg} {name}"] = scenario(llm)
        except Exception as error:  # reported per scenario, so that one failing leaves the others' results
            results[f"{arg} {name}"] = {"error": f"{type(error).__name__}: {error}"}
print(json.dumps(results))
