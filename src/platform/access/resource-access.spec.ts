import { jest } from '@jest/globals';
import { Controller, Get, Post, type ExecutionContext, type Type } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants.js';
import { Reflector, type DiscoveryService } from '@nestjs/core';
import { DomainError } from '../http/domain-error.js';
import { ErrorCode } from '../http/error-codes.js';
import { Public } from '../http/public.decorator.js';
import { ACCESS_KEY } from './access-rule.js';
import { Access } from './access.decorator.js';
import { ResourceAccessGuard } from './resource-access.guard.js';
import { ResourceAccessRegistry } from './resource-access.registry.js';
import type { ResourceChecker } from './resource-checker.js';

const ALICE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const THING = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

/** A checker that answers only what a test allows; any other call fails the test. */
function checker(kind: string, answers: Record<string, boolean> = {}, isId?: RegExp) {
  const check = jest.fn(async (userId: string, id: string) => {
    const answer = answers[`${userId} ${id}`];
    if (answer === undefined) throw new Error(`unexpected check(${userId}, ${id})`);
    return answer;
  });
  const name = `${kind[0]!.toUpperCase()}${kind.slice(1)}`;
  const made: ResourceChecker = { kind, name, check };
  if (isId) made.isId = (id) => isId.test(id);
  return { checker: made, check };
}

function discovery(checkers: ResourceChecker[], controllers: Type[]): DiscoveryService {
  return {
    getProviders: jest.fn(() =>
      checkers.map((instance) => ({
        instance,
        name: `${instance.kind}Checker`,
        isDependencyTreeStatic: () => true,
      })),
    ),
    getControllers: jest.fn(() => controllers.map((metatype) => ({ metatype }))),
  } as unknown as DiscoveryService;
}

function registryOf(checkers: ResourceChecker[], controllers: Type[] = []): ResourceAccessRegistry {
  const registry = new ResourceAccessRegistry(discovery(checkers, controllers));
  registry.onModuleInit();
  return registry;
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allowed';
  } catch (err) {
    if (err instanceof DomainError) return `${err.code}: ${err.message}`;
    throw err;
  }
}

@Controller('things/:id')
class ThingsController {
  @Get()
  @Access('thing')
  get(): void {}

  @Post('parts/:part_id')
  @Access('thing', 'part_id')
  part(): void {}

  @Get('open')
  open(): void {}
}

describe('@Access', () => {
  it('declares the rule and attaches the guard that enforces it, together', () => {
    const handler = ThingsController.prototype.part;
    expect(Reflect.getMetadata(ACCESS_KEY, handler)).toEqual({ kind: 'thing', param: 'part_id' });
    expect(Reflect.getMetadata(GUARDS_METADATA, handler)).toEqual([ResourceAccessGuard]);
    expect(Reflect.getMetadata(GUARDS_METADATA, ThingsController.prototype.open)).toBeUndefined();
  });

  it('refuses a second rule on one route, which would silently replace the first', () => {
    expect(() => {
      class Twice {
        @Access('a')
        @Access('b')
        route(): void {}
      }
      return Twice;
    }).toThrow("route: @Access('a') on top of @Access('b')");
  });
});

