import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { MESSAGE_PART_SCHEMAS } from '../../modules/conversations/dto/message-parts.schema.js';
import { finishDocument } from './openapi-finish.js';
import { collectRouteTraits } from './route-traits.js';

/** Every tag an operation uses, declared once with what it groups (a new one belongs here). */
const TAGS: ReadonlyArray<[name: string, description: string]> = [
  ['auth', 'Registration, sign-in (password, guest, identity providers), sessions and tokens'],
  ['me', "The signed-in user's profile and their own provider API keys"],
  [
    'consent',
    'Terms acceptance, parental consent requests and the children a parent consented for',
  ],
  ['collectives', 'Families, classes and teams: members, roles, invitations, parental consent'],
  ['conversations', 'Conversations, their model configuration and chat sessions'],
  ['messages', 'Appending (idempotent), reading, searching, voting on and sharing messages'],
  ['memory', 'Long-term memory items and conversation summaries queued into the memory lake'],
  [
    'rag',
    'The retrieval knowledge base: collections per audience, documents, vector and hybrid search',
  ],
  ['streams', 'Resumable Server-Sent Event streams of assistant responses'],
  ['feedback', 'Ratings and comments on the assistant'],
  ['blobs', 'Downloads of stored artifacts through signed links'],
  ['artifacts', 'Files of conversations: content-addressed uploads, ingest, downloads'],
  ['documents', 'Documents of conversations: numbered versions, reverts and suggestions'],
  ['charts', 'Chart specifications of conversations, optionally tied to a message'],
  ['feature-flags', 'Feature flags evaluated for the caller, and their live stream'],
  ['content', 'Localized content (prompts, UI text, context questions, tools), public'],
  ['analytics', 'What the agent extracted from conversations, written for their owners'],
  [
    'admin',
    'Administration: trusted identity-provider clients, feature flags, content overrides, analytics, the audit log',
  ],
  ['health', 'Liveness and readiness probes'],
];

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Parley API')
    .setDescription(
      'Data, identity and memory backend for conversational AI applications. ' +
        'Errors are RFC 9457 application/problem+json; lists use keyset pagination (limit, after -> next_cursor).',
    )
    .setVersion('1')
    // Relative: the instance serving this document (a client passes its own base URL).
    .addServer('/', 'The Parley instance that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addApiKey(
      {
        type: 'apiKey',
        in: 'query',
        name: 'ticket',
        description: 'A short-lived ticket for one resource, where no header can be sent',
      },
      'ticket',
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const config = builder.build();
  // The builder's setters would also write empty `url` and `email` strings.
  config.info.contact = { name: 'Parley maintainers' };
  config.info.license = { name: 'Proprietary' };
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return finishDocument(document, collectRouteTraits(app), MESSAGE_PART_SCHEMAS);
}

/** Swagger UI at /docs, the document at /openapi.json. */
export function setupOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    useGlobalPrefix: false,
    jsonDocumentUrl: 'openapi.json',
    raw: ['json'],
  });
}
