//! Command-level tests of `invites` against a real `invites-server`.

mod common;

use std::net::TcpListener;

use chrono::{DateTime, Utc};
use common::{ADMIN_TOKEN, Server, bare_cmd, fails, field, header, json, stdout};
use predicates::prelude::*;
use serde_json::Value;

fn time(v: &Value) -> DateTime<Utc> {
    v.as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| panic!("not a time: {v}"))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

/// `error: <type>: <message> (param: p) [request req_…]` and nothing else on stderr.
fn assert_error_line(stderr: &str, error_type: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line expected: {stderr:?}");
    let prefix = format!("error: {error_type}: ");
    assert!(lines[0].starts_with(&prefix), "{stderr:?}");
    assert!(lines[0].len() > prefix.len(), "no message: {stderr:?}");
}

fn request_id(stderr: &str) -> &str {
    let start = stderr.find("[request req_").expect("a request id") + "[request ".len();
    let end = stderr[start..].find(']').expect("closing bracket") + start;
    &stderr[start..end]
}

#[test]
fn org_create_and_show_in_every_format() {
    let s = Server::start();
    let created = json(s.cmd().args([
        "org",
        "create",
        "--name",
        "Acme",
        "--role",
        "admin,developer,viewer",
        "--admin-token",
        ADMIN_TOKEN,
        "-o",
        "json",
    ]));
    let key = created["api_key"].as_str().unwrap();
    assert!(key.starts_with("ik_"), "{created}");
    assert_eq!(created["organization"]["name"], "Acme");
    assert_eq!(
        strings(&created["organization"]["roles"]),
        ["admin", "developer", "viewer"]
    );
    let org_id = created["organization"]["id"].as_str().unwrap();

    // The admin token may also come from INVITES_ADMIN_TOKEN; table output shows the key.
    let table = stdout(
        s.cmd()
            .env("INVITES_ADMIN_TOKEN", ADMIN_TOKEN)
            .args(["org", "create", "--name", "Other", "-o", "table"]),
    );
    assert_eq!(field(&table, "NAME"), "Other");
    assert!(field(&table, "API KEY").starts_with("ik_"), "{table}");

    let shown = json(s.with_key(key).args(["org", "show", "-o", "json"]));
    assert_eq!(shown["id"], org_id);
    assert_eq!(shown["name"], "Acme");
    let table = stdout(s.with_key(key).args(["org", "show", "-o", "table"]));
    assert_eq!(field(&table, "ID"), org_id);
    assert_eq!(field(&table, "ROLES"), "admin, developer, viewer");
    assert!(field(&table, "CREATED").ends_with("(just now)"), "{table}");
    assert_eq!(
        stdout(s.with_key(key).args(["org", "show", "-o", "id"])),
        format!("{org_id}\n")
    );

    // Without the admin token the server refuses: an API error, exit 1.
    let err = fails(
        s.with_key(key)
            .args(["org", "create", "--name", "Nope", "-o", "json"]),
        1,
    );
    assert_error_line(&err, "unauthorized");
}

#[test]
fn create_with_every_flag_and_output_format() {
    let s = Server::start();
    let key = s.new_org("Acme");
    let before = Utc::now();
    let inv = json(s.with_key(&key).args([
        "create",
        "--email",
        "ada@example.com,bob@example.com",
        "--email",
        "cy@example.com",
        "--role",
        "developer",
        "--team",
        "platform",
        "--team",
        "infra",
        "--ttl",
        "36h",
        "--name",
        "Q3 contractors",
        "--description",
        "for the migration",
        "--message",
        "Welcome aboard!",
        "--metadata",
        "source=cli",
    ]));
    // Piped stdout defaults to JSON: the API's invite object, with its one-time code and url.
    assert!(inv["id"].as_str().unwrap().starts_with("inv_"), "{inv}");
    assert_eq!(
        strings(&inv["emails"]),
        ["ada@example.com", "bob@example.com", "cy@example.com"]
    );
    assert_eq!(strings(&inv["roles"]), ["developer"]);
    assert_eq!(strings(&inv["teams"]), ["platform", "infra"]);
    assert_eq!(inv["name"], "Q3 contractors");
    assert_eq!(inv["description"], "for the migration");
    assert_eq!(inv["message"], "Welcome aboard!");
    assert_eq!(inv["metadata"]["source"], "cli");
    assert_eq!(inv["status"], "pending");
    assert_eq!(inv["use_count"], 0);
    let code = inv["code"].as_str().unwrap();
    assert!(code.starts_with("ic_"), "{inv}");
    assert!(inv["url"].as_str().unwrap().ends_with(code), "{inv}");
    let ttl = time(&inv["expires_at"]) - before;
    assert!(
        (ttl - chrono::Duration::hours(36)).num_seconds().abs() < 60,
        "{ttl:?}"
    );

    // --domain becomes a pattern; --public and --max-uses; --single-use; --expires-at.
    let dom = json(s.with_key(&key).args([
        "create",
        "--domain",
        "example.org",
        "--role",
        "viewer",
        "-o",
        "json",
    ]));
    assert_eq!(strings(&dom["emails"]), ["*@example.org"]);
    // Nullable fields are printed as the API sends them: present, null.
    assert!(dom.as_object().unwrap().contains_key("max_uses"), "{dom}");
    assert_eq!(dom["max_uses"], Value::Null);
    assert_eq!(dom["last_used_at"], Value::Null);
    let public = json(s.with_key(&key).args([
        "create",
        "--public",
        "--role",
        "user",
        "--max-uses",
        "5",
        "--ttl",
        "90m",
    ]));
    assert_eq!(strings(&public["emails"]), Vec::<&str>::new());
    assert_eq!(public["max_uses"], 5);
    let single = json(s.with_key(&key).args([
        "create",
        "--domain",
        "example.net",
        "--role",
        "viewer",
        "--single-use",
        "--expires-at",
        "2031-01-31T12:00:00Z",
    ]));
    assert_eq!(single["max_uses"], 1);
    assert_eq!(
        time(&single["expires_at"]),
        "2031-01-31T12:00:00Z".parse::<DateTime<Utc>>().unwrap()
    );
    let disabled = json(s.with_key(&key).args([
        "create",
        "--email",
        "dee@example.com",
        "--role",
        "viewer",
        "--disabled",
        "--ttl",
        "5d",
    ]));
    assert_eq!(disabled["status"], "disabled");
    assert_eq!(disabled["enabled"], false);

    // Table: field/value rows, human times, and the one-time code and link.
    let table = stdout(s.with_key(&key).args([
        "create",
        "--email",
        "eve@example.com",
        "--role",
        "developer",
        "--ttl",
        "5d",
        "-o",
        "table",
    ]));
    assert!(field(&table, "ID").starts_with("inv_"), "{table}");
    assert_eq!(field(&table, "STATUS"), "pending");
    assert_eq!(field(&table, "EMAILS"), "eve@example.com");
    assert_eq!(field(&table, "USES"), "0/1");
    assert!(field(&table, "EXPIRES").contains("(in 4d 23h)"), "{table}");
    assert!(field(&table, "CODE").starts_with("ic_"), "{table}");
    assert!(field(&table, "URL").contains("/invite#code=ic_"), "{table}");

    // Id: just the id.
    let id = stdout(s.with_key(&key).args([
        "create",
        "--email",
        "fay@example.com",
        "--role",
        "developer",
        "-o",
        "id",
    ]));
    assert!(id.starts_with("inv_") && id.ends_with('\n'), "{id:?}");
    assert_eq!(id.trim().lines().count(), 1);
    let got = json(s.with_key(&key).args(["get", id.trim()]));
    assert_eq!(strings(&got["emails"]), ["fay@example.com"]);
    // The code is shown once: a get never carries it. Every other field of the API's Invite is
    // there, nullable ones included.
    let mut keys: Vec<&str> = got
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "created_at",
            "description",
            "emails",
            "enabled",
            "expires_at",
            "id",
            "last_used_at",
            "max_uses",
            "message",
            "metadata",
            "name",
            "organization_id",
            "roles",
            "status",
            "teams",
            "updated_at",
            "use_count"
        ]
    );
}

