//! The Rust runner of the shared conformance scenarios (`conformance/scenarios/*.json`).
//! The Python and Node runners execute the same files; `conformance/README.md` is the format.

mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use invites_sdk::{
    Client, Error, ListInvites, ListMembers, ListRedemptions, RequestOptions, types,
};
use serde_json::{Value, json};

/// What a call produced, in the runner-neutral shape scenarios assert on.
type Outcome = Result<Value, Value>;

fn error_value(e: &Error) -> Value {
    match e {
        Error::Api(a) => json!({
            "kind": "api", "status": a.status, "type": a.error_type,
            "message": a.message, "param": a.param, "request_id": a.request_id,
        }),
        Error::Timeout { request_id, .. } => json!({"kind": "timeout", "request_id": request_id}),
        Error::Connection { request_id, .. } => {
            json!({"kind": "connection", "request_id": request_id})
        }
        Error::InvalidArgument { param, message } => {
            json!({"kind": "invalid_argument", "param": param, "message": message})
        }
        other => json!({"kind": "other", "message": other.to_string()}),
    }
}

fn arg_str(args: &Value, name: &str) -> String {
    args[name]
        .as_str()
        .unwrap_or_else(|| panic!("argument `{name}` missing"))
        .to_string()
}

/// `args` without the path parameters, as a request body.
fn body<T: serde::de::DeserializeOwned>(args: &Value, path_params: &[&str]) -> Result<T, Error> {
    let mut map = args.as_object().cloned().unwrap_or_default();
    for p in path_params {
        map.remove(*p);
    }
    Ok(serde_json::from_value(Value::Object(map))?)
}

fn to_json<T: serde::Serialize>(r: Result<T, Error>) -> Outcome {
    r.map(|v| serde_json::to_value(v).expect("serializable"))
        .map_err(|e| error_value(&e))
}

fn limit(args: &Value) -> Option<u32> {
    args["limit"].as_u64().map(|n| n as u32)
}

async fn dispatch(client: &Client, call: &str, args: &Value) -> Outcome {
    let inv = client.invites();
    match call {
        "organizations.get" => to_json(client.organizations().get().await),
        "invites.create" => match body::<types::InviteCreate>(args, &[]) {
            Ok(b) => to_json(inv.create(&b).await),
            Err(e) => Err(error_value(&e)),
        },
        "invites.create_batch" => match body::<types::InviteBatchCreate>(args, &[]) {
            Ok(b) => to_json(inv.create_batch(&b).await),
            Err(e) => Err(error_value(&e)),
        },
        "invites.get" => to_json(inv.get(&arg_str(args, "invite_id")).await),
        "invites.update" => match body::<types::InviteUpdate>(args, &["invite_id"]) {
            Ok(b) => to_json(inv.update(&arg_str(args, "invite_id"), &b).await),
            Err(e) => Err(error_value(&e)),
        },
        "invites.revoke" => to_json(inv.revoke(&arg_str(args, "invite_id")).await),
        "invites.rotate" => to_json(inv.rotate(&arg_str(args, "invite_id")).await),
        "invites.lookup" => to_json(inv.lookup(&arg_str(args, "code")).await),
        "invites.accept" => match body::<types::InviteAcceptRequest>(args, &[]) {
            Ok(b) => to_json(inv.accept(&b).await),
            Err(e) => Err(error_value(&e)),
        },
        "invites.list" | "invites.list_page" => {
            let params = ListInvites {
                status: args["status"]
                    .as_str()
                    .map(|s| serde_json::from_value(json!(s)).expect("status")),
                email: args["email"].as_str().map(str::to_owned),
                limit: limit(args),
                page_token: None,
            };
            if call == "invites.list" {
                to_json(inv.list(params).try_collect::<Vec<_>>().await)
            } else {
                inv.list_page(&params)
                    .await
                    .map(|p| json!({"data": p.data, "next_page_token": p.next_page_token}))
                    .map_err(|e| error_value(&e))
            }
        }
        "invites.redemptions" => {
            let params = ListRedemptions {
                limit: limit(args),
                page_token: None,
            };
            to_json(
                inv.redemptions(&arg_str(args, "invite_id"), params)
                    .try_collect::<Vec<_>>()
                    .await,
            )
        }
        "members.list" => {
            let params = ListMembers {
                email: args["email"].as_str().map(str::to_owned),
                limit: limit(args),
                page_token: None,
            };
            to_json(client.members().list(params).try_collect::<Vec<_>>().await)
        }
        "members.get" => to_json(client.members().get(&arg_str(args, "member_id")).await),
        "members.remove" => to_json(client.members().remove(&arg_str(args, "member_id")).await),
        other => panic!("unknown call `{other}` (add it to every runner)"),
    }
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
        let outcome = dispatch(&client.with_options(options), call, &args).await;
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
