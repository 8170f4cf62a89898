#!/usr/bin/env node
// `npm install` lifecycle step.
// - In the source checkout (Cargo.toml beside package.json): build the addon with the napi CLI,
//   release by default, debug with INVITES_NODE_PROFILE=debug; INVITES_NODE_SKIP_BUILD=1 skips it.
// - Installed from a tarball: the prebuilt addon must be there; say so clearly when it is not.
'use strict'
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')

function nativeLoads() {
  try {
    require(path.join(root, 'native.js'))
    return true
  } catch (e) {
    return e
  }
}

if (!fs.existsSync(path.join(root, 'Cargo.toml'))) {
  const ok = nativeLoads()
  if (ok !== true) {
    console.error(
      `invites-sdk: no prebuilt addon for ${process.platform}-${process.arch} in this package ` +
        `(${ok.message}). Build one from the source checkout with \`npm install\` there and ` +
        '`npm pack` on this platform.',
    )
    process.exit(1)
  }
  process.exit(0)
}

if (process.env.INVITES_NODE_SKIP_BUILD === '1') {
  console.log('invites-sdk: INVITES_NODE_SKIP_BUILD=1, not building the addon')
  process.exit(0)
}

const env = { ...process.env }
// Inside the workspace, keep the addon's build out of the workspace's target dir: napi builds
// with other features and would rebuild shared crates each way.
const workspace = path.resolve(root, '..', '..')
if (!env.CARGO_TARGET_DIR && fs.existsSync(path.join(workspace, 'Cargo.toml'))) {
  env.CARGO_TARGET_DIR = path.join(workspace, 'target', 'node')
}
const release = (env.INVITES_NODE_PROFILE || 'release') !== 'debug'
const cli = require.resolve('@napi-rs/cli/package.json', { paths: [root] })
const bin = path.join(path.dirname(cli), require(cli).bin.napi || require(cli).bin)
const args = [bin, 'build', '--platform', '--js', 'native.js', '--dts', 'native.d.ts']
if (release) args.push('--release')
console.log(`invites-sdk: building the addon (${release ? 'release' : 'debug'}) into ${env.CARGO_TARGET_DIR || 'target'}`)
const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' })
if (r.status !== 0) {
  console.error('invites-sdk: building the addon failed; a Rust toolchain (cargo) is required')
  process.exit(r.status || 1)
}
