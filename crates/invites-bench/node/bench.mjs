// Node rows of `cargo xtask bench`: the `invites-sdk` package (release addon) against
// openapi-fetch (Node's fetch, i.e. undici) on the same spec and the same server.
//
// Run by xtask/src/bench.rs with `--modules DIR`, a temporary folder whose node_modules holds
// `invites-sdk` (this checkout's package with the release addon) and `openapi-fetch`, installed
// with npm. Each subcommand prints one JSON object as its last stdout line.
//
//   node bench.mjs calls   --modules DIR --url U --key K --invite-id ID
//   node bench.mjs require --modules DIR
//   node bench.mjs list    --modules DIR --url U --key K
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'

const argv = process.argv.slice(2)
const cmd = argv[0]
const arg = (name, dflt) => {
  const i = argv.indexOf(`--${name}`)
  if (i >= 0) return argv[i + 1]
  if (dflt === undefined) throw new Error(`missing --${name}`)
  return dflt
}
const modules = path.resolve(arg('modules'))
const requireFrom = createRequire(path.join(modules, 'package.json'))

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] }
}

/** `total` calls with `inflight` always outstanding; calls per second. */
async function drive(call, total, inflight) {
  let left = total
  const worker = async () => {
    while (left > 0) {
      left -= 1
      await call()
    }
  }
  const t = performance.now()
  await Promise.all(Array.from({ length: inflight }, worker))
  return total / ((performance.now() - t) / 1e3)
}

async function calls() {
  const url = arg('url')
  const key = arg('key')
  const inviteId = arg('invite-id')
  const rounds = Number(arg('rounds', '5'))
  const seqCalls = Number(arg('calls', '1000'))
  const parCalls = Number(arg('parallel-calls', '5120'))
  const inflight = Number(arg('inflight', '256'))
  const { Client } = requireFrom('invites-sdk')
  const createClient = requireFrom('openapi-fetch').default ?? requireFrom('openapi-fetch')

  const ours = new Client({ baseUrl: url, apiKey: key, maxRetries: 0 })
  const peer = createClient({ baseUrl: url, headers: { Authorization: `Bearer ${key}` } })
  let n = 0
  // createInvite bodies never collide: public invites with a TTL. Both sides send an
  // Idempotency-Key (ours adds one to every POST), so the server does the same work.
  const body = () => ({ roles: ['viewer'], ttl_seconds: 3600, name: `node bench ${n++}` })
  const ops = {
    get: {
      ours: async () => {
        const i = await ours.invites.get(inviteId)
        if (i.id !== inviteId) throw new Error('wrong invite')
      },
      peer: async () => {
        const { data, error } = await peer.GET('/v1/invites/{invite_id}', {
          params: { path: { invite_id: inviteId } },
        })
        if (error || data.id !== inviteId) throw new Error(`peer get: ${JSON.stringify(error)}`)
      },
    },
    create: {
      ours: async () => {
        const b = body()
        const i = await ours.invites.create({ roles: b.roles, ttlSeconds: b.ttl_seconds, name: b.name })
        if (!i.code) throw new Error('no code')
      },
      peer: async () => {
        const { data, error } = await peer.POST('/v1/invites', {
          body: body(),
          headers: { 'Idempotency-Key': randomUUID() },
        })
        if (error || !data.code) throw new Error(`peer create: ${JSON.stringify(error)}`)
      },
    },
  }
  const out = {}
  for (const [op, fns] of Object.entries(ops)) {
    // warm both pools (and open `inflight` connections on each side)
    await drive(fns.ours, inflight, inflight)
    await drive(fns.peer, inflight, inflight)
    for (const [mode, total, width] of [
      ['seq', seqCalls, 1],
      ['par', parCalls, inflight],
    ]) {
      const a = []
      const b = []
      for (let r = 0; r < rounds; r++) {
        a.push(await drive(fns.ours, total, width))
        b.push(await drive(fns.peer, total, width))
      }
      out[`${op}_${mode}_ours`] = median(a)
      out[`${op}_${mode}_peer`] = median(b)
    }
  }
  return out
}

function requireTime() {
  const runs = Number(arg('runs', '7'))
  const probe = (name) =>
    `const { createRequire } = require('node:module');` +
    `const r = createRequire(${JSON.stringify(path.join(modules, 'package.json'))});` +
    `const t = performance.now(); r(${JSON.stringify(name)}); console.log(performance.now() - t)`
  const a = []
  const b = []
  for (let i = 0; i < runs; i++) {
    for (const [name, out] of [
      ['invites-sdk', a],
      ['openapi-fetch', b],
    ]) {
      out.push(Number(execFileSync(process.execPath, ['-e', probe(name)]).toString().trim()))
    }
  }
  return { ours_ms: median(a), peer_ms: median(b) }
}

async function list() {
  const { Client } = requireFrom('invites-sdk')
  const client = new Client({ baseUrl: arg('url'), apiKey: arg('key') })
  const t = performance.now()
  let n = 0
  for await (const invite of client.invites.list({ limit: 100 })) {
    if (!invite.id) throw new Error('no id')
    n++
  }
  const seconds = (performance.now() - t) / 1e3
  // resourceUsage().maxRSS is in KiB
  return { items: n, seconds, peak_rss_kib: process.resourceUsage().maxRSS }
}

const run = { calls, require: requireTime, list }[cmd]
if (!run) {
  console.error(`usage: bench.mjs calls|require|list --modules DIR ...`)
  process.exit(2)
}
console.log(JSON.stringify(await run()))
