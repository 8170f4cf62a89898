// The invitations console. Plain DOM, no framework; every value is rendered as text.

import { api, ApiError, forgetKey, storedKey, storeKey } from "/console/api.js";
import { chips, h, replace, splitCommaList, splitList, timeCell, toLocalInput } from "/console/view.js";

const PAGE_SIZE = 20;
const STATUSES = new Set(["pending", "accepted", "expired", "disabled", "revoked"]);

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
};

const state = {
  org: null,
  roles: [],
  invites: { tokens: [undefined], index: 0, next: null, seq: 0 },
  members: { tokens: [undefined], index: 0, next: null, seq: 0 },
  keys: { tokens: [undefined], index: 0, next: null, seq: 0 },
  events: { tokens: [undefined], index: 0, next: null, seq: 0 },
  webhooks: { tokens: [undefined], index: 0, next: null, seq: 0 },
  deliveriesOf: null, // the endpoint whose attempts are shown, or null
  deliveriesSeq: 0,
  editing: null, // the invite being edited, or null when creating
  tab: "invites",
};

// ---------------------------------------------------------------- messages

function showBanner(text, kind = "error") {
  const b = $("banner");
  b.textContent = text;
  b.className = `banner ${kind}`;
  b.hidden = false;
}

function hideBanner() {
  $("banner").hidden = true;
}

function describe(err) {
  if (err instanceof ApiError) {
    const rid = err.requestId ? ` (request ${err.requestId})` : "";
    return `${err.message}${rid}`;
  }
  return `The server could not be reached: ${err && err.message ? err.message : err}`;
}

/** Report an error outside a dialog; an unauthorized answer signs out. */
function fail(err) {
  if (err instanceof ApiError && err.status === 401) {
    signOut("Your API key is no longer accepted. Sign in again.");
    return;
  }
  showBanner(describe(err));
}

// ---------------------------------------------------------------- sign in / out

async function signIn(key, { fromStorage = false } = {}) {
  const errEl = $("signin-error");
  errEl.hidden = true;
  const submit = $("signin-submit");
  submit.disabled = true;
  try {
    const org = await api.organization(key);
    storeKey(key);
    state.org = org;
    state.roles = (Array.isArray(org.roles) ? org.roles : []).filter((r) => r !== "owner");
    $("api-key").value = "";
    $("org-name").textContent = org.name;
    $("org-name").title = org.id;
    $("who").hidden = false;
    $("signin").hidden = true;
    $("app").hidden = false;
    hideBanner();
    selectTab("invites");
    resetPaging(state.invites);
    resetPaging(state.members);
    resetPaging(state.events);
    await loadInvites();
  } catch (err) {
    forgetKey();
    if (fromStorage) {
      showSignIn();
      if (!(err instanceof ApiError && err.status === 401)) showBanner(describe(err));
      return;
    }
    errEl.textContent =
      err instanceof ApiError && err.status === 401
        ? "That API key was not accepted. Check it and try again."
        : describe(err);
    errEl.hidden = false;
    $("api-key").focus();
  } finally {
    submit.disabled = false;
  }
}

function showSignIn() {
  $("app").hidden = true;
  $("who").hidden = true;
  $("signin").hidden = false;
  $("api-key").focus();
}

function signOut(message) {
  forgetKey();
  state.org = null;
  state.roles = [];
  $("invites-body").replaceChildren();
  $("members-body").replaceChildren();
  $("events-body").replaceChildren();
  $("webhooks-body").replaceChildren();
  hideDeliveries();
  $("org-name").textContent = "";
  for (const id of ["invite-dialog", "link-dialog", "confirm-dialog"]) {
    const d = $(id);
    if (d.open) d.close();
  }
  $("link-value").value = "";
  if (message) showBanner(message, "info");
  else hideBanner();
  showSignIn();
}

// ---------------------------------------------------------------- tabs and paging

function selectTab(tab) {
  state.tab = tab;
  for (const t of ["invites", "members", "keys", "events", "webhooks"]) {
    $(`tab-${t}`).setAttribute("aria-selected", String(t === tab));
    $(`panel-${t}`).hidden = t !== tab;
  }
}

function resetPaging(p) {
  p.tokens = [undefined];
  p.index = 0;
  p.next = null;
}

function updatePager(prefix, p, count) {
  $(`${prefix}-prev`).disabled = p.index === 0;
  $(`${prefix}-next`).disabled = !p.next;
  const first = p.index * PAGE_SIZE + (count ? 1 : 0);
  const last = p.index * PAGE_SIZE + count;
  $(`${prefix}-page`).textContent = count ? `Page ${p.index + 1} · ${first}–${last}` : `Page ${p.index + 1}`;
}

// ---------------------------------------------------------------- invitations table

