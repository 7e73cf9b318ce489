export default definePageConfig({
  navigationBarTitleText: '回访核实',
});