#[test]
fn list_filters_limits_and_formats() {
    let s = Server::start();
    let key = s.new_org("Acme");
    let mut ids = Vec::new();
    for addr in ["a@example.com", "b@example.com", "c@example.com"] {
        ids.push(
            stdout(
                s.with_key(&key)
                    .args(["create", "--email", addr, "--role", "developer"])
                    .args(["-o", "id"]),
            )
            .trim()
            .to_owned(),
        );
    }
    stdout(s.with_key(&key).args(["revoke", &ids[0]]));

    let all = json(s.with_key(&key).args(["list", "-o", "json"]));
    let listed: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed.len(), 3, "{all}");
    for id in &ids {
        assert!(listed.contains(&id.as_str()), "{id} missing from {all}");
    }
    let pending = json(s.with_key(&key).args(["list", "--status", "pending"]));
    assert_eq!(pending.as_array().unwrap().len(), 2, "{pending}");
    assert!(
        pending
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["status"] == "pending")
    );
    let by_email = json(s.with_key(&key).args(["list", "--email", "c@example.com"]));
    assert_eq!(by_email.as_array().unwrap().len(), 1, "{by_email}");
    assert_eq!(by_email[0]["id"], ids[2].as_str());
    let limited = stdout(s.with_key(&key).args(["ls", "--limit", "2", "-o", "id"]));
    assert_eq!(limited.lines().count(), 2, "{limited}");
    assert!(limited.lines().all(|l| l.starts_with("inv_")), "{limited}");

    let table = stdout(s.with_key(&key).args(["list", "-o", "table"]));
    assert_eq!(
        header(&table),
        [
            "ID", "STATUS", "EMAILS", "ROLES", "TEAMS", "USES", "EXPIRES", "CREATED"
        ]
    );
    assert_eq!(table.lines().count(), 4, "{table}");
    let row = table
        .lines()
        .find(|l| l.starts_with(&ids[0]))
        .expect("revoked row");
    assert!(
        row.contains("revoked") && row.contains("a@example.com"),
        "{row}"
    );
    assert!(
        row.contains("in 6d 23h") && row.contains("just now"),
        "{row}"
    );
    // Columns line up under their headers.
    let status_col = table.lines().next().unwrap().find("STATUS").unwrap();
    assert!(
        table
            .lines()
            .skip(1)
            .all(|l| l[status_col..].starts_with("pending")
                || l[status_col..].starts_with("revoked")),
        "{table}"
    );
}