async function loadInvites() {
  const p = state.invites;
  const seq = ++p.seq;
  $("invites-prev").disabled = true;
  $("invites-next").disabled = true;
  try {
    const page = await api.listInvites({
      status: $("status-filter").value,
      limit: PAGE_SIZE,
      page_token: p.tokens[p.index],
    });
    if (seq !== p.seq) return;
    const data = Array.isArray(page.data) ? page.data : [];
    p.next = page.next_page_token || null;
    const body = $("invites-body");
    if (data.length === 0) {
      replace(body, h("tr", { className: "empty" }, h("td", { colSpan: 10 }, "No invitations here yet.")));
    } else {
      replace(body, data.map(inviteRow));
    }
    updatePager("invites", p, data.length);
  } catch (err) {
    if (seq === p.seq) {
      updatePager("invites", p, 0);
      fail(err);
    }
  }
}

function addressesCell(emails) {
  if (!emails || emails.length === 0) return h("span", { className: "chip public" }, "public");
  return h(
    "span",
    { className: "chips" },
    emails.map((e) =>
      e.startsWith("*@")
        ? h("span", { className: "chip domain", title: `anyone at ${e.slice(2)}` }, e)
        : h("span", { className: "chip address" }, e),
    ),
  );
}

function inviteRow(inv) {
  const status = STATUSES.has(inv.status) ? inv.status : "unknown";
  const named = typeof inv.name === "string" && inv.name !== "";
  const actions = h("td", { className: "row-actions" });
  if (status !== "revoked") {
    actions.append(
      h("button", { type: "button", className: "secondary small", on: { click: () => openEdit(inv) } }, "Edit"),
      h(
        "button",
        {
          type: "button",
          className: "secondary small toggle",
          attrs: { "aria-pressed": String(!inv.enabled) },
          on: { click: (ev) => toggleEnabled(inv, ev.currentTarget) },
        },
        inv.enabled ? "Disable" : "Enable",
      ),
      h("button", { type: "button", className: "secondary small", on: { click: () => rotate(inv) } }, "Rotate link"),
    );
    if (emailed(inv) && (status === "pending" || status === "expired")) {
      actions.append(
        h("button", { type: "button", className: "secondary small", on: { click: () => resend(inv) } }, "Resend"),
      );
    }
    actions.append(
      h("button", { type: "button", className: "danger small", on: { click: () => revoke(inv) } }, "Revoke"),
    );
  }
  return h(
    "tr",
    { dataset: { id: inv.id, status } },
    h(
      "td",
      { className: "name" },
      h("span", { className: named ? "invite-name" : "invite-name muted" }, named ? inv.name : "(unnamed)"),
      h("span", { className: "id" }, inv.id),
    ),
    h("td", { className: "addresses" }, addressesCell(inv.emails)),
    h("td", { className: "roles" }, chips(inv.roles)),
    h("td", { className: "teams" }, chips(inv.teams)),
    h("td", {}, h("span", { className: `status status-${status}` }, inv.status)),
    deliveryCell(inv),
    h("td", { className: "uses" }, `${inv.use_count} / ${inv.max_uses == null ? "∞" : inv.max_uses}`),
    h("td", { className: "expires" }, timeCell(inv.expires_at, { emptyText: "never" })),
    h("td", { className: "created" }, timeCell(inv.created_at)),
    actions,
  );
}

/** Whether an invite is emailed at all: one email per exact address (never for a domain or a link). */
function emailed(inv) {
  return Array.isArray(inv.emails) && inv.emails.some((e) => !e.startsWith("*@"));
}

/** The invite's emails, summed up by status ("2 sent", "1 queued", "1 failed"), filled in once
 * its deliveries arrive; "—" for an invite no email goes to. */
function deliveryCell(inv) {
  const td = h("td", { className: "deliveries" }, h("span", { className: "muted" }, "—"));
  if (!emailed(inv)) return td;
  api
    .listDeliveries(inv.id, { limit: 100 })
    .then((page) => {
      const counts = {};
      for (const d of Array.isArray(page.data) ? page.data : []) counts[d.status] = (counts[d.status] || 0) + 1;
      const parts = ["sent", "queued", "failed"].filter((s) => counts[s]);
      if (parts.length === 0) return;
      const failed = (page.data || []).find((d) => d.status === "failed" && d.last_error);
      replace(
        td,
        parts.map((s) =>
          h(
            "span",
            { className: `chip delivery-${s}`, attrs: s === "failed" && failed ? { title: failed.last_error } : {} },
            `${counts[s]} ${s}`,
          ),
        ),
      );
    })
    .catch(() => {
      /* the row stays usable without its delivery summary */
    });
  return td;
}

function resend(inv) {
  const expired = inv.status === "expired";
  confirmAction({
    title: "Resend the invitation?",
    text:
      `A new link replaces the link of ${inviteLabel(inv)} and is emailed again to every address that has not accepted; the current link stops working at once.` +
      (expired ? " It will expire 7 days from now." : ""),
    ok: "Resend",
    action: async () => {
      const updated = await api.resendInvite(inv.id, expired ? { ttl_seconds: 7 * 86400 } : {});
      refreshRow(updated);
      showLink(updated.url);
    },
  });
}

