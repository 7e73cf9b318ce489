export default definePageConfig({
  navigationBarTitleText: '录入成交',
});