#[test]
fn get_update_rotate_and_lookup() {
    let s = Server::start();
    let key = s.new_org("Acme");
    let inv = json(s.with_key(&key).args([
        "create",
        "--domain",
        "example.com",
        "--role",
        "developer",
        "--message",
        "hi",
    ]));
    let id = inv["id"].as_str().unwrap();
    let old_code = inv["code"].as_str().unwrap();

    let table = stdout(s.with_key(&key).args(["get", id, "-o", "table"]));
    assert_eq!(field(&table, "ID"), id);
    assert_eq!(field(&table, "EMAILS"), "*@example.com");
    assert_eq!(field(&table, "USES"), "0/unlimited");
    assert_eq!(field(&table, "MESSAGE"), "hi");

    let updated = json(s.with_key(&key).args([
        "update",
        id,
        "--name",
        "renamed",
        "--role",
        "viewer,developer",
        "--team",
        "ops",
        "--max-uses",
        "3",
        "--disable",
        "--ttl",
        "2d",
    ]));
    assert_eq!(updated["name"], "renamed");
    assert_eq!(strings(&updated["roles"]), ["viewer", "developer"]);
    assert_eq!(strings(&updated["teams"]), ["ops"]);
    assert_eq!(updated["max_uses"], 3);
    assert_eq!(updated["enabled"], false);
    assert_eq!(updated["status"], "disabled");
    let left = time(&updated["expires_at"]) - Utc::now();
    assert!(
        (left - chrono::Duration::days(2)).num_seconds().abs() < 60,
        "{left:?}"
    );
    let enabled = json(
        s.with_key(&key)
            .args(["update", id, "--enable", "-o", "json"]),
    );
    assert_eq!(enabled["status"], "pending");
    assert_eq!(
        stdout(
            s.with_key(&key)
                .args(["update", id, "--message", "bye", "-o", "id"])
        ),
        format!("{id}\n")
    );
    let err = fails(s.with_key(&key).args(["update", id]), 2);
    assert!(err.contains("nothing to change"), "{err}");

    let rotated = json(s.with_key(&key).args(["rotate", id]));
    let new_code = rotated["code"].as_str().unwrap();
    assert_ne!(new_code, old_code);
    assert!(rotated["url"].as_str().unwrap().ends_with(new_code));

    let found = json(s.with_key(&key).args(["lookup", new_code, "-o", "json"]));
    assert_eq!(found["organization_name"], "Acme");
    assert_eq!(found["status"], "pending");
    assert_eq!(found["email_restricted"], true);
    assert_eq!(found["message"], "bye");
    assert!(
        found.get("emails").is_none(),
        "a lookup never shows addresses"
    );
    let table = stdout(s.with_key(&key).args(["lookup", new_code, "-o", "table"]));
    assert_eq!(field(&table, "ORGANIZATION"), "Acme");
    assert_eq!(field(&table, "ROLES"), "viewer, developer");
    assert_eq!(field(&table, "EMAIL RESTRICTED"), "true");
    // The old code stopped working.
    let err = fails(s.with_key(&key).args(["lookup", old_code]), 1);
    assert_error_line(&err, "not_found");
}

#[test]
fn accept_members_and_redemptions() {
    let s = Server::start();
    let key = s.new_org("Acme");
    let inv = json(s.with_key(&key).args([
        "create",
        "--domain",
        "example.com",
        "--role",
        "developer",
        "--team",
        "platform",
    ]));
    let (id, code) = (inv["id"].as_str().unwrap(), inv["code"].as_str().unwrap());

    let member = json(s.with_key(&key).args([
        "accept",
        code,
        "--email",
        "Ada@Example.com",
        "--user-id",
        "user_42",
    ]));
    assert_eq!(member["email"], "ada@example.com");
    assert_eq!(member["user_id"], "user_42");
    assert_eq!(member["invite_id"], id);
    assert_eq!(strings(&member["roles"]), ["developer"]);
    let member_id = member["id"].as_str().unwrap();
    let bob =
        stdout(
            s.with_key(&key)
                .args(["accept", code, "--email", "bob@example.com", "-o", "id"]),
        );
    assert!(bob.starts_with("mem_"), "{bob}");

    // Accepting again for a member: already_member, exit 1, one line with the request id.
    let err = fails(
        s.with_key(&key)
            .args(["accept", code, "--email", "ada@example.com"]),
        1,
    );
    assert_error_line(&err, "already_member");
    assert!(request_id(&err).starts_with("req_"));
    // An address outside the domain.
    let err = fails(
        s.with_key(&key)
            .args(["accept", code, "--email", "eve@example.com.evil.org"]),
        1,
    );
    assert_error_line(&err, "email_not_allowed");

    let members = json(s.with_key(&key).args(["members", "list"]));
    assert_eq!(members.as_array().unwrap().len(), 2, "{members}");
    let table = stdout(s.with_key(&key).args(["members", "ls", "-o", "table"]));
    assert_eq!(
        header(&table),
        [
            "ID", "EMAIL", "ROLES", "TEAMS", "USER ID", "INVITE", "JOINED"
        ]
    );
    assert!(
        table.lines().any(|l| l.starts_with(member_id)
            && l.contains("ada@example.com")
            && l.contains("platform")
            && l.contains("user_42")),
        "{table}"
    );
    let one = json(
        s.with_key(&key)
            .args(["members", "list", "--email", "bob@example.com"]),
    );
    assert_eq!(one.as_array().unwrap().len(), 1, "{one}");
    let got = json(s.with_key(&key).args(["members", "get", member_id]));
    assert_eq!(got["email"], "ada@example.com");
    let table = stdout(
        s.with_key(&key)
            .args(["members", "get", member_id, "-o", "table"]),
    );
    assert_eq!(field(&table, "USER ID"), "user_42");

    let reds = json(s.with_key(&key).args(["redemptions", id]));
    let emails: Vec<&str> = reds
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails.len(), 2, "{reds}");
    assert!(emails.contains(&"ada@example.com") && emails.contains(&"bob@example.com"));
    let table = stdout(s.with_key(&key).args(["redemptions", id, "-o", "table"]));
    assert_eq!(
        header(&table),
        ["ID", "EMAIL", "MEMBER", "USER ID", "ACCEPTED"]
    );
    assert_eq!(
        stdout(
            s.with_key(&key)
                .args(["redemptions", id, "--limit", "1", "-o", "id"])
        )
        .lines()
        .count(),
        1
    );
    let inv = json(s.with_key(&key).args(["get", id]));
    assert_eq!(inv["use_count"], 2);

    let removed = json(s.with_key(&key).args(["members", "remove", member_id]));
    assert_eq!(removed["id"], member_id);
    let left = json(s.with_key(&key).args(["members", "list"]));
    assert_eq!(left.as_array().unwrap().len(), 1, "{left}");
    let err = fails(s.with_key(&key).args(["members", "get", member_id]), 1);
    assert_error_line(&err, "not_found");
}

