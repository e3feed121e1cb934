import { describe, expect, it } from 'vitest';
import { createKeyBuilder, InvalidKeyPartError } from '../../src/store/keys.js';

const keys = createKeyBuilder('sluice');

describe('key layout', () => {
  it('puts tenant and session into one hash tag', () => {
    expect(keys.sessionMessages('acme', 'chat-1')).toBe('sluice:{acme:chat-1}:messages');
  });

  it('scopes documents by tenant hash tag and kind', () => {
    expect(keys.document('acme', 'response', 'resp_1')).toBe('sluice:{acme}:response:resp_1');
  });

  it('gives a colon in a session id no way to reach another tenant', () => {
    expect(() => keys.sessionMessages('acme:b', 'c')).toThrow(InvalidKeyPartError);
    expect(keys.sessionMessages('acme', 'b:c')).not.toBe(keys.sessionMessages('acme_b', 'c'));
  });

  it('keeps session keys and document keys apart', () => {
    expect(keys.sessionMessages('acme', 'response')).not.toBe(keys.document('acme', 'response', 'messages'));
  });

  it('rejects parts outside their character sets', () => {
    expect(() => keys.sessionMessages('acme', 'a}b')).toThrow(InvalidKeyPartError);
    expect(() => keys.sessionMessages('acme', '')).toThrow(InvalidKeyPartError);
    expect(() => keys.sessionMessages('acme', 'x'.repeat(129))).toThrow(InvalidKeyPartError);
    expect(() => keys.sessionMessages('ac me', 'x')).toThrow(InvalidKeyPartError);
    expect(() => keys.document('acme', 'resp:onse', 'x')).toThrow(InvalidKeyPartError);
    expect(() => keys.document('acme', 'response', '')).toThrow(InvalidKeyPartError);
  });

  it('accepts the full allowed alphabet', () => {
    expect(keys.sessionMessages('A-z_0', 'a.B:c-9_')).toBe('sluice:{A-z_0:a.B:c-9_}:messages');
  });

  it('refuses a key prefix that would change the cluster hash tag', () => {
    expect(() => createKeyBuilder('app{x}')).toThrow(InvalidKeyPartError);
    expect(() => createKeyBuilder('')).toThrow(InvalidKeyPartError);
  });
});
