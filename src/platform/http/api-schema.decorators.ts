import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
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

/**
 * Marks a request body whose schema depends on its media type. @nestjs/swagger
 * writes one schema under every media type a route consumes; the document's
 * post-processing (openapi-finish.ts) puts each type's own schema in its place.
 */
export const BODY_PER_MEDIA_TYPE_MARK = 'x-parley-body-per-media-type';

/** The body of a route taking several media types (see `AcceptsBody`), one DTO each. */
export const ApiBodyPerMediaType = (bodies: Record<string, Type>): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(...Object.values(bodies)),
    ApiBody({
      schema: {
        [BODY_PER_MEDIA_TYPE_MARK]: Object.fromEntries(
          Object.entries(bodies).map(([type, dto]) => [type, { $ref: getSchemaPath(dto) }]),
        ),
      } as SchemaObject,
    }),
  );
