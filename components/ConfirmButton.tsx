import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { CONFIRM_MS, confirmReady } from '@/core/click-guard';

/**
 * Whether risky actions take a second, confirming click: true in the sidebar framed inside a
 * help-desk page (which could trick the technician into clicking blind), false elsewhere.
 */
export const ConfirmRisky = createContext(false);

/** How long an armed button waits for its confirming click before it turns back. */
const ARMED_MS = 10_000;

interface Props {
  children: ComponentChildren;
  /** What the button says (and is named) once armed, waiting for the confirming click. */
  confirm: string;
  label?: string;
  /** A plain button runs this on the confirming click; a submit button submits its form. */
  onConfirm?: () => void;
  type?: 'button' | 'submit';
  class?: string;
  disabled?: boolean;
  testId?: string;
}

/**
 * A button for a risky action (pin an account, send a flag). Where ConfirmRisky is on, the first
 * click turns it, in place, into a confirm button, which is disabled for CONFIRM_MS and turns
 * back after ARMED_MS: a click sequence the page timed for a single hidden button cannot finish it.
 */
export function ConfirmButton({
  children,
  confirm,
  label,
  onConfirm,
  type = 'button',
  disabled,
  testId,
  ...rest
}: Props) {
  const needed = useContext(ConfirmRisky);
  const [armedAt, setArmedAt] = useState<number>();
  const [ready, setReady] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (armedAt === undefined) return;
    const waited = setTimeout(() => {
      setReady(true);
      // Disabled while it waited, it lost the keyboard's focus: give it back.
      if (document.activeElement === document.body) button.current?.focus();
    }, CONFIRM_MS);
    const expired = setTimeout(() => setArmedAt(undefined), ARMED_MS);
    return () => {
      clearTimeout(waited);
      clearTimeout(expired);
    };
  }, [armedAt]);
  const armed = armedAt !== undefined;
  const click = (e: Event) => {
    if (needed && (!armed || !confirmReady(armedAt, performance.now()))) {
      e.preventDefault();
      if (!armed) {
        setReady(false);
        setArmedAt(performance.now());
      }
      return;
    }
    setArmedAt(undefined);
    onConfirm?.();
  };
  return (
    <button
      ref={button}
      type={type}
      class={[rest.class, armed && 'confirm'].filter(Boolean).join(' ') || undefined}
      disabled={disabled || (armed && !ready)}
      aria-label={armed ? confirm : label}
      data-testid={testId}
      onClick={click}
    >
      {armed ? confirm : children}
    </button>
  );
}
