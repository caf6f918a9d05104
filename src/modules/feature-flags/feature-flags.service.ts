import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { isUniqueViolation } from '../../platform/database/pg-errors.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { Actors, AuditService } from '../audit/audit.service.js';
import { CollectivesService } from '../collectives/collectives.service.js';
import { UsersService } from '../users/users.service.js';
import {
  CreateFeatureFlagDto,
  FeatureFlagDto,
  UpdateFeatureFlagDto,
} from './dto/feature-flag.dto.js';
import { toTargetingRules } from './dto/targeting.dto.js';
import type { FeatureFlag } from './entities/feature-flag.entity.js';
import {
  evaluateFlag,
  FlagEnvironment,
  FlagVariant,
  FlagVisibility,
  type Audience,
  type Evaluation,
} from './evaluation.js';
import { FeatureFlagsRepository } from './feature-flags.repository.js';
import { FlagStore } from './flag-store.js';
import type { EvaluationContext } from './targeting.js';

const TARGET = 'feature-flag';

export interface FlagEvaluation extends Evaluation {
  name: string;
  flagVersion: number;
}

/**
 * Feature flags: administration (every change audited and broadcast to every
 * instance) and evaluation from the instance's in-memory copy.
 *
 * Backend code asks `isEnabled(name, context)` or `isEnabledForUser(name, userId)`;
 * a flag that does not exist answers the caller's default, so a behaviour
 * gated before its flag is created keeps today's behaviour.
 */
