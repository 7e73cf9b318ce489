import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Input, Text, View } from '@tarojs/components';
import { nicknameSchema } from '@clinic/shared';
import type { MyCard } from '../../../services/referral';
import {
  setShownProfile,
  uploadAvatar,
  type AvatarSource,
  type ShownProfileResult,
} from '../../../services/shown-profile';
import { formatDateTime } from '../../../utils/format';
import { PRESET_AVATAR_COLOURS, presetAvatar } from '../utils/preset-avatars';
import './ShownProfileSettings.scss';

type ShownAs = NonNullable<MyCard['shownAs']>;
type Profile = NonNullable<MyCard['shownProfile']>;

/** The avatar of the form: none, the one already shown (kept), or a newly chosen picture. */
type Avatar = { kind: 'none' } | { kind: 'kept'; fileId: string; url: string } | { kind: 'new'; src: string };

const sourceOf = (src: string): AvatarSource => (src.startsWith('data:') ? { dataUrl: src } : { filePath: src });

/**
 * On the card: whether friends see the holder's WeChat avatar and nickname on the invitation
 * (else the masked name). Personal information, so it is shown only after the holder agrees here,
 * and one tap withdraws it (the server then keeps neither).
 */
export function ShownProfileSettings({
  shownAs,
  profile,
  onChanged,
}: {
  shownAs: ShownAs;
  profile: Profile;
  onChanged: (result: ShownProfileResult) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [nickname, setNickname] = useState('');
  const [avatar, setAvatar] = useState<Avatar>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const weapp = process.env.TARO_ENV === 'weapp';
  // Drawn once, and only in the H5 demo (the weapp picks the WeChat avatar instead).
  const presets = useMemo(() => (weapp ? [] : PRESET_AVATAR_COLOURS.map((_, i) => presetAvatar(i))), [weapp]);

  const edit = () => {
    setNickname(profile.show ? (profile.nickname ?? '') : '');
    setAvatar(
      profile.show && profile.avatarFileId && shownAs.avatarUrl
        ? { kind: 'kept', fileId: profile.avatarFileId, url: shownAs.avatarUrl }
        : { kind: 'none' },
    );
    setError(null);
    setEditing(true);
  };

  const save = async () => {
    const parsed = nicknameSchema.safeParse(nickname);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请填写昵称');
    setBusy(true);
    setError(null);
    let avatarFileId: string | undefined;
    if (avatar.kind === 'kept') avatarFileId = avatar.fileId;
    if (avatar.kind === 'new') {
      const uploaded = await uploadAvatar(profile.avatarFolder, sourceOf(avatar.src));
      if (!uploaded.ok) {
        setBusy(false);
        return setError(uploaded.message);
      }
      avatarFileId = uploaded.data;
      // Uploaded once: a retry after a refused save sends the same file again.
      setAvatar({ kind: 'kept', fileId: uploaded.data, url: avatar.src });
    }
    const res = await setShownProfile({ show: true, nickname: parsed.data, ...(avatarFileId ? { avatarFileId } : {}) });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    onChanged(res.data);
    setEditing(false);
    void Taro.showToast({ title: '好友将看到您的头像和昵称', icon: 'none' });
  };

  const withdraw = async () => {
    const answer = await Taro.showModal({
      title: '不再显示头像和昵称',
      content: '好友打开您的邀请时将只看到您的姓氏（如“王*”），已保存的头像和昵称会被删除。',
      confirmText: '不再显示',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setBusy(true);
    const res = await setShownProfile({ show: false });
    setBusy(false);
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' });
    onChanged(res.data);
    void Taro.showToast({ title: '已停止显示', icon: 'none' });
  };

  const preview = editing ? (avatar.kind === 'kept' ? avatar.url : avatar.kind === 'new' ? avatar.src : '') : '';

  return (
    <View className="card shown-profile" data-testid="shown-profile">
      <Text className="card__title">在邀请中显示我的微信头像和昵称</Text>
      {!editing ? (
        <>
          <View className="shown-profile__who" data-testid="shown-profile-preview">
            <ProfileAvatar url={shownAs.avatarUrl} name={shownAs.name} />
            <View className="shown-profile__who-text">
              <Text className="muted">好友打开您的邀请时看到</Text>
              <Text className="shown-profile__name" data-testid="shown-profile-name">
                {shownAs.name}
              </Text>
            </View>
          </View>
          <Text className="muted shown-profile__note" data-testid="shown-profile-status">
            {profile.show
              ? `您已同意向受邀好友显示（${profile.decidedAt ? formatDateTime(profile.decidedAt) : ''}），可随时关闭。`
              : `开启后，好友能一眼认出是您的邀请；未开启时只显示“${shownAs.name}”。`}
          </Text>
          <View className="shown-profile__actions">
            <View
              className={`btn btn--small${profile.show ? ' btn--ghost' : ''}`}
              hoverClass="btn--pressed"
              data-testid="shown-profile-edit"
              onClick={edit}
            >
              {profile.show ? '修改' : '设置头像和昵称'}
            </View>
            {profile.show ? (
              <View
                className={`btn btn--small btn--ghost${busy ? ' btn--disabled' : ''}`}
                hoverClass="btn--pressed"
                data-testid="shown-profile-withdraw"
                onClick={() => !busy && void withdraw()}
              >
                不再显示
              </View>
            ) : null}
          </View>
        </>
      ) : (
        <View>
          <Text className="field__label">头像</Text>
          {weapp ? (
            <Button
              className="shown-profile__avatar-pick btn-native"
              openType="chooseAvatar"
              data-testid="shown-profile-avatar"
              onChooseAvatar={(e) => setAvatar({ kind: 'new', src: String(e.detail.avatarUrl ?? '') })}
            >
              <ProfileAvatar url={preview} name={nickname} />
              <Text className="muted">点击选择微信头像</Text>
            </Button>
          ) : (
            <View data-testid="shown-profile-presets">
              <Text className="muted">本地演示：从预设头像中选择（小程序中为微信头像）</Text>
              <View className="shown-profile__presets">
                {presets.map((src, i) => (
                  <View
                    key={PRESET_AVATAR_COLOURS[i]}
                    className={`shown-profile__preset${avatar.kind === 'new' && avatar.src === src ? ' shown-profile__preset--active' : ''}`}
                    data-testid={`shown-profile-preset-${i}`}
                    onClick={() => setAvatar({ kind: 'new', src })}
                  >
                    <ProfileAvatar url={src} name={nickname} />
                  </View>
                ))}
              </View>
            </View>
          )}
          <Text className="field__label">昵称</Text>
          <Input
            className="field__input"
            type="nickname"
            name="nickname"
            value={nickname}
            placeholder="点击使用微信昵称"
            maxlength={20}
            data-testid="shown-profile-nickname"
            onInput={(e) => setNickname(e.detail.value)}
            // Picking the WeChat nickname above the keyboard may not fire input on every device.
            onBlur={(e) => setNickname(e.detail.value)}
            // WeChat checks a nickname once the field loses focus and clears one that fails.
            onNickNameReview={(e) => {
              if ((e.detail as { pass?: boolean }).pass === false) {
                setNickname('');
                setError('该昵称未通过微信安全检测，请换一个');
              }
            }}
          />
          {error ? (
            <Text className="field__error" data-testid="shown-profile-error">
              {error}
            </Text>
          ) : null}
          <Text className="muted shown-profile__note">
            头像和昵称属于您的个人信息：仅在您同意期间向您邀请的好友显示，关闭后即删除。
          </Text>
          <View className="shown-profile__actions">
            <View
              className={`btn btn--small${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--pressed"
              data-testid="shown-profile-save"
              onClick={() => !busy && void save()}
            >
              {busy ? '正在保存…' : '同意并显示'}
            </View>
            <View
              className="btn btn--small btn--ghost"
              hoverClass="btn--pressed"
              data-testid="shown-profile-cancel"
              onClick={() => setEditing(false)}
            >
              取消
            </View>
          </View>
        </View>
      )}
    </View>
  );
}

/** The avatar, or the name's first character in a circle when there is none. */
function ProfileAvatar({ url, name }: { url?: string; name: string }) {
  return url ? (
    <Image className="shown-profile__avatar" src={url} mode="aspectFill" data-testid="shown-profile-avatar-image" />
  ) : (
    <View className="shown-profile__avatar shown-profile__avatar--empty">
      <Text>{Array.from(name)[0] ?? ''}</Text>
    </View>
  );
}
