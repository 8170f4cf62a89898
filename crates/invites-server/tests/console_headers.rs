//! The console over real HTTP: its page and assets carry the strict Content-Security-Policy,
//! refuse framing, and name their exact content types.

mod common;

use common::{TestServer, both_backends};

async fn get(client: &reqwest::Client, url: String) -> reqwest::Response {
    client.get(url).send().await.expect("GET")
}

fn header<'a>(resp: &'a reqwest::Response, name: &str) -> &'a str {
    resp.headers()
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header on {}", resp.url()))
        .to_str()
        .expect("ascii header")
}

both_backends! {
#[tokio::test]
async fn console_page_and_assets_carry_the_security_headers() {
    let server = TestServer::start();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let cases = [
        ("/console", "text/html; charset=utf-8", "<!doctype html>"),
        (
            "/console/app.js",
            "text/javascript; charset=utf-8",
            "import ",
        ),
        (
            "/console/api.js",
            "text/javascript; charset=utf-8",
            "export ",
        ),
        (
            "/console/view.js",
            "text/javascript; charset=utf-8",
            "export ",
        ),
        ("/console/style.css", "text/css; charset=utf-8", ":root"),
        ("/console/favicon.svg", "image/svg+xml", "<svg"),
    ];
    for (path, content_type, starts) in cases {
        let resp = get(&client, format!("{}{path}", server.base_url)).await;
        assert_eq!(resp.status(), 200, "{path}");
        assert_eq!(header(&resp, "content-type"), content_type, "{path}");
        let csp = header(&resp, "content-security-policy").to_string();
        for directive in [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "connect-src 'self'",
            "img-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ] {
            assert!(
                csp.contains(directive),
                "{path}: CSP {csp:?} lacks {directive:?}"
            );
        }
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
            "{path}: {csp}"
        );
        assert_eq!(header(&resp, "x-frame-options"), "DENY", "{path}");
        assert_eq!(header(&resp, "x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header(&resp, "referrer-policy"), "no-referrer", "{path}");
        let body = resp.text().await.expect("body");
        assert!(
            body.trim_start().starts_with(starts) || body.contains(starts),
            "{path}"
        );
    }

    // The page itself has no inline script or style for the CSP to refuse.
    let html = get(&client, format!("{}/console", server.base_url))
        .await
        .text()
        .await
        .expect("html");
    assert!(
        !html.contains("<script>") && !html.contains("style="),
        "inline code in the page"
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "an outside URL in the page"
    );

    // `/console/` sends the browser to `/console`; unknown assets are a 404.
    let resp = get(&client, format!("{}/console/", server.base_url)).await;
    assert_eq!(resp.status(), 308);
    assert_eq!(header(&resp, "location"), "/console");
    let resp = get(&client, format!("{}/console/nope.js", server.base_url)).await;
    assert_eq!(resp.status(), 404);
}
}
