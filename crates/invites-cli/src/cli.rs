//! The command line: every subcommand and flag, declared with clap's derive API.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Manage organization invitations from a terminal or a script.
///
/// Configuration comes from flags, then the INVITES_BASE_URL / INVITES_API_KEY environment
/// variables, then $XDG_CONFIG_HOME/invites/config.toml (keys `base_url` and `api_key`).
#[derive(Debug, Parser)]
#[command(name = "invites", version, propagate_version = true)]
pub struct Cli {
    /// Options every subcommand takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes (they may be given before or after the subcommand).
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Server base URL [default: INVITES_BASE_URL, then the config file]
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Organization API key [default: INVITES_API_KEY, then the config file]
    #[arg(long, global = true, value_name = "KEY")]
    pub api_key: Option<String>,
    /// Output format [default: table on a terminal, json otherwise]
    #[arg(short, long, global = true, value_enum)]
    pub output: Option<OutputFormat>,
    /// Per-request timeout, e.g. 30s or 2m
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
    /// Retries after a connection failure, 408, 429 or 5xx
    #[arg(long, global = true, value_name = "N", default_value_t = 2)]
    pub max_retries: u32,
    /// Config file [default: $XDG_CONFIG_HOME/invites/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns (lists) or field/value rows (one object), times made human.
    Table,
    /// The API's objects as JSON: one object, or an array for lists.
    Json,
    /// Only the id of each object, one per line.
    Id,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an invite (or, with --emails-file, one single-use invite per address).
    Create(CreateArgs),
    /// List invites, walking every page.
    #[command(visible_alias = "ls")]
    List(ListArgs),
    /// Show one invite.
    Get {
        /// The invite id (inv_…).
        id: String,
    },
    /// Change an invite's fields.
    Update(UpdateArgs),
    /// Revoke invites by id, or the pending invite of an address with --email.
    #[command(visible_alias = "delete")]
    Revoke(RevokeArgs),
    /// Give an invite a new code; the old code stops working.
    Rotate {
        /// The invite id (inv_…).
        id: String,
    },
    /// Give an invite a new code and email it again to every address that has not accepted.
    Resend {
        /// The invite id (inv_…).
        id: String,
        /// A new lifetime from now, e.g. 7d (an expired invite needs one)
        #[arg(long, value_name = "DURATION", value_parser = parse_duration, conflicts_with = "expires_at")]
        ttl: Option<Duration>,
        /// A new expiry (RFC 3339)
        #[arg(long, value_name = "TIME", value_parser = parse_time)]
        expires_at: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// List the invitation emails of an invite and whether each was sent.
    Deliveries {
        /// The invite id (inv_…).
        id: String,
        /// Show at most this many.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        limit: Option<u32>,
    },
    /// Show what an invite code grants, consuming nothing.
    Lookup {
        /// The invite code (ic_…).
        code: String,
    },
    /// Accept an invite code for an address your application has verified.
    Accept(AcceptArgs),
    /// List who accepted an invite.
    Redemptions {
        /// The invite id (inv_…).
        id: String,
        /// Show at most this many.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        limit: Option<u32>,
    },
    /// Members of the organization.
    #[command(subcommand)]
    Members(MembersCommand),
    /// The organization's API keys: create (the secret is printed once), list, revoke.
    #[command(subcommand, visible_alias = "api-keys")]
    Keys(KeysCommand),
    /// The organization: show it, or create one with the admin token.
    #[command(subcommand, visible_alias = "organization")]
    Org(OrgCommand),
    /// The organization's audit log: every change, newest first.
    #[command(subcommand)]
    Events(EventsCommand),
    /// Webhook endpoints: create (the signing secret is printed once), list, get, update,
    /// delete, rotate-secret, deliveries.
    #[command(subcommand, visible_alias = "webhook")]
    Webhooks(WebhooksCommand),
    /// Print a shell completion script.
    Completion {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Flags of `invites create`.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Address allowed to accept; repeat the flag or give a comma list
    #[arg(
        long = "email",
        visible_alias = "emails",
        value_name = "ADDR",
        value_delimiter = ','
    )]
    pub emails: Vec<String>,
    /// Email domain allowed to accept (becomes *@DOMAIN); repeat or comma list
    #[arg(long = "domain", value_name = "DOMAIN", value_delimiter = ',')]
    pub domains: Vec<String>,
    /// A public link anyone may accept (no address restriction)
    #[arg(long, conflicts_with_all = ["emails", "domains", "emails_file"])]
    pub public: bool,
    /// File of addresses, one per line (or comma separated; `#` comments; `-` for stdin):
    /// creates one single-use invite per address in batches, all or nothing per batch
    #[arg(long, value_name = "PATH", conflicts_with_all = ["domains", "max_uses", "never_expires", "description", "disabled"])]
    pub emails_file: Option<PathBuf>,
    /// Role granted on acceptance; repeat or comma list
    #[arg(
        long = "role",
        value_name = "ROLE",
        value_delimiter = ',',
        required = true
    )]
    pub roles: Vec<String>,
    /// Team joined on acceptance; repeat or comma list
    #[arg(long = "team", value_name = "TEAM", value_delimiter = ',')]
    pub teams: Vec<String>,
    /// Lifetime, e.g. 5d, 36h, 90m [default: 7 days]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, conflicts_with_all = ["expires_at", "never_expires"])]
    pub ttl: Option<Duration>,
    /// Expiry as an RFC 3339 time, e.g. 2030-01-31T12:00:00Z
    #[arg(long, value_name = "TIME", value_parser = parse_time, conflicts_with = "never_expires")]
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// No expiry at all (refused for a public invite)
    #[arg(long)]
    pub never_expires: bool,
    /// Allow exactly one acceptance
    #[arg(long, conflicts_with = "max_uses")]
    pub single_use: bool,
    /// Allow this many acceptances
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_uses: Option<u64>,
    /// Internal name for administrators
    #[arg(long)]
    pub name: Option<String>,
    /// Internal description for administrators
    #[arg(long)]
    pub description: Option<String>,
    /// Message shown to the invitee
    #[arg(long)]
    pub message: Option<String>,
    /// Metadata entry KEY=VALUE; repeatable
    #[arg(long = "metadata", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub metadata: Vec<(String, String)>,
    /// Create the invite disabled (enable it later with `update --enable`)
    #[arg(long)]
    pub disabled: bool,
    /// Do not email the invitation (the server emails each exact address when it has a transport)
    #[arg(long)]
    pub no_email: bool,
    /// Your name, shown in the invitation email
    #[arg(long, value_name = "NAME")]
    pub inviter: Option<String>,
}

