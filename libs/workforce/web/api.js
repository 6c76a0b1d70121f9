// The API with the bearer token: the token lives in sessionStorage (gone with the tab), never in URLs.
const TOKEN_KEY = 'workforce.token';
const USER_KEY = 'workforce.user';

const meta = (name, fallback) =>
  document.querySelector(`meta[name="${name}"]`)?.content ?? fallback;
export const API = meta('workforce-api', '/api/workforce');

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function forget() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
}

/** The signed-in username, as the sign-in answered it (tokens carry ids only). */
export function username() {
  return sessionStorage.getItem(USER_KEY) ?? undefined;
}

/** The token's claims (sub, role, team, agent, exp) for the page's own decisions; the API checks them. */
export function claims() {
  const t = token();
  if (!t) return undefined;
  try {
    const payload = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const c = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(atob(payload), (ch) => ch.charCodeAt(0))),
    );
    return c.exp * 1000 > Date.now() ? c : undefined;
  } catch {
    return undefined;
  }
}

export async function login(username, password) {
  const res = await fetch(meta('workforce-login', '/api/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
  const { token: t, user } = await res.json();
  sessionStorage.setItem(TOKEN_KEY, t);
  if (user?.username) sessionStorage.setItem(USER_KEY, user.username);
}

async function call(method, path, body) {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token() ?? ''}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
  return res;
}

export async function getJson(path) {
  return (await call('GET', path)).json();
}

export async function send(method, path, body) {
  return (await call(method, path, body)).json();
}

/** Downloads a file the API makes (XLSX/CSV): fetched with the token, saved under its own name. */
export async function download(path) {
  const res = await call('GET', path);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : 'report';
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
