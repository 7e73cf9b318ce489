/**
 * The one, closed catalogue of error codes the product knows: every `{ ok: false, code }` a cloud
 * function answers and every failure the client's transport produces, each with its Chinese message
 * for people. `ErrorCode` is exactly these keys, so code that handles an unknown code does not
 * compile. A function may answer a more specific message for a code (the field that failed, the
 * amount left), never a code outside this list.
 */
export const ERROR_CATALOGUE = {
  // The envelope: checked by the function wrapper before any handler runs.
  INVALID_EVENT: '请求格式不正确',
  UNKNOWN_ACTION: '不支持的操作',
  INVALID_INPUT: '输入内容有误',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  UNAUTHENTICATED: '无法识别您的微信身份，请重新进入小程序',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '要找的内容不存在',
  CONFLICT: '操作冲突，请稍后重试',
  INTERNAL: '系统繁忙，请稍后再试',
  // Identity and phone numbers.
  INVALID_PHONE: '手机号码格式不正确',
  INVALID_PHONE_CODE: '手机号授权已失效，请重新授权',
  PHONE_NOT_SUPPORTED: '暂不支持境外手机号码，请使用中国大陆手机号码',
  TOO_MANY_WECHAT_ACCOUNTS: '该手机号已绑定过多微信账号，请联系门店处理',
  // Referral cards. Unknown and revoked codes share one answer so that codes cannot be probed.
  INVALID_CODE: '推荐码无效，请向推荐人确认或重新索取',
  SELF_REFERRAL: '不能使用自己的推荐码',
  NOT_EXISTING_CUSTOMER: '首次消费后即可开通专属推荐卡',
  // Booking.
  STORE_NOT_FOUND: '门店不存在或暂停预约，请重新选择门店',
  PRODUCT_NOT_FOUND: '项目不存在或已下架，请重新选择项目',
  PRODUCT_NOT_AT_STORE: '该门店暂不提供此项目，请选择其他门店或项目',
  DATE_IN_PAST: '不能选择已经过去的日期或时间',
  DATE_TOO_FAR: '超出可预约的日期范围，请选择更近的日期',
  STORE_CLOSED: '门店当天不营业，请选择其他日期',
  INVALID_SLOT: '所选时间不在门店的预约时段内，请重新选择',
  SLOT_FULL: '该时段已约满，请选择其他时段',
  BOOKING_NOT_CHANGEABLE: '该预约已取消、已到院或已过预约时间，无法修改',
  /** The phone has an upcoming booking made from another WeChat account: nothing of it is shown. */
  ALREADY_BOOKED: '该手机号已有待到院的预约，请用预约时的微信查看，或致电门店修改',
  CONSENT_OUTDATED: '隐私政策已更新，请重新阅读并同意后再预约',
  // Filing and rewards (R8, §8).
  REATTRIBUTION_FORBIDDEN: '不允许补单和改单：建档后渠道与归属不可变更',
  INSUFFICIENT_BALANCE: '可用余额不足',
  // Deals (staff).
  NOT_CHECKED_IN: '顾客尚未到院签到，请先签到再录入成交',
  // Customer imports (managers).
  IMPORT_FILE_INVALID: '文件无法读取，请上传导入模板格式的 xlsx 或 CSV 文件',
  IMPORT_TOO_LARGE: '文件超过单次导入的上限，请拆分后分批导入',
  // Managers' edits (admin): someone saved a newer version in between.
  STALE_VERSION: '内容已被他人修改，请刷新后在最新内容上重新修改',
  // Raised by the client's transport, never by a function.
  NETWORK: '网络不可用，请稍后重试',
  BAD_RESPONSE: '服务返回的数据有误，请稍后重试',
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Codes only the client produces (the call never reached a function or its answer was unreadable). */
export const CLIENT_ERROR_CODES = ['NETWORK', 'BAD_RESPONSE'] as const satisfies readonly ErrorCode[];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}
