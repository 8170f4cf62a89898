//! What an operator scrapes and reads: `/metrics`, `/readyz` and `--log-format json`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

const ADMIN: &str = "iat_operations_test_admin_token_0123456789";

/// The value of the series `name{labels}` (labels as written, in the exporter's order).
fn sample(metrics: &str, series: &str) -> Option<f64> {
    metrics.lines().find_map(|l| {
        l.strip_prefix(series)
            .filter(|rest| rest.starts_with(' '))
            .and_then(|rest| rest.trim().parse().ok())
    })
}

#[test]
fn metrics_readyz_and_json_logs() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = invites_testkit::server_command(
        std::path::Path::new(env!("CARGO_BIN_EXE_invites-server")),
        &invites_testkit::sqlite_url(dir.path()),
    );
    cmd.args(["--log-format", "json"])
        .env("INVITES_ADMIN_TOKEN", ADMIN)
        .env_remove("INVITES_LOG")
        .env_remove("RUST_LOG")
        .stderr(Stdio::piped());
    let server = invites_testkit::Listening::spawn(&mut cmd).unwrap_or_else(|e| panic!("{e}"));
    let url = server.url.clone();
    let mut child = server.into_child();
    let stderr = child.stderr.take().unwrap();
    let log_reader = std::thread::spawn(move || {
        BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let (metrics, ready, invite_id) = rt.block_on(async {
        let org: Value = http
            .post(format!("{url}/v1/organizations"))
            .bearer_auth(ADMIN)
            .json(&json!({"name": "Observed"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let key = org["api_key"].as_str().unwrap().to_string();
        let invite: Value = http
            .post(format!("{url}/v1/invites"))
            .bearer_auth(&key)
            .json(&json!({"roles": ["user"], "ttl_seconds": 3600}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let invite_id = invite["id"].as_str().unwrap().to_string();
        for _ in 0..2 {
            let s = http
                .get(format!("{url}/v1/invites/{invite_id}"))
                .bearer_auth(&key)
                .send()
                .await
                .unwrap()
                .status();
            assert_eq!(s, 200);
        }
        // Wrong codes until the limiter refuses (whatever its thresholds).
        let mut limited = false;
        for i in 0..200 {
            let s = http
                .post(format!("{url}/v1/invites/lookup"))
                .bearer_auth(&key)
                .json(&json!({"code": format!("ic_wrong_{i:040}")}))
                .send()
                .await
                .unwrap()
                .status();
            if s == 429 {
                limited = true;
                break;
            }
        }
        assert!(limited, "200 wrong lookups were never refused with 429");
        let ready = http.get(format!("{url}/readyz")).send().await.unwrap();
        assert_eq!(ready.status(), 200);
        let ready: Value = ready.json().await.unwrap();
        let metrics = http.get(format!("{url}/metrics")).send().await.unwrap();
        assert_eq!(metrics.status(), 200);
        assert!(
            metrics.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain"),
        );
        (metrics.text().await.unwrap(), ready, invite_id)
    });
    drop(http);
    drop(rt);

    // Every named series is there, with values that follow from the requests above.
    let get = "operation=\"GET /v1/invites/{invite_id}\"";
    assert_eq!(
        sample(
            &metrics,
            &format!("invites_http_requests_total{{{get},status=\"200\"}}")
        ),
        Some(2.0),
        "{metrics}"
    );
    assert_eq!(
        sample(
            &metrics,
            "invites_http_requests_total{operation=\"POST /v1/invites\",status=\"201\"}"
        ),
        Some(1.0),
        "{metrics}"
    );
    assert_eq!(
        sample(
            &metrics,
            &format!("invites_http_request_duration_seconds_count{{{get}}}")
        ),
        Some(2.0),
        "{metrics}"
    );
    assert!(
        metrics.contains("invites_http_request_duration_seconds_bucket{"),
        "{metrics}"
    );
    assert_eq!(
        sample(&metrics, "invites_rate_limited_total"),
        Some(1.0),
        "{metrics}"
    );
    let max = sample(&metrics, "invites_db_pool_max_connections").expect(&metrics);
    assert!(max >= 1.0);
    for state in ["in_use", "idle"] {
        let v = sample(
            &metrics,
            &format!("invites_db_pool_connections{{state=\"{state}\"}}"),
        )
        .unwrap_or_else(|| panic!("no pool gauge for {state}: {metrics}"));
        assert!(v >= 0.0 && v <= max, "{state} = {v} of {max}");
    }
    assert!(!metrics.contains(&invite_id), "an id reached a label");
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["db_pool"]["max"].as_f64(), Some(max));

    // Stop it, then every log line is one JSON object, and the request lines say what happened.
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let _ = child.wait();
    let lines = log_reader.join().unwrap();
    let objects: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let requests: Vec<&Value> = objects
        .iter()
        .filter(|o| o["fields"]["message"] == "request")
        .collect();
    assert!(
        requests
            .iter()
            .any(|o| o["fields"]["status"] == 201 && o["fields"]["method"] == "POST"),
        "{lines:#?}"
    );
    assert!(
        objects
            .iter()
            .all(|o| o["level"].is_string() && o["timestamp"].is_string()),
        "{lines:#?}"
    );
}
