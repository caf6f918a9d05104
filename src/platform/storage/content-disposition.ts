/**
 * `attachment`, with the file name as RFC 6266 wants it: a plain ASCII
 * fallback and the exact name in UTF-8. Always an attachment, never inline, so
 * an uploaded HTML or SVG file cannot run as a page of the API's origin.
 */
export function attachmentDisposition(filename?: string): string {
  if (!filename) return 'attachment';
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
