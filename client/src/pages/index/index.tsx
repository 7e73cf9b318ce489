import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ClinicHeader } from '../../components/ClinicHeader';
import { DemoSignIn } from '../../components/DemoSignIn';
import { LoginCard, type LoginState } from '../../components/LoginCard';
import { StoresCard } from '../../components/StoresCard';
import { BindPhone } from '../../components/BindPhone';
import { PAGES } from '../../constants';
import { takeFlash, type Flash } from '../../services/flash';
import { getKeptReferral, type KeptReferral } from '../../services/kept-referral';
import type { BoundPhone } from '../../services/identity';
import { login } from '../../services/user';
import './index.scss';

/**
 * Home. In weapp the caller is signed in on load (WeChat supplies the identity). In H5 a demo
 * identity is chosen first in the 演示登录 panel, which does not exist in the weapp build.
 * Signed in: 预约 and 我的预约, the stores and projects, phone binding, for existing customers
 * (老客) the referral card, for staff the workbench, and for everyone else a small 员工加入 link.
 */
export default function Index() {
  const [state, setState] = useState<LoginState>(() =>
    process.env.TARO_ENV === 'h5' ? { status: 'idle' } : { status: 'loading' },
  );
  const [flash] = useState<Flash | null>(() => takeFlash());
  const [kept] = useState<KeptReferral | null>(() => getKeptReferral());
  const [bound, setBound] = useState<BoundPhone | null>(null);
  // Only the latest sign-in may update the screen (a quick second choice wins over the first).
  const latest = useRef(0);

  const signIn = useCallback(async () => {
    const request = ++latest.current;
    setState({ status: 'loading' });
    setBound(null);
    const res = await login();
    if (request !== latest.current) return;
    setState(res.ok ? { status: 'success', record: res.data } : { status: 'error', message: res.message });
  }, []);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') void signIn();
  }, [signIn]);

  const retry = useCallback(() => void signIn(), [signIn]);
  const go = (url: string) => void Taro.navigateTo({ url });

  const signedIn = state.status === 'success';
  const isStaff = signedIn && state.record.roles.includes('staff');
  const isExistingCustomer =
    (signedIn && state.record.roles.includes('customer')) || bound?.customerKind === 'existing';

  return (
    <View className="home">
      <ClinicHeader />
      <View className="home__body">
        {flash ? (
          <View className="notice" data-testid="home-notice">
            {flash.title ? <Text className="notice__title">{flash.title}</Text> : null}
            <Text>{flash.message}</Text>
          </View>
        ) : null}
        {kept ? (
          <View className="notice notice--info" data-testid="home-kept-referral">
            <Text>好友 {kept.referrerDisplayName} 的邀请已为你保留，预约时自动使用</Text>
          </View>
        ) : null}
        {process.env.TARO_ENV === 'h5' ? <DemoSignIn onSignIn={retry} /> : null}
        <LoginCard state={state} onRetry={retry} />
        {isStaff ? (
          <View
            className="card home-workbench"
            hoverClass="btn--pressed"
            data-testid="home-workbench"
            onClick={() => go(PAGES.workbench)}
          >
            <Text className="home-workbench__title">员工工作台</Text>
            <Text className="home-workbench__text">今日回访、到院签到、前台建档 ›</Text>
          </View>
        ) : null}
        {signedIn ? (
          <View className="card home-actions" data-testid="home-actions">
            <View className="home-actions__row">
              <View
                className="btn home-actions__main"
                hoverClass="btn--pressed"
                data-testid="home-book"
                onClick={() => go(PAGES.booking)}
              >
                预约到院
              </View>
              <View
                className="btn btn--ghost home-actions__main"
                hoverClass="btn--pressed"
                data-testid="home-appointments"
                onClick={() => go(PAGES.appointments)}
              >
                我的预约
              </View>
            </View>
            {isExistingCustomer ? (
              <View
                className="home-card-entry"
                hoverClass="btn--pressed"
                data-testid="home-card"
                onClick={() => go(PAGES.card)}
              >
                <Text className="home-card-entry__title">我的推荐卡</Text>
                <Text className="home-card-entry__text">邀请好友来院，好友首次消费后您与好友均可获得礼遇 ›</Text>
              </View>
            ) : null}
            <View className="home-phone">
              {bound ? (
                <Text className="home-phone__bound" data-testid="bound-phone">
                  已绑定手机号 {bound.maskedPhone}
                  {bound.customerKind === 'existing' ? '（老客）' : ''}
                </Text>
              ) : (
                <>
                  <Text className="muted">绑定手机号后可查看到院记录、推荐与奖励</Text>
                  <BindPhone onBound={setBound} />
                </>
              )}
            </View>
          </View>
        ) : null}
        {signedIn ? <StoresCard /> : null}
        {signedIn && !isStaff ? (
          // A new colleague with an invite code; whether they may join only the server decides.
          <View
            className="home-join"
            hoverClass="btn--pressed"
            data-testid="home-join"
            onClick={() => go(PAGES.staffJoin)}
          >
            <Text className="home-join__text">员工加入（已收到邀请码）›</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}
