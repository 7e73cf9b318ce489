import { normalizePersonName } from '../identity/person-name';
import { normalizePhone } from '../identity/phone';
import type { Department } from '../model/people';
import { compareDates, type LocalDate } from '../time/shanghai';
import { cellText, parseCellDate, parseStarLevel, type CellValue } from './cells';
import type { ImportColumnKey } from './columns';

/** Why a row cannot be imported as it is, in the order the row's columns are checked. */
export const ROW_ERROR_REASONS = {
  bad_name: '姓名有误',
  bad_phone: '手机号有误',
  duplicate_in_file: '文件内手机号重复',
  bad_star: '星级有误',
  bad_date: '日期有误',
  missing_store: '未填写门店',
  unknown_store: '门店不存在',
  store_out_of_scope: '无权导入该门店',
  unknown_owner: '归属员工不存在',
  ambiguous_owner: '归属员工重名',
  owner_not_in_store: '归属员工不在该门店',
  owner_inactive: '归属员工已停用',
  bad_note: '备注过长',
} as const;
export type RowErrorReason = keyof typeof ROW_ERROR_REASONS;

export const NOTE_MAX_CHARS = 200;
/** No CRM has treatments before this; an earlier date is a typing error. */
export const EARLIEST_TREATMENT_DATE = '1990-01-01';

/** A store of the caller's chain; `importable` when the caller may import into it (their scope). */
export interface ImportStore {
  id: string;
  name: string;
  importable: boolean;
}

/** A staff member of the chain, as owner lookups need them. */
export interface ImportStaff {
  id: string;
  name: string;
  phone?: string;
  storeId: string;
  department: Department;
  active: boolean;
}

export interface RowContext {
  /** Today in Shanghai: a treatment date after it is refused. */
  today: LocalDate;
  stores: readonly ImportStore[];
  staff: readonly ImportStaff[];
  /** Where a row with an empty 门店 goes (the store the manager chose on the page). */
  defaultStoreId?: string;
}

/** A row that passed every check: what an import writes. */
export interface ImportRow {
  /** The row's number in the file (the header is row 1). */
  row: number;
  name: string;
  phone: string;
  storeId: string;
  starLevel?: number;
  lastTreatmentDate?: LocalDate;
  ownerStaffId?: string;
  ownerDepartment?: Department;
  note?: string;
}

export interface RowProblem {
  reason: RowErrorReason;
  message: string;
}

export type RowCheck =
  | { ok: true; row: ImportRow }
  | {
      ok: false;
      row: number;
      /** Every problem of the row, in column order; the first one counts the row. */
      problems: RowProblem[];
      /** The canonical phone when it was valid (duplicates are found on it even in a row with errors). */
      phone?: string;
    };

export type RowCells = Partial<Record<ImportColumnKey, CellValue>>;

