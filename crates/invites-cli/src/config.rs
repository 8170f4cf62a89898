//! Where the base URL and API key come from: flags, then the environment, then a config file.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::CliError;

/// Environment variable for the base URL.
pub const ENV_BASE_URL: &str = "INVITES_BASE_URL";
/// Environment variable for the API key.
pub const ENV_API_KEY: &str = "INVITES_API_KEY";
/// Environment variable for the admin token (`org create`).
pub const ENV_ADMIN_TOKEN: &str = "INVITES_ADMIN_TOKEN";

/// The config file's contents: `base_url` and `api_key`, both optional.
#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// The server's base URL.
    pub base_url: Option<String>,
    /// The organization API key.
    pub api_key: Option<String>,
}

/// The resolved settings; `None` when no source had a value.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The server's base URL.
    pub base_url: Option<String>,
    /// The organization API key.
    pub api_key: Option<String>,
    /// The config file that was consulted (whether or not it exists).
    pub file: Option<PathBuf>,
}

/// The default config file: `$XDG_CONFIG_HOME/invites/config.toml`, or
/// `$HOME/.config/invites/config.toml` when `XDG_CONFIG_HOME` is unset.
pub fn default_path() -> Option<PathBuf> {
    let base = non_empty_env("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty_env("HOME").map(|h| Path::new(&h).join(".config")))?;
    Some(base.join("invites").join("config.toml"))
}

/// Read a config file; a missing default file is empty, a missing explicit one an error.
pub fn read_file(path: &Path, explicit: bool) -> Result<FileConfig, CliError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
            return Ok(FileConfig::default());
        }
        Err(e) => {
            return Err(CliError::config(format!(
                "cannot read {}: {e}",
                path.display()
            )));
        }
    };
    toml::from_str(&text).map_err(|e| {
        CliError::config(format!(
            "{} is not valid (keys: base_url, api_key): {}",
            path.display(),
            e.message()
        ))
    })
}

/// Resolve the settings: each flag, else its environment variable, else the config file.
pub fn resolve(
    flag_base_url: Option<&str>,
    flag_api_key: Option<&str>,
    config_path: Option<&Path>,
) -> Result<Settings, CliError> {
    let (path, explicit) = match config_path {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (default_path(), false),
    };
    let needs_file = [(flag_base_url, ENV_BASE_URL), (flag_api_key, ENV_API_KEY)]
        .iter()
        .any(|(flag, env)| flag.is_none() && non_empty_env(env).is_none());
    let file = match &path {
        Some(p) if needs_file || explicit => read_file(p, explicit)?,
        _ => FileConfig::default(),
    };
    let pick = |flag: Option<&str>, env: &str, file: Option<String>| {
        flag.map(str::to_owned)
            .or_else(|| non_empty_env(env))
            .or(file)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    Ok(Settings {
        base_url: pick(flag_base_url, ENV_BASE_URL, file.base_url),
        api_key: pick(flag_api_key, ENV_API_KEY, file.api_key),
        file: path,
    })
}

/// An environment variable that is set and not blank.
pub fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_file_is_parsed_and_checked() {
        let dir = std::env::temp_dir().join(format!("invites-cli-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("good.toml");
        std::fs::write(&good, "base_url = \"http://x:1\"\napi_key = \"ik_1\"\n").unwrap();
        assert_eq!(
            read_file(&good, true).unwrap(),
            FileConfig {
                base_url: Some("http://x:1".into()),
                api_key: Some("ik_1".into()),
            }
        );
        let typo = dir.join("typo.toml");
        std::fs::write(&typo, "apikey = \"ik_1\"\n").unwrap();
        let e = read_file(&typo, true).unwrap_err();
        assert!(e.line().contains("typo.toml"), "{}", e.line());
        assert!(read_file(&dir.join("missing.toml"), false).is_ok());
        assert!(read_file(&dir.join("missing.toml"), true).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
