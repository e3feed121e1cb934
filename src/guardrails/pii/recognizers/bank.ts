/** US_BANK_ACCOUNT_NUMBER and US_BANK_ROUTING_NUMBER: digit runs named by nearby words. */
import { abaValid } from '../checksums.js';
import { eachMatch, hasContext, wordsRegex, type Recognizer } from '../recognizer.js';

const ACCOUNT_RE =
  /(?=[bBcCsSaA])(?<![\p{L}])(?:bank\s*account|checking(?:\s*account)?|savings(?:\s*account)?|account|acct|a\/c)(?:\s*(?:number|no\.?|num|#))?(?:\s*(?:is|was|:|=|-))?\s*#?\s*(\d{6,17})(?![\p{L}\p{N}]|[-.]\p{N})/giu;

export function usBankAccountRecognizer(): Recognizer {
  return {
    entity: 'US_BANK_ACCOUNT_NUMBER',
    find(text, out) {
      eachMatch(ACCOUNT_RE, text, (m) => {
        const value = m[1] ?? '';
        const start = m.index + m[0].length - value.length;
        out.push({ start, end: start + value.length, entity: 'US_BANK_ACCOUNT_NUMBER', score: 0.7 });
      });
    },
  };
}

const ROUTING_RE = /(?=\d)(?<![\p{L}\p{N}-])\d{9}(?![\p{L}\p{N}]|-\p{N})/gu;
const ROUTING_CONTEXT = wordsRegex(['routing', 'aba', 'rtn', 'transit number', 'routing number', 'bank routing']);

export function usRoutingRecognizer(): Recognizer {
  return {
    entity: 'US_BANK_ROUTING_NUMBER',
    find(text, out) {
      eachMatch(ROUTING_RE, text, (m) => {
        if (!abaValid(m[0])) return;
        const start = m.index;
        const end = start + 9;
        if (!hasContext(text, start, end, ROUTING_CONTEXT, { before: 40, after: 12 })) return;
        out.push({ start, end, entity: 'US_BANK_ROUTING_NUMBER', score: 0.85 });
      });
    },
  };
}
