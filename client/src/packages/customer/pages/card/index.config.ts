export default definePageConfig({
  navigationBarTitleText: '我的推荐卡',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
