// Child process started by web.ts: serves apps/web/dist with vite's programmatic preview() on 127.0.0.1.
// Env: API_URL (the /api proxy target, read by apps/web/vite.config.ts), WEB_PORT (0 = any free port).
// Prints one line `DAOGANG_WEB_URL=<url>` when listening. Exits on SIGTERM/SIGINT or when stdin closes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const port = Number(process.env.WEB_PORT ?? 0);

const server = await preview({
  configFile: path.join(repoRoot, 'apps/web/vite.config.ts'),
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port, strictPort: port !== 0, open: false },
});

const address = server.httpServer.address();
const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : server.resolvedUrls?.local[0];
process.stdout.write(`DAOGANG_WEB_URL=${url}\n`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  try {
    await server.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
