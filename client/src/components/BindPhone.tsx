import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { bindPhone, demoPhoneCode, type BoundPhone } from '../services/identity';

/**
 * 绑定手机号. weapp: WeChat's getPhoneNumber button (the function exchanges `e.detail.code`; the
 * full number never reaches the page). H5: the demo account's phone stands in (demoPhoneCode).
 */
export function BindPhone({ onBound, label = '绑定手机号' }: { onBound: (b: BoundPhone) => void; label?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const bind = async (code: string | null | undefined) => {
    if (!code) {
      setError('未获得手机号授权，请重试');
      return;
    }
    setBusy(true);
    setError('');
    const res = await bindPhone(code);
    setBusy(false);
    if (res.ok) onBound(res.data);
    else setError(res.message);
  };

  return (
    <View className="bind-phone">
      {process.env.TARO_ENV === 'weapp' ? (
        <Button
          className="btn btn--ghost btn-native"
          openType="getPhoneNumber"
          disabled={busy}
          data-testid="bind-phone"
          onGetPhoneNumber={(e) => void bind((e.detail as { code?: string }).code)}
        >
          {busy ? '正在绑定…' : label}
        </Button>
      ) : (
        <View
          className={`btn btn--ghost${busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="bind-phone"
          onClick={() => !busy && void bind(demoPhoneCode())}
        >
          {busy ? '正在绑定…' : label}
        </View>
      )}
      {error ? (
        <Text className="field__error" data-testid="bind-phone-error">
          {error}
        </Text>
      ) : null}
    </View>
  );
}
