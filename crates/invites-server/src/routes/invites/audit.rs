//! The events of invite changes (see [`crate::events`]): one call per change site, inside its
//! transaction, with the invite as the API shows it and never its code or link.

use serde_json::json;

use serde::Serialize;

use super::row::{InviteJson, InviteRow};
use crate::db::Tx;
use crate::events::{self, Actor, NewEvent};
use crate::routes::Caller;
use crate::routes::members::{MemberJson, MemberRow};

/// Record `kind` (`invite.created`, `invite.updated`, …) for `row` as it is after the change.
pub(super) async fn invite(
    tx: &mut Tx,
    caller: &Caller,
    kind: &'static str,
    row: &InviteRow,
    now: i64,
) -> Result<(), crate::db::Error> {
    events::insert(tx, invite_event(caller, kind, row, now)).await?;
    Ok(())
}

/// The event of `kind` for `row` as it is after the change (see [`invite`]).
pub(super) fn invite_event(
    caller: &Caller,
    kind: &'static str,
    row: &InviteRow,
    now: i64,
) -> NewEvent {
    let data = InviteData {
        invite: row.view(now, None),
    };
    NewEvent::of_views(&caller.org_id, kind, &Actor::of(caller), &data, now)
}

/// The data of an invite's event: the invite as it is after the change, without its code
/// or link.
#[derive(Serialize)]
struct InviteData<'a> {
    invite: InviteJson<'a>,
}

/// The data of `invite.accepted`: the invite as the claim left it and the new member.
#[derive(Serialize)]
struct AcceptedData<'a> {
    invite: InviteJson<'a>,
    member: MemberJson<'a>,
}

/// Record `invite.created` for each invite of a batch, in a few multi-row statements.
pub(super) async fn created_all(
    tx: &mut Tx,
    caller: &Caller,
    rows: &[InviteRow],
    now: i64,
) -> Result<(), crate::db::Error> {
    let data = rows
        .iter()
        .map(|r| json!({ "invite": r.to_json(now, None) }))
        .collect();
    events::record_all(
        tx,
        &caller.org_id,
        "invite.created",
        &Actor::of(caller),
        data,
        now,
    )
    .await?;
    Ok(())
}

/// The `invite.accepted` event: the invite as the claim leaves it (the roles and teams the
/// member gets; `use_count` as the accept read it, or as the latest claim from the row this
/// replica remembers left it, plus this use: the uses of concurrent accepts are left out, and
/// on PostgreSQL, where an unlimited invite's uses are counted in shards, those of other
/// replicas since the read) and the new member. Built before the claim: PostgreSQL writes it
/// in the claim's statement, SQLite after the claim, in the same write.
pub(super) fn accepted_event(
    caller: &Caller,
    row: &InviteRow,
    member: &MemberRow,
    now: i64,
) -> NewEvent {
    let mut claimed = row.clone();
    claimed.use_count += 1;
    claimed.last_used_at = Some(member.created_at);
    claimed.updated_at = member.created_at;
    claimed.roles = member.roles.clone();
    claimed.teams = member.teams.clone();
    let data = AcceptedData {
        invite: claimed.view(now, None),
        member: member.view(),
    };
    NewEvent::of_views(
        &caller.org_id,
        "invite.accepted",
        &Actor::of(caller),
        &data,
        now,
    )
}
