"""pydantic-ai: an agent with a tool and an output type on Bedrock's Converse API.

Usage: python pydantic_ai_agent.py MODEL_ID
Written as pydantic-ai's docs show it; the endpoint, region and credentials come from the standard AWS
configuration (boto3 reads AWS_ENDPOINT_URL_BEDROCK_RUNTIME itself). Prints, as JSON, what the
application reads: the output object, and the tools the agent ran.
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


agent = Agent(
    BedrockConverseModel(sys.argv[1]),
    output_type=CityWeather,
    instructions="Look the temperature up with the get_temperature tool before answering.",
    model_settings={"max_tokens": 300, "temperature": 0},
)
calls: list[str] = []


@agent.tool_plain
def get_temperature(city: str) -> int:
    """The current temperature in a city, in degrees Celsius."""
    calls.append(city)
    return 18


result = agent.run_sync("What is the weather in Paris right now?")
print(json.dumps({"output": result.output.model_dump(), "tool_calls": calls, "usage": {"input_tokens": result.usage().input_tokens, "output_tokens": result.usage().output_tokens}}))
