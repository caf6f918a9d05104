import { attachmentDisposition } from './content-disposition.js';

describe('attachmentDisposition', () => {
  it('is a bare attachment without a name', () => {
    expect(attachmentDisposition()).toBe('attachment');
  });

  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('résumé "final".pdf')).toBe(
      `attachment; filename="r_sum_ _final_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.pdf`,
    );
  });

  it('cannot be used to inject header lines', () => {
    const value = attachmentDisposition('a\r\nSet-Cookie: x=1');
    expect(value).not.toMatch(/[\r\n]/);
  });
});