/** Put an updated invite in place of its row. */
function refreshRow(inv) {
  for (const tr of $("invites-body").children) {
    if (tr.dataset.id === inv.id) {
      tr.replaceWith(inviteRow(inv));
      return;
    }
  }
}

async function toggleEnabled(inv, button) {
  button.disabled = true;
  try {
    const updated = await api.updateInvite(inv.id, { enabled: !inv.enabled });
    hideBanner();
    refreshRow(updated);
  } catch (err) {
    button.disabled = false;
    fail(err);
  }
}

function inviteLabel(inv) {
  return inv.name ? `“${inv.name}”` : inv.id;
}

function rotate(inv) {
  confirmAction({
    title: "Rotate the link?",
    text: `A new link replaces the link of ${inviteLabel(inv)}; the current link stops working at once.`,
    ok: "Rotate link",
    action: async () => {
      const updated = await api.rotateInvite(inv.id);
      refreshRow(updated);
      showLink(updated.url);
    },
  });
}

function revoke(inv) {
  confirmAction({
    title: "Revoke the invitation?",
    text: `Revoking ${inviteLabel(inv)} is final: its link stops working for good.`,
    ok: "Revoke",
    action: async () => {
      const updated = await api.revokeInvite(inv.id);
      refreshRow(updated);
    },
  });
}

// ---------------------------------------------------------------- members

async function loadMembers() {
  const p = state.members;
  const seq = ++p.seq;
  $("members-prev").disabled = true;
  $("members-next").disabled = true;
  try {
    const page = await api.listMembers({ limit: PAGE_SIZE, page_token: p.tokens[p.index] });
    if (seq !== p.seq) return;
    const data = Array.isArray(page.data) ? page.data : [];
    p.next = page.next_page_token || null;
    const body = $("members-body");
    if (data.length === 0) {
      replace(body, h("tr", { className: "empty" }, h("td", { colSpan: 7 }, "No members yet.")));
    } else {
      replace(body, data.map(memberRow));
    }
    updatePager("members", p, data.length);
  } catch (err) {
    if (seq === p.seq) {
      updatePager("members", p, 0);
      fail(err);
    }
  }
}

function memberRow(m) {
  return h(
    "tr",
    { dataset: { id: m.id } },
    h("td", { className: "email" }, m.email),
    h("td", {}, m.user_id ? m.user_id : h("span", { className: "muted" }, "—")),
    h("td", {}, chips(m.roles)),
    h("td", {}, chips(m.teams)),
    h("td", { className: "id" }, m.invite_id || "—"),
    h("td", {}, timeCell(m.created_at)),
    h(
      "td",
      { className: "row-actions" },
      h(
        "button",
        {
          type: "button",
          className: "danger small",
          on: {
            click: () =>
              confirmAction({
                title: "Remove the member?",
                text: `${m.email} loses access to the organization.`,
                ok: "Remove",
                action: async () => {
                  await api.removeMember(m.id);
                  await loadMembers();
                },
              }),
          },
        },
        "Remove",
      ),
    ),
  );
}

// ---------------------------------------------------------------- API keys

async function loadKeys() {
  const p = state.keys;
  const seq = ++p.seq;
  $("keys-prev").disabled = true;
  $("keys-next").disabled = true;
  try {
    const page = await api.listApiKeys({ limit: PAGE_SIZE, page_token: p.tokens[p.index] });
    if (seq !== p.seq) return;
    const data = Array.isArray(page.data) ? page.data : [];
    p.next = page.next_page_token || null;
    replace($("keys-body"), data.map(keyRow));
    updatePager("keys", p, data.length);
  } catch (err) {
    if (seq === p.seq) {
      updatePager("keys", p, 0);
      fail(err);
    }
  }
}

function keyRow(k) {
  const revoked = Boolean(k.revoked_at);
  return h(
    "tr",
    { dataset: { id: k.id } },
    h("td", {}, k.name),
    h("td", { className: "id" }, k.id),
    h("td", {}, timeCell(k.created_at)),
    h("td", {}, k.last_used_at ? timeCell(k.last_used_at) : h("span", { className: "muted" }, "never")),
    h("td", {}, h("span", { className: `chip ${revoked ? "revoked" : "pending"}` }, revoked ? "revoked" : "active")),
    h(
      "td",
      { className: "row-actions" },
      revoked
        ? ""
        : h(
            "button",
            {
              type: "button",
              className: "danger small",
              on: {
                click: () =>
                  confirmAction({
                    title: "Revoke the API key?",
                    text: `“${k.name}” stops working at once, everywhere within seconds. This cannot be undone.`,
                    ok: "Revoke",
                    action: async () => {
                      await api.revokeApiKey(k.id);
                      await loadKeys();
                    },
                  }),
              },
            },
            "Revoke",
          ),
    ),
  );
}

