import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { PRODUCT_CATEGORIES, PRODUCT_FIELD_LABELS, type AdminProduct, type AdminStore } from '@clinic/shared';
import { saveProduct } from '../../../services/admin-settings';
import { formatFen } from '../../../utils/format';
import {
  CATEGORY_OPTIONS,
  fromProductDraft,
  newProductDraft,
  toProductDraft,
  toggleStore,
  type ProductDraft,
} from '../utils/product-form';
import { refusalOf, unplacedErrors } from '../utils/server-errors';
import type { FieldErrors } from '../utils/settings-draft';
import { FieldError, withoutLabel } from './FieldError';

interface Props {
  products: AdminProduct[];
  stores: AdminStore[];
  /** A store manager's own store: new products are theirs alone. Absent for the chain's managers. */
  ownStoreId?: string;
  onSaved: (product: AdminProduct) => void;
  onReload: () => void;
}

const storesLine = (p: AdminProduct, stores: AdminStore[]) =>
  p.storeIds.length === 0 ? '全部门店' : p.storeIds.map((id) => stores.find((s) => s.id === id)?.name ?? id).join('、');

/** 项目管理: what is offered where, at what list price and length; one form open at a time. */
export function ProductEditor({ products, stores, ownStoreId, onSaved, onReload }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <View className="card" data-testid="products">
      <Text className="card__title">项目</Text>
      <Text className="card__subtitle">
        {ownStoreId ? '店长可修改仅本店提供的项目；多店共用的项目由总经理或管理员修改' : '修改后顾客预约页立即生效'}
      </Text>
      {products.map((p) =>
        open === p.id ? (
          <ProductForm
            key={p.id}
            product={p}
            stores={stores}
            ownStoreId={ownStoreId}
            onClose={() => setOpen(null)}
            onSaved={onSaved}
            onReload={onReload}
          />
        ) : (
          <View key={p.id} className="admin-product" data-testid={`product-${p.id}`}>
            <View className="admin-product__main">
              <Text className="admin-product__name">
                {p.name}
                {p.active ? '' : '（已下架）'}
              </Text>
              <Text className="admin-product__meta">
                {PRODUCT_CATEGORIES[p.category]} · {p.priceFen === undefined ? '不标价' : formatFen(p.priceFen)} ·{' '}
                {p.durationMinutes} 分钟 · {storesLine(p, stores)}
              </Text>
            </View>
            {p.editable ? (
              <View
                className="btn btn--ghost btn--small"
                hoverClass="btn--pressed"
                data-testid={`product-${p.id}-edit`}
                onClick={() => setOpen(p.id)}
              >
                修改
              </View>
            ) : null}
          </View>
        ),
      )}
      {open === 'new' ? (
        <ProductForm
          stores={stores}
          ownStoreId={ownStoreId}
          onClose={() => setOpen(null)}
          onSaved={onSaved}
          onReload={onReload}
        />
      ) : (
        <View
          className="btn btn--ghost admin-product__add"
          hoverClass="btn--pressed"
          data-testid="product-new"
          onClick={() => setOpen('new')}
        >
          新增项目
        </View>
      )}
    </View>
  );
}

