/**
 * Error codes of the booking, referral and identity functions beyond those of the shared envelope,
 * with their Chinese messages. Thrown as `new AppError(code, MESSAGES[code])`.
 */
export const MESSAGES = {
  STORE_NOT_FOUND: '门店不存在或暂停预约，请重新选择门店',
  PRODUCT_NOT_FOUND: '项目不存在或已下架，请重新选择项目',
  PRODUCT_NOT_AT_STORE: '该门店暂不提供此项目，请选择其他门店或项目',
  /** Unknown or revoked: one answer for both, so codes cannot be probed. */
  INVALID_CODE: '推荐码无效，请向推荐人确认或重新索取',
  BOOKING_NOT_CHANGEABLE: '该预约已取消、已到院或已过预约时间，无法修改',
  INVALID_PHONE_CODE: '手机号授权已失效，请重新授权',
  PHONE_NOT_SUPPORTED: '暂不支持境外手机号码，请使用中国大陆手机号码',
  TOO_MANY_WECHAT_ACCOUNTS: '该手机号已绑定过多微信账号，请联系门店处理',
  NOT_FOUND_BOOKING: '预约不存在',
  NO_ACTIVE_CARD: '您当前没有可作废的推荐卡',
} as const;
