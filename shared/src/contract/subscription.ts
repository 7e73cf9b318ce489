import * as z from 'zod/mini';
import '../locale';
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_RESULTS } from '../notify/grant-bank';

/**
 * What `wx.requestSubscribeMessage` answered (template id → accept / reject / ban / filter), as a
 * page sends it to be banked: 1–3 templates, the platform's limit per call.
 */
export const subscriptionResultsSchema = z
  .record(
    z.string().check(z.minLength(1, { error: '模板编号不能为空' }), z.maxLength(64, { error: '模板编号过长' })),
    z.enum(SUBSCRIBE_RESULTS, { error: '订阅结果只能是 accept、reject、ban 或 filter' }),
    { error: '请提供订阅结果' },
  )
  .check(
    z.refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= MAX_TEMPLATES_PER_REQUEST, {
      error: `一次订阅结果须包含 1–${MAX_TEMPLATES_PER_REQUEST} 个模板`,
    }),
  );
