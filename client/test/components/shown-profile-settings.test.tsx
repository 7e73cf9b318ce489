import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Card from '../../src/packages/customer/pages/card/index';
import { act } from 'react';
import { avatarChosen, nicknameReviewed } from '../mocks/taro-components';
import { cloudCalls, fail, ok, resetTaroMocks, routeCloud, setPlatform } from '../helpers';
import { CARD } from '../fixtures';

const FOLDER = 'avatars/o-wangli';
const FILE_ID = `cloud://env.bucket/${FOLDER}/1764-a.jpg`;
const MASKED = { shownAs: { name: '王*' }, shownProfile: { show: false, avatarFolder: FOLDER } };
const SHOWN = {
  shownAs: { name: '丽丽', avatarUrl: 'https://tmp.example.invalid/1764-a.jpg' },
  shownProfile: {
    show: true,
    nickname: '丽丽',
    avatarFileId: FILE_ID,
    decidedAt: '2027-03-01T01:00:00.000Z',
    avatarFolder: FOLDER,
  },
};
const uploadFile = Taro.cloud.uploadFile as unknown as jest.Mock;

function gateway(card: object, setShownProfile: (data: any) => unknown) {
  routeCloud({
    'referral.getMyCard': () => ok({ ...CARD, ...card }),
    'referral.listMyReferrals': () => ok({ items: [] }),
    'referral.listMyRewards': () => ok({ balanceFen: 0, points: 0, pendingReferrals: 0, items: [] }),
    'referral.setShownProfile': setShownProfile,
  });
}

const setCalls = () => cloudCalls().filter((c) => c.call === 'referral.setShownProfile');

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
});

