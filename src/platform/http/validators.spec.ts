import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsInt, validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation.js';
import { IsOptionalNotNull, ToQueryInteger } from './validators.js';

class Probe {
  @IsOptionalNotNull()
  @IsBoolean()
  flag?: boolean;

  @IsOptionalNotNull()
  @ToQueryInteger()
  @IsInt()
  limit?: number;
}

const errors = (plain: object) =>
  flattenValidationErrors(validateSync(plainToInstance(Probe, plain)));

describe('IsOptionalNotNull', () => {
  it('lets a field be absent and checks it when present', () => {
    expect(errors({})).toEqual([]);
    expect(errors({ flag: false })).toEqual([]);
    expect(errors({ flag: 'false' }).map((e) => e.field)).toEqual(['flag']);
  });

  it('refuses null with that one message', () => {
    expect(errors({ flag: null })).toEqual([{ field: 'flag', message: 'flag must not be null' }]);
  });
});

describe('ToQueryInteger', () => {
  it('reads plain decimal integers', () => {
    expect(plainToInstance(Probe, { limit: '42' }).limit).toBe(42);
    expect(plainToInstance(Probe, { limit: '-3' }).limit).toBe(-3);
    expect(errors({ limit: '7' })).toEqual([]);
  });

  it.each(['0x10', '1e1', ' 5', '5 ', '+5', '5.0', '', '1_0', '99999999999999999'])(
    'leaves %j for IsInt to refuse',
    (limit) => {
      expect(errors({ limit }).map((e) => e.field)).toEqual(['limit']);
    },
  );
});