describe('ResourceAccessRegistry', () => {
  it('answers 404 naming the resource for an id of someone else, and lets the owner through', async () => {
    const { checker: things } = checker('thing', {
      [`${ALICE} ${THING}`]: true,
      [`bob ${THING}`]: false,
    });
    const registry = registryOf([things], [ThingsController]);
    expect(await outcome(registry.assertAccess('thing', ALICE, THING))).toBe('allowed');
    expect(await outcome(registry.assertAccess('thing', 'bob', THING))).toBe(
      `${ErrorCode.NotFound}: Thing not found`,
    );
  });

  it('answers 404 for a malformed id, a missing parameter or no user, without asking the checker', async () => {
    const { checker: things, check } = checker('thing');
    const registry = registryOf([things]);
    for (const [userId, id] of [
      [ALICE, 'not-a-uuid'],
      [ALICE, `${THING}'; DROP TABLE x`],
      [ALICE, undefined],
      [undefined, THING],
    ] as const) {
      expect(await outcome(registry.assertAccess('thing', userId, id))).toBe(
        `${ErrorCode.NotFound}: Thing not found`,
      );
    }
    expect(check).not.toHaveBeenCalled();
  });

  it("uses a kind's own id form when it has one", async () => {
    const { checker: jobs, check } = checker('job', { [`${ALICE} job.1`]: true }, /^job\.\d+$/);
    const registry = registryOf([jobs]);
    expect(await outcome(registry.assertAccess('job', ALICE, 'job.1'))).toBe('allowed');
    expect(await outcome(registry.assertAccess('job', ALICE, THING))).toBe(
      `${ErrorCode.NotFound}: Job not found`,
    );
    expect(check).toHaveBeenCalledTimes(1);
  });

  it("passes a checker's own errors through (a 503 stays a 503)", async () => {
    const down = new DomainError(ErrorCode.ServiceUnavailable, 'The job queue cannot be reached.');
    const failing: ResourceChecker = {
      kind: 'thing',
      name: 'Thing',
      check: jest.fn(async () => {
        throw down;
      }),
    };
    await expect(registryOf([failing]).assertAccess('thing', ALICE, THING)).rejects.toBe(down);
  });

  it('refuses to start when a route names a kind no module checks', () => {
    expect(() => registryOf([], [ThingsController])).toThrow(
      'ThingsController.get: no checker for kind "thing"',
    );
  });

  it('refuses to start when two checkers claim one kind', () => {
    expect(() => registryOf([checker('thing').checker, checker('thing').checker])).toThrow(
      'Kind "thing" has two checkers',
    );
  });

  it('refuses to start for a parameter the path lacks, a public route, or a rule on both levels', () => {
    @Controller('wrong')
    class WrongParam {
      @Get(':identifier')
      @Access('thing')
      get(): void {}
    }
    @Controller('open/:id')
    class PublicRoute {
      @Get()
      @Public()
      @Access('thing')
      get(): void {}
    }
    @Access('thing')
    @Controller('both/:id')
    class BothLevels {
      @Get()
      @Access('thing')
      get(): void {}
    }
    const things = checker('thing').checker;
    expect(() => registryOf([things], [WrongParam])).toThrow('WrongParam.get: its path has no :id');
    expect(() => registryOf([things], [PublicRoute])).toThrow(
      'PublicRoute.get: @Access on a public route',
    );
    expect(() => registryOf([things], [BothLevels])).toThrow(
      'BothLevels.get: @Access on both the controller and the route',
    );
  });
});

describe('ResourceAccessGuard', () => {
  function context(handler: object, params: Record<string, string>): ExecutionContext {
    const request = { user: { userId: ALICE }, params };
    return {
      getHandler: () => handler,
      getClass: () => ThingsController,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
  }

  it("checks the parameter the route's rule names", async () => {
    const { checker: things, check } = checker('thing', { [`${ALICE} ${THING}`]: true });
    const guard = new ResourceAccessGuard(new Reflector(), registryOf([things]));
    const part = ThingsController.prototype.part;
    await expect(
      guard.canActivate(context(part, { id: 'not-this-one', part_id: THING })),
    ).resolves.toBe(true);
    expect(check).toHaveBeenCalledWith(ALICE, THING);
  });

  it("throws the checker's 404 for another user's id", async () => {
    const { checker: things } = checker('thing', { [`${ALICE} ${THING}`]: false });
    const guard = new ResourceAccessGuard(new Reflector(), registryOf([things]));
    await expect(
      guard.canActivate(context(ThingsController.prototype.get, { id: THING })),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Thing not found' });
  });

  it('lets a route without a rule through untouched', async () => {
    const { checker: things, check } = checker('thing');
    const guard = new ResourceAccessGuard(new Reflector(), registryOf([things]));
    await expect(
      guard.canActivate(context(ThingsController.prototype.open, { id: THING })),
    ).resolves.toBe(true);
    expect(check).not.toHaveBeenCalled();
  });
});
