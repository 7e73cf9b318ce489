import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import type { ErrorCode } from '@clinic/shared';
import { ClinicHeader } from '../../components/ClinicHeader';
import { DemoSignIn } from '../../components/DemoSignIn';
import { ErrorState, LoadingState } from '../../components/StateViews';
import { CLINIC_NAME, PAGES, REFERRAL_KEEP_DAYS } from '../../constants';
import { getCurrentIdentity } from '../../services/demo-identity';
import { setFlash } from '../../services/flash';
import { forgetKeptReferral, keepReferral } from '../../services/kept-referral';
import { openPage } from '../../services/navigation';
import { resolveLanding, type Landing } from '../../services/landing';
import { shareInvitationLink } from '../../services/share-link';
import { formatFen } from '../../utils/format';
import { REFERRAL_TEXT } from '../../utils/referral-terms';
import { codeOfSource, h5LandingUrl, landingSource, SHARE_TITLE, sharePathFor } from '../../utils/share';
import './index.scss';

type State =
  | { status: 'signin' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; landing: Landing };

/** Codes the function says are wrong (typo, unknown, revoked): the page falls back to home. */
const INVALID_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['INVALID_CODE', 'INVALID_INPUT']);

/**
 * The invitation: opened from a shared card (`?code=XXXX`) or a scanned mini-program code
 * (`?scene=r%3DXXXX`). A valid code is kept on the device until the friend books; the holder opening
 * their own card (the function says so: `ownCard`) is shown it as theirs, and nothing is kept.
 */
export default function Landing() {
  const { params } = useRouter();
  const source = landingSource(params);
  const needsSignIn = process.env.TARO_ENV === 'h5' && !getCurrentIdentity();
  const [state, setState] = useState<State>(needsSignIn ? { status: 'signin' } : { status: 'loading' });
  const latest = useRef(0);

  useShareAppMessage(() =>
    state.status === 'ready' && state.landing.ownCard
      ? { title: SHARE_TITLE, path: `/${sharePathFor(state.landing.code)}` }
      : { title: CLINIC_NAME, path: PAGES.home },
  );

  // The person tapped a link or scanned a code (they typed nothing), so the notice says what happened
  // to the invitation and what they can still do, not the server's "check what you typed".
  const fallBack = useCallback((why: string) => {
    setFlash({
      title: '这份邀请无法使用',
      message: `${why}，可请推荐人重新分享。您仍可以直接预约，预约时也可以填写推荐码。`,
    });
    void Taro.reLaunch({ url: PAGES.home });
  }, []);

  const resolve = useCallback(async () => {
    if (!source) return fallBack('链接中没有推荐码');
    const request = ++latest.current;
    setState({ status: 'loading' });
    const res = await resolveLanding(source);
    if (request !== latest.current) return;
    if (res.ok) {
      const { code, referrerDisplayName, keepDays, referralTerms, ownCard, storeId } = res.data;
      // One's own code is never kept: the holder's next booking would be refused as a self-referral.
      if (ownCard) forgetKeptReferral(code);
      else {
        const invitation = { code, referrerDisplayName, terms: referralTerms, storeId };
        keepReferral(invitation, Date.now(), keepDays ?? REFERRAL_KEEP_DAYS);
      }
      setState({ status: 'ready', landing: res.data });
    } else if (INVALID_CODES.has(res.code)) {
      // Cleared before the redirect, so that home shows the notice and nothing kept for this code.
      const code = codeOfSource(source);
      if (code) forgetKeptReferral(code);
      fallBack('邀请中的推荐码无法识别或已停用');
    } else {
      setState({ status: 'error', message: res.message });
    }
    // `source` is derived from the route params, which do not change for a page instance.
  }, [params.code, params.scene, fallBack]);

  useEffect(() => {
    // Once per page; in H5 without a demo identity, after the sign-in panel's choice instead.
    if (!needsSignIn) void resolve();
  }, []);

  return (
    <View className="landing">
      <ClinicHeader />
      <View className="landing__body">
        {state.status === 'signin' ? (
          <>
            <View className="notice notice--info" data-testid="landing-signin-hint">
              <Text>本地演示：请先选择一位演示人员，再查看好友邀请</Text>
            </View>
            {process.env.TARO_ENV === 'h5' ? <DemoSignIn onSignIn={() => void resolve()} /> : null}
          </>
        ) : null}
        {state.status === 'loading' ? (
          <View className="card">
            <LoadingState text="正在打开好友邀请…" testId="landing-loading" />
          </View>
        ) : null}
        {state.status === 'error' ? (
          <View className="card">
            <ErrorState message={state.message} onRetry={() => void resolve()} testId="landing-error" />
          </View>
        ) : null}
        {state.status === 'ready' && state.landing.ownCard ? <OwnCard code={state.landing.code} /> : null}
        {state.status === 'ready' && !state.landing.ownCard ? <Invitation landing={state.landing} /> : null}
      </View>
    </View>
  );
}

/**
 * The invitation, in the order a friend decides: who invites them (the nickname and avatar the
 * referrer agreed to show, else the masked name), what they get, who treats them, where, and the
 * clinic's licence. A part the clinic has not filled in is left out, heading and all.
 */
