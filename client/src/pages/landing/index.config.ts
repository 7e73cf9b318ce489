export default definePageConfig({
  navigationBarTitleText: '好友邀请',
});
