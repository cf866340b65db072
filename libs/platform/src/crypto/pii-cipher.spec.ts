import { AppConfig } from '../config/app-config.js';
import { maskIdNumber, maskMobile, PiiCipher } from './pii-cipher.js';

const key = (n: number) => Buffer.alloc(32, n).toString('base64');
const cipherWith = (keys: string) => new PiiCipher({ PII_KEYS: keys, PII_HASH_SECRET: 'h'.repeat(32) } as AppConfig);

describe('PiiCipher', () => {
  it('round-trips and never stores the plain value', () => {
    const cipher = cipherWith(`k1:${key(1)}`);
    const stored = cipher.encrypt('620102199001011234');
    expect(stored).not.toContain('620102');
    expect(cipher.decrypt(stored)).toBe('620102199001011234');
    expect(cipher.encrypt('620102199001011234')).not.toBe(stored); // random IV
  });

  it('detects tampering (authenticated encryption)', () => {
    const cipher = cipherWith(`k1:${key(1)}`);
    const parts = cipher.encrypt('13912345678').split('.');
    parts[4] = Buffer.from('00000000000', 'utf8').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('reads values written under an older key after rotation', () => {
    const old = cipherWith(`k1:${key(1)}`).encrypt('13912345678');
    const rotated = cipherWith(`k2:${key(2)},k1:${key(1)}`);
    expect(rotated.decrypt(old)).toBe('13912345678');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.keyIdOf(rotated.encrypt('x'))).toBe('k2');
  });

  it('hashes for lookup: stable, keyed, separated by kind', () => {
    const cipher = cipherWith(`k1:${key(1)}`);
    expect(cipher.hash('mobile', '13912345678')).toBe(cipher.hash('mobile', '13912345678'));
    expect(cipher.hash('mobile', '13912345678')).not.toBe(cipher.hash('id_number', '13912345678'));
  });

  it('masks', () => {
    expect(maskMobile('13912345678')).toBe('139****5678');
    expect(maskIdNumber('620102199001011234')).toBe('620102********1234');
  });
});
