// The invitee's page. The invite code comes from the URL fragment (`#code=ic_…`, never sent to
// the server by the browser) or, for old links, from the path (`/invite/ic_…`); it is sent only
// in the JSON body of POSTs to this server. Nothing here consumes the invitation except a
// correct one-time code sent to /invite/join.

const $ = (id) => document.getElementById(id);

/** The invite code of this page's link, or "" when it has none. */
function linkCode() {
  const frag = new URLSearchParams(location.hash.replace(/^#/, ""));
  const fromFragment = (frag.get("code") || "").trim();
  if (fromFragment) return fromFragment;
  const m = /^\/invite\/([^/]+)\/?$/.exec(location.pathname);
  if (!m) return "";
  const code = decodeURIComponent(m[1]);
  // An old link: move the code into the fragment, so a reload or a bookmark no longer sends it.
  history.replaceState(null, "", `/invite#code=${encodeURIComponent(code)}`);
  return code;
}

/** POST JSON to the page's endpoints; resolves with { status, data, retryAfter }. */
async function post(path, body) {
  let resp;
  try {
    resp = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    return { status: 0, data: null, retryAfter: null };
  }
  let data = null;
  try {
    data = await resp.json();
  } catch {
    data = null;
  }
  return { status: resp.status, data, retryAfter: resp.headers.get("Retry-After") };
}

/** One sentence for an error answer. */
function problem(r) {
  if (r.status === 0) return "The server cannot be reached. Check your connection and try again.";
  const e = (r.data && r.data.error) || {};
  switch (e.type) {
    case "rate_limited":
      return `Too many attempts. Try again in ${r.retryAfter || "a few"} seconds.`;
    case "already_member":
      return "This address is already a member of the organization.";
    case "email_not_allowed":
      return "This invitation is not for this address. Use the address the invitation was sent to.";
    case "invite_revoked":
      return "This invitation was withdrawn.";
    case "invite_expired":
      return "This invitation has expired.";
    case "invite_exhausted":
      return "This invitation has been used already.";
    case "invite_disabled":
      return "This invitation is paused at the moment.";
    case "unavailable":
      return "The server is busy or could not send the email. Try again in a moment.";
    default:
      return e.message ? capitalize(e.message) : `Something went wrong (HTTP ${r.status}).`;
  }
}

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? "" : ".");

const UNUSABLE = {
  revoked: ["This invitation was withdrawn", "The organization withdrew this invitation."],
  expired: ["This invitation has expired", "The time to accept this invitation is over."],
  accepted: ["This invitation has been used", "This invitation has no uses left."],
  disabled: ["This invitation is paused", "The organization paused this invitation for now."],
};

/** Show one of the page's sections and move the focus to its heading. */
function show(sectionId, headingId) {
  for (const id of ["loading", "unusable", "invite", "joined"]) $(id).hidden = id !== sectionId;
  if (headingId) $(headingId).focus();
}

function unusable(title, text) {
  $("unusable-title").textContent = title;
  $("unusable-text").textContent = text;
  document.title = title;
  show("unusable", "unusable-title");
}

const list = (xs) => (xs && xs.length ? xs.join(", ") : "none");

function formatTime(iso) {
  if (!iso) return "never";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function setError(inputId, errorId, text) {
  const err = $(errorId);
  err.textContent = text || "";
  err.hidden = !text;
  if (text) $(inputId).setAttribute("aria-invalid", "true");
  else $(inputId).removeAttribute("aria-invalid");
}

function banner(text) {
  $("banner").textContent = text || "";
  $("banner").hidden = !text;
}

const state = { code: "", invite: null, email: "" };

async function start() {
  state.code = linkCode();
  if (!state.code) {
    unusable(
      "This link has no invitation in it",
      "Open the link from your invitation email exactly as it was sent (all of it, including the part after #).",
    );
    return;
  }
  const r = await post("/invite/lookup", { code: state.code });
  if (r.status === 404) {
    unusable("This invitation link does not work", "No invitation has this link: it may have been replaced by a newer one.");
    return;
  }
  if (r.status !== 200) {
    unusable("The invitation cannot be shown", problem(r));
    return;
  }
  const inv = (state.invite = r.data);
  if (UNUSABLE[inv.status]) {
    const [title, text] = UNUSABLE[inv.status];
    unusable(title, `${text} (Invitation to ${inv.organization_name}.)`);
    return;
  }
  $("org-name").textContent = inv.organization_name;
  document.title = `Invitation to join ${inv.organization_name}`;
  $("invite-status").textContent = "This invitation is open.";
  $("invite-status").classList.add("pending");
  $("invite-roles").textContent = list(inv.roles);
  const teams = inv.teams && inv.teams.length;
  $("invite-teams").textContent = list(inv.teams);
  $("invite-teams").hidden = $("invite-teams-label").hidden = !teams;
  $("invite-expires").textContent = formatTime(inv.expires_at);
  if (inv.message) {
    $("invite-message").textContent = inv.message;
    $("invite-message").hidden = false;
  }
  $("invite-restricted").hidden = !inv.email_restricted;
  if (inv.join === "email") {
    $("email-form").hidden = false;
  } else {
    $("join-app").hidden = false;
    if (inv.app_url) {
      $("join-app-href").href = inv.app_url;
      $("join-app-link").hidden = false;
    }
  }
  show("invite", "invite-title");
}

async function sendCode(focusCode) {
  banner("");
  const r = await post("/invite/code", { code: state.code, email: state.email });
  if (r.status === 202) {
    const minutes = Math.max(1, Math.round((state.invite.join_code_ttl_seconds || 600) / 60));
    $("code-sent").textContent =
      `We sent a six-digit code to ${r.data.email}. It works for ${minutes} minutes and ${r.data.tries} tries.`;
    $("email-form").hidden = true;
    $("code-form").hidden = false;
    $("otp").value = "";
    setError("otp", "otp-error", "");
    if (focusCode) $("otp").focus();
    return true;
  }
  const e = (r.data && r.data.error) || {};
  if (e.param === "email") {
    setError("email", "email-error", capitalize(e.message));
    $("email-form").hidden = false;
    $("code-form").hidden = true;
    $("email").focus();
  } else {
    banner(problem(r));
  }
  return false;
}

$("email-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const email = $("email").value.trim();
  if (!email || !email.includes("@")) {
    setError("email", "email-error", "Enter your email address, such as ada@example.com.");
    $("email").focus();
    return;
  }
  setError("email", "email-error", "");
  state.email = email;
  $("email-submit").disabled = true;
  try {
    await sendCode(true);
  } finally {
    $("email-submit").disabled = false;
  }
});

$("code-resend").addEventListener("click", async () => {
  $("code-resend").disabled = true;
  try {
    await sendCode(true);
  } finally {
    $("code-resend").disabled = false;
  }
});

$("code-change").addEventListener("click", () => {
  banner("");
  $("code-form").hidden = true;
  $("email-form").hidden = false;
  $("email").focus();
});

$("code-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  banner("");
  const otp = $("otp").value.replace(/\s+/g, "");
  if (!/^[0-9]{6}$/.test(otp)) {
    setError("otp", "otp-error", "Enter the six digits of the code we emailed you.");
    $("otp").focus();
    return;
  }
  setError("otp", "otp-error", "");
  $("code-submit").disabled = true;
  let r;
  try {
    r = await post("/invite/join", { code: state.code, email: state.email, otp });
  } finally {
    $("code-submit").disabled = false;
  }
  if (r.status === 201) {
    joined(r.data);
    return;
  }
  const e = (r.data && r.data.error) || {};
  if (e.param === "otp") {
    setError("otp", "otp-error", capitalize(e.message));
    $("otp").focus();
    $("otp").select();
  } else {
    banner(problem(r));
  }
});

function joined(m) {
  const title = `You joined ${m.organization_name} as ${list(m.roles)}`;
  $("joined-title").textContent = title;
  document.title = title;
  if (m.teams && m.teams.length) {
    $("joined-teams").textContent = `Teams: ${m.teams.join(", ")}`;
    $("joined-teams").hidden = false;
  }
  if (m.app_url) {
    $("joined-app-href").href = m.app_url;
    $("joined-app").hidden = false;
  } else {
    $("joined-close").hidden = false;
  }
  show("joined", "joined-title");
}

start().catch((e) => unusable("The invitation cannot be shown", String(e)));
