import { sniffType, utf8Text } from './mime-sniff.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const text = (s: string) => Buffer.from(s, 'utf8');

describe('sniffType', () => {
  it.each([
    ['a PNG', PNG, 'image/png'],
    ['a PDF', PDF, 'application/pdf'],
    ['JSON', text('{"rows": [1, 2, 3], "ok": true}\n'), 'application/json'],
    ['a JSON array', text('[{"a":1},{"a":2}]'), 'application/json'],
    ['CSV', text('name,age,city\nAda,36,London\n"Lovelace, A",36,"London"\n'), 'text/csv'],
    [
      'Markdown',
      text('# Title\n\nSome **bold** text and a [link](https://x.example).\n'),
      'text/markdown',
    ],
    ['plain text', text('Just a note.\nSecond line, with a comma.\n'), 'text/plain'],
    ['UTF-8 text', text('Grüße aus Köln — ça va? 日本語\n'), 'text/plain'],
    ['XML', text('<?xml version="1.0"?><rows><row/></rows>'), 'application/xml'],
    ['binary noise', Buffer.from([0, 1, 2, 3, 250, 251, 252, 0, 0, 9]), 'application/octet-stream'],
  ])('recognises %s', async (_label, body, mime) => {
    expect((await sniffType(body, true)).mime).toBe(mime);
  });

  it('trusts the content over the name: a PNG called .txt is a PNG', async () => {
    expect(await sniffType(PNG, true, 'notes.txt')).toEqual({ mime: 'image/png', ext: 'png' });
  });

  it('reads broken JSON as plain text', async () => {
    expect((await sniffType(text('{"a": '), true)).mime).toBe('text/plain');
  });

  it('takes the name to settle Markdown from plain text', async () => {
    expect((await sniffType(text('hello\n'), true, 'README.md')).mime).toBe('text/markdown');
  });

  it.each([
    ['an ELF binary', ELF],
    ['a Windows executable', EXE],
    ['a shell script', text('#!/bin/sh\nrm -rf /\n')],
  ])('refuses %s as executable', async (_label, body) => {
    expect((await sniffType(body, true, 'harmless.txt')).refused).toBe('executable');
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>hi</body></html>', 'text/html'],
    ['an HTML fragment with script', '  <script>alert(1)</script>', 'text/html'],
    ['an SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>', 'image/svg+xml'],
    [
      'an SVG with a prolog',
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      'image/svg+xml',
    ],
  ])('marks %s as active content', async (_label, body, mime) => {
    expect(await sniffType(text(body), true, 'data.json')).toMatchObject({
      mime,
      refused: 'active-content',
    });
  });

  it('accepts a sample cut inside a multi-byte character when more follows', () => {
    const cut = text('façade 日本').subarray(0, -1);
    expect(utf8Text(cut, false)).toBe('façade 日');
    expect(utf8Text(cut, true)).toBeUndefined();
  });

  it('judges a JSON start without needing the end when the file is longer', async () => {
    expect((await sniffType(text('{"a": [1, 2, 3'), false)).mime).toBe('application/json');
  });
});
