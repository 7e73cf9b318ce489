import * as z from 'zod/mini';
import '../locale';
import { fenSchema, idSchema, labelCodes } from './primitives';

/** Product categories of the clinic's product tables and themed events (§7, §9). */
export const PRODUCT_CATEGORIES = {
  eyes: '眼部整形',
  nose: '鼻部整形',
  breast: '胸部整形',
  hyaluronic_acid: '玻尿酸',
  botulinum: '肉毒素',
  tightening: '紧肤',
  rejuvenation: '嫩肤保养',
  spot_removal: '美肤祛斑',
  scar: '疤痕修复',
  fat_grafting: '自体脂肪',
  orthodontics: '口腔正畸',
  other: '其他',
} as const;
export type ProductCategory = keyof typeof PRODUCT_CATEGORIES;
export const productCategorySchema = z.enum(labelCodes(PRODUCT_CATEGORIES));

export const productSchema = z.strictObject({
  id: idSchema,
  chainId: idSchema,
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  category: productCategorySchema,
  /** Indicative list price; deals carry the real amount. */
  priceFen: z.optional(fenSchema),
  durationMinutes: z._default(z.int().check(z.gte(5), z.lte(600)), 60),
  /** Stores that offer it; empty = every store of the chain. */
  storeIds: z._default(z.array(idSchema).check(z.maxLength(200)), []),
  active: z._default(z.boolean(), true),
});
export type Product = z.output<typeof productSchema>;
