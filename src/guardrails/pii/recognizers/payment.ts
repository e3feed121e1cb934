/** CREDIT_CARD, IBAN, SWIFT_CODE, card CVV and expiry, PIN. */
import { getCountrySpecifications } from 'ibantools';
import { luhnValid, ibanValid } from '../checksums.js';
import { eachMatch, hasContext, patternRecognizer, wordsRegex, type Recognizer } from '../recognizer.js';
import { ISO_COUNTRIES } from './countries.js';

const CARD_RE =
  /(?=\d)(?<![\p{L}\p{N}.,/-])(?:\d{4}(?:[ -]\d{4}){2}[ -]\d{1,7}|\d{4}[ -]\d{6}[ -]\d{4,5}|\d{12,19})(?![\p{L}\p{N}]|[.,/-]\p{N})/gu;
const CARD_CONTEXT = wordsRegex([
  'card', 'cards', 'cc', 'credit', 'debit', 'visa', 'mastercard', 'master card', 'amex', 'american express',
  'discover', 'maestro', 'jcb', 'diners', 'unionpay', 'payment', 'pay', 'charge', 'charged', 'billing', 'cardholder',
  'pan',
]);
const NOT_CARD_CONTEXT = wordsRegex([
  'order', 'tracking', 'invoice', 'reference', 'ref', 'confirmation', 'account', 'acct', 'phone', 'tel', 'isbn',
  'serial', 'transaction id', 'id', 'imei', 'iban', 'routing', 'customer', 'ticket', 'case', 'policy', 'member',
]);
// Issuer prefixes of the major networks (Visa, Mastercard, Amex, Diners, Discover, JCB, UnionPay, Maestro, Mir, RuPay).
const KNOWN_IIN = /^(?:4|5[0-8]|2[2-7]|3[0-9]|6|1800|2131|8[12])/;

export function creditCardRecognizer(threshold = 0.5): Recognizer {
  return {
    entity: 'CREDIT_CARD',
    find(text, out) {
      eachMatch(CARD_RE, text, (m) => {
        const digits = m[0].replace(/\D/g, '');
        if (digits.length < 12 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return;
        const start = m.index;
        const end = start + m[0].length;
        const grouped = m[0].length !== digits.length;
        const known = KNOWN_IIN.test(digits) && (digits.length >= 13 || digits.startsWith('5') || digits.startsWith('6'));
        const context = hasContext(text, start, end, CARD_CONTEXT, { before: 40, after: 16 });
        let score: number;
        if (luhnValid(digits)) score = known ? 0.85 : 0.45;
        // A failed checksum is kept only when everything else says "card".
        else score = known && (context || grouped) ? 0.3 : 0;
        if (context) score += 0.3;
        else if (hasContext(text, start, end, NOT_CARD_CONTEXT, { before: 32, after: 0 })) score -= 0.4;
        if (score >= threshold) out.push({ start, end, entity: 'CREDIT_CARD', score: Math.min(score, 1) });
      });
    },
  };
}

// Country code, check digits, then up to 30 alphanumerics optionally grouped by fours.
const IBAN_RE = /(?=[A-Z]{2}\d)(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\p{L}\p{N}])/giu;
const IBAN_CONTEXT = wordsRegex([
  'iban', 'bank', 'account', 'acct', 'transfer', 'wire', 'sepa', 'payee', 'beneficiary', 'remittance', 'bic', 'swift',
]);

export function ibanRecognizer(threshold = 0.5): Recognizer {
  const specs = getCountrySpecifications();
  return {
    entity: 'IBAN',
    find(text, out) {
      eachMatch(IBAN_RE, text, (m) => {
        const country = m[0].slice(0, 2).toUpperCase();
        const spec = specs[country];
        if (!spec?.chars) return;
        // The pattern may run into a following word: cut at the country's IBAN length.
        let compact = 0;
        let cut = -1;
        for (let i = 0; i < m[0].length; i++) {
          if (m[0][i] !== ' ') compact++;
          if (compact === spec.chars) {
            cut = i + 1;
            break;
          }
        }
        if (cut < 0) return;
        const value = m[0].slice(0, cut);
        const next = m[0][cut];
        if (next !== undefined && next !== ' ') return;
        const start = m.index;
        const end = start + value.length;
        const context = hasContext(text, start, end, IBAN_CONTEXT, { before: 48, after: 24 });
        let score: number;
        if (ibanValid(value)) score = 0.95;
        else {
          const bban = value.replace(/ /g, '').slice(4).toUpperCase();
          const shapeOk = spec.bban_regexp ? new RegExp(spec.bban_regexp).test(bban) : false;
          score = shapeOk && context ? 0.6 : 0;
        }
        if (score >= threshold) out.push({ start, end, entity: 'IBAN', score });
      });
    },
  };
}

const SWIFT_RE = /(?=[A-Z]{6})(?<![\p{L}\p{N}])[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![\p{L}\p{N}])/gu;
const SWIFT_CONTEXT = wordsRegex(['swift', 'bic', 'swift code', 'bic code', 'bank code', 'sort code', 'bank identifier']);

export function swiftRecognizer(): Recognizer {
  return patternRecognizer('SWIFT_CODE', SWIFT_RE, (m, text) => {
    if (!ISO_COUNTRIES.has(m[1] ?? '')) return null;
    const context = hasContext(text, m.index, m.index + m[0].length, SWIFT_CONTEXT, { before: 40, after: 10 });
    if (context) return 0.85;
    // Without context only the shape with a digit in the location code is distinctive.
    return /\d/.test(m[0].slice(6, 8)) ? 0.55 : null;
  });
}

const CVV_RE =
  /(?=[cCsSvV])(?<![\p{L}])(?:cvv2?|cvc2?|cid|csc|card security code|security code|card verification (?:value|code)|verification code)(?:\s*(?:number|no\.?|#|code))?\s*(?:is|:|=|-)?\s*(\d{3,4})(?!\p{N})/giu;

export function cvvRecognizer(): Recognizer {
  return patternRecognizer('CREDIT_DEBIT_CARD_CVV', CVV_RE, () => 0.85, 0.5, 1);
}

const EXPIRY_RE =
  /(?=[eEvVgG])(?<![\p{L}])(?:exp(?:iry|iration|ires|ired|iring)?\.?(?:\s*date)?|valid\s*(?:thru|through|until|to)|good\s*thru|expiry)\s*(?:on|is|:|=|-)?\s*((?:0?[1-9]|1[0-2])\s?[/-]\s?(?:20)?\d{2})(?![\p{N}]|[/-]\p{N})/giu;

export function cardExpiryRecognizer(): Recognizer {
  return patternRecognizer('CREDIT_DEBIT_CARD_EXPIRY', EXPIRY_RE, () => 0.85, 0.5, 1);
}

const PIN_RE =
  /(?=[pP])(?<![\p{L}])(?:PIN|[Pp]in (?:code|number)|PIN (?:code|number)|passcode|pin)(?:\s*(?:is|was|:|=|#|no\.?))?\s*[:=]?\s*(\d{4,8})(?!\p{N})/gu;

export function pinRecognizer(): Recognizer {
  return patternRecognizer('PIN', PIN_RE, () => 0.8, 0.5, 1);
}
