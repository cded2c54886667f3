/**
 * Security decisions of the main process as pure functions, so they are unit-tested without
 * Electron. The shell (index.ts) only wires them to Electron's hooks.
 */

/** The renderer is served from a custom, privileged scheme rather than file:// (Electron checklist). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Strict Content-Security-Policy: only our own scripts and styles, no eval, no remote
 * connections, no frames, no plugins. Images may be data:/blob: for the map pictures.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** External pages the app may open in the system browser (never inside the app). */
export const EXTERNAL_ALLOWLIST: readonly string[] = ['www.sundhed.dk', 'www.borger.dk'];

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Only a frame showing our own page may call IPC. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (!url) return false;
  const u = parse(url);
  return u !== undefined && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/** In-app navigation is never allowed away from our page. */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedSenderUrl(url);
}

/** https links to an allowlisted host go to the system browser; everything else is dropped. */
export function isAllowedExternalUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== undefined &&
    u.protocol === 'https:' &&
    u.username === '' &&
    u.password === '' &&
    EXTERNAL_ALLOWLIST.includes(u.hostname)
  );
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export function mimeTypeOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && MIME[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/**
 * Maps a request URL to a relative file inside the renderer bundle, or undefined when it is not
 * ours or tries to climb out of the bundle (`..`, encoded slashes, absolute paths).
 */
export function resolveAppAsset(requestUrl: string): string | undefined {
  const u = parse(requestUrl);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  if (path === '/' || path === '') path = '/index.html';
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '..' || p === '.' || p.includes('\\') || p.includes('\0'))) {
    return undefined;
  }
  return parts.join('/');
}
