import { Text, View } from '@tarojs/components';
import './index.scss';

/** Placeholder: the staff subpackage exists so its loading and size are part of every build. */
export default function WorkbenchPlaceholder() {
  return (
    <View className="placeholder" data-testid="staff-placeholder">
      <View className="card placeholder__card">
        <Text className="card__title">员工工作台</Text>
        <Text className="placeholder__soon">即将上线</Text>
        <Text className="card__subtitle">跟进任务、建档、到院登记与成交录入等功能正在建设中，敬请期待。</Text>
      </View>
    </View>
  );
}
