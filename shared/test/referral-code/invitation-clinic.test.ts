import { DEFAULT_SETTINGS, invitationClinic, invitationFileIds, parseSettings } from '../../src';

const store = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  chainId: 'chain',
  name: `店 ${id}`,
  address: `地址 ${id}`,
  active: true,
  photoFileIds: [`cloud://e.b/clinic/${id}-1.png`],
  ...over,
});
const REFERRER = { chainId: 'chain', storeId: 's2' };

describe('invitation clinic: what a friend sees of the clinic', () => {
  test('empty settings: no licence, no doctors — nothing for the page to give a heading to', () => {
    const clinic = invitationClinic(DEFAULT_SETTINGS.clinicProfile, [], REFERRER);
    expect(clinic).toEqual({ doctors: [], stores: [] });
    expect(invitationFileIds(clinic)).toEqual([]);
  });

  test('the licence and the institution, trimmed; the institution only beside a licence number', () => {
    const filled = parseSettings({ clinicProfile: { institutionName: ' 悦美门诊部 ', licenceNumber: ' PDY1 ' } });
    expect(invitationClinic(filled.clinicProfile, [], REFERRER)).toMatchObject({
      institutionName: '悦美门诊部',
      licenceNumber: 'PDY1',
    });
    const nameOnly = parseSettings({ clinicProfile: { institutionName: '悦美门诊部', licenceNumber: '  ' } });
    expect(invitationClinic(nameOnly.clinicProfile, [], REFERRER)).toEqual({ doctors: [], stores: [] });
  });

  test('the referrer’s store first, then by id; other chains and closed stores are left out', () => {
    const clinic = invitationClinic(
      DEFAULT_SETTINGS.clinicProfile,
      [store('s3'), store('s1'), store('s2'), store('s0', { active: false }), store('x1', { chainId: 'other' })],
      REFERRER,
    );
    expect(clinic.stores.map((s) => s.id)).toEqual(['s2', 's1', 's3']);
  });

  test('bounded: 8 doctors, 5 stores, 3 photos a store; every picture once for one URL call', () => {
    const doctors = Array.from({ length: 8 }, (_, i) => ({
      name: `医生${i}`,
      photoFileId: i < 2 ? 'cloud://e.b/clinic/same.png' : undefined,
    }));
    const profile = parseSettings({ clinicProfile: { doctors } }).clinicProfile;
    const stores = Array.from({ length: 7 }, (_, i) =>
      store(`s${i}`, { photoFileIds: Array.from({ length: 5 }, (_, j) => `cloud://e.b/clinic/s${i}-${j}.png`) }),
    );
    const clinic = invitationClinic(profile, stores, REFERRER);
    expect(clinic.doctors).toHaveLength(8);
    expect(clinic.doctors[0]).toEqual({
      name: '医生0',
      title: '',
      licenceNumber: '',
      specialties: '',
      photoFileId: 'cloud://e.b/clinic/same.png',
    });
    expect(clinic.doctors[2]).not.toHaveProperty('photoFileId');
    expect(clinic.stores).toHaveLength(5);
    expect(clinic.stores.every((s) => s.photoFileIds.length === 3)).toBe(true);
    const ids = invitationFileIds(clinic);
    expect(ids).toHaveLength(1 + 5 * 3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => parseSettings({ clinicProfile: { doctors: [...doctors, { name: '多一位' }] } })).toThrow();
  });

  test('a store without photos is still shown with its address', () => {
    const clinic = invitationClinic(
      DEFAULT_SETTINGS.clinicProfile,
      [store('s2', { photoFileIds: undefined })],
      REFERRER,
    );
    expect(clinic.stores).toEqual([{ id: 's2', name: '店 s2', address: '地址 s2', photoFileIds: [] }]);
  });
});
