export default definePageConfig({
  navigationBarTitleText: '悦美医疗美容',
});
