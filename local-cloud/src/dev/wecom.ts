import type { WeComConfig } from '../wecom/stand-in';
import { demoWeComUserIds } from './seed';

/**
 * The demo clinic's 企业微信 corp: its application is associated with the demo mini-program and
 * every demo colleague is a member, so `npm start` and the tests can reach staff through WeCom
 * (sends land in GET /api/outbox as `wecom.message.send`).
 */
export function demoWeCom(): WeComConfig {
  return {
    corpId: 'ww-demo-yuemei',
    secret: 'demo-wecom-app-secret',
    agentId: '1000002',
    miniprogramAppId: 'wx-demo-yuemei',
    userIds: demoWeComUserIds(),
  };
}
