// Test harness: a real invites-server process on a fresh SQLite file, Debian's Chromium driven by
// playwright-core, and small helpers for the HTTP API and the console page.

import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, "..", "..", "..");
export const ADMIN_TOKEN = "iat_console_tests_admin_token_0123456789abcdef";
export const CHROMIUM = process.env.CHROMIUM_BIN || "/usr/bin/chromium";

/**
 * Start the server binary; resolves with { url, mailDir, close(), log() }. `args` are extra
 * command-line arguments; `logLevel` sets INVITES_LOG (default warn, or the environment's);
 * `keepLog` keeps every stderr line (else the last 200 chunks); `email: false` starts it without
 * an email transport.
 */
export async function startServer({ args = [], logLevel, keepLog = false, email = true } = {}) {
  const bin = process.env.INVITES_SERVER_BIN || path.join(REPO, "target", "debug", "invites-server");
  if (!existsSync(bin)) throw new Error(`server binary not found: ${bin} (set INVITES_SERVER_BIN)`);
  const dir = mkdtempSync(path.join(tmpdir(), "invites-console-"));
  const child = spawn(
    bin,
    // With an email transport (files in the temp dir), so the console's Resend works.
    ["--listen", "127.0.0.1:0", "--database-url", `sqlite://${dir}/t.db?mode=rwc`, ...(email ? ["--email-dir", path.join(dir, "mail")] : []), ...args],
    {
      env: { ...process.env, INVITES_ADMIN_TOKEN: ADMIN_TOKEN, INVITES_LOG: logLevel || process.env.INVITES_LOG || "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const stderr = [];
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d) => {
    stderr.push(d);
    if (!keepLog && stderr.length > 200) stderr.shift();
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${stderr.join("")}`)), 30_000);
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      clearTimeout(timer);
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line.trim());
      if (m) resolve(m[1]);
      else reject(new Error(`unexpected first stdout line: ${line}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stderr.join("")}`));
    });
  });
  return {
    url,
    mailDir: path.join(dir, "mail"),
    log: () => stderr.join(""),
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A tiny client of the HTTP API, for arranging and checking state beside the browser. */
export function client(base, key) {
  async function call(method, p, body) {
    const headers = { Authorization: `Bearer ${key}`, Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (method === "POST") headers["Idempotency-Key"] = randomUUID();
    const r = await fetch(base + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    const data = text ? JSON.parse(text) : null;
    return { status: r.status, data };
  }
  async function ok(method, p, body) {
    const r = await call(method, p, body);
    if (r.status >= 400) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(r.data)}`);
    return r.data;
  }
  return {
    call,
    createInvite: (body) => ok("POST", "/v1/invites", body),
    getInvite: (id) => ok("GET", `/v1/invites/${id}`),
    listInvites: (q = "") => ok("GET", `/v1/invites${q}`),
    updateInvite: (id, body) => ok("PATCH", `/v1/invites/${id}`, body),
    revokeInvite: (id) => ok("DELETE", `/v1/invites/${id}`),
    lookup: (code) => call("POST", "/v1/invites/lookup", { code }),
    accept: (code, email) => ok("POST", "/v1/invites/accept", { code, email }),
    listMembers: () => ok("GET", "/v1/members"),
    listApiKeys: () => ok("GET", "/v1/api_keys"),
    listDeliveries: (id) => ok("GET", `/v1/invites/${id}/deliveries`),
    listEvents: (q = "") => ok("GET", `/v1/events${q}`),
    listWebhooks: () => ok("GET", "/v1/webhook_endpoints"),
    getWebhook: (id) => ok("GET", `/v1/webhook_endpoints/${id}`),
    listWebhookDeliveries: (id) => ok("GET", `/v1/webhook_endpoints/${id}/deliveries`),
  };
}

/** A new organization; resolves with { org, key, api }. */
export async function newOrg(base, name = "Acme") {
  const r = await fetch(`${base}/v1/organizations`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${ADMIN_TOKEN}`,
      "Content-Type": "application/json",
      "Idempotency-Key": randomUUID(),
    },
    body: JSON.stringify({ name }),
  });
  const data = await r.json();
  if (r.status !== 201) throw new Error(`createOrganization: ${r.status} ${JSON.stringify(data)}`);
  return { org: data.organization, key: data.api_key, api: client(base, data.api_key) };
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  // playwright-core gives every launch a fresh, empty user-data-dir of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/**
 * A fresh browser context and page on the console, recording what a test must check: native
 * dialogs (alert/confirm), page errors, CSP violations, and every request the page made.
 */
export async function openConsole(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const seen = { dialogs: [], errors: [], csp: [], requests: [] };
  page.on("dialog", (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.csp.push(m.text());
  });
  page.on("request", (r) => seen.requests.push({ method: r.method(), url: r.url(), headers: r.headers() }));
  await page.goto(`${base}/console`);
  return { context, page, seen };
}

/** Sign in through the form and wait for the invitations table. */
export async function signIn(page, key) {
  await page.fill("#api-key", key);
  await page.click("#signin-submit");
  await page.waitForSelector("#app:not([hidden])");
  await page.waitForSelector("#invites-body tr");
}

/** The table rows as plain objects of their cells' text. */
export async function inviteRows(page) {
  return page.$$eval("#invites-body tr[data-id]", (trs) =>
    trs.map((tr) => ({
      id: tr.dataset.id,
      name: tr.querySelector(".invite-name").textContent,
      addresses: tr.querySelector(".addresses").textContent,
      roles: tr.querySelector(".roles").textContent,
      teams: tr.querySelector(".teams").textContent,
      status: tr.querySelector(".status").textContent,
      uses: tr.querySelector(".uses").textContent,
      expires: tr.querySelector(".expires").textContent,
      created: tr.querySelector(".created").textContent,
      actions: Array.from(tr.querySelectorAll(".row-actions button"), (b) => b.textContent),
    })),
  );
}

export const row = (page, id) => page.locator(`#invites-body tr[data-id="${id}"]`);
