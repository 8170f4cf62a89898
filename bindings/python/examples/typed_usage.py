"""Every method of both clients, fully typed: `mypy --strict` checks this file against the stubs
(bindings/python/test.sh), and tests/test_examples.py runs it against a real server.

    INVITES_BASE_URL=... INVITES_API_KEY=<an organization's key> python examples/typed_usage.py
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import uuid

from invites_sdk import (
    AsyncClient,
    AsyncPager,
    Client,
    ConflictError,
    Invite,
    InviteBatch,
    InviteLookup,
    InvitesError,
    Member,
    Organization,
    OrganizationCreated,
    Page,
    Redemption,
    SyncPager,
)


def email() -> str:
    return f"typed-{uuid.uuid4().hex[:10]}@example.com"


def sync_tour(client: Client, admin_token: str | None) -> list[str]:
    seen: list[str] = []
    org: Organization = client.organizations.get()
    seen.append(org.id)
    if admin_token is not None:
        with Client(client.base_url, admin_token, timeout=30.0, max_retries=1) as admin:
            created: OrganizationCreated = admin.organizations.create(
                name="typed", roles=["admin", "user"], idempotency_key=None
            )
            seen.append(created.api_key[:3])

    expires = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2)
    invite: Invite = client.invites.create(
        roles=["user"],
        emails=["*@example.com"],
        name="typed",
        description="typed example",
        message="hi",
        teams=["t"],
        expires_at=expires,
        max_uses=10,
        enabled=True,
        metadata={"from": "typed_usage"},
        timeout=10.0,
    )
    code: str | None = invite.code
    assert code is not None
    got: Invite = client.invites.get(invite.id)
    updated: Invite = client.invites.update(invite.id, name="typed 2", max_uses=20)
    looked: InviteLookup = client.invites.lookup(code)
    member: Member = client.invites.accept(code=code, email=email(), user_id="u")
    redemptions: SyncPager[Redemption] = client.invites.redemptions(invite.id, limit=10)
    first: Page[Redemption] = redemptions.first_page()
    rotated: Invite = client.invites.rotate(invite.id)
    batch: InviteBatch = client.invites.create_batch(emails=[email()], roles=["user"])
    listed: SyncPager[Invite] = client.invites.list(status="pending", limit=5)
    ids: list[str] = [i.id for i in listed]
    page: Page[Invite] = client.invites.list(limit=1).first_page()
    token: str | None = page.next_page_token
    members: list[Member] = list(client.members.list(email=member.email))
    one: Member = client.members.get(member.id)
    removed: Member = client.members.remove(one.id)
    revoked: Invite = client.invites.revoke(invite.id)
    try:
        client.invites.accept(code=code, email=email())
    except InvitesError as e:
        status: int | None = e.status
        seen.append(f"{type(e).__name__}:{status}")
    seen += [got.id, updated.status, looked.organization_name, str(len(first))]
    seen += [rotated.id, batch.data[0].id, *ids, str(token), str(len(members)), removed.id]
    seen.append(revoked.status)
    return seen


async def async_tour(client: AsyncClient) -> list[str]:
    org: Organization = await client.organizations.get()
    invite: Invite = await client.invites.create(roles=["user"], ttl_seconds=600)
    code = invite.code
    assert code is not None
    got: Invite = await client.invites.get(invite.id)
    updated: Invite = await client.invites.update(invite.id, enabled=True)
    looked: InviteLookup = await client.invites.lookup(code, timeout=5.0)
    member: Member = await client.invites.accept(code=code, email=email())
    pager: AsyncPager[Redemption] = client.invites.redemptions(invite.id)
    redemptions: list[Redemption] = [r async for r in pager]
    first: Page[Invite] = await client.invites.list(limit=2).first_page()
    invites: list[Invite] = [i async for i in client.invites.list(email=None)]
    rotated: Invite = await client.invites.rotate(invite.id, idempotency_key=str(uuid.uuid4()))
    batch: InviteBatch = await client.invites.create_batch(emails=[email()], roles=["user"])
    members: list[Member] = [m async for m in client.members.list(limit=50)]
    one: Member = await client.members.get(member.id)
    removed: Member = await client.members.remove(one.id)
    revoked: Invite = await client.invites.revoke(invite.id)
    try:
        await client.invites.accept(code=code, email=member.email)
    except ConflictError as e:
        print("conflict", e.type)
    except InvitesError as e:
        print("refused", e.type)
    return [
        org.id, got.id, updated.id, looked.status, str(len(redemptions)), str(len(first)),
        str(len(invites)), rotated.id, batch.data[0].id, str(len(members)), removed.id,
        revoked.status,
    ]  # fmt: skip


async def async_main() -> list[str]:
    async with AsyncClient(timeout=30.0) as client:
        options: AsyncClient = client.with_options(max_retries=0)
        return await async_tour(options)


def main() -> None:
    with Client() as client:
        derived: Client = client.with_options(timeout=20.0)
        print("sync:", len(sync_tour(derived, os.environ.get("INVITES_ADMIN_TOKEN"))), "results")
    print("async:", len(asyncio.run(async_main())), "results")


if __name__ == "__main__":
    main()
