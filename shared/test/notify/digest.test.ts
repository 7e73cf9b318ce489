import {
  checkTemplateData,
  checkWeComNotice,
  staffDigestNotice,
  DEFAULT_SETTINGS,
  digestDue,
  digestKey,
  digestSummary,
  parseSettings,
  shanghaiHour,
  staffDigestMessage,
  visitReminderMessage,
  WORKBENCH_PAGE,
  MESSAGE_KINDS,
  REFERRAL_PROGRESS,
  bookedDetail,
  referralUpdateMessage,
  type MessageKind,
  type SubscribeMessage,
} from '../../src';

const LONG_STORE = '悦美医疗美容连锁集团上海市浦东新区陆家嘴旗舰店二部';
const LONG_NAME = '欧阳' + '字'.repeat(30);

describe('staff digest: one a day per person', () => {
  test('digest: the key is one per staff member and Shanghai day', () => {
    expect(digestKey('staff-1', '2027-03-01')).toBe('digest_2027-03-01_staff-1');
    expect(digestKey('staff-1', '2027-03-02')).not.toBe(digestKey('staff-1', '2027-03-01'));
    expect(digestKey('staff-2', '2027-03-01')).not.toBe(digestKey('staff-1', '2027-03-01'));
  });

  test('digest: due from the clinic’s hour (Shanghai) on, the rest of the day', () => {
    // 01:00Z is 09:00 in Shanghai.
    expect(shanghaiHour(new Date('2027-03-01T01:00:00Z'))).toBe(9);
    expect(shanghaiHour(new Date('2027-03-01T16:30:00Z'))).toBe(0);
    expect(digestDue(new Date('2027-03-01T00:59:59Z'), 9)).toBe(false);
    expect(digestDue(new Date('2027-03-01T01:00:00Z'), 9)).toBe(true);
    expect(digestDue(new Date('2027-03-01T15:00:00Z'), 9)).toBe(true);
    expect(digestDue(new Date('2027-03-01T16:00:00Z'), 9)).toBe(false);
  });

  test('digest: the summary line reads 今日回访 n 条，逾期 m 条 and always fits a thing', () => {
    expect(digestSummary({ today: 12, overdue: 3 })).toBe('今日回访 12 条，逾期 3 条');
    expect(digestSummary({ today: 0, overdue: 0 })).toBe('今日回访 0 条，逾期 0 条');
    expect(digestSummary({ today: 999, overdue: 999 })).toBe('今日回访 999 条，逾期 999 条');
    expect(digestSummary({ today: 1000, overdue: 12345 })).toBe('今日回访999+条，逾期999+条');
    expect(digestSummary({ today: 1000, overdue: 1 })).toBe('今日回访 999+ 条，逾期 1 条');
  });

  test('escalation: a store manager’s line adds the store’s escalated tasks and still fits a thing', () => {
    expect(digestSummary({ today: 2, overdue: 1, escalated: 5, reassign: 2 })).toBe('回访 2，逾期 1，督办 5');
    expect(digestSummary({ today: 0, overdue: 0, escalated: 0, reassign: 0 })).toBe('今日回访 0 条，逾期 0 条');
    expect(digestSummary({ today: 1000, overdue: 1000, escalated: 1000 })).toBe('回访999+，逾期999+，督办999+');
    expect(digestSummary({ today: 12, overdue: 300, escalated: 45 })).toBe('回访 12，逾期 300，督办 45');
    const wide = staffDigestMessage({
      touser: 'o',
      templateId: 't',
      today: 123_456,
      overdue: 98_765,
      escalated: 5_000,
      reassign: 4_000,
      storeName: LONG_STORE,
    });
    expect(checkTemplateData(wide.data)).toEqual([]);
  });

  test('escalation: the WeCom card names the store’s escalations and how many to reassign', () => {
    const notice = staffDigestNotice({ today: 1, overdue: 0, escalated: 5, reassign: 2, storeName: '悦美一店' });
    expect(notice.items[3]).toEqual({ key: '本店督办', value: '5 条（需改派 2 条）' });
    expect(staffDigestNotice({ today: 1, overdue: 0, escalated: 3, reassign: 0, storeName: '一店' }).items[3]).toEqual({
      key: '本店督办',
      value: '3 条',
    });
    expect(staffDigestNotice({ today: 1, overdue: 0, storeName: '一店' }).items).toHaveLength(3);
    expect(checkWeComNotice(notice)).toEqual([]);
  });

  test('digest: the message opens the workbench with the counts and the first customer', () => {
    const message = staffDigestMessage({
      touser: 'o-staff',
      templateId: 'tmpl-staff-digest',
      today: 12,
      overdue: 3,
      firstCustomer: '张*',
      storeName: '悦美 · 一店',
    });
    expect(message).toEqual({
      touser: 'o-staff',
      templateId: 'tmpl-staff-digest',
      page: WORKBENCH_PAGE,
      data: {
        thing1: { value: '今日回访 12 条，逾期 3 条' },
        number2: { value: '12' },
        number3: { value: '3' },
        thing4: { value: '张*' },
        thing5: { value: '悦美 · 一店' },
      },
    });
    const bare = staffDigestMessage({ touser: 'o', templateId: 't', today: 0, overdue: 1, storeName: ' ' });
    expect(bare.data.thing4).toEqual({ value: '无' });
    expect(bare.data.thing5).toEqual({ value: '本店' });
  });
});