#[test]
fn revoke_by_id_and_by_email() {
    let s = Server::start();
    let key = s.new_org("Acme");
    let a = stdout(s.with_key(&key).args([
        "create",
        "--email",
        "a@example.com",
        "--role",
        "viewer",
        "-o",
        "id",
    ]));
    let b = json(
        s.with_key(&key)
            .args(["create", "--email", "b@example.com", "--role", "viewer"]),
    );
    let c = stdout(s.with_key(&key).args([
        "create",
        "--email",
        "c@example.com",
        "--role",
        "viewer",
        "-o",
        "id",
    ]));

    let revoked = json(s.with_key(&key).args(["revoke", a.trim()]));
    assert_eq!(revoked["status"], "revoked");
    assert_eq!(revoked["id"], a.trim());
    // Repeating it is harmless.
    let again = json(s.with_key(&key).args(["revoke", a.trim()]));
    assert_eq!(again["status"], "revoked");

    // --email finds the pending invite for that address, case-insensitively.
    let by_email = json(
        s.with_key(&key)
            .args(["revoke", "--email", "B@example.com"]),
    );
    assert_eq!(by_email["id"], b["id"]);
    assert_eq!(by_email["status"], "revoked");
    let err = fails(
        s.with_key(&key)
            .args(["revoke", "--email", "b@example.com"]),
        1,
    );
    assert_error_line(&err, "not_found");
    assert!(err.contains("no pending invite for b@example.com"), "{err}");
    // The old code of a revoked invite is refused.
    let err = fails(
        s.with_key(&key).args([
            "accept",
            b["code"].as_str().unwrap(),
            "--email",
            "b@example.com",
        ]),
        1,
    );
    assert_error_line(&err, "invite_revoked");

    // Several ids: a JSON array; -o id prints each.
    let c = c.trim();
    let d = stdout(s.with_key(&key).args([
        "create",
        "--email",
        "d@example.com",
        "--role",
        "viewer",
        "-o",
        "id",
    ]));
    let both = stdout(s.with_key(&key).args(["revoke", c, d.trim(), "-o", "id"]));
    assert_eq!(both, format!("{c}\n{}", d));
    let pending = json(s.with_key(&key).args(["list", "--status", "pending"]));
    assert_eq!(pending.as_array().unwrap().len(), 0, "{pending}");

    // Neither ids nor --email is a usage error.
    fails(s.with_key(&key).args(["revoke"]), 2);
    let err = fails(s.with_key(&key).args(["revoke", "inv_nope"]), 1);
    assert_error_line(&err, "not_found");
}

#[test]
fn bulk_create_from_a_file() {
    let s = Server::start();
    let key = s.new_org("Acme");
    // 150 addresses cross a batch boundary (100 per request); comments, commas, blank lines
    // and a duplicate are handled.
    let mut text = String::from("# new hires\n\n");
    for i in 0..150 {
        text.push_str(&format!("user{i}@example.com"));
        text.push_str(if i % 3 == 0 { ", " } else { "\n" });
    }
    text.push_str("\nUSER0@example.com  # again\n");
    let file = s.dir.path().join("emails.txt");
    std::fs::write(&file, text).unwrap();
    let created = json(s.with_key(&key).args([
        "create",
        "--emails-file",
        file.to_str().unwrap(),
        "--role",
        "developer",
        "--team",
        "platform",
        "--message",
        "welcome",
        "--ttl",
        "3d",
    ]));
    let created = created.as_array().unwrap();
    assert_eq!(created.len(), 150);
    for (i, inv) in created.iter().enumerate() {
        assert_eq!(
            strings(&inv["emails"]),
            [format!("user{i}@example.com").as_str()]
        );
        assert_eq!(inv["max_uses"], 1, "{inv}");
        assert_eq!(inv["message"], "welcome");
        assert!(
            inv["url"].as_str().unwrap().contains("/invite#code=ic_"),
            "{inv}"
        );
    }
    let listed = json(s.with_key(&key).args(["list"]));
    assert_eq!(listed.as_array().unwrap().len(), 150);

    // Table for a bulk create: one row per address with its link; stdin works as `-`.
    let table = stdout(
        s.with_key(&key)
            .args([
                "create",
                "--emails-file",
                "-",
                "--role",
                "viewer",
                "-o",
                "table",
            ])
            .write_stdin("x@example.org\ny@example.org\n"),
    );
    assert_eq!(header(&table), ["ID", "EMAIL", "ROLES", "EXPIRES", "URL"]);
    assert_eq!(table.lines().count(), 3, "{table}");
    assert!(
        table.lines().nth(1).unwrap().contains("x@example.org")
            && table.lines().nth(1).unwrap().contains("/invite#code=ic_"),
        "{table}"
    );

    // A bad address anywhere in the file: a usage error naming it, and nothing is created.
    let bad = s.dir.path().join("bad.txt");
    let mut text: String = (0..120).map(|i| format!("late{i}@example.net\n")).collect();
    text.push_str("no\n");
    std::fs::write(&bad, text).unwrap();
    let err = fails(
        s.with_key(&key).args([
            "create",
            "--emails-file",
            bad.to_str().unwrap(),
            "--role",
            "viewer",
        ]),
        2,
    );
    assert!(err.contains("(param: --emails-file)"), "{err}");
    let none = json(
        s.with_key(&key)
            .args(["list", "--email", "late0@example.net"]),
    );
    assert_eq!(none.as_array().unwrap().len(), 0, "{none}");

    let err = fails(
        s.with_key(&key).args([
            "create",
            "--emails-file",
            "/nonexistent/emails.txt",
            "--role",
            "viewer",
        ]),
        2,
    );
    assert!(err.contains("cannot read /nonexistent/emails.txt"), "{err}");
}

