import { useCallback, useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { PersonPick, StaffPost } from '@clinic/shared';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { findCustomers, listColleagues } from '../../../services/staff-team';
import {
  KIND_LABELS,
  PICKER_MESSAGES,
  colleagueChoices,
  customerQuery,
  pickLabel,
  pickable,
} from '../../../utils/person-picker';
import type { Colleague } from '../../../utils/team';
import './PersonPicker.scss';

interface CommonProps {
  /** The chosen person's id ('' = nobody): the form sends only this. */
  value: string;
  onChange: (id: string) => void;
  testId: string;
  invalid?: boolean;
}

type Props =
  | (CommonProps & { kind: 'customer'; /** Only old customers can be picked (default). */ existingOnly?: boolean })
  | (CommonProps & {
      kind: 'staff';
      /** Only colleagues of this post (e.g. 咨询师). */ post?: StaffPost;
      /** Colleagues of this store (a chain manager's other stores); the caller's own by default. */
      storeId?: string;
      /** A colleague not to offer (a task's current owner). */
      exclude?: string;
      emptyHint?: string;
    });

/**
 * Picks a person for a desk form: an old customer by full mobile number or exact name (masked
 * results from `staff.findCustomers`), or a colleague of the store (`staff.listColleagues`; also
 * the colleague an overdue task is reassigned to).
 */
export function PersonPicker(props: Props) {
  return props.kind === 'customer' ? <CustomerPicker {...props} /> : <ColleaguePicker {...props} />;
}

type Search =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: PersonPick[] };

function CustomerPicker({
  value,
  onChange,
  testId,
  invalid,
  existingOnly = true,
}: CommonProps & { existingOnly?: boolean }) {
  const [query, setQuery] = useState('');
  const [queryError, setQueryError] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [chosen, setChosen] = useState<PersonPick | null>(null);
  const latest = useRef(0);

  // The form was reset (or the id changed elsewhere): forget the shown choice.
  useEffect(() => {
    if (!value) setChosen(null);
  }, [value]);

  const run = async () => {
    const checked = customerQuery(query);
    if (!checked.ok) {
      setQueryError(checked.message);
      return;
    }
    setQueryError('');
    const request = ++latest.current;
    setSearch({ status: 'loading' });
    const res = await findCustomers(checked.query);
    if (request !== latest.current) return;
    setSearch(res.ok ? { status: 'ready', items: res.data.items } : { status: 'error', message: res.message });
  };

  const pick = (p: PersonPick) => {
    if (!pickable(p, existingOnly)) return;
    setChosen(p);
    setSearch({ status: 'idle' });
    setQuery('');
    onChange(p.customerId);
  };

  if (value) {
    return (
      <View className="person-picker" data-testid={testId}>
        <View className="option option--active person-picker__chosen" data-testid={`${testId}-chosen`}>
          <View className="person-picker__main">
            <Text className="option__title">{chosen ? chosen.displayName : '已选择'}</Text>
            <Text className="option__text">{chosen ? chosen.maskedPhone : `编号 ${value}`}</Text>
          </View>
          <View
            className="btn btn--ghost btn--small person-picker__clear"
            hoverClass="btn--pressed"
            data-testid={`${testId}-clear`}
            onClick={() => {
              setChosen(null);
              onChange('');
            }}
          >
            更换
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="person-picker" data-testid={testId}>
      <View className="person-picker__search">
        <Input
          className={`field__input person-picker__input${invalid || queryError ? ' field__input--invalid' : ''}`}
          data-testid={`${testId}-query`}
          value={query}
          maxlength={20}
          placeholder="完整手机号或全名"
          onInput={(e) => {
            setQuery(e.detail.value);
            setQueryError('');
          }}
        />
        <View
          className={`btn btn--ghost person-picker__go${search.status === 'loading' ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid={`${testId}-search`}
          onClick={() => search.status !== 'loading' && void run()}
        >
          查找
        </View>
      </View>
      {queryError ? (
        <Text className="field__error" data-testid={`${testId}-error`}>
          {queryError}
        </Text>
      ) : null}
      {search.status === 'loading' ? <LoadingState text="正在查找…" testId={`${testId}-loading`} /> : null}
      {search.status === 'error' ? (
        <Text className="field__error" data-testid={`${testId}-error`}>
          {search.message}
        </Text>
      ) : null}
      {search.status === 'ready' && search.items.length === 0 ? (
        <Text className="staff-hint" data-testid={`${testId}-empty`}>
          {PICKER_MESSAGES.notFound}
        </Text>
      ) : null}
      {search.status === 'ready'
        ? search.items.map((p) => {
            const ok = pickable(p, existingOnly);
            return (
              <View
                key={p.customerId}
                className={`option person-picker__result${ok ? '' : ' person-picker__result--off'}`}
                hoverClass={ok ? 'btn--pressed' : 'none'}
                data-testid={`${testId}-result-${p.customerId}`}
                data-pickable={ok ? 'true' : 'false'}
                onClick={() => pick(p)}
              >
                <Text className="option__title">
                  {pickLabel(p)}{' '}
                  <Text className={`tag${p.kind === 'existing' ? '' : ' tag--grey'}`}>{KIND_LABELS[p.kind]}</Text>
                </Text>
                {ok ? null : <Text className="option__text">{PICKER_MESSAGES.newCustomer}</Text>}
              </View>
            );
          })
        : null}
    </View>
  );
}

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: Colleague[] };

function ColleaguePicker({
  value,
  onChange,
  testId,
  post,
  storeId,
  exclude,
  emptyHint,
}: CommonProps & { post?: StaffPost; storeId?: string; exclude?: string; emptyHint?: string }) {
  const [state, setState] = useState<Load>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const res = await listColleagues({ ...(post ? { post } : {}), ...(storeId ? { storeId } : {}) });
    setState(res.ok ? { status: 'ready', items: res.data.items } : { status: 'error', message: res.message });
  }, [post, storeId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <LoadingState text="正在加载同事…" testId={`${testId}-loading`} />;
  if (state.status === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} testId={`${testId}-error`} />;
  }
  const choices = colleagueChoices(state.items, post, exclude);
  return (
    <View className="person-picker" data-testid={testId}>
      {choices.length === 0 ? (
        <Text className="staff-hint" data-testid={`${testId}-empty`}>
          {emptyHint ?? '本店暂无可选的同事'}
        </Text>
      ) : (
        <View className="pick-grid">
          {choices.map((c) => {
            const active = c.staffId === value;
            return (
              <View
                key={c.staffId}
                className={`pick-grid__item${active ? ' pick-grid__item--active' : ''}`}
                data-testid={`${testId}-option-${c.staffId}`}
                data-selected={active ? 'true' : 'false'}
                // Tapping the chosen colleague again clears the choice (the field is optional).
                onClick={() => onChange(active ? '' : c.staffId)}
              >
                <Text className="pick-grid__name">{c.name}</Text>
                <Text className="pick-grid__meta">{c.postLabel}</Text>
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
