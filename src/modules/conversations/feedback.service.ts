import { Injectable } from '@nestjs/common';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { CreateFeedbackDto } from './dto/feedback.dto.js';
import type { Feedback } from './entities/feedback.entity.js';
import { FeedbackRepository } from './feedback.repository.js';

@Injectable()
export class FeedbackService {
  constructor(private readonly feedback: FeedbackRepository) {}

  async create(userId: string, dto: CreateFeedbackDto): Promise<Feedback> {
    if (dto.rating === undefined && dto.comment === undefined && dto.is_positive === undefined) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'Feedback needs a rating, a comment or is_positive.',
        {
          errors: [
            { field: 'rating', message: 'give at least one of rating, comment, is_positive' },
          ],
        },
      );
    }
    return this.feedback.insert({
      id: uuidv7(),
      userId,
      sessionId: dto.session_id ?? null,
      rating: dto.rating ?? null,
      comment: dto.comment ?? null,
      isPositive: dto.is_positive ?? null,
    });
  }
}
