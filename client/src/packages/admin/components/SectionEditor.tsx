import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { SETTINGS_SECTIONS, settingsFieldLabel, type ClinicSettings, type SettingsSectionId } from '@clinic/shared';
import { saveSettingsSection, type SavedSettings } from '../../../services/admin-settings';
import type { DraftValue } from '../utils/field-kinds';
import { refusalOf, unplacedErrors } from '../utils/server-errors';
import {
  fromDraft,
  itemKind,
  listItemDraft,
  toDraft,
  type FieldErrors,
  type SectionDraft,
} from '../utils/settings-draft';
import { SECTION_LAYOUTS, type Block } from '../utils/settings-layout';
import { FieldError } from './FieldError';
import { FieldRow } from './FieldRow';

interface Props {
  section: SettingsSectionId;
  settings: ClinicSettings;
  version: number;
  canEdit: boolean;
  onSaved: (saved: SavedSettings) => void;
  /** Someone saved first: load the settings again. */
  onReload: () => void;
}

type Status =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; changed: number } | { kind: 'conflict'; message: string };

const fullPath = (base: string, key: string) => (base ? `${base}.${key}` : key);
const labelOf = (path: string) => settingsFieldLabel(path) ?? path;

/**
 * One settings section: read-only for store managers, an edit form for the general manager and
 * admins. Saving sends the section with the version it was made from; a conflict says so and
 * offers to reload, field errors (the page's own check or the server's) show under their field.
 */
