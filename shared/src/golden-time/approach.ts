import type { Customer } from '../model/entities';

/**
 * How to ask (§5): the approach by segment, and the conversation by the customer's experience
 * with referring. Pure text for the staff member's screen.
 */
export function askApproach(customer: Pick<Customer, 'segment' | 'hasReferred'>): { how: string; talk: string } {
  const how =
    customer.segment === 'vip' || customer.segment === 'bargain'
      ? '一对一精准沟通：单独联系，介绍专属老带新权益'
      : customer.segment === 'important' || customer.segment === 'high_satisfaction'
        ? '满意度回访 + 权益单页 + 朋友圈素材'
        : '广泛宣导：朋友圈、短信介绍老带新政策';
  const talk = customer.hasReferred
    ? '曾成功带新：先问近期是否有想变美的朋友；有则记下朋友的联系方式、需求、预算和预计到院时间，没有则了解上次推荐的经验并介绍新项目'
    : '尚未带新：介绍老带新政策与项目，了解顾虑所在';
  return { how, talk };
}