describe('every message kind passes the field limits (no 47003 in production)', () => {
  const cases: Record<MessageKind, SubscribeMessage[]> = {
    staff_digest: [
      staffDigestMessage({
        touser: 'o',
        templateId: 't',
        today: 12,
        overdue: 3,
        firstCustomer: '张*',
        storeName: '一店',
      }),
      staffDigestMessage({
        touser: 'o',
        templateId: 't',
        today: 123_456,
        overdue: 98_765,
        firstCustomer: LONG_NAME,
        storeName: LONG_STORE,
      }),
      staffDigestMessage({ touser: 'o', templateId: 't', today: 0, overdue: 0, firstCustomer: '', storeName: '' }),
    ],
    visit_reminder: [
      visitReminderMessage(
        { openid: 'o', date: '2027-03-02', slot: '10:00', id: 'B7K2Q9XA' },
        { storeName: '悦美医疗美容 · 一店', productName: '肉毒素' },
        't',
      ),
      visitReminderMessage(
        { openid: 'o', date: '2027-03-02', slot: '10:00', id: 'B7K2Q9XA' },
        { storeName: LONG_STORE, productName: LONG_NAME },
        't',
      ),
      visitReminderMessage(
        { openid: 'o', date: '2027-03-02', slot: '10:00', id: 'B7K2Q9XA' },
        { storeName: '', productName: '' },
        't',
      ),
    ],
    referral_update: REFERRAL_PROGRESS.flatMap((progress) => [
      referralUpdateMessage({
        touser: 'o',
        templateId: 't',
        progress,
        friendMaskedName: '刘*',
        date: '2027-03-01',
        detail: progress === 'rewarded' ? '返利金 ¥50.00' : bookedDetail('2027-03-02', '10:00'),
      }),
      referralUpdateMessage({
        touser: 'o',
        templateId: 't',
        progress,
        friendMaskedName: LONG_NAME,
        date: '2027-12-31',
        detail: progress === 'rewarded' ? `实物礼品 ${LONG_NAME}` : bookedDetail('2027-12-31', '21:30'),
      }),
      referralUpdateMessage({ touser: 'o', templateId: 't', progress, friendMaskedName: ' ', date: '2027-03-01' }),
    ]),
  };

  test.each(MESSAGE_KINDS.map((kind) => [kind]))('template fields: every %s message is within the limits', (kind) => {
    for (const message of cases[kind]) expect(checkTemplateData(message.data)).toEqual([]);
  });
});

describe('notification settings (defaults keep existing settings valid)', () => {
  test('settings: digest hour 9, one-time digest template, subscribe then in-app', () => {
    expect(DEFAULT_SETTINGS.notifications).toMatchObject({
      digestHour: 9,
      staffDigestLongTerm: false,
      channelOrder: {
        staff_digest: ['subscribe', 'in_app'],
        visit_reminder: ['subscribe', 'in_app'],
        referral_update: ['subscribe', 'in_app'],
      },
    });
    // Customers are not WeCom members: their kinds cannot be ordered onto WeCom.
    expect(() => parseSettings({ notifications: { channelOrder: { referral_update: ['wecom'] as never } } })).toThrow();
    expect(parseSettings({ notifications: { staffDigestTemplateId: 'x' } }).notifications.digestHour).toBe(9);
    expect(() => parseSettings({ notifications: { digestHour: 24 } })).toThrow();
    expect(() => parseSettings({ notifications: { channelOrder: { staff_digest: ['pager' as never] } } })).toThrow();
    expect(() => parseSettings({ notifications: { channelOrder: { staff_digest: [] } } })).toThrow();
  });
});

describe('the staff digest as a WeCom card', () => {
  test('the same facts, within WeCom’s limits, opening the workbench', () => {
    const notice = staffDigestNotice({ today: 12, overdue: 3, firstCustomer: '王*', storeName: '悦美一店' });
    expect(notice).toEqual({
      page: 'packages/staff/pages/workbench/index',
      title: '今日回访提醒',
      description: '悦美一店',
      emphasiseFirst: true,
      items: [
        { key: '今日回访', value: '12 条' },
        { key: '逾期', value: '3 条' },
        { key: '首位客户', value: '王*' },
      ],
    });
    expect(checkWeComNotice(notice)).toEqual([]);
  });

  test('long and short store names still fit (description 4–12 characters); no first customer says 无', () => {
    for (const storeName of ['', '店', '悦美医疗美容（上海静安旗舰店·南京西路）']) {
      const notice = staffDigestNotice({ today: 100_000, overdue: 0, storeName });
      expect(checkWeComNotice(notice)).toEqual([]);
      expect(notice.items[2]).toEqual({ key: '首位客户', value: '无' });
    }
  });
});
