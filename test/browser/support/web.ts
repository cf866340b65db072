// Build apps/web once when needed, and serve apps/web/dist with vite preview (its /api proxy pointed at a given API).
// Vite runs in child processes, not inside Jest's ESM sandbox: vite/rolldown (native binding, worker threads) are
// happier in a plain Node process, and the test's module registry stays small.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot, viteBin, viteConfig, webDist, webRoot } from './paths.js';

/** Newest modification time (ms) of the files that make up the web build. */
function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
    }
  };
  for (const p of ['index.html', 'vite.config.ts', 'src', 'public']) visit(path.join(webRoot, p));
  visit(path.join(repoRoot, 'package-lock.json')); // dependency upgrades rebuild too
  return newest;
}

/** True when apps/web/dist is missing or older than the web sources. */
export function webBuildIsStale(): boolean {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return true;
  return fs.statSync(index).mtimeMs < newestSourceMtime();
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out}`))));
  });
}

/** `vite build --config apps/web/vite.config.ts` when dist is missing or stale (or always, with force). */
export async function ensureWebBuilt(options: { force?: boolean } = {}): Promise<void> {
  if (!options.force && !webBuildIsStale()) return;
  // Jest sets NODE_ENV=test, and vite would then build Vue's development bundle: build as production.
  await run(process.execPath, [viteBin, 'build', '--config', viteConfig, '--logLevel', 'warn'], {
    ...process.env,
    NODE_ENV: 'production',
  });
  if (!fs.existsSync(path.join(webDist, 'index.html'))) throw new Error('vite build produced no apps/web/dist/index.html');
}

export interface WebServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  close(): Promise<void>;
}

/**
 * Serve apps/web/dist with vite's programmatic preview() (in a child process, see serve-web.mjs)
 * on a free port of 127.0.0.1, proxying /api to apiUrl. Builds first when needed.
 */
export async function startWeb(options: { apiUrl: string; build?: boolean }): Promise<WebServer> {
  if (options.build !== false) await ensureWebBuilt();
  const script = path.join(repoRoot, 'test/browser/support/serve-web.mjs');
  const child: ChildProcess = spawn(process.execPath, [script], {
    cwd: repoRoot,
    // stdin is a pipe: when this process dies, the pipe closes and the server exits by itself.
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', API_URL: options.apiUrl.replace(/\/+$/, ''), WEB_PORT: '0' },
  });

  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`vite preview did not start in 30 s\n${out}`)), 30_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /^DAOGANG_WEB_URL=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/+$/, ''));
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d));
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`vite preview exited early (${code})\n${out}`)));
  });

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Total gzip size in bytes of built files, given their URL paths (e.g. /assets/index-abc.js). */
export function gzipSizeOfDist(urlPaths: Iterable<string>): number {
  let total = 0;
  for (const p of new Set(urlPaths)) total += gzipSync(fs.readFileSync(path.join(webDist, p))).length;
  return total;
}

/**
 * Whether a built file carries Element Plus: its JS (error helper named ElementPlusError) or its CSS variables (--el-*).
 * Used to check that the phone pages do not download the staff console's UI library.
 */
export function containsElementPlus(urlPath: string): boolean {
  const text = fs.readFileSync(path.join(webDist, urlPath), 'utf8');
  if (urlPath.endsWith('.css')) return text.includes('--el-');
  if (urlPath.endsWith('.js')) return text.includes('ElementPlus');
  return false;
}
