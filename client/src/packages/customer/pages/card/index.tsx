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
import { CLINIC_NAME, CLINIC_TAGLINE, DANGER_COLOR, PAGES } from '../../../../constants';
import {
  canSharePosterH5,
  posterFileH5,
  renderPosterH5,
  renderPosterWeapp,
  savePosterToAlbum,
  sharePosterH5,
  sharePosterWeapp,
  type PosterAction,
} from '../../../../services/poster';
import { initialPosterTemplate, rememberPosterTemplate } from '../../../../services/poster-template';
import { getMyCard, revokeCard, type MyCard } from '../../../../services/referral';
import { POSTER_TEMPLATES, posterContent, type PosterTemplateId } from '../../../../utils/poster';
import { cardRuleLines, DEFAULT_REFERRAL_TERMS } from '../../../../utils/referral-terms';
import { h5LandingUrl, SHARE_TITLE, sharePathFor } from '../../../../utils/share';
import { shareInvitationLink } from '../../../../services/share-link';
import './index.scss';

type State =
  | { status: 'loading' }
  | { status: 'not-customer'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; card: MyCard };

/** A drawn poster: the image (H5 data URL / weapp temp file) and, in a browser that can share files, the PNG file. */
interface ShownPoster {
  template: PosterTemplateId;
  src: string;
  width: number;
  height: number;
  shareFile: File | null;
}

const POSTER_CANVAS_ID = 'poster-canvas';

const posterFileName = (code: string, template: PosterTemplateId) =>
  `推荐海报-${code}-${POSTER_TEMPLATES.find((t) => t.id === template)?.label ?? template}.png`;