@Injectable()
export class FeatureFlagsService {
  private readonly environment: Exclude<FlagEnvironment, FlagEnvironment.All>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly flags: FeatureFlagsRepository,
    private readonly store: FlagStore,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly collectives: CollectivesService,
  ) {
    this.environment = config.env.PARLEY_ENVIRONMENT as typeof this.environment;
  }

  /** Emits after this instance has seen a flag change (its own or another instance's). */
  get changed$() {
    return this.store.changed$;
  }

  // ---- backend API ----

  /** Evaluated for the service itself (backend visibility). A missing flag answers `fallback`. */
  async isEnabled(name: string, context: EvaluationContext, fallback = false): Promise<boolean> {
    const flag = (await this.store.all()).get(name);
    if (!flag) return fallback;
    return evaluateFlag(flag, context, this.environment, 'backend').value;
  }

  /** `isEnabled` with the user's own attributes, read only when the flag exists. */
  async isEnabledForUser(
    name: string,
    userId: string | null,
    fallback = false,
    extra: EvaluationContext = {},
  ): Promise<boolean> {
    const flag = (await this.store.all()).get(name);
    if (!flag) return fallback;
    const context = userId ? await this.contextFor(userId, extra) : extra;
    return evaluateFlag(flag, context, this.environment, 'backend').value;
  }

  /** What targeting knows of a user: profile attributes, collectives (when a rule asks). */
  async contextFor(userId: string, extra: EvaluationContext = {}): Promise<EvaluationContext> {
    const profile = await this.users.profile(userId);
    const context: EvaluationContext = {
      ...extra,
      user_id: userId,
      user_type: profile.user_type,
      age_class: profile.age_class,
      country: profile.country,
      school: profile.school,
      language: profile.language,
    };
    if (await this.anyRuleOn('collective_ids')) {
      context.collective_ids = await this.collectives.idsOf(userId);
    }
    return context;
  }

  // ---- evaluation for callers ----

  async evaluate(
    name: string,
    context: EvaluationContext,
    audience: Audience,
  ): Promise<FlagEvaluation> {
    const flag = (await this.store.all()).get(name);
    if (!flag) throw DomainError.notFound('Feature flag');
    return {
      name,
      flagVersion: flag.version,
      ...evaluateFlag(flag, context, this.environment, audience),
    };
  }

  /** Flags visible to front-ends, evaluated: `{name: enabled}`. */
  async evaluateForFrontend(context: EvaluationContext): Promise<Record<string, boolean>> {
    const result: Record<string, boolean> = {};
    for (const flag of (await this.store.all()).values()) {
      if (flag.visibility === FlagVisibility.Backend) continue;
      result[flag.name] = evaluateFlag(flag, context, this.environment, 'frontend').value;
    }
    return result;
  }

  // ---- administration ----

  async list(): Promise<FeatureFlagDto[]> {
    return (await this.flags.findAll()).map(FeatureFlagDto.from);
  }

  async create(actorId: string, input: CreateFeatureFlagDto): Promise<FeatureFlagDto> {
    const created = await this.db
      .transaction(async (manager) => {
        const id = uuidv7();
        await this.flags.insert(
          {
            id,
            name: input.name,
            description: input.description ?? null,
            isEnabled: input.is_enabled ?? false,
            environment: input.environment ?? FlagEnvironment.All,
            visibility: input.visibility ?? FlagVisibility.All,
            variant: input.variant ?? FlagVariant.All,
            targetingRules: toTargetingRules(input.targeting_rules),
            version: 1,
          },
          manager,
        );
        const flag = FeatureFlagDto.from(await this.flags.findById(id, manager));
        await this.audit.record(
          {
            actor: Actors.user(actorId),
            action: 'feature-flag.create',
            target: { type: TARGET, id: flag.name },
            after: auditView(flag),
          },
          manager,
        );
        return flag;
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) {
          throw new DomainError(ErrorCode.Conflict, `A feature flag named ${input.name} exists.`);
        }
        throw err;
      });
    await this.store.publishChange();
    return created;
  }

  async update(
    actorId: string,
    name: string,
    input: UpdateFeatureFlagDto,
  ): Promise<FeatureFlagDto> {
    const { flag, changed } = await this.db.transaction(async (manager) => {
      const current = await this.flags.findForUpdate(name, manager);
      if (!current) throw DomainError.notFound('Feature flag');
      const patch = changes(current, input);
      if (Object.keys(patch).length === 0) {
        return { flag: FeatureFlagDto.from(current), changed: false };
      }
      await this.flags.update(current.id, patch, manager);
      const updated = FeatureFlagDto.from(await this.flags.findById(current.id, manager));
      await this.audit.record(
        {
          actor: Actors.user(actorId),
          action: 'feature-flag.update',
          target: { type: TARGET, id: name },
          before: auditView(FeatureFlagDto.from(current)),
          after: auditView(updated),
        },
        manager,
      );
      return { flag: updated, changed: true };
    });
    if (changed) await this.store.publishChange();
    return flag;
  }

  async remove(actorId: string, name: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const current = await this.flags.findForUpdate(name, manager);
      if (!current) throw DomainError.notFound('Feature flag');
      await this.flags.delete(current.id, manager);
      await this.audit.record(
        {
          actor: Actors.user(actorId),
          action: 'feature-flag.delete',
          target: { type: TARGET, id: name },
          before: auditView(FeatureFlagDto.from(current)),
        },
        manager,
      );
    });
    await this.store.publishChange();
  }

  private async anyRuleOn(attribute: string): Promise<boolean> {
    for (const flag of (await this.store.all()).values()) {
      if (flag.targetingRules.rules.some((r) => r.attribute === attribute)) return true;
    }
    return false;
  }
}

/** The fields a PATCH sets to something new; an identical PATCH is no change. */
function changes(current: FeatureFlag, input: UpdateFeatureFlagDto) {
  const next = {
    description: input.description,
    isEnabled: input.is_enabled,
    environment: input.environment,
    visibility: input.visibility,
    variant: input.variant,
    targetingRules: input.targeting_rules ? toTargetingRules(input.targeting_rules) : undefined,
  };
  const patch: Partial<typeof next> = {};
  for (const [key, value] of Object.entries(next) as [keyof typeof next, never][]) {
    if (value !== undefined && !isDeepStrictEqual(value, current[key])) patch[key] = value;
  }
  return patch as Partial<
    Pick<
      FeatureFlag,
      'description' | 'isEnabled' | 'environment' | 'visibility' | 'variant' | 'targetingRules'
    >
  >;
}

/** What the audit log keeps of a flag: its settings, not its timestamps. */
function auditView(flag: FeatureFlagDto): Record<string, unknown> {
  const { created_at: _created, updated_at: _updated, ...rest } = flag;
  return rest;
}
