import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PII_ALIASES, PII_ENTITIES, compilePiiDetector, resolvePiiEntity } from '../../src/guardrails/pii/index.js';
import type { PiiDetector } from '../../src/guardrails/types.js';

const ALL = compilePiiDetector({ entities: [...PII_ENTITIES], regexes: [] });

/** "ENTITY:value" for every match, in text order. */
function found(detect: PiiDetector, text: string): string[] {
  return detect(text).map((m) => `${m.entity}:${text.slice(m.start, m.end)}`);
}

function only(entity: string): PiiDetector {
  return compilePiiDetector({ entities: [entity], regexes: [] });
}

describe('entity names and aliases', () => {
  it('lists the canonical short names', () => {
    expect(PII_ENTITIES).toContain('CREDIT_CARD');
    expect(PII_ENTITIES).toContain('UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER');
    expect(new Set(PII_ENTITIES).size).toBe(PII_ENTITIES.length);
  });

  it('maps Bedrock long names to short ones', () => {
    expect(PII_ALIASES.CREDIT_DEBIT_CARD_NUMBER).toBe('CREDIT_CARD');
    expect(resolvePiiEntity('US_SOCIAL_SECURITY_NUMBER')).toBe('US_SSN');
    expect(resolvePiiEntity('INTERNATIONAL_BANK_ACCOUNT_NUMBER')).toBe('IBAN');
  });

  it('keeps names that are already canonical, in any case', () => {
    expect(resolvePiiEntity('email')).toBe('EMAIL');
    expect(resolvePiiEntity('IP_ADDRESS')).toBe('IP_ADDRESS');
    expect(resolvePiiEntity('phone')).toBe('PHONE');
  });

  it('returns undefined for unknown names', () => {
    expect(resolvePiiEntity('FAVOURITE_COLOUR')).toBeUndefined();
  });

  it('resolves every alias to a canonical entity', () => {
    for (const target of Object.values(PII_ALIASES)) expect(PII_ENTITIES).toContain(target);
  });
});