async function createKey(ev) {
  ev.preventDefault();
  const input = $("f-key-name");
  const errEl = $("key-form-error");
  errEl.hidden = true;
  const name = input.value.trim();
  if (!name) {
    errEl.textContent = "Give the key a name: what is it for?";
    errEl.hidden = false;
    return;
  }
  $("new-key").disabled = true;
  try {
    const key = await api.createApiKey({ name });
    input.value = "";
    showSecret(key.secret, {
      title: "API key",
      note: "Copy this key now: it is shown only once and cannot be shown again. If it is lost, revoke it and create another.",
    });
    await loadKeys();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) fail(err);
    else {
      errEl.textContent = describe(err);
      errEl.hidden = false;
    }
  } finally {
    $("new-key").disabled = false;
  }
}

// ---------------------------------------------------------------- events (the audit log)

async function loadEvents() {
  const p = state.events;
  const seq = ++p.seq;
  $("events-prev").disabled = true;
  $("events-next").disabled = true;
  try {
    const page = await api.listEvents({
      limit: PAGE_SIZE,
      type: $("event-type-filter").value,
      page_token: p.tokens[p.index],
    });
    if (seq !== p.seq) return;
    const data = Array.isArray(page.data) ? page.data : [];
    p.next = page.next_page_token || null;
    const body = $("events-body");
    if (data.length === 0) {
      replace(body, h("tr", { className: "empty" }, h("td", { colSpan: 5 }, "No events yet.")));
    } else {
      replace(body, data.map(eventRow));
    }
    updatePager("events", p, data.length);
  } catch (err) {
    if (seq === p.seq) {
      updatePager("events", p, 0);
      fail(err);
    }
  }
}

/** Who made the change: "API key key_…", "Admin", "System (email_worker)". */
function eventActor(a) {
  const actor = a && typeof a === "object" ? a : {};
  if (actor.type === "api_key") return `API key ${actor.id || ""}`.trim();
  if (actor.type === "admin") return "Admin";
  if (actor.type === "system") return actor.id ? `System (${actor.id})` : "System";
  return String(actor.type || "—");
}

/** What the event is about, in words, from its data (never more than the API put there). */
function eventSubject(e) {
  const d = e && e.data && typeof e.data === "object" ? e.data : {};
  const parts = [];
  if (d.member && d.member.email) parts.push(d.member.email);
  if (d.invite) {
    const inv = d.invite;
    const who = Array.isArray(inv.emails) && inv.emails.length ? inv.emails.join(", ") : "public link";
    parts.push(inv.name ? `${inv.name} (${who})` : who);
  }
  if (d.api_key && d.api_key.name) parts.push(`key “${d.api_key.name}”`);
  if (d.delivery) {
    const dl = d.delivery;
    parts.push(dl.last_error ? `${dl.email}: ${dl.last_error}` : dl.email || "");
  }
  return parts.filter(Boolean).join(" · ") || "—";
}

function eventRow(e) {
  return h(
    "tr",
    { dataset: { id: e.id, type: e.type } },
    h("td", {}, timeCell(e.created_at)),
    h("td", {}, h("code", {}, e.type)),
    h("td", {}, eventActor(e.actor)),
    h("td", { className: "email" }, eventSubject(e)),
    h("td", { className: "id" }, e.id),
  );
}

// ---------------------------------------------------------------- webhook endpoints

/** The event types of the spec's EventType, for the create form (the Events filter lists them). */
function eventTypes() {
  return Array.from($("event-type-filter").options, (o) => o.value).filter(Boolean);
}

async function loadWebhooks() {
  const p = state.webhooks;
  const seq = ++p.seq;
  $("webhooks-prev").disabled = true;
  $("webhooks-next").disabled = true;
  try {
    const page = await api.listWebhooks({ limit: PAGE_SIZE, page_token: p.tokens[p.index] });
    if (seq !== p.seq) return;
    const data = Array.isArray(page.data) ? page.data : [];
    p.next = page.next_page_token || null;
    const body = $("webhooks-body");
    if (data.length === 0) {
      replace(body, h("tr", { className: "empty" }, h("td", { colSpan: 6 }, "No webhook endpoints yet.")));
    } else {
      replace(body, data.map(webhookRow));
    }
    updatePager("webhooks", p, data.length);
  } catch (err) {
    if (seq === p.seq) {
      updatePager("webhooks", p, 0);
      fail(err);
    }
  }
}

function webhookState(w) {
  if (w.enabled) return h("span", { className: "status status-pending" }, "enabled");
  return h(
    "span",
    { className: "status status-disabled", title: w.disabled_reason || "disabled by an administrator" },
    w.disabled_reason ? `disabled: ${w.disabled_reason}` : "disabled",
  );
}

