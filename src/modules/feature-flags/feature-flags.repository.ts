import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { FeatureFlag } from './entities/feature-flag.entity.js';

@Injectable()
export class FeatureFlagsRepository {
  constructor(@InjectRepository(FeatureFlag) private readonly flags: Repository<FeatureFlag>) {}

  private repo(manager?: EntityManager): Repository<FeatureFlag> {
    return manager ? manager.getRepository(FeatureFlag) : this.flags;
  }

  findAll(): Promise<FeatureFlag[]> {
    return this.flags.find({ order: { name: 'ASC' } });
  }

  /** Locked for the rest of the transaction: concurrent changes to one flag queue up. */
  findForUpdate(name: string, manager: EntityManager): Promise<FeatureFlag | null> {
    return this.repo(manager)
      .createQueryBuilder('f')
      .where('f.name = :name', { name })
      .setLock('pessimistic_write')
      .getOne();
  }

  async insert(flag: Omit<FeatureFlag, 'createdAt' | 'updatedAt'>, manager: EntityManager) {
    // JSON columns defeat TypeORM's deep-partial typing; the entity is complete.
    await this.repo(manager).insert(flag as QueryDeepPartialEntity<FeatureFlag>);
  }

  /** Writes the changed fields and bumps the version. */
  async update(
    id: string,
    patch: Partial<
      Pick<
        FeatureFlag,
        'description' | 'isEnabled' | 'environment' | 'visibility' | 'variant' | 'targetingRules'
      >
    >,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager)
      .createQueryBuilder()
      .update(FeatureFlag)
      .set({ ...(patch as QueryDeepPartialEntity<FeatureFlag>), version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  async findById(id: string, manager: EntityManager): Promise<FeatureFlag> {
    return this.repo(manager).findOneByOrFail({ id });
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }
}
