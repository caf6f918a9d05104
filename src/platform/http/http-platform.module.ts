import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { BodyMediaTypeGuard } from './body-media-type.js';
import { ProblemFilter } from './problem.filter.js';

@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_GUARD, useClass: BodyMediaTypeGuard },
  ],
})
export class HttpPlatformModule {}
