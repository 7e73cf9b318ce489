/** The 四部回访组 verification queue: the send-back note rule and how an item is described. */
import type { VerificationPage } from '../services/staff';
import { formatDateTime } from './format';
import { reasonLabel, resultLabel } from './staff-labels';

export type VerificationItem = VerificationPage['items'][number];

export const SEND_BACK_NOTE_MAX = 200;

export const VERIFICATION_MESSAGES = {
  noteEmpty: '请填写退回原因，负责人会看到这条说明',
  noteTooLong: `退回原因不能超过 ${SEND_BACK_NOTE_MAX} 个字`,
} as const;

/** Sending back asks the owner to follow up again, so it says why; undefined when the note is fine. */
export function sendBackNoteError(note: string): string | undefined {
  const text = note.trim();
  if (!text) return VERIFICATION_MESSAGES.noteEmpty;
  if (text.length > SEND_BACK_NOTE_MAX) return VERIFICATION_MESSAGES.noteTooLong;
  return undefined;
}

/** The lines of one queue item: the result with its reason, and who submitted it when. */
export function verificationLines(item: VerificationItem): { result: string; submitted: string } {
  const reason = item.reason ? `（${reasonLabel(item.reason)}）` : '';
  const by = item.submittedByName ? `${item.submittedByName} ` : '';
  return {
    result: `${resultLabel(item.result)}${reason}`,
    submitted: `${by}提交于 ${formatDateTime(item.submittedAt)}`,
  };
}

/** What a confirm does, asked before it is done. */
export function confirmRemovalText(item: VerificationItem): string {
  return item.result === 'V4'
    ? `确认 ${item.displayName} 已在竞品消费？确认后移出跟进名单（记录保留，不会删除）。`
    : `确认 ${item.displayName} 的号码已失效？确认后移出跟进名单（记录保留，不会删除）。`;
}
