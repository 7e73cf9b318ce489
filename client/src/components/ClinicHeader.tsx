import { Text, View } from '@tarojs/components';
import { CLINIC_NAME, CLINIC_TAGLINE } from '../constants';
import './ClinicHeader.scss';

export function ClinicHeader() {
  return (
    <View className="clinic-header" data-testid="clinic-header">
      <View className="clinic-header__logo">
        <Text>{CLINIC_NAME.slice(0, 1)}</Text>
      </View>
      <View className="clinic-header__text">
        <Text className="clinic-header__name">{CLINIC_NAME}</Text>
        <Text className="clinic-header__tagline">{CLINIC_TAGLINE}</Text>
      </View>
    </View>
  );
}
