/**
 * 导入老客, on the H5 build and the real local cloud (fresh data folder):
 * 23. the store manager opens 导入老客 from 首页, picks a CRM export (CSV, UTF-8 with BOM) with a
 *     bad phone and a duplicate among good rows, runs 预检 (nothing is written), sees the counts and
 *     the rows to fix, imports, follows the progress to the summary; the consultant finds the
 *     imported 老客 of her store.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, phonePage, screenshot } from '../support/browser';
import { callAs, signIn } from '../support/gateway';
import { startStack, stopStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

const MANAGER = 'demo-manager-store-1'; // 高峰, 一店店长
const CONSULTANT = 'demo-staff-consultant-1'; // 陈静

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (stack) await stopStack(stack);
});

const CSV = [
  '姓名,手机号,星级,最近治疗日期,归属员工,门店,备注',
  '周雨桐,13966001001,5,2026-11-20,陈静,一店,偏好周末',
  '钱思远,13966001002,4星,2026/11/05,陈静,一店,',
  '孙可馨,1396600,3,2026-10-01,陈静,一店,',
  '李梦瑶,+86 139-6600-1001,3,2026-10-01,陈静,一店,',
  '赵安琪,13966001003,★★★,2026年9月1日,,,',
].join('\r\n');

test('23. a store manager checks a CRM export, sees what to fix, imports it and the 老客 are there', async () => {
  const page = await phonePage(browser);
  await signIn(page, stack, MANAGER);
  await page.getByTestId('home-import').click();
  await page.getByTestId('import-page').waitFor();
  await page.getByTestId('import-columns').waitFor();

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (
    await chooser
  ).setFiles({
    name: '一店老客名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]),
  });
  await page.getByTestId('import-file').getByText('一店老客名单.csv').waitFor();
  await page.getByTestId('import-check').click();

  const report = page.getByTestId('import-report');
  await report.waitFor();
  expect(await page.getByTestId('report-headline').textContent()).toBe('共 5 行，可导入 3 行，2 行需要处理');
  const lines = await page.getByTestId('report-lines').textContent();
  expect(lines).toContain('第 4 行');
  expect(lines).toContain('与第 2 行的手机号重复');
  await page.getByTestId('error-file-xlsx').waitFor();
  await screenshot(page, 'j23-import-report-375');

  await page.getByTestId('import-start').click();
  const summary = page.getByTestId('import-summary');
  await summary.waitFor();
  expect(await page.getByTestId('summary-text').textContent()).toContain('新建 3 位');
  await screenshot(page, 'j23-import-summary-375');

  // The consultant finds them as her store's 老客 (masked).
  const found = await callAs(stack, 'staff', 'findCustomers', { query: '13966001001' }, CONSULTANT);
  expect(found.items).toEqual([expect.objectContaining({ displayName: '周**', kind: 'existing' })]);
});
