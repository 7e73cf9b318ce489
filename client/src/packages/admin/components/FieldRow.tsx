import { Input, Text, View } from '@tarojs/components';
import { unitOf, type DraftValue, type Kind } from '../utils/field-kinds';
import { FieldError, withoutLabel } from './FieldError';

interface Props {
  /** The setting's path: the test ids and the error under it are keyed by it. */
  path: string;
  label: string;
  kind: Kind;
  value: DraftValue;
  hint?: string;
  error?: string;
  readOnly: boolean;
  onChange: (value: DraftValue) => void;
}

/** One setting on a form: its Chinese name, the input for its kind with the unit, a hint, its error. */
export function FieldRow({ path, label, kind, value, hint, error, readOnly, onChange }: Props) {
  const unit = unitOf(kind);
  const message = withoutLabel(error, label);
  return (
    <View className="field admin-field" data-testid={`row-${path}`}>
      <Text className="field__label">{label}</Text>
      {kind.type === 'choice' || kind.type === 'bool' ? (
        <View className="chips" data-testid={`field-${path}`}>
          {(kind.type === 'bool'
            ? [
                { value: 'true', label: kind.on },
                { value: 'false', label: kind.off },
              ]
            : kind.options
          ).map((o) => {
            const active = kind.type === 'bool' ? String(value === true) === o.value : value === o.value;
            return (
              <View
                key={o.value}
                className={`chip${active ? ' chip--active' : ''}${readOnly ? ' chip--static' : ''}`}
                data-testid={`field-${path}-${o.value}`}
                data-selected={active ? 'true' : 'false'}
                onClick={() => !readOnly && onChange(kind.type === 'bool' ? o.value === 'true' : o.value)}
              >
                {o.label}
              </View>
            );
          })}
        </View>
      ) : kind.type === 'order' ? (
        <OrderPicker
          path={path}
          options={kind.options}
          value={value as string[]}
          readOnly={readOnly}
          onChange={onChange}
        />
      ) : readOnly ? (
        <Text className="admin-field__value" data-testid={`field-${path}`}>
          {readText(kind, String(value))}
          {unit && String(value) !== '' ? `${unit === '%' ? '' : ' '}${unit}` : ''}
        </Text>
      ) : (
        <View className="admin-field__line">
          <Input
            className={`field__input admin-field__input${message ? ' field__input--invalid' : ''}`}
            data-testid={`field-${path}`}
            value={String(value)}
            type={kind.type === 'text' || kind.type === 'intList' ? 'text' : 'digit'}
            placeholder={placeholderOf(kind)}
            maxlength={kind.type === 'text' ? kind.maxLength : 40}
            onInput={(e) => onChange(e.detail.value)}
          />
          {unit ? <Text className="admin-field__unit">{unit}</Text> : null}
        </View>
      )}
      {hint ? <Text className="staff-hint">{hint}</Text> : null}
      <FieldError message={message} testId={`error-${path}`} />
    </View>
  );
}

/** A value shown, not edited: an empty optional setting reads as what empty means (不限, 永久有效). */
function readText(kind: Kind, text: string): string {
  if (text !== '') return text;
  if ((kind.type === 'int' || kind.type === 'yuan') && kind.nullable) return kind.nullable;
  return '（未填写）';
}

function placeholderOf(kind: Kind): string {
  if ((kind.type === 'int' || kind.type === 'yuan') && kind.nullable) return `留空为${kind.nullable}`;
  if (kind.type === 'intList') return '例如 0, 7, 20';
  return '';
}

/** An ordered choice (which channels to try, in order): tap to add at the end, tap again to take out. */
function OrderPicker({
  path,
  options,
  value,
  readOnly,
  onChange,
}: {
  path: string;
  options: readonly { value: string; label: string }[];
  value: string[];
  readOnly: boolean;
  onChange: (value: string[]) => void;
}) {
  return (
    <View className="chips" data-testid={`field-${path}`}>
      {options.map((o) => {
        const at = value.indexOf(o.value);
        return (
          <View
            key={o.value}
            className={`chip${at >= 0 ? ' chip--active' : ''}${readOnly ? ' chip--static' : ''}`}
            data-testid={`field-${path}-${o.value}`}
            data-selected={at >= 0 ? 'true' : 'false'}
            onClick={() => {
              if (readOnly) return;
              onChange(at >= 0 ? value.filter((v) => v !== o.value) : [...value, o.value]);
            }}
          >
            {at >= 0 ? `${at + 1}. ${o.label}` : o.label}
          </View>
        );
      })}
    </View>
  );
}
