//! Printing results: aligned tables with human times, the API's JSON objects, or bare ids.

use std::io::Write;

use chrono::{DateTime, Utc};
use comfy_table::{Cell, Table, presets};
use invites_sdk::types;
use serde::Serialize;

use crate::cli::OutputFormat;

/// Something the CLI can print in every format.
pub trait Render: Serialize {
    /// The id printed by `--output id`.
    fn id(&self) -> &str;
    /// The column headers of a list table.
    fn headers() -> &'static [&'static str];
    /// One row of a list table, matching [`Render::headers`].
    fn row(&self, now: DateTime<Utc>) -> Vec<String>;
    /// The field/value rows of a one-object table.
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)>;
    /// Fields the spec marks nullable: the SDK's models drop them when null, the API sends
    /// them as `null`, and `--output json` prints what the API sent.
    const NULLABLE: &'static [&'static str] = &[];

    /// The object as the API sent it.
    fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let Some(obj) = v.as_object_mut() {
            for key in Self::NULLABLE {
                obj.entry(*key).or_insert(serde_json::Value::Null);
            }
        }
        v
    }
}

/// Text for one object in `format`.
pub fn one<T: Render>(format: OutputFormat, item: &T) -> String {
    match format {
        OutputFormat::Json => json(&item.to_json()),
        OutputFormat::Id => format!("{}\n", item.id()),
        OutputFormat::Table => {
            let now = Utc::now();
            let mut table = new_table();
            for (field, value) in item.details(now) {
                table.add_row(vec![Cell::new(field), Cell::new(value)]);
            }
            render(table)
        }
    }
}

/// Text for a list of objects in `format` (a JSON array for json).
pub fn many<T: Render>(format: OutputFormat, items: &[T]) -> String {
    match format {
        OutputFormat::Json => json(&items.iter().map(T::to_json).collect::<Vec<_>>()),
        OutputFormat::Id => items.iter().map(|i| format!("{}\n", i.id())).collect(),
        OutputFormat::Table => {
            let now = Utc::now();
            let mut table = new_table();
            table.set_header(T::headers().to_vec());
            for item in items {
                table.add_row(item.row(now));
            }
            render(table)
        }
    }
}

/// Pretty JSON with a trailing newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    // Serializing the SDK's own models cannot fail: they hold only strings, numbers and maps.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    s.push('\n');
    s
}

/// Write to stdout; a closed pipe (`invites list | head -1`) is not an error.
pub fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn new_table() -> Table {
    let mut table = Table::new();
    table.load_preset(presets::NOTHING);
    table
}

/// Columns separated by two spaces, no borders: kubectl / chainctl style. Padding is per column,
/// so it is set once every row is in; trailing blanks are dropped.
fn render(mut table: Table) -> String {
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    let mut out: String = table
        .to_string()
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// `2030-01-31 12:00 UTC (in 6d 23h)`.
pub fn when(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    format!("{} ({})", t.format("%Y-%m-%d %H:%M UTC"), relative(t, now))
}

/// `in 6d 23h`, `3m ago`, `just now`.
pub fn relative(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (t - now).num_seconds();
    let abs = secs.unsigned_abs();
    if abs < 60 {
        return "just now".into();
    }
    let (d, h, m) = (abs / 86_400, abs % 86_400 / 3_600, abs % 3_600 / 60);
    let span = match (d, h, m) {
        (0, 0, m) => format!("{m}m"),
        (0, h, 0) => format!("{h}h"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    };
    if secs > 0 {
        format!("in {span}")
    } else {
        format!("{span} ago")
    }
}

fn join<S: std::ops::Deref<Target = String>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn or_dash(s: Option<&str>) -> String {
    s.filter(|s| !s.is_empty()).unwrap_or("-").to_owned()
}

fn uses(invite: &types::Invite) -> String {
    match invite.max_uses {
        Some(max) => format!("{}/{max}", invite.use_count),
        None => format!("{}/unlimited", invite.use_count),
    }
}

fn emails(invite: &types::Invite) -> String {
    if invite.emails.is_empty() {
        "(public link)".into()
    } else {
        invite.emails.join(", ")
    }
}

impl Render for types::Invite {
    const NULLABLE: &'static [&'static str] = &[
        "name",
        "description",
        "message",
        "expires_at",
        "max_uses",
        "last_used_at",
    ];
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &[
            "ID", "STATUS", "EMAILS", "ROLES", "TEAMS", "USES", "EXPIRES", "CREATED",
        ]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.id.clone(),
            self.status.to_string(),
            emails(self),
            join(&self.roles),
            or_dash(Some(&join(&self.teams))),
            uses(self),
            self.expires_at
                .map_or_else(|| "never".into(), |t| relative(t, now)),
            relative(self.created_at, now),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        let mut rows = vec![
            ("ID", self.id.clone()),
            ("STATUS", self.status.to_string()),
            ("NAME", or_dash(self.name.as_deref())),
            ("DESCRIPTION", or_dash(self.description.as_deref())),
            ("MESSAGE", or_dash(self.message.as_deref())),
            ("EMAILS", emails(self)),
            ("ROLES", join(&self.roles)),
            ("TEAMS", or_dash(Some(&join(&self.teams)))),
            ("USES", uses(self)),
            ("ENABLED", self.enabled.to_string()),
            (
                "EXPIRES",
                self.expires_at
                    .map_or_else(|| "never".into(), |t| when(t, now)),
            ),
            ("CREATED", when(self.created_at, now)),
            ("UPDATED", when(self.updated_at, now)),
            (
                "LAST USED",
                self.last_used_at
                    .map_or_else(|| "-".into(), |t| when(t, now)),
            ),
        ];
        if !self.metadata.is_empty() {
            let pairs: Vec<String> = self
                .metadata
                .iter()
                .map(|(k, v)| format!("{k}={}", v.as_str()))
                .collect();
            rows.push(("METADATA", pairs.join(", ")));
        }
        if let Some(code) = &self.code {
            rows.push(("CODE", code.clone()));
        }
        if let Some(url) = &self.url {
            rows.push(("URL", url.clone()));
        }
        rows
    }
}