function webhookRow(w) {
  const types = Array.isArray(w.event_types) ? w.event_types : [];
  const small = (label, className, onClick) =>
    h("button", { type: "button", className: `${className} small`, on: { click: onClick } }, label);
  return h(
    "tr",
    { dataset: { id: w.id } },
    h("td", { className: "url" }, w.url, w.description ? h("div", { className: "muted" }, w.description) : ""),
    h("td", { className: "id" }, w.id),
    h("td", {}, types.length ? chips(types) : h("span", { className: "muted" }, "all")),
    h("td", {}, webhookState(w)),
    h("td", {}, timeCell(w.created_at)),
    h(
      "td",
      { className: "row-actions" },
      small(w.enabled ? "Disable" : "Enable", "secondary", async (ev) => {
        ev.target.disabled = true;
        try {
          await api.updateWebhook(w.id, { enabled: !w.enabled });
          await loadWebhooks();
        } catch (err) {
          ev.target.disabled = false;
          fail(err);
        }
      }),
      small("Deliveries", "secondary", () => showDeliveries(w)),
      small("Rotate secret", "secondary", () =>
        confirmAction({
          title: "Rotate the signing secret?",
          text: `${w.url} gets a new secret. The old one keeps signing beside it for 24 hours, so receivers can switch.`,
          ok: "Rotate",
          action: async () => {
            const rotated = await api.rotateWebhookSecret(w.id);
            showWebhookSecret(rotated.secret);
          },
        }),
      ),
      small("Delete", "danger", () =>
        confirmAction({
          title: "Delete the endpoint?",
          text: `${w.url} receives nothing more; its pending deliveries and attempt log are deleted. This cannot be undone.`,
          ok: "Delete",
          action: async () => {
            await api.deleteWebhook(w.id);
            if (state.deliveriesOf && state.deliveriesOf.id === w.id) hideDeliveries();
            await loadWebhooks();
          },
        }),
      ),
    ),
  );
}

function showWebhookSecret(secret) {
  showSecret(secret, {
    title: "Webhook signing secret",
    note:
      "Copy this secret now into your receiver's configuration: it is shown only once and cannot be shown again. " +
      "Your receiver verifies every delivery with it (client.webhooks.unwrap in the SDKs). If it is lost, rotate the secret.",
  });
}

async function createWebhook(ev) {
  ev.preventDefault();
  const errEl = $("webhook-form-error");
  errEl.hidden = true;
  const url = $("f-webhook-url").value.trim();
  if (!url) {
    errEl.textContent = "Give the URL the server should POST events to.";
    errEl.hidden = false;
    return;
  }
  const body = { url };
  const types = Array.from($("f-webhook-types").selectedOptions, (o) => o.value);
  if (types.length) body.event_types = types;
  const description = $("f-webhook-description").value.trim();
  if (description) body.description = description;
  $("new-webhook").disabled = true;
  try {
    const created = await api.createWebhook(body);
    $("f-webhook-url").value = "";
    $("f-webhook-description").value = "";
    for (const o of $("f-webhook-types").options) o.selected = false;
    showWebhookSecret(created.secret);
    resetPaging(state.webhooks);
    await loadWebhooks();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) fail(err);
    else {
      errEl.textContent = err instanceof ApiError && err.param ? `${err.param}: ${describe(err)}` : describe(err);
      errEl.hidden = false;
    }
  } finally {
    $("new-webhook").disabled = false;
  }
}

function hideDeliveries() {
  state.deliveriesOf = null;
  state.deliveriesSeq += 1;
  $("webhook-deliveries").hidden = true;
  replace($("webhook-deliveries-body"));
}

function showDeliveries(w) {
  state.deliveriesOf = w;
  $("webhook-deliveries-title").textContent = `Recent deliveries to ${w.url}`;
  $("webhook-deliveries").hidden = false;
  loadDeliveries();
}

/** An attempt's outcome: the HTTP status the receiver answered, or the transport error. */
function attemptResult(d) {
  if (typeof d.status_code === "number") {
    const ok = d.status_code >= 200 && d.status_code < 300;
    return h("span", { className: `status ${ok ? "status-pending" : "status-revoked"}` }, String(d.status_code));
  }
  return h("span", { className: "status status-revoked", title: d.error || "" }, d.error || "failed");
}

async function loadDeliveries() {
  const w = state.deliveriesOf;
  if (!w) return;
  const seq = ++state.deliveriesSeq;
  try {
    const page = await api.listWebhookDeliveries(w.id, { limit: PAGE_SIZE });
    if (seq !== state.deliveriesSeq) return;
    const data = Array.isArray(page.data) ? page.data : [];
    const body = $("webhook-deliveries-body");
    if (data.length === 0) {
      replace(body, h("tr", { className: "empty" }, h("td", { colSpan: 6 }, "No deliveries yet.")));
      return;
    }
    replace(
      body,
      data.map((d) =>
        h(
          "tr",
          { dataset: { id: d.id, event: d.event_id } },
          h("td", {}, timeCell(d.created_at)),
          h("td", { className: "id" }, d.event_id),
          h("td", {}, h("code", {}, d.event_type)),
          h("td", {}, String(d.attempt)),
          h("td", {}, attemptResult(d)),
          h("td", {}, `${d.duration_ms} ms`),
        ),
      ),
    );
  } catch (err) {
    if (seq === state.deliveriesSeq) fail(err);
  }
}

