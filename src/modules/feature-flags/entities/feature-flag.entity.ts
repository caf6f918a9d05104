import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { FlagEnvironment, FlagVariant, FlagVisibility } from '../evaluation.js';
import type { TargetingRules } from '../targeting.js';

/** A switch operators flip, with its audience and targeting (seed 001's feature flags). */
@Entity({ schema: 'app', name: 'feature_flags' })
@Index('uq_feature_flags_name', ['name'], { unique: true })
export class FeatureFlag {
  @PrimaryColumn('uuid')
  id: string;

  /** A slug, the flag's identity in every API. */
  @Column('varchar', { length: 100 })
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('boolean', { default: false })
  isEnabled: boolean;

  @Column('varchar', { length: 16, default: FlagEnvironment.All })
  environment: FlagEnvironment;

  @Column('varchar', { length: 16, default: FlagVisibility.All })
  visibility: FlagVisibility;

  @Column('varchar', { length: 16, default: FlagVariant.All })
  variant: FlagVariant;

  @Column('jsonb', { default: () => `'{"rules": [], "rollout": null}'` })
  targetingRules: TargetingRules;

  /** Starts at 1, bumped by every change: evaluations name the version they read. */
  @Column('integer', { default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
