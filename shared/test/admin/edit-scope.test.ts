import { catalogScope, mayEditProduct, mayEditStore, productEditRight, productVisible, type Scope } from '../../src';

const chain: Scope = { kind: 'chain', chainId: 'c1' };
const store1: Scope = { kind: 'store', chainId: 'c1', storeId: 's1' };
const person: Scope = { kind: 'person', chainId: 'c1', storeId: 's1', staffId: 'x' };

describe('who edits what (catalogue scope)', () => {
  test('catalogue scope: an admin edits the chain even without a manager post; a colleague nothing', () => {
    expect(catalogScope({ scope: person, chainId: 'c1', admin: true })).toEqual(chain);
    expect(catalogScope({ scope: chain, chainId: 'c1', admin: false })).toEqual(chain);
    expect(catalogScope({ scope: store1, chainId: 'c1', admin: false })).toEqual(store1);
    expect(catalogScope({ scope: person, chainId: 'c1', admin: false })).toBeNull();
    expect(catalogScope({ scope: null, chainId: 'c1', admin: false })).toBeNull();
  });

  test('store edit: a store manager edits only their own store; chain managers any store of their chain', () => {
    expect(mayEditStore(store1, { id: 's1', chainId: 'c1' })).toBe(true);
    expect(mayEditStore(store1, { id: 's2', chainId: 'c1' })).toBe(false);
    expect(mayEditStore(chain, { id: 's2', chainId: 'c1' })).toBe(true);
    expect(mayEditStore(chain, { id: 's9', chainId: 'other' })).toBe(false);
    expect(mayEditStore(person, { id: 's1', chainId: 'c1' })).toBe(false);
    expect(mayEditStore(null, { id: 's1', chainId: 'c1' })).toBe(false);
  });

  test('product edit: a store manager edits (or adds) only their store’s own products; another store’s look missing', () => {
    const own = { chainId: 'c1', storeIds: ['s1'] };
    expect(productEditRight(store1, own, ['s1'])).toEqual({ ok: true });
    expect(productEditRight(store1, null, ['s1'])).toEqual({ ok: true });
    // Offered by another store only: not theirs to see.
    expect(productEditRight(store1, { chainId: 'c1', storeIds: ['s2'] }, ['s1'])).toMatchObject({ code: 'NOT_FOUND' });
    // Shared with other stores (or every store): visible, not theirs to change.
    expect(productEditRight(store1, { chainId: 'c1', storeIds: [] }, ['s1'])).toMatchObject({ code: 'FORBIDDEN' });
    expect(productEditRight(store1, { chainId: 'c1', storeIds: ['s1', 's2'] }, ['s1'])).toMatchObject({
      code: 'FORBIDDEN',
    });
    // Nor may they hand their product to other stores, or add one for the chain.
    expect(productEditRight(store1, own, ['s1', 's2'])).toMatchObject({ code: 'FORBIDDEN' });
    expect(productEditRight(store1, null, [])).toMatchObject({ code: 'FORBIDDEN' });
    expect(productEditRight(chain, { chainId: 'c1', storeIds: [] }, ['s1', 's2'])).toEqual({ ok: true });
    expect(productEditRight(chain, { chainId: 'c2', storeIds: [] }, [])).toMatchObject({ code: 'NOT_FOUND' });
    expect(productEditRight(person, own, ['s1'])).toMatchObject({ code: 'NOT_FOUND' });
    expect(productEditRight(null, null, ['s1'])).toMatchObject({ code: 'NOT_FOUND' });
    expect(mayEditProduct(store1, own)).toBe(true);
    expect(mayEditProduct(store1, { chainId: 'c1', storeIds: [] })).toBe(false);
  });

  test('product visibility: a store manager sees what their store offers (shared ones read-only), nothing else', () => {
    expect(productVisible(store1, { chainId: 'c1', storeIds: [] })).toBe(true);
    expect(productVisible(store1, { chainId: 'c1', storeIds: ['s1'] })).toBe(true);
    expect(productVisible(store1, { chainId: 'c1', storeIds: ['s2'] })).toBe(false);
    expect(productVisible(chain, { chainId: 'c1', storeIds: ['s2'] })).toBe(true);
  });
});
