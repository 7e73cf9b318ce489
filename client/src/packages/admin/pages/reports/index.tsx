import { Text, View } from '@tarojs/components';
import './index.scss';

/** Placeholder: the admin subpackage exists so its loading and size are part of every build. */
export default function ReportsPlaceholder() {
  return (
    <View className="placeholder" data-testid="admin-placeholder">
      <View className="card placeholder__card">
        <Text className="card__title">管理报表</Text>
        <Text className="placeholder__soon">即将上线</Text>
        <Text className="card__subtitle">渠道占比、员工业绩与门店设置等功能正在建设中，敬请期待。</Text>
      </View>
    </View>
  );
}
