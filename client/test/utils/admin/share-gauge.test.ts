import { gaugeGeometry, gaugeSpec, shareView } from '../../../src/packages/admin/utils/share-gauge';
import { dashboard } from '../../admin-fixtures';

const share = dashboard().referralShare;

describe('老带新业绩占比', () => {
  it('below the target: 未达标 and the gap in percentage points', () => {
    expect(shareView(share)).toEqual({
      share: '8.5%',
      target: '10.0%',
      met: false,
      status: '未达标',
      gap: '距目标还差 1.5 个百分点',
      referralRevenue: '¥85,000.00',
      totalRevenue: '¥1,000,000.00',
      noRevenue: false,
    });
  });

  it('met is the server’s word; above and exactly at the target read differently', () => {
    expect(shareView({ ...share, shareBp: 1240, meetsTarget: true })).toMatchObject({
      met: true,
      status: '已达标',
      gap: '高出目标 2.4 个百分点',
    });
    expect(shareView({ ...share, shareBp: 1000, meetsTarget: true }).gap).toBe('恰好达到目标');
    expect(shareView({ ...share, referralRevenueFen: 0, totalRevenueFen: 0, shareBp: 0 }).noRevenue).toBe(true);
  });

  it('the arc runs to twice the target, so the target sits at the top', () => {
    const spec = gaugeSpec(share);
    expect(spec.scaleMaxBp).toBe(2000);
    expect(spec.value).toBeCloseTo(0.425);
    expect(spec.target).toBe(0.5);
    expect(spec.color).toBe('#c2456b');
  });

  it('a share beyond twice the target stretches the arc to the next 5 %; met is green', () => {
    const spec = gaugeSpec({ ...share, shareBp: 2340, meetsTarget: true });
    expect(spec.scaleMaxBp).toBe(2500);
    expect(spec.value).toBeCloseTo(0.936);
    expect(spec.target).toBe(0.4);
    expect(spec.color).toBe('#2e7d32');
    expect(gaugeSpec({ ...share, targetBp: 0, shareBp: 0 }).scaleMaxBp).toBe(1000);
  });

  it('geometry: a half ring centred at the bottom, filled to the share, the target mark straight up at 50 %', () => {
    const g = gaugeGeometry(300, 130, gaugeSpec(share));
    expect(g.cx).toBe(150);
    expect(g.cy).toBe(121.5);
    expect(g.cy + g.lineWidth / 2).toBeLessThanOrEqual(130); // the round ends are not cut off
    expect([g.startAngle, g.endAngle]).toEqual([180, 360]);
    expect(g.valueAngle).toBeCloseTo(256.5);
    expect(g.mark.x1).toBeCloseTo(150);
    expect(g.mark.x2).toBeCloseTo(150);
    expect(g.mark.y2).toBeLessThan(g.mark.y1);
    expect(g.markLabel.align).toBe('center');
    // The ring and its label stay inside the box.
    expect(g.cy - g.r - g.lineWidth / 2).toBeGreaterThan(0);
    expect(g.markLabel.y).toBeGreaterThanOrEqual(12); // an 11 px label above its bottom
  });

  it('geometry fits a narrow 320 px card too, and the value arc never runs past the end', () => {
    const g = gaugeGeometry(240, 130, gaugeSpec({ ...share, shareBp: 5000, meetsTarget: true }));
    expect(g.cx + g.r + g.lineWidth / 2).toBeLessThanOrEqual(240);
    expect(g.valueAngle).toBeLessThanOrEqual(360);
    const left = gaugeGeometry(240, 130, gaugeSpec({ ...share, targetBp: 500, shareBp: 2000, meetsTarget: true }));
    expect(left.markLabel.align).toBe('end');
  });
});
