"""The Python surface covers the spec: every operationId has a method on the sync and the async
resource class, at run time and in the stubs, taking every parameter and body field of the spec
under its spec name; every model has the spec schema's fields, at run time and in the stubs."""

from __future__ import annotations

import ast
import functools
import inspect
from pathlib import Path
from typing import Any

import pytest
import yaml

import invites_sdk
from invites_sdk import _native

SPEC = Path(__file__).resolve().parents[3] / "spec" / "invites.yaml"
STUB = Path(invites_sdk.__file__).with_name("_native.pyi")

# operationId -> (resource attribute, method). A new operation in the spec fails
# test_every_operation_is_mapped until it is added here, to the crate and to the stubs.
OPERATIONS: dict[str, tuple[str, str]] = {
    "createOrganization": ("organizations", "create"),
    "getOrganization": ("organizations", "get"),
    "createInvite": ("invites", "create"),
    "createInvites": ("invites", "create_batch"),
    "listInvites": ("invites", "list"),
    "getInvite": ("invites", "get"),
    "updateInvite": ("invites", "update"),
    "revokeInvite": ("invites", "revoke"),
    "rotateInviteCode": ("invites", "rotate"),
    "lookupInvite": ("invites", "lookup"),
    "acceptInvite": ("invites", "accept"),
    "listInviteRedemptions": ("invites", "redemptions"),
    "listMembers": ("members", "list"),
    "getMember": ("members", "get"),
    "removeMember": ("members", "remove"),
}

RESOURCE_CLASSES = {
    "invites": ("Invites", "AsyncInvites"),
    "members": ("Members", "AsyncMembers"),
    "organizations": ("Organizations", "AsyncOrganizations"),
}

# Python model -> spec schema.
MODELS = {
    "Invite": "Invite",
    "InviteBatch": "InviteBatch",
    "InviteLookup": "InviteLookup",
    "Member": "Member",
    "Redemption": "Redemption",
    "Organization": "Organization",
    "OrganizationCreated": "OrganizationCreated",
}

# Per-call options every method takes besides the spec's parameters.
OPTIONS = {"timeout", "idempotency_key"}


@functools.cache
def load_spec() -> dict[str, Any]:
    with SPEC.open() as f:
        spec: dict[str, Any] = yaml.safe_load(f)
    return spec


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = spec["components"][kind][name]
    return node


def operations(spec: dict[str, Any]) -> dict[str, tuple[str, set[str]]]:
    """operationId -> (HTTP method, the Python parameter names it needs)."""
    ops: dict[str, tuple[str, set[str]]] = {}
    for item in spec["paths"].values():
        shared = item.get("parameters", [])
        for method, op in item.items():
            if method == "parameters":
                continue
            names: set[str] = set()
            for p in shared + op.get("parameters", []):
                p = resolve(spec, p)
                names.add(p["name"].lower().replace("-", "_"))  # Idempotency-Key
            body = op.get("requestBody")
            if body:
                schema = resolve(spec, body["content"]["application/json"]["schema"])
                names |= set(schema.get("properties", {}))
            ops[op["operationId"]] = (method, names)
    return ops


def stub_classes() -> dict[str, ast.ClassDef]:
    tree = ast.parse(STUB.read_text())
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def stub_params(cls: ast.ClassDef, method: str) -> set[str] | None:
    for node in cls.body:
        if isinstance(node, ast.FunctionDef) and node.name == method:
            a = node.args
            return {x.arg for x in a.posonlyargs + a.args + a.kwonlyargs} - {"self"}
    return None


def stub_properties(cls: ast.ClassDef) -> set[str]:
    return {
        n.name
        for n in cls.body
        if isinstance(n, ast.FunctionDef)
        and any(isinstance(d, ast.Name) and d.id == "property" for d in n.decorator_list)
    }


def runtime_params(cls: type, method: str) -> set[str]:
    return set(inspect.signature(getattr(cls, method)).parameters) - {"self"}


def test_every_operation_is_mapped() -> None:
    spec_ops = set(operations(load_spec()))
    assert spec_ops - OPERATIONS.keys() == set(), "operations of the spec without a Python method"
    assert OPERATIONS.keys() - spec_ops == set(), "methods for operations the spec no longer has"


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operation_has_methods_and_stubs(operation_id: str) -> None:
    http_method, spec_names = operations(load_spec())[operation_id]
    resource, method = OPERATIONS[operation_id]
    stubs = stub_classes()
    for class_name in RESOURCE_CLASSES[resource]:
        cls = getattr(_native, class_name)
        assert callable(getattr(cls, method, None)), f"{class_name}.{method} is missing"
        rt = runtime_params(cls, method)
        missing = spec_names - rt
        assert not missing, f"{class_name}.{method} lacks spec parameters {missing}"
        assert rt - spec_names <= OPTIONS, f"{class_name}.{method} has extra {rt - spec_names}"
        assert "timeout" in rt
        assert stub_params(stubs[class_name], method) == rt, f"stub of {class_name}.{method}"
    # every POST takes an idempotency key (the spec declares the header on each)
    assert ("idempotency_key" in spec_names) == (http_method == "post")


def test_resource_attributes_on_both_clients() -> None:
    stubs = stub_classes()
    for resource, (sync_name, async_name) in RESOURCE_CLASSES.items():
        for client, expected in ((_native.Client, sync_name), (_native.AsyncClient, async_name)):
            assert inspect.isdatadescriptor(vars(client)[resource])
            assert resource in stub_properties(stubs[client.__name__])
            # the stub's property returns the resource class
            fn = next(
                n
                for n in stubs[client.__name__].body
                if isinstance(n, ast.FunctionDef) and n.name == resource
            )
            assert isinstance(fn.returns, ast.Name) and fn.returns.id == expected


@pytest.mark.parametrize("model", sorted(MODELS))
def test_models_match_spec_and_stubs(model: str) -> None:
    spec = load_spec()
    schema = spec["components"]["schemas"][MODELS[model]]
    spec_fields = set(schema["properties"])
    cls = getattr(_native, model)
    runtime_fields = {
        name
        for name, v in vars(cls).items()
        if inspect.isdatadescriptor(v) and not name.startswith("_")
    }
    assert runtime_fields == spec_fields
    assert stub_properties(stub_classes()[model]) == spec_fields
    for method in ("to_dict", "to_json", "__eq__"):
        assert callable(getattr(cls, method))


def test_every_public_name_is_in_the_stubs_or_errors() -> None:
    stubs = stub_classes()
    errors = set(invites_sdk._errors.__all__)
    for name in invites_sdk.__all__:
        if name == "__version__":
            continue
        assert name in stubs or name in errors, f"{name} has no stub"
    native_classes = {n for n, v in vars(_native).items() if isinstance(v, type)}
    assert native_classes == set(stubs), "classes of _native and of _native.pyi differ"
