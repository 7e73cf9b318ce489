import type { InvitationClinic } from '@clinic/shared';

/** The clinic as resolveLanding answers it: fileIDs become URLs; a photo storage no longer has is left out. */
export function clinicView(clinic: InvitationClinic, urls: ReadonlyMap<string, string>) {
  return {
    ...(clinic.institutionName ? { institutionName: clinic.institutionName } : {}),
    ...(clinic.licenceNumber ? { licenceNumber: clinic.licenceNumber } : {}),
    doctors: clinic.doctors.map(({ photoFileId, ...doctor }) => {
      const photoUrl = photoFileId ? urls.get(photoFileId) : undefined;
      return { ...doctor, ...(photoUrl ? { photoUrl } : {}) };
    }),
    stores: clinic.stores.map(({ photoFileIds, ...store }) => ({
      ...store,
      photoUrls: photoFileIds.flatMap((id) => {
        const url = urls.get(id);
        return url ? [url] : [];
      }),
    })),
  };
}
