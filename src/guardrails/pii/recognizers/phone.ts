/**
 * PHONE: national and international formats. A permissive digit-group pattern finds candidates;
 * libphonenumber-js validates international and North American numbers, and context words
 * ("call", "mobile", "fax", …) are required for the short national shapes that look like any
 * other digit run.
 */
import { createRequire } from 'node:module';
import type { parsePhoneNumberFromString as ParsePhoneNumber } from 'libphonenumber-js/max';
import { eachMatchNearDigits, gluedBefore, wordsRegex, type Recognizer } from '../recognizer.js';
import { isWordCharAt } from '../tokens.js';

// Groups need a separator between them, so a long run of bare digits is scanned in linear time.
// An ASCII lookbehind rejects starts glued to ids inside the engine; the code re-checks Unicode.
const PHONE_RE =
  /(?<![A-Za-z0-9+@/\\._#$€£-])(?:(?:\+|00)\d{1,3}[ .-]?(?:\(0\)[ .-]?)?)?(?:\(\d{1,4}\)[ .-]?)?\d{1,14}(?:[ .-]\d{1,8}){0,6}(?: ?(?:[xX]|[eE][xX][tT]\.?|[eE]xtension) ?\d{1,6})?/g;
const LEFT_GLUE = '+@/\\._#$€£-';

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
  'version', 'nhs', 'health', 'insurance', 'sin', 'utr', 'tax', 'itin', 'reference', 'ref', 'id',
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

/** Groups of one digit: "+46 8 …" has one; "1.2.3-4-5" is a list of numbers, not a phone. */
function singleDigitGroups(s: string): number {
  let n = 0;
  for (const g of s.replace('(0)', ' ').split(/[ .()-]+/)) if (g.length === 1 && g >= '0' && g <= '9') n++;
  return n;
}

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

/**
 * libphonenumber's full metadata is ~2 MB of heap and ~20 ms to load: it is loaded on the first
 * international number a policy has to judge, not by every process that looks for phone numbers.
 */
function loadPhoneParser(): typeof ParsePhoneNumber {
  const library = createRequire(import.meta.url)('libphonenumber-js/max') as { parsePhoneNumberFromString: typeof ParsePhoneNumber };
  return library.parsePhoneNumberFromString;
}

export function phoneRecognizer(threshold = 0.5): Recognizer {
  let parsePhoneNumberFromString: typeof ParsePhoneNumber | undefined;
  return {
    entity: 'PHONE',
    find(text, out, ctx) {
      let libraryChecks = 0;
      eachMatchNearDigits(PHONE_RE, ctx, (m, offset) => {
        const start = m.index + offset;
        if (gluedBefore(text, start, LEFT_GLUE)) {
          // Glued to a letter or sign ("ID7 555…"): retry one character later, a real number may
          // start inside. Glued to a digit, every later start in the run is glued too.
          const prev = text.charCodeAt(start - 1);
          if ((prev < 48 || prev > 57) && isWordCharAt(text, start - 1)) PHONE_RE.lastIndex = m.index + 1;
          return;
        }
        let raw = m[0];
        while (raw.length > 0 && ' .-'.includes(raw[raw.length - 1] as string)) raw = raw.slice(0, -1);
        const digits = countDigits(raw);
        if (digits < 7 || digits > 15 || singleDigitGroups(raw) > 1) return;
        if (DATE_SHAPES.some((re) => re.test(raw)) || IPV4_SHAPE.test(raw) || SSN_SHAPE.test(raw)) return;
        const end = start + raw.length;
        if (isWordCharAt(text, end) || /^[.,/-]\d/.test(text.slice(end, end + 2))) return;
        const international = raw.startsWith('+') || /^00[1-9]/.test(raw);
        const grouped = international ? /[ .\-()]/.test(raw.slice(4)) : digits !== raw.length;
        // Long bare digit runs are cards, accounts or ids unless written as an international number.
        if (!international && !grouped && digits > 11) return;

        let score: number;
        if (international) {
          score = 0.45;
          if (libraryChecks++ < MAX_LIBRARY_CHECKS) {
            parsePhoneNumberFromString ??= loadPhoneParser();
            const parsed = parsePhoneNumberFromString(raw.replace(/^00/, '+').replace(EXTENSION, '').trim());
            if (parsed?.isValid()) score = 0.85;
            else if (parsed?.isPossible()) score = 0.6;
          }
        } else if (NANP_SHAPE.test(raw)) score = 0.6;
        else if (raw.startsWith('(')) score = 0.4;
        else if (grouped) score = 0.3;
        else score = 0.15;
        if (EXTENSION.test(raw)) score += 0.15;

        // One look at the surrounding words: strong phone words win; otherwise words naming another
        // kind of number ("account", "NHS") outweigh weak ones ("number", "registered").
        const before = text.slice(Math.max(0, start - 40), start);
        const after = text.slice(end, Math.min(text.length, end + 14));
        if (STRONG_CONTEXT.test(before) || STRONG_CONTEXT.test(after)) score += 0.45;
        else if (NOT_PHONE_CONTEXT.test(before.slice(-32))) score -= 0.3;
        else if (PHONE_CONTEXT.test(before.slice(-32)) || PHONE_CONTEXT.test(after.slice(0, 10))) score += 0.3;
        if (score < threshold) return;
        out.push({ start, end, entity: 'PHONE', score: Math.min(score, 0.95) });
      });
    },
  };
}
