import { Text, View } from '@tarojs/components';
import type { Role } from '@clinic/shared';
import { openPage } from '../services/navigation';
import { roleEntriesOf } from '../utils/member';
import './RoleEntries.scss';

/** 员工工作台 / 经营看板 / 门店设置, for the roles the server gave; nothing for a customer. */
export function RoleEntries({ roles, managesClinic }: { roles: readonly Role[]; managesClinic?: boolean }) {
  const entries = roleEntriesOf(roles, managesClinic);
  if (entries.length === 0) return null;
  return (
    <View className="role-entries">
      {entries.map((e) => (
        <View
          key={e.key}
          className="card role-entry"
          hoverClass="btn--pressed"
          data-testid={`home-${e.key}`}
          onClick={() => void openPage(e.url)}
        >
          <Text className="role-entry__title">{e.title}</Text>
          <Text className="role-entry__text">{e.text} ›</Text>
        </View>
      ))}
    </View>
  );
}