/// An invite just created by a batch: the table shows its link, which is shown only once.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Created(pub types::Invite);

impl Render for Created {
    const NULLABLE: &'static [&'static str] = types::Invite::NULLABLE;
    fn id(&self) -> &str {
        &self.0.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "EMAIL", "ROLES", "EXPIRES", "URL"]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.0.id.clone(),
            emails(&self.0),
            join(&self.0.roles),
            self.0
                .expires_at
                .map_or_else(|| "never".into(), |t| relative(t, now)),
            or_dash(self.0.url.as_deref()),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        self.0.details(now)
    }
}

impl Render for types::Member {
    const NULLABLE: &'static [&'static str] = &["user_id", "invite_id"];
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &[
            "ID", "EMAIL", "ROLES", "TEAMS", "USER ID", "INVITE", "JOINED",
        ]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.id.clone(),
            self.email.clone(),
            join(&self.roles),
            or_dash(Some(&join(&self.teams))),
            or_dash(self.user_id.as_deref()),
            or_dash(self.invite_id.as_deref()),
            relative(self.created_at, now),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ID", self.id.clone()),
            ("EMAIL", self.email.clone()),
            ("ROLES", join(&self.roles)),
            ("TEAMS", or_dash(Some(&join(&self.teams)))),
            ("USER ID", or_dash(self.user_id.as_deref())),
            ("INVITE", or_dash(self.invite_id.as_deref())),
            ("ORGANIZATION", self.organization_id.clone()),
            ("JOINED", when(self.created_at, now)),
        ]
    }
}

/// What an event is about: the ids of the objects in its data (`inv_… mem_…` for an accept).
fn subject(e: &types::Event) -> String {
    let ids: Vec<&str> = ["invite", "member", "api_key", "delivery"]
        .iter()
        .filter_map(|k| e.data.get(*k)?.get("id")?.as_str())
        .collect();
    if ids.is_empty() {
        "-".into()
    } else {
        ids.join(" ")
    }
}

/// Who made an event's change: `api_key key_…`, `admin`, `system email_worker`.
fn actor(e: &types::Event) -> String {
    match &e.actor.id {
        Some(id) => format!("{} {id}", e.actor.type_),
        None => e.actor.type_.to_string(),
    }
}

impl Render for types::Event {
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "TYPE", "ACTOR", "SUBJECT", "CREATED"]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.id.clone(),
            self.type_.to_string(),
            actor(self),
            subject(self),
            relative(self.created_at, now),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ID", self.id.clone()),
            ("TYPE", self.type_.to_string()),
            ("ACTOR", actor(self)),
            ("SUBJECT", subject(self)),
            ("CREATED", when(self.created_at, now)),
        ]
    }
}

impl Render for types::ApiKey {
    const NULLABLE: &'static [&'static str] = &["last_used_at", "revoked_at"];
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "NAME", "CREATED", "LAST USED", "REVOKED"]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name.clone(),
            relative(self.created_at, now),
            self.last_used_at
                .map_or_else(|| "never".into(), |t| relative(t, now)),
            self.revoked_at
                .map_or_else(|| "-".into(), |t| relative(t, now)),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ID", self.id.clone()),
            ("NAME", self.name.clone()),
            ("CREATED", when(self.created_at, now)),
            (
                "LAST USED",
                self.last_used_at
                    .map_or_else(|| "never".into(), |t| when(t, now)),
            ),
            (
                "REVOKED",
                self.revoked_at.map_or_else(|| "-".into(), |t| when(t, now)),
            ),
        ]
    }
}

