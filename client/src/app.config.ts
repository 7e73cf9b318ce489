export default defineAppConfig({
  pages: ['pages/index/index', 'pages/landing/index', 'pages/booking/index', 'pages/mine/index'],
  // 首页 / 预约 / 我的 for everyone; the staff and manager entries live on 首页 and 我的 and appear
  // only for those roles (their pages check the role on the server again). Icons: client/scripts/make-tab-icons.mjs.
  tabBar: {
    color: '#8c8287',
    selectedColor: '#c2456b',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/booking/index',
        text: '预约',
        iconPath: 'assets/tab/booking.png',
        selectedIconPath: 'assets/tab/booking-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  subPackages: [
    // Customer pages opened from 首页 / 我的 or a message: the referral card (QR, poster, referrals,
    // rewards), my appointments (check-in code, 导航, 拨号) and the privacy notice. Kept out of the
    // main package so that a friend opening an invitation downloads as little as possible.
    {
      root: 'packages/customer',
      pages: ['pages/card/index', 'pages/appointments/index', 'pages/privacy/index'],
    },
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
    // Manager tools: reports, settings, the audit log and importing old customers from the clinic's CRM.
    {
      root: 'packages/admin',
      pages: ['pages/reports/index', 'pages/settings/index', 'pages/audit/index', 'pages/import/index'],
    },
  ],
  // Fetch the customer subpackage in the background once a tab page is shown, so 我的推荐卡 and
  // 我的预约 open without a wait.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/customer'] },
    'pages/mine/index': { network: 'all', packages: ['packages/customer'] },
    'pages/booking/index': { network: 'all', packages: ['packages/customer'] },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f7f3f4',
    navigationBarBackgroundColor: '#c2456b',
    navigationBarTitleText: '悦美医疗美容',
    navigationBarTextStyle: 'white',
  },
});
