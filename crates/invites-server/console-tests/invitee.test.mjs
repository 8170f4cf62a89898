// End-to-end tests of the invitee's page (`/invite#code=…`): a real invites-server writing its
// emails to a directory, Debian's headless Chromium, axe-core for accessibility.

import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, afterEach, before, describe, test } from "node:test";

import { launchBrowser, newOrg, startServer } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const APP_URL = "http://app.example.test/welcome";

let server; // with an email directory, an --app-url and every log line kept
let browser;
const open = [];
let current;
/** Every invite code and one-time code the tests saw: none may be in the server's log. */
const secrets = new Set();

before(async () => {
  server = await startServer({ args: ["--app-url", APP_URL], logLevel: "info", keepLog: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  if (current) {
    const { seen } = current;
    current = undefined;
    assert.deepEqual(seen.errors, [], "uncaught page errors");
    assert.deepEqual(seen.csp, [], "Content-Security-Policy violations");
    for (const r of seen.requests) {
      if (r.url === seen.legacy) continue; // the old link itself, opened on purpose
      for (const s of secrets) assert.ok(!r.url.includes(s), `a code in a request URL: ${r.url}`);
    }
  }
  while (open.length) await open.pop().close();
});

/** A fresh context and page on `link`, recording errors, CSP violations and requests. */
async function openPage(link) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  open.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const seen = { errors: [], csp: [], requests: [] };
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.csp.push(m.text());
  });
  page.on("request", (r) => seen.requests.push({ method: r.method(), url: r.url() }));
  const response = await page.goto(link);
  current = { page, seen };
  return { page, seen, response };
}

/** An invite made through the API; its code joins the secrets. */
async function invite(api, body) {
  const inv = await api.createInvite(body);
  secrets.add(inv.code);
  return inv;
}

/** The six-digit code of the newest join-code email to `address` in `dir`. */
function latestCode(dir, address) {
  const files = readdirSync(dir)
    .map((f) => path.join(dir, f))
    .map((f) => ({ f, raw: readFileSync(f, "utf8") }))
    .filter(({ raw }) => /^Subject: Your code to join/im.test(raw))
    .filter(({ raw }) => new RegExp(`^To: <?${address.replace(/[.+]/g, "\\$&")}>?\\s*$`, "im").test(raw));
  assert.ok(files.length > 0, `no code email to ${address} in ${dir}`);
  const codes = files.map(({ f, raw }) => {
    let m = /Your code: (\d{6})/.exec(raw);
    if (!m) {
      // A base64 part: decode each block and look again.
      for (const block of raw.split(/\r?\n\r?\n/)) {
        const text = Buffer.from(block.replace(/\s+/g, ""), "base64").toString("utf8");
        m = /Your code: (\d{6})/.exec(text);
        if (m) break;
      }
    }
    assert.ok(m, `no code in ${f}`);
    return m[1];
  });
  // The directory transport names files by a random id: the newest is the code not seen yet.
  const fresh = codes.filter((c) => !secrets.has(`otp:${c}`));
  const code = fresh.length ? fresh[fresh.length - 1] : codes[codes.length - 1];
  secrets.add(`otp:${code}`);
  return code;
}
const otpSecrets = () => [...secrets].filter((s) => s.startsWith("otp:")).map((s) => s.slice(4));

/** axe-core's WCAG 2.1 A/AA checks on the page as it is now: no violation. */
async function assertAccessible(page, what) {
  // Evaluated through the DevTools protocol (not a <script> tag), so the page's CSP stays on.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  assert.deepEqual(result, [], `accessibility violations on ${what}`);
  // And every visible input has a label naming it.
  const unlabeled = await page.$$eval("input, select, textarea", (els) =>
    els.filter((e) => e.offsetParent !== null && !(e.labels && e.labels.length && e.labels[0].textContent.trim())).map((e) => e.id),
  );
  assert.deepEqual(unlabeled, [], `inputs without a label on ${what}`);
}

const activeId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

/** Press Tab until the element `id` has the focus (at most 10 times). */
async function tabTo(page, id) {
  for (let i = 0; i < 10; i++) {
    if ((await activeId(page)) === id) return;
    await page.keyboard.press("Tab");
  }
  assert.equal(await activeId(page), id, `Tab never reached #${id}`);
}

