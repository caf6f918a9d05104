import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { User } from '../users/entities/user.entity.js';
import { isMinor, UsersService } from '../users/users.service.js';
import { UserConsent } from './entities/user-consent.entity.js';
import { ParentalConsentRepository } from './parental-consent.repository.js';

/** Whether a minor's parental consent is given some other way than a parent's record. */
export type ParentalConsentSource = (userId: string, manager?: EntityManager) => Promise<boolean>;

export interface ConsentStatus {
  terms: {
    accepted: boolean;
    version: string;
    accepted_version: string | null;
    accepted_at: string | null;
  };
  parental: { required: boolean; granted: boolean };
  /** What is still needed before the user's sessions reach FULL. */
  missing: ('terms' | 'parental_consent')[];
}

/**
 * Consent records and the rules built on them. Module authors: before storing a
 * minor's memory, uploads or personal RAG data, call `assertProcessingAllowed`
 * (consent gates processing, not only routes).
 */
@Injectable()
export class ConsentService {
  private readonly sources: ParentalConsentSource[] = [];

  constructor(
    @InjectRepository(UserConsent) private readonly consents: Repository<UserConsent>,
    private readonly parental: ParentalConsentRepository,
    private readonly users: UsersService,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get termsVersion(): string {
    return this.config.env.TERMS_VERSION;
  }

  async acceptTerms(userId: string, ip: string | null): Promise<ConsentStatus> {
    await this.consents
      .createQueryBuilder()
      .insert()
      .into(UserConsent)
      .values({ id: uuidv7(), userId, termsVersion: this.termsVersion, consentIp: ip })
      .orIgnore()
      .execute();
    await this.events.emit('user.scope-inputs-changed', { userId });
    return this.status(userId);
  }

  async status(userId: string): Promise<ConsentStatus> {
    const user = await this.users.get(userId);
    const latest = await this.consents.findOne({ where: { userId }, order: { createdAt: 'DESC' } });
    const accepted = await this.hasAcceptedTerms(userId);
    const parentalRequired = isMinor(user);
    const parentalGranted = await this.parentalConsentSatisfied(user);
    return {
      terms: {
        accepted,
        version: this.termsVersion,
        accepted_version: latest?.termsVersion ?? null,
        accepted_at: latest?.createdAt.toISOString() ?? null,
      },
      parental: { required: parentalRequired, granted: parentalGranted },
      missing: [
        ...(accepted ? [] : ['terms' as const]),
        ...(parentalGranted ? [] : ['parental_consent' as const]),
      ],
    };
  }

  async hasAcceptedTerms(userId: string, manager?: EntityManager): Promise<boolean> {
    const repo = manager ? manager.getRepository(UserConsent) : this.consents;
    return repo.existsBy({ userId, termsVersion: this.termsVersion });
  }

  /**
   * Adults need none. A minor needs a parent's consent record, or another
   * registered source (a family collective whose owner granted consent).
   */
  async parentalConsentSatisfied(user: User, manager?: EntityManager): Promise<boolean> {
    if (!isMinor(user)) return true;
    if (await this.parental.hasParent(user.id, manager)) return true;
    for (const source of this.sources) if (await source(user.id, manager)) return true;
    return false;
  }

  /**
   * Lets a module that depends on consent add a way a minor's consent is given
   * (collectives: a consenting family) without consent depending on it.
   */
  registerParentalConsentSource(source: ParentalConsentSource): void {
    this.sources.push(source);
  }

  /**
   * The consent gate of the service layer. Call it before storing a minor's
   * memory, uploads or personal RAG data: the session guard only covers routes,
   * while jobs, agents and other modules reach data without one. Throws
   * DomainError ConsentRequired (403) unless terms are accepted and, for a minor,
   * parental consent exists.
   */
  async assertProcessingAllowed(userId: string, manager?: EntityManager): Promise<void> {
    const user = await this.users.get(userId, manager);
    const missing = [
      ...((await this.hasAcceptedTerms(userId, manager)) ? [] : ['terms']),
      ...((await this.parentalConsentSatisfied(user, manager)) ? [] : ['parental_consent']),
    ];
    if (missing.length > 0) {
      throw new DomainError(
        ErrorCode.ConsentRequired,
        `Consent is missing: ${missing.join(', ')}.`,
        {
          missing,
        },
      );
    }
  }
}
