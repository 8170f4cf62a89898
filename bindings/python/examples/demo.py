"""Demo: create an invite, look it up, accept it, list. Run against a server with

INVITES_BASE_URL=http://127.0.0.1:8080 INVITES_API_KEY=ik_... python examples/demo.py
"""

from __future__ import annotations

import uuid

from invites_sdk import Client, InvitesError


def main() -> None:
    email = f"ada-{uuid.uuid4().hex[:8]}@example.com"
    with Client() as client:  # INVITES_BASE_URL / INVITES_API_KEY
        org = client.organizations.get()
        print(f"organization: {org.name} ({org.id}), roles {', '.join(org.roles)}")

        invite = client.invites.create(
            emails=[email], roles=["developer"], message="Welcome aboard!", ttl_seconds=86400
        )
        print(f"created  {invite.id} for {email}: status {invite.status}, send {invite.url}")
        assert invite.code is not None

        shown = client.invites.lookup(invite.code)
        print(
            f"lookup   {shown.organization_name!r} offers {shown.roles}, "
            f"restricted={shown.email_restricted}, expires {shown.expires_at:%Y-%m-%d %H:%M} UTC"
        )

        try:
            client.invites.accept(code=invite.code, email="mallory@evil.example")
        except InvitesError as e:
            print(f"stranger mallory@evil.example refused: {type(e).__name__} {e.status} {e.type}")
        else:
            raise SystemExit("a stranger was let in")

        member = client.invites.accept(code=invite.code, email=email, user_id="user_42")
        print(f"accepted {member.email} is member {member.id} with roles {member.roles}")

        try:
            client.invites.accept(code=invite.code, email=email)
        except InvitesError as e:
            print(f"again    refused: {type(e).__name__} {e.status} {e.type}")

        print(f"invite   now {client.invites.get(invite.id).status}")
        print("invites:")
        for i in client.invites.list(limit=10):
            print(f"  {i.id}  {i.status:<8}  {', '.join(i.emails) or '(public link)'}")
        print(f"members: {sum(1 for _ in client.members.list())}")


if __name__ == "__main__":
    main()
