import { Text, View } from '@tarojs/components';
import './StateViews.scss';

export function LoadingState({ text, testId }: { text: string; testId?: string }) {
  return (
    <View className="state state--loading" data-testid={testId}>
      <View className="state__spinner" />
      <Text className="state__text">{text}</Text>
    </View>
  );
}

export function EmptyState({ title, hint, testId }: { title: string; hint?: string; testId?: string }) {
  return (
    <View className="state state--empty" data-testid={testId}>
      <Text className="state__title">{title}</Text>
      {hint ? <Text className="state__text">{hint}</Text> : null}
    </View>
  );
}

export function ErrorState({
  message,
  onRetry,
  testId = 'error-state',
}: {
  message: string;
  onRetry?: () => void;
  testId?: string;
}) {
  return (
    <View className="state state--error" data-testid={testId}>
      <Text className="state__title">出错了</Text>
      <Text className="state__text" data-testid="error-message">
        {message}
      </Text>
      {onRetry ? (
        <View className="btn btn--ghost" hoverClass="btn--pressed" data-testid="retry-button" onClick={onRetry}>
          重试
        </View>
      ) : null}
    </View>
  );
}

/** A whole page that is still loading: the state in a card, the way every page frames it. */
export function PageLoading({ text, testId }: { text: string; testId?: string }) {
  return (
    <View className="page">
      <View className="card">
        <LoadingState text={text} testId={testId} />
      </View>
    </View>
  );
}

/** A whole page that failed to load, with a retry. */
export function PageError({ message, onRetry, testId }: { message: string; onRetry: () => void; testId?: string }) {
  return (
    <View className="page">
      <View className="card">
        <ErrorState message={message} onRetry={onRetry} testId={testId} />
      </View>
    </View>
  );
}
