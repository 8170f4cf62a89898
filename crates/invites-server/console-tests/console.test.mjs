// End-to-end tests of the invitations console: a real invites-server, Debian's headless Chromium.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, afterEach, before, describe, test } from "node:test";

import { REPO, inviteRows, launchBrowser, newOrg, openConsole, row, signIn, startServer } from "./harness.mjs";

let server;
let browser;
const open = []; // browser contexts to close after each test
let current; // the { page, seen } of the running test

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  // Whatever a test did, the page must not have raised, opened a native dialog or hit the CSP.
  if (current) {
    const { seen } = current;
    current = undefined;
    assert.deepEqual(seen.errors, [], "uncaught page errors");
    assert.deepEqual(seen.csp, [], "Content-Security-Policy violations");
    assert.deepEqual(seen.dialogs, [], "native dialogs (alert/confirm/prompt)");
  }
  while (open.length) await open.pop().close();
});

async function consolePage() {
  const c = await openConsole(browser, server.url);
  open.push(c.context);
  current = c;
  return c;
}

/** An org, a signed-in console page on it, and its API client. */
async function signedIn(orgName = "Acme") {
  const org = await newOrg(server.url, orgName);
  const c = await consolePage();
  await signIn(c.page, org.key);
  return { ...org, ...c };
}

/** Fill and submit the create dialog. */
async function createThroughDialog(page, f) {
  await page.click("#new-invite");
  await page.waitForSelector("#invite-dialog[open]");
  await page.check(`#invite-form input[name="kind"][value="${f.kind}"]`);
  if (f.emails) await page.fill("#f-emails", f.emails);
  if (f.domain) await page.fill("#f-domain", f.domain);
  for (const r of f.roles || []) await page.check(`#f-roles input[value="${r}"]`);
  if (f.teams) await page.fill("#f-teams", f.teams);
  if (f.ttl) {
    await page.selectOption("#f-expiry-mode", "ttl");
    await page.fill("#f-ttl", String(f.ttl.n));
    await page.selectOption("#f-ttl-unit", String(f.ttl.unit));
  }
  if (f.expiresAt) {
    await page.selectOption("#f-expiry-mode", "at");
    await page.fill("#f-expires-at", f.expiresAt);
  }
  if (f.never) await page.selectOption("#f-expiry-mode", "never");
  if (f.single) await page.selectOption("#f-uses-mode", "single");
  if (f.maxUses) {
    await page.selectOption("#f-uses-mode", "quota");
    await page.fill("#f-max-uses", String(f.maxUses));
  }
  if (f.name) await page.fill("#f-name", f.name);
  if (f.description) await page.fill("#f-description", f.description);
  if (f.message) await page.fill("#f-message", f.message);
  await page.click("#invite-submit");
}

/** Wait for the once-only secret dialog (an invitation link, or an API key), read the value,
 * close it; returns the value. */
async function takeLink(page) {
  await page.waitForSelector("#link-dialog[open]");
  const url = await page.inputValue("#link-value");
  assert.match(await page.textContent("#link-dialog .once"), /shown only once and cannot be shown again/);
  await page.click("#link-close");
  await page.waitForSelector("#link-dialog:not([open])", { state: "attached" });
  // The link is forgotten once its dialog closes.
  await page.waitForFunction(() => document.getElementById("link-value").value === "");
  return url;
}

const codeOf = (url) => new URLSearchParams(new URL(url).hash.slice(1)).get("code");

