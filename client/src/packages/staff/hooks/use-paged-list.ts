import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { Result } from '@clinic/shared';
import { appendPage } from '../../../utils/workbench';

type Page<T> = { items: T[]; nextCursor?: string };

export type PagedState<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: T[]; nextCursor?: string };

/**
 * A staff list paged by the server's cursor (the verification queue, 逾期督办): the first page on
 * every show (back from a customer's card, say), 加载更多 appending the next without duplicates,
 * a failed next page said below the list while the shown items stay, and `update` for a row that
 * changed or left. `fetchPage` must be a stable function (a service call).
 */
export function usePagedList<T extends { id: string }>(fetchPage: (cursor?: string) => Promise<Result<Page<T>>>) {
  const [state, setState] = useState<PagedState<T>>({ status: 'loading' });
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const load = useCallback(async () => {
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    const res = await fetchPage();
    if (!res.ok) return setState({ status: 'error', message: res.message });
    setState({
      status: 'ready',
      items: res.data.items,
      ...(res.data.nextCursor ? { nextCursor: res.data.nextCursor } : {}),
    });
  }, [fetchPage]);

  useDidShow(() => {
    void load();
  });

  const loadMore = async (cursor: string) => {
    setMore({ busy: true });
    const res = await fetchPage(cursor);
    if (!res.ok) return setMore({ busy: false, error: res.message });
    setMore({ busy: false });
    setState((s) => {
      if (s.status !== 'ready') return s;
      const { nextCursor: _previous, ...rest } = s;
      return {
        ...rest,
        items: appendPage(s.items, res.data.items),
        ...(res.data.nextCursor ? { nextCursor: res.data.nextCursor } : {}),
      };
    });
  };

  const update = (change: (items: T[]) => T[]) =>
    setState((s) => (s.status === 'ready' ? { ...s, items: change(s.items) } : s));

  return { state, more, load, loadMore, update };
}