describe("the invitee's page", () => {
  test("the link carries the code in its fragment; the page shows the invitation and nothing of its addresses", async () => {
    const { api } = await newOrg(server.url, "Acme Rockets");
    const inv = await invite(api, {
      emails: ["ada@example.com", "grace@example.com"],
      roles: ["developer", "viewer"],
      teams: ["platform"],
      message: "Welcome aboard, <b>crew</b>!",
    });
    assert.equal(inv.url, `${server.url}/invite#code=${inv.code}`);
    const { page, response, seen } = await openPage(inv.url);
    const h = response.headers();
    assert.match(h["content-security-policy"], /default-src 'none'/);
    assert.match(h["content-security-policy"], /script-src 'self'/);
    assert.equal(h["x-frame-options"], "DENY");
    assert.equal(h["referrer-policy"], "no-referrer");
    await page.waitForSelector("#invite:not([hidden])");
    assert.equal(await page.textContent("#org-name"), "Acme Rockets");
    assert.equal(await page.textContent("#invite-roles"), "developer, viewer");
    assert.equal(await page.textContent("#invite-teams"), "platform");
    assert.equal(await page.textContent("#invite-message"), "Welcome aboard, <b>crew</b>!", "the message is text, not HTML");
    assert.notEqual((await page.textContent("#invite-expires")).trim(), "never");
    assert.ok(await page.isVisible("#invite-restricted"));
    assert.ok(await page.isVisible("#email-form"));
    const text = await page.textContent("body");
    assert.ok(!text.includes("ada@") && !text.includes("grace@"), "no address of the invite is shown");
    // The page sent the code only in a POST body to /invite/lookup.
    const posts = seen.requests.filter((r) => r.method === "POST");
    assert.deepEqual(posts.map((r) => new URL(r.url).pathname), ["/invite/lookup"]);
    // Opening it consumed nothing.
    const after = await api.getInvite(inv.id);
    assert.equal(after.use_count, 0);
    assert.equal(after.status, "pending");
    await assertAccessible(page, "the invitation");
  });

  test("keyboard only: address, emailed code, joined; the member is in listMembers", async () => {
    const { api } = await newOrg(server.url, "Keyboard Co");
    const inv = await invite(api, { emails: ["kay@example.com"], roles: ["developer"], teams: ["web"] });
    const { page } = await openPage(inv.url);
    await page.waitForSelector("#invite:not([hidden])");
    assert.equal(await activeId(page), "invite-title", "the focus starts on the invitation's heading");
    await tabTo(page, "email");
    await page.keyboard.type("Kay@Example.com");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#code-form:not([hidden])");
    assert.equal(await activeId(page), "otp", "the focus moves to the code");
    assert.match(await page.textContent("#code-sent"), /sent a six-digit code to kay@example\.com/);
    await assertAccessible(page, "the code step");
    const code = latestCode(server.mailDir, "kay@example.com");
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#joined:not([hidden])");
    assert.equal(await page.textContent("#joined-title"), "You joined Keyboard Co as developer");
    assert.equal(await activeId(page), "joined-title");
    assert.equal(await page.getAttribute("#joined-app-href", "href"), APP_URL);
    assert.match(await page.textContent("#joined-teams"), /web/);
    await tabTo(page, "joined-app-href");
    await assertAccessible(page, "the joined page");
    const members = await api.listMembers();
    const m = members.data.find((x) => x.email === "kay@example.com");
    assert.ok(m, JSON.stringify(members));
    assert.deepEqual(m.roles, ["developer"]);
    assert.deepEqual(m.teams, ["web"]);
    assert.equal(m.invite_id, inv.id);
    assert.equal((await api.getInvite(inv.id)).status, "accepted");
  });

  test("an address the invite does not name gets no code; a domain invite admits its domain", async () => {
    const { api } = await newOrg(server.url, "Domain Co");
    const inv = await invite(api, { emails: ["*@domain.example"], roles: ["user"] });
    const { page } = await openPage(inv.url);
    await page.waitForSelector("#email-form:not([hidden])");
    await page.fill("#email", "eve@evil.example");
    await page.click("#email-submit");
    await page.waitForSelector("#banner:not([hidden])");
    assert.match(await page.textContent("#banner"), /not for this address/);
    assert.ok(await page.isHidden("#code-form"));
    await page.fill("#email", "not-an-address");
    await page.click("#email-submit");
    await page.waitForSelector("#email-error:not([hidden])");
    assert.equal(await page.getAttribute("#email", "aria-invalid"), "true");
    await page.fill("#email", "dee@domain.example");
    await page.click("#email-submit");
    await page.waitForSelector("#code-form:not([hidden])");
    await page.fill("#otp", latestCode(server.mailDir, "dee@domain.example"));
    await page.click("#code-submit");
    await page.waitForSelector("#joined:not([hidden])");
    assert.equal(await page.textContent("#joined-title"), "You joined Domain Co as user");
  });

  test("wrong codes count down five tries; then even the right code is refused until a new one is sent", async () => {
    const { api } = await newOrg(server.url, "Tries Inc");
    const inv = await invite(api, { emails: ["tri@example.com"], roles: ["viewer"] });
    const { page } = await openPage(inv.url);
    await page.waitForSelector("#email-form:not([hidden])");
    await page.fill("#email", "tri@example.com");
    await page.click("#email-submit");
    await page.waitForSelector("#code-form:not([hidden])");
    const right = latestCode(server.mailDir, "tri@example.com");
    const wrong = right === "000000" ? "111111" : "000000";
    // Not six digits: refused on the page, no try spent.
    await page.fill("#otp", "12");
    await page.click("#code-submit");
    await page.waitForSelector("#otp-error:not([hidden])");
    assert.match(await page.textContent("#otp-error"), /six digits/);
    for (const left of [4, 3, 2, 1]) {
      await page.fill("#otp", wrong);
      await page.click("#code-submit");
      await page.waitForFunction((n) => document.getElementById("otp-error").textContent.includes(`${n} tr`), left);
      assert.equal(await page.getAttribute("#otp", "aria-invalid"), "true");
      assert.equal(await activeId(page), "otp");
    }
    await page.fill("#otp", wrong);
    await page.click("#code-submit");
    await page.waitForFunction(() => /fifth try/.test(document.getElementById("otp-error").textContent));
    await page.fill("#otp", right);
    await page.click("#code-submit");
    await page.waitForFunction(() => /five wrong codes/i.test(document.getElementById("otp-error").textContent));
    assert.equal((await api.listMembers()).data.length, 0, "nobody joined");
    // A new code works.
    await page.click("#code-resend");
    await page.waitForFunction(() => document.getElementById("otp").value === "");
    const fresh = latestCode(server.mailDir, "tri@example.com");
    await page.fill("#otp", fresh);
    await page.click("#code-submit");
    await page.waitForSelector("#joined:not([hidden])");
    assert.equal(await page.textContent("#joined-title"), "You joined Tries Inc as viewer");
  });

  test("an expired code is refused and a new one joins", async () => {
    const short = await startServer({ args: ["--join-code-ttl-secs", "2"] });
    try {
      const { api } = await newOrg(short.url, "Slow Ltd");
      const inv = await api.createInvite({ emails: ["sam@example.com"], roles: ["user"] });
      secrets.add(inv.code);
      const { page } = await openPage(inv.url);
      await page.waitForSelector("#email-form:not([hidden])");
      await page.fill("#email", "sam@example.com");
      await page.click("#email-submit");
      await page.waitForSelector("#code-form:not([hidden])");
      const code = latestCode(short.mailDir, "sam@example.com");
      await new Promise((r) => setTimeout(r, 2500));
      await page.fill("#otp", code);
      await page.click("#code-submit");
      await page.waitForFunction(() => /expired/.test(document.getElementById("otp-error").textContent));
      assert.equal((await api.listMembers()).data.length, 0);
      await page.click("#code-resend");
      await page.waitForFunction(() => document.getElementById("otp").value === "");
      await page.fill("#otp", latestCode(short.mailDir, "sam@example.com"));
      await page.click("#code-submit");
      await page.waitForSelector("#joined:not([hidden])");
      assert.equal((await api.listMembers()).data.length, 1);
    } finally {
      await short.close();
    }
  });

  test("revoked, disabled and used-up invites, unknown and missing codes get a clear page", async () => {
    const { api } = await newOrg(server.url, "Closed Co");
    const revoked = await invite(api, { roles: ["user"], ttl_seconds: 3600 });
    await api.revokeInvite(revoked.id);
    const disabled = await invite(api, { roles: ["user"], ttl_seconds: 3600 });
    await api.updateInvite(disabled.id, { enabled: false });
    const used = await invite(api, { emails: ["una@example.com"], roles: ["user"] });
    await api.accept(used.code, "una@example.com");
    const cases = [
      [revoked.url, /withdrawn/],
      [disabled.url, /paused/],
      [used.url, /been used/],
      [`${server.url}/invite#code=ic_0000000000000000000000000000000000000000`, /does not work/],
      [`${server.url}/invite`, /no invitation in it/],
    ];
    for (const [link, title] of cases) {
      const { page } = await openPage(link);
      await page.waitForSelector("#unusable:not([hidden])");
      assert.match(await page.textContent("#unusable-title"), title, link);
      assert.match(await page.textContent("#unusable"), /Ask the person or organization that invited you for a new invitation/);
      assert.ok(await page.isHidden("#email-form"));
      assert.equal(await activeId(page), "unusable-title");
      await assertAccessible(page, `the page of ${link}`);
    }
  });

  test("an old /invite/{code} link still opens the page; its path is redacted in the log", async () => {
    const { api } = await newOrg(server.url, "Legacy Co");
    const inv = await invite(api, { roles: ["user"], ttl_seconds: 3600 });
    const legacy = `${server.url}/invite/${inv.code}`;
    const { page, seen } = await openPage(legacy);
    seen.legacy = legacy;
    await page.waitForSelector("#invite:not([hidden])");
    assert.equal(page.url(), `${server.url}/invite#code=${inv.code}`, "the code moved into the fragment");
    const after = seen.requests.slice(1).map((r) => r.url);
    assert.ok(after.every((u) => !u.includes(inv.code)), after.join("\n"));
    assert.equal(await page.textContent("#org-name"), "Legacy Co");
    assert.match(server.log(), /path=\/invite\/\[redacted\]/);
  });

  test("without an email transport the page shows the invitation and says the application completes the join", async () => {
    const plain = await startServer({ email: false, args: ["--app-url", APP_URL] });
    try {
      const { api } = await newOrg(plain.url, "No Mail Co");
      const inv = await api.createInvite({ roles: ["developer"], ttl_seconds: 3600 });
      secrets.add(inv.code);
      const { page } = await openPage(inv.url);
      await page.waitForSelector("#invite:not([hidden])");
      assert.equal(await page.textContent("#org-name"), "No Mail Co");
      assert.ok(await page.isVisible("#join-app"));
      assert.match(await page.textContent("#join-app"), /application that invited you/);
      assert.ok(await page.isHidden("#email-form"));
      assert.ok(await page.isHidden("#code-form"));
      assert.equal(await page.getAttribute("#join-app-href", "href"), APP_URL);
      await assertAccessible(page, "the page without email");
    } finally {
      await plain.close();
    }
  });

  test("after the whole flow the server log holds no invite code and no one-time code", () => {
    const log = server.log();
    assert.match(log, /path=\/invite\/lookup/, "the log has the page's requests");
    assert.ok(otpSecrets().length >= 3, "codes were collected");
    for (const s of secrets) {
      if (s.startsWith("otp:")) {
        // As a number of its own (not inside a longer run of digits such as a latency).
        const otp = s.slice(4);
        assert.ok(!new RegExp(`(?<![0-9])${otp}(?![0-9])`).test(log), `one-time code ${otp} is in the server log`);
      } else {
        assert.ok(!log.includes(s), `invite code ${s} is in the server log`);
      }
    }
    assert.ok(!log.includes("ic_"), "no invite code prefix in the log");
  });
});
