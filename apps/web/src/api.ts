// Small fetch wrapper for the Daogang API.
// - keeps the access + refresh tokens in localStorage
// - sends `Authorization: Bearer <access>` on authenticated calls
// - on 401 tries POST /api/auth/refresh once (one refresh in flight at a time), then retries the call;
//   if the refresh is refused, clears the session and calls the "auth lost" handler (router → /login)
// - turns every failure into an ApiError with a Chinese message (from the API body when it has one)

export type Role = 'worker' | 'employer' | 'broker' | 'coordinator' | 'officer' | 'admin';

export interface User {
  id: string;
  role: Role;
  displayName: string;
  [extra: string]: unknown;
}

export interface AuthResponse {
  accessToken: string;
  refreshToken: string;
  /** seconds until the access token expires */
  expiresIn: number;
  user: User;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Error body shape used by the API everywhere. */
interface ApiErrorBody {
  statusCode?: number;
  code?: string;
  message?: string | string[];
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  /** HTTP status; 0 when the request never got an answer (offline, timeout). */
  readonly status: number;
  readonly code: string;
  /** field → first message for that field */
  readonly fieldErrors: Record<string, string>;
  /** extra facts from the API, e.g. `existingWorkerId` on a duplicate, `currentVersion` on a stale edit */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fieldErrors: Record<string, string> = {}, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.details = details;
  }
}

const KEY_ACCESS = 'daogang.accessToken';
const KEY_REFRESH = 'daogang.refreshToken';
const KEY_EXPIRES = 'daogang.accessExpiresAt';
const KEY_USER = 'daogang.user';

/** Slow rural networks: give a request this long before telling the user. */
const TIMEOUT_MS = 20_000;
/** Refresh a little before the access token really expires. */
const EXPIRY_SKEW_MS = 30_000;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled (some in-app browsers' private mode)
  }
}
function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* ignore */
  }
}

export const tokenStore = {
  get access(): string | null {
    return read(KEY_ACCESS);
  },
  get refresh(): string | null {
    return read(KEY_REFRESH);
  },
  get expiresAt(): number {
    return Number(read(KEY_EXPIRES) ?? 0);
  },
  get user(): User | null {
    const raw = read(KEY_USER);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as User;
    } catch {
      return null;
    }
  },
  saveUser(user: User | null): void {
    write(KEY_USER, user ? JSON.stringify(user) : null);
  },
  save(res: AuthResponse): void {
    write(KEY_ACCESS, res.accessToken);
    write(KEY_REFRESH, res.refreshToken);
    const ttl = Number(res.expiresIn);
    write(KEY_EXPIRES, Number.isFinite(ttl) && ttl > 0 ? String(Date.now() + ttl * 1000) : null);
    if (res.user) write(KEY_USER, JSON.stringify(res.user));
  },
  clear(): void {
    for (const k of [KEY_ACCESS, KEY_REFRESH, KEY_EXPIRES, KEY_USER]) write(k, null);
  },
};

type AuthLostHandler = () => void;
let onAuthLost: AuthLostHandler = () => {
  if (location.pathname !== '/login') location.assign('/login');
};
/** Called (once per lost session) when the tokens are refused and refresh failed. */
export function setAuthLostHandler(handler: AuthLostHandler): void {
  onAuthLost = handler;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  0: '网络不给力，请检查网络后重试',
  400: '输入有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '没有权限进行此操作',
  404: '找不到请求的内容',
  408: '请求超时，请稍后重试',
  409: '数据已被修改，请刷新后重试',
  413: '提交的内容太大',
  429: '操作太频繁，请稍后再试',
};

const HAN = /[\u3400-\u9fff]/;

function fallbackMessage(status: number): string {
  if (FALLBACK_MESSAGES[status]) return FALLBACK_MESSAGES[status];
  if (status >= 500) return '服务器繁忙，请稍后再试';
  return '请求失败，请稍后再试';
}

