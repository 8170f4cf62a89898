//! The Rust runner of the shared conformance scenarios (`conformance/scenarios/*.json`).
//! The Python and Node runners execute the same files; `conformance/README.md` is the format.

mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use invites_sdk::{Client, Error, RequestOptions};
use serde_json::{Value, json};

/// What a call produced, in the runner-neutral shape scenarios assert on.
type Outcome = Result<Value, Value>;

fn error_value(e: &Error) -> Value {
    json!({
        "kind": e.kind(),
        "class": e.class_name(),
        "status": e.status(),
        "type": e.type_name(),
        "message": e.message(),
        "param": e.param(),
        "request_id": e.request_id(),
    })
}

/// The generated table of scenario calls (`conformance/operations.json`).
fn calls() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../conformance/operations.json"
    );
    let text = std::fs::read_to_string(path).expect("conformance/operations.json");
    serde_json::from_str::<Value>(&text).expect("table JSON")["calls"].clone()
}

/// Run a scenario call through the SDK's JSON dispatch, as the bindings do: a list call walks
/// every page (`<call>_page` takes the first page only).
async fn dispatch(client: &Client, table: &Value, call: &str, args: &Value) -> Outcome {
    let (name, first_page) = match call.strip_suffix("_page") {
        Some(base) if table.get(base).is_some() => (base, true),
        _ => (call, false),
    };
    let entry = table
        .get(name)
        .unwrap_or_else(|| panic!("unknown call `{call}`: not in conformance/operations.json"));
    let op = entry["operation"].as_str().expect("operation");
    let result = if entry["list"] == true && !first_page {
        match client.stream_json(op, args.clone()) {
            Ok(stream) => stream.try_collect::<Vec<_>>().await.map(Value::from),
            Err(e) => Err(e),
        }
    } else {
        client.call_json(op, args.clone()).await
    };
    result.map_err(|e| error_value(&e))
}

/// Replace `${name}` strings with saved values, recursively.
fn substitute(v: &Value, vars: &BTreeMap<String, Value>) -> Value {
    match v {
        Value::String(s) => match s.strip_prefix("${").and_then(|r| r.strip_suffix('}')) {
            // `${now+Ns}`: the time N seconds from now, RFC 3339.
            Some(name) if name.starts_with("now+") => {
                let secs: i64 = name[4..]
                    .trim_end_matches('s')
                    .parse()
                    .unwrap_or_else(|_| panic!("bad time `{name}`"));
                json!((chrono::Utc::now() + chrono::Duration::seconds(secs)).to_rfc3339())
            }
            Some(name) => vars
                .get(name)
                .cloned()
                .unwrap_or_else(|| panic!("no saved value `{name}`")),
            None => v.clone(),
        },
        Value::Array(a) => Value::Array(a.iter().map(|x| substitute(x, vars)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| (k.clone(), substitute(x, vars)))
                .collect(),
        ),
        _ => v.clone(),
    }
}

/// `expected` is a subset of `actual`: objects by key, everything else by equality.
fn subset(expected: &Value, actual: &Value, at: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let av = a.get(k).unwrap_or(&Value::Null);
                subset(ev, av, &format!("{at}.{k}"))?;
            }
            Ok(())
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{at}: expected {expected}, got {actual}")),
    }
}

fn count(v: &Value) -> Option<usize> {
    v.as_array()
        .or_else(|| v.get("data").and_then(Value::as_array))
        .map(Vec::len)
}

async fn set_faults(http: &reqwest::Client, proxy: &str, faults: &Value) {
    let r = http
        .put(format!("{proxy}/__faults"))
        .json(&json!({ "faults": faults }))
        .send()
        .await
        .expect("proxy control");
    assert!(r.status().is_success(), "proxy refused the fault plan");
}

async fn proxy_log(http: &reqwest::Client, proxy: &str) -> Vec<Value> {
    let log: Value = http
        .get(format!("{proxy}/__faults/log"))
        .send()
        .await
        .expect("proxy log")
        .json()
        .await
        .expect("proxy log json");
    log["requests"].as_array().cloned().unwrap_or_default()
}

