/**
 * The attribution rules' short Chinese names (docs/business-rules.md §3), for the audit log and its
 * export: a filing's deciding rule reads as `R2 提前建档天数`.
 */
export const RULE_LABELS = {
  R1: '首次建档优先',
  R2: '提前建档天数',
  R3: '老客未同来',
  R4: '点名咨询师',
  R5: '新老客同行',
  R6: '原渠道优先',
  R7: '未到院维持原渠道',
  R8: '不补单不改单',
  R9: '客户权益不受损',
} as const;

export type RuleId = keyof typeof RULE_LABELS;

/** `R1 首次建档优先`; a rule id this release does not know stays as it is. */
export const ruleLabel = (rule: string): string =>
  rule in RULE_LABELS ? `${rule} ${RULE_LABELS[rule as RuleId]}` : rule;
