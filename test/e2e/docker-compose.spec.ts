/**
 * Keeps docker-compose.yml, .env.example, the Dockerfile and deploy/nginx.conf honest against AppConfig,
 * without a Docker engine: the files are parsed, compose's ${VAR…} interpolation is reproduced, and the
 * environment the api and worker containers would get goes through the very validation the processes run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { AppConfig, ConfigValidationError, validateConfig } from '@daogang/platform';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

type Env = Record<string, string | undefined>;
type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// ------------------------------------------------------------------------------------------------
// compose interpolation: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR?err},
// ${VAR:+alt}, ${VAR+alt}, nested in the default/alternative (evaluated only when used).

class InterpolationError extends Error {}

function interpolate(text: string, env: Env): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    if (next === '{') {
      let depth = 1;
      let j = i + 2;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === '$' && text[j + 1] === '{') {
          depth++;
          j++;
        } else if (text[j] === '}') depth--;
      }
      if (depth !== 0) throw new InterpolationError(`unclosed \${ in ${text}`);
      out += expand(text.slice(i + 2, j - 1), env);
      i = j - 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0];
    if (!name) throw new InterpolationError(`bare $ in ${text} (write $$)`);
    out += env[name] ?? '';
    i += name.length;
  }
  return out;
}

function expand(inner: string, env: Env): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(inner);
  if (!m) throw new InterpolationError(`bad substitution \${${inner}}`);
  const [, name, op, arg = ''] = m;
  const value = env[name];
  const unset = value === undefined;
  const unsetOrEmpty = unset || value === '';
  switch (op) {
    case undefined:
      return value ?? '';
    case ':-':
      return unsetOrEmpty ? interpolate(arg, env) : value!;
    case '-':
      return unset ? interpolate(arg, env) : value!;
    case ':?':
      if (unsetOrEmpty) throw new InterpolationError(`${name}: ${interpolate(arg, env)}`);
      return value!;
    case '?':
      if (unset) throw new InterpolationError(`${name}: ${interpolate(arg, env)}`);
      return value!;
    case ':+':
      return unsetOrEmpty ? '' : interpolate(arg, env);
    case '+':
      return unset ? '' : interpolate(arg, env);
    default:
      throw new InterpolationError(`bad operator in \${${inner}}`);
  }
}

function interpolateTree(node: unknown, env: Env): unknown {
  if (typeof node === 'string') return interpolate(node, env);
  if (Array.isArray(node)) return node.map((n) => interpolateTree(n, env));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolateTree(v, env)]));
  }
  return node;
}

// ------------------------------------------------------------------------------------------------
// .env.example: active `KEY=value` lines feed the interpolation; `# KEY=value` lines document defaults.

interface EnvLine {
  key: string;
  value: string;
  active: boolean;
  comment: string; // the comment line just above
}

function parseEnvExample(text: string): EnvLine[] {
  const lines = text.split(/\r?\n/);
  const entries: EnvLine[] = [];
  lines.forEach((line, index) => {
    const m = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!m) return;
    const value = m[3].trim().replace(/^(['"])(.*)\1$/, '$2');
    entries.push({ key: m[2], value, active: !m[1], comment: (lines[index - 1] ?? '').trim() });
  });
  return entries;
}

const envExampleText = read('.env.example');
const envExample = parseEnvExample(envExampleText);
const activeEnv: Env = Object.fromEntries(envExample.filter((e) => e.active).map((e) => [e.key, e.value]));

/** An empty secret is filled by running the one-liner documented on the line above it, as an operator would. */
function generatedSecret(line: EnvLine): string {
  const command = /node -e "([^"]+)"/.exec(line.comment)?.[1];
  if (!command) throw new Error(`.env.example: ${line.key} is empty but its comment gives no \`node -e "…"\` to generate it`);
  return execFileSync(process.execPath, ['-e', command], { encoding: 'utf8' }).trim();
}

const filledEnv: Env = Object.fromEntries(
  envExample.filter((e) => e.active).map((e) => [e.key, e.value === '' ? generatedSecret(e) : e.value]),
);

// ------------------------------------------------------------------------------------------------
// The files under test.

const composeText = read('docker-compose.yml');
const composeRaw = parse(composeText, { merge: true }) as Yaml;
const compose = (() => {
  try {
    return interpolateTree(composeRaw, filledEnv) as Yaml;
  } catch (error) {
    // What `docker compose up` would print: a variable is missing from .env.example or misspelt in the compose file.
    throw new Error(`docker-compose.yml does not interpolate from a filled-in .env.example: ${(error as Error).message}`);
  }
})();
const services = compose.services as Record<string, Yaml>;

