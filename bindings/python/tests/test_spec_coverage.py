"""The generated Python surface covers the spec, read here independently of the generator: every
operationId has a method on the sync and the async resource class, with every parameter and body
field of the spec under its spec name, required ones without a default, resolvable type hints
and the spec's response model; every response model has the spec schema's fields. The native
module is machinery only: it names no operation."""

from __future__ import annotations

import ast
import functools
import inspect
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml

import invites_sdk
from invites_sdk import _generated, _native

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT / "spec" / "invites.yaml"
NAMES = ROOT / "spec" / "sdk-names.yaml"
PACKAGE = Path(invites_sdk.__file__).parent

# Per-call options methods take besides the spec's parameters.
OPTIONS = {"timeout", "idempotency_key", "extra_headers", "max_retries"}


@functools.cache
def load(path: Path) -> dict[str, Any]:
    with path.open() as f:
        data: dict[str, Any] = yaml.safe_load(f)
    return data


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = load(SPEC)["components"][kind][name]
    return node


def spec_operations() -> dict[str, dict[str, Any]]:
    """operationId -> its HTTP method, parameter names (required ones apart) and response."""
    ops: dict[str, dict[str, Any]] = {}
    for item in load(SPEC)["paths"].values():
        shared = item.get("parameters", [])
        for method, op in item.items():
            if method == "parameters":
                continue
            names: set[str] = set()
            required: set[str] = set()
            for p in shared + op.get("parameters", []):
                p = resolve(p)
                name = p["name"].lower().replace("-", "_")  # Idempotency-Key
                names.add(name)
                if p.get("required") and p["in"] != "header":
                    required.add(name)
            body = op.get("requestBody")
            if body:
                schema = resolve(body["content"]["application/json"]["schema"])
                names |= set(schema.get("properties", {}))
                required |= set(schema.get("required", []))
            ok = next(r for code, r in op["responses"].items() if str(code).startswith("2"))
            ref = resolve(ok)["content"]["application/json"]["schema"]["$ref"]
            ops[op["operationId"]] = {
                "http": method,
                "names": names,
                "required": required,
                "response": ref.rsplit("/", 1)[1],
            }
    return ops


def resource_classes(resource: str) -> tuple[type, type]:
    """The classes `Client.<resource>` and `AsyncClient.<resource>` answer."""
    found = []
    for client in (invites_sdk.Client, invites_sdk.AsyncClient):
        prop = vars(client)[resource]
        assert isinstance(prop, property), f"{client.__name__}.{resource} is not a property"
        assert prop.fget is not None
        cls = typing.get_type_hints(prop.fget)["return"]
        assert isinstance(cls, type)
        found.append(cls)
    return found[0], found[1]


def test_every_operation_is_named() -> None:
    table = load(NAMES)["operations"]
    assert set(spec_operations()) == set(table), "spec/sdk-names.yaml and the spec differ"


@pytest.mark.parametrize("operation_id", sorted(spec_operations()))
def test_operation_has_sync_and_async_methods(operation_id: str) -> None:
    spec = spec_operations()[operation_id]
    naming = load(NAMES)["operations"][operation_id]
    sync_cls, async_cls = resource_classes(naming["resource"])
    signatures = []
    for cls in (sync_cls, async_cls):
        method = getattr(cls, naming["method"], None)
        assert callable(method), f"{cls.__name__}.{naming['method']} is missing"
        sig = inspect.signature(method)
        params = {n: p for n, p in sig.parameters.items() if n != "self"}
        assert set(params) - OPTIONS == spec["names"] - OPTIONS, f"{cls.__name__}.{method}"
        assert "timeout" in params
        # every POST takes an idempotency key (the spec declares the header on each)
        assert ("idempotency_key" in params) == (spec["http"] == "post")
        for name, p in params.items():
            required = p.default is inspect.Parameter.empty
            assert required == (name in spec["required"]), f"{cls.__name__}.{name} default"
        hints = typing.get_type_hints(method)
        assert set(hints) == set(params) | {"return"}, "every argument is annotated"
        if "params" in naming:  # a list
            pager = invites_sdk.AsyncPager if cls is async_cls else invites_sdk.SyncPager
            assert typing.get_origin(hints["return"]) is pager
        else:
            assert hints["return"] is getattr(invites_sdk, spec["response"])
            assert inspect.iscoroutinefunction(method) == (cls is async_cls)
        assert method.__doc__ and operation_id in method.__doc__
        signatures.append(sig.replace(return_annotation=None))
    assert signatures[0] == signatures[1], "the sync and async arguments differ"


def response_models() -> set[str]:
    """The schemas a caller receives: responses, list items and what they contain."""
    todo: list[str] = []
    for op in spec_operations().values():
        schema = load(SPEC)["components"]["schemas"][op["response"]]
        if "next_page_token" in schema["properties"]:  # a page: its items
            todo.append(schema["properties"]["data"]["items"]["$ref"].rsplit("/", 1)[1])
        else:
            todo.append(op["response"])
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        schema = load(SPEC)["components"]["schemas"][name]
        if name in seen or "properties" not in schema:
            continue
        seen.add(name)
        for prop in schema["properties"].values():
            for node in (prop, prop.get("items", {})):
                if "$ref" in node:
                    todo.append(node["$ref"].rsplit("/", 1)[1])
    return seen


@pytest.mark.parametrize("model", sorted(response_models()))
def test_models_match_spec(model: str) -> None:
    schema = load(SPEC)["components"]["schemas"][model]
    cls = getattr(invites_sdk, model)
    properties = {n for n, v in vars(cls).items() if isinstance(v, property)}
    assert properties == set(schema["properties"])
    for name in properties:
        fget = vars(cls)[name].fget
        assert fget is not None
        hint = typing.get_type_hints(fget)["return"]
        optional = type(None) in typing.get_args(hint)
        always = name in schema.get("required", []) and not schema["properties"][name].get(
            "nullable"
        )
        assert optional != always, f"{model}.{name}: {hint}"
    for method in ("to_dict", "to_json", "__eq__"):
        assert callable(getattr(cls, method))


def test_every_public_name_resolves() -> None:
    for name in invites_sdk.__all__:
        assert hasattr(invites_sdk, name), name
    assert set(_generated.__all__) <= set(invites_sdk.__all__)


def test_generated_module_says_so() -> None:
    text = (PACKAGE / "_generated.py").read_text()
    assert text.startswith("# @generated") and "DO NOT EDIT" in text.splitlines()[1]


def test_native_module_is_machinery_only() -> None:
    classes = {n for n, v in vars(_native).items() if isinstance(v, type)}
    assert classes == {"Core", "Stream", "Task"}
    tree = ast.parse((PACKAGE / "_native.pyi").read_text())
    stubbed = {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    assert stubbed == classes, "classes of _native and of _native.pyi differ"
    for op in spec_operations():
        assert op not in (PACKAGE / "_base.py").read_text(), f"_base.py names {op}"
