// Test support: a real invites-server per test file, and organizations on it.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { randomBytes } from 'node:crypto'

import { Client } from '../index.mjs'

/**
 * Spawn `bin` with `args` and resolve `{child, url, stderr}` once it printed
 * `listening on http://127.0.0.1:PORT` (the server and the fault proxy both do); reject if it
 * exits first or stays silent for 30 s.
 */
export async function spawnListening(bin, args, env = process.env) {
  const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d) => {
    stderr += d
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000)
  })
  const name = path.basename(bin)
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${name} did not say it was listening within 30 s; stderr:\n${stderr}`))
    }, 30_000)
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = line.match(/^listening on (http:\/\/127\.0\.0\.1:\d+)\s*$/)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited (${code ?? signal}) before listening; stderr:\n${stderr}`))
    })
  })
  return { child, url, stderr: () => stderr }
}

/** The fault proxy (`$INVITES_FAULTPROXY_BIN`, or beside the server) in front of `upstream`. */
export async function startProxy(upstream) {
  const bin =
    process.env.INVITES_FAULTPROXY_BIN ??
    path.join(path.dirname(process.env.INVITES_SERVER_BIN ?? ''), 'invites-faultproxy')
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`cargo build --workspace --bins\``)
  return spawnListening(bin, ['--listen', '127.0.0.1:0', '--upstream', upstream])
}

/**
 * Start `$INVITES_SERVER_BIN` on a free port and a fresh SQLite file. Extra flags go after the
 * required ones. Resolves once it printed `listening on http://127.0.0.1:PORT`.
 */
export async function startServer(extraArgs = []) {
  const bin = process.env.INVITES_SERVER_BIN
  if (!bin || !path.isAbsolute(bin) || !fs.existsSync(bin)) {
    throw new Error(
      `INVITES_SERVER_BIN must be the absolute path of a built invites-server (got ${JSON.stringify(bin)}); ` +
        'run bindings/node/test.sh or `cargo xtask test`',
    )
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'invites-node-'))
  const adminToken = `iat_test_${randomBytes(16).toString('hex')}`
  const { child, url: baseUrl, stderr } = await spawnListening(
    bin,
    ['--listen', '127.0.0.1:0', '--database-url', `sqlite://${dir}/t.db?mode=rwc`, ...extraArgs],
    { ...process.env, INVITES_ADMIN_TOKEN: adminToken, RUST_LOG: process.env.RUST_LOG ?? 'warn' },
  )
  const admin = new Client({ baseUrl, apiKey: adminToken, maxRetries: 0 })
  let orgs = 0
  return {
    baseUrl,
    adminToken,
    dir,
    admin,
    stderr,
    /** A new organization and a client holding its API key. */
    async org(options = {}) {
      orgs += 1
      const created = await admin.organizations.create({ name: `Org ${orgs} ${randomBytes(3).toString('hex')}` })
      const client = new Client({ baseUrl, apiKey: created.apiKey, ...options })
      return { ...created, client }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        const t = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(t)
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A unique address, so tests never collide on the pending-invite rule. */
export function email(tag = 'user', domain = 'example.com') {
  return `${tag}-${randomBytes(5).toString('hex')}@${domain}`
}
