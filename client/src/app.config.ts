export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/landing/index',
    'pages/booking/index',
    'pages/appointments/index',
    'pages/card/index',
    'pages/privacy/index',
  ],
  subPackages: [
    // Staff tools: workbench, follow-up tasks, check-in, desk filing, verification, golden-time asks,
    // joining by invite, customer cards, deal entry, my figures, the team and the managers' overdue
    // follow-ups (loaded only by staff and by a colleague who joins).
    {
      root: 'packages/staff',
      pages: [
        'pages/workbench/index',
        'pages/task/index',
        'pages/check-in/index',
        'pages/desk-filing/index',
        'pages/verification/index',
        'pages/golden-ask/index',
        'pages/join/index',
        'pages/customer/index',
        'pages/deal/index',
        'pages/figures/index',
        'pages/team/index',
        'pages/escalations/index',
      ],
    },
    // Manager tools: reports and settings.
    { root: 'packages/admin', pages: ['pages/reports/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f7f3f4',
    navigationBarBackgroundColor: '#c2456b',
    navigationBarTitleText: '悦美医疗美容',
    navigationBarTextStyle: 'white',
  },
});
