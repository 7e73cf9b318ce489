import type { Store } from '../model/store';
import type { ClinicProfile } from '../settings/clinic-profile';

/** How much of the clinic one invitation carries (the contract's bounds). */
export const INVITATION_LIMITS = { doctors: 8, stores: 5, photosPerStore: 3 } as const;

export interface InvitationDoctor {
  name: string;
  title: string;
  licenceNumber: string;
  specialties: string;
  photoFileId?: string;
}

export interface InvitationStore {
  id: string;
  name: string;
  address: string;
  photoFileIds: string[];
}

export interface InvitationClinic {
  institutionName?: string;
  licenceNumber?: string;
  doctors: InvitationDoctor[];
  stores: InvitationStore[];
}

type StoreFacts = Pick<Store, 'id' | 'chainId' | 'name' | 'address' | 'active'> & { photoFileIds?: string[] };

/**
 * What the invitation shows of the clinic, from its settings and stores: the licence when it is
 * filled in, the doctors, and the chain's open stores — the referrer's own store first (the friend
 * is most likely to go where their friend goes), then by id. Empty strings are left out, so the page
 * never shows a heading with nothing under it.
 */
export function invitationClinic(
  profile: ClinicProfile,
  stores: readonly StoreFacts[],
  referrer: { chainId: string; storeId: string },
): InvitationClinic {
  const institutionName = profile.institutionName.trim();
  const licenceNumber = profile.licenceNumber.trim();
  const doctors = profile.doctors.slice(0, INVITATION_LIMITS.doctors).map((d) => ({
    name: d.name,
    title: d.title,
    licenceNumber: d.licenceNumber,
    specialties: d.specialties,
    ...(d.photoFileId ? { photoFileId: d.photoFileId } : {}),
  }));
  const open = stores
    .filter((s) => s.chainId === referrer.chainId && s.active !== false)
    .sort((a, b) => rank(a, referrer.storeId) - rank(b, referrer.storeId) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, INVITATION_LIMITS.stores)
    .map((s) => ({
      id: s.id,
      name: s.name,
      address: s.address,
      photoFileIds: (s.photoFileIds ?? []).slice(0, INVITATION_LIMITS.photosPerStore),
    }));
  return {
    ...(institutionName && licenceNumber ? { institutionName } : {}),
    ...(licenceNumber ? { licenceNumber } : {}),
    doctors,
    stores: open,
  };
}

const rank = (store: { id: string }, referrerStoreId: string) => (store.id === referrerStoreId ? 0 : 1);

/** Every fileID the invitation shows, once each, for one getTempFileURL call. */
export function invitationFileIds(clinic: InvitationClinic): string[] {
  const ids = [
    ...clinic.doctors.flatMap((d) => (d.photoFileId ? [d.photoFileId] : [])),
    ...clinic.stores.flatMap((s) => s.photoFileIds),
  ];
  return [...new Set(ids)];
}
