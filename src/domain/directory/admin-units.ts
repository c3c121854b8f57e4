/** Pure helpers on administrative units and names (no I/O). */

/** Lower case, no Vietnamese diacritics (đ → d), single spaces: the form names are compared in. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Validity {
  validFrom: string; // yyyy-mm-dd
  validTo: string | null; // last valid day, or null while still valid
}

/** Is the unit valid on this calendar date (yyyy-mm-dd)? */
export function isValidOn(unit: Validity, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || unit.validTo >= date);
}

export interface Succession {
  oldId: string;
  newId: string;
  effectiveDate: string;
}

/**
 * Follows the succession chain from a unit to the one that holds its area on `onDate`.
 * Where a unit passed to several, the first listed is primary. Stops on a cycle.
 */
export function currentSuccessor(id: string, successions: readonly Succession[], onDate: string): string {
  const seen = new Set<string>([id]);
  let current = id;
  for (;;) {
    const next = successions.find((s) => s.oldId === current && s.effectiveDate <= onDate);
    if (!next || seen.has(next.newId)) return current;
    seen.add(next.newId);
    current = next.newId;
  }
}
