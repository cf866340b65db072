// Who is logged in. The user object is cached in localStorage with the tokens so that a worker on a
// slow or broken network still sees their page; it is re-checked with GET /api/auth/me once per page load.
import { reactive } from 'vue';
import { api, ApiError, tokenStore, type AuthResponse, type User } from './api';

export const session = reactive<{ user: User | null; verified: boolean }>({
  user: tokenStore.access || tokenStore.refresh ? tokenStore.user : null,
  verified: false,
});

export function hasTokens(): boolean {
  return !!(tokenStore.access || tokenStore.refresh);
}

export function login(loginName: string, password: string): Promise<User> {
  return start('/api/auth/login', { login: loginName, password });
}

/** A worker signs up with a mobile number (POST /api/auth/register) and is logged in at once. */
export function register(mobile: string, password: string, displayName: string): Promise<User> {
  return start('/api/auth/register', { mobile, password, displayName });
}

async function start(path: string, body: object): Promise<User> {
  const res = await api<AuthResponse>(path, { method: 'POST', body, auth: false });
  tokenStore.save(res);
  session.user = res.user;
  session.verified = true;
  return res.user;
}

/**
 * The current user, checked against the API once per page load.
 * Returns null when not logged in or the session was refused. On network trouble it keeps the cached user.
 */
export async function ensureUser(): Promise<User | null> {
  if (!hasTokens()) {
    session.user = null;
    return null;
  }
  if (session.user && session.verified) return session.user;
  try {
    const raw = await api<User | { user: User }>('/api/auth/me');
    // The contract says /me returns the user object; accept `{ user }` too.
    const me = 'role' in raw ? raw : raw.user;
    session.user = { ...(session.user ?? {}), ...me };
    session.verified = true;
    tokenStore.saveUser(session.user);
    return session.user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 0 && session.user) return session.user; // offline: trust the cache
    if (e instanceof ApiError && (e.status === 401 || e.code === 'SESSION_EXPIRED')) {
      clearSession();
      return null;
    }
    if (session.user) return session.user;
    throw e;
  }
}

export function clearSession(): void {
  tokenStore.clear();
  session.user = null;
  session.verified = false;
}

/** Log out: revoke the refresh token on the server (best effort, not awaited) and forget the session here. */
export function logout(): void {
  const refreshToken = tokenStore.refresh;
  clearSession();
  if (refreshToken) {
    api('/api/auth/logout', { method: 'POST', body: { refreshToken }, auth: false }).catch(() => {
      /* offline or already revoked: the local session is gone either way */
    });
  }
}
