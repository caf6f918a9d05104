import express, { type RequestHandler } from 'express';

/** A route whose JSON bodies may be larger (or smaller) than JSON_BODY_LIMIT. */
export interface RouteBodyLimit {
  method: 'POST' | 'PUT' | 'PATCH';
  /** Matched against the request path, prefix included (`/v1/...`). */
  path: RegExp;
  /** Bytes. */
  limit: number;
}

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * The JSON body parser: JSON_BODY_LIMIT everywhere, except the routes listed
 * with their own limit. Parsing happens before routing, so the limit is chosen
 * by method and path here rather than by a route decorator.
 */
export function jsonBodyParser(defaultLimit: number, routes: RouteBodyLimit[]): RequestHandler {
  const fallback = express.json({ limit: defaultLimit, type: JSON_TYPES });
  const special = routes.map((route) => ({
    route,
    parse: express.json({ limit: route.limit, type: JSON_TYPES }),
  }));
  return (req, res, next) => {
    const match = special.find(
      ({ route }) => route.method === req.method && route.path.test(req.path),
    );
    (match?.parse ?? fallback)(req, res, next);
  };
}