#[test]
fn bulk_failure_midway_prints_what_was_created() {
    let s = Server::start();
    let key = s.new_org("Acme");
    // An address of the second batch already has a pending invite: that batch is refused.
    stdout(
        s.with_key(&key)
            .args(["create", "--email", "p120@example.com", "--role", "viewer"]),
    );
    let file = s.dir.path().join("emails.txt");
    let text: String = (0..130).map(|i| format!("p{i}@example.com\n")).collect();
    std::fs::write(&file, text).unwrap();
    let out = s
        .with_key(&key)
        .args([
            "create",
            "--emails-file",
            file.to_str().unwrap(),
            "--role",
            "viewer",
            "-o",
            "id",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        printed.lines().count(),
        100,
        "the first batch's invites are printed"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with("note: 100 of 130 invites were created"),
        "{stderr}"
    );
    assert!(lines[1].starts_with("error: conflict: "), "{stderr}");
    let listed = json(s.with_key(&key).args(["list"]));
    assert_eq!(listed.as_array().unwrap().len(), 101);
}

#[test]
fn bad_flags_are_usage_errors() {
    let s = Server::start();
    let key = s.new_org("Acme");
    let usage = |args: &[&str]| fails(s.with_key(&key).args(args), 2);
    usage(&["create", "--email", "a@example.com"]); // no --role
    usage(&[
        "create",
        "--email",
        "a@example.com",
        "--role",
        "dev",
        "--ttl",
        "soon",
    ]);
    usage(&[
        "create",
        "--email",
        "a@example.com",
        "--role",
        "dev",
        "--single-use",
        "--max-uses",
        "3",
    ]);
    usage(&[
        "create",
        "--public",
        "--email",
        "a@example.com",
        "--role",
        "dev",
    ]);
    usage(&[
        "create",
        "--email",
        "a@example.com",
        "--role",
        "dev",
        "--ttl",
        "1d",
        "--expires-at",
        "2031-01-01T00:00:00Z",
    ]);
    usage(&[
        "create",
        "--email",
        "a@example.com",
        "--role",
        "dev",
        "--expires-at",
        "tomorrow",
    ]);
    usage(&[
        "create",
        "--email",
        "a@example.com",
        "--role",
        "dev",
        "--max-uses",
        "0",
    ]);
    usage(&["list", "--status", "lost"]);
    usage(&["list", "-o", "xml"]);
    usage(&["frobnicate"]);
    usage(&["get"]);
    usage(&["completion", "tcsh"]);
    // Checked by the CLI itself: one line naming the flag.
    let err = usage(&["create", "--email", "a@example.com", "--role", "Not A Role"]);
    assert_error_line(&err, "invalid_argument");
    assert!(
        err.contains("roles[0]") && err.contains("(param: --role)"),
        "{err}"
    );
    let err = usage(&["create", "--role", "developer"]);
    assert_error_line(&err, "invalid_argument");
    assert!(err.contains("--public"), "{err}");
    let err = usage(&["create", "--domain", "not a domain", "--role", "developer"]);
    assert!(err.contains("(param: --domain)"), "{err}");
    // Nothing was created by any of them.
    let listed = json(s.with_key(&key).args(["list"]));
    assert_eq!(listed.as_array().unwrap().len(), 0, "{listed}");
    // --help is not an error.
    bare_cmd()
        .args(["create", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--emails-file").and(predicate::str::contains("--ttl")));
}

#[test]
fn api_errors_are_one_line_with_type_param_and_request_id() {
    let s = Server::start();
    let key = s.new_org("Acme");
    let err = fails(s.with_key(&key).args(["get", "inv_doesnotexist"]), 1);
    assert_error_line(&err, "not_found");
    assert!(request_id(&err).starts_with("req_"), "{err}");

    let err = fails(
        s.with_key(&key)
            .args(["create", "--email", "a@example.com", "--role", "owner"]),
        1,
    );
    assert_error_line(&err, "invalid_request");
    assert!(err.contains("(param: roles"), "{err}");
    assert!(err.trim_end().ends_with(']'), "{err}");

    // A second pending invite for the same address: conflict.
    stdout(
        s.with_key(&key)
            .args(["create", "--email", "a@example.com", "--role", "viewer"]),
    );
    let err = fails(
        s.with_key(&key)
            .args(["create", "--email", "a@example.com", "--role", "viewer"]),
        1,
    );
    assert_error_line(&err, "conflict");

    let err = fails(s.with_key("ik_wrong").args(["list"]), 1);
    assert_error_line(&err, "unauthorized");
    // Another organization's invite is a 404.
    let other = s.new_org("Other");
    let theirs = stdout(s.with_key(&other).args([
        "create",
        "--email",
        "z@example.com",
        "--role",
        "viewer",
        "-o",
        "id",
    ]));
    let err = fails(s.with_key(&key).args(["get", theirs.trim()]), 1);
    assert_error_line(&err, "not_found");
}

#[test]
fn a_server_that_is_down_exits_3() {
    // A port that was free a moment ago: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    for retries in ["0", "1"] {
        let err = fails(
            bare_cmd()
                .env("INVITES_BASE_URL", &url)
                .env("INVITES_API_KEY", "ik_x")
                .args(["list", "--max-retries", retries]),
            3,
        );
        assert_error_line(&err, "connection_error");
    }
    let err = fails(
        bare_cmd().args(["--base-url", &url, "--api-key", "ik_x", "org", "show"]),
        3,
    );
    assert_error_line(&err, "connection_error");
}

#[test]
fn configuration_precedence_flags_env_file() {
    let s = Server::start();
    let key = s.new_org("Acme");
    let xdg = s.dir.path().join("xdg");
    std::fs::create_dir_all(xdg.join("invites")).unwrap();
    let cfg = xdg.join("invites/config.toml");

    // Nothing configured: a usage error that says where configuration comes from.
    let err = fails(bare_cmd().env("XDG_CONFIG_HOME", &xdg).args(["list"]), 2);
    assert_error_line(&err, "config");
    assert!(
        err.contains("INVITES_BASE_URL") && err.contains("config.toml"),
        "{err}"
    );

    // The config file alone.
    std::fs::write(
        &cfg,
        format!("base_url = \"{}\"\napi_key = \"{key}\"\n", s.url),
    )
    .unwrap();
    let org = json(
        bare_cmd()
            .env("XDG_CONFIG_HOME", &xdg)
            .args(["org", "show"]),
    );
    assert_eq!(org["name"], "Acme");
    // The environment beats the file.
    let err = fails(
        bare_cmd()
            .env("XDG_CONFIG_HOME", &xdg)
            .env("INVITES_API_KEY", "ik_wrong")
            .args(["org", "show"]),
        1,
    );
    assert_error_line(&err, "unauthorized");
    // A flag beats the environment.
    let org = json(
        bare_cmd()
            .env("XDG_CONFIG_HOME", &xdg)
            .env("INVITES_API_KEY", "ik_wrong")
            .args(["org", "show", "--api-key", &key]),
    );
    assert_eq!(org["name"], "Acme");
    // HOME/.config is the fallback when XDG_CONFIG_HOME is unset.
    let home = s.dir.path().join("home");
    std::fs::create_dir_all(home.join(".config/invites")).unwrap();
    std::fs::copy(&cfg, home.join(".config/invites/config.toml")).unwrap();
    let org = json(bare_cmd().env("HOME", &home).args(["org", "show"]));
    assert_eq!(org["name"], "Acme");
    // --config names another file; a broken file is a config error naming it.
    let broken = s.dir.path().join("broken.toml");
    std::fs::write(&broken, "apikey = 1\n").unwrap();
    let err = fails(
        bare_cmd().args(["org", "show", "--config", broken.to_str().unwrap()]),
        2,
    );
    assert_error_line(&err, "config");
    assert!(err.contains("broken.toml"), "{err}");
}

#[test]
fn output_defaults_to_json_when_piped() {
    let s = Server::start();
    let key = s.new_org("Acme");
    let out = stdout(s.with_key(&key).args(["org", "show"]));
    let v: Value = serde_json::from_str(&out).expect("json by default off a terminal");
    assert_eq!(v["name"], "Acme");
    let empty = stdout(s.with_key(&key).args(["list"]));
    assert_eq!(
        serde_json::from_str::<Value>(&empty).unwrap(),
        Value::Array(vec![])
    );
}

#[test]
fn completion_scripts_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete"),
        ("zsh", "#compdef invites"),
        ("fish", "complete -c invites"),
    ] {
        let out = stdout(bare_cmd().args(["completion", shell]));
        assert!(out.contains(marker), "{shell}: {out}");
        assert!(
            out.contains("emails-file"),
            "{shell} completion lacks the flags"
        );
    }
}

