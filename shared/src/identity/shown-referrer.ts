import * as z from 'zod/mini';
import '../locale';
import { instantSchema } from '../model/primitives';
import { AVATAR_FILE_ID_MAX } from './avatar-file';
import { maskName } from './mask';
import { NICKNAME_MAX_UNITS, nicknameSchema } from './nickname';

/**
 * The card holder's choice of how friends see them on the invitation (landing page, poster), kept on
 * their customer record with the time it was made. The nickname and avatar are personal
 * information: they are stored only while the holder agrees to show them (`show: true`); withdrawing
 * keeps the decision and its time, and nothing else.
 */
export const shownProfileSchema = z.strictObject({
  show: z.boolean(),
  nickname: z.optional(z.string().check(z.minLength(1), z.maxLength(NICKNAME_MAX_UNITS))),
  avatarFileId: z.optional(z.string().check(z.minLength(1), z.maxLength(AVATAR_FILE_ID_MAX))),
  decidedAt: instantSchema,
});
export type ShownProfile = z.output<typeof shownProfileSchema>;

export interface ShownReferrer {
  /** The nickname the holder chose to show, else the masked name (`王*`). */
  name: string;
  /** The avatar's fileID, only while the holder shows their profile. */
  avatarFileId?: string;
  /** Whether this is the holder's own choice (nickname) rather than the masked name. */
  chosen: boolean;
}

/**
 * What a friend sees of the referrer: their WeChat nickname and avatar only when they agreed to show
 * them and the nickname still passes today's nickname rule; otherwise the masked name and no avatar.
 */
export function shownReferrer(customer: { name: string }, profile: ShownProfile | undefined): ShownReferrer {
  const masked: ShownReferrer = { name: maskName(customer.name), chosen: false };
  if (!profile?.show || profile.nickname === undefined) return masked;
  const nickname = nicknameSchema.safeParse(profile.nickname);
  if (!nickname.success) return masked;
  return {
    name: nickname.data,
    ...(profile.avatarFileId ? { avatarFileId: profile.avatarFileId } : {}),
    chosen: true,
  };
}

/** The record a choice leaves on the holder: what they agreed to show, or only that they did not. */
export function shownProfileRecord(
  choice: { show: true; nickname: string; avatarFileId?: string } | { show: false },
  decidedAt: string,
): ShownProfile {
  if (!choice.show) return { show: false, decidedAt };
  return {
    show: true,
    nickname: choice.nickname,
    ...(choice.avatarFileId ? { avatarFileId: choice.avatarFileId } : {}),
    decidedAt,
  };
}
