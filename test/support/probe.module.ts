import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { DomainError } from '../../src/platform/http/domain-error.js';
import { Public } from '../../src/platform/http/public.decorator.js';
import { ErrorCode } from '../../src/platform/http/error-codes.js';
import {
  PageQueryDto,
  decodeCursor,
  pageLimit,
  toPage,
  type Page,
} from '../../src/platform/http/pagination.js';

class NestedDto {
  @IsString()
  @MaxLength(5)
  label: string;
}

class ProbeBodyDto {
  @IsEmail()
  email: string;

  @IsInt()
  @Min(1)
  @Max(10)
  count: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => NestedDto)
  nested?: NestedDto;
}

const ITEMS = Array.from({ length: 45 }, (_, i) => ({ n: i + 1 }));

/** Routes that exist only in tests, to exercise the HTTP platform end to end. */
@Public()
@Controller('test-probe')
class ProbeController {
  @Post('echo')
  echo(@Body() body: ProbeBodyDto): ProbeBodyDto {
    return body;
  }

  @Get('boom')
  boom(): never {
    throw new Error('internal detail that must not leak');
  }

  @Get('conflict')
  conflict(): never {
    throw new DomainError(ErrorCode.Conflict, 'already there');
  }

  @Get('items')
  items(@Query() query: PageQueryDto): Page<{ n: number }> {
    const limit = pageLimit(query);
    const after = query.after ? decodeCursor(query.after, ['count'])[0] : 0;
    const rows = ITEMS.filter((item) => item.n > after).slice(0, limit + 1);
    return toPage(
      rows,
      limit,
      (r) => [r.n],
      (r) => r,
    );
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