describe('card page: 在邀请中显示我的微信头像和昵称', () => {
  it('masked until the holder agrees; the WeChat avatar is uploaded into their folder and its fileID sent', async () => {
    gateway(MASKED, () => ok(SHOWN));
    uploadFile.mockResolvedValue({ fileID: FILE_ID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
    render(<Card />);
    const section = await screen.findByTestId('shown-profile');
    expect(within(section).getByTestId('shown-profile-name').textContent).toBe('王*');
    expect(within(section).getByTestId('shown-profile-status').textContent).toContain('只显示“王*”');

    fireEvent.click(within(section).getByTestId('shown-profile-edit'));
    avatarChosen('wxfile://tmp/avatar-1.jpeg');
    fireEvent.click(within(section).getByTestId('shown-profile-avatar'));
    fireEvent.change(within(section).getByTestId('shown-profile-nickname'), { target: { value: ' 丽丽 ' } });
    fireEvent.click(within(section).getByTestId('shown-profile-save'));

    await waitFor(() => expect(within(section).getByTestId('shown-profile-name').textContent).toBe('丽丽'));
    expect(uploadFile).toHaveBeenCalledTimes(1);
    const upload = uploadFile.mock.calls[0]?.[0] as { cloudPath: string; filePath: string };
    expect(upload.filePath).toBe('wxfile://tmp/avatar-1.jpeg');
    expect(upload.cloudPath).toMatch(/^avatars\/o-wangli\/\d+-[a-z0-9]+\.jpeg$/);
    expect(setCalls().map((c) => c.data)).toEqual([{ show: true, nickname: '丽丽', avatarFileId: FILE_ID }]);
    expect(within(section).getByTestId('shown-profile-avatar-image').getAttribute('src')).toBe(SHOWN.shownAs.avatarUrl);
    expect(within(section).getByTestId('shown-profile-status').textContent).toContain('可随时关闭');
  });

  it('a bad nickname is explained before anything is uploaded or sent', async () => {
    gateway(MASKED, () => ok(SHOWN));
    render(<Card />);
    const section = await screen.findByTestId('shown-profile');
    fireEvent.click(within(section).getByTestId('shown-profile-edit'));
    avatarChosen('wxfile://tmp/avatar-1.jpeg');
    fireEvent.click(within(section).getByTestId('shown-profile-avatar'));
    fireEvent.click(within(section).getByTestId('shown-profile-save'));
    expect((await within(section).findByTestId('shown-profile-error')).textContent).toBe('请填写昵称');
    fireEvent.change(within(section).getByTestId('shown-profile-nickname'), { target: { value: 'a\u0007b' } });
    fireEvent.click(within(section).getByTestId('shown-profile-save'));
    await waitFor(() =>
      expect(within(section).getByTestId('shown-profile-error').textContent).toBe('昵称包含不支持的字符'),
    );
    // WeChat's own check of the nickname fails: the field is cleared, and says why.
    fireEvent.change(within(section).getByTestId('shown-profile-nickname'), { target: { value: 'Lily' } });
    act(() => nicknameReviewed(false));
    expect(within(section).getByTestId('shown-profile-error').textContent).toBe('该昵称未通过微信安全检测，请换一个');
    expect((within(section).getByTestId('shown-profile-nickname') as HTMLInputElement).value).toBe('');
    expect(uploadFile).not.toHaveBeenCalled();
    expect(setCalls()).toHaveLength(0);
  });

  it('a failed upload or a refused fileID says so and keeps the form', async () => {
    gateway(MASKED, () => fail('FORBIDDEN', '只能使用您本人上传的头像，请重新选择头像'));
    uploadFile.mockRejectedValueOnce({ errMsg: 'cloud.uploadFile:fail network' });
    uploadFile.mockResolvedValue({ fileID: FILE_ID });
    render(<Card />);
    const section = await screen.findByTestId('shown-profile');
    fireEvent.click(within(section).getByTestId('shown-profile-edit'));
    avatarChosen('wxfile://tmp/a.png');
    fireEvent.click(within(section).getByTestId('shown-profile-avatar'));
    fireEvent.change(within(section).getByTestId('shown-profile-nickname'), { target: { value: 'Lily' } });
    fireEvent.click(within(section).getByTestId('shown-profile-save'));
    expect((await within(section).findByTestId('shown-profile-error')).textContent).toBe(
      '头像上传失败，请检查网络后重试',
    );
    expect(setCalls()).toHaveLength(0);
    fireEvent.click(within(section).getByTestId('shown-profile-save'));
    await waitFor(() =>
      expect(within(section).getByTestId('shown-profile-error').textContent).toContain('只能使用您本人上传的头像'),
    );
    expect(within(section).getByTestId('shown-profile-nickname')).toBeTruthy();
    // Retrying after the refusal sends the file already uploaded, not a second upload.
    fireEvent.click(within(section).getByTestId('shown-profile-save'));
    await waitFor(() => expect(setCalls()).toHaveLength(2));
    expect(uploadFile).toHaveBeenCalledTimes(2);
    expect(setCalls()[1]?.data).toEqual({ show: true, nickname: 'Lily', avatarFileId: FILE_ID });
  });

  it('editing keeps the avatar already shown (its fileID) unless a new one is chosen', async () => {
    gateway(SHOWN, (data) => ok({ ...SHOWN, shownAs: { ...SHOWN.shownAs, name: data.nickname } }));
    render(<Card />);
    const section = await screen.findByTestId('shown-profile');
    fireEvent.click(within(section).getByTestId('shown-profile-edit'));
    const field = within(section).getByTestId('shown-profile-nickname') as HTMLInputElement;
    expect(field.value).toBe('丽丽');
    fireEvent.change(field, { target: { value: '丽丽 🌸' } });
    fireEvent.click(within(section).getByTestId('shown-profile-save'));
    await waitFor(() => expect(within(section).getByTestId('shown-profile-name').textContent).toBe('丽丽 🌸'));
    expect(uploadFile).not.toHaveBeenCalled();
    expect(setCalls().map((c) => c.data)).toEqual([{ show: true, nickname: '丽丽 🌸', avatarFileId: FILE_ID }]);
  });

  it('withdrawing asks first, then friends see the masked name again', async () => {
    gateway(SHOWN, () => ok({ shownAs: { name: '王*' }, shownProfile: { show: false, avatarFolder: FOLDER } }));
    (Taro.showModal as unknown as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<Card />);
    const section = await screen.findByTestId('shown-profile');
    fireEvent.click(within(section).getByTestId('shown-profile-withdraw'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(setCalls()).toHaveLength(0);
    fireEvent.click(within(section).getByTestId('shown-profile-withdraw'));
    await waitFor(() => expect(within(section).getByTestId('shown-profile-name').textContent).toBe('王*'));
    expect(setCalls().map((c) => c.data)).toEqual([{ show: false }]);
    expect(within(section).queryByTestId('shown-profile-withdraw')).toBeNull();
    expect(within(section).queryByTestId('shown-profile-avatar-image')).toBeNull();
  });

  it('a card without the choice (an older server) shows no such section', async () => {
    gateway({}, () => ok(SHOWN));
    render(<Card />);
    await screen.findByTestId('card-code');
    expect(screen.queryByTestId('shown-profile')).toBeNull();
  });
});
