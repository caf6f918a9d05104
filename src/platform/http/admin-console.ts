import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';

export const ADMIN_CONSOLE_PATH = '/admin';

/**
 * The compiled console (`npm run build` writes it): `dist/admin-console`, whether
 * this module runs from `dist/src` or, under the test runner, from `src`.
 */
function defaultConsoleDir(): string {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const dist = path.basename(root) === 'dist' ? root : path.join(root, 'dist');
  return path.join(dist, 'admin-console');
}

/**
 * Only the console's own files: no inline script or style, no other origin, no
 * framing. The API it calls is this origin too.
 */
export const ADMIN_CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the admin console at /admin: static files, outside the API (and so
 * outside the OpenAPI document). Unknown files fall through to the API's 404.
 */
export function adminConsole(dir = defaultConsoleDir()) {
  const files = express.static(dir, {
    index: 'index.html',
    redirect: true,
    fallthrough: true,
    setHeaders: (res) => {
      res.setHeader('Content-Security-Policy', ADMIN_CONSOLE_CSP);
      res.setHeader('Cache-Control', 'no-cache');
    },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    files(req, res, next);
  };
}
