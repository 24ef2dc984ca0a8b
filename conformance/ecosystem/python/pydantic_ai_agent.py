"""pydantic-ai: an agent with a tool and an output type on Bedrock's Converse API.

Usage: python pydantic_ai_agent.py MODEL_ID...  (one agent per model, one after the other)
Written as pydantic-ai's docs show it; the endpoint, region and credentials come from the standard AWS
configuration (boto3 reads AWS_ENDPOINT_URL_BEDROCK_RUNTIME itself). Prints, as JSON, what the
application reads for each model: the output object, the tools the agent ran and the usage, or the
error the run raised.
"""

import json
import sys

from pydantic import BaseModel, Field
from pydantic_ai import Agent
from pydantic_ai.models.bedrock import BedrockConverseModel


class CityWeather(BaseModel):
    city: str
    temperature_celsius: int = Field(ge=-60, le=60)
    summary: str = Field(max_length=200)


def run(model_id: str) -> dict:
    agent = Agent(
        BedrockConverseModel(model_id),
        output_type=CityWeather,
        instructions="Look the temperature up with the get_temperature tool before answering.",
        model_settings={"max_tokens": 200, "temperature": 0},
    )
    calls: list[str] = []

    @agent.tool_plain
    def get_temperature(city: str) -> int:
        """The current temperature in a city, in degrees Celsius."""
        calls.append(city)
        return 18

    result = agent.run_sync("What is the weather in Paris right now?")
    usage = result.usage()
    return {"output": result.output.model_dump(), "tool_calls": calls, "usage": {"input_tokens": usage.input_tokens, "output_tokens": usage.output_tokens}}


results = {}
for model_id in sys.argv[1:]:
    try:
        results[model_id] = run(model_id)
    except Exception as error:  # reported per model, so that one failing leaves the other's result
        results[model_id] = {"error": f"{type(error).__name__}: {error}"}
print(json.dumps(results))
