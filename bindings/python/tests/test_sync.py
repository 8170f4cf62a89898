"""Every operation through the synchronous `Client`, against the real server."""

from __future__ import annotations

import datetime as dt

import pytest

from invites_sdk import (
    Client,
    GoneError,
    Invite,
    InviteBatch,
    InviteLookup,
    Member,
    NotFoundError,
    Organization,
    OrganizationCreated,
    Page,
    Redemption,
)

from conftest import Org, Server, unique_email


def test_organizations_create_and_get(server: Server) -> None:
    with Client(server.base_url, server.admin_token) as admin:
        created = admin.organizations.create(name="Initech", roles=["admin", "developer", "qa"])
    assert isinstance(created, OrganizationCreated)
    assert created.organization.name == "Initech"
    assert created.organization.roles == ["admin", "developer", "qa"]
    assert created.api_key.startswith("ik_")
    with Client(server.base_url, created.api_key) as client:
        org = client.organizations.get()
    assert isinstance(org, Organization)
    assert org == created.organization
    assert org.created_at.tzinfo is not None


def test_create_get_update_revoke(client: Client, org: Org) -> None:
    email = unique_email()
    expires = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=3)
    invite = client.invites.create(
        emails=[email],
        roles=["developer"],
        teams=["platform"],
        name="Q3 contractors",
        description="internal",
        message="Welcome aboard!",
        expires_at=expires,
        metadata={"source": "onboarding"},
    )
    assert isinstance(invite, Invite)
    assert invite.id.startswith("inv_")
    assert invite.organization_id == org.org_id
    assert invite.emails == [email]
    assert invite.roles == ["developer"]
    assert invite.teams == ["platform"]
    assert invite.status == "pending"
    assert invite.enabled is True
    assert invite.use_count == 0
    assert invite.max_uses == 1  # exact addresses only: one use per address
    assert invite.metadata == {"source": "onboarding"}
    assert invite.expires_at is not None
    assert abs((invite.expires_at - expires).total_seconds()) < 1
    assert invite.code is not None and invite.code.startswith("ic_")
    assert invite.url is not None and invite.url.endswith(invite.code)

    fetched = client.invites.get(invite.id)
    assert fetched.id == invite.id
    assert fetched.code is None and fetched.url is None  # shown only once
    assert fetched.name == "Q3 contractors"

    updated = client.invites.update(
        invite.id, name="renamed", enabled=False, max_uses=3, message="Hi", roles=["viewer"]
    )
    assert updated.name == "renamed"
    assert updated.enabled is False
    assert updated.status == "disabled"
    assert updated.max_uses == 3
    assert updated.roles == ["viewer"]
    assert updated.message == "Hi"
    assert updated.updated_at >= fetched.updated_at

    revoked = client.invites.revoke(invite.id)
    assert revoked.status == "revoked"
    again = client.invites.revoke(invite.id)  # harmless to repeat
    assert again.status == "revoked"


def test_create_options(client: Client) -> None:
    public = client.invites.create(roles=["user"], ttl_seconds=3600, max_uses=5)
    assert public.emails == []
    assert public.max_uses == 5
    assert public.expires_at is not None
    left = public.expires_at - dt.datetime.now(dt.timezone.utc)
    assert dt.timedelta(minutes=55) < left <= dt.timedelta(hours=1)

    forever = client.invites.create(
        emails=["*@example.org"], roles=["user"], never_expires=True, single_use=True
    )
    assert forever.expires_at is None
    assert forever.max_uses == 1

    # A public invite expires at most a year ahead (the server refuses more).
    when = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=30)).replace(microsecond=0)
    off = client.invites.create(roles=["user"], enabled=False, expires_at=when.isoformat())
    assert off.status == "disabled"
    assert off.expires_at == when


