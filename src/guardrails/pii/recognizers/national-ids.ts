/** Government identifiers: US SSN, ITIN, passport, driver's licence; Canadian and UK numbers. */
import { itinValid, luhnValid, nhsValid, ssnValid } from '../checksums.js';
import { eachMatch, hasContext, patternRecognizer, wordsRegex, type Recognizer } from '../recognizer.js';

const SSN_RE = /(?=\d)(?<![\p{L}\p{N}-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\p{L}\p{N}]|-\p{N})/gu;
const SSN_CONTEXT = wordsRegex([
  'ssn', 'ssns', 'social security', 'social sec', 'ss#', 'ss #', 'ss no', 'ssa', 'social', 'tax id', 'taxpayer',
]);
const NOT_SSN_CONTEXT = wordsRegex(['phone', 'tel', 'fax', 'order', 'zip', 'routing', 'account', 'invoice', 'tracking']);

export function ssnRecognizer(threshold = 0.5): Recognizer {
  return {
    entity: 'US_SSN',
    find(text, out) {
      eachMatch(SSN_RE, text, (m) => {
        const digits = `${m[1]}${m[3]}${m[4]}`;
        const sep = m[2] ?? '';
        const start = m.index;
        const end = start + m[0].length;
        const context = hasContext(text, start, end, SSN_CONTEXT, { before: 48, after: 16 });
        let score: number;
        if (ssnValid(digits)) score = sep === '-' ? 0.6 : sep === ' ' ? 0.4 : 0.15;
        // Never-issued numbers still leak as typed values; only a dashed one named an SSN counts.
        else score = sep === '-' && context ? 0.25 : 0;
        if (context) score += 0.35;
        else if (hasContext(text, start, end, NOT_SSN_CONTEXT, { before: 32, after: 0 })) score -= 0.3;
        if (score >= threshold) out.push({ start, end, entity: 'US_SSN', score: Math.min(score, 0.95) });
      });
    },
  };
}

const ITIN_CONTEXT = wordsRegex(['itin', 'individual taxpayer', 'taxpayer identification', 'tax id', 'tin']);

export function itinRecognizer(): Recognizer {
  return patternRecognizer(
    'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER',
    /(?=9)(?<![\p{L}\p{N}-])9\d{2}([- ]?)[5-9]\d\1\d{4}(?![\p{L}\p{N}]|-\p{N})/gu,
    (m, text) => {
      if (!itinValid(m[0].replace(/\D/g, ''))) return null;
      const context = hasContext(text, m.index, m.index + m[0].length, ITIN_CONTEXT);
      return (m[1] === '-' ? 0.45 : 0.2) + (context ? 0.45 : 0);
    },
  );
}

