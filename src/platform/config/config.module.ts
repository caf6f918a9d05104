import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config.js';
import { SecretsService } from './secrets.service.js';

export { APP_CONFIG } from './config.tokens.js';
import { APP_CONFIG } from './config.tokens.js';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, SecretsService],
      exports: [APP_CONFIG, SecretsService],
    };
  }
}
