/** Canonical short entity names understood by the local detector. */
export const PII_ENTITIES: readonly string[] = Object.freeze([
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'US_SSN',
  'IBAN',
  'SWIFT_CODE',
  'IP_ADDRESS',
  'MAC_ADDRESS',
  'URL',
  'AWS_ACCESS_KEY',
  'AWS_SECRET_KEY',
  'API_KEY',
  'NAME',
  'ADDRESS',
  'AGE',
  'DRIVER_ID',
  'USERNAME',
  'PASSWORD',
  'LICENSE_PLATE',
  'VEHICLE_IDENTIFICATION_NUMBER',
  'CREDIT_DEBIT_CARD_CVV',
  'CREDIT_DEBIT_CARD_EXPIRY',
  'PIN',
  'US_BANK_ACCOUNT_NUMBER',
  'US_BANK_ROUTING_NUMBER',
  'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER',
  'US_PASSPORT_NUMBER',
  'CA_HEALTH_NUMBER',
  'CA_SOCIAL_INSURANCE_NUMBER',
  'UK_NATIONAL_HEALTH_SERVICE_NUMBER',
  'UK_NATIONAL_INSURANCE_NUMBER',
  'UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER',
]);

/**
 * Other spellings accepted in configs: Bedrock's long names (those that differ from ours) and the
 * common Presidio labels, so policies written for either keep working.
 */
export const PII_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  CREDIT_DEBIT_CARD_NUMBER: 'CREDIT_CARD',
  US_SOCIAL_SECURITY_NUMBER: 'US_SSN',
  INTERNATIONAL_BANK_ACCOUNT_NUMBER: 'IBAN',
  EMAIL_ADDRESS: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  IBAN_CODE: 'IBAN',
  PERSON: 'NAME',
  STREET_ADDRESS: 'ADDRESS',
  DOMAIN_NAME: 'URL',
  US_DRIVER_LICENSE: 'DRIVER_ID',
  US_ITIN: 'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER',
  US_PASSPORT: 'US_PASSPORT_NUMBER',
  US_BANK_NUMBER: 'US_BANK_ACCOUNT_NUMBER',
  UK_NHS: 'UK_NATIONAL_HEALTH_SERVICE_NUMBER',
  UK_NINO: 'UK_NATIONAL_INSURANCE_NUMBER',
  MAC: 'MAC_ADDRESS',
  VIN: 'VEHICLE_IDENTIFICATION_NUMBER',
});

const CANONICAL = new Set(PII_ENTITIES);

/** Canonical name for a configured entity name (case-insensitive), or undefined when unknown. */
export function resolvePiiEntity(name: string): string | undefined {
  const key = name.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (CANONICAL.has(key)) return key;
  return Object.prototype.hasOwnProperty.call(PII_ALIASES, key) ? PII_ALIASES[key] : undefined;
}