// ---------------------------------------------------------------- confirm dialog

function confirmAction({ title, text, ok, action }) {
  const dlg = $("confirm-dialog");
  $("confirm-title").textContent = title;
  $("confirm-text").textContent = text;
  $("confirm-error").hidden = true;
  const okBtn = $("confirm-ok");
  okBtn.textContent = ok;
  okBtn.disabled = false;
  okBtn.onclick = async () => {
    okBtn.disabled = true;
    try {
      await action();
      if (dlg.open) dlg.close();
      hideBanner();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        fail(err);
        return;
      }
      $("confirm-error").textContent = describe(err);
      $("confirm-error").hidden = false;
      okBtn.disabled = false;
    }
  };
  dlg.showModal();
  $("confirm-cancel").focus();
}

// ---------------------------------------------------------------- the link, shown once

const LINK_TEXT = { title: null, note: null };

function showLink(url) {
  showSecret(url, LINK_TEXT);
}

/** Show a secret once (an invitation link, an API key) in the copy dialog. */
function showSecret(value, { title, note }) {
  if (LINK_TEXT.title === null) {
    LINK_TEXT.title = $("link-dialog-title").textContent;
    LINK_TEXT.note = $("link-once").textContent;
  }
  $("link-dialog-title").textContent = title ?? LINK_TEXT.title;
  $("link-once").replaceChildren(h("strong", {}, note ?? LINK_TEXT.note));
  $("link-value").value = value || "";
  $("link-status").textContent = "";
  $("link-dialog").showModal();
  $("link-value").select();
}

async function copyLink() {
  const input = $("link-value");
  const status = $("link-status");
  try {
    await navigator.clipboard.writeText(input.value);
    status.textContent = "Copied to the clipboard.";
  } catch {
    input.select();
    // Fallback where the asynchronous clipboard is unavailable (plain http on another host).
    const ok = document.execCommand && document.execCommand("copy");
    status.textContent = ok ? "Copied to the clipboard." : "Select the link and copy it by hand.";
  }
}

// ---------------------------------------------------------------- create / edit dialog

function setOptions(select, options) {
  replace(select, options.map(([value, label]) => h("option", { value }, label)));
}

function clearFieldErrors() {
  for (const el of document.querySelectorAll("#invite-form [data-error-for]")) {
    el.hidden = true;
    el.textContent = "";
  }
  for (const el of document.querySelectorAll("#invite-form .invalid")) el.classList.remove("invalid");
  $("invite-form-error").hidden = true;
}

function fieldError(param, message) {
  const slot = document.querySelector(`#invite-form [data-error-for="${CSS.escape(param)}"]`);
  // A slot inside a hidden part of the form (the address fields while editing) cannot be seen.
  if (!slot || (slot.parentElement && slot.parentElement.closest("[hidden]"))) return false;
  slot.textContent = message;
  slot.hidden = false;
  const field = slot.closest(".field");
  if (field) {
    field.classList.add("invalid");
    const input = field.querySelector("input:not([type=radio]):not([hidden]), textarea, select");
    if (input && !input.closest("[hidden]")) input.focus();
  }
  return true;
}

function formError(message) {
  const el = $("invite-form-error");
  el.textContent = message;
  el.hidden = false;
}

function kind() {
  const checked = document.querySelector('#invite-form input[name="kind"]:checked');
  return checked ? checked.value : "exact";
}

function syncForm() {
  const k = kind();
  $("emails-row").hidden = k !== "exact";
  $("domain-row").hidden = k !== "domain";
  $("public-row").hidden = k !== "public";
  const mode = $("f-expiry-mode").value;
  $("ttl-row").hidden = mode !== "ttl";
  $("f-expires-at").hidden = mode !== "at";
  $("f-max-uses").hidden = $("f-uses-mode").value !== "quota";
  const never = $("f-expiry-mode").querySelector('option[value="never"]');
  if (never) {
    never.disabled = k === "public";
    if (never.disabled && mode === "never") {
      $("f-expiry-mode").value = "default";
      syncForm();
    }
  }
}

function renderRoleChecks(selected) {
  replace(
    $("f-roles"),
    state.roles.map((r) =>
      h(
        "label",
        { className: "inline" },
        h("input", { type: "checkbox", value: r, checked: selected.includes(r) }),
        ` ${r}`,
      ),
    ),
  );
}

