import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { IsMatchWeights, parseMatchWeights, type MatchWeightOverrides } from './match-weights-setting.js';
import { DEFAULT_FOLLOWUP_PROGRAMMES, IsFollowUpProgrammes, parseFollowUpProgrammes, type FollowUpProgrammes } from './followup-programmes-setting.js';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const BOOLEANS: Record<string, boolean> = { '1': true, true: true, yes: true, '0': false, false: false, no: false };
/** Anything but 1/0, true/false, yes/no stays a string, so a typo (`on`) is reported instead of read as false. */
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : typeof value === 'boolean' ? value : (BOOLEANS[String(value).toLowerCase()] ?? value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting the processes read, validated once at start-up.
 * Nothing outside this class reads process.env (see docs/operations.md for the list).
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/daogang';

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsString() @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key (queues, rate limits); tests use their own so parallel runs never collide. */
  @IsString() @Matches(/^[a-z0-9:_{}-]+$/i, { message: 'REDIS_PREFIX may hold letters, digits, : _ - and {} (hash tag for Redis Cluster)' })
  REDIS_PREFIX = 'daogang';

  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  MEILI_HOST?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  MEILI_API_KEY?: string;

  /**
   * Who keeps the search indexes in step with the outbox. `process`: every API process tails the outbox into its own
   * in-process engine (the embedded default). `queue`: the worker app applies it to the shared engine through the
   * search-index queue (the Meilisearch default). `auto` picks by MEILI_HOST.
   */
  @IsIn(['auto', 'process', 'queue'])
  SEARCH_INDEXER: 'auto' | 'process' | 'queue' = 'auto';

  get searchIndexer(): 'process' | 'queue' {
    return this.SEARCH_INDEXER === 'auto' ? (this.MEILI_HOST ? 'queue' : 'process') : this.SEARCH_INDEXER;
  }

  @IsString() @MinLength(32, { message: 'JWT_ACCESS_SECRET must be at least 32 characters' })
  JWT_ACCESS_SECRET: string;

  @IsString() @MinLength(32, { message: 'JWT_REFRESH_SECRET must be at least 32 characters' })
  JWT_REFRESH_SECRET: string;

  @Transform(toInt) @IsInt() @Min(60)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(300)
  JWT_REFRESH_TTL_SECONDS = 30 * 24 * 3600;

  /** Personal-data keys: `keyId:base64(32 bytes)` pairs separated by commas; the first one encrypts. */
  @IsString()
  @Matches(/^[a-z0-9_-]+:[A-Za-z0-9+/]{43}=(,[a-z0-9_-]+:[A-Za-z0-9+/]{43}=)*$/i, {
    message: 'PII_KEYS must be keyId:base64-32-byte-key[,keyId:key…]',
  })
  PII_KEYS: string;

  /** Secret for the keyed hash (HMAC-SHA256) used to look personal data up without decrypting it. */
  @IsString() @MinLength(32, { message: 'PII_HASH_SECRET must be at least 32 characters' })
  PII_HASH_SECRET: string;

  /**
   * How long a worker's hold on a running job lasts without renewal (BullMQ lockDuration; renewed every half of it
   * while the job runs). A worker that dies leaves its jobs to the others once the hold runs out.
   */
  @Transform(toInt) @IsInt() @Min(1000) @Max(600_000)
  QUEUE_LOCK_MS = 30_000;

  /** How often workers look for jobs whose holder died (BullMQ stalledInterval). */
  @Transform(toInt) @IsInt() @Min(500) @Max(600_000)
  QUEUE_STALLED_CHECK_MS = 30_000;

  /**
   * How long an anonymous public answer (job search, job page) may be served from this process's memory. With the
   * embedded engine every change to a job order evicts it as soon as the process applies the outbox (about a second),
   * so this only bounds the worst case; with a shared engine (Meilisearch) nothing evicts and at most 5 s is used.
   * 0 turns the cache off.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600)
  PUBLIC_CACHE_SECONDS = 60;

  /** Memory for those answers per API process, MB (least recently used go first). */
  @Transform(toInt) @IsInt() @Min(1) @Max(4096)
  PUBLIC_CACHE_MB = 128;

  /** Failed or not, login attempts per client address and account per minute. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /** Self-registrations per client address per minute. */
  @Transform(toInt) @IsInt() @Min(1)
  REGISTER_RATE_LIMIT_PER_MINUTE = 20;

  /** Port of the worker process's health endpoint. */
  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  WORKER_PORT = 3001;

  /** Express `trust proxy`: hops of reverse proxies in front of the API (the client IP for rate limits comes from them). */
  @Transform(toInt) @IsInt() @Min(0) @Max(10)
  TRUST_PROXY = 0;

  @IsString()
  CORS_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173';

  /**
   * Weights of the matching score's components as JSON, e.g. `{"priority":20,"distance":4}`; unset components keep
   * their defaults (libs/matching/src/ranking/match-weights.ts, docs/matching.md). Unknown keys and negatives are refused.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsMatchWeights()
  MATCH_WEIGHTS?: string;

  get matchWeights(): MatchWeightOverrides {
    if (!this.MATCH_WEIGHTS) return {};
    const parsed = parseMatchWeights(this.MATCH_WEIGHTS);
    return 'weights' in parsed ? parsed.weights : {};
  }

  /**
   * 回访 programmes: days after arrival of each follow-up, as JSON, e.g. `{"default":[3,7,30,90,180],"local":[3,30,90,180]}`.
   * `local` applies to placements in the worker's home county, `default` to the rest (libs/followup/src/schedule).
   */
  @Transform(({ value }) => (value === undefined || value === '' ? DEFAULT_FOLLOWUP_PROGRAMMES : value)) @IsFollowUpProgrammes()
  FOLLOWUP_PROGRAMMES = DEFAULT_FOLLOWUP_PROGRAMMES;

  get followUpProgrammes(): FollowUpProgrammes {
    const parsed = parseFollowUpProgrammes(this.FOLLOWUP_PROGRAMMES);
    if ('problem' in parsed) throw new Error(parsed.problem); // validated at start: never reached
    return parsed.programmes;
  }

  /** Days a due follow-up may wait before it is overdue (overdue once `due_on + grace` is past). */
  @Transform(toInt) @IsInt() @Min(0) @Max(90)
  FOLLOWUP_GRACE_DAYS = 3;

  /** Days a follow-up may stay overdue before the county's officers are told. */
  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  FOLLOWUP_ESCALATE_DAYS = 7;

  @Transform(toBool) @IsBoolean()
  SWAGGER_ENABLED = true;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** Who delivers SMS: `dev` logs each message (masked mobile) and sends nothing. See libs/notifications/README.md. */
  @IsIn(['dev'])
  SMS_PROVIDER: 'dev' = 'dev';

  /** SMS signature (短信签名) put in 【】 before every SMS body; must match the one registered with the provider. */
  @IsString() @Matches(/^[^【】\[\]]{2,12}$/, { message: 'SMS_SIGNATURE must be 2–12 characters without brackets' })
  SMS_SIGNATURE = '到岗';

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  }
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Validates raw environment values; throws naming every missing or malformed variable. */
export function validateConfig(raw: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.map((e) => {
      const value = raw[e.property];
      const what = value === undefined || value === '' ? 'is missing' : 'is malformed';
      return `${e.property} ${what}: ${Object.values(e.constraints ?? {}).join('; ')}`;
    });
    throw new ConfigValidationError(problems);
  }
  return config;
}

/** Only the known keys are taken from the environment (no accidental secrets in logs). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(new AppConfig())) if (env[key] !== undefined) raw[key] = env[key];
  return validateConfig(raw);
}
