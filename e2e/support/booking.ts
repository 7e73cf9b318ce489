import type { Page } from 'playwright-core';

/**
 * Taps 同意并提交预约 and, the first time on this device, agrees to the 隐私保护指引 popup that comes
 * before any personal data is sent. Returns once the popup was answered or the form answered
 * (result or error); callers then wait for the outcome they expect.
 */
export async function submitBooking(page: Page): Promise<void> {
  await page.getByTestId('booking-submit').click();
  const answered = page.locator(
    '[data-testid="privacy-popup"], [data-testid="booking-result"], [data-testid="booking-submit-error"]',
  );
  await answered.first().waitFor();
  if ((await page.getByTestId('privacy-popup').count()) > 0) await page.getByTestId('privacy-agree').click();
}
