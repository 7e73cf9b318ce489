// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// (`framework: 'react'` needs @babel/preset-react, an optional peer listed in client/package.json.)
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
