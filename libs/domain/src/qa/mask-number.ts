/**
 * A customer's number as QA lists show it: enough to tell calls apart, not enough to dial.
 * Keeps the first 3 and last 4 digits of numbers of 8 or more characters (150****0008), the
 * last 2 of shorter ones. The same rule the wallboard uses.
 */
export function maskCustomerNumber(n: string): string {
  const s = n.trim();
  if (s.length >= 8) return `${s.slice(0, 3)}****${s.slice(-4)}`;
  if (s.length > 2) return '*'.repeat(s.length - 2) + s.slice(-2);
  return '*'.repeat(s.length);
}
