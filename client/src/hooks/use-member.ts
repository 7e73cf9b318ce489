import { useCallback, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { UserRecord } from '@clinic/shared';
import { getCurrentIdentity } from '../services/demo-identity';
import { knownMember, memberIsFresh, signInMember } from '../services/session';

export type MemberState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'success'; record: UserRecord };

/**
 * The signed-in person (user.login) for a tab page. weapp: signs in on the first show (WeChat
 * supplies the identity). H5: the demo identity stands in — on the page with the 演示登录 panel
 * (`demoPanel`) the panel starts the first sign-in, elsewhere the remembered identity does.
 * The record is shared by the tab pages (services/session): a tab shows the last known record at
 * once and refreshes quietly when it is not fresh, so a booking or a first paid deal (新客 → 老客)
 * shows up when the person comes back, without a loading flash or a call per tab switch. Only the
 * latest sign-in may update the screen (a quick second choice wins over the first).
 */
export function useMember({ demoPanel = false }: { demoPanel?: boolean } = {}) {
  const h5 = process.env.TARO_ENV === 'h5';
  const [state, setState] = useState<MemberState>(() => {
    const known = knownMember();
    if (known) return { status: 'success', record: known };
    return h5 ? { status: 'idle' } : { status: 'loading' };
  });
  const latest = useRef(0);
  const shown = useRef(false);

  const signIn = useCallback(async (quiet = false) => {
    const request = ++latest.current;
    if (!quiet) setState({ status: 'loading' });
    const res = await signInMember();
    if (request !== latest.current) return;
    if (res.ok) setState({ status: 'success', record: res.data });
    else if (!quiet) setState({ status: 'error', message: res.message });
  }, []);

  useDidShow(() => {
    const first = !shown.current;
    shown.current = true;
    if (h5 && !getCurrentIdentity()) return;
    if (first && h5 && demoPanel && !knownMember()) return;
    const known = knownMember();
    if (known && memberIsFresh()) {
      setState({ status: 'success', record: known });
      return;
    }
    void signIn(!first || known !== null);
  });

  return { state, signIn };
}
