import { staffContract } from '@clinic/shared';
import {
  INVITE_MESSAGES,
  checkInviteCode,
  inviteCodeFromQuery,
  tidyInviteCode,
  welcomeText,
} from '../../src/utils/invite-code';
import { JOINED } from '../staff-fixtures';

describe('invite code', () => {
  it('tidies what is typed: upper case, no spaces or hyphens, 8 characters at most', () => {
    expect(tidyInviteCode(' ab2c-d3ef ')).toBe('AB2CD3EF');
    expect(tidyInviteCode('ab2cd3efgh')).toBe('AB2CD3EF');
    expect(tidyInviteCode('')).toBe('');
  });

  it('checks with the contract’s alphabet before anything is sent', () => {
    expect(checkInviteCode('ab2c d3ef')).toEqual({ ok: true, code: 'AB2CD3EF' });
    expect(staffContract.redeemInvite.input.safeParse({ code: 'AB2CD3EF' }).success).toBe(true);
    expect(checkInviteCode('')).toEqual({ ok: false, message: INVITE_MESSAGES.empty });
    expect(checkInviteCode('AB2CD3')).toEqual({ ok: false, message: INVITE_MESSAGES.invalid });
    // 0, 1, I, L and O are not in the alphabet (they read alike).
    expect(checkInviteCode('AB2CD3E0')).toEqual({ ok: false, message: INVITE_MESSAGES.invalid });
    expect(checkInviteCode('AB2CD3EI')).toEqual({ ok: false, message: INVITE_MESSAGES.invalid });
  });

  it('a code from the link is decoded and tidied for the field', () => {
    expect(inviteCodeFromQuery(undefined)).toBe('');
    expect(inviteCodeFromQuery('ab2cd3ef')).toBe('AB2CD3EF');
    expect(inviteCodeFromQuery('AB2C%20D3EF')).toBe('AB2CD3EF');
    expect(inviteCodeFromQuery('%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('the welcome names the store and the post', () => {
    expect(welcomeText(JOINED)).toBe('欢迎加入 悦美一店，岗位：咨询师');
  });
});
