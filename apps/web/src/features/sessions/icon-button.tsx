import { Button } from '../../ui/button';

/** A button showing a symbol ("+", "×"); its name is the text read by assistive technologies only. */
export function IconButton({
  symbol,
  label,
  variant = 'secondary',
  className,
  disabled,
  busy,
  onClick,
}: {
  symbol: string;
  label: string;
  variant?: 'secondary' | 'danger';
  className?: string;
  disabled?: boolean;
  busy?: boolean;
  onClick: () => void;
}) {
  return (
    <Button variant={variant} className={className} disabled={disabled} busy={busy} onClick={onClick}>
      <span aria-hidden="true">{symbol}</span>
      <span className="sr-only">{label}</span>
    </Button>
  );
}
