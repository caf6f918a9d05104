/** The longest name kept, in UTF-8 bytes: what most filesystems allow. */
const MAX_BYTES = 255;

// Control characters (C0, DEL, C1), bidirectional overrides and isolates (which
// can make "txt.exe" read as "exe.txt"), zero-width characters and the BOM.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
/** Characters Windows refuses in names, and path separators. */
const RESERVED_CHARS = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** Extensions a desktop opens as active content: kept only when the content is of that kind. */
const ACTIVE_EXTENSIONS = new Set([
  'htm',
  'html',
  'xhtml',
  'shtml',
  'svg',
  'svgz',
  'xml',
  'js',
  'mjs',
  'hta',
  'exe',
  'com',
  'bat',
  'cmd',
  'msi',
  'scr',
  'pif',
  'ps1',
  'vbs',
  'jar',
  'sh',
  'app',
  'lnk',
  'url',
  'desktop',
]);

/**
 * A file name safe to store and to offer back in Content-Disposition: only its
 * last path segment, NFC, without invisible or reserved characters, no leading
 * or trailing dots and spaces, not a Windows device name, at most 255 bytes
 * with its extension kept. An extension that would open as active content is
 * followed by the sniffed one unless the content really is of that kind.
 * Empty (or nothing left) gives `artifact.<ext>`.
 */
export function sanitizeFilename(
  raw: string | undefined,
  sniffedExt: string,
  keepExt: string[] = [],
): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(INVISIBLE, '').replace(RESERVED_CHARS, '_');
  name = name.replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') name = `artifact.${sniffedExt}`;
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (ACTIVE_EXTENSIONS.has(ext) && ext !== sniffedExt && !keepExt.includes(ext)) {
    name = `${name}.${sniffedExt}`;
  }
  return truncateKeepingExtension(name);
}

function truncateKeepingExtension(name: string): string {
  if (Buffer.byteLength(name) <= MAX_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let stem = [...name.slice(0, name.length - ext.length)];
  while (Buffer.byteLength(stem.join('') + ext) > MAX_BYTES) stem = stem.slice(0, -1);
  return stem.join('') + ext;
}
