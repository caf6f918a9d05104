import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf } from 'class-validator';

/** The constraint name of `IsOptionalNotNull`; its message alone is reported for a null. */
export const NOT_NULL_CONSTRAINT = 'isNotNull';

/**
 * May be absent, never null. `@IsOptional()` lets null through every other
 * check, so a null reaches a NOT NULL column (or means "default" where a
 * client meant something else). Use `@IsOptional()` only where null is a
 * documented value (`nullable: true`: it clears the field).
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    ValidateBy({
      name: NOT_NULL_CONSTRAINT,
      validator: {
        validate: (value: unknown) => value !== null,
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be null`,
      },
    }),
  );
}

const DECIMAL_INTEGER = /^-?\d{1,16}$/;

/**
 * A query-string integer, strictly decimal: `10`, not `0x0a`, `1e1`, ` 10` or
 * `10.0` (which `Number()` would all accept). Anything else is left as the
 * string it was, for `@IsInt()` to refuse.
 */
export function ToQueryInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && DECIMAL_INTEGER.test(value) && Number.isSafeInteger(Number(value))
      ? Number(value)
      : value,
  );
}