const problem = (reason: RowErrorReason, message: string): RowProblem => ({ reason, message });
const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * Builds the per-row check for one import: indexes the chain's stores and staff once, then checks a
 * row at a time (no I/O) — name, phone, star level, date, store (and the caller's right to it),
 * owner (by 工号, else 员工手机号, else 归属员工 within the row's store), note.
 */
export function rowChecker(ctx: RowContext): (cells: RowCells, rowNumber: number) => RowCheck {
  const storeById = new Map(ctx.stores.map((s) => [s.id, s]));
  const storeByName = new Map(ctx.stores.map((s) => [squash(s.name), s]));
  /** 「一店」 for 「悦美医疗美容 · 一店」: the end of one store's name, and of no other's. */
  const storeBySuffix = (typed: string): ImportStore | undefined => {
    const matches = ctx.stores.filter((s) => squash(s.name).endsWith(typed));
    return matches.length === 1 ? matches[0] : undefined;
  };
  const staffById = new Map(ctx.staff.map((s) => [s.id, s]));
  const staffByPhone = new Map<string, ImportStaff[]>();
  const staffByName = new Map<string, ImportStaff[]>();
  for (const member of ctx.staff) {
    if (member.phone) staffByPhone.set(member.phone, [...(staffByPhone.get(member.phone) ?? []), member]);
    const key = squash(member.name);
    staffByName.set(key, [...(staffByName.get(key) ?? []), member]);
  }

  function storeOf(cells: RowCells): { storeId?: string; problem?: RowProblem } {
    const text = cellText(cells.store ?? null);
    if (text === '') {
      const fallback = ctx.defaultStoreId ? storeById.get(ctx.defaultStoreId) : undefined;
      if (!fallback) return { problem: problem('missing_store', '请填写门店，或在页面上选择导入到哪家门店') };
      return fallback.importable
        ? { storeId: fallback.id }
        : { problem: problem('store_out_of_scope', `您无权导入到「${fallback.name}」`) };
    }
    const store = storeById.get(text) ?? storeByName.get(squash(text)) ?? storeBySuffix(squash(text));
    if (!store) return { problem: problem('unknown_store', `门店「${text}」不存在，请填写门店名称或编号`) };
    if (!store.importable) return { problem: problem('store_out_of_scope', `您无权导入到「${store.name}」`) };
    return { storeId: store.id };
  }

  function ownerOf(cells: RowCells, storeId: string | undefined): { owner?: ImportStaff; problem?: RowProblem } {
    const id = cellText(cells.ownerId ?? null);
    const phoneText = cellText(cells.ownerPhone ?? null);
    const name = cellText(cells.ownerName ?? null);
    let candidates: ImportStaff[];
    let asTyped: string;
    if (id !== '') {
      candidates = staffById.has(id) ? [staffById.get(id) as ImportStaff] : [];
      asTyped = `工号 ${id}`;
    } else if (phoneText !== '') {
      const phone = normalizePhone(phoneText);
      candidates = phone.ok ? (staffByPhone.get(phone.phone) ?? []) : [];
      asTyped = `手机号 ${phoneText}`;
    } else if (name !== '') {
      const sameName = staffByName.get(squash(name)) ?? [];
      // A name is only unique within a store: look in the row's store first, among active colleagues.
      const inStore = sameName.filter((s) => s.storeId === storeId);
      const active = inStore.filter((s) => s.active);
      candidates = active.length > 0 ? active : inStore.length > 0 ? inStore : sameName;
      asTyped = `「${name}」`;
    } else {
      return {};
    }
    if (candidates.length === 0) return { problem: problem('unknown_owner', `找不到归属员工${asTyped}`) };
    if (candidates.length > 1) {
      return { problem: problem('ambiguous_owner', `归属员工${asTyped}有重名，请改填员工手机号或工号`) };
    }
    const owner = candidates[0] as ImportStaff;
    if (storeId !== undefined && owner.storeId !== storeId) {
      return { problem: problem('owner_not_in_store', `归属员工${asTyped}不在该行的门店`) };
    }
    if (!owner.active) return { problem: problem('owner_inactive', `归属员工${asTyped}已停用，请改为在职员工`) };
    return { owner };
  }

  return (cells, rowNumber) => {
    const problems: RowProblem[] = [];
    const name = normalizePersonName(cellText(cells.name ?? null));
    if (!name.ok) problems.push(problem('bad_name', name.message));
    const phone = normalizePhone(cellText(cells.phone ?? null));
    if (!phone.ok) problems.push(problem('bad_phone', phone.message));

    const starCell = cells.starLevel ?? null;
    const starLevel = parseStarLevel(starCell);
    if (starLevel === null) problems.push(problem('bad_star', `星级「${cellText(starCell)}」有误，应为 1–5 星`));

    const dateCell = cells.lastTreatmentDate ?? null;
    const dateText = cellText(dateCell);
    const lastTreatmentDate = dateText === '' ? undefined : parseCellDate(dateCell);
    if (lastTreatmentDate === null) {
      problems.push(problem('bad_date', `最近治疗日期「${dateText}」无法识别，请写成 2026-11-05`));
    } else if (lastTreatmentDate !== undefined && compareDates(lastTreatmentDate, ctx.today) > 0) {
      problems.push(problem('bad_date', `最近治疗日期 ${lastTreatmentDate} 晚于今天`));
    } else if (lastTreatmentDate !== undefined && compareDates(lastTreatmentDate, EARLIEST_TREATMENT_DATE) < 0) {
      problems.push(problem('bad_date', `最近治疗日期 ${lastTreatmentDate} 过早，请核对`));
    }

    const store = storeOf(cells);
    if (store.problem) problems.push(store.problem);
    const owner = ownerOf(cells, store.storeId);
    if (owner.problem) problems.push(owner.problem);

    const note = cellText(cells.note ?? null);
    if ([...note].length > NOTE_MAX_CHARS) problems.push(problem('bad_note', `备注不能超过 ${NOTE_MAX_CHARS} 个字`));

    // (The first three only narrow the types: each of them also added a problem.)
    if (!name.ok || !phone.ok || store.storeId === undefined || problems.length > 0) {
      return { ok: false, row: rowNumber, problems, ...(phone.ok ? { phone: phone.phone } : {}) };
    }
    return {
      ok: true,
      row: {
        row: rowNumber,
        name: name.name,
        phone: phone.phone,
        storeId: store.storeId,
        ...(typeof starLevel === 'number' ? { starLevel } : {}),
        ...(lastTreatmentDate ? { lastTreatmentDate } : {}),
        ...(owner.owner ? { ownerStaffId: owner.owner.id, ownerDepartment: owner.owner.department } : {}),
        ...(note !== '' ? { note } : {}),
      },
    };
  };
}

/**
 * One row per phone: the first row of a phone (valid phone, whatever else is wrong with it) keeps
 * it; every later row with that phone is a duplicate, named after the row that came first.
 */
export function markDuplicates(checks: readonly RowCheck[]): RowCheck[] {
  const firstRow = new Map<string, number>();
  return checks.map((check) => {
    const phone = check.ok ? check.row.phone : check.phone;
    if (phone === undefined) return check;
    const first = firstRow.get(phone);
    if (first === undefined) {
      firstRow.set(phone, check.ok ? check.row.row : check.row);
      return check;
    }
    const duplicate = problem('duplicate_in_file', `与第 ${first} 行的手机号重复，同一手机号只导入一次`);
    return check.ok
      ? { ok: false, row: check.row.row, problems: [duplicate], phone }
      : { ...check, problems: [duplicate, ...check.problems] };
  });
}
