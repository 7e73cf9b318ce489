export default definePageConfig({
  navigationBarTitleText: '管理报表',
});
