import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export enum AccountType {
  Guest = 'guest',
  Regular = 'regular',
}

export enum UserType {
  Teenager = 'teenager',
  Parent = 'parent',
  Adult = 'adult',
}

export enum AgeClass {
  Child = 'child',
  Preteen = 'preteen',
  Teenager = 'teenager',
  Adult = 'adult',
}

export enum Role {
  Admin = 'admin',
}

/** A person (or a guest who may become one). Emails are stored lower-cased. */
@Entity({ schema: 'app', name: 'users' })
@Index('uq_users_email', ['email'], { unique: true, where: 'email IS NOT NULL' })
export class User {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 320, nullable: true })
  email: string | null;

  /** argon2id; null for guests and identity-provider-only accounts. */
  @Column('varchar', { length: 255, nullable: true })
  passwordHash: string | null;

  @Column('varchar', { length: 16 })
  accountType: AccountType;

  @Column('varchar', { length: 16, nullable: true })
  userType: UserType | null;

  @Column('varchar', { length: 200, nullable: true })
  name: string | null;

  @Column('varchar', { length: 16, nullable: true })
  language: string | null;

  @Column('varchar', { length: 16, nullable: true })
  ageClass: AgeClass | null;

  @Column('varchar', { length: 2, nullable: true })
  country: string | null;

  @Column('varchar', { length: 200, nullable: true })
  school: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  roles: Role[];

  @Column('timestamptz', { nullable: true })
  passwordChangedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  lastSeenAt: Date | null;
}
