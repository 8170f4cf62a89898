//! What each subcommand does: build the request body, call the SDK, print the result.

use std::collections::HashSet;
use std::io::{IsTerminal, Read};
use std::path::Path;

use clap::CommandFactory;
use futures::{StreamExt, TryStreamExt};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use invites_sdk::{
    Client, ListApiKeys, ListDeliveries, ListEvents, ListInvites, ListMembers, ListRedemptions,
    ListWebhookDeliveries, ListWebhookEndpoints, types,
};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::cli::{
    AcceptArgs, Cli, Command, CreateArgs, EventsCommand, GlobalArgs, KeysCommand, ListArgs,
    MembersCommand, OrgCommand, OutputFormat, RevokeArgs, StatusArg, UpdateArgs, WebhooksCommand,
};
use crate::config::{self, ENV_ADMIN_TOKEN, ENV_API_KEY, ENV_BASE_URL};
use crate::error::CliError;
use crate::output::{self, Created};

/// Addresses sent per `createInvites` call by `create --emails-file` (the API takes up to 1,000;
/// smaller batches let the progress bar move and bound what one failure leaves undone).
pub const BATCH_SIZE: usize = 100;

/// Run the parsed command line, printing results on stdout in `format`.
pub async fn run(cli: Cli, format: OutputFormat) -> Result<(), CliError> {
    let g = &cli.global;
    match cli.command {
        Command::Create(args) => create(g, format, args).await,
        Command::List(args) => list(g, format, args).await,
        Command::Get { id } => {
            let invite = client(g, None)?.invites().get(&id).await?;
            emit(&output::one(format, &invite))
        }
        Command::Update(args) => update(g, format, args).await,
        Command::Revoke(args) => revoke(g, format, args).await,
        Command::Rotate { id } => {
            let invite = client(g, None)?.invites().rotate(&id).await?;
            emit(&output::one(format, &invite))
        }
        Command::Resend {
            id,
            ttl,
            expires_at,
        } => {
            let mut obj = Map::new();
            put(&mut obj, "ttl_seconds", ttl.map(|d| json!(d.as_secs())));
            put(&mut obj, "expires_at", expires_at.map(|t| json!(t)));
            let req: types::InviteResend = body(Value::Object(obj))?;
            let client = client(g, None)?;
            let invite = client.invites().resend(&id, &req).await?;
            emit(&output::one(format, &invite))?;
            sent_to(&client, format, &[invite]).await
        }
        Command::Deliveries { id, limit } => {
            let client = client(g, None)?;
            let params = ListDeliveries {
                limit: page_size(limit),
                page_token: None,
            };
            let all = collect(client.invites().deliveries(&id, params), limit).await?;
            emit(&output::many(format, &all))
        }
        Command::Lookup { code } => {
            let found = client(g, None)?.invites().lookup(&code).await?;
            emit(&output::one(format, &found))
        }
        Command::Accept(args) => accept(g, format, args).await,
        Command::Redemptions { id, limit } => {
            let client = client(g, None)?;
            let params = ListRedemptions {
                limit: page_size(limit),
                page_token: None,
            };
            let all = collect(client.invites().redemptions(&id, params), limit).await?;
            emit(&output::many(format, &all))
        }
        Command::Members(cmd) => members(g, format, cmd).await,
        Command::Keys(cmd) => keys(g, format, cmd).await,
        Command::Org(cmd) => org(g, format, cmd).await,
        Command::Events(cmd) => events(g, format, cmd).await,
        Command::Webhooks(cmd) => webhooks(g, format, cmd).await,
        Command::Completion { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "invites", &mut buf);
            emit(&String::from_utf8_lossy(&buf))
        }
    }
}

/// A client from the resolved configuration; `token` replaces the API key (the admin token).
fn client(g: &GlobalArgs, token: Option<String>) -> Result<Client, CliError> {
    let settings = config::resolve(
        g.base_url.as_deref(),
        g.api_key.as_deref(),
        g.config.as_deref(),
    )?;
    let file = settings
        .file
        .as_ref()
        .map_or_else(|| "a config file".to_owned(), |p| p.display().to_string());
    let base_url = settings.base_url.ok_or_else(|| {
        CliError::config(format!(
            "no server: pass --base-url, set {ENV_BASE_URL}, or put base_url in {file}"
        ))
    })?;
    let api_key = token.or(settings.api_key).ok_or_else(|| {
        CliError::config(format!(
            "no API key: pass --api-key, set {ENV_API_KEY}, or put api_key in {file}"
        ))
    })?;
    Ok(Client::builder()
        .base_url(base_url)
        .api_key(api_key)
        .timeout(g.timeout)
        .max_retries(g.max_retries)
        .user_agent(format!(
            "invites-cli/{} (invites-sdk-rust/{})",
            env!("CARGO_PKG_VERSION"),
            invites_sdk::VERSION
        ))
        .build()?)
}

