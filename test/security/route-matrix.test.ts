import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { isDeepStrictEqual } from 'node:util';
import { SessionScope } from '../../src/modules/auth/entities/app-session.entity.js';
import { Role } from '../../src/modules/users/entities/user.entity.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { uuidv7 } from '../../src/platform/database/uuid.js';
import {
  startFullGuest,
  startGuest,
  startPendingGuest,
  type TestUser,
} from '../factories/identity.js';
import { OWNED_FACTORIES } from '../factories/owned.js';
import { startTestApp, testConfig } from '../support/app.js';
import { OWNER_VIEWS, VALID_BODIES } from '../support/owner-views.js';
import { describeRoute, openApiPath, routeTable, type RouteInfo } from '../support/route-table.js';

/**
 * Routes that answer below FULL. The matrix derives its expectations from the
 * decorators; this list makes widening a route's scope a visible, reviewed change.
 */
const BELOW_FULL = [
  'DELETE /v1/auth/sessions/:id',
  'GET /v1/auth/sessions',
  'GET /v1/consent',
  'GET /v1/feature-flags/:name/evaluation',
  'GET /v1/feature-flags/stream',
  'GET /v1/me',
  'PATCH /v1/me',
  'POST /v1/auth/logout',
  'POST /v1/auth/logout-all',
  'POST /v1/auth/upgrade',
  'POST /v1/consent/terms',
  'POST /v1/consent/parental-requests',
  'POST /v1/invitations/:token/accept',
];

/** Values for path parameters that are not owned ids; anything else gets a fresh UUID. */
const SAMPLE_PARAMS: Record<string, string> = { provider: 'openai', idp: 'no-such-idp' };

function fill(route: RouteInfo, values: Record<string, string> = {}): string {
  return route.path.replace(
    /:([A-Za-z_]+)/g,
    (_m, name: string) => values[name] ?? SAMPLE_PARAMS[name] ?? uuidv7(),
  );
}

describe('S1/S2: every route, from the route table', () => {
  let app: NestExpressApplication;
  let routes: RouteInfo[];
  const http = () => request(app.getHttpServer());

  const call = (route: RouteInfo, user: TestUser | null, path = fill(route), body: object = {}) => {
    const req = http()[route.method.toLowerCase() as 'get'](path);
    if (user) req.set(user.auth);
    return ['POST', 'PUT', 'PATCH'].includes(route.method) ? req.send(body) : req;
  };

  /** A fresh session per call: some routes (logout) end the session they are called with. */
  const sessionIn = async (scope: SessionScope, route: RouteInfo): Promise<TestUser> => {
    const user =
      scope === SessionScope.Onboarding
        ? await startGuest(app)
        : scope === SessionScope.PendingConsent
          ? await startPendingGuest(app)
          : await startFullGuest(app);
    // Roles are checked before scope; give them, so that scope is what is tested.
    for (const role of route.roles) await app.get(UsersService).grantRole(user.id, role as Role);
    return user;
  };

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    routes = routeTable(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reads the same routes as the OpenAPI document', async () => {
    const doc = (await http().get('/openapi.json').expect(200)).body as {
      paths: Record<string, object>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = routes
      .filter((r) => r.controller !== 'MetricsController')
      .map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(served.sort()).toEqual(documented.sort());
    expect(routes.length).toBeGreaterThan(20);
  });

  it('authenticates every non-public route', async () => {
    for (const route of routes.filter((r) => !r.public)) {
      const res = await call(route, null);
      expect({ route: describeRoute(route), status: res.status }).toEqual({
        route: describeRoute(route),
        status: 401,
      });
    }
  });

  it('lists exactly the reviewed routes as answering below FULL', () => {
    const below = routes.filter((r) => !r.public && r.scopes.some((s) => s !== SessionScope.Full));
    expect(below.map(describeRoute).sort()).toEqual([...BELOW_FULL].sort());
  });

  it.each([SessionScope.Onboarding, SessionScope.PendingConsent, SessionScope.Full])(
    'S2: with a %s session, only routes marked for that scope answer',
    async (scope) => {
      const outcomes: string[] = [];
      for (const route of routes.filter((r) => !r.public)) {
        const user = await sessionIn(scope, route);
        const res = await call(route, user);
        const refused = res.status === 403 && res.body.code === 'insufficient-scope';
        const allowed = route.scopes.includes(scope);
        if (res.status >= 500 || res.status === 401 || refused === allowed) {
          outcomes.push(
            `${describeRoute(route)} -> ${res.status} ${res.body?.code ?? ''} (allowed: ${allowed})`,
          );
        }
      }
      expect(outcomes).toEqual([]);
    },
  );

  it('S1: every route with an owned id answers 404 to another user and changes nothing', async () => {
    const owned = routes.filter((r) => r.access);
    expect(owned.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const route of owned) {
      const { param, kind } = route.access!;
      const factory = OWNED_FACTORIES[kind];
      if (!factory) {
        failures.push(
          `${describeRoute(route)}: no factory for access kind "${kind}" in test/factories/owned.ts`,
        );
        continue;
      }
      // Writes are re-read as the owner: a 404 that still changed something is no refusal.
      const view = route.method === 'GET' ? undefined : OWNER_VIEWS[kind];
      if (route.method !== 'GET' && !view) {
        failures.push(
          `${describeRoute(route)}: no owner view for kind "${kind}" in test/support/owner-views.ts`,
        );
        continue;
      }
      const owner = await sessionIn(SessionScope.Full, route);
      const intruder = await sessionIn(SessionScope.Full, route);
      const made = await factory(app, owner);
      let ids = typeof made === 'string' ? { [param]: made } : made;
      ids = { ...ids, ...(await view?.prepare?.(app, owner, ids)) };
      const path = fill(route, ids);
      const before = await view?.read(app, owner, ids);
      const stolen = await call(route, intruder, path, VALID_BODIES[describeRoute(route)]);
      if (stolen.status !== 404)
        failures.push(`${describeRoute(route)} as another user -> ${stolen.status}`);
      const after = await view?.read(app, owner, ids);
      if (!isDeepStrictEqual(after, before))
        failures.push(
          `${describeRoute(route)} as another user changed what the owner sees: ` +
            `${JSON.stringify(before)} -> ${JSON.stringify(after)}`,
        );
      const own = await call(route, owner, path);
      if (own.status === 404 || own.status >= 500)
        failures.push(`${describeRoute(route)} as the owner -> ${own.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('S1: every non-admin route taking an id declares whether it is owned', () => {
    const undeclared = routes.filter(
      (r) =>
        !r.public &&
        !r.access &&
        r.roles.length === 0 &&
        r.params.some((p) => p === 'id' || p.endsWith('_id')),
    );
    expect(undeclared.map(describeRoute)).toEqual([]);
  });
});
