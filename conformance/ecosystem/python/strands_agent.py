"""Strands Agents on Bedrock (BedrockModel: ConverseStream by default).

Usage: python strands_agent.py SCENARIO MODEL_ID
  structured         agent(prompt, structured_output_model=...): the API Strands' docs teach today
  structured-legacy  agent.structured_output(Model, prompt): deprecated, still widely called
  tool-then-text     a tool's first call ends the agent's turn (agent.cancel(after_current_tools=True),
                     as Strands' vended stop tool does), so the history ends with the user's
                     toolResult message; the next prompt then goes out as a second user message
                     right after it
Written as Strands' docs show it; the endpoint, region and credentials come from the standard AWS
configuration (boto3 reads AWS_ENDPOINT_URL_BEDROCK_RUNTIME itself). Prints, as JSON, what the
application reads.
"""

import json
import sys
import warnings

from pydantic import BaseModel, Field
from strands import Agent, ToolContext, tool
from strands.models import BedrockModel

warnings.simplefilter("ignore", DeprecationWarning)
scenario, model_id = sys.argv[1], sys.argv[2]
model = BedrockModel(model_id=model_id, max_tokens=200, temperature=0)


class CityWeather(BaseModel):
    city: str
    temperature_celsius: int = Field(ge=-60, le=60)
    conditions: str = Field(description="one word: sunny, cloudy, rain or snow")


if scenario == "structured":
    agent = Agent(model=model, callback_handler=None)
    result = agent("Give the weather in Paris today.", structured_output_model=CityWeather)
    print(json.dumps({"output": result.structured_output.model_dump(), "stop_reason": result.stop_reason}))

elif scenario == "structured-legacy":
    agent = Agent(model=model, callback_handler=None)
    output = agent.structured_output(CityWeather, "Give the weather in Paris today.")
    print(json.dumps({"output": output.model_dump()}))

elif scenario == "tool-then-text":
    calls: list[str] = []

    @tool(context=True)
    def record_city(city: str, tool_context: ToolContext) -> str:
        """Record the city the user asked about."""
        calls.append(city)
        if len(calls) == 1:  # the first call ends the agent's turn; any later one lets it answer
            tool_context.agent.cancel(after_current_tools=True)
        return f"recorded {city}"

    agent = Agent(model=model, tools=[record_city], callback_handler=None)
    first = agent("Record the city Paris with the record_city tool.")
    history = [[next(iter(block)) for block in m["content"]] for m in agent.messages]
    out = {"tool_calls": calls, "first_stop_reason": first.stop_reason, "history_after_first": history}
    try:
        second = agent("Thanks. Now say in one short sentence what you recorded.")
        out["second_stop_reason"] = second.stop_reason
        out["text"] = "".join(block.get("text", "") for block in second.message["content"])
    except Exception as error:  # what the application sees when Bedrock refuses the request
        out["error"] = f"{type(error).__name__}: {error}"
    out["roles_sent_second"] = [m["role"] for m in agent.messages]
    print(json.dumps(out))

else:
    sys.exit(f"unknown scenario {scenario}")