fn emit(text: &str) -> Result<(), CliError> {
    output::print(text).map_err(|e| CliError::Usage {
        kind: "io",
        message: format!("cannot write to stdout: {e}"),
        param: None,
    })
}

/// Build a request body from JSON; the generated types check the spec's limits, and a refusal
/// names the field and the flag that set it.
fn body<T: DeserializeOwned>(value: Value) -> Result<T, CliError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = path.split(['[', '.']).next().unwrap_or_default();
        CliError::invalid(flag_for(field), format!("{path}: {}", e.inner()))
    })
}

/// The flag that sets a body field.
fn flag_for(field: &str) -> String {
    match field {
        "emails" => "--email".into(),
        "roles" => "--role".into(),
        "teams" => "--team".into(),
        "code" => "code".into(),
        "" => "body".into(),
        f => format!("--{}", f.replace('_', "-")),
    }
}

/// Page size for a capped listing: the cap when it fits in one page, else the largest page.
fn page_size(limit: Option<u32>) -> Option<u32> {
    Some(limit.map_or(100, |n| n.min(100)))
}

/// Walk a page stream, stopping after `limit` items.
async fn collect<T>(
    stream: invites_sdk::PageStream<T>,
    limit: Option<u32>,
) -> Result<Vec<T>, CliError> {
    let stream = match limit {
        Some(n) => stream.take(n as usize).boxed(),
        None => stream,
    };
    Ok(stream.try_collect().await?)
}

/// Trimmed, non-empty values.
fn clean(values: &[String]) -> Vec<String> {
    values
        .iter()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

/// `example.com`, `@example.com` or `*@example.com` → `*@example.com`.
fn domain_pattern(domain: &str) -> Result<String, CliError> {
    let d = domain.trim();
    let d = d
        .strip_prefix("*@")
        .or_else(|| d.strip_prefix('@'))
        .unwrap_or(d);
    if d.is_empty() || d.contains('@') || d.contains(char::is_whitespace) || !d.contains('.') {
        return Err(CliError::invalid(
            "--domain",
            format!("{domain:?} is not a domain like example.com"),
        ));
    }
    Ok(format!("*@{d}"))
}

fn metadata(pairs: &[(String, String)]) -> Option<Value> {
    (!pairs.is_empty()).then(|| {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect::<Map<_, _>>(),
        )
    })
}

/// Insert `key: value` when there is a value.
fn put(obj: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        obj.insert(key.to_owned(), v);
    }
}

async fn create(g: &GlobalArgs, format: OutputFormat, args: CreateArgs) -> Result<(), CliError> {
    let mut emails = clean(&args.emails);
    if let Some(path) = &args.emails_file {
        emails.extend(read_addresses(path)?);
        return create_bulk(g, format, &args, emails).await;
    }
    for d in clean(&args.domains) {
        emails.push(domain_pattern(&d)?);
    }
    if emails.is_empty() && !args.public {
        return Err(CliError::invalid(
            "--email",
            "say who may accept: --email, --domain, --emails-file, or --public for a link anyone can use",
        ));
    }
    let mut obj = Map::new();
    obj.insert("emails".into(), json!(emails));
    obj.insert("roles".into(), json!(clean(&args.roles)));
    obj.insert("teams".into(), json!(clean(&args.teams)));
    put(&mut obj, "name", args.name.map(Value::String));
    put(&mut obj, "description", args.description.map(Value::String));
    put(&mut obj, "message", args.message.map(Value::String));
    put(&mut obj, "expires_at", args.expires_at.map(|t| json!(t)));
    put(
        &mut obj,
        "ttl_seconds",
        args.ttl.map(|d| json!(d.as_secs())),
    );
    put(
        &mut obj,
        "never_expires",
        args.never_expires.then_some(json!(true)),
    );
    put(
        &mut obj,
        "single_use",
        args.single_use.then_some(json!(true)),
    );
    put(&mut obj, "max_uses", args.max_uses.map(|n| json!(n)));
    put(&mut obj, "enabled", args.disabled.then_some(json!(false)));
    put(&mut obj, "metadata", metadata(&args.metadata));
    put(
        &mut obj,
        "send_email",
        args.no_email.then_some(json!(false)),
    );
    put(&mut obj, "inviter", args.inviter.map(Value::String));
    let create: types::InviteCreate = body(Value::Object(obj))?;
    let client = client(g, None)?;
    let invite = client.invites().create(&create).await?;
    emit(&output::one(format, &invite))?;
    sent_to(&client, format, &[invite]).await
}

