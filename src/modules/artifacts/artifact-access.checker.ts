import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../platform/access/resource-checker.js';
import { ArtifactsRepository } from './artifacts.repository.js';

export const ARTIFACT = 'artifact';

/** `@Access('artifact')`: the caller's own artifacts only. */
@AccessChecker()
@Injectable()
export class ArtifactAccessChecker implements ResourceChecker {
  readonly kind = ARTIFACT;
  readonly name = 'Artifact';

  constructor(private readonly artifacts: ArtifactsRepository) {}

  check(userId: string, id: string): Promise<boolean> {
    return this.artifacts.isOwner(userId, id);
  }
}
