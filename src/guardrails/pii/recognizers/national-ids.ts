/** Government identifiers: US SSN, ITIN, passport, driver's licence; Canadian and UK numbers. */
import { itinValid, luhnValid, nhsValid, ssnValid } from '../checksums.js';
import {
  eachMatchNearDigits,
  gluedAfter,
  gluedBefore,
  hasContext,
  patternRecognizer,
  wordsRegex,
  type Recognizer,
} from '../recognizer.js';

/** A value that starts and ends on a token boundary (hyphens count as glue: "12-345-6789-0"). */
function standsAlone(text: string, start: number, end: number): boolean {
  return !gluedBefore(text, start, '-') && !gluedAfter(text, end, '-');
}

const SSN_RE = /(\d{3})([- ]?)(\d{2})\2(\d{4})/g;
const SSN_CONTEXT = wordsRegex([
  'ssn', 'ssns', 'social security', 'social sec', 'ss#', 'ss #', 'ss no', 'ssa', 'social', 'tax id', 'taxpayer',
]);
const NOT_SSN_CONTEXT = wordsRegex(['phone', 'tel', 'fax', 'order', 'zip', 'routing', 'account', 'invoice', 'tracking']);

export function ssnRecognizer(threshold = 0.5): Recognizer {
  return {
    entity: 'US_SSN',
    find(text, out, ctx) {
      eachMatchNearDigits(SSN_RE, ctx, (m, offset) => {
        const start = m.index + offset;
        const end = start + m[0].length;
        if (!standsAlone(text, start, end)) return;
        const digits = `${m[1]}${m[3]}${m[4]}`;
        const sep = m[2] ?? '';
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
    /9\d{2}([- ]?)[5-9]\d\1\d{4}/g,
    (m, text, at) => {
      const end = at + m[0].length;
      if (!standsAlone(text, at, end) || !itinValid(m[0].replace(/\D/g, ''))) return null;
      return (m[1] === '-' ? 0.45 : 0.2) + (hasContext(text, at, end, ITIN_CONTEXT) ? 0.45 : 0);
    },
    { nearDigits: true },
  );
}

const PASSPORT_RE =
  /passport(?:\s*(?:number|no\.?|num|#|id))?(?:\s*(?:is|was|:|=|-))?\s*(?:number\s*)?([A-Za-z]?\d{8,9})(?![A-Za-z0-9])/gi;

export function usPassportRecognizer(): Recognizer {
  return patternRecognizer('US_PASSPORT_NUMBER', PASSPORT_RE, (m, text, at) => (gluedBefore(text, at) ? null : 0.8), {
    group: 1,
    nearDigits: true,
  });
}

const DRIVER_RE =
  /(?:(?:driver'?s?|drivers'|driving)\s*(?:licen[sc]e|permit|id)(?:\s*(?:number|no\.?|num|#|id))?(?:\s*(?:is|was|:|=|-))?|\bDL\s*(?:#|no\.?|number)?\s*[:=]?)\s*([A-Z0-9][A-Z0-9-]{3,19})(?![A-Za-z0-9])/gi;

export function driverIdRecognizer(): Recognizer {
  return patternRecognizer(
    'DRIVER_ID',
    DRIVER_RE,
    (m, text, at) => {
      if (gluedBefore(text, at)) return null;
      // Needs digits: "driver's license is expired" names no number.
      return ((m[1] ?? '').match(/\d/g)?.length ?? 0) >= 4 ? 0.8 : null;
    },
    { group: 1, nearDigits: true },
  );
}

const CA_HEALTH_CONTEXT =
  /(?:health\s*(?:card|number|insurance\s*number|#)|ohip|ramq|carte\s*(?:santé|soleil)|assurance\s*maladie|\bphn\b|personal\s*health\s*number|\bmsp\b|\bhcn\b)\W{0,20}?$/i;
const CA_HEALTH_RE = /\d{4}[- ]?\d{3}[- ]?\d{3}(?:[- ]?[A-Z]{2})?|[A-Z]{4}[- ]?\d{4}[- ]?\d{4}/g;

export function caHealthRecognizer(): Recognizer {
  return patternRecognizer(
    'CA_HEALTH_NUMBER',
    CA_HEALTH_RE,
    (m, text, at) => {
      if (!standsAlone(text, at, at + m[0].length)) return null;
      return CA_HEALTH_CONTEXT.test(text.slice(Math.max(0, at - 48), at)) ? 0.8 : null;
    },
    { nearDigits: true },
  );
}

const SIN_CONTEXT = wordsRegex(['sin', 'social insurance', "numéro d'assurance sociale", 'nas']);

export function caSinRecognizer(): Recognizer {
  return patternRecognizer(
    'CA_SOCIAL_INSURANCE_NUMBER',
    /[1-79]\d{2}([- ]?)\d{3}\1\d{3}/g,
    (m, text, at) => {
      const end = at + m[0].length;
      if (!standsAlone(text, at, end) || !luhnValid(m[0].replace(/\D/g, ''))) return null;
      return hasContext(text, at, end, SIN_CONTEXT) ? 0.85 : 0.3;
    },
    { nearDigits: true },
  );
}

const NHS_CONTEXT = wordsRegex(['nhs', 'national health service', 'nhs number', 'nhs no', 'health service number']);

export function ukNhsRecognizer(): Recognizer {
  return patternRecognizer(
    'UK_NATIONAL_HEALTH_SERVICE_NUMBER',
    /\d{3}([- ]?)\d{3}\1\d{4}/g,
    (m, text, at) => {
      const end = at + m[0].length;
      if (!standsAlone(text, at, end) || !nhsValid(m[0].replace(/\D/g, ''))) return null;
      return hasContext(text, at, end, NHS_CONTEXT) ? 0.85 : 0.3;
    },
    { nearDigits: true },
  );
}

// Prefix letters exclude D, F, I, Q, U, V (and O second) and the never-used pairs.
const NINO_RE = /(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]/g;
const NINO_CONTEXT = wordsRegex(['national insurance', 'ni number', 'ni no', 'nino', 'nin']);

export function ukNinoRecognizer(): Recognizer {
  return patternRecognizer(
    'UK_NATIONAL_INSURANCE_NUMBER',
    NINO_RE,
    (m, text, at) => {
      const end = at + m[0].length;
      if (!standsAlone(text, at, end)) return null;
      return hasContext(text, at, end, NINO_CONTEXT) ? 0.95 : 0.7;
    },
    { nearDigits: true },
  );
}

const UTR_RE =
  /(?:utr|unique tax(?:payer)? reference|tax reference|self[- ]assessment)(?:\s*(?:number|no\.?|#))?(?:\s*(?:is|was|:|=|-))?\s*(\d{5} ?\d{5}K?)(?![A-Za-z0-9])/gi;

export function ukUtrRecognizer(): Recognizer {
  return patternRecognizer('UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER', UTR_RE, (m, text, at) => (gluedBefore(text, at) ? null : 0.85), {
    group: 1,
    nearDigits: true,
  });
}
