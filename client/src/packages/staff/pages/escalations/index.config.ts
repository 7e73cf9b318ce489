export default definePageConfig({
  navigationBarTitleText: '逾期督办',
});
