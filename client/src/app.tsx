import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { listenForPrivacyQuestions } from './services/privacy';
import './app.scss';

if (process.env.TARO_ENV === 'weapp') {
  // Once per launch. CLOUD_ENV is a build-time constant; empty → the default cloud environment.
  const env = typeof CLOUD_ENV === 'string' && CLOUD_ENV !== '' ? CLOUD_ENV : undefined;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
  // Before the first page: WeChat may ask for the privacy agreement as soon as a page uses a privacy API.
  listenForPrivacyQuestions();
}

function App({ children }: PropsWithChildren) {
  // `children` is the page being rendered.
  return children;
}

export default App;