const dockerfile = read('Dockerfile');

/** Stages of the Dockerfile, with the image each starts FROM (ARG defaults substituted). */
function dockerStages(text: string) {
  const args: Env = {};
  const stages: Array<{ name?: string; from: string; body: string[] }> = [];
  for (const raw of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const line = raw.trim();
    const arg = /^ARG\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/i.exec(line);
    if (arg && stages.length === 0) args[arg[1]] = arg[2]?.trim();
    const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) stages.push({ from: interpolate(from[1], args), name: from[2]?.toLowerCase(), body: [] });
    else if (stages.length > 0 && line && !line.startsWith('#')) stages[stages.length - 1].body.push(line);
  }
  return stages;
}
const stages = dockerStages(dockerfile);
const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));

const APP_KEYS = Object.keys(new AppConfig());
const DEFAULTS = new AppConfig() as unknown as Record<string, unknown>;
/** Required = what validation rejects when the environment is empty. */
const REQUIRED_KEYS = (() => {
  try {
    validateConfig({});
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return error.problems.map((p) => p.split(' ')[0]);
  }
})();

const APP_SERVICES = ['api', 'worker', 'migrate'] as const;
const EXPECTED_SERVICES = ['postgres', 'redis', 'meilisearch', 'migrate', 'api', 'worker', 'web'];

/** `image: repo[:tag][@digest]` → the tag, if any. */
function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.split('/').pop()!;
  return lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
}

function healthcheckText(service: Yaml): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : String(test ?? '');
}

// ------------------------------------------------------------------------------------------------

