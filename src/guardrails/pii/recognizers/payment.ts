/** CREDIT_CARD, IBAN, SWIFT_CODE, card CVV and expiry, PIN. */
import { getCountrySpecifications } from 'ibantools';
import { ibanValid, luhnValid } from '../checksums.js';
import {
  eachMatch,
  eachMatchNearDigits,
  gluedAfter,
  gluedBefore,
  hasContext,
  patternRecognizer,
  wordsRegex,
  type Recognizer,
} from '../recognizer.js';
import { ISO_COUNTRIES } from './countries.js';

const CARD_RE = /\d{4}(?:[ -]\d{4}){2}[ -]\d{1,7}|\d{4}[ -]\d{6}[ -]\d{4,5}|\d{12,19}/g;
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
    find(text, out, ctx) {
      eachMatchNearDigits(CARD_RE, ctx, (m, offset) => {
        const start = m.index + offset;
        const end = start + m[0].length;
        if (gluedBefore(text, start, '.,/-') || gluedAfter(text, end, '.,/-')) return;
        const digits = m[0].replace(/\D/g, '');
        if (digits.length < 12 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return;
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
const IBAN_RE = /[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?/g;
const IBAN_CONTEXT = wordsRegex([
  'iban', 'bank', 'account', 'acct', 'transfer', 'wire', 'sepa', 'payee', 'beneficiary', 'remittance', 'bic', 'swift',
]);

export function ibanRecognizer(threshold = 0.5): Recognizer {
  const specs = getCountrySpecifications();
  return {
    entity: 'IBAN',
    find(text, out, ctx) {
      eachMatchNearDigits(IBAN_RE, ctx, (m, offset) => {
        const start = m.index + offset;
        if (gluedBefore(text, start)) return;
        const spec = specs[m[0].slice(0, 2).toUpperCase()];
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
        const end = start + value.length;
        if (gluedAfter(text, end)) return;
        const context = hasContext(text, start, end, IBAN_CONTEXT, { before: 48, after: 24 });
        let score = 0;
        if (ibanValid(value)) score = 0.95;
        else if (context && spec.bban_regexp) {
          const bban = value.replace(/ /g, '').slice(4).toUpperCase();
          // A typed IBAN with a wrong check digit is still an IBAN when the words around say so.
          if (bbanRegex(spec.bban_regexp).test(bban)) score = 0.6;
        }
        if (score >= threshold) out.push({ start, end, entity: 'IBAN', score });
      });
    },
  };
}

const bbanRegexes = new Map<string, RegExp>();
/** Country BBAN formats compiled once each, not per candidate. */
function bbanRegex(source: string): RegExp {
  let re = bbanRegexes.get(source);
  if (!re) {
    re = new RegExp(source);
    bbanRegexes.set(source, re);
  }
  return re;
}

const SWIFT_RE = /[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?/g;
const SWIFT_CONTEXT = wordsRegex(['swift', 'bic', 'swift code', 'bic code', 'bank code', 'sort code', 'bank identifier']);

export function swiftRecognizer(): Recognizer {
  const visit = (text: string, m: RegExpExecArray, start: number): number | null => {
    const end = start + m[0].length;
    if (gluedBefore(text, start) || gluedAfter(text, end) || !ISO_COUNTRIES.has(m[1] ?? '')) return null;
    if (hasContext(text, start, end, SWIFT_CONTEXT, { before: 40, after: 10 })) return 0.85;
    // Without context only the shape with a digit in the location code is distinctive.
    return /\d/.test(m[0].slice(6, 8)) ? 0.55 : null;
  };
  return {
    entity: 'SWIFT_CODE',
    find(text, out, ctx) {
      const push = (m: RegExpExecArray, start: number): void => {
        const score = visit(text, m, start);
        if (score !== null) out.push({ start, end: start + m[0].length, entity: 'SWIFT_CODE', score });
      };
      // Codes without digits are only taken near their keyword, so prose in capitals stays cheap.
      if (SWIFT_CONTEXT.test(text)) eachMatch(SWIFT_RE, text, (m) => push(m, m.index));
      else eachMatchNearDigits(SWIFT_RE, ctx, (m, offset) => push(m, m.index + offset));
    },
  };
}

const CVV_RE =
  /(?:cvv2?|cvc2?|cid|csc|card security code|security code|card verification (?:value|code)|verification code)(?:\s*(?:number|no\.?|#|code))?\s*(?:is|:|=|-)?\s*(\d{3,4})(?!\d)/gi;

export function cvvRecognizer(): Recognizer {
  return patternRecognizer('CREDIT_DEBIT_CARD_CVV', CVV_RE, (m, text, at) => (gluedBefore(text, at) ? null : 0.85), {
    group: 1,
    nearDigits: true,
  });
}

const EXPIRY_RE =
  /(?:exp(?:iry|iration|ires|ired|iring)?\.?(?:\s*date)?|valid\s*(?:thru|through|until|to)|good\s*thru)\s*(?:on|is|:|=|-)?\s*((?:0?[1-9]|1[0-2])\s?[/-]\s?(?:20)?\d{2})(?![\d/-])/gi;

export function cardExpiryRecognizer(): Recognizer {
  return patternRecognizer('CREDIT_DEBIT_CARD_EXPIRY', EXPIRY_RE, (m, text, at) => (gluedBefore(text, at) ? null : 0.85), {
    group: 1,
    nearDigits: true,
  });
}

const PIN_RE = /(?:PIN|[Pp]in (?:code|number)|PIN (?:code|number)|passcode|pin)(?:\s*(?:is|was|:|=|#|no\.?))?\s*[:=]?\s*(\d{4,8})(?!\d)/g;

export function pinRecognizer(): Recognizer {
  return patternRecognizer('PIN', PIN_RE, (m, text, at) => (gluedBefore(text, at) ? null : 0.8), {
    group: 1,
    nearDigits: true,
  });
}
