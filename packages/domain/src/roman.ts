/**
 * Sittings of a body are numbered per term and shown in Roman numerals ("XX Sesja").
 * Standard subtractive notation, 1 to 3999.
 */
const NUMERALS: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
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

/** Writes a whole number from 1 to 3999 in Roman numerals; throws a RangeError otherwise. */
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999) {
    throw new RangeError(`Roman numerals cover whole numbers 1 to 3999, not ${String(value)}`);
  }
  let rest = value;
  let out = '';
  for (const [amount, symbol] of NUMERALS) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

/** Reads a Roman numeral in canonical form; returns null for anything that is not one. */
export function fromRoman(text: string): number | null {
  const upper = text.trim().toUpperCase();
  if (!/^[MDCLXVI]+$/.test(upper)) return null;
  let rest = upper;
  let value = 0;
  for (const [amount, symbol] of NUMERALS) {
    while (rest.startsWith(symbol)) {
      value += amount;
      rest = rest.slice(symbol.length);
    }
  }
  if (rest.length > 0 || value < 1 || value > 3999) return null;
  // Only the canonical spelling counts: "IIII" or "VX" are not numerals.
  return toRoman(value) === upper ? value : null;
}