function checkedRoles() {
  return Array.from(document.querySelectorAll("#f-roles input:checked"), (i) => i.value);
}

function openCreate() {
  state.editing = null;
  const form = $("invite-form");
  form.reset();
  clearFieldErrors();
  $("invite-dialog-title").textContent = "New invitation";
  $("invite-submit").textContent = "Create";
  $("kind-field").hidden = false;
  $("enabled-field").hidden = true;
  setOptions($("f-expiry-mode"), [
    ["default", "Default (7 days)"],
    ["ttl", "Expires after…"],
    ["at", "Expires at…"],
    ["never", "Never expires"],
  ]);
  setOptions($("f-uses-mode"), [
    ["default", "Default (one per address; unlimited for a domain or public link)"],
    ["single", "Single use"],
    ["quota", "At most…"],
  ]);
  renderRoleChecks([]);
  syncForm();
  $("invite-dialog").showModal();
  $("f-emails").focus();
}

function openEdit(inv) {
  state.editing = inv;
  const form = $("invite-form");
  form.reset();
  clearFieldErrors();
  $("invite-dialog-title").textContent = `Edit ${inv.name ? inv.name : inv.id}`;
  $("invite-submit").textContent = "Save";
  $("kind-field").hidden = true;
  $("enabled-field").hidden = false;
  $("f-enabled").checked = !!inv.enabled;
  setOptions($("f-expiry-mode"), [
    ["keep", inv.expires_at ? "Keep the current expiry" : "Keep: never expires"],
    ["at", "Expires at…"],
  ]);
  setOptions($("f-uses-mode"), [
    ["keep", inv.max_uses == null ? "Keep: unlimited" : `Keep: at most ${inv.max_uses}`],
    ["quota", "At most…"],
  ]);
  $("f-expires-at").value = toLocalInput(inv.expires_at);
  $("f-max-uses").value = inv.max_uses == null ? "" : String(inv.max_uses);
  $("f-name").value = inv.name || "";
  $("f-description").value = inv.description || "";
  $("f-message").value = inv.message || "";
  $("f-teams").value = (inv.teams || []).join(", ");
  renderRoleChecks(inv.roles || []);
  syncForm();
  $("invite-dialog").showModal();
  $("f-name").focus();
}

/** Read the expiry and quota selections into `body`; false (with a field error) when invalid. */
function readExpiryAndUses(body) {
  const mode = $("f-expiry-mode").value;
  if (mode === "ttl") {
    const n = Number($("f-ttl").value);
    if (!$("f-ttl").value || !Number.isFinite(n)) return !fieldError("ttl_seconds", "Enter a lifetime.");
    body.ttl_seconds = Math.round(n * Number($("f-ttl-unit").value));
  } else if (mode === "at") {
    const v = $("f-expires-at").value;
    const d = new Date(v);
    if (!v || Number.isNaN(d.getTime())) return !fieldError("expires_at", "Enter a date and time.");
    body.expires_at = d.toISOString();
  } else if (mode === "never") {
    body.never_expires = true;
  }
  const uses = $("f-uses-mode").value;
  if (uses === "single") body.single_use = true;
  else if (uses === "quota") {
    const raw = $("f-max-uses").value;
    const n = Number(raw);
    if (!raw || !Number.isInteger(n)) return !fieldError("max_uses", "Enter a whole number of uses.");
    body.max_uses = n;
  }
  return true;
}

function createBody() {
  const body = {};
  const k = kind();
  if (k === "exact") {
    const emails = splitList($("f-emails").value);
    if (emails.length === 0) return fieldError("emails", "Enter at least one address."), null;
    body.emails = emails;
  } else if (k === "domain") {
    const d = $("f-domain").value.trim().replace(/^\*?@/, "");
    if (!d) return fieldError("emails", "Enter a domain, such as example.com."), null;
    body.emails = [`*@${d}`];
  }
  body.roles = checkedRoles();
  const teams = splitCommaList($("f-teams").value);
  if (teams.length) body.teams = teams;
  if (!readExpiryAndUses(body)) return null;
  for (const [field, id] of [
    ["name", "f-name"],
    ["description", "f-description"],
    ["message", "f-message"],
  ]) {
    const v = $(id).value.trim();
    if (v) body[field] = v;
  }
  return body;
}

