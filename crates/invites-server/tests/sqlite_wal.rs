//! SQLite's write-ahead log stays bounded under continuous concurrent writes: the server's
//! checkpoints complete and the log starts over, instead of growing for as long as writes keep
//! coming (which a checkpoint racing the writers, never catching up, would let it do).

mod common;

use common::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_wal_stays_bounded_under_concurrent_writes() {
    on_backend(Backend::Sqlite, async {
        let server = TestServer::start();
        let org = server.org("Wal").await;
        let (writers, batches, per_batch) = (16, 10, 100);
        let mut tasks = Vec::new();
        for w in 0..writers {
            let client = org.client.clone();
            tasks.push(tokio::spawn(async move {
                for b in 0..batches {
                    let emails: Vec<String> = (0..per_batch)
                        .map(|i| format!("w{w}b{b}i{i}@example.com"))
                        .collect();
                    client
                        .invites()
                        .create_batch(&body(json!({"emails": emails, "roles": ["user"]})))
                        .await
                        .expect("batch create");
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let path = server
            .database_url
            .strip_prefix("sqlite://")
            .expect("sqlite URL")
            .to_string();
        let db = std::fs::metadata(&path).unwrap().len();
        let wal = std::fs::metadata(format!("{path}-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
        let invites = writers * batches * per_batch;
        println!("{invites} invites: database file {db} bytes, WAL {wal} bytes");
        assert!(
            db > 4 << 20,
            "the checkpoints moved the data into the database file ({db} bytes)"
        );
        assert!(
            wal < db && wal < 16 << 20,
            "the WAL ({wal} bytes) stays smaller than the data ({db} bytes)"
        );
    })
    .await;
}
