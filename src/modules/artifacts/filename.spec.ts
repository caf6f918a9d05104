import { sanitizeFilename } from './filename.js';

describe('sanitizeFilename', () => {
  it('keeps an ordinary name as it is', () => {
    expect(sanitizeFilename('Q1 report.pdf', 'pdf')).toBe('Q1 report.pdf');
    expect(sanitizeFilename('résumé final.txt', 'txt')).toBe('résumé final.txt');
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\cmd.txt', 'cmd.txt'],
    ['/absolute/path/file.csv', 'file.csv'],
    ['..', 'artifact.txt'],
    ['.', 'artifact.txt'],
    ['...hidden', 'hidden'],
  ])('keeps only the last segment of %j', (raw, expected) => {
    expect(sanitizeFilename(raw, 'txt')).toBe(expected);
  });

  it('drops control characters and header-breaking line ends', () => {
    expect(sanitizeFilename('a\r\nSet-Cookie: x=1\u0000.txt', 'txt')).toBe('aSet-Cookie_ x=1.txt');
    expect(sanitizeFilename('bell\u0007\u009b.txt', 'txt')).toBe('bell.txt');
  });

  it('drops right-to-left overrides, isolates and zero-width characters', () => {
    // "invoice\u202Efdp.exe" displays as "invoiceexe.pdf".
    expect(sanitizeFilename('invoice\u202efdp.exe', 'pdf')).toBe('invoicefdp.exe.pdf');
    expect(sanitizeFilename('a\u2066b\u2069\u200bc\ufeff.txt', 'txt')).toBe('abc.txt');
  });

  it('follows an active-content extension with the sniffed one', () => {
    expect(sanitizeFilename('page.html', 'txt')).toBe('page.html.txt');
    expect(sanitizeFilename('photo.png.exe', 'png')).toBe('photo.png.exe.png');
    expect(sanitizeFilename('page.html', 'html')).toBe('page.html');
    expect(sanitizeFilename('data.xml', 'txt', ['xml'])).toBe('data.xml');
  });

  it('replaces reserved characters and defuses device names', () => {
    expect(sanitizeFilename('a<b>c:d"e|f?g*.txt', 'txt')).toBe('a_b_c_d_e_f_g_.txt');
    expect(sanitizeFilename('CON.txt', 'txt')).toBe('_CON.txt');
    expect(sanitizeFilename('nul', 'txt')).toBe('_nul');
  });

  it('names a nameless file after its type', () => {
    expect(sanitizeFilename(undefined, 'png')).toBe('artifact.png');
    expect(sanitizeFilename('  \u202e ', 'json')).toBe('artifact.json');
  });

  it('cuts a long name to 255 bytes, keeping the extension and whole characters', () => {
    const name = sanitizeFilename(`${'é'.repeat(300)}.pdf`, 'pdf');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name.endsWith('é.pdf')).toBe(true);
  });

  it('normalises to NFC', () => {
    expect(sanitizeFilename('cafe\u0301.txt', 'txt')).toBe('caf\u00e9.txt');
  });
});
