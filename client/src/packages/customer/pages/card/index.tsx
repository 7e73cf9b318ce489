import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { Button, Canvas, Image, Text, View } from '@tarojs/components';
import { BindPhone } from '../../../../components/BindPhone';
import { CodeQr } from '../../../../components/CodeQr';
import { ReferralList } from '../../components/ReferralList';
import { ReferralUpdatesOffer } from '../../components/ReferralUpdatesOffer';
import { RewardLedger } from '../../components/RewardLedger';
import { ShownProfileSettings } from '../../components/ShownProfileSettings';
import { EmptyState, PageError, PageLoading } from '../../../../components/StateViews';
import { CLINIC_NAME, CLINIC_TAGLINE, PAGES } from '../../../../constants';
import { renderPosterH5, renderPosterWeapp, savePosterToAlbum } from '../../../../services/poster';
import { getMyCard, revokeCard, type MyCard } from '../../../../services/referral';
import type { PosterInput } from '../../../../utils/poster';
import { cardRuleLines, DEFAULT_REFERRAL_TERMS } from '../../../../utils/referral-terms';
import { h5LandingUrl, SHARE_TITLE, sharePathFor } from '../../../../utils/share';
import './index.scss';

type State =
  | { status: 'loading' }
  | { status: 'not-customer'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; card: MyCard };

type Poster =
  { status: 'idle' } | { status: 'drawing' } | { status: 'ready'; src: string } | { status: 'error'; message: string };

const POSTER_CANVAS_ID = 'poster-canvas';

