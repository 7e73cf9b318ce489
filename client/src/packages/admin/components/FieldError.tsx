import { Text } from '@tarojs/components';

/** A field's error under it (nothing when the field is fine). */
export function FieldError({ message, testId }: { message?: string; testId: string }) {
  if (!message) return null;
  return (
    <Text className="field__error" data-testid={testId}>
      {message}
    </Text>
  );
}

/** The server names the field first (`名称：…`); under the field itself that name is said already. */
export const withoutLabel = (message: string | undefined, label: string): string | undefined =>
  message?.startsWith(`${label}：`) ? message.slice(label.length + 1) : message;
