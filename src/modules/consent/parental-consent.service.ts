import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid, uuidv7 } from '../../platform/database/uuid.js';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { toPage, decodeCursor, type Page } from '../../platform/http/pagination.js';
import { MAILER, type Mailer } from '../../platform/mail/mailer.port.js';
import { newOpaqueToken, sha256 } from '../auth/token-hash.js';
import { UserType } from '../users/entities/user.entity.js';
import { isMinor, normaliseEmail, UsersService } from '../users/users.service.js';
import type { ChildDto, ParentalRequestCreatedDto } from './dto/parental.dto.js';
import { ParentalRequestStatus } from './entities/parental-request.entity.js';
import { ParentalConsentRepository, type ChildRow } from './parental-consent.repository.js';

export const PARENTAL_REQUEST_TTL_DAYS = 7;
/** Pending requests a minor may have open in a day: each one mails someone. */
const PENDING_REQUESTS_PER_DAY = 5;

const childDto = (row: ChildRow): ChildDto => ({
  user_id: row.userId,
  name: row.name,
  user_type: row.userType,
  age_class: row.ageClass,
  consented_at: new Date(row.consentedAt).toISOString(),
});

/**
 * Parental consent: a minor asks (the token goes to the parent by mail), a
 * parent approves (which links parent and child), the parent may revoke. Every
 * change moves the minor's live sessions at once through the scope event.
 */
@Injectable()
export class ParentalConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly parental: ParentalConsentRepository,
    private readonly users: UsersService,
    private readonly events: DomainEvents,
  ) {}

  async request(teenagerId: string, parentEmail: string): Promise<ParentalRequestCreatedDto> {
    const teen = await this.users.get(teenagerId);
    if (!isMinor(teen)) {
      throw new DomainError(ErrorCode.NotAMinor, 'Only a minor asks a parent for consent.');
    }
    const dayAgo = new Date(Date.now() - 86_400_000);
    if ((await this.parental.countPendingSince(teenagerId, dayAgo)) >= PENDING_REQUESTS_PER_DAY) {
      throw new DomainError(
        ErrorCode.RateLimited,
        'Too many parental requests today; ask again tomorrow.',
        {},
        { 'Retry-After': '86400' },
      );
    }
    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + PARENTAL_REQUEST_TTL_DAYS * 86_400_000);
    const email = normaliseEmail(parentEmail);
    const id = uuidv7();
    await this.parental.insertRequest({
      id,
      teenagerId,
      parentEmail: email,
      tokenHash: sha256(token),
      status: ParentalRequestStatus.Pending,
      expiresAt,
      approvedAt: null,
      approvedBy: null,
    });
    await this.mailer.send({
      to: email,
      template: 'parental-consent-request',
      subject: `${teen.name ?? 'Your child'} asks for your consent on Parley`,
      text:
        `${teen.name ?? 'Your child'} would like to use Parley and needs a parent's consent.\n\n` +
        `Sign in with a parent account and approve with this code: ${token}\n\n` +
        `It works once, within ${PARENTAL_REQUEST_TTL_DAYS} days. If you do not know this person, ignore this message.`,
    });
    return { id, token, parent_email: email, expires_at: expiresAt.toISOString() };
  }

  /** The token is the proof: it reached the parent's mailbox. The approver must be a parent account. */
  async approve(parentId: string, token: string, ip: string | null): Promise<ChildDto> {
    const parent = await this.users.get(parentId);
    if (parent.userType !== UserType.Parent || isMinor(parent)) {
      throw new DomainError(ErrorCode.NotAParent, 'Only a parent account approves consent.');
    }
    const hash = sha256(token);
    const teenagerId = await this.dataSource.transaction(async (manager) => {
      const id = await this.parental.approvePending(hash, parentId, manager);
      if (!id) {
        const request = await this.parental.findRequestByHash(hash, manager);
        if (!request) throw DomainError.notFound('Parental request');
        if (request.status === ParentalRequestStatus.Approved) {
          throw new DomainError(ErrorCode.ParentalRequestUsed, 'This request is already approved.');
        }
        throw new DomainError(ErrorCode.ParentalRequestExpired, 'This request has expired.');
      }
      if (id === parentId) {
        throw new DomainError(ErrorCode.NotAParent, 'A minor cannot consent for themselves.');
      }
      await this.parental.link(parentId, id, ip, manager);
      return id;
    });
    await this.events.emit('user.scope-inputs-changed', { userId: teenagerId });
    const [row] = await this.parental.childrenPage(parentId, 1, undefined, teenagerId);
    return childDto(row!);
  }

  async children(parentId: string, limit: number, cursor?: string): Promise<Page<ChildDto>> {
    const after = cursor ? decodeCursor(cursor, ['uuid'])[0] : undefined;
    const rows = await this.parental.childrenPage(parentId, limit, after);
    return toPage(rows, limit, (r) => [r.userId], childDto);
  }

  async revoke(parentId: string, teenagerId: string): Promise<void> {
    if (!isUuid(teenagerId)) throw DomainError.notFound('Child');
    if (!(await this.parental.unlink(parentId, teenagerId))) throw DomainError.notFound('Child');
    await this.events.emit('user.scope-inputs-changed', { userId: teenagerId });
  }
}
