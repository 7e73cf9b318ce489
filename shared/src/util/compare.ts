/** Code-unit order for ids and ISO dates: the same on every platform (no locale collation). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
