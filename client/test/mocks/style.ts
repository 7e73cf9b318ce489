// Style imports (`import './index.scss'`) are irrelevant in jsdom.
export {};
