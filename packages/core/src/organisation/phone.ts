/**
 * Mainland mobile numbers: 11 digits starting 1[3-9]. A +86 / 86 prefix, spaces and dashes are
 * accepted on input and removed, so the stored form is always the bare 11 digits.
 */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** 138****0000: what an owner-facing or low-privilege screen shows. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
