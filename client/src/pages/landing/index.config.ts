export default definePageConfig({
  navigationBarTitleText: '好友邀请',
  // The holder opening their own card may share it from here (pages/landing OwnCard).
  enableShareAppMessage: true,
});