/** Pick a Chinese message: the API's own when it is Chinese, else a Chinese fallback for the status. */
function chineseMessage(status: number, message: unknown): string {
  const text = Array.isArray(message) ? message.filter((m) => typeof m === 'string').join('；') : message;
  if (typeof text === 'string' && text.trim() && HAN.test(text)) return text.trim();
  return fallbackMessage(status);
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: ApiErrorBody | null = null;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      body = (await res.json()) as ApiErrorBody;
    } catch {
      body = null;
    }
  }
  const fieldErrors: Record<string, string> = {};
  if (body && Array.isArray(body.errors)) {
    for (const e of body.errors) {
      if (e && typeof e.field === 'string' && typeof e.message === 'string' && !(e.field in fieldErrors)) {
        fieldErrors[e.field] = e.message;
      }
    }
  }
  const code = typeof body?.code === 'string' ? body.code : `HTTP_${res.status}`;
  const details = body?.details && typeof body.details === 'object' ? body.details : {};
  return new ApiError(res.status, code, chineseMessage(res.status, body?.message), fieldErrors, details);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON-encoded when it is not FormData */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** send the bearer token and handle 401 with a refresh (default true) */
  auth?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** resolve with the Response itself (a file download) instead of its parsed body */
  raw?: boolean;
}

async function send(path: string, opts: RequestOptions, accessToken: string | null): Promise<Response> {
  let url = path;
  if (opts.query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.query)) if (v !== undefined && v !== null) qs.set(k, String(v));
    const s = qs.toString();
    if (s) url += (url.includes('?') ? '&' : '?') + s;
  }
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
  const onAbort = () => timeout.abort();
  opts.signal?.addEventListener('abort', onAbort);
  try {
    return await fetch(url, { method: opts.method ?? 'GET', headers, body, signal: timeout.signal });
  } catch {
    if (opts.signal?.aborted) throw new ApiError(0, 'ABORTED', '请求已取消');
    throw new ApiError(0, 'NETWORK', fallbackMessage(0));
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchange the refresh token for new tokens. Resolves true on success, false when the API refused it
 * (the session is over). Throws ApiError on network trouble: a slow network must not log the user out.
 */
export function refreshTokens(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = tokenStore.refresh;
      if (!refreshToken) return false;
      const res = await send('/api/auth/refresh', { method: 'POST', body: { refreshToken } }, null);
      if (res.ok) {
        tokenStore.save((await res.json()) as AuthResponse);
        return true;
      }
      if (res.status === 400 || res.status === 401 || res.status === 403) return false;
      throw await toApiError(res);
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

function authLost(): ApiError {
  tokenStore.clear();
  onAuthLost();
  return new ApiError(401, 'SESSION_EXPIRED', fallbackMessage(401));
}

async function parseBody<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as unknown as T;
}

/** Call the API. Resolves with the parsed JSON body; rejects with ApiError. */
export async function api<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  const auth = opts.auth ?? true;
  if (!auth) {
    const res = await send(path, opts, null);
    if (!res.ok) throw await toApiError(res);
    return parseBody<T>(res);
  }

  // Access token known to be expired: refresh first and save a round trip on a slow network.
  let refreshed = false;
  if (tokenStore.access && tokenStore.refresh && tokenStore.expiresAt && Date.now() > tokenStore.expiresAt - EXPIRY_SKEW_MS) {
    refreshed = true;
    if (!(await refreshTokens())) throw authLost();
  }
  if (!tokenStore.access && !tokenStore.refresh) throw authLost();

  let res = await send(path, opts, tokenStore.access);
  if (res.status === 401 && !refreshed) {
    if (!(await refreshTokens())) throw authLost();
    res = await send(path, opts, tokenStore.access);
  }
  if (res.status === 401) throw authLost();
  if (!res.ok) throw await toApiError(res);
  return opts.raw ? (res as T) : parseBody<T>(res);
}
