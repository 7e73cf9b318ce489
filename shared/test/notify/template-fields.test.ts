import { checkTemplateData, fieldKindOf, fitThing } from '../../src';

describe('subscribe-message field limits (47003 is a template bug, caught here)', () => {
  test('template fields: a key names its kind; an unknown kind is a problem', () => {
    expect(fieldKindOf('thing1')).toBe('thing');
    expect(fieldKindOf('character_string4')).toBe('character_string');
    expect(fieldKindOf('phone_number12')).toBe('phone_number');
    expect(fieldKindOf('thing')).toBeUndefined();
    expect(fieldKindOf('colour1')).toBeUndefined();
    expect(checkTemplateData({ colour1: { value: 'red' } })).toEqual([
      { key: 'colour1', problem: 'unknown_kind', detail: expect.stringContaining('colour1') },
    ]);
  });

  test('template fields: an empty value is refused whatever the kind', () => {
    expect(checkTemplateData({ thing1: { value: '' }, number2: { value: '  ' } }).map((p) => p.problem)).toEqual([
      'empty',
      'empty',
    ]);
  });

  test('template fields: thing holds 20 characters, counted in code points', () => {
    expect(checkTemplateData({ thing1: { value: '字'.repeat(20) } })).toEqual([]);
    expect(checkTemplateData({ thing1: { value: '𠀋'.repeat(20) } })).toEqual([]);
    expect(checkTemplateData({ thing1: { value: '字'.repeat(21) } })).toEqual([
      { key: 'thing1', problem: 'too_long', detail: '20 个以内字符' },
    ]);
  });

  test('template fields: number, letter, symbol and character_string', () => {
    const ok = {
      number1: { value: '12' },
      number2: { value: '3.50' },
      letter3: { value: 'ABc' },
      symbol4: { value: '%' },
      character_string5: { value: 'B7K2-9X' },
    };
    expect(checkTemplateData(ok)).toEqual([]);
    const problems = checkTemplateData({
      number1: { value: '1'.repeat(33) },
      number2: { value: '12条' },
      letter3: { value: 'A1' },
      letter4: { value: 'a'.repeat(33) },
      symbol5: { value: '%%%%%%' },
      symbol6: { value: 'a' },
      character_string7: { value: '预约码' },
      character_string8: { value: 'x'.repeat(33) },
    });
    expect(problems.map((p) => [p.key, p.problem])).toEqual([
      ['number1', 'too_long'],
      ['number2', 'bad_format'],
      ['letter3', 'bad_format'],
      ['letter4', 'too_long'],
      ['symbol5', 'too_long'],
      ['symbol6', 'bad_format'],
      ['character_string7', 'bad_format'],
      ['character_string8', 'too_long'],
    ]);
  });

  test('template fields: time and date formats', () => {
    expect(
      checkTemplateData({
        time1: { value: '15:01' },
        time2: { value: '2027-03-02 10:00' },
        time3: { value: '2019年10月1日 15:01' },
        time4: { value: '10:00~11:00' },
        date5: { value: '2027-03-02' },
        date6: { value: '2019年10月1日' },
        date7: { value: '2027-03-02 10:00' },
      }),
    ).toEqual([]);
    expect(
      checkTemplateData({ time1: { value: '明天上午' }, time2: { value: '25:00' }, date3: { value: '3月2日' } }).map(
        (p) => p.problem,
      ),
    ).toEqual(['bad_format', 'bad_format', 'bad_format']);
  });

  test('template fields: amount, phone_number, car_number', () => {
    expect(
      checkTemplateData({
        amount1: { value: '¥100.00' },
        amount2: { value: '100元' },
        phone_number3: { value: '+86-139 0000 1111' },
        car_number4: { value: '粤A12345' },
      }),
    ).toEqual([]);
    expect(
      checkTemplateData({
        amount1: { value: '一百元' },
        amount2: { value: '¥12345678901' },
        phone_number3: { value: '1'.repeat(18) },
        phone_number4: { value: '139abc' },
        car_number5: { value: '粤A1234567' },
      }).map((p) => [p.key, p.problem]),
    ).toEqual([
      ['amount1', 'bad_format'],
      ['amount2', 'bad_format'],
      ['phone_number3', 'too_long'],
      ['phone_number4', 'bad_format'],
      ['car_number5', 'too_long'],
    ]);
  });

  test('template fields: name is 10 Chinese characters or 20 letters; phrase 5 Chinese characters', () => {
    expect(
      checkTemplateData({
        name1: { value: '欧阳小雨' },
        name2: { value: 'Lin Xiaoyu' },
        name3: { value: '张*' + '' },
        phrase4: { value: '已完成' },
      }).map((p) => [p.key, p.problem]),
    ).toEqual([['name3', 'bad_format']]);
    expect(
      checkTemplateData({
        name1: { value: '字'.repeat(11) },
        name2: { value: 'a'.repeat(21) },
        name3: { value: 'a'.repeat(20) },
        phrase4: { value: '进行中的任务' },
        phrase5: { value: 'done' },
      }).map((p) => [p.key, p.problem]),
    ).toEqual([
      ['name1', 'too_long'],
      ['name2', 'too_long'],
      ['phrase4', 'too_long'],
      ['phrase5', 'bad_format'],
    ]);
  });

  test('template fields: fitThing cuts to 20 code points and never splits a character', () => {
    expect(fitThing('悦美医疗美容 · 一店')).toBe('悦美医疗美容 · 一店');
    expect(fitThing('字'.repeat(25))).toBe('字'.repeat(20));
    const cut = fitThing('😀'.repeat(25));
    expect([...cut]).toHaveLength(20);
    expect(cut).toBe('😀'.repeat(20));
  });
});
