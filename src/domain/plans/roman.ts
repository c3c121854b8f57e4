/** Roman numerals of plan sections (I … XXXIX and beyond, up to C). */

const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The value of an upper-case Roman numeral (no validation: see `toRoman(romanValue(r)) === r`). */
export function romanValue(r: string): number {
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const v = VALUES[r.charAt(i)] ?? 0;
    const next = VALUES[r.charAt(i + 1)] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const TABLE: [number, string][] = [
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, symbol] of TABLE) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}