describe('pattern entities: positives', () => {
  const cases: [string, string, string][] = [
    ['EMAIL', 'Write to ana.souza@exemplo.com.br today.', 'EMAIL:ana.souza@exemplo.com.br'],
    ['PHONE', 'Call me at +44 20 7946 0958 tonight.', 'PHONE:+44 20 7946 0958'],
    ['PHONE', 'My cell is (415) 555-0132.', 'PHONE:(415) 555-0132'],
    ['PHONE', 'Fax: 030 9018 2299', 'PHONE:030 9018 2299'],
    ['CREDIT_CARD', 'Charge card 4111 1111 1111 1111 please.', 'CREDIT_CARD:4111 1111 1111 1111'],
    ['US_SSN', 'My SSN is 219-09-9999.', 'US_SSN:219-09-9999'],
    ['IBAN', 'IBAN: DE89 3704 0044 0532 0130 00', 'IBAN:DE89 3704 0044 0532 0130 00'],
    ['IBAN', 'my iban is gb82west12345698765432', 'IBAN:gb82west12345698765432'],
    ['SWIFT_CODE', 'The BIC is DEUTDEFF.', 'SWIFT_CODE:DEUTDEFF'],
    ['IP_ADDRESS', 'Blocked 203.0.113.77 at the edge.', 'IP_ADDRESS:203.0.113.77'],
    ['IP_ADDRESS', 'Host 2001:db8::8a2e:370:7334 is down.', 'IP_ADDRESS:2001:db8::8a2e:370:7334'],
    ['MAC_ADDRESS', 'MAC 3c:22:fb:9a:01:7e was seen.', 'MAC_ADDRESS:3c:22:fb:9a:01:7e'],
    ['URL', 'See https://example.org/a?b=1.', 'URL:https://example.org/a?b=1'],
    ['URL', 'Our site www.kaffebutiken.se is new.', 'URL:www.kaffebutiken.se'],
    ['AWS_ACCESS_KEY', 'key id AKIAZ7QW3RTY5UIOPL2M', 'AWS_ACCESS_KEY:AKIAZ7QW3RTY5UIOPL2M'],
    ['AWS_SECRET_KEY', 'aws secret: q8Hd2LmN4pRs7TuVw9XyZaBcDeFgHiJkLmNoPqRs', 'AWS_SECRET_KEY:q8Hd2LmN4pRs7TuVw9XyZaBcDeFgHiJkLmNoPqRs'],
    ['API_KEY', 'token ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R', 'API_KEY:ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R'],
    ['API_KEY', 'OPENAI_API_KEY=sk-proj-4fG7hJ9kL2mN5pQ8rS1tU3vW6xY0zA2bC4dE', 'API_KEY:sk-proj-4fG7hJ9kL2mN5pQ8rS1tU3vW6xY0zA2bC4dE'],
    ['AGE', 'She is 34 years old.', 'AGE:34'],
    ['AGE', 'A 38-year-old man was admitted.', 'AGE:38'],
    ['AGE', 'aged 71, he retired', 'AGE:71'],
    ['DRIVER_ID', "My driver's license number is D4821-55930-77.", 'DRIVER_ID:D4821-55930-77'],
    ['USERNAME', 'username: k.tanaka88', 'USERNAME:k.tanaka88'],
    ['PASSWORD', 'password = Tr0ub4dor&3', 'PASSWORD:Tr0ub4dor&3'],
    ['LICENSE_PLATE', 'License plate 7ABC123 was towed.', 'LICENSE_PLATE:7ABC123'],
    ['VEHICLE_IDENTIFICATION_NUMBER', 'VIN 1HGCM82633A004352', 'VEHICLE_IDENTIFICATION_NUMBER:1HGCM82633A004352'],
    ['CREDIT_DEBIT_CARD_CVV', 'CVV: 482', 'CREDIT_DEBIT_CARD_CVV:482'],
    ['CREDIT_DEBIT_CARD_EXPIRY', 'Expiry date 09/27', 'CREDIT_DEBIT_CARD_EXPIRY:09/27'],
    ['PIN', 'My PIN is 4826.', 'PIN:4826'],
    ['US_BANK_ACCOUNT_NUMBER', 'Checking account 000123456789', 'US_BANK_ACCOUNT_NUMBER:000123456789'],
    ['US_BANK_ROUTING_NUMBER', 'Routing number 021000021', 'US_BANK_ROUTING_NUMBER:021000021'],
    ['US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER', 'My ITIN is 912-70-1234.', 'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER:912-70-1234'],
    ['US_PASSPORT_NUMBER', 'Passport number C03005988', 'US_PASSPORT_NUMBER:C03005988'],
    ['CA_HEALTH_NUMBER', 'OHIP health card 4532-281-937', 'CA_HEALTH_NUMBER:4532-281-937'],
    ['CA_SOCIAL_INSURANCE_NUMBER', 'SIN: 130 692 544', 'CA_SOCIAL_INSURANCE_NUMBER:130 692 544'],
    ['UK_NATIONAL_HEALTH_SERVICE_NUMBER', 'NHS number 943 476 5919', 'UK_NATIONAL_HEALTH_SERVICE_NUMBER:943 476 5919'],
    ['UK_NATIONAL_INSURANCE_NUMBER', 'NI number AB 12 34 56 C', 'UK_NATIONAL_INSURANCE_NUMBER:AB 12 34 56 C'],
    ['UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER', 'My UTR is 1234567890.', 'UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER:1234567890'],
  ];
  it.each(cases)('%s in %j', (entity, text, expected) => {
    expect(found(only(entity), text)).toEqual([expected]);
  });
});

describe('pattern entities: hard negatives', () => {
  const cases: [string, string][] = [
    ['CREDIT_CARD', 'Order 4111 1111 1111 1112 was split into parcels.'],
    ['CREDIT_CARD', 'The tracking id 1234567890123 is not a card.'],
    ['US_SSN', 'Area 666 is never issued: 666-12-3456.'],
    ['US_SSN', 'Group 00 is invalid: 123-00-4567.'],
    ['PHONE', 'Order 4481923 shipped on 12/05/2023 for $1,299.00.'],
    ['PHONE', 'The meeting moved from 10:30 to 14:45 on 2024-03-18.'],
    ['PHONE', 'We sold 1 250 000 units in 2022.'],
    ['PHONE', 'ISBN 978-3-16-148410-0 is the second edition.'],
    ['IBAN', 'The code GB82WEST1234 is too short to be an account.'],
    ['IP_ADDRESS', 'Upgrade to version 1.2.3.4 tomorrow.'],
    ['IP_ADDRESS', 'The score 999.1.1.1 is not an address.'],
    ['URL', 'Open setup.py and README.md first.'],
    ['EMAIL', 'Tag the team with @channel and @here.'],
    ['AGE', 'The building is 120 years old.'],
    ['AGE', 'I am 5 minutes away.'],
    ['PASSWORD', 'The password field must not be empty.'],
    ['USERNAME', 'Your username is taken, try another one.'],
    ['AWS_SECRET_KEY', 'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 fixed it'],
    ['MAC_ADDRESS', 'Scores 10-20-30-40-50-60 were recorded.'],
    ['SWIFT_CODE', 'PLEASE CALL BACKLATER about the order.'],
  ];
  it.each(cases)('no %s in %j', (entity, text) => {
    expect(found(only(entity), text)).toEqual([]);
  });

  it('keeps a checksum-failing card only with card words and a strong format', () => {
    expect(found(only('CREDIT_CARD'), 'my credit card number is 4111111111111112')).toEqual(['CREDIT_CARD:4111111111111112']);
  });

  it('reports an SSN as an SSN, not as a phone number, when both are enabled', () => {
    expect(found(ALL, 'SSN 536-22-8196')).toEqual(['US_SSN:536-22-8196']);
  });

  it('does not report an SSN as a phone number when only PHONE is enabled', () => {
    expect(found(only('PHONE'), 'SSN 536-22-8196')).toEqual([]);
  });
});

