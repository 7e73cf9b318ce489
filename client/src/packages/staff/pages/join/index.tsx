import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { PAGES } from '../../../../constants';
import { markMemberStale } from '../../../../services/session';
import { redeemInvite, type JoinedStaff } from '../../../../services/staff';
import { checkInviteCode, inviteCodeFromQuery, tidyInviteCode, welcomeText } from '../../../../utils/invite-code';
import '../../staff.scss';
import './index.scss';

/**
 * 员工加入 (`?code=` when opened from the invite link): a new colleague redeems the one-time
 * 8-character code once, which binds this WeChat account to the staff record the invite names.
 * Whether the code works — and whether this account may join — only the server decides.
 */
export default function JoinPage() {
  const query = useRouter().params.code;
  const [code, setCode] = useState(() => inviteCodeFromQuery(query));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState<JoinedStaff | null>(null);

  const submit = async () => {
    if (busy) return;
    const checked = checkInviteCode(code);
    if (!checked.ok) return setError(checked.message);
    setBusy(true);
    setError('');
    const res = await redeemInvite(checked.code);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    // 首页 and 我的 show the 工作台 entry on their next show.
    markMemberStale();
    setJoined(res.data);
  };

  if (joined) {
    return (
      <View className="page staff join" data-testid="join-page">
        <View className="card" data-testid="join-result">
          <Text className="answer__title join__welcome" data-testid="join-welcome">
            {welcomeText(joined)}
          </Text>
          <Text className="answer__sub">{joined.name}，您的微信已绑定为员工账号</Text>
          <View
            className="btn btn--block join__go"
            hoverClass="btn--pressed"
            data-testid="join-workbench"
            // Joining is done: the workbench replaces this page (back does not return to the code).
            onClick={() => void Taro.redirectTo({ url: PAGES.workbench })}
          >
            进入员工工作台
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="page staff join" data-testid="join-page">
      <View className="card">
        <Text className="card__title">员工加入</Text>
        <Text className="card__subtitle">
          请输入管理员或店长发给您的 8 位邀请码。邀请码只能使用一次，加入后当前微信将绑定为您的员工账号。
        </Text>
        <View className="field">
          <Text className="field__label">邀请码</Text>
          <Input
            className={`field__input join__code${error ? ' field__input--invalid' : ''}`}
            data-testid="join-code"
            value={code}
            maxlength={16}
            placeholder="8 位字母或数字"
            onInput={(e) => {
              setCode(tidyInviteCode(e.detail.value));
              setError('');
            }}
          />
          {error ? (
            <Text className="field__error" data-testid="join-error">
              {error}
            </Text>
          ) : null}
        </View>
        <View
          className={`btn btn--block join__submit${busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="join-submit"
          onClick={() => void submit()}
        >
          {busy ? '正在加入…' : '加入'}
        </View>
      </View>
    </View>
  );
}
