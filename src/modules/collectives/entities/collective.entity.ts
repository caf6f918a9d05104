import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

export enum CollectiveType {
  Family = 'family',
  Class = 'class',
  School = 'school',
  Organization = 'organization',
}

/** A group of users (a family, a class, a school), optionally inside a parent collective. */
@Entity({ schema: 'app', name: 'collectives' })
@Index('ix_collectives_parent', ['parentId'])
export class Collective {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 16 })
  type: CollectiveType;

  /** Deleting a parent with children is refused, so nothing dangles. */
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => Collective, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Collective;

  /** A family owner's consent for every minor of the family (seed 001). */
  @Column('boolean', { default: false })
  parentalConsentGranted: boolean;

  @Column('uuid', { nullable: true })
  parentalConsentGrantedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parental_consent_granted_by' })
  consentGranter?: User;

  @Column('timestamptz', { nullable: true })
  parentalConsentGrantedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
