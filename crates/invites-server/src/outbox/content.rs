//! What an invitation email says: templates compiled into the server (`templates/email/`),
//! rendered with minijinja; the HTML part escapes every value (`invite.html` auto-escapes), the
//! text part is plain text.

use std::sync::OnceLock;

use lettre::Message;
use lettre::message::{Mailbox, MultiPart};
use minijinja::{Environment, context};

use super::Payload;

/// The templates, compiled into the binary.
const TEXT: &str = include_str!("../../templates/email/invite.txt");
const HTML: &str = include_str!("../../templates/email/invite.html");

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.add_template("invite.txt", TEXT)
            .expect("invite.txt is a valid template");
        env.add_template("invite.html", HTML)
            .expect("invite.html is a valid template");
        env
    })
}

/// A rendered email, before its addresses.
#[derive(Debug, Clone)]
pub struct EmailContent {
    /// The subject.
    pub subject: String,
    /// The text part.
    pub text: String,
    /// The HTML part.
    pub html: String,
}

/// Control characters out of a header value (no header injection, no folding tricks).
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Render the subject and both parts of a payload.
pub fn render(p: &Payload) -> Result<EmailContent, minijinja::Error> {
    let expires_at = p.expires_at.and_then(|ms| {
        chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
    });
    let ctx = context! {
        organization => p.organization,
        inviter => p.inviter.as_deref().map(one_line),
        message => p.message,
        roles => p.roles,
        expires_at => expires_at,
        link => p.link,
    };
    let text = env().get_template("invite.txt")?.render(&ctx)?;
    let html = env().get_template("invite.html")?.render(&ctx)?;
    let subject = match &p.inviter {
        Some(who) => format!(
            "{} invited you to join {} on Invites",
            one_line(who),
            one_line(&p.organization)
        ),
        None => format!("You are invited to join {}", one_line(&p.organization)),
    };
    Ok(EmailContent {
        subject,
        text,
        html,
    })
}

/// The whole message to `to`: From, To, Subject, Date, Message-ID, and a
/// multipart/alternative body with the text and HTML parts.
pub(super) fn message(from: &Mailbox, to: &str, p: &Payload) -> Result<Message, String> {
    let content = render(p).map_err(|e| format!("rendering the email: {e}"))?;
    let to: Mailbox = to
        .parse()
        .map_err(|e| format!("the address cannot be used in an email: {e}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(content.subject)
        .date_now()
        .message_id(None)
        .multipart(MultiPart::alternative_plain_html(
            content.text,
            content.html,
        ))
        .map_err(|e| format!("building the email: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload() -> Payload {
        Payload {
            delivery_id: "dlv_1".into(),
            organization: "Acme <Labs>".into(),
            inviter: Some("Ada \"the\" Lovelace\r\nBcc: x@evil.org".into()),
            message: Some("<script>alert(1)</script> & welcome".into()),
            roles: vec!["developer".into(), "viewer".into()],
            expires_at: Some(1_800_000_000_000),
            link: "http://localhost:8080/invite/ic_abc".into(),
        }
    }

    #[test]
    fn html_escapes_what_the_api_user_typed_and_text_keeps_it() {
        let c = render(&payload()).unwrap();
        assert!(
            c.html
                .contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; welcome")
        );
        assert!(!c.html.contains("<script>"));
        assert!(c.html.contains("Acme &lt;Labs&gt;"));
        assert!(c.text.contains("<script>alert(1)</script> & welcome"));
        assert!(c.text.contains("Roles: developer, viewer"));
        assert!(c.text.contains("2027-01-15 08:00 UTC"));
        assert!(c.text.contains("http://localhost:8080/invite/ic_abc"));
        assert!(!c.subject.contains('\n') && !c.subject.contains('\r'));
        assert!(c.subject.contains("Acme <Labs>"));
        assert!(c.subject.starts_with("Ada \"the\" Lovelace"));
    }

    #[test]
    fn no_inviter_no_message_no_expiry() {
        let mut p = payload();
        p.inviter = None;
        p.message = None;
        p.expires_at = None;
        let c = render(&p).unwrap();
        assert_eq!(c.subject, "You are invited to join Acme <Labs>");
        assert!(c.text.starts_with("You are invited to join Acme <Labs>."));
        assert!(c.text.contains("does not expire"));
    }

    #[test]
    fn a_message_has_every_header() {
        let from: Mailbox = super::super::DEFAULT_FROM.parse().unwrap();
        let m = message(&from, "ada@example.com", &payload()).unwrap();
        let raw = String::from_utf8(m.formatted()).unwrap();
        for h in ["From: ", "To: ", "Subject: ", "Date: ", "Message-ID: "] {
            assert!(raw.contains(h), "{h} missing in {raw}");
        }
        let (head, _) = raw.split_once("\r\n\r\n").unwrap();
        assert!(!head.contains("\r\nBcc:"), "{head}");
        assert!(!raw.contains("\nBcc:"), "{raw}");
        assert!(raw.contains("multipart/alternative"));
    }
}
