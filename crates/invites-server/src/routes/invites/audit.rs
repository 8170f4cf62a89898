//! The events of invite changes (see [`crate::events`]): one call per change site, inside its
//! transaction, with the invite as the API shows it and never its code or link.

use serde_json::json;

use serde::Serialize;

use super::row::{InviteJson, InviteRow};
use crate::db::Tx;
use crate::events::{self, Actor, NewEvent};
use crate::routes::Caller;
#[cfg(test)]
use crate::routes::members::MemberJson;
use crate::routes::members::MemberRow;

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

/// The data of `invite.accepted`: the invite as the claim left it and the new member (what
/// [`accepted_event`] writes as text, checked against this in the tests).
#[cfg(test)]
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
/// member gets) and the new member. Made before the claim, all but the invite's `use_count`,
/// which [`AcceptedEvent::counted`] writes in: on SQLite the count the claim left, read in the
/// claim's transaction (exact: every use committed before it counts, through any process); on
/// PostgreSQL the count the accept read, or the latest claim from the row this replica
/// remembers left, plus this use (an unlimited invite's uses are counted in shards the accept
/// does not read: the uses of concurrent accepts and of other replicas since the read are left
/// out).
pub(super) fn accepted_event(
    caller: &Caller,
    row: &InviteRow,
    member: &MemberRow,
    now: i64,
) -> AcceptedEvent {
    let mut claimed = row.clone();
    claimed.use_count += 1;
    claimed.last_used_at = Some(member.created_at);
    claimed.updated_at = member.created_at;
    claimed.roles = member.roles.clone();
    claimed.teams = member.teams.clone();
    let invite = serde_json::to_string(&claimed.view(now, None)).unwrap_or_else(|_| "null".into());
    let member = serde_json::to_string(&member.view()).unwrap_or_else(|_| "null".into());
    // What serde writes for `AcceptedData`, cut where the count goes (the invite view's last
    // key: its keys are in the order a JSON object writes them).
    let count = format!("\"use_count\":{}}}", claimed.use_count);
    let (data, after) = match invite.strip_suffix(&count) {
        Some(head) => (
            format!("{{\"invite\":{head}\"use_count\":"),
            Some(format!("}},\"member\":{member}}}")),
        ),
        None => (format!("{{\"invite\":{invite},\"member\":{member}}}"), None),
    };
    AcceptedEvent {
        made_with: claimed.use_count,
        limited: claimed.max_uses.is_some(),
        event: NewEvent::of_text(
            &caller.org_id,
            "invite.accepted",
            &Actor::of(caller),
            data,
            now,
        ),
        after,
    }
}

/// An `invite.accepted` event waiting for its invite's `use_count` (see [`accepted_event`]).
pub(super) struct AcceptedEvent {
    /// The event, its data cut before the count (or whole, with the count the row gave, should
    /// the view ever not end with it).
    event: NewEvent,
    /// The data after the count.
    after: Option<String>,
    /// The count the view was made with (the row's plus this use).
    made_with: i64,
    /// Whether the invite has a `max_uses`: its status then follows its count.
    limited: bool,
}

impl AcceptedEvent {
    /// Whether [`AcceptedEvent::counted`] with `use_count` tells the whole truth: the invite's
    /// status does not follow its count, or the count is the one the event was made with.
    /// (Otherwise make the event again from the row with the count before this use.)
    pub(super) fn fits(&self, use_count: i64) -> bool {
        !self.limited || use_count == self.made_with
    }

    /// The event, with `use_count` as the invite's count after this accept's claim.
    pub(super) fn counted(mut self, use_count: i64) -> NewEvent {
        if let Some(after) = self.after {
            use std::fmt::Write;
            let _ = write!(self.event.data, "{use_count}{after}");
        }
        self.event
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The event's text is what serde writes for [`AcceptedData`] with the count given, however
    /// the count and the metadata look (a `use_count` key of its own included).
    #[test]
    fn an_accepted_event_is_the_data_with_the_count_written_in() {
        let caller = Caller {
            org_id: "org_1".into(),
            key_hash: "h".into(),
            key_id: "key_1".into(),
        };
        let member = MemberRow {
            id: "mem_1".into(),
            organization_id: "org_1".into(),
            email: "a\"b@example.com".into(),
            user_id: None,
            roles: r#"["viewer"]"#.into(),
            teams: "[]".into(),
            invite_id: Some("inv_1".into()),
            created_at: 1_700_000_000_500,
        };
        for (read, metadata) in [
            (0, r#"{}"#),
            (9, r#"{"x":{"use_count":10},"member":1}"#),
            (99_999, r#"{"use_count":"100000}"}"#),
        ] {
            let row = InviteRow {
                id: "inv_1".into(),
                organization_id: "org_1".into(),
                code_hash: "c".into(),
                name: Some("n".into()),
                description: None,
                message: None,
                emails: r#"["*@example.com"]"#.into(),
                roles: r#"["viewer"]"#.into(),
                teams: "[]".into(),
                metadata: metadata.into(),
                expires_at: None,
                max_uses: None,
                use_count: read,
                enabled: 1,
                revoked_at: None,
                created_at: 1_700_000_000_000,
                updated_at: 1_700_000_000_000,
                last_used_at: None,
            };
            for count in [read + 1, read + 7, 1_234_567_890_123] {
                let event =
                    accepted_event(&caller, &row, &member, 1_700_000_000_600).counted(count);
                let mut claimed = row.clone();
                claimed.use_count = count;
                claimed.last_used_at = Some(member.created_at);
                claimed.updated_at = member.created_at;
                let want = AcceptedData {
                    invite: claimed.view(1_700_000_000_600, None),
                    member: member.view(),
                };
                assert_eq!(event.data, serde_json::to_string(&want).unwrap());
                let made = accepted_event(&caller, &row, &member, 1_700_000_000_600);
                assert!(made.fits(count), "unlimited: any count fits");
                let mut limited = row.clone();
                limited.max_uses = Some(read + 1);
                let made = accepted_event(&caller, &limited, &member, 1_700_000_000_600);
                assert_eq!(
                    made.fits(count),
                    count == read + 1,
                    "limited: only its own count"
                );
                let v: serde_json::Value = serde_json::from_str(&event.data).unwrap();
                assert_eq!(v["invite"]["use_count"], count);
                assert_eq!(
                    (event.kind, event.created_at),
                    ("invite.accepted", 1_700_000_000_600)
                );
            }
        }
    }
}
