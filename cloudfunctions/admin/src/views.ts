import {
  mayEditProduct,
  mayEditStore,
  storePhotoFolderOf,
  type AdminProduct,
  type AdminStore,
  type LastChange,
  type Scope,
} from '@clinic/shared';
import type { EditStamp, EditableProduct, EditableStore } from '../../data/clinic-edits';

/** Who changed a store or product last, from the stamp on its document. */
export function lastChangeOf(doc: EditStamp): LastChange | undefined {
  if (!doc.updatedByStaffId || !doc.updatedAt) return undefined;
  return { staffId: doc.updatedByStaffId, name: doc.updatedByName ?? '', at: doc.updatedAt };
}

export function storeView(s: EditableStore, scope: Scope | null, photoUrls: Map<string, string>): AdminStore {
  const last = lastChangeOf(s);
  return {
    id: s._id,
    name: s.name,
    address: s.address ?? '',
    active: s.active !== false,
    openingHours: s.openingHours,
    closedDates: s.closedDates ?? [],
    slotMinutes: s.slotMinutes,
    capacityPerSlot: s.capacityPerSlot,
    photoFileIds: s.photoFileIds ?? [],
    photoUrls: Object.fromEntries(
      (s.photoFileIds ?? []).flatMap((id) => {
        const url = photoUrls.get(id);
        return url ? [[id, url] as const] : [];
      }),
    ),
    photoFolder: storePhotoFolderOf(s._id),
    version: s.version ?? 0,
    ...(last ? { lastChange: last } : {}),
    editable: mayEditStore(scope, { id: s._id, chainId: s.chainId }),
  };
}

export function productView(p: EditableProduct, scope: Scope | null): AdminProduct {
  const last = lastChangeOf(p);
  return {
    id: p._id,
    name: p.name,
    category: p.category,
    ...(p.priceFen !== undefined ? { priceFen: p.priceFen } : {}),
    durationMinutes: p.durationMinutes,
    storeIds: p.storeIds ?? [],
    active: p.active !== false,
    version: p.version ?? 0,
    ...(last ? { lastChange: last } : {}),
    editable: mayEditProduct(scope, { chainId: p.chainId, storeIds: p.storeIds ?? [] }),
  };
}
