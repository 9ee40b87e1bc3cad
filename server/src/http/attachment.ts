/** A filename Content-Disposition that survives Chinese names (RFC 6266/5987). */
export function attachment(name: string) {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