/** A datetime-local value `days` from now. */
function localIn(days) {
  const d = new Date(Date.now() + days * 86400e3);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

describe("sign in", () => {
  test("a wrong API key shows an error and nothing else", async () => {
    const { page, seen } = await consolePage();
    await page.fill("#api-key", "ik_this_key_does_not_exist_0000000000");
    await page.click("#signin-submit");
    const err = page.locator("#signin-error");
    await err.waitFor({ state: "visible" });
    assert.match(await err.textContent(), /not accepted/);
    assert.equal(await page.isVisible("#app"), false, "no invitations view");
    assert.equal(await page.isVisible("#who"), false, "no organization shown");
    assert.equal(await page.locator("#invites-body tr").count(), 0);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, "nothing kept");
    const api = seen.requests.filter((r) => new URL(r.url).pathname.startsWith("/v1/"));
    assert.deepEqual(
      api.map((r) => `${r.method} ${new URL(r.url).pathname}`),
      ["GET /v1/organization"],
      "only the key check reached the API",
    );
  });

  test("signs in with a key kept in sessionStorage, sent as a bearer header, never in a URL; signs out", async () => {
    const org = await newOrg(server.url, "Sign-in Org");
    const { page, seen } = await consolePage();
    await signIn(page, org.key);
    assert.equal(await page.textContent("#org-name"), "Sign-in Org");
    assert.match(await page.textContent("#invites-body"), /No invitations here yet/);
    const stored = await page.evaluate(() => Object.values(sessionStorage));
    assert.deepEqual(stored, [org.key]);
    assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing in localStorage");

    // A reload keeps the session (same tab).
    await page.reload();
    await page.waitForSelector("#app:not([hidden])");
    assert.equal(await page.textContent("#org-name"), "Sign-in Org");

    const api = seen.requests.filter((r) => new URL(r.url).pathname.startsWith("/v1/"));
    assert.ok(api.length >= 3);
    for (const r of api) {
      assert.equal(r.headers.authorization, `Bearer ${org.key}`, `${r.method} ${r.url}`);
    }
    for (const r of seen.requests) assert.ok(!r.url.includes(org.key), `key in URL ${r.url}`);

    await page.click("#sign-out");
    await page.waitForSelector("#signin:not([hidden])");
    assert.equal(await page.isVisible("#app"), false);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.equal(await page.locator("#invites-body tr").count(), 0, "the table is cleared");
  });

  test("a key the API stops accepting signs the console out", async () => {
    const { page } = await signedIn();
    await page.evaluate(() => sessionStorage.setItem(sessionStorage.key(0), "ik_no_longer_valid_000000000000"));
    await page.selectOption("#status-filter", "pending");
    await page.waitForSelector("#signin:not([hidden])");
    assert.match(await page.textContent("#banner"), /no longer accepted/);
    assert.equal(await page.isVisible("#app"), false);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  });
});

