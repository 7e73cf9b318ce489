import { Text, View } from '@tarojs/components';

/**
 * Phrases in a line that a narrow screen breaks between, never inside, each other: `本月占比 8.5%，目标
 * 10.0%，…`. The comma stays at the end of the phrase before it, so no line starts with one.
 */
export function Phrases({
  parts,
  lead,
  className = '',
  testId,
}: {
  parts: readonly { text: string; testId?: string }[];
  /** A heading before the first phrase, ending in `：`. */
  lead?: string;
  className?: string;
  testId?: string;
}) {
  return (
    <View className={`phrases ${className}`} data-testid={testId}>
      {lead ? <Text className="phrases__part">{lead}：</Text> : null}
      {parts.map((part, i) => (
        <Text key={part.text} className="phrases__part">
          <Text data-testid={part.testId}>{part.text}</Text>
          {i < parts.length - 1 ? '，' : ''}
        </Text>
      ))}
    </View>
  );
}
