// Runs tuf-js (an independent TUF client) against a repository folder, the way a real client
// would: over HTTP, trusting only the root file it is given.
//
//   node tufjs-client.mjs REPO_DIR TRUSTED_ROOT_JSON OUT_DIR [TARGET_PATH...]
//
// REPO_DIR holds metadata/ and targets/ as a repository publishes them; a loopback HTTP server
// (ephemeral port) serves them under /metadata/ and /targets/. OUT_DIR must not exist yet or be
// empty: the client's metadata cache goes to OUT_DIR/metadata (seeded only with the trusted root,
// as root.json), downloaded targets to OUT_DIR/targets/<target path>.
//
// Prints ONE JSON line on stdout and exits 0 on success:
//   {"ok":true,"versions":{"root":2,"timestamp":1,"snapshot":1,"targets":1},
//    "targets":[{"path":..,"file":..,"length":..,"sha256":..}],"requests":["200 /metadata/2.root.json",..]}
// or exits 1 with {"ok":false,"kind":"<error class>","error":"<message>","requests":[..]}.
// Exit 2: usage error or the time limit was hit.

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Updater } from 'tuf-js';

const TIME_LIMIT_MS = Number(process.env.TUFJS_CLIENT_TIME_LIMIT_MS || 60000);

const requests = [];

function finish(code, summary) {
  process.stdout.write(JSON.stringify(summary) + '\n', () => process.exit(code));
}

const [repoDirArg, trustedRootArg, outDirArg, ...targetPaths] = process.argv.slice(2);
if (!repoDirArg || !trustedRootArg || !outDirArg) {
  process.stderr.write('usage: node tufjs-client.mjs REPO_DIR TRUSTED_ROOT_JSON OUT_DIR [TARGET_PATH...]\n');
  process.exit(2);
}
const repoDir = path.resolve(repoDirArg);
const outDir = path.resolve(outDirArg);

// The whole run is bounded: a hung fetch must not hang the Java test that waits for us.
setTimeout(() => {
  finish(2, { ok: false, kind: 'TimeLimit', error: `tuf-js did not finish within ${TIME_LIMIT_MS} ms`, requests });
}, TIME_LIMIT_MS).unref();

// Serves only files below REPO_DIR/metadata and REPO_DIR/targets; anything else is 404.
function resolveRequest(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const m = /^\/(metadata|targets)\/(.+)$/.exec(decoded);
  if (!m) return null;
  const base = path.join(repoDir, m[1]);
  const file = path.resolve(base, m[2]);
  if (!file.startsWith(base + path.sep)) return null;
  return file;
}

const server = http.createServer((req, res) => {
  const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
  const file = req.method === 'GET' ? resolveRequest(urlPath) : null;
  let body = null;
  if (file) {
    try {
      if (fs.statSync(file).isFile()) body = fs.readFileSync(file);
    } catch {
      body = null;
    }
  }
  const status = body ? 200 : 404;
  requests.push(`${status} ${decodeURIComponentSafe(urlPath)}`);
  res.writeHead(status, { 'Content-Type': 'application/octet-stream', Connection: 'close' });
  res.end(body || undefined);
});

function decodeURIComponentSafe(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function readVersion(metadataDir, role) {
  try {
    return JSON.parse(fs.readFileSync(path.join(metadataDir, `${role}.json`), 'utf8')).signed.version;
  } catch {
    return null;
  }
}

async function run(baseUrl) {
  fs.mkdirSync(outDir, { recursive: true });
  if (fs.readdirSync(outDir).length !== 0) {
    throw new Error(`OUT_DIR is not empty: ${outDir}`);
  }
  const metadataDir = path.join(outDir, 'metadata');
  const targetDir = path.join(outDir, 'targets');
  fs.mkdirSync(metadataDir);
  fs.mkdirSync(targetDir);
  fs.copyFileSync(path.resolve(trustedRootArg), path.join(metadataDir, 'root.json'));

  const updater = new Updater({
    metadataDir,
    metadataBaseUrl: `${baseUrl}/metadata`,
    targetDir,
    targetBaseUrl: `${baseUrl}/targets`,
    // Loopback only: fail fast instead of retrying.
    config: { fetchTimeout: 15000, fetchRetry: false },
  });
  await updater.refresh();

  const targets = [];
  for (const targetPath of targetPaths) {
    const info = await updater.getTargetInfo(targetPath);
    if (!info) {
      const e = new Error(`target not found in trusted targets metadata: ${targetPath}`);
      e.name = 'TargetNotFound';
      throw e;
    }
    const file = path.resolve(targetDir, targetPath);
    if (!file.startsWith(targetDir + path.sep)) {
      throw new Error(`target path escapes the output folder: ${targetPath}`);
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await updater.downloadTarget(info, file);
    const bytes = fs.readFileSync(file);
    targets.push({
      path: targetPath,
      file: path.relative(outDir, file),
      length: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    });
  }

  const versions = {};
  for (const role of ['root', 'timestamp', 'snapshot', 'targets']) {
    versions[role] = readVersion(metadataDir, role);
  }
  return { ok: true, versions, targets, requests };
}

function errorKind(err) {
  if (err && err.name && err.name !== 'Error') return err.name;
  return (err && err.constructor && err.constructor.name) || 'Error';
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  let code;
  let summary;
  try {
    summary = await run(`http://127.0.0.1:${port}`);
    code = 0;
  } catch (err) {
    summary = { ok: false, kind: errorKind(err), error: String(err && err.message ? err.message : err), requests };
    code = 1;
  }
  server.closeAllConnections();
  server.close(() => finish(code, summary));
});
