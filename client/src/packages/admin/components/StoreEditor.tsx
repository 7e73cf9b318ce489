import { useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import { STORE_FIELD_LABELS, type AdminStore } from '@clinic/shared';
import { saveStore } from '../../../services/admin-settings';
import { formatDateTime } from '../../../utils/format';
import { pickAndUploadStorePhoto } from '../services/store-photo';
import { refusalOf, unplacedErrors } from '../utils/server-errors';
import type { FieldErrors } from '../utils/settings-draft';
import {
  DEFAULT_HOURS,
  WEEKDAY_LABELS,
  WEEK_ORDER,
  addClosedDate,
  fromStoreDraft,
  movePhotoUp,
  rowsOf,
  toStoreDraft,
  type StoreDraft,
} from '../utils/store-form';
import { FieldError, withoutLabel } from './FieldError';

interface Props {
  store: AdminStore;
  onSaved: (store: AdminStore) => void;
  onReload: () => void;
}

/**
 * A store's booking settings: opening hours per weekday (休息 when none), closed dates, slot length,
 * places per slot, photos. Saved with the store's version; the booking page shows it at once.
 */
export function StoreEditor({ store, onSaved, onReload }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<StoreDraft>(() => toStoreDraft(store));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [conflict, setConflict] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  const [newDate, setNewDate] = useState('');
  const id = `store-${store.id}`;

  const update = (next: StoreDraft, clear?: string) => {
    setDraft(next);
    setMessage('');
    if (clear) setErrors(({ [clear]: _gone, ...rest }) => rest);
  };
  const start = () => {
    setDraft(toStoreDraft(store));
    setErrors({});
    setMessage('');
    setConflict('');
    setSaved('');
    setEditing(true);
  };

  const save = async () => {
    if (saving) return;
    const built = fromStoreDraft(store, draft);
    if (!built.ok) {
      setErrors(built.errors);
      return setMessage('请修改标红的内容后再保存');
    }
    setSaving(true);
    const res = await saveStore({ storeId: store.id, expectedVersion: store.version, store: built.value });
    setSaving(false);
    if (res.ok) {
      setEditing(false);
      setSaved(res.data.changed.length > 0 ? '已保存，顾客预约页立即生效' : '内容没有变化，无需保存');
      return onSaved(res.data.store);
    }
    const refusal = refusalOf(res);
    if (refusal.kind === 'conflict') return setConflict(refusal.message);
    if (refusal.kind === 'fields') setErrors(refusal.errors);
    setMessage(refusal.message);
  };

  const addPhoto = async () => {
    const res = await pickAndUploadStorePhoto(store.photoFolder);
    if (!res) return;
    if (!res.ok) return setMessage(res.message);
    update({ ...draft, photoFileIds: [...draft.photoFileIds, res.data] }, 'photoFileIds');
  };

  const placed = new Set(['slotMinutes', 'capacityPerSlot', 'closedDates', 'photoFileIds', 'openingHours']);
  draft.rows.forEach((_, i) => ['', '.open', '.close', '.weekday'].forEach((s) => placed.add(`openingHours.${i}${s}`)));
  draft.closedDates.forEach((_, i) => placed.add(`closedDates.${i}`));
  draft.photoFileIds.forEach((_, i) => placed.add(`photoFileIds.${i}`));
  const err = (path: string, label: string) => withoutLabel(errors[path], label);

  return (
    <View className={`card admin-store${editing ? '' : ' admin-store--read'}`} data-testid={id}>
      <Text className="card__title">{store.name}</Text>
      {store.lastChange ? (
        <Text className="card__subtitle" data-testid={`${id}-last-change`}>
          {store.lastChange.name} 于 {formatDateTime(store.lastChange.at)} 修改（第 {store.version} 版）
        </Text>
      ) : null}
      {saved ? (
        <Text className="admin-ok" data-testid={`${id}-saved`}>
          {saved}
        </Text>
      ) : null}
      {conflict ? (
        <View className="notice notice--danger admin-conflict" data-testid={`${id}-conflict`}>
          <Text>{conflict}</Text>
          <View
            className="btn btn--small"
            hoverClass="btn--pressed"
            data-testid={`${id}-reload`}
            onClick={() => {
              setEditing(false);
              setConflict('');
              onReload();
            }}
          >
            重新加载最新内容
          </View>
        </View>
      ) : null}

      <Text className="admin-list__title">{STORE_FIELD_LABELS.openingHours}</Text>
      {WEEK_ORDER.map((weekday) => {
        const rows = rowsOf(editing ? draft : toStoreDraft(store), weekday);
        return (
          <View key={weekday} className="admin-weekday" data-testid={`${id}-weekday-${weekday}`}>
            <Text className="admin-weekday__day">{WEEKDAY_LABELS[weekday]}</Text>
            <View className="admin-weekday__rows">
              {rows.length === 0 ? <Text className="admin-weekday__closed">休息</Text> : null}
              {!editing
                ? rows.map(({ row, index }) => (
                    <Text key={index} className="admin-weekday__hours" data-testid={`${id}-hours-${index}`}>
                      {row.open}–{row.close}
                    </Text>
                  ))
                : null}
              {(editing ? rows : []).map(({ row, index }) => (
                <View key={index} className="admin-weekday__row">
                  <Input
                    className={`field__input admin-time${errors[`openingHours.${index}.open`] ? ' field__input--invalid' : ''}`}
                    data-testid={`${id}-open-${index}`}
                    value={row.open}
                    disabled={!editing}
                    maxlength={5}
                    onInput={(e) =>
                      update(
                        {
                          ...draft,
                          rows: draft.rows.map((r, j) => (j === index ? { ...r, open: e.detail.value } : r)),
                        },
                        `openingHours.${index}.open`,
                      )
                    }
                  />
                  <Text className="admin-weekday__dash">–</Text>
                  <Input
                    className={`field__input admin-time${errors[`openingHours.${index}.close`] ? ' field__input--invalid' : ''}`}
                    data-testid={`${id}-close-${index}`}
                    value={row.close}
                    disabled={!editing}
                    maxlength={5}
                    onInput={(e) =>
                      update(
                        {
                          ...draft,
                          rows: draft.rows.map((r, j) => (j === index ? { ...r, close: e.detail.value } : r)),
                        },
                        `openingHours.${index}.close`,
                      )
                    }
                  />
                  {editing ? (
                    <View
                      className="btn btn--ghost btn--small"
                      hoverClass="btn--pressed"
                      data-testid={`${id}-rest-${index}`}
                      onClick={() => update({ ...draft, rows: draft.rows.filter((_, j) => j !== index) })}
                    >
                      {rows.length > 1 ? '删除时段' : '设为休息'}
                    </View>
                  ) : null}
                  <FieldError
                    message={
                      err(`openingHours.${index}.open`, '开门时间') ?? err(`openingHours.${index}.close`, '打烊时间')
                    }
                    testId={`error-${id}-hours-${index}`}
                  />
                </View>
              ))}
              {editing && rows.length === 0 ? (
                <View
                  className="btn btn--ghost btn--small"
                  hoverClass="btn--pressed"
                  data-testid={`${id}-open-day-${weekday}`}
                  onClick={() => update({ ...draft, rows: [...draft.rows, { weekday, ...DEFAULT_HOURS }] })}
                >
                  设为营业
                </View>
              ) : null}
            </View>
          </View>
        );
      })}

      <View className="field admin-field">
        <Text className="field__label">{STORE_FIELD_LABELS.slotMinutes}</Text>
        <View className="admin-field__line">
          {editing ? (
            <Input
              className={`field__input admin-field__input${errors.slotMinutes ? ' field__input--invalid' : ''}`}
              data-testid={`${id}-slot-minutes`}
              type="number"
              value={draft.slotMinutes}
              onInput={(e) => update({ ...draft, slotMinutes: e.detail.value }, 'slotMinutes')}
            />
          ) : (
            <Text className="admin-field__value" data-testid={`${id}-slot-minutes`}>
              {store.slotMinutes} 分钟
            </Text>
          )}
          {editing ? <Text className="admin-field__unit">分钟</Text> : null}
        </View>
        <FieldError
          message={err('slotMinutes', STORE_FIELD_LABELS.slotMinutes as string)}
          testId={`error-${id}-slotMinutes`}
        />
      </View>
      <View className="field admin-field">
        <Text className="field__label">{STORE_FIELD_LABELS.capacityPerSlot}</Text>
        <View className="admin-field__line">
          {editing ? (
            <Input
              className={`field__input admin-field__input${errors.capacityPerSlot ? ' field__input--invalid' : ''}`}
              data-testid={`${id}-capacity`}
              type="number"
              value={draft.capacityPerSlot}
              onInput={(e) => update({ ...draft, capacityPerSlot: e.detail.value }, 'capacityPerSlot')}
            />
          ) : (
            <Text className="admin-field__value" data-testid={`${id}-capacity`}>
              {store.capacityPerSlot} 人
            </Text>
          )}
          {editing ? <Text className="admin-field__unit">人</Text> : null}
        </View>
        <FieldError
          message={err('capacityPerSlot', STORE_FIELD_LABELS.capacityPerSlot as string)}
          testId={`error-${id}-capacityPerSlot`}
        />
      </View>

      <Text className="admin-list__title">{STORE_FIELD_LABELS.closedDates}</Text>
      <Text className="staff-hint">这些日期不接受预约（已有预约不会自动取消，请联系顾客改期）</Text>
      <View className="chips" data-testid={`${id}-closed-dates`}>
        {(editing ? draft.closedDates : store.closedDates).map((date, i) => (
          <View
            key={date}
            className={`chip${errors[`closedDates.${i}`] ? ' chip--invalid' : ''}`}
            data-testid={`${id}-closed-${date}`}
            onClick={() =>
              editing && update({ ...draft, closedDates: draft.closedDates.filter((d) => d !== date) }, 'closedDates')
            }
          >
            {date}
            {editing ? ' ×' : ''}
          </View>
        ))}
        {(editing ? draft.closedDates : store.closedDates).length === 0 ? <Text className="staff-hint">无</Text> : null}
      </View>
      {editing ? (
        <View className="admin-field__line">
          <Input
            className="field__input admin-field__input"
            data-testid={`${id}-closed-new`}
            value={newDate}
            placeholder="YYYY-MM-DD"
            maxlength={10}
            onInput={(e) => setNewDate(e.detail.value)}
          />
          <View
            className="btn btn--ghost btn--small"
            hoverClass="btn--pressed"
            data-testid={`${id}-closed-add`}
            onClick={() => {
              const added = addClosedDate(draft, newDate);
              if ('error' in added) return setErrors((e) => ({ ...e, closedDates: added.error }));
              update(added.draft, 'closedDates');
              setNewDate('');
            }}
          >
            添加休息日
          </View>
        </View>
      ) : null}
      <FieldError
        message={errors.closedDates ?? draft.closedDates.map((_, i) => errors[`closedDates.${i}`]).find(Boolean)}
        testId={`error-${id}-closedDates`}
      />

      <Text className="admin-list__title">{STORE_FIELD_LABELS.photoFileIds}</Text>
      <View className="admin-photos" data-testid={`${id}-photos`}>
        {(editing ? draft.photoFileIds : store.photoFileIds).map((fileId, i) => (
          <View key={fileId} className="admin-photo" data-testid={`${id}-photo-${i}`}>
            {store.photoUrls[fileId] ? (
              <Image className="admin-photo__img" src={store.photoUrls[fileId] as string} mode="aspectFill" />
            ) : (
              <View className="admin-photo__img admin-photo__img--new">{i + 1}</View>
            )}
            {editing ? (
              <View className="admin-photo__actions">
                {i > 0 ? (
                  <Text
                    className="admin-link"
                    data-testid={`${id}-photo-${i}-up`}
                    onClick={() => update(movePhotoUp(draft, i))}
                  >
                    前移
                  </Text>
                ) : null}
                <Text
                  className="admin-link"
                  data-testid={`${id}-photo-${i}-remove`}
                  onClick={() =>
                    update({ ...draft, photoFileIds: draft.photoFileIds.filter((p) => p !== fileId) }, 'photoFileIds')
                  }
                >
                  删除
                </Text>
              </View>
            ) : null}
            <FieldError
              message={withoutLabel(errors[`photoFileIds.${i}`], '门店照片')}
              testId={`error-${id}-photo-${i}`}
            />
          </View>
        ))}
        {editing && draft.photoFileIds.length < 6 ? (
          <View
            className="admin-photo admin-photo--add"
            hoverClass="btn--pressed"
            data-testid={`${id}-photo-add`}
            onClick={() => void addPhoto()}
          >
            + 添加照片
          </View>
        ) : null}
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
      {store.editable ? (
        <View className="staff-row admin-section__actions">
          {editing ? (
            <>
              <View
                className={`btn${saving ? ' btn--disabled' : ''}`}
                hoverClass="btn--pressed"
                data-testid={`${id}-save`}
                onClick={() => void save()}
              >
                {saving ? '正在保存…' : '保存'}
              </View>
              <View
                className="btn btn--ghost"
                hoverClass="btn--pressed"
                data-testid={`${id}-cancel`}
                onClick={() => setEditing(false)}
              >
                取消
              </View>
            </>
          ) : (
            <View className="btn" hoverClass="btn--pressed" data-testid={`${id}-edit`} onClick={start}>
              修改门店
            </View>
          )}
        </View>
      ) : null}
    </View>
  );
}
