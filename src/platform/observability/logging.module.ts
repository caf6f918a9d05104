import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/config.js';
import { uuidv7 } from '../database/uuid.js';

/** Never written to a log, wherever they appear in a request or an error. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-client-secret"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.new_password',
  '*.current_password',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.id_token',
  '*.api_key',
  '*.secret',
  '*.client_secret',
  '*.authorization',
  'password',
  'token',
  'refresh_token',
  'access_token',
  'api_key',
  'secret',
];

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : uuidv7();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Query strings can carry signed-URL signatures and tokens: log the path only. */
function pathOnly(url: string | undefined): string | undefined {
  return url?.split('?')[0];
}

@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.env.LOG_LEVEL,
            genReqId: requestIdOf,
            redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
            customProps: () => ({ service: 'parley' }),
            serializers: {
              req: (req: {
                id: string;
                method: string;
                url: string;
                headers: Record<string, unknown>;
              }) => ({
                id: req.id,
                method: req.method,
                url: pathOnly(req.url),
                headers: req.headers,
              }),
            },
            // Probes and scrapes would drown the request log.
            autoLogging: {
              ignore: (req) => /^\/(health|metrics)/.test(req.url ?? ''),
            },
            customLogLevel: (_req, res, err) =>
              err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          },
          exclude: [],
        }),
      ],
    };
  }
}
