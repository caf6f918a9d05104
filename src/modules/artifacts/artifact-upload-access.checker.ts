import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../platform/access/resource-checker.js';
import { ArtifactUploadsRepository } from './artifact-uploads.repository.js';

export const ARTIFACT_UPLOAD = 'artifact-upload';

/** `@Access('artifact-upload')`: the caller's own pending uploads only. */
@AccessChecker()
@Injectable()
export class ArtifactUploadAccessChecker implements ResourceChecker {
  readonly kind = ARTIFACT_UPLOAD;
  readonly name = 'Upload';

  constructor(private readonly uploads: ArtifactUploadsRepository) {}

  check(userId: string, id: string): Promise<boolean> {
    return this.uploads.isOwner(userId, id);
  }
}
