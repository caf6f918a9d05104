import { bearerToken } from './verified-tokens.js';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi', 'abc.def.ghi'],
    ['Bearer  abc-_.~+/=', 'abc-_.~+/='],
  ])('reads %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Basic abc',
    'Bearer abc.def.ghi junk',
    'Bearer abc.def.ghi abc.def.ghi',
    'Bearer abc.def.ghi\tjunk',
    'Bearer abc,def',
    'Bearer\tabc',
    'Bearer abc=def',
  ])('refuses %j', (header) => {
    expect(bearerToken(header)).toBeUndefined();
  });
});