function sameList(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function updateBody(inv) {
  const body = {};
  for (const [field, id] of [
    ["name", "f-name"],
    ["description", "f-description"],
    ["message", "f-message"],
  ]) {
    const v = $(id).value.trim();
    if (v !== (inv[field] || "")) body[field] = v;
  }
  const roles = checkedRoles();
  if (!sameList([...roles].sort(), [...(inv.roles || [])].sort())) body.roles = roles;
  const teams = splitCommaList($("f-teams").value);
  if (!sameList(teams, inv.teams || [])) body.teams = teams;
  if ($("f-expiry-mode").value === "at") {
    const v = $("f-expires-at").value;
    const d = new Date(v);
    if (!v || Number.isNaN(d.getTime())) return fieldError("expires_at", "Enter a date and time."), null;
    body.expires_at = d.toISOString();
  }
  if ($("f-uses-mode").value === "quota") {
    const raw = $("f-max-uses").value;
    const n = Number(raw);
    if (!raw || !Number.isInteger(n)) return fieldError("max_uses", "Enter a whole number of uses."), null;
    if (n !== inv.max_uses) body.max_uses = n;
  }
  if ($("f-enabled").checked !== !!inv.enabled) body.enabled = $("f-enabled").checked;
  return body;
}

async function submitInvite(ev) {
  ev.preventDefault();
  clearFieldErrors();
  const editing = state.editing;
  const body = editing ? updateBody(editing) : createBody();
  if (!body) return;
  const submit = $("invite-submit");
  submit.disabled = true;
  try {
    if (editing) {
      const updated = Object.keys(body).length ? await api.updateInvite(editing.id, body) : editing;
      $("invite-dialog").close();
      hideBanner();
      refreshRow(updated);
    } else {
      const created = await api.createInvite(body);
      $("invite-dialog").close();
      hideBanner();
      resetPaging(state.invites);
      await loadInvites();
      showLink(created.url);
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      fail(err);
    } else if (err instanceof ApiError && err.param && fieldError(err.param, err.message)) {
      /* shown next to its field */
    } else {
      formError(describe(err));
    }
  } finally {
    submit.disabled = false;
  }
}

// ---------------------------------------------------------------- wiring

function wire() {
  $("signin-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const key = $("api-key").value.trim();
    if (!key) {
      const e = $("signin-error");
      e.textContent = "Enter an API key.";
      e.hidden = false;
      return;
    }
    signIn(key);
  });
  $("sign-out").addEventListener("click", () => signOut());
  $("tab-invites").addEventListener("click", () => {
    selectTab("invites");
    loadInvites();
  });
  $("tab-members").addEventListener("click", () => {
    selectTab("members");
    loadMembers();
  });
  $("tab-keys").addEventListener("click", () => {
    selectTab("keys");
    loadKeys();
  });
  $("tab-events").addEventListener("click", () => {
    selectTab("events");
    loadEvents();
  });
  $("tab-webhooks").addEventListener("click", () => {
    selectTab("webhooks");
    loadWebhooks();
  });
  $("webhook-form").addEventListener("submit", createWebhook);
  // Set here: the page itself names no outside URL (tests/console_headers.rs checks it).
  $("f-webhook-url").placeholder = "https://app.example.com/hooks";
  replace(
    $("f-webhook-types"),
    eventTypes().map((t) => h("option", { value: t }, t)),
  );
  $("webhook-deliveries-refresh").addEventListener("click", loadDeliveries);
  $("webhook-deliveries-close").addEventListener("click", hideDeliveries);
  $("event-type-filter").addEventListener("change", () => {
    resetPaging(state.events);
    loadEvents();
  });
  $("events-refresh").addEventListener("click", () => {
    resetPaging(state.events);
    loadEvents();
  });
  $("key-form").addEventListener("submit", createKey);
  $("status-filter").addEventListener("change", () => {
    resetPaging(state.invites);
    loadInvites();
  });
  for (const [prefix, load] of [
    ["invites", loadInvites],
    ["members", loadMembers],
    ["keys", loadKeys],
    ["events", loadEvents],
    ["webhooks", loadWebhooks],
  ]) {
    const p = state[prefix];
    $(`${prefix}-next`).addEventListener("click", () => {
      if (!p.next) return;
      p.tokens[p.index + 1] = p.next;
      p.tokens.length = p.index + 2;
      p.index += 1;
      load();
    });
    $(`${prefix}-prev`).addEventListener("click", () => {
      if (p.index === 0) return;
      p.index -= 1;
      load();
    });
  }
  $("new-invite").addEventListener("click", openCreate);
  $("invite-form").addEventListener("submit", submitInvite);
  $("invite-form").addEventListener("change", (ev) => {
    if (ev.target.matches('input[name="kind"], #f-expiry-mode, #f-uses-mode')) syncForm();
  });
  $("invite-cancel").addEventListener("click", () => $("invite-dialog").close());
  $("link-copy").addEventListener("click", copyLink);
  // The link is shown once: forget it as soon as its dialog closes (Done, or Escape).
  const forgetLink = () => {
    $("link-value").value = "";
    $("link-status").textContent = "";
  };
  $("link-close").addEventListener("click", () => {
    forgetLink();
    $("link-dialog").close();
  });
  $("link-dialog").addEventListener("close", forgetLink);
  $("confirm-cancel").addEventListener("click", () => $("confirm-dialog").close());
}

function start() {
  wire();
  const key = storedKey();
  if (key) signIn(key, { fromStorage: true });
  else showSignIn();
}

start();