async fn run_scenario(
    scenario: &Value,
    server: &str,
    proxy: &str,
    http: &reqwest::Client,
) -> Result<(), String> {
    let name = scenario["name"].as_str().unwrap_or("?");
    let key = support::organization(server, &format!("conformance {name}")).await;
    let conf = &scenario["client"];
    let mut builder = Client::builder()
        .base_url(proxy)
        .api_key(conf["api_key"].as_str().unwrap_or(&key));
    if let Some(n) = conf["max_retries"].as_u64() {
        builder = builder.max_retries(n as u32);
    }
    if let Some(ms) = conf["timeout_ms"].as_u64() {
        builder = builder.timeout(Duration::from_millis(ms));
    }
    let client = builder.build().map_err(|e| e.to_string())?;
    let mut vars = BTreeMap::new();
    for (i, step) in scenario["steps"]
        .as_array()
        .ok_or("no steps")?
        .iter()
        .enumerate()
    {
        let call = step["call"].as_str().ok_or("step without call")?;
        let at = format!("step {i} ({call})");
        if let Some(ms) = step["sleep_ms_before"].as_u64() {
            tokio::time::sleep(Duration::from_millis(ms)).await;
        }
        let args = substitute(&step["args"], &vars);
        let opts = &step["options"];
        let mut options = RequestOptions::new();
        if let Some(k) = opts["idempotency_key"].as_str() {
            options = options.idempotency_key(k);
        }
        if let Some(ms) = opts["timeout_ms"].as_u64() {
            options = options.timeout(Duration::from_millis(ms));
        }
        if let Some(n) = opts["max_retries"].as_u64() {
            options = options.max_retries(n as u32);
        }
        set_faults(
            http,
            proxy,
            step.get("faults").unwrap_or(&Value::Array(vec![])),
        )
        .await;
        let started = Instant::now();
        let outcome = dispatch(&client.with_options(options), &calls(), call, &args).await;
        let elapsed = started.elapsed();
        let log = proxy_log(http, proxy).await;
        let expect = substitute(&step["expect"], &vars);

        if let Some(err) = expect.get("error") {
            let actual = match &outcome {
                Err(e) => e.clone(),
                Ok(v) => return Err(format!("{at}: expected an error, got {v}")),
            };
            let mut err = err.clone();
            if err.get("request_id") == Some(&json!("last")) {
                let last = log
                    .last()
                    .and_then(|r| r["request_id"].as_str())
                    .ok_or(format!("{at}: the proxy saw no request id"))?;
                err["request_id"] = json!(last);
            }
            subset(&err, &actual, &at)?;
        } else {
            let value = outcome.map_err(|e| format!("{at}: unexpected error {e}"))?;
            if let Some(ok) = expect.get("ok") {
                subset(ok, &value, &at)?;
            }
            if let Some(n) = expect.get("count").and_then(Value::as_u64) {
                let got = count(&value).ok_or(format!("{at}: result is not a list"))?;
                if got as u64 != n {
                    return Err(format!("{at}: expected {n} items, got {got}"));
                }
            }
            for field in expect["absent"].as_array().into_iter().flatten() {
                let f = field.as_str().unwrap_or_default();
                if value.get(f).is_some_and(|v| !v.is_null()) {
                    return Err(format!("{at}: `{f}` must not be in the result"));
                }
            }
            for (var, path) in step["save"].as_object().into_iter().flatten() {
                let field = path.as_str().unwrap_or_default();
                let v = value
                    .get(field)
                    .cloned()
                    .ok_or(format!("{at}: no `{field}` to save"))?;
                vars.insert(var.clone(), v);
            }
        }
        if let Some(min) = step["min_elapsed_ms"].as_u64()
            && elapsed < Duration::from_millis(min)
        {
            return Err(format!("{at}: returned after {elapsed:?}, before {min} ms"));
        }
        for (key, n) in step["requests"].as_object().into_iter().flatten() {
            let seen = log
                .iter()
                .filter(|r| {
                    format!(
                        "{} {}",
                        r["method"].as_str().unwrap_or(""),
                        r["path"].as_str().unwrap_or("")
                    ) == *key
                })
                .count();
            if Some(seen as u64) != n.as_u64() {
                return Err(format!(
                    "{at}: expected {n} request(s) `{key}`, the proxy saw {seen}"
                ));
            }
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_conformance_scenario() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("conformance/scenarios")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no scenarios in {}", dir.display());

    let server = support::server();
    let proxy = support::proxy(&server.url);
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    let mut failures = vec![];
    for file in &files {
        let scenario: Value =
            serde_json::from_str(&std::fs::read_to_string(file).expect("read")).expect("json");
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        match run_scenario(&scenario, &server.url, &proxy.url, &http).await {
            Ok(()) => eprintln!("conformance ok   {name}"),
            Err(e) => {
                eprintln!("conformance FAIL {name}: {e}");
                failures.push(format!("{name}: {e}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