/** The existing customer's referral card: code, QR, sharing, poster, rules, referrals and rewards. */
export default function Card() {
  const { params } = useRouter();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [poster, setPoster] = useState<Poster>({ status: 'idle' });
  const [copied, setCopied] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const card = state.status === 'ready' ? state.card : null;
  const cardRef = useRef<MyCard | null>(null);
  cardRef.current = card;

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    setPoster({ status: 'idle' });
    const res = await getMyCard();
    if (res.ok) setState({ status: 'ready', card: res.data });
    else if (res.code === 'NOT_EXISTING_CUSTOMER') setState({ status: 'not-customer', message: res.message });
    else setState({ status: 'error', message: res.message });
  }, []);

  useEffect(() => {
    // Opened from Moments (single-page mode) with someone's code: that is an invitation, not my card.
    if (params.code) {
      void Taro.redirectTo({ url: `${PAGES.landing}?code=${encodeURIComponent(params.code)}` });
      return;
    }
    void load();
  }, [load, params.code]);

  const pathOf = (c: MyCard) => c.sharePath ?? sharePathFor(c.code);
  useShareAppMessage(() => {
    const c = cardRef.current;
    return { title: SHARE_TITLE, path: c ? `/${pathOf(c)}` : PAGES.home };
  });
  useShareTimeline(() => {
    const c = cardRef.current;
    return { title: SHARE_TITLE, query: c ? `code=${c.code}` : '' };
  });

  const copy = (c: MyCard) => {
    // Shown at once: where the clipboard is refused (a browser without permission) it is copied by hand.
    setCopied(true);
    Taro.setClipboardData({ data: pathOf(c) }).catch(() => undefined);
  };

  const revoke = async () => {
    const answer = await Taro.showModal({
      title: '作废并重新生成推荐码',
      content: '作废后，已分享出去的旧推荐码和海报将无法再使用，确定继续吗？',
      confirmText: '确定作废',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    const res = await revokeCard();
    if (!res.ok) {
      void Taro.showToast({ title: res.message, icon: 'none' });
      return;
    }
    setCopied(false);
    await load();
    void Taro.showToast({ title: '已生成新的推荐码', icon: 'success' });
  };

  const makePoster = async (c: MyCard) => {
    setPoster({ status: 'drawing' });
    const input: PosterInput = {
      clinicName: CLINIC_NAME,
      tagline: CLINIC_TAGLINE,
      invitation: `我在${CLINIC_NAME}体验很满意，邀请你也来试试！`,
      benefits: c.refereeBenefits ?? [],
      code: c.code,
      qrCaption: c.qrUrl ? '长按识别小程序码，领取好友专享礼遇' : '扫码打开好友邀请',
    };
    const fallback = process.env.TARO_ENV === 'h5' ? h5LandingUrl(window.location.origin, c.code) : pathOf(c);
    const res =
      process.env.TARO_ENV === 'h5'
        ? await renderPosterH5(input, c.qrUrl, fallback)
        : await renderPosterWeapp(POSTER_CANVAS_ID, input, c.qrUrl, fallback);
    setPoster(res.ok ? { status: 'ready', src: res.src } : { status: 'error', message: res.message });
  };

  const savePoster = async (src: string) => {
    const res = await savePosterToAlbum(src);
    void Taro.showToast({ title: res.message, icon: res.ok ? 'success' : 'none' });
  };

  if (state.status === 'loading') return <PageLoading text="正在打开推荐卡…" testId="card-loading" />;
  if (state.status === 'error') {
    return <PageError message={state.message} onRetry={() => void load()} testId="card-error" />;
  }
  if (state.status === 'not-customer') {
    return (
      <View className="page">
        <View className="card" data-testid="card-not-customer">
          <EmptyState title="暂未开通推荐卡" hint={state.message} />
          <Text className="muted card-page__hint">已在门店消费过？绑定手机号后即可开通</Text>
          <BindPhone onBound={(b) => b.customerKind === 'existing' && void load()} />
        </View>
      </View>
    );
  }

  const c = state.card;
  return (
    <View className="page card-page" data-testid="card-page">
      <View className="card card-page__hero">
        <Text className="card__subtitle">我的专属推荐码</Text>
        <Text className="card-page__code" data-testid="card-code">
          {c.code}
        </Text>
        <View className="card-page__qr">
          {c.qrUrl ? (
            <Image className="card-page__qr-image" src={c.qrUrl} mode="aspectFit" data-testid="card-qr" />
          ) : (
            <CodeQr text={pathOf(c)} size={180} testId="card-qr" />
          )}
        </View>
        <Text className="muted">好友扫码或打开分享卡片，即可查看邀请并预约</Text>

        <View className="card-page__actions">
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className="btn btn-native card-page__action" openType="share" data-testid="card-share">
              分享给好友
            </Button>
          ) : null}
          <View
            className="btn btn--ghost card-page__action"
            hoverClass="btn--pressed"
            data-testid="card-copy"
            onClick={() => copy(c)}
          >
            复制分享链接
          </View>
          <View
            className={`btn btn--ghost card-page__action${poster.status === 'drawing' ? ' btn--disabled' : ''}`}
            hoverClass="btn--pressed"
            data-testid="card-poster-make"
            onClick={() => poster.status !== 'drawing' && void makePoster(c)}
          >
            {poster.status === 'drawing' ? '正在生成…' : '生成海报'}
          </View>
        </View>
        {process.env.TARO_ENV === 'weapp' ? (
          <Text className="muted card-page__hint">分享到朋友圈：点击右上角 ··· 选择“分享到朋友圈”</Text>
        ) : null}
        {copied ? (
          <View className="card-page__link" data-testid="card-copied">
            <Text className="card-page__link-title">已复制分享路径</Text>
            <Text className="card-page__mono" data-testid="card-share-path">
              {pathOf(c)}
            </Text>
            {process.env.TARO_ENV === 'h5' ? (
              <>
                <Text className="card-page__link-title">浏览器打开地址</Text>
                <Text className="card-page__mono" data-testid="card-share-url">
                  {h5LandingUrl(window.location.origin, c.code)}
                </Text>
              </>
            ) : null}
          </View>
        ) : null}
      </View>

      {poster.status === 'error' ? (
        <View className="notice" data-testid="card-poster-error">
          <Text>{poster.message}</Text>
        </View>
      ) : null}
      {poster.status === 'ready' ? (
        <View className="card card-page__poster" data-testid="card-poster">
          <Image className="card-page__poster-image" src={poster.src} mode="widthFix" data-testid="card-poster-image" />
          {process.env.TARO_ENV === 'h5' ? (
            <a
              className="btn btn--block"
              href={poster.src}
              download={`推荐海报-${c.code}.png`}
              data-testid="card-poster-download"
            >
              下载海报
            </a>
          ) : (
            <View
              className="btn btn--block"
              hoverClass="btn--pressed"
              data-testid="card-poster-save"
              onClick={() => void savePoster(poster.src)}
            >
              保存到相册
            </View>
          )}
        </View>
      ) : null}
      {process.env.TARO_ENV === 'weapp' ? (
        <Canvas type="2d" id={POSTER_CANVAS_ID} className="card-page__canvas" />
      ) : null}

      {c.shownAs && c.shownProfile ? (
        <ShownProfileSettings
          shownAs={c.shownAs}
          profile={c.shownProfile}
          onChanged={(shown) => setState({ status: 'ready', card: { ...c, ...shown } })}
        />
      ) : null}

      <View className="card" data-testid="card-rules">
        <Text className="card__title">推荐规则</Text>
        {cardRuleLines(c.referralTerms ?? DEFAULT_REFERRAL_TERMS).map((line, i) => (
          <Text key={line} className="card-page__rule" data-testid="card-rule">
            {i + 1}. {line}
          </Text>
        ))}
        {(c.referrerBenefits ?? []).length > 0 ? <Text className="section-title">您可获得</Text> : null}
        {(c.referrerBenefits ?? []).map((b) => (
          <Text key={b.title} className="card-page__benefit">
            · {b.title}：{b.description}
          </Text>
        ))}
        {(c.refereeBenefits ?? []).length > 0 ? <Text className="section-title">好友可获得</Text> : null}
        {(c.refereeBenefits ?? []).map((b) => (
          <Text key={b.title} className="card-page__benefit">
            · {b.title}：{b.description}
          </Text>
        ))}
      </View>

      {c.updateTemplateId ? (
        <ReferralUpdatesOffer
          templateId={c.updateTemplateId}
          grants={c.updateGrants ?? 0}
          onSubscribed={(grants) => setState({ status: 'ready', card: { ...c, updateGrants: grants } })}
        />
      ) : null}

      <ReferralList reloadKey={reloadKey} />
      <RewardLedger reloadKey={reloadKey} />

      <View className="card-page__footer">
        <Text className="link" data-testid="card-refresh" onClick={() => setReloadKey((n) => n + 1)}>
          刷新推荐与奖励
        </Text>
        <Text className="link card-page__revoke" data-testid="card-revoke" onClick={() => void revoke()}>
          作废并重新生成推荐码
        </Text>
      </View>
    </View>
  );
}
