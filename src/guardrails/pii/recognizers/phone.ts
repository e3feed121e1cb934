/**
 * PHONE: national and international formats. A permissive digit-group pattern finds candidates;
 * libphonenumber-js validates international and North American numbers, and context words
 * ("call", "mobile", "fax", …) are required for the short national shapes that look like any
 * other digit run.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { eachMatch, wordsRegex, type Recognizer } from '../recognizer.js';

// Groups need a separator between them, so a long run of bare digits is scanned in linear time.
const PHONE_RE =
  /(?=[+(\d])(?<![\p{L}\p{N}+@/\\._:#$€£-])(?:(?:\+|\b00)\d{1,3}[ .-]?(?:\(0\)[ .-]?)?)?(?:\(\d{1,4}\)[ .-]?)?\d{1,14}(?:[ .-]\d{1,6}){0,6}(?: ?(?:x|ext\.?|extension) ?\d{1,6})?(?![\p{L}\p{N}]|[.,-]\p{N}|\/\p{N})/giu;

const PHONE_CONTEXT = wordsRegex([
  'phone', 'phones', 'telephone', 'tel', 'ph', 'mobile', 'mob', 'cell', 'cellphone', 'fax', 'call', 'called',
  'calling', 'calls', 'ring', 'dial', 'text me', 'sms', 'whatsapp', 'signal', 'contact', 'reach', 'reached',
  'office', 'desk', 'landline', 'hotline', 'helpline', 'extension', 'ext', 'answering', 'message', 'messages',
  'registered', 'number', 'no', 'voicemail', 'home', 'work',
]);
const STRONG_CONTEXT = wordsRegex([
  'phone', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'fax', 'call', 'calling', 'whatsapp', 'sms',
  'office', 'desk', 'landline', 'hotline', 'answering', 'dial', 'voicemail',
]);
// Things that share the digit-group shape.
const NOT_PHONE_CONTEXT = wordsRegex([
  'card', 'cc', 'iban', 'account', 'acct', 'routing', 'ssn', 'social security', 'order', 'invoice', 'tracking',
  'isbn', 'zip', 'postcode', 'postal', 'passport', 'license', 'licence', 'serial', 'price', 'total', 'amount',
  'version',
]);

const DATE_SHAPES = [
  /^\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}$/,
  /^\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4}$/,
  /^\d{1,2}[-.]\d{1,2}[-.]\d{2}$/,
  /^(?:19|20)\d{2} ?[-–] ?(?:19|20)\d{2}$/,
];
const IPV4_SHAPE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const SSN_SHAPE = /^\d{3}-\d{2}-\d{4}$/;
const NANP_SHAPE = /^(?:\+?1[ .-]?)?(?:\(([2-9]\d\d)\) ?|([2-9]\d\d)[ .-])[2-9]\d\d[ .-]\d{4}(?: ?(?:x|ext\.?|extension) ?\d{1,6})?$/i;
const EXTENSION = /(?:x|ext\.?|extension) ?\d{1,6}$/i;

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** libphonenumber is precise but ~50 µs a call; past this many candidates per text, shapes decide. */
const MAX_LIBRARY_CHECKS = 64;

export function phoneRecognizer(threshold = 0.5): Recognizer {
  return {
    entity: 'PHONE',
    find(text, out) {
      let libraryChecks = 0;
      eachMatch(PHONE_RE, text, (m) => {
        let raw = m[0];
        while (raw.length > 0 && ' .-'.includes(raw[raw.length - 1] as string)) raw = raw.slice(0, -1);
        const digits = countDigits(raw);
        if (digits < 7 || digits > 15) return;
        if (DATE_SHAPES.some((re) => re.test(raw)) || IPV4_SHAPE.test(raw) || SSN_SHAPE.test(raw)) return;
        const start = m.index;
        const end = start + raw.length;
        const international = raw.startsWith('+') || raw.startsWith('00');
        const grouped = international ? /[ .\-()]/.test(raw.slice(4)) : digits !== raw.length;
        // Long bare digit runs are cards, accounts or ids unless written as an international number.
        if (!international && !grouped && digits > 11) return;

        let score: number;
        if (international) {
          score = 0.45;
          if (libraryChecks++ < MAX_LIBRARY_CHECKS) {
            const parsed = parsePhoneNumberFromString(raw.replace(/^00/, '+').replace(EXTENSION, '').trim());
            if (parsed?.isValid()) score = 0.85;
            else if (parsed?.isPossible()) score = 0.6;
          }
        } else if (NANP_SHAPE.test(raw)) score = 0.6;
        else if (raw.startsWith('(')) score = 0.4;
        else if (grouped) score = 0.3;
        else score = 0.15;
        if (EXTENSION.test(raw)) score += 0.15;

        // One look at the surrounding words: strong phone words, weaker ones, or words of other ids.
        const before = text.slice(Math.max(0, start - 40), start);
        const after = text.slice(end, Math.min(text.length, end + 14));
        if (STRONG_CONTEXT.test(before) || STRONG_CONTEXT.test(after)) score += 0.45;
        else if (PHONE_CONTEXT.test(before.slice(-32)) || PHONE_CONTEXT.test(after.slice(0, 10))) score += 0.3;
        else if (NOT_PHONE_CONTEXT.test(before.slice(-32))) score -= 0.3;
        if (score < threshold) return;
        out.push({ start, end, entity: 'PHONE', score: Math.min(score, 0.95) });
      });
    },
  };
}
