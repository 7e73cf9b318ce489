export default definePageConfig({
  navigationBarTitleText: '导入老客',
});
