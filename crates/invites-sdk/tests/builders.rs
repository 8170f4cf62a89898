//! The request builders (issue 22): plain Rust values in, no serde_json, the field named on a bad
//! value; the calls below are the README's, run against a real server.

mod support;

use invites_sdk::{Client, Error, types};

#[tokio::test]
async fn builders_make_every_call_of_the_readme() {
    let server = support::server();
    let admin = Client::new(&server.url, support::ADMIN_TOKEN).unwrap();
    let org = types::OrganizationCreate::builder()
        .name("Acme")
        .build()
        .unwrap();
    let created = admin.organizations().create(&org).await.unwrap();
    let client = Client::new(&server.url, &created.api_key).unwrap();

    let body = types::InviteCreate::builder()
        .emails(["ada@example.com"])
        .roles(["developer"])
        .teams(["platform"])
        .message("Welcome, Ada")
        .ttl_seconds(3600)
        .metadata([("source", "builder test")])
        .build()
        .unwrap();
    let invite = client.invites().create(&body).await.unwrap();
    assert_eq!(invite.teams[0].as_str(), "platform");
    assert_eq!(
        serde_json::to_value(&invite.metadata).unwrap()["source"],
        "builder test"
    );

    let code = invite.code.clone().unwrap();
    let accept = types::InviteAcceptRequest::builder()
        .code(code)
        .email("ada@example.com")
        .build()
        .unwrap();
    let member = client.invites().accept(&accept).await.unwrap();
    assert_eq!(member.email, "ada@example.com");

    let changes = types::InviteUpdate::builder()
        .enabled(false)
        .expires_at(chrono::Utc::now() + chrono::Duration::days(2))
        .build()
        .unwrap();
    let updated = client.invites().update(&invite.id, &changes).await.unwrap();
    assert!(!updated.enabled);
}

#[test]
fn a_bad_value_names_its_field_and_sends_nothing() {
    let e = types::InviteCreate::builder()
        .emails(["ada@example.com", "*@"])
        .roles(["developer"])
        .build()
        .unwrap_err();
    let Error::InvalidArgument { param, message } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(param, "emails");
    assert!(message.starts_with("emails[1]: "), "{message}");
    assert!(e.to_string().contains("emails[1]"), "{e}");
    // A required field left out.
    let e = types::InviteCreate::builder()
        .emails(["ada@example.com"])
        .build()
        .unwrap_err();
    assert_eq!(e.param(), Some("roles"), "{e}");
    let e = types::OrganizationCreate::builder()
        .name("")
        .build()
        .unwrap_err();
    assert_eq!(e.param(), Some("name"), "{e}");
}
