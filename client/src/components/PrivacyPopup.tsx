import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { CLINIC_NAME, PAGES } from '../constants';
import { answerPrivacy, openPrivacyNotice, PRIVACY_AGREE_BUTTON_ID, watchPrivacyQuestions } from '../services/privacy';
import './PrivacyPopup.scss';

/**
 * The 隐私保护指引 popup (services/privacy decides when it is needed). Mounted on the pages that
 * collect personal data; it shows only while a question waits for the customer's answer.
 */
export function PrivacyPopup() {
  const [asking, setAsking] = useState(false);
  useEffect(() => watchPrivacyQuestions(setAsking), []);
  if (!asking) return null;
  return (
    <View className="privacy-popup" data-testid="privacy-popup" catchMove>
      <View className="privacy-popup__sheet">
        <Text className="privacy-popup__title">隐私保护指引</Text>
        <Text className="privacy-popup__text">
          为安排您的到院，{CLINIC_NAME}需要收集您的姓名、手机号和预约信息，仅用于预约、到院核验和您同意的提醒。请阅读
          <Text className="link" data-testid="privacy-popup-notice" onClick={() => openPrivacyNotice(PAGES.privacy)}>
            《隐私保护指引》
          </Text>
          后选择是否同意。
        </Text>
        <View className="privacy-popup__actions">
          <View
            className="btn btn--ghost privacy-popup__action"
            hoverClass="btn--pressed"
            data-testid="privacy-disagree"
            onClick={() => answerPrivacy('disagree')}
          >
            不同意
          </View>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button
              id={PRIVACY_AGREE_BUTTON_ID}
              className="btn btn-native privacy-popup__action"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={() => answerPrivacy('agree')}
              data-testid="privacy-agree"
            >
              同意并继续
            </Button>
          ) : (
            <View
              className="btn privacy-popup__action"
              hoverClass="btn--pressed"
              data-testid="privacy-agree"
              onClick={() => answerPrivacy('agree')}
            >
              同意并继续
            </View>
          )}
        </View>
      </View>
    </View>
  );
}
