import {
  ApiProperty,
  ApiPropertyOptional,
  type ApiPropertyOptions,
  type SchemaObject,
} from '@nestjs/swagger';

/**
 * Marks a property whose value may be any JSON (object, array, string, number,
 * boolean or null). @nestjs/swagger would write `type: object` for an `unknown`
 * property; the document's post-processing (openapi.ts) turns a marked schema
 * into the empty schema `{}`, which accepts every JSON value.
 */
export const ANY_JSON_MARK = 'x-parley-any-json';

type AnyJsonOptions = Pick<ApiPropertyOptions, 'description' | 'example'>;

export const ApiAnyJson = (options: AnyJsonOptions = {}): PropertyDecorator =>
  ApiProperty({ ...options, [ANY_JSON_MARK]: true } as ApiPropertyOptions);

export const ApiAnyJsonOptional = (options: AnyJsonOptions = {}): PropertyDecorator =>
  ApiPropertyOptional({ ...options, [ANY_JSON_MARK]: true } as ApiPropertyOptions);

/** The schema of an "any JSON" value where a schema object is written by hand (array items). */
export const anyJsonSchema = (description: string): SchemaObject =>
  ({ [ANY_JSON_MARK]: true, description }) as SchemaObject;

/** An enum whose value may also be null: OpenAPI 3.0 wants `null` in the enum as well as `nullable`. */
export function nullableEnum<T extends Record<string, string>>(
  values: T,
): { type: StringConstructor; enum: Array<T[keyof T] | null>; nullable: true } {
  return {
    type: String,
    enum: [...(Object.values(values) as Array<T[keyof T]>), null],
    nullable: true,
  };
}
