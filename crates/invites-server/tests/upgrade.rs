//! Upgrades: a database an earlier version of the server made keeps its data when this version
//! migrates it. Both backends; the earlier version is the migrations before the one under test.

mod common;

use std::path::Path;

use common::*;
use serde_json::json;
use sqlx::Connection;
use sqlx::migrate::Migrator;

/// The database at the migrations before `version`, as the server of that time left it.
async fn migrated_before(url: &str, version: i64) -> sqlx::AnyConnection {
    sqlx::any::install_default_drivers();
    // A SQLite file is created on first use.
    let url = if url.starts_with("sqlite:") {
        format!("{url}?mode=rwc")
    } else {
        url.to_string()
    };
    let mut db = sqlx::AnyConnection::connect(&url).await.expect("connect");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut old = Migrator::new(dir).await.expect("read the migrations");
    let before: Vec<_> = old
        .migrations
        .iter()
        .filter(|m| m.version < version)
        .cloned()
        .collect();
    assert!(
        before.len() as i64 == version - 1,
        "migrations 1..{version} are on disk"
    );
    old.migrations = before.into();
    old.run(&mut db).await.expect("the earlier migrations");
    db
}

/// Redemptions as (invite_id, id, email, created_at), newest first within each invite.
async fn redemptions(db: &mut sqlx::AnyConnection) -> Vec<(String, String, String, i64)> {
    sqlx::query_as(
        "SELECT invite_id, id, email, created_at FROM redemptions \
         ORDER BY invite_id, created_at DESC, id DESC",
    )
    .fetch_all(db)
    .await
    .expect("read redemptions")
}

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redemptions_keep_every_row_under_their_new_primary_key() {
    // Migration 10 rebuilds `redemptions` with (invite_id, created_at, id) as its key.
    let rows = [
        ("inv_a", "red_1", "a@example.com", 1_000),
        ("inv_a", "red_2", "b@example.com", 3_000),
        ("inv_a", "red_3", "c@example.com", 2_000),
        ("inv_b", "red_4", "a@example.com", 1_000),
    ];
    let server = TestServer::start_on_prepared(move |url| async move {
        let mut db = migrated_before(&url, 10).await;
        for (invite, id, email, at) in rows {
            sqlx::query(
                "INSERT INTO redemptions \
                 (id, organization_id, invite_id, member_id, email, user_id, created_at) \
                 VALUES ($1, 'org_x', $2, 'mem_x', $3, NULL, $4)",
            )
            .bind(id)
            .bind(invite)
            .bind(email)
            .bind(at)
            .execute(&mut db)
            .await
            .expect("an old redemption");
        }
        db.close().await.ok();
    });
    let mut db = server.db().await;
    let kept = redemptions(&mut db).await;
    let want: Vec<(String, String, String, i64)> = [rows[1], rows[2], rows[0], rows[3]]
        .iter()
        .map(|(i, id, e, at)| (i.to_string(), id.to_string(), e.to_string(), *at))
        .collect();
    assert_eq!(kept, want, "every redemption, unchanged");
    // One index: the key (invite_id, created_at, id); the listing's old index went with the
    // old table.
    let indexes: Vec<(String,)> = match server.backend() {
        Backend::Sqlite => sqlx::query_as(
            "SELECT group_concat(c.name, ', ') FROM pragma_index_list('redemptions') l, \
             pragma_index_info(l.name) c GROUP BY l.name",
        ),
        Backend::Postgres => sqlx::query_as(
            "SELECT split_part(split_part(indexdef, '(', 2), ')', 1) FROM pg_indexes \
             WHERE tablename = 'redemptions'",
        ),
    }
    .fetch_all(&mut db)
    .await
    .expect("the indexes of redemptions");
    assert_eq!(indexes, [("invite_id, created_at, id".to_string(),)]);

    // And the migrated server lists an invite's redemptions, newest first.
    let org = server.org("Upgraded").await;
    let inv = invite(&org.client, json!({"roles": ["viewer"]})).await;
    let code = inv.code.clone().unwrap();
    let mut accepted = Vec::new();
    for email in ["x@example.com", "y@example.com", "z@example.com"] {
        let m = org.client.invites().accept(&accept_body(&code, email)).await.unwrap();
        accepted.push(m.email.clone());
        // Distinct creation times, so "newest first" has one answer.
        tokio::time::sleep(std::time::Duration::from_millis(3)).await;
    }
    let listed = org
        .client
        .invites()
        .redemptions_page(&inv.id, &invites_sdk::ListRedemptions::default())
        .await
        .unwrap()
        .data;
    let emails: Vec<String> = listed.iter().map(|r| r.email.clone()).collect();
    accepted.reverse();
    assert_eq!(emails, accepted);
}
}
