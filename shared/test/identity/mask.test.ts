import { inScope, maskName, maskPhone, scopeFilter, scopeOf } from '../../src';

describe('masking for display', () => {
  test('phone: 138****8000', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('1234567')).toBe('1234567'.slice(0, 3) + '4567');
    expect(maskPhone('123456')).toBe('******');
  });
  test('names: 张*, 欧阳**, and non-Chinese names', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('欧阳娜')).toBe('欧阳*');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('')).toBe('');
    expect(maskName('Anna')).toBe('A***');
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });
  test('a one-character name is masked whole: 林 → * (nothing identifying remains)', () => {
    expect(maskName('林')).toBe('*');
    expect(maskName(' 王 ')).toBe('*');
    expect(maskName('𠮷')).toBe('*');
    expect(maskName('A')).toBe('*');
    // Every masked name hides at least one character and never shows the whole name.
    for (const name of ['林', '张三', '欧阳', '欧阳娜', 'Li']) {
      expect(maskName(name)).not.toBe(name);
      expect(maskName(name)).toMatch(/\*$/);
    }
  });
});

describe('scopes (§1: person / store / chain)', () => {
  const rec = { chainId: 'c1', storeId: 's1', staffId: 'st1' };
  test('staff see their own, store managers the store, general managers and channel leads the chain', () => {
    const me = scopeOf({ role: 'staff', staffId: 'st1', chainId: 'c1', storeId: 's1' });
    expect(me).toEqual({ kind: 'person', chainId: 'c1', storeId: 's1', staffId: 'st1' });
    expect(inScope(me!, rec)).toBe(true);
    expect(inScope(me!, { ...rec, staffId: 'st2' })).toBe(false);
    expect(inScope(me!, { chainId: 'c1', storeId: 's1' })).toBe(false);
    const store = scopeOf({ role: 'staff', staffId: 'm', chainId: 'c1', storeId: 's1', managerKind: 'store_manager' });
    expect(store).toEqual({ kind: 'store', chainId: 'c1', storeId: 's1' });
    expect(inScope(store!, { ...rec, staffId: 'st2' })).toBe(true);
    expect(inScope(store!, { ...rec, storeId: 's2' })).toBe(false);
    for (const managerKind of ['general_manager', 'channel_lead'] as const) {
      const chain = scopeOf({ role: 'staff', staffId: 'g', chainId: 'c1', storeId: 's1', managerKind });
      expect(chain).toEqual({ kind: 'chain', chainId: 'c1' });
      expect(inScope(chain!, { ...rec, storeId: 's9' })).toBe(true);
      expect(inScope(chain!, { ...rec, chainId: 'c2' })).toBe(false);
    }
    expect(scopeOf({ role: 'admin', chainId: 'c1' })).toEqual({ kind: 'chain', chainId: 'c1' });
    expect(scopeOf({ role: 'customer', customerId: 'p', chainId: 'c1' })).toBeNull();
  });
  test('scope filters for queries', () => {
    expect(scopeFilter({ kind: 'chain', chainId: 'c1' })).toEqual({ chainId: 'c1' });
    expect(scopeFilter({ kind: 'store', chainId: 'c1', storeId: 's1' })).toEqual({ chainId: 'c1', storeId: 's1' });
    expect(scopeFilter({ kind: 'person', chainId: 'c1', storeId: 's1', staffId: 'x' })).toEqual({
      chainId: 'c1',
      storeId: 's1',
      staffId: 'x',
    });
  });
});
