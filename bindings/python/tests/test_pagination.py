"""Pagination across several pages: the Rust PageStream does the walking, Python iterates."""

from __future__ import annotations

from invites_sdk import AsyncClient, AsyncPager, Client, Invite, Page, SyncPager

from conftest import unique_email

TOTAL = 7  # with limit=2: pages of 2, 2, 2, 1


def make_invites(client: Client, n: int = TOTAL) -> list[str]:
    """Create n invites; return their ids newest first (the list order)."""
    ids = [client.invites.create(roles=["user"], name=f"p{i}").id for i in range(n)]
    return ids[::-1]


def walk_pages(client: Client, limit: int) -> list[list[str]]:
    pages: list[list[str]] = []
    token: str | None = None
    while True:
        page = client.invites.list(limit=limit, page_token=token).first_page()
        pages.append([i.id for i in page])
        if not page.has_next_page():
            return pages
        token = page.next_page_token


def test_iterator_walks_every_page(client: Client) -> None:
    ids = make_invites(client)
    pager = client.invites.list(limit=2)
    assert isinstance(pager, SyncPager)
    got = [i.id for i in pager]
    assert got == ids
    assert all(isinstance(i, Invite) for i in client.invites.list(limit=3))
    # exhausted iterators stay exhausted
    assert list(pager) == []
    # the same pages, one request at a time
    pages = walk_pages(client, 2)
    assert [len(p) for p in pages] == [2, 2, 2, 1]
    assert [i for p in pages for i in p] == ids


def test_first_page_alone(client: Client) -> None:
    ids = make_invites(client, 5)
    page = client.invites.list(limit=2).first_page()
    assert isinstance(page, Page)
    assert len(page) == 2
    assert [i.id for i in page.data] == ids[:2]
    assert page.next_page_token is not None
    assert "next_page_token=" in repr(page)
    last = client.invites.list(limit=10).first_page()
    assert len(last) == 5 and last.next_page_token is None


def test_iteration_and_first_page_are_independent(client: Client) -> None:
    ids = make_invites(client, 4)
    pager = client.invites.list(limit=3)
    assert next(pager).id == ids[0]
    assert [i.id for i in pager.first_page()] == ids[:3]
    assert [i.id for i in pager] == ids[1:]


def test_members_and_redemptions_pages(client: Client) -> None:
    invite = client.invites.create(roles=["user"])
    assert invite.code is not None
    emails = [unique_email() for _ in range(5)]
    members = [client.invites.accept(code=invite.code, email=e).id for e in emails]
    assert [m.id for m in client.members.list(limit=2)] == members[::-1]
    assert len([r for r in client.invites.redemptions(invite.id, limit=2)]) == 5
    page = client.members.list(limit=2).first_page()
    assert len(page) == 2 and page.has_next_page()


async def test_async_iterator_walks_every_page(client: Client, aclient: AsyncClient) -> None:
    ids = make_invites(client)
    pager = aclient.invites.list(limit=2)
    assert isinstance(pager, AsyncPager)
    got = [i.id async for i in pager]
    assert got == ids
    page = await aclient.invites.list(limit=2).first_page()
    assert [i.id for i in page] == ids[:2]
    second = await aclient.invites.list(limit=2, page_token=page.next_page_token).first_page()
    assert [i.id for i in second] == ids[2:4]
    got = [i.id async for i in aclient.invites.list(limit=3, page_token=page.next_page_token)]
    assert got == ids[2:]


async def test_async_members_and_redemptions_pages(client: Client, aclient: AsyncClient) -> None:
    invite = client.invites.create(roles=["user"])
    assert invite.code is not None
    for _ in range(5):
        client.invites.accept(code=invite.code, email=unique_email())
    assert len([m async for m in aclient.members.list(limit=2)]) == 5
    assert len([r async for r in aclient.invites.redemptions(invite.id, limit=2)]) == 5


def test_events_walk_every_page_newest_first_and_filter_by_type(client: Client) -> None:
    ids = make_invites(client, 5)
    created = [e.data["invite"]["id"] for e in client.events.list(type="invite.created", limit=2)]
    assert created == ids
    everything = list(client.events.list(limit=2))
    assert [e.type for e in everything] == ["invite.created"] * 5 + ["api_key.created"]
    assert everything[-1].actor.type == "admin" and everything[0].actor.type == "api_key"
    assert everything[0].id.startswith("evt_")
    page = client.events.list(type="invite.revoked").first_page()
    assert len(page) == 0 and page.next_page_token is None


async def test_async_events_pages(client: Client, aclient: AsyncClient) -> None:
    ids = make_invites(client, 3)
    pager = aclient.events.list(type="invite.created", limit=1)
    got = [e.data["invite"]["id"] async for e in pager]
    assert got == ids