describe("create", () => {
  test("an invite for exact addresses: link shown once, copied, and in the table", async () => {
    const { page, seen, api } = await signedIn();
    await createThroughDialog(page, {
      kind: "exact",
      emails: "ada@example.com, grace@example.com",
      roles: ["developer", "viewer"],
      teams: "platform, data science",
      ttl: { n: 2, unit: 3600 },
      name: "Engineers",
      description: "Q3 hires",
      message: "Welcome aboard!",
    });
    await page.waitForSelector("#link-dialog[open]");
    const shown = await page.inputValue("#link-value");
    assert.match(shown, /^http:\/\/127\.0\.0\.1:\d+\/invite#code=ic_/);
    await page.click("#link-copy");
    await page.waitForFunction(() => document.getElementById("link-status").textContent.includes("Copied"));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, shown, "the clipboard holds the link");
    assert.equal(await takeLink(page), shown);

    // The copied link works: its code looks up as a pending, email-restricted invite.
    const look = await api.lookup(codeOf(copied));
    assert.equal(look.status, 200);
    assert.equal(look.data.status, "pending");
    assert.equal(look.data.email_restricted, true);

    const rows = await inviteRows(page);
    assert.equal(rows.length, 1);
    const r = rows[0];
    assert.equal(r.name, "Engineers");
    assert.equal(r.addresses, "ada@example.comgrace@example.com");
    assert.equal(r.roles, "developerviewer");
    assert.equal(r.teams, "platformdata science");
    assert.equal(r.status, "pending");
    assert.equal(r.uses, "0 / 2");
    assert.match(r.expires, /^in 2 hours/);
    assert.deepEqual(r.actions, ["Edit", "Disable", "Rotate link", "Resend", "Revoke"]);

    const inv = await api.getInvite(r.id);
    assert.deepEqual(inv.emails, ["ada@example.com", "grace@example.com"]);
    assert.deepEqual(inv.roles, ["developer", "viewer"]);
    assert.deepEqual(inv.teams, ["platform", "data science"]);
    assert.equal(inv.description, "Q3 hires");
    assert.equal(inv.message, "Welcome aboard!");
    const ttl = Date.parse(inv.expires_at) - Date.parse(inv.created_at);
    assert.ok(Math.abs(ttl - 7200e3) < 5e3, `expiry ${ttl} ms after creation`);
    assert.equal(inv.code, undefined, "the code is never shown again");

    const post = seen.requests.find((q) => q.method === "POST" && q.url.endsWith("/v1/invites"));
    assert.match(post.headers["idempotency-key"], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test("an invite for a domain, with a quota and an expiry date", async () => {
    const { page, api } = await signedIn();
    await createThroughDialog(page, {
      kind: "domain",
      domain: "example.org",
      roles: ["admin"],
      maxUses: 5,
      expiresAt: localIn(3),
      name: "Example staff",
    });
    const url = await takeLink(page);
    const look = await api.lookup(codeOf(url));
    assert.equal(look.data.email_restricted, true);
    const [r] = await inviteRows(page);
    assert.equal(r.addresses, "*@example.org");
    assert.equal(r.uses, "0 / 5");
    assert.match(r.expires, /^in 3 days/);
    const inv = await api.getInvite(r.id);
    assert.deepEqual(inv.emails, ["*@example.org"]);
    assert.equal(inv.max_uses, 5);
    assert.deepEqual(inv.roles, ["admin"]);
  });

  test("a public, single-use invite; never-expiring is not offered for it", async () => {
    const { page, api } = await signedIn();
    await page.click("#new-invite");
    await page.check('#invite-form input[name="kind"][value="public"]');
    assert.equal(await page.$eval('#f-expiry-mode option[value="never"]', (o) => o.disabled), true);
    await page.click("#invite-cancel");
    await createThroughDialog(page, { kind: "public", roles: ["user"], single: true, message: "Join us" });
    const url = await takeLink(page);
    const look = await api.lookup(codeOf(url));
    assert.equal(look.data.email_restricted, false);
    assert.equal(look.data.message, "Join us");
    const [r] = await inviteRows(page);
    assert.equal(r.addresses, "public");
    assert.equal(r.uses, "0 / 1");
    assert.equal(r.name, "(unnamed)");
    assert.match(r.expires, /^in 7 days/, "the default expiry");
    const inv = await api.getInvite(r.id);
    assert.deepEqual(inv.emails, []);
    assert.equal(inv.max_uses, 1);
  });

  test("API field errors are shown next to their field and nothing is created", async () => {
    const { page, api } = await signedIn();
    // No role: the API names `roles`.
    await createThroughDialog(page, { kind: "exact", emails: "ada@example.com" });
    const rolesErr = page.locator('[data-error-for="roles"]');
    await rolesErr.waitFor({ state: "visible" });
    assert.match(await rolesErr.textContent(), /roles/);
    assert.equal(await page.isVisible('[data-error-for="emails"]'), false);

    // A bad address: the API names `emails`; the roles error is gone.
    await page.fill("#f-emails", "not-an-address");
    await page.check('#f-roles input[value="developer"]');
    await page.click("#invite-submit");
    const emailsErr = page.locator('[data-error-for="emails"]');
    await emailsErr.waitFor({ state: "visible" });
    assert.match(await emailsErr.textContent(), /emails\[0\]/);
    assert.equal(await page.isVisible('[data-error-for="roles"]'), false);
    // Next to the field: inside the same fieldset as the address box.
    assert.equal(
      await page.evaluate(() =>
        document.querySelector('[data-error-for="emails"]').closest(".field").contains(document.getElementById("f-emails")),
      ),
      true,
    );
    // A TTL out of range: `ttl_seconds`.
    await page.fill("#f-emails", "ada@example.com");
    await page.selectOption("#f-expiry-mode", "ttl");
    await page.fill("#f-ttl", "400");
    await page.selectOption("#f-ttl-unit", "86400");
    await page.click("#invite-submit");
    await page.locator('[data-error-for="ttl_seconds"]').waitFor({ state: "visible" });
    assert.equal(await page.isVisible("#invite-dialog"), true, "the dialog stays open");
    assert.equal((await api.listInvites()).data.length, 0, "nothing was created");
  });
});

describe("row actions", () => {
  test("disable and enable", async () => {
    const { page, api } = await signedIn();
    const inv = await api.createInvite({ emails: ["ada@example.com"], roles: ["user"], name: "Toggle me" });
    await page.reload();
    await page.waitForSelector(`#invites-body tr[data-id="${inv.id}"]`);
    await row(page, inv.id).getByRole("button", { name: "Disable" }).click();
    await row(page, inv.id).locator(".status", { hasText: "disabled" }).waitFor();
    assert.equal((await api.getInvite(inv.id)).enabled, false);
    assert.equal((await api.getInvite(inv.id)).status, "disabled");
    await row(page, inv.id).getByRole("button", { name: "Enable" }).click();
    await row(page, inv.id).locator(".status", { hasText: "pending" }).waitFor();
    assert.equal((await api.getInvite(inv.id)).enabled, true);
  });

  test("rotate shows the new link once; the old one stops working", async () => {
    const { page, api } = await signedIn();
    const inv = await api.createInvite({ roles: ["user"], name: "Rotate me" });
    await page.reload();
    await row(page, inv.id).getByRole("button", { name: "Rotate link" }).click();
    await page.waitForSelector("#confirm-dialog[open]");
    assert.match(await page.textContent("#confirm-text"), /stops working/);
    await page.click("#confirm-ok");
    const url = await takeLink(page);
    assert.notEqual(codeOf(url), inv.code);
    assert.equal((await api.lookup(inv.code)).status, 404, "the old code is gone");
    assert.equal((await api.lookup(codeOf(url))).status, 200, "the new code works");
  });

  test("revoke asks first; cancel keeps the invite", async () => {
    const { page, api } = await signedIn();
    const inv = await api.createInvite({ emails: ["*@example.net"], roles: ["user"], name: "Revoke me" });
    await page.reload();
    await row(page, inv.id).getByRole("button", { name: "Revoke" }).click();
    await page.waitForSelector("#confirm-dialog[open]");
    await page.click("#confirm-cancel");
    assert.equal((await api.getInvite(inv.id)).status, "pending");
    await row(page, inv.id).getByRole("button", { name: "Revoke" }).click();
    await page.click("#confirm-ok");
    await row(page, inv.id).locator(".status", { hasText: "revoked" }).waitFor();
    assert.equal((await api.getInvite(inv.id)).status, "revoked");
    assert.equal(await row(page, inv.id).locator("button").count(), 0, "no actions on a revoked invite");
  });

  test("edit changes name, roles, teams and quota through PATCH", async () => {
    const { page, api, seen } = await signedIn();
    const inv = await api.createInvite({ emails: ["*@example.com"], roles: ["user"], name: "Before" });
    await page.reload();
    await row(page, inv.id).getByRole("button", { name: "Edit" }).click();
    await page.waitForSelector("#invite-dialog[open]");
    assert.equal(await page.inputValue("#f-name"), "Before");
    assert.equal(await page.isChecked('#f-roles input[value="user"]'), true);
    await page.fill("#f-name", "After");
    await page.check('#f-roles input[value="billing"]');
    await page.fill("#f-teams", "finance");
    await page.selectOption("#f-uses-mode", "quota");
    await page.fill("#f-max-uses", "9");
    await page.click("#invite-submit");
    await row(page, inv.id).locator(".invite-name", { hasText: "After" }).waitFor();
    const got = await api.getInvite(inv.id);
    assert.equal(got.name, "After");
    assert.deepEqual(got.roles, ["billing", "user"], "in the organization's order of roles");
    assert.deepEqual(got.teams, ["finance"]);
    assert.equal(got.max_uses, 9);
    assert.equal((await inviteRows(page))[0].uses, "0 / 9");
    const patch = seen.requests.filter((q) => q.method === "PATCH");
    assert.equal(patch.length, 1);
    assert.equal(patch[0].headers.authorization, `Bearer ${(await page.evaluate(() => Object.values(sessionStorage)))[0]}`);
  });
});

describe("table", () => {
  test("pages through 60 invites and filters by status", async () => {
    const org = await newOrg(server.url, "Many");
    const ids = [];
    for (let i = 1; i <= 60; i++) {
      const inv = await org.api.createInvite({ roles: ["user"], name: `Invite ${String(i).padStart(2, "0")}` });
      ids.push(inv.id);
    }
    for (const id of ids.slice(0, 3)) await org.api.updateInvite(id, { enabled: false });
    const { page } = await consolePage();
    await signIn(page, org.key);

    const seenNames = [];
    const pages = [];
    for (;;) {
      const rows = await inviteRows(page);
      pages.push(rows.length);
      seenNames.push(...rows.map((r) => r.name));
      if (await page.isDisabled("#invites-next")) break;
      const first = rows[0].id;
      await page.click("#invites-next");
      await page.waitForFunction(
        (id) => document.querySelector("#invites-body tr")?.dataset.id !== id,
        first,
      );
    }
    assert.deepEqual(pages, [20, 20, 20]);
    const expected = Array.from({ length: 60 }, (_, i) => `Invite ${String(60 - i).padStart(2, "0")}`);
    assert.deepEqual(seenNames, expected, "newest first, each invite once");
    assert.match(await page.textContent("#invites-page"), /Page 3 · 41–60/);

    await page.click("#invites-prev");
    await page.waitForFunction(() => document.getElementById("invites-page").textContent.startsWith("Page 2"));
    assert.equal((await inviteRows(page))[0].name, "Invite 40");

    await page.selectOption("#status-filter", "disabled");
    await page.waitForFunction(() => document.querySelectorAll("#invites-body tr[data-id]").length === 3);
    const disabled = await inviteRows(page);
    assert.deepEqual(disabled.map((r) => r.name), ["Invite 03", "Invite 02", "Invite 01"]);
    assert.ok(disabled.every((r) => r.status === "disabled"));
    assert.equal(await page.isDisabled("#invites-prev"), true, "the filter starts at page 1");
    assert.equal(await page.isDisabled("#invites-next"), true);
  });

  test("an invite named with HTML shows as text and runs nothing", async () => {
    const { page, api } = await signedIn("<b>Org</b>");
    const evil = "<img src=x onerror=alert(1)>";
    await createThroughDialog(page, { kind: "exact", emails: "ada@example.com", roles: ["user"], name: evil });
    await takeLink(page);
    await api.createInvite({
      emails: ["*@example.com"],
      roles: ["user"],
      teams: ["<script>alert(2)</script>"],
      name: '"><svg onload=alert(3)>',
    });
    await page.click("#tab-members");
    await page.click("#tab-invites");
    await page.waitForFunction(() => document.querySelectorAll("#invites-body tr[data-id]").length === 2);
    const rows = await inviteRows(page);
    assert.deepEqual(rows.map((r) => r.name), ['"><svg onload=alert(3)>', evil]);
    assert.equal(rows[0].teams, "<script>alert(2)</script>");
    assert.equal(await page.textContent("#org-name"), "<b>Org</b>");
    assert.equal(await page.locator("main img, main svg, main script, main b, header b").count(), 0, "no markup injected");
    // The confirm dialog names the invite as text, too.
    await row(page, rows[1].id).getByRole("button", { name: "Revoke" }).click();
    assert.match(await page.textContent("#confirm-text"), /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator("#confirm-dialog img").count(), 0);
    await page.click("#confirm-cancel");
    // Give a stray handler the chance to run before afterEach checks that no dialog fired.
    await page.waitForTimeout(300);
  });

  test("screenshot of the table", async () => {
    const { page, api } = await signedIn("Acme");
    const mk = (b) => api.createInvite(b);
    const revoked = await mk({ emails: ["old@example.com"], roles: ["viewer"], name: "Former contractor" });
    await api.revokeInvite(revoked.id);
    const disabled = await mk({ emails: ["*@partner.io"], roles: ["viewer"], teams: ["partners"], name: "Partner preview", max_uses: 25 });
    await api.updateInvite(disabled.id, { enabled: false });
    const used = await mk({ emails: ["lin@example.com"], roles: ["developer"], teams: ["platform"], name: "Lin (platform)" });
    await api.accept(used.code, "lin@example.com");
    await mk({ roles: ["user"], name: "Community beta", ttl_seconds: 3 * 86400, max_uses: 100 });
    await mk({ emails: ["*@example.com"], roles: ["developer"], teams: ["platform", "data"], name: "Example staff", never_expires: true });
    await mk({ emails: ["ada@example.com", "grace@example.com"], roles: ["admin", "developer"], teams: ["core"], name: "Q3 engineering hires", ttl_seconds: 36 * 3600 });
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll("#invites-body tr[data-id]").length === 6);
    const statuses = (await inviteRows(page)).map((r) => r.status);
    assert.deepEqual(statuses, ["pending", "pending", "pending", "accepted", "disabled", "revoked"]);
    const out = path.join(REPO, "target", "console-screenshot.png");
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: true });
  });
});