/// Invite statuses, for `list --status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Can be accepted.
    Pending,
    /// Used up.
    Accepted,
    /// Past its expiry.
    Expired,
    /// Disabled by an administrator (reversible).
    Disabled,
    /// Revoked for good.
    Revoked,
}

/// Flags of `invites list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only invites with this status
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// Only invites whose address list holds this address or pattern
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
    /// Show at most this many
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
}

/// Flags of `invites update`.
#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The invite id (inv_…).
    pub id: String,
    /// New internal name
    #[arg(long)]
    pub name: Option<String>,
    /// New internal description
    #[arg(long)]
    pub description: Option<String>,
    /// New message for the invitee
    #[arg(long)]
    pub message: Option<String>,
    /// Replace the roles; repeat or comma list
    #[arg(long = "role", value_name = "ROLE", value_delimiter = ',')]
    pub roles: Vec<String>,
    /// Replace the teams; repeat or comma list
    #[arg(long = "team", value_name = "TEAM", value_delimiter = ',')]
    pub teams: Vec<String>,
    /// New lifetime from now, e.g. 5d, 36h, 90m
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, conflicts_with = "expires_at")]
    pub ttl: Option<Duration>,
    /// New expiry as an RFC 3339 time
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// New quota of acceptances (not below the uses so far)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_uses: Option<u64>,
    /// Enable the invite
    #[arg(long, conflicts_with = "disable")]
    pub enable: bool,
    /// Disable the invite (reversible, unlike revoke)
    #[arg(long)]
    pub disable: bool,
}

/// Flags of `invites revoke`.
#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// Invite ids (inv_…) to revoke.
    #[arg(required_unless_present = "email", conflicts_with = "email")]
    pub ids: Vec<String>,
    /// Revoke the pending invite for this exact address instead
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
}

/// Flags of `invites accept`.
#[derive(Debug, Args)]
pub struct AcceptArgs {
    /// The invite code (ic_…).
    pub code: String,
    /// The verified address of the person joining
    #[arg(long, value_name = "ADDR")]
    pub email: String,
    /// Your application's id for the person
    #[arg(long, value_name = "ID")]
    pub user_id: Option<String>,
}

/// `invites members …`.
#[derive(Debug, Subcommand)]
pub enum MembersCommand {
    /// List members, walking every page.
    #[command(visible_alias = "ls")]
    List {
        /// Only the member with this address
        #[arg(long, value_name = "ADDR")]
        email: Option<String>,
        /// Show at most this many
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        limit: Option<u32>,
    },
    /// Show one member.
    Get {
        /// The member id (mem_…).
        id: String,
    },
    /// Remove a member from the organization.
    #[command(visible_alias = "delete")]
    Remove {
        /// The member id (mem_…).
        id: String,
    },
}

/// `invites keys …`.
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Create an API key and print its secret (shown only this once).
    Create {
        /// What the key is for
        #[arg(long)]
        name: String,
    },
    /// List the keys, revoked ones included (never a secret).
    #[command(visible_alias = "ls")]
    List {
        /// Show at most this many
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        limit: Option<u32>,
    },
    /// Revoke keys for good (refused everywhere within seconds).
    #[command(visible_alias = "delete")]
    Revoke {
        /// The key ids (key_…).
        #[arg(required = true)]
        ids: Vec<String>,
    },
}

