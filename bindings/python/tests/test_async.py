"""Every operation through `AsyncClient`, against the real server."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from invites_sdk import (
    AsyncClient,
    ConflictError,
    Invite,
    InviteBatch,
    InviteLookup,
    InvitesError,
    Member,
    NotFoundError,
    Organization,
    OrganizationCreated,
    Page,
    Redemption,
)

from conftest import Org, Server, set_faults, start_proxy, stop_server, unique_email


async def test_organizations_create_and_get(server: Server) -> None:
    async with AsyncClient(server.base_url, server.admin_token) as admin:
        created = await admin.organizations.create(name="Async Corp", roles=["admin", "dev"])
    assert isinstance(created, OrganizationCreated)
    assert created.organization.roles == ["admin", "dev"]
    async with AsyncClient(server.base_url, created.api_key) as client:
        org = await client.organizations.get()
    assert isinstance(org, Organization)
    assert org == created.organization


async def test_create_get_update_revoke(aclient: AsyncClient, org: Org) -> None:
    email = unique_email()
    invite = await aclient.invites.create(
        emails=[email],
        roles=["developer"],
        teams=["platform"],
        name="async",
        description="d",
        message="m",
        ttl_seconds=86400,
        metadata={"k": "v"},
    )
    assert isinstance(invite, Invite)
    assert invite.organization_id == org.org_id
    assert invite.code is not None and invite.url is not None
    fetched = await aclient.invites.get(invite.id)
    assert fetched.code is None
    assert fetched.metadata == {"k": "v"}
    updated = await aclient.invites.update(
        invite.id,
        name="renamed",
        description="d2",
        teams=["other"],
        expires_at=dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1),
    )
    assert updated.name == "renamed"
    assert updated.description == "d2"
    assert updated.teams == ["other"]
    revoked = await aclient.invites.revoke(invite.id)
    assert revoked.status == "revoked"


async def test_lookup_accept_redemptions_members(aclient: AsyncClient) -> None:
    invite = await aclient.invites.create(roles=["user"], max_uses=2)
    assert invite.code is not None
    looked = await aclient.invites.lookup(invite.code)
    assert isinstance(looked, InviteLookup)
    assert looked.email_restricted is False
    email = unique_email()
    member = await aclient.invites.accept(code=invite.code, email=email, user_id="u1")
    assert isinstance(member, Member)
    assert member.invite_id == invite.id
    with pytest.raises(ConflictError) as e:
        await aclient.invites.accept(code=invite.code, email=email)
    assert e.value.type == "already_member"

    redemptions = [r async for r in aclient.invites.redemptions(invite.id)]
    assert len(redemptions) == 1 and isinstance(redemptions[0], Redemption)
    page = await aclient.invites.redemptions(invite.id, limit=1).first_page()
    assert isinstance(page, Page)
    assert [r.id for r in page] == [redemptions[0].id]

    assert await aclient.members.get(member.id) == member
    assert [m.id async for m in aclient.members.list()] == [member.id]
    assert [m.id async for m in aclient.members.list(email=email)] == [member.id]
    removed = await aclient.members.remove(member.id)
    assert removed == member
    with pytest.raises(NotFoundError):
        await aclient.members.get(member.id)


async def test_rotate_and_batch(aclient: AsyncClient) -> None:
    invite = await aclient.invites.create(roles=["user"])
    rotated = await aclient.invites.rotate(invite.id, idempotency_key="rotate-" + invite.id)
    assert rotated.code is not None and rotated.code != invite.code
    emails = [unique_email() for _ in range(2)]
    batch = await aclient.invites.create_batch(emails=emails, roles=["user"])
    assert isinstance(batch, InviteBatch)
    assert [i.emails[0] for i in batch.data] == emails


async def test_list_and_first_page(aclient: AsyncClient) -> None:
    ids = [(await aclient.invites.create(roles=["user"])).id for _ in range(3)]
    listed = [i.id async for i in aclient.invites.list()]
    assert listed == ids[::-1]
    page = await aclient.invites.list(limit=2).first_page()
    assert [i.id for i in page.data] == ids[::-1][:2]
    assert page.next_page_token is not None
    assert [i.id async for i in aclient.invites.list(status="accepted")] == []


async def test_calls_do_not_block_the_event_loop(aclient: AsyncClient) -> None:
    """While calls are in flight, other coroutines keep running."""
    ticks = 0
    stop = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    await asyncio.gather(*(aclient.invites.create(roles=["user"]) for _ in range(20)))
    stop.set()
    await task
    assert ticks > 20


async def test_close(org: Org) -> None:
    client = AsyncClient(org.base_url, org.api_key)
    assert (await client.organizations.get()).id == org.org_id
    await client.close()
    assert client.is_closed
    with pytest.raises(InvitesError) as e:
        await client.organizations.get()
    assert e.value.type == "client_closed"


async def test_a_cancelled_call_leaves_the_client_usable(org: Org) -> None:
    """Cancelling the awaiting task (here by `wait_for`) ends the wait at once (the native call
    is aborted too); the client goes on working."""
    proc, proxy = start_proxy(org.base_url)
    try:
        set_faults(proxy, [{"action": "delay", "delay_ms": 3000}])
        async with AsyncClient(proxy, org.api_key, max_retries=0) as client:
            started = asyncio.get_running_loop().time()
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(client.organizations.get(), 0.2)
            assert asyncio.get_running_loop().time() - started < 2
            set_faults(proxy, [])
            assert (await client.organizations.get()).id == org.org_id
    finally:
        stop_server(proc)
