import { fileTypeFromBuffer } from 'file-type';

/** How much of the start of a file the sniffer reads. */
export const SNIFF_BYTES = 16 * 1024;

export interface SniffedType {
  mime: string;
  /** The extension that goes with it, without the dot. */
  ext: string;
  /** Why it may not be stored (executable, active content), if it may not. */
  refused?: 'executable' | 'active-content';
}

/** Formats that run as programs when opened; never stored. */
const EXECUTABLE_EXTENSIONS = new Set([
  'exe',
  'elf',
  'macho',
  'msi',
  'apk',
  'dex',
  'class',
  'jar',
  'wasm',
  'deb',
  'rpm',
  'dmg',
  'crx',
  'xpi',
  'cab',
  'lnk',
  'swf',
  'pkg',
  'xar',
]);

/** file-type results that are text formats, classified by their text instead. */
const TEXT_MAGIC = new Set(['xml', 'html', 'svg']);

const HTML_START =
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|script|iframe|object|embed|meta|style|link|title|frameset|svg|a\s|img\s|div|form)[\s/>]/i;
const SVG = /<svg[\s/>]/i;
const XML_START = /^\s*<\?xml[\s?]/;

/**
 * The type of a file from its first bytes, never from what the client says:
 * magic numbers through `file-type`, then, for what has none, UTF-8 text told
 * apart as JSON, CSV, Markdown, HTML/SVG (active content) or plain text.
 * `complete` says the sample is the whole file (so JSON can be parsed whole).
 * The file name only settles between equally plausible text types.
 */
export async function sniffType(
  head: Buffer,
  complete: boolean,
  filename = '',
): Promise<SniffedType> {
  const magic = head.length > 0 ? await fileTypeFromBuffer(head) : undefined;
  // Markup has a "magic number" too (`<?xml`); what it is depends on the text that follows.
  if (magic && !TEXT_MAGIC.has(magic.ext)) {
    return {
      mime: magic.mime,
      ext: magic.ext,
      ...(EXECUTABLE_EXTENSIONS.has(magic.ext) ? { refused: 'executable' as const } : {}),
    };
  }
  const text = utf8Text(head, complete);
  if (text === undefined) return { mime: 'application/octet-stream', ext: 'bin' };
  return textType(text, complete, filename.toLowerCase());
}

function textType(text: string, complete: boolean, filename: string): SniffedType {
  const body = text.replace(/^\ufeff/, '');
  if (/^#!/.test(body)) return { mime: 'text/x-shellscript', ext: 'sh', refused: 'executable' };
  if (HTML_START.test(body) || (XML_START.test(body) && SVG.test(body.slice(0, 4096)))) {
    return SVG.test(body.slice(0, 1024)) && !/<html/i.test(body.slice(0, 1024))
      ? { mime: 'image/svg+xml', ext: 'svg', refused: 'active-content' }
      : { mime: 'text/html', ext: 'html', refused: 'active-content' };
  }
  if (XML_START.test(body)) return { mime: 'application/xml', ext: 'xml' };
  if (looksLikeJson(body, complete)) return { mime: 'application/json', ext: 'json' };
  if (looksLikeCsv(body, complete, filename)) return { mime: 'text/csv', ext: 'csv' };
  if (looksLikeMarkdown(body, filename)) return { mime: 'text/markdown', ext: 'md' };
  return { mime: 'text/plain', ext: 'txt' };
}

/**
 * The sample as text when it is UTF-8 without binary control characters; a
 * multi-byte character cut by the end of an incomplete sample is forgiven.
 */
export function utf8Text(head: Buffer, complete: boolean): string | undefined {
  let sample = head;
  if (!complete) {
    // Drop a trailing partial character: at most 3 continuation bytes after a lead byte.
    let cut = sample.length;
    for (let i = sample.length - 1; i >= Math.max(0, sample.length - 4); i--) {
      const byte = sample[i]!;
      if ((byte & 0xc0) === 0x80) continue;
      if (byte >= 0xc0) {
        const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
        if (sample.length - i < need) cut = i;
      }
      break;
    }
    sample = sample.subarray(0, cut);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    return undefined;
  }
  // Tab, line feed, form feed and carriage return are text; other C0 controls and DEL are not.
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return undefined;
  return text;
}

function looksLikeJson(text: string, complete: boolean): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  if (!complete) return /^(\{\s*("|\})|\[\s*[[{"\d\-tfn\]])/.test(trimmed);
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function looksLikeCsv(text: string, complete: boolean, filename: string): boolean {
  const lines = text.split(/\r?\n/);
  // An incomplete sample's last line may be cut short.
  if (!complete) lines.pop();
  const rows = lines.filter((l) => l.length > 0).slice(0, 20);
  if (rows.length < 2)
    return filename.endsWith('.csv') && rows.length === 1 && rows[0]!.includes(',');
  const columns = rows.map(csvColumns);
  return columns[0]! >= 2 && columns.every((n) => n === columns[0]);
}

/** Columns of one CSV line, quotes respected. */
function csvColumns(line: string): number {
  let columns = 1;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) columns++;
  }
  return columns;
}

const MARKDOWN = [
  /^#{1,6} \S/m,
  /^```/m,
  /^\s*[-*+] \S/m,
  /^\s*\d+\. \S/m,
  /\[[^\]\n]+\]\([^)\s]+\)/,
  /^> \S/m,
  /\*\*[^*\n]+\*\*/,
  /^\|.*\|\s*$/m,
];

function looksLikeMarkdown(text: string, filename: string): boolean {
  if (/\.(md|markdown|mdown|mkd)$/.test(filename)) return true;
  return MARKDOWN.filter((re) => re.test(text)).length >= 2;
}
