import { Text, View } from '@tarojs/components';
import { CLINIC_CONTACT_PHONE, CLINIC_NAME, PRIVACY_VERSION } from '../../../../constants';
import './index.scss';

const SECTIONS: { title: string; lines: string[] }[] = [
  {
    title: '我们收集哪些信息',
    lines: [
      '预约时：您填写的姓名、手机号，选择的门店、项目和到院时间。',
      '通过好友推荐预约时：推荐码，以及它对应的推荐人。',
      '微信身份标识（OpenID），用于识别“我的预约”“我的推荐”等属于您的记录。我们不获取您的通讯录。',
      '您的微信头像和昵称：仅当您在推荐卡上同意“在邀请中显示我的微信头像和昵称”时保存，连同您同意的时间。',
    ],
  },
  {
    title: '敏感个人信息（需要您单独同意）',
    lines: [
      '您预约的项目，以及到院、面诊和治疗的记录，属于医疗健康相关的敏感个人信息。',
      '我们只在您单独同意后处理这些信息：预约页写明了这一点，点击“同意并提交预约”即表示同意，同意的时间会记录在预约中。',
      '这些信息仅用于安排到院、面诊和治疗，不用于推荐人可见的内容：推荐人看不到您预约的项目。',
      '不同意时您仍可浏览门店和好友邀请，但我们无法为您安排预约。',
    ],
  },
  {
    title: '为什么收集',
    lines: [
      '安排和确认到院预约、到院签到，以及在您同意后发送到院提醒。',
      '按推荐规则记录推荐关系，向您和推荐人发放奖励。',
      '门店顾问就您预约的项目与您联系（您可随时要求停止联系）。',
    ],
  },
  {
    title: '保存多久',
    lines: [
      '预约与到院记录：自最后一次到院或预约起保存 3 年，之后删除或匿名化。',
      '推荐码仅保存在您的手机上，最长 30 天，预约成功后即删除。',
      '您同意显示的微信头像和昵称：保存到您关闭显示为止，关闭后即删除（只保留您关闭的时间）。',
      '法律法规要求保存更久的（如诊疗病历）按相关规定执行。',
    ],
  },
  {
    title: '谁能看到',
    lines: [
      '仅负责您的门店工作人员可查看完整信息；推荐人只能看到打码后的姓名和手机号（如 张* 138****8000）及预约进度。',
      '您同意显示的微信头像和昵称：只有打开您邀请的好友能看到，您可随时在推荐卡上关闭。',
      '我们不会出售您的个人信息，也不会提供给与本次服务无关的第三方。',
    ],
  },
  {
    title: '您的权利与联系方式',
    lines: [
      `您可以查询、更正、删除您的信息或撤回同意，请致电 ${CLINIC_CONTACT_PHONE} 或到店咨询，我们将在 15 个工作日内处理。`,
      '撤回同意不影响撤回前已进行的处理；撤回后我们将停止处理，并与您确认是否取消尚未到院的预约。',
      '首次提交预约前，小程序会请您阅读并同意本指引；指引更新后会再次请您确认。',
    ],
  },
];

/** The privacy notice linked from the booking form's consent (版本 PRIVACY_VERSION). */
export default function Privacy() {
  return (
    <View className="page privacy" data-testid="privacy-page">
      <View className="card">
        <Text className="card__title">{CLINIC_NAME} 隐私保护说明</Text>
        <Text className="card__subtitle">版本 {PRIVACY_VERSION} · 适用于本小程序的预约与好友推荐</Text>
        {SECTIONS.map((s) => (
          <View key={s.title} className="privacy__section">
            <Text className="section-title">{s.title}</Text>
            {s.lines.map((line) => (
              <Text key={line} className="privacy__line">
                {line}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
