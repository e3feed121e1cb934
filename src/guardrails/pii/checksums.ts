/** Check-digit algorithms used to confirm or drop pattern matches. */
import { isValidIBAN } from 'ibantools';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 mod-97 check on an IBAN written with or without spaces, any case. */
export function ibanValid(raw: string): boolean {
  return isValidIBAN(raw.replace(/[\s-]+/g, '').toUpperCase());
}

/** US SSA rules: area 000, 666 and 900-999, group 00 and serial 0000 are never issued. */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  // Runs of one digit and the advertising number are placeholders, not people.
  if (/^(\d)\1{8}$/.test(digits) || digits === '123456789' || digits === '078051120') return false;
  return true;
}

/** ITIN: area 9xx and group 50-65, 70-88, 90-92 or 94-99. */
export function itinValid(digits: string): boolean {
  if (!/^9\d{8}$/.test(digits)) return false;
  const g = Number(digits.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/** ABA routing number weights 3-7-1. */
export function abaValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (w[i % 3] ?? 0);
  // The first two digits name a Federal Reserve district (or a thrift/electronic range).
  const prefix = Number(digits.slice(0, 2));
  const prefixOk = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  return sum % 10 === 0 && sum > 0 && prefixOk;
}

/** UK NHS number: mod-11 with weights 10..2; a check value of 10 is never issued. */
export function nhsValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === digits.charCodeAt(9) - 48 && !/^(\d)\1{9}$/.test(digits);
}

const VIN_VALUES: Record<string, number> = {};
'0123456789'.split('').forEach((c, i) => (VIN_VALUES[c] = i));
'ABCDEFGH'.split('').forEach((c, i) => (VIN_VALUES[c] = i + 1));
'JKLMN'.split('').forEach((c, i) => (VIN_VALUES[c] = i + 1));
VIN_VALUES.P = 7;
VIN_VALUES.R = 9;
'STUVWXYZ'.split('').forEach((c, i) => (VIN_VALUES[c] = i + 2));
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** North American VIN check digit (position 9). */
export function vinCheckValid(vin: string): boolean {
  if (vin.length !== 17) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VIN_VALUES[vin[i] ?? ''];
    if (v === undefined) return false;
    sum += v * (VIN_WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return vin[8] === (r === 10 ? 'X' : String(r));
}