/// In a table, say who is being emailed (`sent to: a, b`, like Anyscale's CLI) from the
/// invites' queued deliveries; nothing for JSON or ids, whose output stays the API's.
async fn sent_to(
    client: &Client,
    format: OutputFormat,
    invites: &[types::Invite],
) -> Result<(), CliError> {
    if format != OutputFormat::Table {
        return Ok(());
    }
    let mut to = Vec::new();
    for invite in invites {
        if invite.emails.iter().all(|e| e.starts_with("*@")) {
            continue;
        }
        let page = client
            .invites()
            .deliveries_page(&invite.id, &ListDeliveries::default())
            .await?;
        // Newest first: this call's emails are the ones not yet failed for a dead link.
        to.extend(
            page.data
                .into_iter()
                .filter(|d| d.status != types::DeliveryStatus::Failed)
                .map(|d| d.email),
        );
    }
    to.sort();
    to.dedup();
    if !to.is_empty() {
        println!("Invitations sent to: {}", to.join(", "));
    }
    Ok(())
}

/// Addresses from a file (`-` is stdin): one per line or comma separated, `#` starts a comment.
fn read_addresses(path: &Path) -> Result<Vec<String>, CliError> {
    let text = if path == Path::new("-") {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map(|_| s)
            .map_err(|e| CliError::invalid("--emails-file", format!("cannot read stdin: {e}")))?
    } else {
        std::fs::read_to_string(path).map_err(|e| {
            CliError::invalid(
                "--emails-file",
                format!("cannot read {}: {e}", path.display()),
            )
        })?
    };
    Ok(text
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default())
        .flat_map(|l| l.split([',', ';', ' ', '\t']))
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect())
}

async fn create_bulk(
    g: &GlobalArgs,
    format: OutputFormat,
    args: &CreateArgs,
    emails: Vec<String>,
) -> Result<(), CliError> {
    // The API refuses duplicates in a batch; the same address twice in a file is one invite.
    let mut seen = HashSet::new();
    let emails: Vec<String> = emails
        .into_iter()
        .filter(|e| seen.insert(e.to_lowercase()))
        .collect();
    if emails.is_empty() {
        return Err(CliError::invalid("--emails-file", "no addresses found"));
    }
    // Build and check every batch before sending any, so bad input creates nothing.
    let mut batches = Vec::new();
    for chunk in emails.chunks(BATCH_SIZE) {
        let mut obj = Map::new();
        obj.insert("emails".into(), json!(chunk));
        obj.insert("roles".into(), json!(clean(&args.roles)));
        obj.insert("teams".into(), json!(clean(&args.teams)));
        put(&mut obj, "name", args.name.clone().map(Value::String));
        put(&mut obj, "message", args.message.clone().map(Value::String));
        put(&mut obj, "expires_at", args.expires_at.map(|t| json!(t)));
        put(
            &mut obj,
            "ttl_seconds",
            args.ttl.map(|d| json!(d.as_secs())),
        );
        put(&mut obj, "metadata", metadata(&args.metadata));
        put(
            &mut obj,
            "send_email",
            args.no_email.then_some(json!(false)),
        );
        put(&mut obj, "inviter", args.inviter.clone().map(Value::String));
        let batch: types::InviteBatchCreate = body(Value::Object(obj)).map_err(|e| match e {
            CliError::Usage {
                param: Some(p),
                kind,
                message,
            } if p == "--email" => CliError::Usage {
                kind,
                message,
                param: Some("--emails-file".into()),
            },
            other => other,
        })?;
        batches.push(batch);
    }
    let client = client(g, None)?;
    let bar = progress_bar(emails.len() as u64);
    let mut created: Vec<Created> = Vec::with_capacity(emails.len());
    for batch in &batches {
        match client.invites().create_batch(batch).await {
            Ok(done) => {
                bar.inc(batch.emails.len() as u64);
                created.extend(done.data.into_iter().map(Created));
            }
            Err(e) => {
                bar.abandon();
                if !created.is_empty() {
                    // Codes are shown once: print what exists before reporting the failure.
                    emit(&output::many(format, &created))?;
                    eprintln!(
                        "note: {} of {} invites were created (printed above); the batch starting at {} and the rest were not",
                        created.len(),
                        emails.len(),
                        batch.emails.first().map_or("?", |e| e.as_str()),
                    );
                }
                return Err(e.into());
            }
        }
    }
    bar.finish_and_clear();
    emit(&output::many(format, &created))?;
    // One invite's deliveries tell whether the server emails them (it has a transport).
    let Some(first) = created.first() else {
        return Ok(());
    };
    if format == OutputFormat::Table {
        let page = client
            .invites()
            .deliveries_page(&first.0.id, &ListDeliveries::default())
            .await?;
        if !page.data.is_empty() {
            if created.len() <= 10 {
                let to: Vec<&str> = created
                    .iter()
                    .flat_map(|c| c.0.emails.iter().map(|e| e.as_str()))
                    .collect();
                println!("Invitations sent to: {}", to.join(", "));
            } else {
                println!("Invitations sent to {} addresses", created.len());
            }
        }
    }
    Ok(())
}

