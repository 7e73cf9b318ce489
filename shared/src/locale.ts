import { z } from 'zod';
// Only the Chinese locale: importing `z.locales` would bundle every language (~360 KB) into each
// cloud function and the mini-program.
// The .cjs file: the .js one is ESM and cannot be required under jest/ts-jest (CommonJS).
import zhCN from 'zod/v4/locales/zh-CN.cjs';

// One place turns zod's default messages Chinese; the index imports it first, so every schema
// parsed through this package speaks Chinese even where no explicit message is written.
z.config(zhCN());

export { z };
