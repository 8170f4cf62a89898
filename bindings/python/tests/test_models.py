"""Models: typed read-only attributes, to_dict(), to_json(), repr without secrets, equality."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from invites_sdk import Client, Invite

from conftest import Server, unique_email


def test_attributes_are_typed_and_read_only(client: Client) -> None:
    invite = client.invites.create(roles=["user"], metadata={"a": "1"})
    assert isinstance(invite.created_at, dt.datetime)
    assert invite.created_at.tzinfo is not None
    assert isinstance(invite.use_count, int)
    assert isinstance(invite.metadata, dict)
    with pytest.raises(AttributeError):
        invite.name = "changed"  # type: ignore[misc]


def test_to_dict_and_to_json(client: Client, server: Server) -> None:
    invite = client.invites.create(emails=[unique_email()], roles=["user"], metadata={"a": "1"})
    d = invite.to_dict()
    assert set(d) == {
        "id", "organization_id", "name", "description", "message", "emails", "roles", "teams",
        "expires_at", "max_uses", "use_count", "enabled", "status", "metadata", "created_at",
        "updated_at", "last_used_at", "code", "url",
    }  # fmt: skip
    assert d["id"] == invite.id
    assert d["created_at"] == invite.created_at
    assert d["metadata"] == {"a": "1"}
    j = json.loads(invite.to_json())
    assert j["id"] == invite.id and j["code"] == invite.code
    assert dt.datetime.fromisoformat(j["created_at"].replace("Z", "+00:00")) == invite.created_at

    with Client(server.base_url, server.admin_token) as admin:
        created = admin.organizations.create(name="Nested")
    nested = created.to_dict()
    assert isinstance(nested["organization"], dict)
    assert nested["organization"]["id"] == created.organization.id

    batch = client.invites.create_batch(emails=[unique_email(), unique_email()], roles=["user"])
    assert [x["id"] for x in batch.to_dict()["data"]] == [i.id for i in batch.data]
    assert all(isinstance(i, Invite) for i in batch.data)


def test_repr_hides_secrets(client: Client, server: Server) -> None:
    invite = client.invites.create(roles=["user"])
    assert invite.code is not None and invite.url is not None
    r = repr(invite)
    assert r.startswith("Invite(id='inv_")
    assert invite.code not in r
    assert "code='ic_…'" in r
    assert "/invite#code=ic_…'" in r
    with Client(server.base_url, server.admin_token) as admin:
        created = admin.organizations.create(name="Repr")
    assert created.api_key not in repr(created)
    assert "api_key='ik_…'" in repr(created)


def test_equality(client: Client) -> None:
    invite = client.invites.create(roles=["user"])
    a = client.invites.get(invite.id)
    b = client.invites.get(invite.id)
    assert a == b
    assert a is not b
    assert a != invite  # the create response carries the code
    other = client.invites.create(roles=["user"])
    assert a != client.invites.get(other.id)
    assert a != "not a model"
    with pytest.raises(TypeError):
        hash(a)  # mutable-looking data: models are compared, not hashed