/// The event types `invites events list --type` takes: the API's `EventType`, generated from
/// the spec by `cargo xtask regen` (so a new event type needs no edit here).
pub const EVENT_TYPES: &[&str] = invites_sdk::types::EventType::VALUES;

/// `invites events …`.
#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// List events, newest first, walking every page.
    #[command(visible_alias = "ls")]
    List {
        /// Only events of this type
        #[arg(long = "type", value_name = "TYPE", value_parser = clap::builder::PossibleValuesParser::new(EVENT_TYPES))]
        kind: Option<String>,
        /// Show at most this many
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        limit: Option<u32>,
    },
}

/// `invites webhooks …`.
#[derive(Debug, Subcommand)]
pub enum WebhooksCommand {
    /// Create an endpoint and print its signing secret (shown only this once).
    Create {
        /// Where the server POSTs events (https; http and local addresses only on a server
        /// run with --webhook-allow-insecure)
        #[arg(long)]
        url: String,
        /// Event types to send; repeat or comma list [default: every type]
        #[arg(long = "event-type", visible_alias = "event-types", value_name = "TYPE", value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(EVENT_TYPES))]
        event_types: Vec<String>,
        /// What the endpoint is for
        #[arg(long)]
        description: Option<String>,
    },
    /// List the endpoints, newest first (never a secret).
    #[command(visible_alias = "ls")]
    List {
        /// Show at most this many
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        limit: Option<u32>,
    },
    /// Show one endpoint.
    Get {
        /// The endpoint id (we_…).
        id: String,
    },
    /// Change an endpoint; what is not given stays as it is.
    Update {
        /// The endpoint id (we_…).
        id: String,
        /// A new URL
        #[arg(long)]
        url: Option<String>,
        /// The event types to send instead; repeat or comma list
        #[arg(long = "event-type", visible_alias = "event-types", value_name = "TYPE", value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(EVENT_TYPES))]
        event_types: Vec<String>,
        /// A new description
        #[arg(long)]
        description: Option<String>,
        /// Resume deliveries (also after the server disabled the endpoint)
        #[arg(long, conflicts_with = "disable")]
        enable: bool,
        /// Pause deliveries
        #[arg(long)]
        disable: bool,
    },
    /// Delete endpoints for good, with their pending deliveries.
    #[command(visible_alias = "rm")]
    Delete {
        /// The endpoint ids (we_…).
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Give an endpoint a new signing secret and print it (shown only this once); the old one
    /// keeps signing beside it for 24 hours.
    RotateSecret {
        /// The endpoint id (we_…).
        id: String,
    },
    /// The endpoint's delivery attempts, newest first, one row per attempt.
    Deliveries {
        /// The endpoint id (we_…).
        id: String,
        /// Show at most this many
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        limit: Option<u32>,
    },
}

/// `invites org …`.
#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Show the organization the API key belongs to.
    Show,
    /// Create an organization (needs the server's admin token) and print its first API key.
    Create {
        /// Display name
        #[arg(long)]
        name: String,
        /// Its roles; repeat or comma list [default: the server's]
        #[arg(long = "role", value_name = "ROLE", value_delimiter = ',')]
        roles: Vec<String>,
        /// The server's admin token [default: INVITES_ADMIN_TOKEN, then the API key]
        #[arg(long, value_name = "TOKEN")]
        admin_token: Option<String>,
    },
}

/// Parse `5d`, `36h`, `90m`, `1h 30m` (humantime syntax).
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let d = humantime::parse_duration(s.trim())
        .map_err(|e| format!("{e} (expected e.g. 5d, 36h, 90m)"))?;
    if d.is_zero() {
        return Err("must be above zero".into());
    }
    Ok(d)
}

/// Parse an RFC 3339 time such as `2030-01-31T12:00:00Z`.
pub fn parse_time(s: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    chrono::DateTime::parse_from_rfc3339(s.trim())
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| format!("{e} (expected RFC 3339, e.g. 2030-01-31T12:00:00Z)"))
}

/// Parse `KEY=VALUE`.
pub fn parse_key_value(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_owned(), v.to_owned())),
        _ => Err("expected KEY=VALUE".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn durations_parse_like_chainctl() {
        assert_eq!(
            parse_duration("5d").unwrap(),
            Duration::from_secs(5 * 86400)
        );
        assert_eq!(
            parse_duration("36h").unwrap(),
            Duration::from_secs(36 * 3600)
        );
        assert_eq!(parse_duration("90m").unwrap(), Duration::from_secs(90 * 60));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("0s").is_err());
    }

    #[test]
    fn times_and_pairs_parse() {
        assert!(parse_time("2030-01-31T12:00:00Z").is_ok());
        assert!(parse_time("2030-01-31").is_err());
        assert_eq!(
            parse_key_value("a=b=c").unwrap(),
            ("a".to_owned(), "b=c".to_owned())
        );
        assert!(parse_key_value("=x").is_err());
    }
}
