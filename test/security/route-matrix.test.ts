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
  'DELETE /v1/me',
  'GET /v1/me',
  'PATCH /v1/me',
  'POST /v1/auth/logout',
  'POST /v1/auth/logout-all',
  'POST /v1/auth/upgrade',
  'POST /v1/consent/terms',
  'POST /v1/consent/parental-requests',
  'POST /v1/invitations/:token/accept',
];

/**
 * Routes that take `?ticket=` instead of the Authorization header, and where a
 * ticket of each resource kind is minted: a reviewed change, like BELOW_FULL.
 */
const TAKES_TICKET = ['GET /v1/streams/:id/events'];
const TICKET_MINTERS: Record<string, (id: string) => string> = {
  stream: (id) => `/v1/streams/${id}/tickets`,
};

/** Values for path parameters that are not owned ids; anything else gets a fresh UUID. */
const SAMPLE_PARAMS: Record<string, string> = { provider: 'openai', idp: 'no-such-idp' };

function fill(route: RouteInfo, values: Record<string, string> = {}): string {
  return route.path.replace(
    /:([A-Za-z_]+)/g,
    (_m, name: string) => values[name] ?? SAMPLE_PARAMS[name] ?? uuidv7(),
  );
}

/**
 * A route taking multipart bodies is always called with one (a JSON body would be
 * refused for its media type before its credentials or scope are looked at).
 */
function multipartBody(route: RouteInfo) {
  const body = VALID_BODIES[describeRoute(route)];
  return typeof body === 'function' ? body : undefined;
}

describe('S1/S2: every route, from the route table', () => {
  let app: NestExpressApplication;
  let routes: RouteInfo[];
  const http = () => request(app.getHttpServer());

  const call = (
    route: RouteInfo,
    user: TestUser | null,
    path = fill(route),
    body: (typeof VALID_BODIES)[string] = multipartBody(route) ?? {},
  ) => {
    const req = http()[route.method.toLowerCase() as 'get'](path);
    if (user) req.set(user.auth);
    if (!['POST', 'PUT', 'PATCH'].includes(route.method)) return req;
    // A multipart route's valid body is built on the request (a file attached).
    return typeof body === 'function' ? body(req) : req.send(body);
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
    // Two sessions and a resource per owned route, made through the API: it grows with the routes.
  }, 300_000);

  it('lists exactly the reviewed routes as taking a ticket, each with an owned resource', () => {
    const ticketed = routes.filter((r) => r.ticket);
    expect(ticketed.map(describeRoute).sort()).toEqual([...TAKES_TICKET].sort());
    for (const route of ticketed) {
      expect({
        route: describeRoute(route),
        public: route.public,
        kind: route.access?.kind,
      }).toEqual({ route: describeRoute(route), public: false, kind: expect.any(String) });
    }
  });

  it("S1: a ticket opens only its own resource: another user's, another resource or none is a 401", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.ticket)) {
      const { param, kind } = route.access!;
      const minter = TICKET_MINTERS[kind];
      const factory = OWNED_FACTORIES[kind];
      if (!minter || !factory) {
        failures.push(`${describeRoute(route)}: no ticket minter or factory for kind "${kind}"`);
        continue;
      }
      const owner = await sessionIn(SessionScope.Full, route);
      const intruder = await sessionIn(SessionScope.Full, route);
      const idOf = (made: string | Record<string, string>) =>
        typeof made === 'string' ? made : made[param]!;
      const [mine, theirs] = [idOf(await factory(app, owner)), idOf(await factory(app, intruder))];
      const mint = async (user: TestUser, id: string) => {
        const res = await http().post(minter(id)).set(user.auth);
        if (res.status !== 201) failures.push(`${minter(id)} as its owner -> ${res.status}`);
        return res.body.ticket as string;
      };
      const [ownTicket, intruderTicket] = [await mint(owner, mine), await mint(intruder, theirs)];
      // The intruder cannot mint one for the owner's resource either.
      const stolenMint = await http().post(minter(mine)).set(intruder.auth);
      if (stolenMint.status !== 404)
        failures.push(`${minter(mine)} as another user -> ${stolenMint.status}`);
      const withTicket = (id: string, ticket: string) =>
        http()[route.method.toLowerCase() as 'get'](
          `${fill(route, { [param]: id })}?ticket=${encodeURIComponent(ticket)}`,
        );
      for (const [what, id, ticket, expected] of [
        ["another user's ticket", mine, intruderTicket, 401],
        ['a ticket on a resource that does not exist', uuidv7(), ownTicket, 401],
        ['a made-up ticket', mine, 'not-a-ticket', 401],
      ] as const) {
        const res = await withTicket(id, ticket);
        if (res.status !== expected || !/problem\+json/.test(res.headers['content-type'] ?? ''))
          failures.push(`${describeRoute(route)} with ${what} -> ${res.status}`);
      }
      const own = await withTicket(mine, ownTicket);
      if (own.status >= 400)
        failures.push(`${describeRoute(route)} with its own ticket -> ${own.status}`);
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