describe("members", () => {
  test("the members tab lists members and removes one after confirmation", async () => {
    const { page, api } = await signedIn();
    const inv = await api.createInvite({ emails: ["*@example.com"], roles: ["developer"], teams: ["web"] });
    const ada = await api.accept(inv.code, "ada@example.com");
    const bob = await api.accept(inv.code, "bob@example.com");
    await page.click("#tab-members");
    await page.waitForSelector(`#members-body tr[data-id="${ada.id}"]`);
    assert.equal(await page.isVisible("#panel-invites"), false);
    const emails = await page.$$eval("#members-body tr[data-id] .email", (tds) => tds.map((t) => t.textContent));
    assert.deepEqual(emails.sort(), ["ada@example.com", "bob@example.com"]);
    await page.locator(`#members-body tr[data-id="${ada.id}"]`).getByRole("button", { name: "Remove" }).click();
    await page.waitForSelector("#confirm-dialog[open]");
    assert.match(await page.textContent("#confirm-text"), /ada@example\.com/);
    await page.click("#confirm-ok");
    await page.waitForSelector(`#members-body tr[data-id="${ada.id}"]`, { state: "detached" });
    await page.waitForSelector(`#members-body tr[data-id="${bob.id}"]`);
    const left = (await api.listMembers()).data.map((m) => m.email);
    assert.deepEqual(left, ["bob@example.com"]);
  });
});

