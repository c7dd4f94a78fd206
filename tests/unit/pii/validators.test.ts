import { describe, expect, it } from 'vitest';
import { isLikelyCard, isProvinceCode, isValidKk, isValidNpwp15, isValidNpwp16, luhnValid, parseNik } from '../../../electron/engine/pii';

describe('NIK validation', () => {
  it('accepts a man\'s NIK and reads its parts', () => {
    expect(parseNik('3174051203900001')).toEqual({ province: '31', female: false, day: 12, month: 3, year: 90 });
  });
  it('accepts a woman\'s NIK (day + 40) and reports her birth day', () => {
    expect(parseNik('3174055203900002')).toEqual({ province: '31', female: true, day: 12, month: 3, year: 90 });
  });
  it('rejects Feb 30, day 32, day 72 (female 32) and month 13', () => {
    expect(parseNik('3174053002900001')).toBeNull();
    expect(parseNik('3174053201900001')).toBeNull();
    expect(parseNik('3174057201900001')).toBeNull();
    expect(parseNik('3174051213900001')).toBeNull();
  });
  it('allows Feb 29 only in years divisible by four', () => {
    expect(parseNik('3174052902920001')).not.toBeNull();
    expect(parseNik('3174052902930001')).toBeNull();
    expect(parseNik('3174056902920001')?.female).toBe(true);
  });
  it('rejects province 00, unknown provinces, regency 00, district 00 and serial 0000', () => {
    expect(parseNik('0074051203900001')).toBeNull();
    expect(parseNik('2074051203900001')).toBeNull();
    expect(parseNik('9974051203900001')).toBeNull();
    expect(parseNik('3100051203900001')).toBeNull();
    expect(parseNik('3174001203900001')).toBeNull();
    expect(parseNik('3174051203900000')).toBeNull();
  });
  it('knows the real province codes', () => {
    for (const c of ['11', '19', '21', '31', '36', '51', '53', '61', '65', '71', '76', '81', '82', '91', '96']) expect(isProvinceCode(c)).toBe(true);
    for (const c of ['00', '10', '20', '22', '30', '37', '50', '54', '60', '66', '70', '77', '80', '83', '90', '99']) expect(isProvinceCode(c)).toBe(false);
  });
  it('rejects wrong lengths and non-digits', () => {
    expect(parseNik('317405120390001')).toBeNull();
    expect(parseNik('31740512039000011')).toBeNull();
    expect(parseNik('31740512039000a1')).toBeNull();
  });
});

describe('KK validation', () => {
  it('accepts an issue date and rejects day + 40 (a KK date is not a birth date)', () => {
    expect(isValidKk('3174051201150003')).toBe(true);
    expect(isValidKk('3174055201150003')).toBe(false);
    expect(isValidKk('3174053002150003')).toBe(false);
  });
});

describe('NPWP validation', () => {
  it('accepts known-good NPWPs (Luhn over the first nine digits)', () => {
    expect(isValidNpwp15('013121660091000')).toBe(true);
    expect(isValidNpwp15('016090524017000')).toBe(true);
    expect(isValidNpwp15('021832415000000')).toBe(true);
  });
  it('rejects a wrong check digit and a zero serial', () => {
    expect(isValidNpwp15('013121661091000')).toBe(false);
    expect(isValidNpwp15('013121669091000')).toBe(false);
    expect(isValidNpwp15('010000000091000')).toBe(false);
  });
  it('accepts the 16-digit forms: 0 + NPWP for entities, the NIK for residents', () => {
    expect(isValidNpwp16('0013121660091000')).toBe(true);
    expect(isValidNpwp16('0013121661091000')).toBe(false);
    expect(isValidNpwp16('3174051203900001')).toBe(true);
    expect(isValidNpwp16('3174053002900001')).toBe(false);
  });
});

describe('cards', () => {
  it('checks Luhn and issuer prefixes', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(isLikelyCard('4111111111111111')).toBe(true);
    expect(isLikelyCard('5555555555554444')).toBe(true);
    expect(isLikelyCard('378282246310005')).toBe(true);
    // Luhn-valid but no card issuer starts with 1.
    expect(isLikelyCard('1111111111111117')).toBe(false);
  });
});
