import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Role } from '../../src/modules/users/entities/user.entity.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { createCollective, createInvitation, makeParent } from '../factories/collectives.js';
import { appendMessage, createConversation } from '../factories/conversations.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { OWNED_FACTORIES } from '../factories/owned.js';
import type { Operation } from './openapi-document.js';
import type { FuzzRequest, ParamValues } from './openapi-fuzz.js';
import { openApiPath, routeTable } from './route-table.js';
import { waitUntil } from './wait.js';

type Values = Record<string, string>;
type Owned = { param: string; kind: string };

/** Where a kind's single value goes: the parameter the route's @Owned names. */
const OWNED_VALUE = '*';

interface Kind {
  dependsOn?: string[];
  make(app: INestApplication, owner: TestUser, have: (kind: string) => Values): Promise<Values>;
}

const http = (app: INestApplication) => request(app.getHttpServer());

async function put(
  app: INestApplication,
  owner: TestUser,
  url: string,
  body: object,
): Promise<void> {
  const res = await http(app).put(url).set(owner.auth).send(body);
  if (res.status >= 300) throw new Error(`PUT ${url} answered ${res.status}: ${res.text}`);
}

/**
 * Resources for path parameters that @Owned does not describe, keyed by kind and
 * filling parameters by name. A parameter nobody knows still gets random and
 * hostile values; these only let valid requests reach deeper.
 */
const EXTRA_KINDS: Record<string, Kind> = {
  message: {
    dependsOn: ['conversation'],
    make: async (app, owner, have) => ({
      message_id: (
        await appendMessage(app, owner, have('conversation')[OWNED_VALUE]!, {
          message_id: 'fuzz-1',
          content: 'hello',
        })
      ).id,
    }),
  },
  'memory-item': {
    make: async (app, owner) => {
      await put(app, owner, '/v1/memory/items/fuzz.notes/first', { value: { text: 'hello' } });
      return { namespace: 'fuzz.notes', key: 'first' };
    },
  },
  'api-key': {
    make: async (app, owner) => {
      await put(app, owner, '/v1/me/api-keys/openai', { api_key: 'sk-fuzz-0123456789' });
      return { provider: 'openai' };
    },
  },
  'invitation-token': {
    make: async (app, owner) => ({
      token: (await createInvitation(app, owner, await createCollective(app, owner))).token,
    }),
  },
  'trusted-client': {
    make: async (app, owner) => {
      const res = await http(app)
        .post('/v1/admin/trusted-clients')
        .set(owner.auth)
        .send({ name: 'fuzz-bot', idp: 'discord' });
      if (res.status !== 201) throw new Error(`trusted client answered ${res.status}: ${res.text}`);
      return { id: res.body.id as string };
    },
  },
  // An admin's knowledge-base document: fills `name` (its collection) and `id` on the RAG routes.
  'rag-document': {
    make: async (app, owner) => {
      const name = `fuzz_${randomBytes(4).toString('hex')}`;
      const made = await http(app)
        .post('/v1/rag/collections')
        .set(owner.auth)
        .send({ name, audience: 'all' });
      if (made.status !== 201) throw new Error(`collection answered ${made.status}: ${made.text}`);
      const doc = await http(app)
        .post(`/v1/rag/collections/${name}/documents`)
        .set(owner.auth)
        .send({ title: 'Fuzz', text: 'Magma rises and erupts as lava.', metadata: { n: 1 } });
      if (doc.status !== 202) throw new Error(`document answered ${doc.status}: ${doc.text}`);
      // Its ingest job writes after the answer: let it finish, or the next request's counts see it.
      await waitUntil(
        async () =>
          (
            await http(app)
              .get(`/v1/rag/collections/${name}/documents/${doc.body.id as string}`)
              .set(owner.auth)
          ).body.status === 'ready',
        { what: 'the fuzz document to be ingested', timeoutMs: 30_000 },
      );
      return { name, id: doc.body.id as string };
    },
  },
  'public-conversation': {
    make: async (app, owner) => ({
      id: await createConversation(app, owner, { visibility: 'public' }),
    }),
  },
};

/** Kinds another user's resources are made of: what "another user's id" can point at. */
const VICTIM_EXTRAS = ['message'];

const PROFILE_FIELDS = ['name', 'language', 'user_type', 'age_class', 'country', 'school'];

class Holdings {
  readonly values = new Map<string, Values>();
  /** The profile it started with; requests that change it are undone. */
  profile: Record<string, unknown> = {};
  constructor(public user: TestUser) {}
}

/**
 * The callers of the fuzz suite: a FULL user (with the admin role, so admin
 * routes are exercised past the role check) owning one resource of every kind
 * the routes name, and another FULL user whose ids the first must not reach.
 */
export class FuzzFixture implements ParamValues {
  private caller!: Holdings;
  private victim!: Holdings;
  private readonly ownedKinds: string[];

  private constructor(
    private readonly app: INestApplication,
    private readonly owned: Map<string, Owned>,
  ) {
    this.ownedKinds = [...new Set([...owned.values()].map((o) => o.kind))].sort();
    const missing = this.ownedKinds.filter((k) => !OWNED_FACTORIES[k]);
    if (missing.length)
      throw new Error(`no factory in test/factories/owned.ts for: ${missing.join(', ')}`);
  }