/// A progress bar on stderr when it is a terminal, otherwise one that draws nothing.
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:40.cyan/blue} {pos}/{len} invites ({eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar
}

async fn list(g: &GlobalArgs, format: OutputFormat, args: ListArgs) -> Result<(), CliError> {
    let client = client(g, None)?;
    let params = ListInvites {
        status: args.status.map(status),
        email: args.email,
        limit: page_size(args.limit),
        page_token: None,
    };
    let all = collect(client.invites().list(params), args.limit).await?;
    emit(&output::many(format, &all))
}

fn status(s: StatusArg) -> types::InviteStatus {
    match s {
        StatusArg::Pending => types::InviteStatus::Pending,
        StatusArg::Accepted => types::InviteStatus::Accepted,
        StatusArg::Expired => types::InviteStatus::Expired,
        StatusArg::Disabled => types::InviteStatus::Disabled,
        StatusArg::Revoked => types::InviteStatus::Revoked,
    }
}

async fn update(g: &GlobalArgs, format: OutputFormat, args: UpdateArgs) -> Result<(), CliError> {
    let mut obj = Map::new();
    put(&mut obj, "name", args.name.map(Value::String));
    put(&mut obj, "description", args.description.map(Value::String));
    put(&mut obj, "message", args.message.map(Value::String));
    let roles = clean(&args.roles);
    put(&mut obj, "roles", (!roles.is_empty()).then(|| json!(roles)));
    let teams = clean(&args.teams);
    put(&mut obj, "teams", (!teams.is_empty()).then(|| json!(teams)));
    let expires_at = match (args.expires_at, args.ttl) {
        (Some(t), _) => Some(t),
        (None, Some(ttl)) => {
            let ttl = chrono::Duration::from_std(ttl)
                .map_err(|_| CliError::invalid("--ttl", "too long"))?;
            Some(chrono::Utc::now() + ttl)
        }
        (None, None) => None,
    };
    put(&mut obj, "expires_at", expires_at.map(|t| json!(t)));
    put(&mut obj, "max_uses", args.max_uses.map(|n| json!(n)));
    let enabled = match (args.enable, args.disable) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    put(&mut obj, "enabled", enabled.map(Value::Bool));
    if obj.is_empty() {
        return Err(CliError::invalid(
            "update",
            "nothing to change: give --name, --description, --message, --role, --team, --ttl, --expires-at, --max-uses, --enable or --disable",
        ));
    }
    let patch: types::InviteUpdate = body(Value::Object(obj))?;
    let invite = client(g, None)?.invites().update(&args.id, &patch).await?;
    emit(&output::one(format, &invite))
}

async fn revoke(g: &GlobalArgs, format: OutputFormat, args: RevokeArgs) -> Result<(), CliError> {
    let client = client(g, None)?;
    let ids = match &args.email {
        None => args.ids.clone(),
        Some(addr) => {
            let addr = addr.trim();
            let params = ListInvites {
                status: Some(types::InviteStatus::Pending),
                email: Some(addr.to_owned()),
                limit: Some(100),
                page_token: None,
            };
            let pending: Vec<types::Invite> = client.invites().list(params).try_collect().await?;
            let ids: Vec<String> = pending
                .into_iter()
                .filter(|i| i.emails.iter().any(|e| e.eq_ignore_ascii_case(addr)))
                .map(|i| i.id)
                .collect();
            if ids.is_empty() {
                return Err(CliError::Api {
                    kind: "not_found",
                    message: format!("no pending invite for {addr}"),
                });
            }
            ids
        }
    };
    let mut revoked = Vec::with_capacity(ids.len());
    for id in &ids {
        match client.invites().revoke(id).await {
            Ok(invite) => revoked.push(invite),
            Err(e) => {
                if !revoked.is_empty() {
                    emit(&output::many(format, &revoked))?;
                }
                return Err(e.into());
            }
        }
    }
    match revoked.as_slice() {
        [one] => emit(&output::one(format, one)),
        many => emit(&output::many(format, many)),
    }
}

async fn accept(g: &GlobalArgs, format: OutputFormat, args: AcceptArgs) -> Result<(), CliError> {
    let mut obj = Map::new();
    obj.insert("code".into(), json!(args.code.trim()));
    obj.insert("email".into(), json!(args.email.trim()));
    put(&mut obj, "user_id", args.user_id.map(Value::String));
    let req: types::InviteAcceptRequest = body(Value::Object(obj))?;
    let member = client(g, None)?.invites().accept(&req).await?;
    emit(&output::one(format, &member))
}

async fn members(
    g: &GlobalArgs,
    format: OutputFormat,
    cmd: MembersCommand,
) -> Result<(), CliError> {
    let client = client(g, None)?;
    match cmd {
        MembersCommand::List { email, limit } => {
            let params = ListMembers {
                email,
                limit: page_size(limit),
                page_token: None,
            };
            let all = collect(client.members().list(params), limit).await?;
            emit(&output::many(format, &all))
        }
        MembersCommand::Get { id } => emit(&output::one(format, &client.members().get(&id).await?)),
        MembersCommand::Remove { id } => {
            emit(&output::one(format, &client.members().remove(&id).await?))
        }
    }
}

async fn keys(g: &GlobalArgs, format: OutputFormat, cmd: KeysCommand) -> Result<(), CliError> {
    let client = client(g, None)?;
    match cmd {
        KeysCommand::Create { name } => {
            let req: types::ApiKeyCreate = body(json!({ "name": name }))?;
            emit(&output::one(format, &client.api_keys().create(&req).await?))
        }
        KeysCommand::List { limit } => {
            let params = ListApiKeys {
                limit: page_size(limit),
                page_token: None,
            };
            let all = collect(client.api_keys().list(params), limit).await?;
            emit(&output::many(format, &all))
        }
        KeysCommand::Revoke { ids } => {
            let mut revoked = Vec::new();
            for id in ids {
                revoked.push(client.api_keys().revoke(&id).await?);
            }
            emit(&output::many(format, &revoked))
        }
    }
}

async fn events(g: &GlobalArgs, format: OutputFormat, cmd: EventsCommand) -> Result<(), CliError> {
    let client = client(g, None)?;
    match cmd {
        EventsCommand::List { kind, limit } => {
            let kind = kind
                .map(|k| k.parse::<types::EventType>())
                .transpose()
                .map_err(|e| CliError::invalid("type", format!("--type: {e}")))?;
            let params = ListEvents {
                r#type: kind,
                limit: page_size(limit),
                page_token: None,
            };
            let all = collect(client.events().list(params), limit).await?;
            emit(&output::many(format, &all))
        }
    }
}

async fn webhooks(
    g: &GlobalArgs,
    format: OutputFormat,
    cmd: WebhooksCommand,
) -> Result<(), CliError> {
    let client = client(g, None)?;
    let hooks = client.webhooks();
    match cmd {
        WebhooksCommand::Create {
            url,
            event_types,
            description,
        } => {
            let mut obj = Map::new();
            obj.insert("url".into(), json!(url));
            let types = clean(&event_types);
            put(
                &mut obj,
                "event_types",
                (!types.is_empty()).then(|| json!(types)),
            );
            put(&mut obj, "description", description.map(|d| json!(d)));
            let req: types::WebhookEndpointCreate = body(Value::Object(obj))?;
            emit(&output::one(format, &hooks.create(&req).await?))
        }
        WebhooksCommand::List { limit } => {
            let params = ListWebhookEndpoints {
                limit: page_size(limit),
                page_token: None,
            };
            emit(&output::many(
                format,
                &collect(hooks.list(params), limit).await?,
            ))
        }
        WebhooksCommand::Get { id } => emit(&output::one(format, &hooks.get(&id).await?)),
        WebhooksCommand::Update {
            id,
            url,
            event_types,
            description,
            enable,
            disable,
        } => {
            let mut obj = Map::new();
            put(&mut obj, "url", url.map(|u| json!(u)));
            let types = clean(&event_types);
            put(
                &mut obj,
                "event_types",
                (!types.is_empty()).then(|| json!(types)),
            );
            put(&mut obj, "description", description.map(|d| json!(d)));
            let enabled = match (enable, disable) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            };
            put(&mut obj, "enabled", enabled.map(|e| json!(e)));
            if obj.is_empty() {
                return Err(CliError::invalid(
                    "update",
                    "nothing to change: give --url, --event-type, --description, --enable or --disable",
                ));
            }
            let req: types::WebhookEndpointUpdate = body(Value::Object(obj))?;
            emit(&output::one(format, &hooks.update(&id, &req).await?))
        }
        WebhooksCommand::Delete { ids } => {
            let mut deleted = Vec::new();
            for id in ids {
                deleted.push(hooks.delete(&id).await?);
            }
            emit(&output::many(format, &deleted))
        }
        WebhooksCommand::RotateSecret { id } => {
            emit(&output::one(format, &hooks.rotate_secret(&id).await?))
        }
        WebhooksCommand::Deliveries { id, limit } => {
            let params = ListWebhookDeliveries {
                limit: page_size(limit),
                page_token: None,
            };
            emit(&output::many(
                format,
                &collect(hooks.deliveries(&id, params), limit).await?,
            ))
        }
    }
}

