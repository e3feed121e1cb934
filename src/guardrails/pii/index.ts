/**
 * Local sensitive-information (PII) detector: Presidio-style recognizers (pattern, validator,
 * context words, threshold) per entity family, plus operator regexes; overlapping hits are
 * resolved so each part of the text reports one entity. Returns offsets only, never the text.
 */
import type { PiiDetector, PiiDetectorOptions, PiiMatch } from '../types.js';
import { addressRecognizer } from './address/address.js';
import { customRecognizer } from './custom.js';
import { nameRecognizer } from './name/name.js';
import type { Candidate, Recognizer } from './recognizer.js';
import { ageRecognizer } from './recognizers/age.js';
import { usBankAccountRecognizer, usRoutingRecognizer } from './recognizers/bank.js';
import {
  caHealthRecognizer,
  caSinRecognizer,
  driverIdRecognizer,
  itinRecognizer,
  ssnRecognizer,
  ukNhsRecognizer,
  ukNinoRecognizer,
  ukUtrRecognizer,
  usPassportRecognizer,
} from './recognizers/national-ids.js';
import { emailRecognizer, ipRecognizer, macRecognizer, urlRecognizer } from './recognizers/network.js';
import {
  cardExpiryRecognizer,
  creditCardRecognizer,
  cvvRecognizer,
  ibanRecognizer,
  pinRecognizer,
  swiftRecognizer,
} from './recognizers/payment.js';
import { phoneRecognizer } from './recognizers/phone.js';
import {
  apiKeyRecognizer,
  awsAccessKeyRecognizer,
  awsSecretKeyRecognizer,
  passwordRecognizer,
  usernameRecognizer,
} from './recognizers/secrets.js';
import { licensePlateRecognizer, vinRecognizer } from './recognizers/vehicle.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import { ScanContext } from './tokens.js';

export { PII_ALIASES, PII_ENTITIES, resolvePiiEntity } from './entities.js';

const FACTORIES: Record<string, () => Recognizer> = {
  EMAIL: emailRecognizer,
  PHONE: () => phoneRecognizer(),
  CREDIT_CARD: () => creditCardRecognizer(),
  US_SSN: () => ssnRecognizer(),
  IBAN: () => ibanRecognizer(),
  SWIFT_CODE: swiftRecognizer,
  IP_ADDRESS: ipRecognizer,
  MAC_ADDRESS: macRecognizer,
  URL: urlRecognizer,
  AWS_ACCESS_KEY: awsAccessKeyRecognizer,
  AWS_SECRET_KEY: awsSecretKeyRecognizer,
  API_KEY: apiKeyRecognizer,
  NAME: () => nameRecognizer(),
  ADDRESS: () => addressRecognizer(),
  AGE: ageRecognizer,
  DRIVER_ID: driverIdRecognizer,
  USERNAME: usernameRecognizer,
  PASSWORD: passwordRecognizer,
  LICENSE_PLATE: licensePlateRecognizer,
  VEHICLE_IDENTIFICATION_NUMBER: vinRecognizer,
  CREDIT_DEBIT_CARD_CVV: cvvRecognizer,
  CREDIT_DEBIT_CARD_EXPIRY: cardExpiryRecognizer,
  PIN: pinRecognizer,
  US_BANK_ACCOUNT_NUMBER: usBankAccountRecognizer,
  US_BANK_ROUTING_NUMBER: usRoutingRecognizer,
  US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER: itinRecognizer,
  US_PASSPORT_NUMBER: usPassportRecognizer,
  CA_HEALTH_NUMBER: caHealthRecognizer,
  CA_SOCIAL_INSURANCE_NUMBER: caSinRecognizer,
  UK_NATIONAL_HEALTH_SERVICE_NUMBER: ukNhsRecognizer,
  UK_NATIONAL_INSURANCE_NUMBER: ukNinoRecognizer,
  UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER: ukUtrRecognizer,
};

/**
 * Recognizers that only support another entity's decision. Running them even when their own
 * entity is off keeps, say, an SSN from being reported as a phone number.
 */
const COMPETITORS: Record<string, string[]> = {
  PHONE: ['US_SSN', 'CREDIT_CARD', 'IBAN', 'IP_ADDRESS'],
  NAME: ['EMAIL', 'URL', 'ADDRESS'],
  US_BANK_ACCOUNT_NUMBER: ['CREDIT_CARD'],
  DRIVER_ID: ['CREDIT_CARD', 'PHONE'],
};

export function compilePiiDetector(opts: PiiDetectorOptions): PiiDetector {
  const wanted = new Set(opts.entities.filter((e) => e in FACTORIES));
  const helpers = new Set<string>();
  for (const e of wanted) for (const c of COMPETITORS[e] ?? []) if (!wanted.has(c)) helpers.add(c);
  const recognizers: Recognizer[] = [];
  for (const e of [...wanted, ...helpers]) recognizers.push((FACTORIES[e] as () => Recognizer)());
  for (const r of opts.regexes) recognizers.push(customRecognizer(r.name, r.pattern, r.flags));
  const reported = new Set<string>([...wanted, ...opts.regexes.map((r) => r.name)]);

  return (text: string): PiiMatch[] => {
    if (typeof text !== 'string' || text.length === 0) return [];
    const ctx = new ScanContext(text);
    const candidates: Candidate[] = [];
    for (const r of recognizers) {
      try {
        r.find(text, candidates, ctx);
      } catch {
        // A recognizer bug must not take the request down; the others still report.
      }
    }
    return resolveOverlaps(candidates)
      .filter((c) => reported.has(c.entity))
      .map((c) => ({ start: c.start, end: c.end, entity: c.entity, score: Math.round(c.score * 1000) / 1000 }));
  };
}
