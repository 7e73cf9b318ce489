import * as z from 'zod/mini';
// A named import keeps just the Chinese locale in the bundles (`z.locales` would pull in every
// language, ~360 KB, into each cloud function and the mini-program).
import { zhCN } from 'zod/locales';

// One place turns zod's default messages Chinese; the index imports it first, and modules with
// schemas import it for its effect, so every schema here speaks Chinese even without a message.
z.config(zhCN());