export function SectionEditor({ section, settings, version, canEdit, onSaved, onReload }: Props) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<SectionDraft>(() => toDraft(section, settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const layout = SECTION_LAYOUTS[section];
  const readOnly = !editing;
  const id = `section-${section}`;

  // New settings arrived (saved here or elsewhere, or reloaded after a conflict): a form that is not
  // being edited — or whose save was refused as stale — shows them.
  const [shownVersion, setShownVersion] = useState(version);
  if (shownVersion !== version) {
    setShownVersion(version);
    if (!editing || status.kind === 'conflict') {
      setDraft(toDraft(section, settings));
      setErrors({});
      setEditing(false);
      if (status.kind === 'conflict') setStatus({ kind: 'idle' });
    }
  }

  const start = () => {
    setDraft(toDraft(section, settings));
    setErrors({});
    setMessage('');
    setStatus({ kind: 'idle' });
    setOpen(true);
    setEditing(true);
  };
  const cancel = () => {
    setDraft(toDraft(section, settings));
    setErrors({});
    setMessage('');
    setEditing(false);
  };
  const change = (mutate: (d: SectionDraft) => SectionDraft, path?: string) => {
    setDraft((d) => mutate(d));
    if (path) {
      setErrors((e) => {
        const next = { ...e };
        delete next[path];
        return next;
      });
    }
    setMessage('');
  };

  const save = async () => {
    if (status.kind === 'saving') return;
    const built = fromDraft(section, draft, settings);
    if (!built.ok) {
      setErrors(built.errors);
      return setMessage('请修改标红的内容后再保存');
    }
    setStatus({ kind: 'saving' });
    const res = await saveSettingsSection({ section, expectedVersion: version, value: built.value });
    if (res.ok) {
      setStatus({ kind: 'saved', changed: res.data.changed.length });
      setEditing(false);
      setErrors({});
      return onSaved(res.data);
    }
    const refusal = refusalOf(res);
    if (refusal.kind === 'conflict') return setStatus({ kind: 'conflict', message: refusal.message });
    setStatus({ kind: 'idle' });
    if (refusal.kind === 'fields') setErrors(refusal.errors);
    setMessage(refusal.message);
  };

  const placed = new Set<string>();
  const field = (
    path: string,
    kind: Parameters<typeof FieldRow>[0]['kind'],
    value: DraftValue,
    onChange: (v: DraftValue) => void,
    hint?: string,
  ) => {
    placed.add(path);
    return (
      <FieldRow
        key={path}
        path={path}
        label={labelOf(path)}
        kind={kind}
        value={value}
        {...(hint ? { hint } : {})}
        {...(errors[path] ? { error: errors[path] } : {})}
        readOnly={readOnly}
        onChange={(v) => {
          onChange(v);
          setErrors((e) => {
            const next = { ...e };
            delete next[path];
            return next;
          });
          setMessage('');
        }}
      />
    );
  };

  const renderBlock = (block: Block, b: number) => {
    if (block.type === 'fields') {
      return (
        <View key={b}>
          {block.fields.map((f) => {
            const path = fullPath(block.base, f.key);
            return field(
              path,
              f.kind,
              draft.fields[path] ?? '',
              (v) => setDraft((d) => ({ ...d, fields: { ...d.fields, [path]: v } })),
              f.hint,
            );
          })}
        </View>
      );
    }
    if (block.type === 'list') {
      const items = draft.lists[block.path] ?? [];
      placed.add(block.path);
      return (
        <View key={b} className="admin-list" data-testid={`list-${block.path}`}>
          <Text className="admin-list__title">{block.title}</Text>
          <FieldError message={errors[block.path]} testId={`error-${block.path}`} />
          {items.map((item, i) => {
            const itemPath = `${block.path}.${i}`;
            placed.add(itemPath);
            return (
              <View key={i} className="admin-list__item" data-testid={`item-${itemPath}`}>
                <View className="admin-list__head">
                  <Text className="admin-list__name">
                    {block.itemTitle} {i + 1}
                  </Text>
                  {!readOnly && items.length > block.min ? (
                    <View
                      className="btn btn--ghost btn--small"
                      hoverClass="btn--pressed"
                      data-testid={`remove-${itemPath}`}
                      onClick={() =>
                        change((d) => ({ ...d, lists: { ...d.lists, [block.path]: items.filter((_, j) => j !== i) } }))
                      }
                    >
                      删除
                    </View>
                  ) : null}
                </View>
                <FieldError message={errors[itemPath]} testId={`error-${itemPath}`} />
                {block.fields.map((f) =>
                  field(
                    `${itemPath}.${f.key}`,
                    itemKind(f, item.values),
                    item.values[f.key] ?? '',
                    (v) =>
                      setDraft((d) => ({
                        ...d,
                        lists: {
                          ...d.lists,
                          [block.path]: (d.lists[block.path] ?? []).map((it, j) =>
                            j === i ? { ...it, values: { ...it.values, [f.key]: v } } : it,
                          ),
                        },
                      })),
                    f.hint,
                  ),
                )}
              </View>
            );
          })}
          {!readOnly && items.length < block.max ? (
            <View
              className="btn btn--ghost"
              hoverClass="btn--pressed"
              data-testid={`add-${block.path}`}
              onClick={() =>
                change((d) => ({
                  ...d,
                  lists: { ...d.lists, [block.path]: [...items, listItemDraft(block, block.newItem(items.length))] },
                }))
              }
            >
              添加{block.itemTitle}
            </View>
          ) : null}
        </View>
      );
    }
    if (block.type === 'channels') {
      placed.add('channels');
      return (
        <View key={b} className="admin-list" data-testid="list-channels">
          <Text className="admin-list__title">{labelOf('channels')}</Text>
          <Text className="staff-hint">老带新、小程序、直接来院为归属规则所用，可改名不可删除</Text>
          <FieldError message={errors.channels} testId="error-channels" />
          {draft.channels.map((row, i) => {
            const path = `channels.${row.id}`;
            placed.add(path);
            const setRow = (patch: Partial<typeof row>) =>
              change((d) => ({ ...d, channels: d.channels.map((r, j) => (j === i ? { ...r, ...patch } : r)) }), path);
            return (
              <View key={i} className="admin-channel" data-testid={`channel-${i}`}>
                {row.isNew && !readOnly ? (
                  <Input
                    className="field__input admin-channel__id"
                    data-testid={`channel-${i}-id`}
                    value={row.id}
                    placeholder="编号，如 douyin"
                    maxlength={32}
                    onInput={(e) => setRow({ id: e.detail.value })}
                  />
                ) : (
                  <Text className="admin-channel__id-text">{row.id}</Text>
                )}
                <Input
                  className={`field__input admin-channel__label${errors[path] ? ' field__input--invalid' : ''}`}
                  data-testid={`channel-${i}-label`}
                  value={row.label}
                  disabled={readOnly}
                  maxlength={16}
                  onInput={(e) => setRow({ label: e.detail.value })}
                />
                {!readOnly && !row.fixed ? (
                  <View
                    className="btn btn--ghost btn--small"
                    hoverClass="btn--pressed"
                    data-testid={`channel-${i}-remove`}
                    onClick={() =>
                      change((d) => ({ ...d, channels: d.channels.filter((_, j) => j !== i) }), 'channels')
                    }
                  >
                    删除
                  </View>
                ) : null}
                <FieldError message={errors[path]} testId={`error-${path}`} />
              </View>
            );
          })}
          {!readOnly && draft.channels.length < 20 ? (
            <View
              className="btn btn--ghost"
              hoverClass="btn--pressed"
              data-testid="add-channel"
              onClick={() =>
                change((d) => ({ ...d, channels: [...d.channels, { id: '', label: '', fixed: false, isNew: true }] }))
              }
            >
              添加渠道
            </View>
          ) : null}
        </View>
      );
    }
    return (
      <View key={b} className="admin-list" data-testid="list-commission">
        <Text className="admin-list__title">{labelOf('commissionBpByChannel')}</Text>
        <Text className="staff-hint">留空则按默认提成比例</Text>
        {Object.entries(settings.channels).map(([channel, label]) => {
          const path = `commissionBpByChannel.${channel}`;
          placed.add(path);
          return (
            <FieldRow
              key={path}
              path={path}
              label={label}
              kind={{ type: 'percent' }}
              value={draft.commission[channel] ?? ''}
              {...(errors[path] ? { error: errors[path] } : {})}
              readOnly={readOnly}
              onChange={(v) => change((d) => ({ ...d, commission: { ...d.commission, [channel]: String(v) } }), path)}
            />
          );
        })}
      </View>
    );
  };

  const body = open ? layout.blocks.map(renderBlock) : null;
  const leftover = unplacedErrors(errors, placed);

  return (
    <View className="card admin-section" data-testid={id}>
      <View className="admin-section__head">
        <View className="admin-section__titles">
          <Text className="card__title">{SETTINGS_SECTIONS[section].label}</Text>
          <Text className="card__subtitle">{layout.intro}</Text>
        </View>
      </View>
      {status.kind === 'saved' ? (
        <Text className="admin-ok" data-testid={`${id}-saved`}>
          {status.changed > 0 ? `已保存，${status.changed} 项已更新并记入审计日志` : '内容没有变化，无需保存'}
        </Text>
      ) : null}
      {status.kind === 'conflict' ? (
        <View className="notice notice--danger admin-conflict" data-testid={`${id}-conflict`}>
          <Text>{status.message}</Text>
          <View className="btn btn--small" hoverClass="btn--pressed" data-testid={`${id}-reload`} onClick={onReload}>
            重新加载最新内容
          </View>
        </View>
      ) : null}
      {body}
      {leftover.length > 0 ? (
        <View className="admin-errors" data-testid={`${id}-errors`}>
          {leftover.map((m) => (
            <Text key={m} className="field__error">
              {m}
            </Text>
          ))}
        </View>
      ) : null}
      {message ? (
        <Text className="field__error" data-testid={`${id}-error`}>
          {message}
        </Text>
      ) : null}
      <View className="staff-row admin-section__actions">
        {editing ? (
          <>
            <View
              className={`btn${status.kind === 'saving' ? ' btn--disabled' : ''}`}
              hoverClass="btn--pressed"
              data-testid={`${id}-save`}
              onClick={() => void save()}
            >
              {status.kind === 'saving' ? '正在保存…' : '保存'}
            </View>
            <View className="btn btn--ghost" hoverClass="btn--pressed" data-testid={`${id}-cancel`} onClick={cancel}>
              取消
            </View>
          </>
        ) : (
          <>
            {canEdit ? (
              <View className="btn" hoverClass="btn--pressed" data-testid={`${id}-edit`} onClick={start}>
                修改
              </View>
            ) : null}
            <View
              className="btn btn--ghost"
              hoverClass="btn--pressed"
              data-testid={`${id}-toggle`}
              onClick={() => {
                setDraft(toDraft(section, settings));
                setOpen(!open);
              }}
            >
              {open ? '收起' : '查看'}
            </View>
          </>
        )}
      </View>
    </View>
  );
}