describe('deployment files (docker-compose.yml, .env.example, Dockerfile, nginx)', () => {
  it('reads AppConfig the way loadConfig does (every key, including the ones without a default)', () => {
    // loadConfig takes exactly Object.keys(new AppConfig()): if a field vanished from it, the process could never read it.
    expect(APP_KEYS).toEqual(expect.arrayContaining(['JWT_ACCESS_SECRET', 'PII_KEYS', 'MEILI_HOST', 'DATABASE_URL']));
    expect(REQUIRED_KEYS).toEqual(
      expect.arrayContaining(['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET', 'PII_KEYS', 'PII_HASH_SECRET']),
    );
  });

  it('declares every expected service', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(EXPECTED_SERVICES));
  });

  it('pins every image to a tag other than latest', () => {
    for (const [name, service] of Object.entries(services)) {
      if (!service.image) {
        expect({ name, build: service.build }).toEqual({ name, build: expect.anything() });
        continue;
      }
      const tag = imageTag(service.image);
      expect({ name, tag }).toEqual({ name, tag: expect.stringMatching(/\S/) });
      expect({ name, tag }).not.toEqual({ name, tag: 'latest' });
      // Third-party images: a version number, not a floating name such as `alpine` or `stable`.
      if (!service.build) expect({ name, tag }).toEqual({ name, tag: expect.stringMatching(/\d/) });
    }
    for (const stage of stages) {
      if (stageNames.has(stage.from.toLowerCase())) continue; // FROM an earlier stage
      const tag = imageTag(stage.from);
      expect({ from: stage.from, tag }).toEqual({ from: stage.from, tag: expect.stringMatching(/\d/) });
      expect(tag).not.toBe('latest');
    }
  });

  it('gives postgres, redis, meilisearch, api, worker and web a health check', () => {
    for (const name of ['postgres', 'redis', 'meilisearch', 'api', 'worker', 'web']) {
      const hc = services[name].healthcheck;
      expect({ name, disabled: hc?.disable === true, test: healthcheckText(services[name]) }).toEqual({
        name,
        disabled: false,
        test: expect.stringMatching(/\S/),
      });
    }
  });

  it('keeps data in named volumes and Redis in append-only mode', () => {
    const volumes = Object.keys(compose.volumes ?? {});
    for (const [name, path] of [
      ['postgres', '/var/lib/postgresql/data'],
      ['redis', '/data'],
      ['meilisearch', '/meili_data'],
    ]) {
      const mount = (services[name].volumes as string[]).find((v) => v.endsWith(`:${path}`));
      expect({ name, mount }).toEqual({ name, mount: expect.any(String) });
      expect(volumes).toContain(mount!.split(':')[0]);
    }
    expect([services.redis.command].flat().join(' ')).toMatch(/--appendonly yes/);
    expect(services.meilisearch.environment).toMatchObject({ MEILI_ENV: 'production', MEILI_MASTER_KEY: expect.any(String) });
  });

  describe.each(APP_SERVICES)('%s environment', (name) => {
    const env = () => services[name].environment as Record<string, string>;

    it('sets only AppConfig variables (a misspelt one would be silently ignored)', () => {
      const unknown = Object.keys(env()).filter((key) => !APP_KEYS.includes(key));
      expect(unknown).toEqual([]);
    });

    it('sets every required AppConfig variable, from .env with ${VAR:?…} so compose refuses to start without it', () => {
      const rawEnv = composeRaw.services[name].environment as Record<string, string>;
      for (const key of REQUIRED_KEYS) {
        expect({ key, value: rawEnv[key] }).toEqual({ key, value: expect.stringMatching(new RegExp(`^\\$\\{${key}:\\?`)) });
      }
    });

    it('passes AppConfig validation once .env.example is filled in', () => {
      const values = Object.fromEntries(Object.entries(env()).map(([k, v]) => [k, String(v)]));
      const config = validateConfig(values);
      expect(config.NODE_ENV).toBe('production');
      expect(config.MEILI_HOST).toBeDefined();
      expect(config.MEILI_API_KEY).toBeDefined();
    });

    it('points DATABASE_URL, REDIS_URL and MEILI_HOST at the compose services', () => {
      const db = new URL(env().DATABASE_URL);
      expect(db.hostname).toBe('postgres');
      expect(db.port || '5432').toBe('5432');
      const pg = services.postgres.environment as Record<string, string>;
      expect(decodeURIComponent(db.username)).toBe(pg.POSTGRES_USER);
      expect(decodeURIComponent(db.password)).toBe(pg.POSTGRES_PASSWORD);
      expect(db.pathname).toBe(`/${pg.POSTGRES_DB}`);

      const redis = new URL(env().REDIS_URL);
      expect(redis.hostname).toBe('redis');
      expect(redis.port || '6379').toBe('6379');

      const meili = new URL(env().MEILI_HOST);
      expect(meili.hostname).toBe('meilisearch');
      expect(meili.port).toBe('7700');
      // With MEILI_API_KEY unset, the master key of the meilisearch service is used.
      if (!filledEnv.MEILI_API_KEY) expect(env().MEILI_API_KEY).toBe(services.meilisearch.environment.MEILI_MASTER_KEY);
    });

    it('waits for healthy dependencies (and the api and worker for finished migrations)', () => {
      const deps = services[name].depends_on as Record<string, { condition: string }>;
      expect(deps.postgres).toEqual({ condition: 'service_healthy' });
      if (name !== 'migrate') {
        expect(deps).toMatchObject({
          migrate: { condition: 'service_completed_successfully' },
          redis: { condition: 'service_healthy' },
          meilisearch: { condition: 'service_healthy' },
        });
      }
    });
  });

  it('gives api, worker and migrate the same image and the same environment', () => {
    const [api, ...others] = APP_SERVICES.map((n) => services[n]);
    for (const other of others) {
      expect(other.image).toBe(api.image);
      expect(other.build).toEqual(api.build);
      expect(other.environment).toEqual(api.environment);
    }
  });

  it('refuses to start from an unedited .env.example (every secret must be filled in)', () => {
    expect(() => interpolateTree(composeRaw, activeEnv)).toThrow(InterpolationError);
    for (const key of REQUIRED_KEYS) {
      const line = envExample.find((e) => e.key === key && e.active);
      expect({ key, value: line?.value }).toEqual({ key, value: '' });
    }
  });

  it('health checks hit the ports and paths the processes serve', () => {
    const env = services.api.environment as Record<string, string>;
    const config = validateConfig(env);
    expect(healthcheckText(services.api)).toContain(`:${config.PORT}/api/health/ready`);
    expect(healthcheckText(services.worker)).toContain(`:${config.WORKER_PORT}/health`);
  });

  it('runs the right entry points (each dist/…js comes from an existing source file)', () => {
    expect(services.migrate.command.join(' ')).toMatch(/migration:run -d dist\/libs\/schema\/src\/data-source\.js/);
    expect(services.migrate.restart).toBe('no');
    expect(services.worker.command.join(' ')).toContain('dist/apps/worker/src/main.js');
    expect(services.api.command).toBeUndefined(); // the image's CMD
    const runtime = stages.find((s) => s.name === services.api.build.target)!;
    const cmd = runtime.body.filter((l) => /^CMD\s/i.test(l)).pop();
    expect(cmd).toBe('CMD ["node", "dist/apps/api/src/main.js"]');

    const entryPoints = [...`${composeText}\n${dockerfile}`.matchAll(/dist\/((?:apps|libs)\/[\w/.-]+)\.js/g)].map((m) => m[1]);
    expect(entryPoints.length).toBeGreaterThanOrEqual(3);
    for (const entry of entryPoints) expect({ entry, exists: existsSync(join(ROOT, `${entry}.ts`)) }).toEqual({ entry, exists: true });
    expect(existsSync(join(ROOT, 'node_modules/typeorm/cli.js'))).toBe(true);
  });

  it('builds from Dockerfile stages that exist; the runtime stage runs as a non-root user', () => {
    for (const [name, service] of Object.entries(services)) {
      if (!service.build) continue;
      const target = service.build.target;
      expect({ name, target, exists: stageNames.has(String(target).toLowerCase()) }).toEqual({ name, target, exists: true });
    }
    for (const stage of ['deps', 'build', 'runtime', 'web']) expect(stageNames).toContain(stage);
    const runtime = stages.find((s) => s.name === 'runtime')!;
    expect(runtime.from).toMatch(/^node:\d+[\w.-]*-(bookworm|bullseye|trixie)-slim$/); // glibc, for the native modules
    const user = runtime.body.filter((l) => /^USER\s/i.test(l)).pop();
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(:|$)/i);
  });

  it('web: nginx gets deploy/nginx.conf, serves the SPA and proxies /api to the api service', () => {
    const web = stages.find((s) => s.name === services.web.build.target)!;
    expect(web.from).toMatch(/^nginx:/);
    expect(web.body.join('\n')).toMatch(/COPY deploy\/nginx\.conf \/etc\/nginx\/conf\.d\/default\.conf/);
    expect(web.body.join('\n')).toMatch(/COPY --from=build \/app\/apps\/web\/dist \/usr\/share\/nginx\/html/);
    const nginx = read('deploy/nginx.conf');
    const { PORT } = validateConfig(services.api.environment);
    expect(nginx).toContain(`http://api:${PORT}`);
    expect(nginx).toMatch(/location \^~ \/api\/ \{[^}]*proxy_pass/);
    expect(nginx).toMatch(/try_files \$uri \$uri\/ \/index\.html;/);
    expect(services.web.depends_on).toHaveProperty('api');
    expect(services.web.ports).toEqual([expect.stringMatching(/:80$/)]);
  });

  it('.env.example documents every AppConfig variable, and each of its active lines is used by compose', () => {
    const listed = new Set(envExample.map((e) => e.key));
    expect(APP_KEYS.filter((key) => !listed.has(key))).toEqual([]);
    for (const line of envExample) {
      expect({ key: line.key, comment: line.comment }).toEqual({ key: line.key, comment: expect.stringMatching(/^#\s*\S/) });
    }
    const unused = envExample.filter((e) => e.active && !composeText.includes(`\${${e.key}`)).map((e) => e.key);
    expect(unused).toEqual([]);
  });

  it('docs/operations.md has a row for every AppConfig variable', () => {
    const docs = read('docs/operations.md');
    const rows = new Set([...docs.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]));
    expect(APP_KEYS.filter((key) => !rows.has(key))).toEqual([]);
    expect([...rows].filter((key) => !APP_KEYS.includes(key))).toEqual([]);
  });

  it('.dockerignore keeps secrets, host dependencies and host build output out of the build context', () => {
    const ignored = read('.dockerignore').split(/\r?\n/).map((l) => l.trim());
    for (const entry of ['.env', '.git', 'dist', 'apps/web/dist']) expect(ignored).toContain(entry);
    expect(ignored.some((l) => /^(\*\*\/)?node_modules\/?$/.test(l))).toBe(true);
  });

  it('.env.example shows AppConfig defaults where compose does not override them', () => {
    const composeDefaults = Object.fromEntries(
      [...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*):-([^}$]*)\}/g)].map((m) => [m[1], m[2]]),
    );
    for (const line of envExample.filter((e) => !e.active && APP_KEYS.includes(e.key))) {
      const expected = line.key in composeDefaults ? composeDefaults[line.key] : undefined;
      if (expected !== undefined) {
        expect({ key: line.key, shown: line.value }).toEqual({ key: line.key, shown: expected });
        if (String(DEFAULTS[line.key]) !== expected) {
          // A production override of the AppConfig default must say so.
          expect({ key: line.key, comment: line.comment }).toEqual({
            key: line.key,
            comment: expect.stringContaining(`AppConfig default`),
          });
        }
      }
    }
  });
});
