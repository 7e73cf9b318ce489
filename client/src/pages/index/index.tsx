import { useCallback, useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { ClinicHeader } from '../../components/ClinicHeader';
import { DemoSignIn } from '../../components/DemoSignIn';
import { LoginCard, type LoginState } from '../../components/LoginCard';
import { login } from '../../services/user';
import './index.scss';

/**
 * Home. In weapp the caller is signed in on load (WeChat supplies the identity). In H5 a demo
 * identity is chosen first in the 演示登录 panel, which does not exist in the weapp build.
 */
export default function Index() {
  const [state, setState] = useState<LoginState>(() =>
    process.env.TARO_ENV === 'h5' ? { status: 'idle' } : { status: 'loading' },
  );
  // Only the latest sign-in may update the screen (a quick second choice wins over the first).
  const latest = useRef(0);

  const signIn = useCallback(async () => {
    const request = ++latest.current;
    setState({ status: 'loading' });
    const res = await login();
    if (request !== latest.current) return;
    setState(res.ok ? { status: 'success', record: res.data } : { status: 'error', message: res.message });
  }, []);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') void signIn();
  }, [signIn]);

  const retry = useCallback(() => void signIn(), [signIn]);

  return (
    <View className="home">
      <ClinicHeader />
      <View className="home__body">
        {process.env.TARO_ENV === 'h5' ? <DemoSignIn onSignIn={retry} /> : null}
        <LoginCard state={state} onRetry={retry} />
      </View>
    </View>
  );
}
