/** US_BANK_ACCOUNT_NUMBER and US_BANK_ROUTING_NUMBER: digit runs named by nearby words. */
import { abaValid } from '../checksums.js';
import { eachMatchNearDigits, gluedAfter, gluedBefore, hasContext, patternRecognizer, wordsRegex, type Recognizer } from '../recognizer.js';

const ACCOUNT_RE =
  /(?:bank\s*account|checking(?:\s*account)?|savings(?:\s*account)?|account|acct|a\/c)(?:\s*(?:number|no\.?|num|#))?(?:\s*(?:is|was|:|=|-))?\s*#?\s*(\d{6,17})(?![A-Za-z0-9]|[-.]\d)/gi;

export function usBankAccountRecognizer(): Recognizer {
  return patternRecognizer('US_BANK_ACCOUNT_NUMBER', ACCOUNT_RE, (m, text, at) => (gluedBefore(text, at) ? null : 0.7), {
    group: 1,
    nearDigits: true,
  });
}

const ROUTING_RE = /\d{9}/g;
const ROUTING_CONTEXT = wordsRegex(['routing', 'aba', 'rtn', 'transit number', 'routing number', 'bank routing']);

export function usRoutingRecognizer(): Recognizer {
  return {
    entity: 'US_BANK_ROUTING_NUMBER',
    find(text, out, ctx) {
      eachMatchNearDigits(ROUTING_RE, ctx, (m, offset) => {
        const start = m.index + offset;
        const end = start + 9;
        if (gluedBefore(text, start, '-') || gluedAfter(text, end, '-') || !abaValid(m[0])) return;
        if (!hasContext(text, start, end, ROUTING_CONTEXT, { before: 40, after: 12 })) return;
        out.push({ start, end, entity: 'US_BANK_ROUTING_NUMBER', score: 0.85 });
      });
    },
  };
}
