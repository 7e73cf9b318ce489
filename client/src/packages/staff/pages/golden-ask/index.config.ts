export default definePageConfig({
  navigationBarTitleText: '记录宣导',
});
