"""Writes the JSON Schemas that Pydantic and LangChain produce for typical tools.

Run once with the real libraries (pip install pydantic langchain-core) and commit the output:
    python conformance/tools/schema-corpus/generate.py > conformance/tools/schema-corpus/python.json
The sampler tests (src/responder/sample.corpus.test.ts) read the committed file.
"""
from __future__ import annotations

import datetime as dt
import decimal
import enum
import json
import sys
import uuid
from typing import Annotated, Dict, List, Literal, Optional, Set, Tuple, Union

import langchain_core
import pydantic
from langchain_core.tools import tool
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import BaseModel, Field, conint, constr


class Unit(str, enum.Enum):
    celsius = "celsius"
    fahrenheit = "fahrenheit"


class GetWeather(BaseModel):
    """Get the current weather in a given location."""
    location: str = Field(description="The city and state, e.g. San Francisco, CA")
    unit: Unit = Unit.celsius


class SearchQuery(BaseModel):
    """Search the web."""
    query: Annotated[str, Field(min_length=3, max_length=200)]
    max_results: Annotated[int, Field(ge=1, le=50)] = 10
    site: Optional[str] = Field(default=None, pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$")
    language: Literal["en", "fr", "de"] = "en"


class Address(BaseModel):
    street: str
    city: str
    postal_code: constr(pattern=r"^\d{5}(-\d{4})?$")
    country: str = "US"


class Person(BaseModel):
    """A person to add to the address book."""
    name: str
    age: conint(ge=0, lt=150)
    email: Optional[str] = None
    addresses: List[Address] = Field(min_length=1)
    tags: Set[str] = set()
    scores: Dict[str, float] = {}


class TreeNode(BaseModel):
    """A recursive tree."""
    label: str
    children: List["TreeNode"] = []


class Cat(BaseModel):
    pet_type: Literal["cat"]
    meows: int


class Dog(BaseModel):
    pet_type: Literal["dog"]
    barks: float


class AdoptPet(BaseModel):
    """A discriminated union."""
    pet: Union[Cat, Dog] = Field(discriminator="pet_type")
    note: Union[int, str, None] = None


class Booking(BaseModel):
    """Dates, times, ids, decimals and tuples."""
    booking_id: uuid.UUID
    start: dt.datetime
    day: dt.date
    at: dt.time
    price: decimal.Decimal
    seat: Tuple[str, int]
    quantity: Annotated[int, Field(multiple_of=5, gt=0)]
    ratio: Annotated[float, Field(gt=0, lt=1)]


class Pagination(BaseModel):
    """Nested optional models referenced twice."""
    page: int = 1
    size: Annotated[int, Field(ge=1, le=100)] = 20


class ListOrders(BaseModel):
    status: Optional[List[Literal["open", "shipped", "cancelled"]]] = None
    pagination: Optional[Pagination] = None
    since: Optional[dt.date] = None


@tool
def multiply(a: int, b: int) -> int:
    """Multiply two integers."""
    return a * b


@tool
def get_stock_price(ticker: str, exchange: Literal["NYSE", "NASDAQ"] = "NYSE", days: Optional[int] = None) -> float:
    """Get a stock's closing price."""
    return 1.0


@tool(args_schema=Person)
def add_person(**kwargs) -> str:
    """Add a person."""
    return "ok"


MODELS = [GetWeather, SearchQuery, Person, TreeNode, AdoptPet, Booking, ListOrders]
TOOLS = [multiply, get_stock_price, add_person]

corpus = {}
for model in MODELS:
    corpus[f"pydantic/{model.__name__}"] = model.model_json_schema()
    corpus[f"langchain-tool/{model.__name__}"] = convert_to_openai_tool(model)["function"]["parameters"]
for t in TOOLS:
    corpus[f"langchain-tool/@tool {t.name}"] = convert_to_openai_tool(t)["function"]["parameters"]
    corpus[f"langchain-args-schema/@tool {t.name}"] = t.tool_call_schema.model_json_schema()

json.dump({"generatedBy": f"pydantic {pydantic.VERSION}, langchain-core {langchain_core.__version__}", "schemas": corpus}, sys.stdout, indent=1)
print()