const PASSPORT_RE =
  /(?=[pP])(?<![\p{L}])passport(?:\s*(?:number|no\.?|num|#|id))?(?:\s*(?:is|was|:|=|-))?\s*(?:number\s*)?([A-Z]?\d{8,9})(?![\p{L}\p{N}])/giu;

export function usPassportRecognizer(): Recognizer {
  return patternRecognizer('US_PASSPORT_NUMBER', PASSPORT_RE, () => 0.8, 0.5, 1);
}

const DRIVER_RE =
  /(?=[dD])(?<![\p{L}])(?:driver'?s?|drivers'|driving)\s*(?:licen[sc]e|permit|id)(?:\s*(?:number|no\.?|num|#|id))?(?:\s*(?:is|was|:|=|-))?\s*([A-Z0-9][A-Z0-9-]{3,19})(?![\p{L}\p{N}])|(?<![\p{L}])DL\s*(?:#|no\.?|number)?\s*[:=]?\s*([A-Z0-9][A-Z0-9-]{3,19})(?![\p{L}\p{N}])/giu;

export function driverIdRecognizer(): Recognizer {
  return {
    entity: 'DRIVER_ID',
    find(text, out) {
      eachMatch(DRIVER_RE, text, (m) => {
        const value = m[1] ?? m[2];
        if (!value || (value.match(/\d/g)?.length ?? 0) < 4) return;
        const start = m.index + m[0].lastIndexOf(value);
        out.push({ start, end: start + value.length, entity: 'DRIVER_ID', score: 0.8 });
      });
    },
  };
}

const CA_HEALTH_CONTEXT =
  /(?:health\s*(?:card|number|insurance\s*number|#)|ohip|ramq|carte\s*(?:santé|soleil)|assurance\s*maladie|\bphn\b|personal\s*health\s*number|\bmsp\b|\bhcn\b)\W{0,20}?$/iu;
const CA_HEALTH_RE =
  /(?=[\dA-Z])(?<![\p{L}\p{N}])(?:\d{4}[- ]?\d{3}[- ]?\d{3}(?:[- ]?[A-Z]{2})?|[A-Z]{4}[- ]?\d{4}[- ]?\d{4}|\d{4}[- ]?\d{3}[- ]?\d{3})(?![\p{L}\p{N}])/gu;

export function caHealthRecognizer(): Recognizer {
  return patternRecognizer('CA_HEALTH_NUMBER', CA_HEALTH_RE, (m, text) => {
    const before = text.slice(Math.max(0, m.index - 48), m.index);
    return CA_HEALTH_CONTEXT.test(before) ? 0.8 : null;
  });
}

const SIN_CONTEXT = wordsRegex(['sin', 'social insurance', 'numéro d\'assurance sociale', 'nas']);

export function caSinRecognizer(): Recognizer {
  return patternRecognizer(
    'CA_SOCIAL_INSURANCE_NUMBER',
    /(?=[1-79])(?<![\p{L}\p{N}-])[1-79]\d{2}([- ]?)\d{3}\1\d{3}(?![\p{L}\p{N}]|-\p{N})/gu,
    (m, text) => {
      if (!luhnValid(m[0].replace(/\D/g, ''))) return null;
      return hasContext(text, m.index, m.index + m[0].length, SIN_CONTEXT) ? 0.85 : 0.3;
    },
  );
}

const NHS_CONTEXT = wordsRegex(['nhs', 'national health service', 'nhs number', 'nhs no', 'health service number']);

export function ukNhsRecognizer(): Recognizer {
  return patternRecognizer(
    'UK_NATIONAL_HEALTH_SERVICE_NUMBER',
    /(?=\d)(?<![\p{L}\p{N}-])\d{3}([- ]?)\d{3}\1\d{4}(?![\p{L}\p{N}]|-\p{N})/gu,
    (m, text) => {
      if (!nhsValid(m[0].replace(/\D/g, ''))) return null;
      return hasContext(text, m.index, m.index + m[0].length, NHS_CONTEXT) ? 0.85 : 0.3;
    },
  );
}

// Prefix letters exclude D, F, I, Q, U, V (and O second) and the never-used pairs.
const NINO_RE = /(?=[A-Z]{2})(?<![\p{L}\p{N}])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\p{N}])/gu;
const NINO_CONTEXT = wordsRegex(['national insurance', 'ni number', 'ni no', 'nino', 'nin']);

export function ukNinoRecognizer(): Recognizer {
  return patternRecognizer('UK_NATIONAL_INSURANCE_NUMBER', NINO_RE, (m, text) =>
    hasContext(text, m.index, m.index + m[0].length, NINO_CONTEXT) ? 0.95 : 0.7,
  );
}

const UTR_RE =
  /(?=[uUtTsS])(?<![\p{L}])(?:utr|unique tax(?:payer)? reference|tax reference|self[- ]assessment)(?:\s*(?:number|no\.?|#))?(?:\s*(?:is|was|:|=|-))?\s*(\d{5} ?\d{5}K?)(?![\p{L}\p{N}])/giu;

export function ukUtrRecognizer(): Recognizer {
  return patternRecognizer('UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER', UTR_RE, () => 0.85, 0.5, 1);
}
