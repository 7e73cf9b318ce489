import { sharePathFor, h5LandingUrl, landingSource } from '../../src/utils/share';
import { qrMatrix } from '../../src/utils/qr';

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