impl Render for types::ApiKeyCreated {
    const NULLABLE: &'static [&'static str] = &["last_used_at", "revoked_at"];
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "NAME", "SECRET"]
    }
    fn row(&self, _now: DateTime<Utc>) -> Vec<String> {
        vec![self.id.clone(), self.name.clone(), self.secret.clone()]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ID", self.id.clone()),
            ("NAME", self.name.clone()),
            ("CREATED", when(self.created_at, now)),
            (
                "SECRET",
                format!("{} (shown only now: keep it safe)", self.secret),
            ),
        ]
    }
}

impl Render for types::Delivery {
    const NULLABLE: &'static [&'static str] = &["last_error", "sent_at"];
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "EMAIL", "STATUS", "ATTEMPTS", "SENT", "LAST ERROR"]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.id.clone(),
            self.email.clone(),
            self.status.to_string(),
            self.attempts.to_string(),
            self.sent_at
                .map_or_else(|| "-".into(), |t| relative(t, now)),
            or_dash(self.last_error.as_deref()),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ID", self.id.clone()),
            ("EMAIL", self.email.clone()),
            ("STATUS", self.status.to_string()),
            ("ATTEMPTS", self.attempts.to_string()),
            ("QUEUED", when(self.created_at, now)),
            (
                "SENT",
                self.sent_at.map_or_else(|| "-".into(), |t| when(t, now)),
            ),
            ("LAST ERROR", or_dash(self.last_error.as_deref())),
        ]
    }
}

impl Render for types::Redemption {
    const NULLABLE: &'static [&'static str] = &["user_id"];
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "EMAIL", "MEMBER", "USER ID", "ACCEPTED"]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.id.clone(),
            self.email.clone(),
            self.member_id.clone(),
            or_dash(self.user_id.as_deref()),
            relative(self.created_at, now),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ID", self.id.clone()),
            ("INVITE", self.invite_id.clone()),
            ("EMAIL", self.email.clone()),
            ("MEMBER", self.member_id.clone()),
            ("USER ID", or_dash(self.user_id.as_deref())),
            ("ACCEPTED", when(self.created_at, now)),
        ]
    }
}

impl Render for types::Organization {
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "NAME", "ROLES", "CREATED"]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name.clone(),
            join(&self.roles),
            relative(self.created_at, now),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ID", self.id.clone()),
            ("NAME", self.name.clone()),
            ("ROLES", join(&self.roles)),
            ("CREATED", when(self.created_at, now)),
        ]
    }
}

impl Render for types::OrganizationCreated {
    /// The organization's id; the API key is only in the table and json formats.
    fn id(&self) -> &str {
        &self.organization.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "NAME", "ROLES", "API KEY"]
    }
    fn row(&self, _now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.organization.id.clone(),
            self.organization.name.clone(),
            join(&self.organization.roles),
            self.api_key.clone(),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        let mut rows = self.organization.details(now);
        rows.push(("API KEY", self.api_key.clone()));
        rows
    }
}

impl Render for types::InviteLookup {
    const NULLABLE: &'static [&'static str] = &["message", "expires_at"];
    /// A lookup has no id of its own; the organization it grants entry to stands in.
    fn id(&self) -> &str {
        &self.organization_id
    }
    fn headers() -> &'static [&'static str] {
        &["ORGANIZATION", "STATUS", "ROLES", "TEAMS", "EXPIRES"]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.organization_name.clone(),
            self.status.to_string(),
            join(&self.roles),
            or_dash(Some(&join(&self.teams))),
            self.expires_at
                .map_or_else(|| "never".into(), |t| relative(t, now)),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ORGANIZATION", self.organization_name.clone()),
            ("ORGANIZATION ID", self.organization_id.clone()),
            ("STATUS", self.status.to_string()),
            ("ROLES", join(&self.roles)),
            ("TEAMS", or_dash(Some(&join(&self.teams)))),
            ("MESSAGE", or_dash(self.message.as_deref())),
            (
                "EXPIRES",
                self.expires_at
                    .map_or_else(|| "never".into(), |t| when(t, now)),
            ),
            ("EMAIL RESTRICTED", self.email_restricted.to_string()),
        ]
    }
}

