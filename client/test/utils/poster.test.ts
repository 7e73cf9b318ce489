import { posterLayout, wrapText } from '../../src/utils/poster';
import { sharePathFor, h5LandingUrl, landingSource } from '../../src/utils/share';
import { qrMatrix } from '../../src/utils/qr';

/** Every character 20 px wide, whatever the font. */
const measure = (text: string) => Array.from(text).length * 20;

describe('poster layout', () => {
  it('wraps Chinese text by characters and ellipsises beyond the line limit', () => {
    expect(wrapText('一二三四五六七八九十', 100, '', measure)).toEqual(['一二三四五', '六七八九十']);
    expect(wrapText('一二三四五六七八九十一二', 100, '', measure, 2)).toEqual(['一二三四五', '六七八九…']);
  });

  it('contains the clinic, the invitation, the benefits, the QR and the code', () => {
    const layout = posterLayout(
      {
        clinicName: '悦美医疗美容',
        tagline: '老带新',
        invitation: '我在悦美医疗美容体验很满意，邀请你也来试试！',
        benefits: [{ title: '返利金 5%', description: '您首次消费后，按实付金额的 5% 计入返利金' }],
        code: '34MJW8AR',
        qrCaption: '长按识别小程序码',
      },
      measure,
    );
    const texts = layout.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
    expect(texts).toEqual(
      expect.arrayContaining(['悦美医疗美容', '· 返利金 5%', '推荐码 34MJW8AR', '长按识别小程序码']),
    );
    expect(texts.join('')).toContain('邀请你也来试试');
    const qr = layout.ops.find((op) => op.kind === 'qr');
    expect(qr).toBeDefined();
    // Everything lies inside the poster.
    for (const op of layout.ops) expect(op.y).toBeLessThan(layout.height);
  });
});

describe('share paths', () => {
  it('builds the landing path and the H5 address', () => {
    expect(sharePathFor('34MJW8AR')).toBe('pages/landing/index?code=34MJW8AR');
    expect(h5LandingUrl('http://127.0.0.1:10086', '34MJW8AR')).toBe(
      'http://127.0.0.1:10086/#/pages/landing/index?code=34MJW8AR',
    );
  });

  it('reads a shared code or a scanned scene (URL-decoded)', () => {
    expect(landingSource({ code: ' 34MJW8AR ' })).toEqual({ code: '34MJW8AR' });
    expect(landingSource({ scene: 'r%3D34MJW8AR' })).toEqual({ scene: 'r=34MJW8AR' });
    expect(landingSource({})).toBeNull();
  });

  it('draws a QR code matrix for a booking code', () => {
    const m = qrMatrix('K7M3Q9A');
    expect(m.size).toBeGreaterThanOrEqual(21);
    expect(m.isDark(0, 0)).toBe(true); // finder pattern corner
  });
});
