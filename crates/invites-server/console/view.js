// DOM helpers. Every value reaches the page as a text node or a property: nothing here (or
// anywhere in the console) parses data as HTML.

/**
 * Create an element. `props` are set as DOM properties (className, type, disabled, title, …),
 * except `dataset` (an object) and `attrs` (set with setAttribute, for aria-* and friends);
 * children are nodes or strings (strings become text nodes).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "attrs") for (const [a, av] of Object.entries(v)) el.setAttribute(a, String(av));
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else el[k] = v;
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replace all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "always" });
const dtf = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const UNITS = [
  ["year", 365 * 24 * 3600e3],
  ["month", 30 * 24 * 3600e3],
  ["week", 7 * 24 * 3600e3],
  ["day", 24 * 3600e3],
  ["hour", 3600e3],
  ["minute", 60e3],
  ["second", 1e3],
];

/** "in 7 days", "3 minutes ago". */
export function relative(date, now = Date.now()) {
  const diff = date.getTime() - now;
  if (Math.abs(diff) < 45e3) return "just now";
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === "second") return rtf.format(Math.round(diff / ms), unit);
  }
  return "";
}

/** A <time> with the relative time on top and the absolute one below (and in its title). */
export function timeCell(iso, { emptyText = "—" } = {}) {
  if (!iso) return h("span", { className: "muted" }, emptyText);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return h("span", {}, iso);
  return h(
    "time",
    { dateTime: iso, title: d.toISOString(), className: "when" },
    h("span", { className: "rel" }, relative(d)),
    h("span", { className: "abs" }, dtf.format(d)),
  );
}

/** A value for a datetime-local input (local time, minutes) from an ISO string. */
export function toLocalInput(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Split a comma / newline / space separated list into trimmed, non-empty, unique items. */
export function splitList(text) {
  const out = [];
  for (const part of String(text || "").split(/[\s,;]+/)) {
    const t = part.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Split a comma / newline separated list (teams may contain spaces). */
export function splitCommaList(text) {
  const out = [];
  for (const part of String(text || "").split(/[,\n]+/)) {
    const t = part.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Chips for a list of short strings. */
export function chips(list, className = "chip") {
  if (!list || list.length === 0) return h("span", { className: "muted" }, "—");
  return h("span", { className: "chips" }, list.map((v) => h("span", { className }, v)));
}