function Invitation({ landing }: { landing: Landing }) {
  const clinic = landing.clinic;
  return (
    <View data-testid="landing-invitation">
      <View className="card landing__invite">
        <View className="landing__from">
          {landing.referrerAvatarUrl ? (
            <Image
              className="landing__avatar"
              src={landing.referrerAvatarUrl}
              mode="aspectFill"
              data-testid="landing-avatar"
            />
          ) : null}
          <Text className="landing__title" data-testid="landing-title">
            您的好友 {landing.referrerDisplayName} 邀请您到{CLINIC_NAME}，一起变美
          </Text>
        </View>
        <Text className="landing__sub">通过好友邀请预约，即可享受以下新客礼遇</Text>
        <View className="landing__benefits" data-testid="landing-benefits">
          {landing.benefits.length === 0 ? <Text className="muted">到院后由顾问为您介绍当期新客礼遇</Text> : null}
          {landing.benefits.map((b) => (
            <View key={b.title} className="landing__benefit">
              <Text className="landing__benefit-title">
                {b.title}
                {b.valueFen ? <Text className="landing__worth"> 价值 {formatFen(b.valueFen)}</Text> : null}
              </Text>
              <Text className="landing__benefit-text">{b.description}</Text>
            </View>
          ))}
        </View>
      </View>
      {clinic?.doctors.length ? (
        <View className="card" data-testid="landing-doctors">
          <Text className="card__title">医生团队</Text>
          {clinic.doctors.map((d) => (
            <View key={d.name} className="landing__item" data-testid="landing-doctor">
              {d.photoUrl ? <Image className="landing__portrait" src={d.photoUrl} mode="aspectFill" /> : null}
              <View className="landing__grow">
                <Text className="landing__benefit-title">
                  {d.name} {d.title}
                </Text>
                <Text className="landing__benefit-text">{d.specialties}</Text>
                {d.licenceNumber ? <Text className="landing__sub">医师执业证 {d.licenceNumber}</Text> : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {clinic?.stores.length ? (
        <View className="card" data-testid="landing-stores">
          <Text className="card__title">门店</Text>
          {clinic.stores.map((s) => (
            <View key={s.id} className="landing__store" data-testid="landing-store">
              <View className="landing__item">
                {s.photoUrls.slice(0, 2).map((url) => (
                  <Image key={url} className="landing__photo" src={url} mode="aspectFill" />
                ))}
              </View>
              <Text className="landing__benefit-title">{s.name}</Text>
              <Text className="landing__sub">{s.address}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {clinic?.licenceNumber ? (
        <View className="card" data-testid="landing-licence">
          <Text className="card__title">资质</Text>
          <Text className="landing__benefit-text">医疗机构执业许可证 {clinic.licenceNumber}</Text>
          <Text className="landing__sub">{clinic.institutionName}</Text>
        </View>
      ) : null}
      <View className="landing__bar">
        <View
          className="btn btn--block"
          hoverClass="btn--pressed"
          data-testid="landing-book"
          onClick={() => void openPage(PAGES.booking)}
        >
          立即预约到院
        </View>
        <Text className="landing__kept" data-testid="landing-kept">
          推荐码 {landing.code} 已为您保留 {landing.keepDays ?? REFERRAL_KEEP_DAYS} 天，稍后预约也会自动使用
        </Text>
      </View>
    </View>
  );
}

/** The holder's own card, opened from their own link or QR code: a way to the card and to share it. */
function OwnCard({ code }: { code: string }) {
  // H5: the landing address itself, through the browser's share sheet or the clipboard.
  const shareLink = async () => {
    const shared = await shareInvitationLink(h5LandingUrl(window.location.origin, code), SHARE_TITLE);
    if (shared === 'copied') void Taro.showToast({ title: '邀请链接已复制，可粘贴到微信发给好友', icon: 'none' });
  };
  return (
    <View className="card landing__invite" data-testid="landing-own-card">
      <Text className="landing__title" data-testid="landing-own-card-title">
        {REFERRAL_TEXT.ownCardTitle}
      </Text>
      <Text className="landing__sub">
        推荐码 <Text className="landing__code">{code}</Text>
      </Text>
      <Text className="landing__sub">{REFERRAL_TEXT.ownCardHint}</Text>
      <View className="landing__own-actions">
        <View
          className="btn btn--block landing__action"
          hoverClass="btn--pressed"
          data-testid="landing-own-card-open"
          onClick={() => void Taro.navigateTo({ url: PAGES.card })}
        >
          我的推荐卡
        </View>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button
            className="btn btn--ghost btn--block btn-native landing__action"
            openType="share"
            data-testid="landing-own-card-share"
          >
            分享给好友
          </Button>
        ) : (
          <View
            className="btn btn--ghost btn--block landing__action"
            hoverClass="btn--pressed"
            data-testid="landing-own-card-share"
            onClick={() => void shareLink()}
          >
            分享邀请链接
          </View>
        )}
      </View>
    </View>
  );
}
