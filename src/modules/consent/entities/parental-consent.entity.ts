import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/** A parent's consent for one minor; the row is also what links parent and child. */
@Entity({ schema: 'app', name: 'parental_consents' })
@Index('ix_parental_consents_teenager', ['teenagerId'])
export class ParentalConsent {
  @PrimaryColumn('uuid')
  parentId: string;

  @PrimaryColumn('uuid')
  teenagerId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: User;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teenager_id' })
  teenager?: User;

  @Column('varchar', { length: 64, nullable: true })
  consentIp: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