  static async create(app: INestApplication): Promise<FuzzFixture> {
    const owned = new Map<string, Owned>();
    for (const route of routeTable(app)) {
      // The route table names the declaration `owned` (@Owned) or `access` (@Access): same shape.
      const declared = route as { owned?: Owned; access?: Owned };
      const rule = declared.access ?? declared.owned;
      if (rule) owned.set(`${route.method} ${openApiPath(route.path)}`, rule);
    }
    const fixture = new FuzzFixture(app, owned);
    fixture.caller = await fixture.newCaller();
    fixture.victim = await fixture.newVictim();
    return fixture;
  }

  get user(): TestUser {
    return this.caller.user;
  }

  own(op: Operation, param: string): string[] {
    return this.lookup(this.caller, op, param, true);
  }

  others(op: Operation, param: string): string | undefined {
    return this.lookup(this.victim, op, param, false)[0];
  }

  ids(): string[] {
    const all = [...this.caller.values.values(), ...this.victim.values.values()].flatMap(
      Object.values,
    );
    return [...new Set(all.filter((v) => /^[0-9a-f-]{36}$/.test(v)))];
  }

  /**
   * After a request succeeded in changing something: a new caller if its session
   * no longer answers in FULL scope, and new resources for any the path named
   * (deleted, perhaps).
   */
  async repair(req: FuzzRequest): Promise<void> {
    if (!(await this.intact(this.caller))) this.caller = await this.newCaller();
    else await this.renew(this.caller, req, () => this.newCaller().then((h) => (this.caller = h)));
    await this.renew(this.victim, req, () => this.newVictim().then((h) => (this.victim = h)));
  }

  private lookup(h: Holdings, op: Operation, param: string, includeExtras: boolean): string[] {
    const owned = this.owned.get(op.id);
    const found: string[] = [];
    if (owned) {
      const values = h.values.get(owned.kind);
      const value = values?.[param] ?? (param === owned.param ? values?.[OWNED_VALUE] : undefined);
      // What the route declares it owns is the one right value.
      if (value) return [value];
    }
    const extras = includeExtras ? Object.keys(EXTRA_KINDS) : VICTIM_EXTRAS;
    for (const kind of extras) {
      const value = h.values.get(kind)?.[param];
      if (value && !found.includes(value)) found.push(value);
    }
    return found;
  }

  /** Signed in, its profile as it was (put back if not), and in FULL scope. */
  private async intact(h: Holdings): Promise<boolean> {
    const me = await http(this.app).get('/v1/me').set(h.user.auth);
    if (me.status !== 200) return false;
    const changed = Object.fromEntries(
      PROFILE_FIELDS.filter((f) => me.body[f] !== h.profile[f]).map((f) => [f, h.profile[f]]),
    );
    if (Object.keys(changed).length) {
      const res = await http(this.app).patch('/v1/me').set(h.user.auth).send(changed);
      if (res.status !== 200) return false;
    }
    const full = await http(this.app).get('/v1/conversations?limit=1').set(h.user.auth);
    return full.status === 200;
  }

  private async newCaller(): Promise<Holdings> {
    const user = await startFullGuest(this.app);
    await this.app.get(UsersService).grantRole(user.id, Role.Admin);
    // A parent, so that family consent and children's routes answer past the account check.
    await makeParent(this.app, user);
    const h = new Holdings(user);
    for (const kind of [...this.ownedKinds, ...Object.keys(EXTRA_KINDS)]) await this.make(h, kind);
    const me = await http(this.app).get('/v1/me').set(user.auth).expect(200);
    h.profile = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, me.body[f]]));
    return h;
  }

  private async newVictim(): Promise<Holdings> {
    const h = new Holdings(await startFullGuest(this.app));
    for (const kind of [...this.ownedKinds, ...VICTIM_EXTRAS]) await this.make(h, kind);
    return h;
  }

  private async make(h: Holdings, kind: string): Promise<void> {
    const owned = OWNED_FACTORIES[kind];
    if (owned) {
      const made = await owned(this.app, h.user);
      h.values.set(kind, typeof made === 'string' ? { [OWNED_VALUE]: made } : made);
      return;
    }
    h.values.set(kind, await EXTRA_KINDS[kind]!.make(this.app, h.user, (k) => h.values.get(k)!));
  }

  private async renew(
    h: Holdings,
    req: FuzzRequest,
    rebuild: () => Promise<unknown>,
  ): Promise<void> {
    const path = safeDecode(req.url.split('?')[0]!);
    const hit = [...h.values.entries()]
      .filter(([, values]) => Object.values(values).some((v) => v.length >= 8 && path.includes(v)))
      .map(([kind]) => kind);
    const dependents = Object.entries(EXTRA_KINDS)
      .filter(([kind, k]) => h.values.has(kind) && k.dependsOn?.some((d) => hit.includes(d)))
      .map(([kind]) => kind);
    try {
      for (const kind of [...new Set([...hit, ...dependents])]) await this.make(h, kind);
    } catch {
      // The user itself is gone or changed (signed out, profile reset): start over.
      await rebuild();
    }
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
