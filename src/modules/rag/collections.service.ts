import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { toPage, type Page } from '../../platform/http/pagination.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Role } from '../users/entities/user.entity.js';
import { isMinor, UsersService } from '../users/users.service.js';
import { CollectionsRepository } from './collections.repository.js';
import { RagCollectionDto, COLLECTION_NAME, RagRemovalReceiptDto } from './dto/collection.dto.js';
import { EMBEDDER, type Embedder } from './embedding/embedder.port.js';
import { Audience, type RagCollection } from './entities/rag-collection.entity.js';
import type { EmbeddingProfile } from './embedding/embedder-registry.js';
import { ProfilesRepository } from './reembed/profiles.repository.js';
import { ReembedService } from './reembed/reembed.service.js';
import { VectorIndexes } from './search/vector-indexes.js';

const NAME_CURSOR = [{ pattern: COLLECTION_NAME }] as const;

export interface CreateCollection {
  name: string;
  audience: Audience;
  chunkSize?: number;
  chunkOverlap?: number;
}

/**
 * Collections and who reaches them. A minor reaches teenager and all
 * collections, everyone else parent and all, admins every one; a collection
 * out of reach answers 404, exactly as a missing one.
 */
@Injectable()
export class CollectionsService {
  constructor(
    private readonly collections: CollectionsRepository,
    private readonly users: UsersService,
    private readonly indexes: VectorIndexes,
    private readonly profiles: ProfilesRepository,
    private readonly reembed: ReembedService,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(input: CreateCollection): Promise<RagCollectionDto> {
    const chunkSize = input.chunkSize ?? this.config.rag.chunkSize;
    const chunkOverlap =
      input.chunkOverlap ?? Math.min(this.config.rag.chunkOverlap, chunkSize - 1);
    if (chunkOverlap >= chunkSize) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The splitter settings are not valid.', {
        errors: [
          { field: 'chunk_overlap', message: 'chunk_overlap must be smaller than chunk_size' },
        ],
      });
    }
    const created = await this.collections.insertIfAbsent({
      id: uuidv7(),
      name: input.name,
      audience: input.audience,
      embeddingProvider: this.embedder.provider,
      embeddingModel: this.embedder.model,
      embeddingDimensions: this.embedder.dimensions,
      embeddingDistance: 'cosine',
      chunkSize,
      chunkOverlap,
    });
    if (!created) {
      throw new DomainError(ErrorCode.Conflict, `A collection named "${input.name}" exists.`);
    }
    await this.indexes.ensure(created);
    return RagCollectionDto.from(created);
  }

  async list(me: AuthContext, limit: number, cursor?: string): Promise<Page<RagCollectionDto>> {
    const after = cursor ? decodeCursor(cursor, NAME_CURSOR)[0] : undefined;
    const rows = await this.collections.page(await this.audiencesOf(me), limit, after);
    const pending = await this.profiles.pendingOf(rows.map((r) => r.id));
    return toPage(
      rows,
      limit,
      (r) => [r.name],
      (r) => RagCollectionDto.from(r, pending.get(r.id)),
    );
  }

  /** Changes the embedding model (admin): re-embedded by a job, switched to when done. */
  async changeModel(name: string, target: EmbeddingProfile): Promise<RagCollectionDto> {
    const collection = await this.get(name);
    const profile = await this.reembed.start(collection, target);
    return RagCollectionDto.from(collection, profile);
  }

  /** For admin routes: the collection by name, or 404. */
  async get(name: string): Promise<RagCollection> {
    const found = await this.collections.findByName(name);
    if (!found) throw DomainError.notFound('Collection');
    return found;
  }

  async remove(name: string): Promise<RagRemovalReceiptDto> {
    const removed = await this.collections.deleteCounting(name);
    if (!removed) throw DomainError.notFound('Collection');
    await this.indexes.drop(removed.id);
    return { removed: { collections: 1, documents: removed.documents, chunks: removed.chunks } };
  }

  /** The collections a search of `me` covers: the named one if reachable, else every one of their audience. */
  async searchable(me: AuthContext, name?: string): Promise<RagCollection[]> {
    const audiences = await this.audiencesOf(me);
    if (name) {
      const found = await this.collections.findByName(name);
      if (!found || (audiences && !audiences.includes(found.audience))) {
        throw DomainError.notFound('Collection');
      }
      return [found];
    }
    return this.collections.all(audiences ?? (await this.ownAudiences(me)));
  }

  /** undefined: every audience (admins). */
  private async audiencesOf(me: AuthContext): Promise<Audience[] | undefined> {
    if (me.roles.includes(Role.Admin)) return undefined;
    return this.ownAudiences(me);
  }

  private async ownAudiences(me: AuthContext): Promise<Audience[]> {
    const user = await this.users.get(me.userId);
    return [isMinor(user) ? Audience.Teenager : Audience.Parent, Audience.All];
  }
}