#[test]
fn keys_create_list_and_revoke() {
    let s = Server::start();
    let key = s.new_org("Keys");
    let created = json(
        s.with_key(&key)
            .args(["keys", "create", "--name", "ci", "-o", "json"]),
    );
    let secret = created["secret"].as_str().expect("secret").to_owned();
    assert!(secret.starts_with("ik_"), "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    // The table says the secret is shown only now.
    let table = stdout(
        s.with_key(&key)
            .args(["keys", "create", "--name", "t", "-o", "table"]),
    );
    assert!(
        field(&table, "SECRET").contains("shown only now"),
        "{table}"
    );

    // The new key works; the list has three keys and no secret.
    json(s.with_key(&secret).args(["org", "show", "-o", "json"]));
    let list = json(s.with_key(&key).args(["keys", "list", "-o", "json"]));
    assert_eq!(list.as_array().unwrap().len(), 3, "{list}");
    assert!(!list.to_string().contains("ik_"), "{list}");
    assert_eq!(
        header(&stdout(
            s.with_key(&key).args(["keys", "ls", "-o", "table"])
        )),
        ["ID", "NAME", "CREATED", "LAST USED", "REVOKED"]
    );

    // Revoked: refused at once, and listed with its revocation time.
    let revoked = json(s.with_key(&key).args(["keys", "revoke", &id, "-o", "json"]));
    assert!(revoked[0]["revoked_at"].is_string(), "{revoked}");
    let err = fails(s.with_key(&secret).args(["org", "show"]), 1);
    assert_error_line(&err, "unauthorized");
    let ids = stdout(s.with_key(&key).args(["keys", "list", "-o", "id"]));
    assert!(ids.lines().any(|l| l == id), "{ids}");
}

#[test]
fn create_sends_email_resend_and_deliveries() {
    let mail = tempfile::tempdir().unwrap();
    let s = Server::start_with(&["--email-dir", mail.path().to_str().unwrap()]);
    let key = s.new_org("Mail");
    // A table says who is being emailed, as Anyscale's CLI does.
    let out = stdout(s.with_key(&key).args([
        "create",
        "--email",
        "ada@example.com,bob@example.com",
        "--role",
        "developer",
        "--inviter",
        "Grace",
        "--ttl",
        "1d",
        "-o",
        "table",
    ]));
    assert!(
        out.contains("Invitations sent to: ada@example.com, bob@example.com"),
        "{out}"
    );
    let id = field(&out, "ID");
    // --no-email queues nothing and says nothing.
    let quiet = stdout(s.with_key(&key).args([
        "create",
        "--email",
        "carol@example.com",
        "--role",
        "developer",
        "--no-email",
        "-o",
        "table",
    ]));
    assert!(!quiet.contains("sent to"), "{quiet}");
    let quiet_id = field(&quiet, "ID");
    let none = json(
        s.with_key(&key)
            .args(["deliveries", &quiet_id, "-o", "json"]),
    );
    assert_eq!(none.as_array().unwrap().len(), 0, "{none}");
    // JSON output stays the API's object alone.
    let v = json(s.with_key(&key).args([
        "create",
        "--email",
        "dan@example.com",
        "--role",
        "developer",
        "-o",
        "json",
    ]));
    assert!(v["id"].is_string(), "{v}");

    let before = json(s.with_key(&key).args(["deliveries", &id, "-o", "json"]));
    assert_eq!(before.as_array().unwrap().len(), 2, "{before}");
    let old = json(s.with_key(&key).args(["get", &id, "-o", "json"]));
    let resent = json(
        s.with_key(&key)
            .args(["resend", &id, "--ttl", "7d", "-o", "json"]),
    );
    let code = resent["code"].as_str().expect("a new code").to_owned();
    assert_ne!(resent["expires_at"], old["expires_at"], "a new expiry");
    json(s.with_key(&key).args(["lookup", &code, "-o", "json"]));
    let after = json(s.with_key(&key).args(["deliveries", &id, "-o", "json"]));
    assert_eq!(
        after.as_array().unwrap().len(),
        4,
        "one more per address: {after}"
    );
    assert_eq!(
        header(&stdout(s.with_key(&key).args([
            "deliveries",
            &id,
            "-o",
            "table"
        ]))),
        ["ID", "EMAIL", "STATUS", "ATTEMPTS", "SENT", "LAST ERROR"]
    );
    // The emails are on disk.
    let files = std::fs::read_dir(mail.path()).unwrap().count();
    assert!(files >= 1, "no .eml written yet");
    // A revoked invite cannot be resent.
    json(s.with_key(&key).args(["revoke", &id, "-o", "json"]));
    let err = fails(s.with_key(&key).args(["resend", &id]), 1);
    assert_error_line(&err, "conflict");
}

#[test]
fn events_list_filters_limits_and_formats() {
    let s = Server::start();
    let key = s.new_org("Audit");
    let created = json(s.with_key(&key).args([
        "create",
        "--email",
        "ada@example.com",
        "--role",
        "developer",
        "-o",
        "json",
    ]));
    let invite_id = created["id"].as_str().unwrap().to_owned();
    json(s.with_key(&key).args(["revoke", &invite_id, "-o", "json"]));
    let made = json(
        s.with_key(&key)
            .args(["keys", "create", "--name", "ci", "-o", "json"]),
    );
    let key_id = made["id"].as_str().unwrap().to_owned();

    // Newest first: the key, the revocation, the creation, the organization's first key.
    let all = json(s.with_key(&key).args(["events", "list", "-o", "json"]));
    let types: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "api_key.created",
            "invite.revoked",
            "invite.created",
            "api_key.created"
        ],
        "{all}"
    );
    assert_eq!(
        all[0]["data"]["api_key"]["id"],
        Value::from(key_id.as_str())
    );
    assert_eq!(all[3]["actor"]["type"], "admin");
    assert!(
        !all.to_string().contains("ic_") && !all.to_string().contains("ik_"),
        "{all}"
    );

    // --type filters, --limit caps, the table has its columns and names the subject.
    let revoked =
        json(
            s.with_key(&key)
                .args(["events", "list", "--type", "invite.revoked", "-o", "json"]),
        );
    assert_eq!(revoked.as_array().unwrap().len(), 1, "{revoked}");
    assert_eq!(
        revoked[0]["data"]["invite"]["id"],
        Value::from(invite_id.as_str())
    );
    let ids = stdout(
        s.with_key(&key)
            .args(["events", "ls", "--limit", "2", "-o", "id"]),
    );
    assert_eq!(ids.lines().count(), 2, "{ids}");
    assert!(ids.lines().all(|l| l.starts_with("evt_")), "{ids}");
    let table = stdout(s.with_key(&key).args([
        "events",
        "list",
        "--type",
        "invite.created",
        "-o",
        "table",
    ]));
    assert_eq!(
        header(&table),
        ["ID", "TYPE", "ACTOR", "SUBJECT", "CREATED"]
    );
    assert!(
        table.contains(&invite_id) && table.contains("invite.created"),
        "{table}"
    );
    assert!(table.contains("api_key key_"), "{table}");

    // An unknown type or a zero limit is a usage error naming the flag.
    let err = fails(
        s.with_key(&key)
            .args(["events", "list", "--type", "invite.deleted"]),
        2,
    );
    assert!(err.contains("--type"), "{err}");
    let err = fails(s.with_key(&key).args(["events", "list", "--limit", "0"]), 2);
    assert!(err.contains("--limit"), "{err}");
}

