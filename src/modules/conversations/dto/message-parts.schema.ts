import type { SchemaObject } from '@nestjs/swagger';

/**
 * The documented shapes of message parts: the part types of the Vercel AI
 * SDK's UIMessage (ai 6), plus an open member. Parts are stored and answered
 * exactly as sent, so every member keeps unknown fields (additionalProperties)
 * and a part of a type not listed here passes through as UnknownPart.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const providerMetadata: SchemaObject = {
  type: 'object',
  additionalProperties: true,
  description: 'Provider-specific data, by provider',
};
const streamingState: SchemaObject = { type: 'string', enum: ['streaming', 'done'] };
const anyJson = (description: string): SchemaObject => ({ description });

const part = (
  description: string,
  type: SchemaObject,
  required: string[],
  properties: Record<string, SchemaObject>,
): SchemaObject => ({
  type: 'object',
  description,
  required: ['type', ...required],
  properties: { type, ...properties },
  additionalProperties: true,
});

const TOOL_STATES = [
  'input-streaming',
  'input-available',
  'approval-requested',
  'approval-responded',
  'output-available',
  'output-error',
  'output-denied',
];

const toolCall: Record<string, SchemaObject> = {
  toolCallId: { type: 'string' },
  state: { type: 'string', enum: TOOL_STATES, description: 'Where the call is in its life' },
  title: { type: 'string' },
  input: anyJson('The arguments (any JSON; partial while input-streaming)'),
  output: anyJson('The result (any JSON), once output-available'),
  errorText: { type: 'string', description: 'Why it failed, once output-error' },
  providerExecuted: { type: 'boolean' },
  callProviderMetadata: providerMetadata,
  approval: {
    type: 'object',
    additionalProperties: true,
    description: 'The approval asked for or given, in the approval states',
  },
};

export const MESSAGE_PART_SCHEMAS: Record<string, SchemaObject> = {
  TextPart: part(
    'Text; the only part kind searched',
    { type: 'string', enum: ['text'] },
    ['text'],
    {
      text: { type: 'string' },
      state: streamingState,
      providerMetadata,
    },
  ),
  ReasoningPart: part('Model reasoning', { type: 'string', enum: ['reasoning'] }, ['text'], {
    text: { type: 'string' },
    state: streamingState,
    providerMetadata,
  }),
  ToolPart: part(
    'A call of a static tool: the type is `tool-` and the tool name',
    { type: 'string', pattern: '^tool-.+', example: 'tool-getWeather' },
    ['toolCallId', 'state'],
    toolCall,
  ),
  DynamicToolPart: part(
    'A call of a tool not known in advance',
    { type: 'string', enum: ['dynamic-tool'] },
    ['toolName', 'toolCallId', 'state'],
    { toolName: { type: 'string' }, ...toolCall },
  ),
  SourceUrlPart: part(
    'A source on the web',
    { type: 'string', enum: ['source-url'] },
    ['sourceId', 'url'],
    {
      sourceId: { type: 'string' },
      url: { type: 'string' },
      title: { type: 'string' },
      providerMetadata,
    },
  ),
  SourceDocumentPart: part(
    'A source document',
    { type: 'string', enum: ['source-document'] },
    ['sourceId', 'mediaType', 'title'],
    {
      sourceId: { type: 'string' },
      mediaType: { type: 'string' },
      title: { type: 'string' },
      filename: { type: 'string' },
      providerMetadata,
    },
  ),
  FilePart: part(
    'A file, by URL (or data: URL)',
    { type: 'string', enum: ['file'] },
    ['mediaType', 'url'],
    {
      mediaType: { type: 'string' },
      filename: { type: 'string' },
      url: { type: 'string' },
      providerMetadata,
    },
  ),
  StepStartPart: part('The start of a step', { type: 'string', enum: ['step-start'] }, [], {}),
  DataPart: part(
    'Application data: the type is `data-` and its name',
    { type: 'string', pattern: '^data-.+', example: 'data-weather' },
    ['data'],
    { id: { type: 'string' }, data: anyJson('The data (any JSON)') },
  ),
  UnknownPart: part(
    'Any other part type, stored and answered unchanged',
    { type: 'string', minLength: 1, maxLength: 64 },
    [],
    { text: { type: 'string', description: 'A text, when the part has one' } },
  ),
  MessagePart: {
    description:
      'A part of a structured message (the Vercel AI SDK UIMessage part types); parts are stored and answered exactly as sent',
    anyOf: [
      ref('TextPart'),
      ref('ReasoningPart'),
      ref('ToolPart'),
      ref('DynamicToolPart'),
      ref('SourceUrlPart'),
      ref('SourceDocumentPart'),
      ref('FilePart'),
      ref('StepStartPart'),
      ref('DataPart'),
      ref('UnknownPart'),
    ],
  },
};
