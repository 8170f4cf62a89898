//! Which addresses each kind of invite accepts and refuses, over the API.

mod common;

use common::*;
use serde_json::json;

/// What one accept must answer.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    Accept,
    Refuse,
    AlreadyMember,
}
use Want::*;

/// Entries given, entries shown back, and accept attempts in order.
type Row<'a> = (Vec<&'a str>, Vec<&'a str>, Vec<(&'a str, Want)>);

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_matching_table() {
    let server = TestServer::start();
    let table: Vec<Row> = vec![
        (
            vec!["ada@example.com"],
            vec!["ada@example.com"],
            vec![
                ("ada+tag@example.com", Refuse),
                ("ada@sub.example.com", Refuse),
                ("ada@example.com.evil.org", Refuse),
                ("bob@example.com", Refuse),
                ("ada@example.co", Refuse),
                ("ADA@Example.COM", Accept),
                ("ada@example.com", AlreadyMember),
            ],
        ),
        (
            vec!["Ada+Invites@Example.com"],
            vec!["ada+invites@example.com"],
            vec![
                ("ada@example.com", Refuse),
                ("ada+other@example.com", Refuse),
                ("ADA+INVITES@example.com", Accept),
            ],
        ),
        (
            vec!["\"ada lovelace\"@example.com"],
            vec!["\"ada lovelace\"@example.com"],
            vec![
                ("adalovelace@example.com", Refuse),
                ("\"Ada Lovelace\"@EXAMPLE.com", Accept),
            ],
        ),
        (
            vec!["*@Example.com"],
            vec!["*@example.com"],
            vec![
                ("ada@example.com", Accept),
                ("Bob+tag@EXAMPLE.COM", Accept),
                ("\"carol x\"@example.com", Accept),
                ("dan@sub.example.com", Refuse),
                ("eve@example.com.evil.org", Refuse),
                ("mallory@evilexample.com", Refuse),
                ("trent@example.co", Refuse),
                ("ADA@example.com", AlreadyMember),
            ],
        ),
        (
            vec!["*@bücher.example"],
            vec!["*@xn--bcher-kva.example"],
            vec![
                ("ada@bücher.example", Accept),
                ("bob@xn--bcher-kva.example", Accept),
                ("carol@BÜCHER.example", Accept),
                ("dan@bucher.example", Refuse),
                ("eve@sub.bücher.example", Refuse),
            ],
        ),
        (
            vec!["ada@bücher.example"],
            vec!["ada@xn--bcher-kva.example"],
            vec![
                ("ada@bucher.example", Refuse),
                ("Ada@XN--BCHER-KVA.example", Accept),
            ],
        ),
        (
            vec!["ada@example.com", "*@example.org"],
            vec!["ada@example.com", "*@example.org"],
            vec![
                ("bob@example.com", Refuse),
                ("bob@example.org", Accept),
                ("ada@example.com", Accept),
                ("ada@sub.example.org", Refuse),
            ],
        ),
        (
            vec![],
            vec![],
            vec![
                ("anyone@anywhere.org", Accept),
                ("x@sub.example.com", Accept),
                ("Anyone@Anywhere.org", AlreadyMember),
            ],
        ),
    ];
    for (i, (entries, shown, attempts)) in table.into_iter().enumerate() {
        // A fresh organization per row: membership is per organization.
        let org = server.org(&format!("row {i}")).await;
        let c = &org.client;
        let inv = invite(
            c,
            json!({"emails": entries, "roles": ["user"], "max_uses": 100}),
        )
        .await;
        assert_eq!(inv.emails, shown, "row {i}: stored form");
        let code = inv.code.unwrap();
        let mut accepted = 0;
        for (address, want) in attempts {
            let r = c.invites().accept(&accept_body(&code, address)).await;
            match want {
                Accept => {
                    let m =
                        r.unwrap_or_else(|e| panic!("row {i}: {address} should be accepted: {e}"));
                    assert_eq!(
                        m.email,
                        m.email.to_lowercase(),
                        "row {i}: member email lower-cased"
                    );
                    accepted += 1;
                }
                Refuse => {
                    let e = api_err(r);
                    assert_eq!(e.error_type, "email_not_allowed", "row {i}: {address}: {e}");
                    assert_eq!(e.status, 403);
                }
                AlreadyMember => {
                    let e = api_err(r);
                    assert_eq!(e.error_type, "already_member", "row {i}: {address}: {e}");
                }
            }
        }
        assert_eq!(
            c.invites().get(&inv.id).await.unwrap().use_count,
            accepted,
            "row {i}: only accepts count"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_addresses_are_invalid_requests() {
    let server = TestServer::start();
    let c = server.org("Acme").await.client;
    for bad in [
        "ada",
        "ada@localhost",
        "@example.com",
        "ada@@example.com",
        "*.example.com",
        "*@*.example.com",
        "ada <ada@example.com>",
    ] {
        let e = api_err(
            c.invites()
                .create(&body(json!({"emails": [bad], "roles": ["user"]})))
                .await,
        );
        assert_eq!(
            (e.status, e.error_type.as_str(), e.param.as_deref()),
            (400, "invalid_request", Some("emails")),
            "{bad}: {e}"
        );
    }
    let inv = invite(&c, json!({"roles": ["user"], "ttl_seconds": 600})).await;
    let e = api_err(
        c.invites()
            .accept(&accept_body(inv.code.as_deref().unwrap(), "not an address"))
            .await,
    );
    assert_eq!((e.status, e.param.as_deref()), (400, Some("email")), "{e}");
}
}
