//! Addresses (issue 17, items 3 and 6): one normal form (NFC, lower-cased, IDNA), invisible and
//! control characters refused with a 400 naming the field, a pattern never an accepting
//! address, no domain pattern on a public suffix, and each exact address of an invite admitted
//! once, even after its member is removed.

mod common;

use common::*;
use serde_json::{Value, json};

/// POST `body` to `path` with `key`; the status and the JSON body.
async fn post(server: &TestServer, key: &str, path: &str, body: Value) -> (u16, Value) {
    let resp = server
        .raw()
        .post(format!("{}{path}", server.base_url))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// The organization's member count.
async fn member_count(org: &Org) -> usize {
    org.client
        .members()
        .list_page(&invites_sdk::ListMembers {
            limit: Some(100),
            ..Default::default()
        })
        .await
        .unwrap()
        .data
        .len()
}

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_exact_address_is_admitted_once_even_after_removal() {
    let server = TestServer::start();
    let org = server.org("A").await;
    let inv = invite(
        &org.client,
        json!({"roles": ["user"], "emails": ["ada@example.com", "bob@example.com"]}),
    )
    .await;
    assert_eq!(inv.max_uses, Some(2));
    let code = inv.code.unwrap();
    let ada = org.client.invites().accept(&accept_body(&code, "ada@example.com")).await.unwrap();
    org.client.members().remove(&ada.id).await.unwrap();
    // Ada's place is used: removing her does not give it back.
    assert_api(
        org.client.invites().accept(&accept_body(&code, "ADA@example.com")).await,
        409,
        "invite_exhausted",
    );
    // Bob's place is still his.
    org.client.invites().accept(&accept_body(&code, "bob@example.com")).await.unwrap();
    let after = org.client.invites().get(&inv.id).await.unwrap();
    assert_eq!(after.use_count, 2);
    assert_eq!(member_count(&org).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invisible_and_control_characters_are_refused_naming_the_field() {
    let server = TestServer::start();
    let org = server.org("A").await;
    let public = invite(&org.client, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    let code = public.code.unwrap();
    org.client.invites().accept(&accept_body(&code, "ada@example.org")).await.unwrap();
    for bad in [
        "ada\u{200b}@example.org",  // zero-width space
        "ada\u{200d}@example.org",  // zero-width joiner
        "\u{feff}ada@example.org",  // byte order mark
        "ada\u{202e}gro.elpmaxe@example.org", // right-to-left override
        "ada\u{2066}@example.org",  // left-to-right isolate
        "ada\u{00ad}@example.org",  // soft hyphen
        "ada@exa\u{200b}mple.org",  // in the domain
        "\"ada\u{0007}\"@example.org", // a control character, quoted
    ] {
        let (s, v) = post(&server, &org.key, "/v1/invites/accept", json!({"code": code, "email": bad})).await;
        assert_eq!((s, v["error"]["param"].as_str()), (400, Some("email")), "{bad:?}: {v}");
        let (s, v) = post(&server, &org.key, "/v1/invites", json!({"roles": ["user"], "emails": [bad]})).await;
        assert_eq!((s, v["error"]["param"].as_str()), (400, Some("emails")), "{bad:?}: {v}");
    }
    assert_eq!(member_count(&org).await, 1, "no second Ada");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn addresses_compare_in_nfc() {
    let server = TestServer::start();
    let org = server.org("A").await;
    let public = invite(&org.client, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    let code = public.code.unwrap();
    // "élodie" decomposed (e + U+0301) and precomposed (U+00E9) are one address.
    let member = org
        .client
        .invites()
        .accept(&accept_body(&code, "E\u{301}lodie@example.org"))
        .await
        .unwrap();
    assert_eq!(member.email, "\u{e9}lodie@example.org");
    assert_api(
        org.client.invites().accept(&accept_body(&code, "\u{e9}lodie@example.org")).await,
        409,
        "already_member",
    );
    // An exact-address invite written in one form admits the other.
    let exact = invite(&org.client, json!({"roles": ["user"], "emails": ["zoe\u{301}@example.com"]})).await;
    assert_eq!(exact.emails, vec!["zo\u{e9}@example.com".to_string()]);
    org.client
        .invites()
        .accept(&accept_body(&exact.code.unwrap(), "ZO\u{c9}@example.com"))
        .await
        .unwrap();
    assert_eq!(member_count(&org).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pattern_is_never_an_accepting_address() {
    let server = TestServer::start();
    let org = server.org("A").await;
    let domain = invite(&org.client, json!({"roles": ["user"], "emails": ["*@example.com"]})).await;
    let public = invite(&org.client, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    for code in [domain.code.unwrap(), public.code.unwrap()] {
        let (s, v) = post(
            &server, &org.key, "/v1/invites/accept", json!({"code": code, "email": "*@example.com"}),
        )
        .await;
        assert_eq!((s, v["error"]["param"].as_str()), (400, Some("email")), "{v}");
    }
    assert_eq!(member_count(&org).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn domain_patterns_on_a_public_suffix_are_refused() {
    let server = TestServer::start();
    let org = server.org("A").await;
    for bad in ["*@co.uk", "*@com.au", "*@github.io", "*@CO.UK", "*@xn--55qx5d.cn"] {
        let (s, v) = post(&server, &org.key, "/v1/invites", json!({"roles": ["user"], "emails": [bad]})).await;
        assert_eq!((s, v["error"]["param"].as_str()), (400, Some("emails")), "{bad}: {v}");
        assert!(v["error"]["message"].as_str().unwrap().contains("public suffix"), "{v}");
    }
    // Registrable domains under those suffixes are fine, and so is an exact address.
    for ok in ["*@example.co.uk", "*@example.com", "ada@co.uk"] {
        let (s, v) = post(&server, &org.key, "/v1/invites", json!({"roles": ["user"], "emails": [ok]})).await;
        assert_eq!(s, 201, "{ok}: {v}");
    }
}
}