describe("API keys", () => {
  test("the keys tab creates a key (its secret shown once), lists it and revokes it", async () => {
    const { page, api } = await signedIn();
    await page.click("#tab-keys");
    await page.waitForSelector("#keys-body tr[data-id]");
    // An empty name is refused in the form, and nothing is created.
    await page.click("#new-key");
    assert.match(await page.textContent("#key-form-error"), /name/);
    assert.equal((await api.listApiKeys()).data.length, 1);

    await page.fill("#f-key-name", "billing worker");
    await page.click("#new-key");
    const secret = await takeLink(page);
    assert.match(secret, /^ik_/);
    const keys = (await api.listApiKeys()).data;
    assert.equal(keys.length, 2);
    const created = keys.find((k) => k.name === "billing worker");
    await page.waitForSelector(`#keys-body tr[data-id="${created.id}"]`);
    assert.equal(await page.textContent("#link-dialog-title"), "API key");
    // The secret works.
    const org = await fetch(`${server.url}/v1/organization`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(org.status, 200);

    await page.locator(`#keys-body tr[data-id="${created.id}"]`).getByRole("button", { name: "Revoke" }).click();
    await page.waitForSelector("#confirm-dialog[open]");
    assert.match(await page.textContent("#confirm-text"), /billing worker/);
    await page.click("#confirm-ok");
    await page.waitForSelector(`#keys-body tr[data-id="${created.id}"] .chip.revoked`);
    const after = await fetch(`${server.url}/v1/organization`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(after.status, 401);

    // An invitation link shown afterwards has its own wording again.
    await page.click("#tab-invites");
    await createThroughDialog(page, { kind: "exact", emails: "ada@example.com", roles: ["developer"] });
    await takeLink(page);
    assert.equal(await page.textContent("#link-dialog-title"), "Invitation link");
  });
});

describe("email", () => {
  test("the Email column sums up an invite's emails and Resend sends a new link", async () => {
    const { page, api } = await signedIn();
    const inv = await api.createInvite({ emails: ["ada@example.com", "bob@example.com"], roles: ["developer"], send_email: true });
    const domain = await api.createInvite({ emails: ["*@example.org"], roles: ["viewer"] });
    await page.reload();
    await page.waitForSelector(`#invites-body tr[data-id="${inv.id}"] .deliveries .chip`);
    const summary = await page.textContent(`#invites-body tr[data-id="${inv.id}"] .deliveries`);
    assert.match(summary, /^2 (sent|queued)$|^\d sent\d queued$/);
    assert.equal((await page.textContent(`#invites-body tr[data-id="${domain.id}"] .deliveries`)).trim(), "—");
    assert.equal(await page.locator(`#invites-body tr[data-id="${domain.id}"]`).getByRole("button", { name: "Resend" }).count(), 0);

    await page.locator(`#invites-body tr[data-id="${inv.id}"]`).getByRole("button", { name: "Resend" }).click();
    await page.waitForSelector("#confirm-dialog[open]");
    assert.match(await page.textContent("#confirm-text"), /emailed again/);
    await page.click("#confirm-ok");
    const url = await takeLink(page);
    assert.ok(url.includes("/invite#code=ic_"), url);
    assert.notEqual(url, inv.url, "a new link");
    // The old link stopped working, the new one works; two more emails are queued.
    assert.equal((await api.lookup(inv.code)).status, 404);
    assert.equal((await api.lookup(new URL(url).hash.replace("#code=", ""))).status, 200);
    assert.equal((await api.listDeliveries(inv.id)).data.length, 4);
  });
});

describe("events", () => {
  test("the events tab lists the audit log after an action, filters by type and pages", async () => {
    const { page, api } = await signedIn();
    // An action through the console itself: revoking an invite.
    const inv = await api.createInvite({ emails: ["ada@example.com"], roles: ["developer"], name: "Ada", send_email: false });
    await page.reload();
    await row(page, inv.id).getByRole("button", { name: "Revoke" }).click();
    await page.waitForSelector("#confirm-dialog[open]");
    await page.click("#confirm-ok");
    await row(page, inv.id).locator(".status", { hasText: "revoked" }).waitFor();

    await page.click("#tab-events");
    const events = (await api.listEvents()).data;
    assert.deepEqual(
      events.map((e) => e.type),
      ["invite.revoked", "invite.created", "api_key.created"],
    );
    await page.waitForSelector(`#events-body tr[data-id="${events[0].id}"]`);
    assert.equal(await page.isVisible("#panel-invites"), false);
    const types = await page.$$eval("#events-body tr[data-id]", (trs) => trs.map((t) => t.dataset.type));
    assert.deepEqual(types, ["invite.revoked", "invite.created", "api_key.created"]);
    const revoked = page.locator(`#events-body tr[data-id="${events[0].id}"]`);
    assert.match(await revoked.textContent(), /API key key_/);
    assert.match(await revoked.textContent(), /Ada \(ada@example\.com\)/);
    assert.match(await page.textContent(`#events-body tr[data-id="${events[2].id}"]`), /Admin/);
    // Nothing secret is ever on the tab.
    const text = await page.textContent("#events-table");
    assert.ok(!text.includes("ic_") && !text.includes("ik_") && !text.includes("#code="), text);

    // The type filter asks the server for that type only.
    await page.selectOption("#event-type-filter", "invite.created");
    await page.waitForSelector(`#events-body tr[data-id="${events[0].id}"]`, { state: "detached" });
    assert.deepEqual(
      await page.$$eval("#events-body tr[data-id]", (trs) => trs.map((t) => t.dataset.id)),
      [events[1].id],
    );
    await page.selectOption("#event-type-filter", "member.removed");
    await page.waitForSelector("#events-body tr.empty");

    // 25 more events: pages of 20, then the rest; Refresh starts from the newest again.
    for (let i = 0; i < 25; i++) await api.createInvite({ roles: ["viewer"], name: `n${i}` });
    await page.selectOption("#event-type-filter", "");
    await page.waitForFunction(() => document.querySelectorAll("#events-body tr[data-id]").length === 20);
    assert.equal(await page.isDisabled("#events-next"), false);
    await page.click("#events-next");
    await page.waitForFunction(() => document.querySelectorAll("#events-body tr[data-id]").length === 8);
    assert.match(await page.textContent("#events-page"), /Page 2/);
    assert.equal(await page.isDisabled("#events-next"), true);
    await page.click("#events-refresh");
    await page.waitForFunction(() => document.querySelectorAll("#events-body tr[data-id]").length === 20);
    assert.match(await page.textContent("#events-page"), /Page 1/);
  });
});

describe("webhooks", () => {
  let hookServer; // a server that may deliver to local addresses, retrying after 1 s
  let receiver;
  const received = [];

  before(async () => {
    hookServer = await startServer({ args: ["--webhook-allow-insecure", "--webhook-retry-schedule", "1s,1s"] });
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise((r) => receiver.listen(0, "127.0.0.1", r));
  });

  after(async () => {
    await new Promise((r) => receiver?.close(r));
    await hookServer?.close();
  });

  test("the webhooks tab adds an endpoint (secret shown once), disables, enables, shows deliveries, rotates and deletes", async () => {
    const org = await newOrg(hookServer.url, "Hooks");
    const c = await openConsole(browser, hookServer.url);
    open.push(c.context);
    current = c;
    const { page } = c;
    const { api } = org;
    await signIn(page, org.key);
    await page.click("#tab-webhooks");
    await page.waitForSelector("#webhooks-body tr.empty");

    // The form offers the spec's event types; an empty URL is refused before sending.
    const offered = await page.$$eval("#f-webhook-types option", (os) => os.map((o) => o.value));
    assert.ok(offered.includes("invite.created") && offered.includes("email.failed"), offered.join());
    await page.click("#new-webhook");
    assert.match(await page.textContent("#webhook-form-error"), /URL/);
    assert.equal((await api.listWebhooks()).data.length, 0);

    const url = `http://127.0.0.1:${receiver.address().port}/hooks`;
    await page.fill("#f-webhook-url", url);
    await page.selectOption("#f-webhook-types", ["invite.created"]);
    await page.fill("#f-webhook-description", "CRM sync");
    await page.click("#new-webhook");
    await page.waitForSelector("#link-dialog[open]");
    assert.equal(await page.textContent("#link-dialog-title"), "Webhook signing secret");
    assert.match(await page.textContent("#link-dialog .once"), /Copy this secret now/);
    const secret = await takeLink(page);
    assert.match(secret, /^whsec_/);
    const [endpoint] = (await api.listWebhooks()).data;
    assert.equal(endpoint.url, url);
    assert.deepEqual(endpoint.event_types, ["invite.created"]);
    const rowSel = `#webhooks-body tr[data-id="${endpoint.id}"]`;
    await page.waitForSelector(rowSel);
    const rowText = await page.textContent(rowSel);
    assert.match(rowText, /CRM sync/);
    assert.match(rowText, /invite\.created/);
    assert.match(rowText, /enabled/);
    assert.ok(!(await page.textContent("#webhooks-table")).includes("whsec_"), "no secret in the table");

    // Disable, then enable again.
    await page.locator(rowSel).getByRole("button", { name: "Disable" }).click();
    await page.locator(rowSel).getByRole("button", { name: "Enable" }).waitFor();
    assert.match(await page.textContent(rowSel), /disabled/);
    assert.equal((await api.getWebhook(endpoint.id)).enabled, false);
    await page.locator(rowSel).getByRole("button", { name: "Enable" }).click();
    await page.locator(rowSel).getByRole("button", { name: "Disable" }).waitFor();
    assert.equal((await api.getWebhook(endpoint.id)).enabled, true);

    // An invite.created event is delivered; the endpoint's attempts show it with the 200.
    await api.createInvite({ emails: ["ada@example.com"], roles: ["developer"] });
    await page.locator(rowSel).getByRole("button", { name: "Deliveries" }).click();
    await page.waitForSelector("#webhook-deliveries:not([hidden])");
    assert.match(await page.textContent("#webhook-deliveries-title"), new RegExp(url.replace(/[.]/g, "\\.")));
    const deadline = Date.now() + 30_000;
    while (!(await page.$("#webhook-deliveries-body tr[data-id]"))) {
      assert.ok(Date.now() < deadline, "no delivery attempt listed within 30 s");
      await new Promise((r) => setTimeout(r, 300));
      await page.click("#webhook-deliveries-refresh");
    }
    const attempt = await page.textContent("#webhook-deliveries-body tr[data-id]");
    assert.match(attempt, /invite\.created/);
    assert.match(attempt, /200/);
    assert.ok(received.some((r) => r.headers["webhook-id"]?.startsWith("evt_")), "the receiver got a signed delivery");
    await page.click("#webhook-deliveries-close");
    assert.equal(await page.isHidden("#webhook-deliveries"), true);

    // Rotate: confirm first, then the new secret is shown once.
    await page.locator(rowSel).getByRole("button", { name: "Rotate secret" }).click();
    await page.waitForSelector("#confirm-dialog[open]");
    assert.match(await page.textContent("#confirm-text"), /24 hours/);
    await page.click("#confirm-ok");
    const rotated = await takeLink(page);
    assert.match(rotated, /^whsec_/);
    assert.notEqual(rotated, secret);

    // Delete asks first; cancel keeps it, confirm deletes it.
    await page.locator(rowSel).getByRole("button", { name: "Delete" }).click();
    await page.waitForSelector("#confirm-dialog[open]");
    await page.click("#confirm-cancel");
    assert.equal((await api.listWebhooks()).data.length, 1);
    await page.locator(rowSel).getByRole("button", { name: "Delete" }).click();
    await page.waitForSelector("#confirm-dialog[open]");
    await page.click("#confirm-ok");
    await page.waitForSelector(rowSel, { state: "detached" });
    assert.equal((await api.listWebhooks()).data.length, 0);
    await page.waitForSelector("#webhooks-body tr.empty");
  });
});
