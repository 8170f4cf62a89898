//! Where webhooks may go: `https` URLs on public addresses only, checked when an endpoint is
//! saved and again at every send (a name may resolve elsewhere by then), unless the server runs
//! with `--webhook-allow-insecure`.
//!
//! At send time the check lives in the HTTP client's resolver ([`GuardedResolver`]): the
//! addresses it hands to the connector are the ones it checked, so a name cannot pass the check
//! and then connect elsewhere. URLs with a literal IP never reach a resolver and are checked by
//! [`check_url`] before each send. Redirects are never followed.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

/// Why an address is refused, or `None` for a public unicast address.
pub fn refused(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => refused_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return refused_v4(v4);
            }
            let s = v6.segments();
            if v6.is_loopback() {
                Some("a loopback address")
            } else if v6.is_unspecified() {
                Some("the unspecified address")
            } else if v6.is_multicast() {
                Some("a multicast address")
            } else if s[0] & 0xffc0 == 0xfe80 {
                Some("a link-local address")
            } else if s[0] & 0xfe00 == 0xfc00 {
                Some("a private (unique local) address")
            } else if s[0] == 0x64 && s[1] == 0xff9b {
                // NAT64: the IPv4 address it embeds decides.
                let v4 =
                    Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
                refused_v4(v4)
            } else if s[0] == 0x2001 && s[1] == 0x0db8 {
                Some("a documentation address")
            } else {
                None
            }
        }
    }
}

fn refused_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let o = ip.octets();
    if ip.is_loopback() {
        Some("a loopback address")
    } else if ip.is_private() {
        Some("a private address")
    } else if ip == Ipv4Addr::new(169, 254, 169, 254) || ip == Ipv4Addr::new(100, 100, 100, 200) {
        Some("a cloud metadata address")
    } else if ip.is_link_local() {
        Some("a link-local address")
    } else if o[0] == 100 && (64..128).contains(&o[1]) {
        Some("a carrier-grade NAT (shared) address")
    } else if ip.is_multicast() {
        Some("a multicast address")
    } else if ip.is_broadcast() || o[0] >= 240 {
        Some("a reserved address")
    } else if o[0] == 0 {
        Some("an unspecified (this network) address")
    } else if o[0] == 198 && (o[1] == 18 || o[1] == 19) {
        Some("a benchmarking address")
    } else if ip.is_documentation() || (o[0] == 192 && o[1] == 0 && o[2] == 0) {
        Some("a documentation or protocol-assignment address")
    } else {
        None
    }
}

/// Check an endpoint URL's form: parses, `https` (or `http` when insecure URLs are allowed),
/// has a host, and (when the host is a literal IP) a public address. The message says what is
/// wrong without repeating the URL.
pub fn check_url(raw: &str, allow_insecure: bool) -> Result<url::Url, String> {
    let url = url::Url::parse(raw).map_err(|e| format!("url is not a valid absolute URL ({e})"))?;
    match url.scheme() {
        "https" => {}
        "http" if allow_insecure => {}
        "http" => {
            return Err(
                "url must use https (http is allowed only on a server started with \
                 --webhook-allow-insecure)"
                    .into(),
            );
        }
        other => return Err(format!("url must use https, not {other}")),
    }
    match url.host() {
        None => return Err("url has no host".into()),
        Some(url::Host::Ipv4(ip)) => literal(IpAddr::V4(ip), allow_insecure)?,
        Some(url::Host::Ipv6(ip)) => literal(IpAddr::V6(ip), allow_insecure)?,
        Some(url::Host::Domain(_)) => {}
    }
    Ok(url)
}

fn literal(ip: IpAddr, allow_insecure: bool) -> Result<(), String> {
    match refused(ip) {
        Some(why) if !allow_insecure => Err(format!("url's address {ip} is {why}")),
        _ => Ok(()),
    }
}

/// Resolve the URL's host (a name) and refuse it if any of its addresses is not public; a
/// name that does not resolve (now) passes, and is checked again at every send.
pub async fn check_resolved(url: &url::Url, allow_insecure: bool) -> Result<(), String> {
    if allow_insecure {
        return Ok(());
    }
    let Some(url::Host::Domain(name)) = url.host() else {
        return Ok(());
    };
    let lookup = tokio::net::lookup_host((name, 443));
    let Ok(Ok(addrs)) = tokio::time::timeout(Duration::from_secs(3), lookup).await else {
        return Ok(());
    };
    for a in addrs {
        if let Some(why) = refused(a.ip()) {
            return Err(format!("url's host resolves to {}, {why}", a.ip()));
        }
    }
    Ok(())
}

/// The webhook client's resolver: the system's, refusing names with any non-public address
/// (all of them, so a name cannot slip a private address in beside a public one).
#[derive(Debug, Clone, Copy)]
pub struct GuardedResolver {
    /// Let every address through (`--webhook-allow-insecure`).
    pub allow_insecure: bool,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_insecure = self.allow_insecure;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if !allow_insecure
                && let Some((ip, why)) = addrs
                    .iter()
                    .find_map(|a| refused(a.ip()).map(|w| (a.ip(), w)))
            {
                return Err(format!("refused: the host resolves to {ip}, {why}").into());
            }
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_special_addresses_are_refused_public_ones_pass() {
        for bad in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "169.254.1.1",
            "100.64.0.1",
            "100.100.100.200",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "198.18.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00:ec2::254",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
        ] {
            let ip: IpAddr = bad.parse().unwrap();
            assert!(refused(ip).is_some(), "{bad} passed");
        }
        for good in [
            "93.184.216.34",
            "1.1.1.1",
            "2606:4700:4700::1111",
            "64:ff9b::101:101",
        ] {
            let ip: IpAddr = good.parse().unwrap();
            assert_eq!(refused(ip), None, "{good} refused");
        }
    }

    #[test]
    fn urls_need_https_and_a_public_literal_address() {
        assert!(check_url("https://hooks.example.com/x", false).is_ok());
        for (bad, says) in [
            ("http://hooks.example.com/x", "https"),
            ("ftp://hooks.example.com/x", "https"),
            ("https://127.0.0.1/x", "loopback"),
            ("https://[::1]:8443/x", "loopback"),
            ("https://169.254.169.254/latest", "metadata"),
            ("https://10.0.0.7/x", "private"),
            ("not a url", "valid"),
        ] {
            let e = check_url(bad, false).unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
            assert!(!e.contains(bad), "the message repeats the URL: {e}");
        }
        assert!(check_url("http://127.0.0.1:9/x", true).is_ok());
    }
}
