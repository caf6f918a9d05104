import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';
import type { FieldError } from './problem.js';
import { NOT_NULL_CONSTRAINT } from './validators.js';

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // A null where null is not allowed: that alone is the answer, not every type check after it.
    const constraints = error.constraints?.[NOT_NULL_CONSTRAINT]
      ? { [NOT_NULL_CONSTRAINT]: error.constraints[NOT_NULL_CONSTRAINT] }
      : error.constraints;
    const own = Object.values(constraints ?? {}).map((message) => ({
      field,
      message:
        error.constraints?.whitelistValidation === message
          ? `${field} is not an allowed field`
          : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Whitelist, reject unknown fields, transform: every body and query goes through it. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const list = flattenValidationErrors(errors);
      return new DomainError(
        ErrorCode.ValidationFailed,
        list.length === 1 ? list[0]!.message : `${list.length} fields are invalid`,
        { errors: list },
      );
    },
  });
}