def test_lookup_accept_redemptions_members(client: Client) -> None:
    invite = client.invites.create(
        emails=["*@example.com"], roles=["developer"], teams=["web"], message="hello"
    )
    assert invite.code is not None
    looked = client.invites.lookup(invite.code)
    assert isinstance(looked, InviteLookup)
    assert looked.organization_name.startswith("org for")
    assert looked.roles == ["developer"]
    assert looked.teams == ["web"]
    assert looked.message == "hello"
    assert looked.status == "pending"
    assert looked.email_restricted is True
    assert client.invites.get(invite.id).use_count == 0  # a lookup consumes nothing

    email = unique_email()
    member = client.invites.accept(code=invite.code, email=email.upper(), user_id="user_42")
    assert isinstance(member, Member)
    assert member.email == email  # lower-cased
    assert member.user_id == "user_42"
    assert member.roles == ["developer"]
    assert member.teams == ["web"]
    assert member.invite_id == invite.id
    assert client.invites.get(invite.id).use_count == 1

    redemptions = list(client.invites.redemptions(invite.id))
    assert len(redemptions) == 1
    assert isinstance(redemptions[0], Redemption)
    assert redemptions[0].member_id == member.id
    assert redemptions[0].email == email
    assert redemptions[0].user_id == "user_42"

    assert client.members.get(member.id) == member
    members = list(client.members.list())
    assert [m.id for m in members] == [member.id]
    assert [m.id for m in client.members.list(email=email)] == [member.id]
    assert list(client.members.list(email="nobody@example.com")) == []

    removed = client.members.remove(member.id)
    assert removed.id == member.id
    with pytest.raises(NotFoundError):
        client.members.get(member.id)
    assert list(client.members.list()) == []


def test_rotate(client: Client) -> None:
    invite = client.invites.create(roles=["user"])
    assert invite.code is not None
    rotated = client.invites.rotate(invite.id)
    assert rotated.id == invite.id
    assert rotated.code is not None and rotated.code != invite.code
    assert client.invites.lookup(rotated.code).status == "pending"
    with pytest.raises(NotFoundError):
        client.invites.lookup(invite.code)


def test_create_batch(client: Client) -> None:
    emails = [unique_email() for _ in range(3)]
    batch = client.invites.create_batch(
        emails=emails, roles=["developer"], teams=["t"], name="batch", message="m", ttl_seconds=600
    )
    assert isinstance(batch, InviteBatch)
    assert [i.emails for i in batch.data] == [[e] for e in emails]
    assert all(i.max_uses == 1 and i.code for i in batch.data)
    assert all(i.name == "batch" for i in batch.data)


def test_list_filters_and_first_page(client: Client) -> None:
    a = client.invites.create(emails=[unique_email()], roles=["user"])
    b = client.invites.create(roles=["user"])
    client.invites.revoke(b.id)
    all_ids = [i.id for i in client.invites.list()]
    assert all_ids == [b.id, a.id]  # newest first
    assert [i.id for i in client.invites.list(status="revoked")] == [b.id]
    assert [i.id for i in client.invites.list(status="pending")] == [a.id]
    assert [i.id for i in client.invites.list(email=a.emails[0])] == [a.id]

    page = client.invites.list(limit=1).first_page()
    assert isinstance(page, Page)
    assert [i.id for i in page.data] == [b.id]
    assert page.has_next_page() and page.next_page_token is not None
    rest = client.invites.list(limit=1, page_token=page.next_page_token)
    assert [i.id for i in rest] == [a.id]


def test_accept_gone_after_revoke(client: Client) -> None:
    invite = client.invites.create(roles=["user"])
    client.invites.revoke(invite.id)
    assert invite.code is not None
    with pytest.raises(GoneError) as e:
        client.invites.accept(code=invite.code, email=unique_email())
    assert e.value.type == "invite_revoked"


def test_per_call_options_and_with_options(client: Client) -> None:
    key = "idem-" + unique_email()
    first = client.invites.create(roles=["user"], name="once", idempotency_key=key, timeout=10)
    second = client.invites.create(roles=["user"], name="once", idempotency_key=key)
    assert first.id == second.id  # the same key gets the first answer back
    assert len(list(client.invites.list())) == 1

    patient = client.with_options(timeout=30, max_retries=0)
    assert patient.invites.get(first.id).id == first.id
    assert patient.base_url == client.base_url


def test_context_manager_closes(org: Org) -> None:
    with Client(org.base_url, org.api_key) as c:
        assert c.organizations.get().id == org.org_id
        assert not c.is_closed
    assert c.is_closed
    from invites_sdk import InvitesError

    with pytest.raises(InvitesError) as e:
        c.organizations.get()
    assert e.value.type == "client_closed"


def test_env_configuration(org: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INVITES_BASE_URL", org.base_url)
    monkeypatch.setenv("INVITES_API_KEY", org.api_key)
    with Client() as c:
        assert c.base_url == org.base_url
        assert c.organizations.get().id == org.org_id