describe('NAME', () => {
  const positives: [string, string[]][] = [
    ['My name is Tomasz Wójcik.', ['NAME:Tomasz Wójcik']],
    ['Dear Ingrid Halvorsen, thanks for writing.', ['NAME:Ingrid Halvorsen']],
    ['Please ask Dr. Okonkwo to sign.', ['NAME:Okonkwo']],
    ['Yesterday Margaret told me the news.', ['NAME:Margaret']],
    ['Rafael Ortega joined the board in March.', ['NAME:Rafael Ortega']],
    ['Kuba, can you call me back?', ['NAME:Kuba']],
    ['The founders are Anna, Mehmet and Sigrun.', ['NAME:Anna', 'NAME:Mehmet', 'NAME:Sigrun']],
    ['my name is lena andersson', ['NAME:lena andersson']],
  ];
  it.each(positives)('finds names in %j', (text, expected) => {
    expect(found(only('NAME'), text)).toEqual(expected);
  });

  const negatives = [
    'The Golden Gate Bridge was closed on Monday.',
    'Apple and Microsoft reported earnings on Thursday.',
    'We spent a week in Paris and two days in Vienna.',
    'Please Note: All Sales Are Final.',
    'I will mark the exam papers in May.',
    'The Clark, Romero and Hall Orchestra played in Poland.',
    'Capital letters like Hope, Grace and Faith appear in hymns.',
    'Personal Info:\nPhone:\nE-mail:',
  ];
  it.each(negatives)('finds no name in %j', (text) => {
    expect(found(only('NAME'), text)).toEqual([]);
  });

  it('leaves a street named after a person to ADDRESS', () => {
    expect(found(ALL, 'He lives on Joaquin Suarez 2906.')).toEqual(['ADDRESS:Joaquin Suarez 2906']);
  });
});

describe('ADDRESS', () => {
  const positives: [string, string][] = [
    ['Ship it to 742 Evergreen Terrace, Springfield, OR 97477 by Friday.', 'ADDRESS:742 Evergreen Terrace, Springfield, OR 97477'],
    ['I live at Kastanienallee 12, 10435 Berlin.', 'ADDRESS:Kastanienallee 12, 10435 Berlin'],
    ['Meet me at the corner of Main St. and 5th Avenue', 'ADDRESS:the corner of Main St. and 5th Avenue'],
    ['Send it to PSC 1234, Box 5678\nAPO AE 09012', 'ADDRESS:PSC 1234, Box 5678\nAPO AE 09012'],
    ['My zip code is 94110', 'ADDRESS:94110'],
    ['Address:\n4 Rue de la Paix\nSuite 12\nParis\nFrance 75002', 'ADDRESS:4 Rue de la Paix\nSuite 12\nParis\nFrance 75002'],
  ];
  it.each(positives)('finds the address in %j', (text, expected) => {
    expect(found(only('ADDRESS'), text)).toEqual([expected]);
  });

  const negatives = [
    'Article 50 of the treaty was invoked.',
    'Windows 11 and Office 365 are installed.',
    'Use port 8080 on localhost for testing.',
    'Zoolander is a 2001 American comedy film.',
    'Chapter 12 covers pages 344-380.',
  ];
  it.each(negatives)('finds no address in %j', (text) => {
    expect(found(only('ADDRESS'), text)).toEqual([]);
  });

  it('does not swallow the name line above a multi-line address', () => {
    expect(found(ALL, 'Billing address: Noor Haddad\n 12 Canal Street\n Suite 4\n Leeds')).toEqual([
      'NAME:Noor Haddad',
      'ADDRESS:12 Canal Street\n Suite 4\n Leeds',
    ]);
  });
});

