/**
 * JSON for a `<script type="application/json">` block: `<` is written as `\u003c` so log text can
 * never close the element (`</script>`) or open a comment (`<!--`), and U+2028/U+2029 are escaped
 * because older JavaScript parsers treat them as line ends.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