/// A receiver that answers every request with 200 and counts them.
fn receiver() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{Read, Write};
    use std::sync::atomic::Ordering;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let seen = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = seen.clone();
    std::thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            let mut buf = [0u8; 65536];
            let _ = conn.set_read_timeout(Some(std::time::Duration::from_secs(5)));
            let _ = conn.read(&mut buf);
            count.fetch_add(1, Ordering::SeqCst);
            let _ = conn
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
        }
    });
    (url, seen)
}

#[test]
fn webhooks_create_list_get_update_rotate_deliveries_delete() {
    let s = Server::start_with(&[
        "--webhook-allow-insecure",
        "--webhook-retry-schedule",
        "1s,1s",
    ]);
    let key = s.new_org("Hooks");
    let (url, seen) = receiver();

    // create: the secret is printed once (json and the table's SECRET row).
    let created = json(s.with_key(&key).args([
        "webhooks",
        "create",
        "--url",
        &url,
        "--event-type",
        "invite.created,invite.revoked",
        "--description",
        "ci",
        "-o",
        "json",
    ]));
    let id = created["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("we_"), "{created}");
    let secret = created["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"), "{created}");
    assert_eq!(
        strings(&created["event_types"]),
        ["invite.created", "invite.revoked"]
    );
    let table = stdout(
        s.with_key(&key)
            .args(["webhooks", "create", "--url", &url, "-o", "table"]),
    );
    assert!(field(&table, "SECRET").starts_with("whsec_"), "{table}");
    assert!(
        field(&table, "SECRET").contains("shown only now"),
        "{table}"
    );
    assert_eq!(field(&table, "EVENTS"), "all", "{table}");
    let second = field(&table, "ID");

    // list and get never show a secret.
    let listed = stdout(s.with_key(&key).args(["webhooks", "list", "-o", "table"]));
    assert_eq!(header(&listed), ["ID", "URL", "EVENTS", "STATE", "CREATED"]);
    assert!(listed.contains(&id) && listed.contains(&second), "{listed}");
    assert!(!listed.contains("whsec_"), "{listed}");
    let ids = stdout(s.with_key(&key).args(["webhooks", "ls", "-o", "id"]));
    assert_eq!(ids.lines().count(), 2, "{ids}");
    let got = json(
        s.with_key(&key)
            .args(["webhooks", "get", &id, "-o", "json"]),
    );
    assert_eq!(got["url"], Value::from(url.as_str()));
    assert!(got.get("secret").is_none_or(Value::is_null), "{got}");

    // update: disable, then enable with one event type and a new description.
    let off = json(
        s.with_key(&key)
            .args(["webhooks", "update", &id, "--disable", "-o", "json"]),
    );
    assert_eq!(off["enabled"], false);
    let on = json(s.with_key(&key).args([
        "webhooks",
        "update",
        &id,
        "--enable",
        "--event-type",
        "invite.created",
        "--description",
        "only creations",
        "-o",
        "json",
    ]));
    assert_eq!(on["enabled"], true);
    assert_eq!(strings(&on["event_types"]), ["invite.created"]);
    assert_eq!(on["description"], "only creations");
    let err = fails(s.with_key(&key).args(["webhooks", "update", &id]), 2);
    assert!(err.contains("nothing to change"), "{err}");

    // rotate-secret prints a new secret once.
    let rotated = json(
        s.with_key(&key)
            .args(["webhooks", "rotate-secret", &id, "-o", "json"]),
    );
    let new_secret = rotated["secret"].as_str().unwrap();
    assert!(
        new_secret.starts_with("whsec_") && new_secret != secret,
        "{rotated}"
    );

    // An event reaches the receiver; deliveries list the attempt.
    json(s.with_key(&key).args([
        "create",
        "--email",
        "ada@example.com",
        "--role",
        "developer",
        "-o",
        "json",
    ]));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let attempts = loop {
        let rows = json(
            s.with_key(&key)
                .args(["webhooks", "deliveries", &id, "-o", "json"]),
        );
        if !rows.as_array().unwrap().is_empty() {
            break rows;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no delivery within 30 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert_eq!(attempts[0]["event_type"], "invite.created", "{attempts}");
    assert_eq!(attempts[0]["status_code"], 200, "{attempts}");
    assert!(seen.load(std::sync::atomic::Ordering::SeqCst) >= 1);
    let table = stdout(
        s.with_key(&key)
            .args(["webhooks", "deliveries", &id, "-o", "table"]),
    );
    assert_eq!(
        header(&table),
        ["ID", "EVENT", "TYPE", "ATTEMPT", "RESULT", "MS", "AT"]
    );
    assert!(
        table.contains("invite.created") && table.contains("200"),
        "{table}"
    );

    // delete several at once; a deleted endpoint is gone.
    let deleted = json(
        s.with_key(&key)
            .args(["webhooks", "delete", &id, &second, "-o", "json"]),
    );
    assert_eq!(deleted.as_array().unwrap().len(), 2, "{deleted}");
    let err = fails(s.with_key(&key).args(["webhooks", "get", &id]), 1);
    assert_error_line(&err, "not_found");

    // Usage errors name the flag.
    let err = fails(
        s.with_key(&key).args([
            "webhooks",
            "create",
            "--url",
            &url,
            "--event-type",
            "invite.deleted",
        ]),
        2,
    );
    assert!(err.contains("--event-type"), "{err}");
    let err = fails(s.with_key(&key).args(["webhooks", "create"]), 2);
    assert!(err.contains("--url"), "{err}");
}

#[test]
fn the_cli_event_types_are_the_spec_s() {
    // `--type` takes exactly the generated EventType values (no hand-kept list).
    let s = Server::start();
    let key = s.new_org("Types");
    for t in invites_sdk::types::EventType::VALUES {
        json(
            s.with_key(&key)
                .args(["events", "list", "--type", t, "--limit", "1", "-o", "json"]),
        );
    }
    let spec = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../spec/invites.yaml"
    ))
    .unwrap();
    let block = &spec[spec.find("    EventType:").unwrap()..];
    let block = &block[..block.find("    EventActorType:").unwrap()];
    let listed: Vec<&str> = block
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .collect();
    assert_eq!(listed, invites_sdk::types::EventType::VALUES);
}
