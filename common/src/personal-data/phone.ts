/** Mainland China phone numbers: mobile numbers and landlines with area code. */

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes are 3 or 4 digits with the trunk 0; an extension may follow a hyphen.
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;

/** Removes the spaces people put in for readability (`138 1234 5678`). */
export function normalizePhone(s: string): string {
  return s.replace(/\s+/g, '');
}

export function isMobilePhone(s: string): boolean {
  return MOBILE.test(normalizePhone(s));
}

export function validatePhone(s: string): boolean {
  const phone = normalizePhone(s);
  return MOBILE.test(phone) || LANDLINE.test(phone);
}