/// The event types an endpoint receives: `all` when it asked for none.
fn event_types(types: &[types::EventType]) -> String {
    if types.is_empty() {
        "all".into()
    } else {
        types
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `enabled`, or `disabled` with the server's reason when it disabled the endpoint itself.
fn endpoint_state(enabled: bool, reason: Option<&str>) -> String {
    match (enabled, reason) {
        (true, _) => "enabled".into(),
        (false, Some(r)) => format!("disabled ({r})"),
        (false, None) => "disabled".into(),
    }
}

impl Render for types::WebhookEndpoint {
    const NULLABLE: &'static [&'static str] = &["description", "disabled_reason"];
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "URL", "EVENTS", "STATE", "CREATED"]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.id.clone(),
            self.url.clone(),
            event_types(&self.event_types),
            endpoint_state(self.enabled, self.disabled_reason.as_deref()),
            relative(self.created_at, now),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ID", self.id.clone()),
            ("URL", self.url.clone()),
            ("DESCRIPTION", or_dash(self.description.as_deref())),
            ("EVENTS", event_types(&self.event_types)),
            (
                "STATE",
                endpoint_state(self.enabled, self.disabled_reason.as_deref()),
            ),
            ("CREATED", when(self.created_at, now)),
            ("UPDATED", when(self.updated_at, now)),
        ]
    }
}

impl Render for types::WebhookEndpointCreated {
    const NULLABLE: &'static [&'static str] = &["description", "disabled_reason"];
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "URL", "SECRET"]
    }
    fn row(&self, _now: DateTime<Utc>) -> Vec<String> {
        vec![self.id.clone(), self.url.clone(), self.secret.clone()]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ID", self.id.clone()),
            ("URL", self.url.clone()),
            ("EVENTS", event_types(&self.event_types)),
            (
                "STATE",
                endpoint_state(self.enabled, self.disabled_reason.as_deref()),
            ),
            ("CREATED", when(self.created_at, now)),
            (
                "SECRET",
                format!(
                    "{} (shown only now: keep it safe; receivers verify deliveries with it)",
                    self.secret
                ),
            ),
        ]
    }
}

/// An attempt's outcome: the HTTP status it got, or the transport error.
fn attempt_result(d: &types::WebhookDelivery) -> String {
    match (d.status_code, d.error.as_deref()) {
        (Some(code), _) => code.to_string(),
        (None, Some(e)) => e.to_owned(),
        (None, None) => "-".into(),
    }
}

impl Render for types::WebhookDelivery {
    const NULLABLE: &'static [&'static str] = &["status_code", "error"];
    fn id(&self) -> &str {
        &self.id
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "EVENT", "TYPE", "ATTEMPT", "RESULT", "MS", "AT"]
    }
    fn row(&self, now: DateTime<Utc>) -> Vec<String> {
        vec![
            self.id.clone(),
            self.event_id.clone(),
            self.event_type.to_string(),
            self.attempt.to_string(),
            attempt_result(self),
            self.duration_ms.to_string(),
            relative(self.created_at, now),
        ]
    }
    fn details(&self, now: DateTime<Utc>) -> Vec<(&'static str, String)> {
        vec![
            ("ID", self.id.clone()),
            ("ENDPOINT", self.endpoint_id.clone()),
            ("EVENT", self.event_id.clone()),
            ("TYPE", self.event_type.to_string()),
            ("ATTEMPT", self.attempt.to_string()),
            ("RESULT", attempt_result(self)),
            ("DURATION", format!("{} ms", self.duration_ms)),
            ("AT", when(self.created_at, now)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn relative_times_read_like_a_person_would_say_them() {
        let now = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        let at = |s: i64| now + chrono::Duration::seconds(s);
        assert_eq!(relative(at(10), now), "just now");
        assert_eq!(relative(at(-300), now), "5m ago");
        assert_eq!(relative(at(90 * 60), now), "in 1h 30m");
        assert_eq!(relative(at(36 * 3600), now), "in 1d 12h");
        assert_eq!(relative(at(-7 * 86400), now), "7d ago");
        assert_eq!(
            when(at(7 * 86400), now),
            "2030-01-08 00:00 UTC (in 7d)".to_string()
        );
    }

    #[test]
    fn tables_are_aligned_columns_under_headers() {
        let member = types::Member {
            created_at: Utc::now(),
            email: "ada@example.com".into(),
            id: "mem_1".into(),
            invite_id: None,
            organization_id: "org_1".into(),
            roles: vec!["developer".parse().unwrap()],
            teams: vec![],
            user_id: None,
        };
        let text = many(OutputFormat::Table, &[member]);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("ID"), "{text}");
        let col = lines[0].find("EMAIL").unwrap();
        assert_eq!(lines[1].find("ada@example.com"), Some(col), "{text}");
    }
}
