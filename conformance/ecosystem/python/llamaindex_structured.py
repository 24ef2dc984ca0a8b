"""LlamaIndex's BedrockConverse: structured_predict with a Pydantic output class.

Usage: python llamaindex_structured.py MODEL_ID...  (one after the other)
Written as LlamaIndex's docs show it; the endpoint, region and credentials come from the standard AWS
configuration (boto3 reads AWS_ENDPOINT_URL_BEDROCK_RUNTIME itself; BedrockConverse's own
`endpoint_url` argument is the other way). structured_predict sends the class as a tool with
toolChoice any (tool_required), so it exercises forced tool choice. Prints, as JSON, the object for
each model, or the error it raised.
"""

import json
import sys

from llama_index.core.prompts import PromptTemplate
from llama_index.llms.bedrock_converse import BedrockConverse
from pydantic import BaseModel, Field


class Song(BaseModel):
    """A song with its title and length."""

    title: str
    artist: str
    length_seconds: int = Field(ge=1, le=3600)


results = {}
for model_id in sys.argv[1:]:
    try:
        llm = BedrockConverse(model=model_id, max_tokens=200, temperature=0)
        song = llm.structured_predict(Song, PromptTemplate("Name a well-known song by {artist}, with its length."), artist="The Beatles")
        results[model_id] = {"output": song.model_dump()}
    except Exception as error:  # reported per model, so that one failing leaves the other's result
        results[model_id] = {"error": f"{type(error).__name__}: {error}"}
print(json.dumps(results))
