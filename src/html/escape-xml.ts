/** Characters XML 1.0 forbids even escaped: C0 controls other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF. */
const forbidden =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text made safe for XML and HTML character data and attribute values: markup characters become
 * references, and characters no XML parser accepts are dropped (log text is untrusted, and one stray
 * control character would make the whole feed unreadable).
 */
export function escapeXml(text: string): string {
  return text
    .replace(forbidden, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
