//! A walk through the SDK against a running server.
//!
//! Needs `INVITES_BASE_URL` and `INVITES_API_KEY` (an organization's key); `cargo xtask demo`
//! starts a server on a temporary SQLite file and sets both.

use futures::TryStreamExt;
use invites_sdk::{Client, Error, ListInvites, ListMembers, types};

#[tokio::main]
async fn main() -> Result<(), Error> {
    let client = Client::from_env()?;
    let org = client.organizations().get().await?;
    println!(
        "organization {} ({}), roles: {}",
        org.name,
        org.id,
        org.roles
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );

    // An invite for one address: single use by default, expires in 7 days.
    let body = types::InviteCreate::builder()
        .emails(["ada@example.com"])
        .roles(["developer"])
        .teams(["platform"])
        .message("Welcome to the team, Ada!")
        .build()?;
    let invite = client.invites().create(&body).await?;
    let code = invite.code.clone().unwrap_or_default();
    println!(
        "created {} for ada@example.com, status {}, link {}",
        invite.id,
        invite.status,
        invite.url.as_deref().unwrap_or("-")
    );

    // What a landing page may show: no addresses, nothing consumed.
    let view = client.invites().lookup(&code).await?;
    println!(
        "lookup: join {} as {:?}, email restricted: {}",
        view.organization_name,
        view.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        view.email_restricted
    );

    // Someone else cannot use it.
    let wrong = types::InviteAcceptRequest::builder()
        .code(&code)
        .email("mallory@evil.org")
        .build()?;
    match client.invites().accept(&wrong).await {
        Err(Error::Api(e)) => println!("mallory@evil.org refused: {} ({})", e.error_type, e.status),
        other => println!("unexpected: {other:?}"),
    }

    // Ada accepts; the invite is used up.
    let accept = types::InviteAcceptRequest::builder()
        .code(&code)
        .email("Ada@Example.com")
        .user_id("user_1")
        .build()?;
    let member = client.invites().accept(&accept).await?;
    println!(
        "ada joined as member {} with roles {:?}",
        member.id,
        member.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>()
    );
    let invite = client.invites().get(&invite.id).await?;
    println!(
        "invite {} is now {} ({} of {:?} uses)",
        invite.id, invite.status, invite.use_count, invite.max_uses
    );

    // A domain invite for anyone at example.com, and a batch.
    let domain = types::InviteCreate::builder()
        .emails(["*@example.com"])
        .roles(["viewer"])
        .ttl_seconds(86400)
        .build()?;
    let domain = client.invites().create(&domain).await?;
    println!(
        "domain invite {} for *@example.com, unlimited uses: {}",
        domain.id,
        domain.max_uses.is_none()
    );
    let batch = types::InviteBatchCreate::builder()
        .emails([
            "grace@example.com",
            "alan@example.com",
            "barbara@example.com",
        ])
        .roles(["user"])
        .build()?;
    let batch = client.invites().create_batch(&batch).await?;
    println!("batch: {} single-use invites", batch.data.len());

    // Every pending invite, walking the pages two at a time.
    let pending: Vec<types::Invite> = client
        .invites()
        .list(ListInvites {
            status: Some(types::InviteStatus::Pending),
            limit: Some(2),
            ..Default::default()
        })
        .try_collect()
        .await?;
    println!("{} pending invites:", pending.len());
    for i in &pending {
        println!("  {}  {:<28} {}", i.id, i.emails.join(","), i.status);
    }
    let members: Vec<types::Member> = client
        .members()
        .list(ListMembers::default())
        .try_collect()
        .await?;
    println!(
        "{} member(s): {}",
        members.len(),
        members
            .iter()
            .map(|m| m.email.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}
