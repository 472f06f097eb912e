/**
 * A YAML double-quoted scalar for front matter. JSON strings are valid YAML 1.2 double-quoted scalars;
 * on top of JSON's escapes, YAML forbids DEL and C1 controls unescaped, and YAML 1.1 readers take
 * U+0085, U+2028 and U+2029 as line breaks, so those are escaped too (as is a BOM, which some readers drop).
 */
const NOT_PRINTABLE_IN_YAML = /[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

/** `value` as a double-quoted YAML string that every YAML reader reads back unchanged. */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    NOT_PRINTABLE_IN_YAML,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
