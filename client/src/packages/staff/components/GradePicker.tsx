import { Text, View } from '@tarojs/components';
import type { FollowUpGrade } from '@clinic/shared';
import { GRADE_OPTIONS } from '../../../utils/staff-labels';

/** F1–F3 with what each grade means (§6): the desk filing and the golden-time ask both pick one. */
export function GradePicker({ value, onChange }: { value: FollowUpGrade | ''; onChange: (g: FollowUpGrade) => void }) {
  return (
    <View data-testid="grade-picker">
      {GRADE_OPTIONS.map((g) => (
        <View
          key={g.grade}
          className={`option${value === g.grade ? ' option--active' : ''}`}
          data-testid={`grade-${g.grade}`}
          data-selected={value === g.grade ? 'true' : 'false'}
          onClick={() => onChange(g.grade)}
        >
          <Text className="option__title">
            {g.grade} {g.label}
          </Text>
          <Text className="option__text">{g.definition}</Text>
        </View>
      ))}
    </View>
  );
}