async fn org(g: &GlobalArgs, format: OutputFormat, cmd: OrgCommand) -> Result<(), CliError> {
    match cmd {
        OrgCommand::Show => {
            let org = client(g, None)?.organizations().get().await?;
            emit(&output::one(format, &org))
        }
        OrgCommand::Create {
            name,
            roles,
            admin_token,
        } => {
            let token = admin_token.or_else(|| config::non_empty_env(ENV_ADMIN_TOKEN));
            let mut obj = Map::new();
            obj.insert("name".into(), json!(name));
            let roles = clean(&roles);
            put(&mut obj, "roles", (!roles.is_empty()).then(|| json!(roles)));
            let create: types::OrganizationCreate = body(Value::Object(obj))?;
            let created = client(g, token)?.organizations().create(&create).await?;
            emit(&output::one(format, &created))
        }
    }
}

/// Default output: a table for people at a terminal, JSON for pipes and scripts.
pub fn default_format() -> OutputFormat {
    if std::io::stdout().is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_become_patterns() {
        assert_eq!(domain_pattern("example.com").unwrap(), "*@example.com");
        assert_eq!(domain_pattern("@example.com").unwrap(), "*@example.com");
        assert_eq!(domain_pattern("*@example.com").unwrap(), "*@example.com");
        assert!(domain_pattern("a@b@c").is_err());
        assert!(domain_pattern("localhost").is_err());
    }

    #[test]
    fn bad_bodies_name_the_flag() {
        let e = body::<types::InviteCreate>(json!({"roles": ["Not A Role"]})).unwrap_err();
        assert!(e.line().contains("(param: --role)"), "{}", e.line());
        assert!(e.line().contains("roles[0]"), "{}", e.line());
        let e = body::<types::InviteCreate>(json!({"roles": ["dev"], "name": "x".repeat(201)}))
            .unwrap_err();
        assert!(e.line().contains("(param: --name)"), "{}", e.line());
    }

    #[test]
    fn address_files_allow_comments_and_commas() {
        let dir = std::env::temp_dir().join(format!("invites-cli-addr-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("a.txt");
        std::fs::write(&f, "# team\na@x.io, b@x.io\n\n  c@x.io # lead\n").unwrap();
        assert_eq!(read_addresses(&f).unwrap(), ["a@x.io", "b@x.io", "c@x.io"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