describe('custom regexes', () => {
  it('reports matches under the configured name', () => {
    const detect = compilePiiDetector({ entities: [], regexes: [{ name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}' }] });
    expect(found(detect, 'Badge EMP-004521 and EMP-000001.')).toEqual(['EMPLOYEE_ID:EMP-004521', 'EMPLOYEE_ID:EMP-000001']);
  });

  it('honours flags', () => {
    const detect = compilePiiDetector({ entities: [], regexes: [{ name: 'TICKET', pattern: 'ticket-[a-z]+', flags: 'i' }] });
    expect(found(detect, 'See TICKET-ABC.')).toEqual(['TICKET:TICKET-ABC']);
  });

  it('survives patterns that can match the empty string', () => {
    const detect = compilePiiDetector({ entities: [], regexes: [{ name: 'MAYBE', pattern: 'x*' }] });
    expect(found(detect, 'axxb')).toEqual(['MAYBE:xx']);
  });

  it('runs alongside built-in entities', () => {
    const detect = compilePiiDetector({ entities: ['EMAIL'], regexes: [{ name: 'PROJECT', pattern: 'PRJ-\\d+' }] });
    expect(found(detect, 'PRJ-42 owner: a@b.io')).toEqual(['PROJECT:PRJ-42', 'EMAIL:a@b.io']);
  });
});

describe('robustness', () => {
  it('returns nothing for empty input', () => {
    expect(ALL('')).toEqual([]);
  });

  it('returns offsets and scores only, never the matched text', () => {
    const [match] = ALL('mail me: jo@example.com');
    expect(match && Object.keys(match).sort()).toEqual(['end', 'entity', 'score', 'start']);
  });

  it('handles a megabyte of mixed input', () => {
    const chunk = 'Contact Anna Berg at anna@example.com or +46 8 123 456 78. Order 12345 ships soon. ';
    const text = chunk.repeat(Math.ceil((1 << 20) / chunk.length));
    const matches = ALL(text);
    expect(matches.filter((m) => m.entity === 'EMAIL')).toHaveLength(Math.ceil((1 << 20) / chunk.length));
  });

  it.each([
    ['lone surrogates', '\uD800abc\uDC00 4111 1111 1111 1111'],
    ['right-to-left text', 'שלום עולם مرحبا بالعالم 4111 1111 1111 1111'],
    ['combining marks', 'Jose\u0301 Garci\u0301a paid 4111 1111 1111 1111'],
    ['control characters', '\u0000\u0007\u001b[31m 4111 1111 1111 1111 \u0000'],
    ['emoji', '😀😀 card 😀 4111 1111 1111 1111 😀'],
  ])('survives %s', (_label, text) => {
    expect(ALL(text).some((m) => m.entity === 'CREDIT_CARD')).toBe(true);
  });

  it.each([
    ['digit and space runs', '1 2 3 4 5 6 7 8 9 0 12 345 6789 '.repeat(8000)],
    ['long capitalised runs', 'Anna Maria Van Der Berg Street Road '.repeat(7000)],
    ['at signs', 'a@'.repeat(120_000)],
    ['colons', 'fe80:'.repeat(50_000)],
  ])('completes on adversarial %s', (_label, text) => {
    expect(Array.isArray(ALL(text))).toBe(true);
  });

  it('only reports the requested entities', () => {
    const detect = compilePiiDetector({ entities: ['EMAIL'], regexes: [] });
    expect(found(detect, 'Anna Berg, anna@example.com, 4111 1111 1111 1111')).toEqual(['EMAIL:anna@example.com']);
  });
});

describe('own labelled fixture set', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const rows = readFileSync(resolve(here, '../fixtures/guardrails/pii.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; text: string; spans: { start: number; end: number; entity: string }[] });
  it.each(rows.map((r) => [r.id, r] as const))('%s', (_id, row) => {
    const expected = row.spans.map((s) => `${s.entity}:${row.text.slice(s.start, s.end)}`).sort();
    expect(found(ALL, row.text).sort()).toEqual(expected);
  });
});
