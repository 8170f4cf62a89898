//! Many replicas through a real PgBouncer in transaction pooling mode.
//!
//! The test starts Debian's `pgbouncer` (transaction mode, 3 server connections, an ephemeral
//! port) in front of a fresh database of `INVITES_TEST_DATABASE_URL`, then two `invites-server`
//! replicas through it with the statement cache off (`--pg-statement-cache-capacity 0`) and the
//! migrations over the direct URL (`--migrate-database-url`), and drives concurrent creates,
//! accepts of one limited public invite, lists and lookups across both replicas. Every request
//! must succeed and the quota must hold exactly.
//!
//! Without `INVITES_TEST_DATABASE_URL` the test says it is skipped and passes; with it, a
//! missing `pgbouncer` is a failure (`cargo xtask test` installs it).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use sqlx::Connection;

const ADMIN: &str = "iat_pgbouncer_test_admin_token_0123456789ab";

/// A child process killed on drop.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn pgbouncer_bin() -> PathBuf {
    ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "pgbouncer is required (apt-get install pgbouncer; cargo xtask test installs it)"
            )
        })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Start PgBouncer in transaction mode for `db` on `upstream` (host, port); its port.
fn start_pgbouncer(dir: &Path, upstream: (&str, u16), user: &str, db: &str) -> (Proc, u16) {
    let port = free_port();
    std::fs::write(dir.join("users.txt"), format!("\"{user}\" \"\"\n")).unwrap();
    let ini = format!(
        "[databases]\n{db} = host={host} port={up} dbname={db} user={user}\n\n\
         [pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n\
         auth_type = trust\nauth_file = {users}\npool_mode = transaction\n\
         default_pool_size = 3\nmax_client_conn = 200\n\
         ignore_startup_parameters = extra_float_digits\n",
        host = upstream.0,
        up = upstream.1,
        users = dir.join("users.txt").display(),
    );
    let conf = dir.join("pgbouncer.ini");
    std::fs::write(&conf, ini).unwrap();
    // PgBouncer refuses to run as root; -u drops to the postgres user.
    let mut cmd = Command::new(pgbouncer_bin());
    if Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
    {
        cmd.args(["-u", "postgres"]);
    }
    let child = cmd
        .arg(&conf)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("starting pgbouncer");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "pgbouncer did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    (Proc(child), port)
}

/// Start a replica; its base URL.
fn start_server(db_url: &str, migrate_url: &str) -> (Proc, String) {
    let mut cmd =
        invites_testkit::server_command(Path::new(env!("CARGO_BIN_EXE_invites-server")), db_url);
    cmd.args(["--pg-statement-cache-capacity", "0"])
        .args(["--migrate-database-url", migrate_url])
        .args(["--db-pool-size", "8"])
        .env("INVITES_ADMIN_TOKEN", ADMIN)
        .stderr(Stdio::inherit());
    let server = invites_testkit::Listening::spawn(&mut cmd).unwrap_or_else(|e| panic!("{e}"));
    let url = server.url.clone();
    let child = server.into_child();
    (Proc(child), url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_through_pgbouncer_in_transaction_mode() {
    let Some(admin_url) = std::env::var("INVITES_TEST_DATABASE_URL")
        .ok()
        .filter(|v| !v.trim().is_empty())
    else {
        eprintln!(
            "note: the PgBouncer test is SKIPPED: INVITES_TEST_DATABASE_URL is not set \
             (set it to an admin URL such as postgres://postgres@127.0.0.1:5432/test)"
        );
        return;
    };
    let _ = rustls::crypto::ring::default_provider().install_default();
    let parsed = reqwest::Url::parse(&admin_url).expect("INVITES_TEST_DATABASE_URL is a URL");
    let host = parsed.host_str().unwrap_or("127.0.0.1").to_string();
    let port = parsed.port().unwrap_or(5432);
    let user = if parsed.username().is_empty() {
        "postgres".to_string()
    } else {
        parsed.username().to_string()
    };

    // A fresh database, dropped at the end.
    let db = format!("invites_pgb_{}_{:x}", std::process::id(), rand_u32());
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {db}"))
        .execute(&mut admin)
        .await
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    // Readable by the postgres user PgBouncer runs as.
    std::process::Command::new("chmod")
        .args(["755"])
        .arg(dir.path())
        .status()
        .unwrap();
    let (bouncer, bouncer_port) = start_pgbouncer(dir.path(), (&host, port), &user, &db);
    let pooled = format!("postgres://{user}@127.0.0.1:{bouncer_port}/{db}");
    let mut direct = parsed.clone();
    direct.set_path(&format!("/{db}"));
    let (r1, url1) = start_server(&pooled, direct.as_str());
    let (r2, url2) = start_server(&pooled, direct.as_str());

    let http = reqwest::Client::new();
    let post = |url: String, key: String, body: Value| {
        let http = http.clone();
        async move {
            let resp = http
                .post(url)
                .bearer_auth(key)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = resp.status().as_u16();
            (status, resp.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let (status, org) = post(
        format!("{url1}/v1/organizations"),
        ADMIN.into(),
        json!({"name": "Bounced"}),
    )
    .await;
    assert_eq!(status, 201, "{org}");
    let key = org["api_key"].as_str().unwrap().to_string();

    // A public invite with room for 10, claimed by 40 concurrent accepts on both replicas,
    // beside 40 concurrent creates and reads.
    let (status, public) = post(
        format!("{url2}/v1/invites"),
        key.clone(),
        json!({"roles": ["user"], "max_uses": 10, "ttl_seconds": 3600}),
    )
    .await;
    assert_eq!(status, 201, "{public}");
    let code = public["code"].as_str().unwrap().to_string();
    let mut tasks = Vec::new();
    for i in 0..40 {
        let base = if i % 2 == 0 { &url1 } else { &url2 };
        tasks.push(tokio::spawn(post(
            format!("{base}/v1/invites/accept"),
            key.clone(),
            json!({"code": code, "email": format!("user{i}@example.org")}),
        )));
        tasks.push(tokio::spawn(post(
            format!("{base}/v1/invites"),
            key.clone(),
            json!({"roles": ["developer"], "emails": [format!("new{i}@example.org")]}),
        )));
        tasks.push(tokio::spawn(post(
            format!("{base}/v1/invites/lookup"),
            key.clone(),
            json!({"code": code}),
        )));
    }
    let mut accepted = 0;
    let mut exhausted = 0;
    for t in tasks {
        let (status, body) = t.await.unwrap();
        match status {
            201 if body["id"].as_str().is_some_and(|id| id.starts_with("mem_")) => accepted += 1,
            200 | 201 => {}
            409 if body["error"]["type"] == "invite_exhausted" => exhausted += 1,
            _ => panic!("a request through PgBouncer failed: {status} {body}"),
        }
    }
    assert_eq!((accepted, exhausted), (10, 30), "the quota holds exactly");

    let list: Value = http
        .get(format!("{url1}/v1/invites?limit=100"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["data"].as_array().map(Vec::len), Some(41), "{list}");

    drop((r1, r2, bouncer, http));
    sqlx::query(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .unwrap();
}

fn rand_u32() -> u32 {
    let mut b = [0u8; 4];
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .unwrap()
        .read_exact(&mut b)
        .unwrap();
    u32::from_le_bytes(b)
}