function ProductForm({
  product,
  stores,
  ownStoreId,
  onClose,
  onSaved,
  onReload,
}: {
  product?: AdminProduct;
  stores: AdminStore[];
  ownStoreId: string | undefined;
  onClose: () => void;
  onSaved: (product: AdminProduct) => void;
  onReload: () => void;
}) {
  const [draft, setDraft] = useState<ProductDraft>(() =>
    product ? toProductDraft(product) : newProductDraft(ownStoreId),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [conflict, setConflict] = useState('');
  const [saving, setSaving] = useState(false);
  const id = `product-form-${product?.id ?? 'new'}`;
  const set = (patch: Partial<ProductDraft>, field: string) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors(({ [field]: _gone, ...rest }) => rest);
    setMessage('');
  };
  const err = (field: keyof typeof PRODUCT_FIELD_LABELS) =>
    withoutLabel(errors[field], PRODUCT_FIELD_LABELS[field] as string);

  const save = async () => {
    if (saving) return;
    const built = fromProductDraft(draft, stores.length > 0 ? stores.map((s) => s.id) : draft.storeIds);
    if (!built.ok) {
      setErrors(built.errors);
      return setMessage('请修改标红的内容后再保存');
    }
    setSaving(true);
    const res = await saveProduct({
      ...(product ? { productId: product.id } : {}),
      expectedVersion: product?.version ?? 0,
      product: built.value,
    });
    setSaving(false);
    if (res.ok) {
      onSaved(res.data.product);
      return onClose();
    }
    const refusal = refusalOf(res);
    if (refusal.kind === 'conflict') return setConflict(refusal.message);
    if (refusal.kind === 'fields') setErrors(refusal.errors);
    setMessage(refusal.message);
  };

  const placed = new Set(['name', 'category', 'priceFen', 'durationMinutes', 'storeIds', 'active']);
  return (
    <View className="admin-list__item" data-testid={id}>
      <Text className="admin-list__name">{product ? `修改 ${product.name}` : '新增项目'}</Text>
      {conflict ? (
        <View className="notice notice--danger admin-conflict" data-testid={`${id}-conflict`}>
          <Text>{conflict}</Text>
          <View className="btn btn--small" hoverClass="btn--pressed" data-testid={`${id}-reload`} onClick={onReload}>
            重新加载最新内容
          </View>
        </View>
      ) : null}
      <View className="field">
        <Text className="field__label">{PRODUCT_FIELD_LABELS.name}</Text>
        <Input
          className={`field__input${errors.name ? ' field__input--invalid' : ''}`}
          data-testid={`${id}-name`}
          value={draft.name}
          maxlength={40}
          onInput={(e) => set({ name: e.detail.value }, 'name')}
        />
        <FieldError message={err('name')} testId={`error-${id}-name`} />
      </View>
      <View className="field">
        <Text className="field__label">{PRODUCT_FIELD_LABELS.category}</Text>
        <View className="chips">
          {CATEGORY_OPTIONS.map((o) => (
            <View
              key={o.value}
              className={`chip${draft.category === o.value ? ' chip--active' : ''}`}
              data-testid={`${id}-category-${o.value}`}
              onClick={() => set({ category: o.value }, 'category')}
            >
              {o.label}
            </View>
          ))}
        </View>
      </View>
      <View className="field admin-field">
        <Text className="field__label">{PRODUCT_FIELD_LABELS.priceFen}</Text>
        <View className="admin-field__line">
          <Input
            className={`field__input admin-field__input${errors.priceFen ? ' field__input--invalid' : ''}`}
            data-testid={`${id}-price`}
            type="digit"
            value={draft.price}
            placeholder="留空为不标价"
            onInput={(e) => set({ price: e.detail.value }, 'priceFen')}
          />
          <Text className="admin-field__unit">元</Text>
        </View>
        <FieldError message={err('priceFen')} testId={`error-${id}-priceFen`} />
      </View>
      <View className="field admin-field">
        <Text className="field__label">{PRODUCT_FIELD_LABELS.durationMinutes}</Text>
        <View className="admin-field__line">
          <Input
            className={`field__input admin-field__input${errors.durationMinutes ? ' field__input--invalid' : ''}`}
            data-testid={`${id}-duration`}
            type="number"
            value={draft.durationMinutes}
            onInput={(e) => set({ durationMinutes: e.detail.value }, 'durationMinutes')}
          />
          <Text className="admin-field__unit">分钟</Text>
        </View>
        <FieldError message={err('durationMinutes')} testId={`error-${id}-durationMinutes`} />
      </View>
      {ownStoreId ? null : (
        <View className="field">
          <Text className="field__label">{PRODUCT_FIELD_LABELS.storeIds}</Text>
          <Text className="staff-hint">不选则全部门店提供</Text>
          <View className="chips">
            {stores.map((s) => (
              <View
                key={s.id}
                className={`chip${draft.storeIds.includes(s.id) ? ' chip--active' : ''}`}
                data-testid={`${id}-store-${s.id}`}
                onClick={() => set(toggleStore(draft, s.id), 'storeIds')}
              >
                {s.name}
              </View>
            ))}
          </View>
          <FieldError message={err('storeIds')} testId={`error-${id}-storeIds`} />
        </View>
      )}
      <View className="field">
        <Text className="field__label">{PRODUCT_FIELD_LABELS.active}</Text>
        <View className="chips">
          {[true, false].map((on) => (
            <View
              key={String(on)}
              className={`chip${draft.active === on ? ' chip--active' : ''}`}
              data-testid={`${id}-active-${on}`}
              onClick={() => set({ active: on }, 'active')}
            >
              {on ? '上架' : '下架'}
            </View>
          ))}
        </View>
      </View>
      {unplacedErrors(errors, placed).map((m) => (
        <Text key={m} className="field__error">
          {m}
        </Text>
      ))}
      {message ? (
        <Text className="field__error" data-testid={`${id}-error`}>
          {message}
        </Text>
      ) : null}
      <View className="staff-row">
        <View
          className={`btn${saving ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid={`${id}-save`}
          onClick={() => void save()}
        >
          {saving ? '正在保存…' : '保存'}
        </View>
        <View className="btn btn--ghost" hoverClass="btn--pressed" data-testid={`${id}-cancel`} onClick={onClose}>
          取消
        </View>
      </View>
    </View>
  );
}
