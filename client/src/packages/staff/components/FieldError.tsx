import { Text } from '@tarojs/components';

/** A form field's error under it (nothing when the field is fine). */
export function FieldError({ message, testId }: { message?: string; testId: string }) {
  if (!message) return null;
  return (
    <Text className="field__error" data-testid={testId}>
      {message}
    </Text>
  );
}