/** The existing customer's referral card: code, QR, sharing, poster, rules, referrals and rewards. */
export default function Card() {
  const { params } = useRouter();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [template, setTemplate] = useState<PosterTemplateId>(initialPosterTemplate);
  const [poster, setPoster] = useState<ShownPoster | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [posterError, setPosterError] = useState<string | null>(null);
  /** Only the latest drawing is shown (a quick second chip tap outruns the first). */
  const drawingSeq = useRef(0);
  const [copied, setCopied] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const card = state.status === 'ready' ? state.card : null;
  const cardRef = useRef<MyCard | null>(null);
  cardRef.current = card;

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    drawingSeq.current += 1;
    setPoster(null);
    setDrawing(false);
    setPosterError(null);
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

  /** H5: the landing page's address, through the browser's share sheet or the clipboard. */
  const shareLink = async (c: MyCard) => {
    const shared = await shareInvitationLink(h5LandingUrl(window.location.origin, c.code), SHARE_TITLE);
    // Copied, or refused (then the address below is copied by hand).
    setCopied(shared === 'copied' || shared === 'failed');
  };

  const revoke = async () => {
    const answer = await Taro.showModal({
      title: '作废并重新生成推荐码',
      content: '作废后，已分享出去的旧推荐码和海报将无法再使用，确定继续吗？',
      confirmText: '确定作废',
      confirmColor: DANGER_COLOR,
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

  const makePoster = async (c: MyCard, chosen: PosterTemplateId) => {
    const seq = ++drawingSeq.current;
    setDrawing(true);
    setPosterError(null);
    const job = {
      template: chosen,
      content: posterContent(c, { name: CLINIC_NAME, tagline: CLINIC_TAGLINE }),
      ...(c.qrUrl ? { qrUrl: c.qrUrl } : {}),
      qrFallbackText: process.env.TARO_ENV === 'h5' ? h5LandingUrl(window.location.origin, c.code) : pathOf(c),
    };
    const res =
      process.env.TARO_ENV === 'h5' ? await renderPosterH5(job) : await renderPosterWeapp(POSTER_CANVAS_ID, job);
    if (seq !== drawingSeq.current) return;
    setDrawing(false);
    if (!res.ok) {
      setPosterError(res.message);
      return;
    }
    let shareFile: File | null = null;
    if (process.env.TARO_ENV === 'h5') {
      const file = posterFileH5(res.src, posterFileName(c.code, chosen));
      shareFile = canSharePosterH5(file) ? file : null;
    }
    setPoster({ template: chosen, src: res.src, width: res.width, height: res.height, shareFile });
  };

  /** A chip: remembered on the device; once a poster is shown, it is redrawn in the new style at once. */
  const chooseTemplate = (c: MyCard, id: PosterTemplateId) => {
    setTemplate(id);
    rememberPosterTemplate(id);
    if (poster && poster.template !== id) void makePoster(c, id);
  };

  const report = (res: PosterAction) => {
    if (res.message) void Taro.showToast({ title: res.message, icon: res.ok ? 'success' : 'none' });
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
          {process.env.TARO_ENV === 'h5' ? (
            <View
              className="btn card-page__action"
              hoverClass="btn--pressed"
              data-testid="card-share-link"
              onClick={() => void shareLink(c)}
            >
              分享邀请链接
            </View>
          ) : null}
        </View>
        {process.env.TARO_ENV === 'weapp' ? (
          <Text className="muted card-page__hint">分享到朋友圈：点击右上角 ··· 选择“分享到朋友圈”</Text>
        ) : null}
        {copied && process.env.TARO_ENV === 'h5' ? (
          <View className="card-page__link" data-testid="card-copied">
            <Text className="card-page__link-title">邀请链接已复制，粘贴到微信对话发给好友，好友打开即可查看邀请</Text>
            <Text className="card-page__mono" data-testid="card-share-url">
              {h5LandingUrl(window.location.origin, c.code)}
            </Text>
          </View>
        ) : null}
      </View>

      <View className="card card-page__poster" data-testid="card-poster">
        <Text className="card__title">推荐海报</Text>
        <Text className="card__subtitle">选个样式，发朋友圈或发给好友</Text>
        <View className="chips card-page__templates" data-testid="poster-templates">
          {POSTER_TEMPLATES.map((t) => (
            <View
              key={t.id}
              className={`chip card-page__template${t.id === template ? ' chip--active' : ''}`}
              hoverClass="btn--pressed"
              data-testid={`poster-template-${t.id}`}
              data-selected={t.id === template ? 'true' : 'false'}
              onClick={() => chooseTemplate(c, t.id)}
            >
              {t.label}
            </View>
          ))}
        </View>
        {posterError ? (
          <View className="notice card-page__poster-error" data-testid="card-poster-error">
            <Text>{posterError}</Text>
          </View>
        ) : null}
        {poster ? (
          <>
            <View className={`card-page__poster-frame${drawing ? ' card-page__poster-frame--busy' : ''}`}>
              <Image
                className="card-page__poster-image"
                src={poster.src}
                mode="widthFix"
                showMenuByLongpress
                data-testid="card-poster-image"
                data-template={poster.template}
                data-width={String(poster.width)}
                data-height={String(poster.height)}
              />
              {drawing ? (
                <Text className="card-page__poster-busy" data-testid="card-poster-drawing">
                  正在生成…
                </Text>
              ) : null}
            </View>
            <View className="card-page__poster-actions">
              {process.env.TARO_ENV === 'h5' ? (
                <a
                  className="btn card-page__poster-action"
                  href={poster.src}
                  download={posterFileName(c.code, poster.template)}
                  data-testid="card-poster-download"
                >
                  保存海报
                </a>
              ) : (
                <View
                  className="btn card-page__poster-action"
                  hoverClass="btn--pressed"
                  data-testid="card-poster-save"
                  onClick={() => void savePosterToAlbum(poster.src).then(report)}
                >
                  保存到相册
                </View>
              )}
              {process.env.TARO_ENV === 'weapp' || poster.shareFile ? (
                <View
                  className="btn btn--ghost card-page__poster-action"
                  hoverClass="btn--pressed"
                  data-testid="card-poster-share"
                  onClick={() =>
                    void (
                      process.env.TARO_ENV === 'h5' && poster.shareFile
                        ? sharePosterH5(poster.shareFile, SHARE_TITLE)
                        : sharePosterWeapp(poster.src)
                    ).then(report)
                  }
                >
                  分享给好友
                </View>
              ) : null}
            </View>
            {process.env.TARO_ENV === 'weapp' ? (
              <Text className="muted card-page__hint">也可长按海报图片，直接发送给朋友</Text>
            ) : null}
          </>
        ) : (
          <View
            className={`btn btn--block card-page__poster-make${drawing ? ' btn--disabled' : ''}`}
            hoverClass="btn--pressed"
            data-testid="card-poster-make"
            onClick={() => !drawing && void makePoster(c, template)}
          >
            {drawing ? '正在生成…' : '生成海报'}
          </View>
        )}
      </View>
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
        <Text className="link link--tap" data-testid="card-refresh" onClick={() => setReloadKey((n) => n + 1)}>
          刷新推荐与奖励
        </Text>
        <Text className="link link--tap card-page__revoke" data-testid="card-revoke" onClick={() => void revoke()}>
          作废并重新生成推荐码
        </Text>
      </View>
    </View>
  );
}
