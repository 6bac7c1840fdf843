import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { isSettled, stepOf, type StepStatus, type WizardStore } from '../../../stores/wizard.ts';
import { useErrorText } from '../../../use-error-text.ts';
import './wizard.css';

interface WizardFrameProps<C> {
  readonly store: StoreApi<WizardStore<C>>;
  readonly title: string;
  readonly intro: string;
  /** Catalog prefix of the step titles: `${prefix}.<step>.title`. */
  readonly stepPrefix: string;
  /** Steps the installer may pass over (e.g. binding a panel that needs no edge server). */
  readonly skippable?: readonly string[];
  readonly onClose: () => void;
  /** "Finish" on the last step (the inventory is read again: the steps changed it). */
  readonly onFinish: () => void;
  /** The current step's form. */
  readonly children: ReactNode;
}

const STATUS_MARK: Readonly<Record<StepStatus, string>> = {
  todo: '',
  running: '…',
  done: '✓',
  skipped: '–',
  failed: '!',
  undoing: '…',
  undone: '↺',
};

/** Guided steps: where the installer is, each step's result or refusal, undo, back and next. */
export function WizardFrame<C>(props: WizardFrameProps<C>) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { store } = props;
  const order = useStore(store, (s) => s.order);
  const current = useStore(store, (s) => s.current);
  const steps = useStore(store, (s) => s.steps);
  const step = order[current] ?? '';
  const state = stepOf({ steps }, step);
  const latestDone = order.slice(current + 1).every((later) => stepOf({ steps }, later).status !== 'done');
  const last = current === order.length - 1;
  const busy = state.status === 'running' || state.status === 'undoing';

  return (
    <section className="card wizard" aria-labelledby="wizard-title" data-testid="wizard">
      <div className="wizard-head">
        <div>
          <h3 id="wizard-title" className="card-title">
            {props.title}
          </h3>
          <p className="hint">{props.intro}</p>
        </div>
        <button type="button" className="button button-small" data-testid="wizard-close" onClick={props.onClose}>
          {t('wizard.close')}
        </button>
      </div>

      <ol className="wizard-steps">
        {order.map((id, index) => {
          const status = stepOf({ steps }, id).status;
          return (
            <li key={id} className={`wizard-step is-${status}${index === current ? ' is-current' : ''}`} data-testid="wizard-step" data-step={id} data-status={status}>
              <button type="button" className="wizard-step-button" aria-current={index === current ? 'step' : undefined} onClick={() => store.getState().goTo(index)}>
                <span className="wizard-step-number" aria-hidden="true">
                  {STATUS_MARK[status] || index + 1}
                </span>
                <span className="wizard-step-title">{t(`${props.stepPrefix}.${id}.title`)}</span>
                <span className="visually-hidden">{t(`wizard.status.${status}`)}</span>
              </button>
            </li>
          );
        })}
      </ol>

      <div className="wizard-body" data-testid="wizard-body" data-step={step}>
        <h4 className="wizard-body-title">
          {t('wizard.stepOf', { n: current + 1, total: order.length })} {t(`${props.stepPrefix}.${step}.title`)}
        </h4>
        <p className="hint">{t(`${props.stepPrefix}.${step}.help`)}</p>
        {props.children}

        {state.summary && (state.status === 'done' || state.status === 'undone') && (
          <p className={state.status === 'done' ? 'wizard-result' : 'wizard-result is-undone'} role="status" data-testid="wizard-result">
            {state.status === 'undone' ? t('wizard.undone') : '✓ '}
            {state.status === 'done' && t(state.summary.key, { ...state.summary.values })}
          </p>
        )}
        {state.error && (
          <div className="alert alert-error" role="alert" data-testid="wizard-error">
            <p className="alert-text">{errorText(state.error)}</p>
          </div>
        )}
        {state.status === 'done' && !state.canUndo && <p className="hint">{t('wizard.noUndo')}</p>}
      </div>

      <div className="wizard-foot">
        <button type="button" className="button" disabled={current === 0 || busy} onClick={() => store.getState().back()}>
          {t('wizard.back')}
        </button>
        <div className="toolbar">
          {state.status === 'done' && state.canUndo && latestDone && (
            <button type="button" className="button button-danger-quiet" disabled={busy} data-testid="wizard-undo" onClick={() => void store.getState().undo(step)}>
              {t('wizard.undo')}
            </button>
          )}
          {props.skippable?.includes(step) && !isSettled(state.status) && (
            <button type="button" className="button" disabled={busy} data-testid="wizard-skip" onClick={() => store.getState().skip(step)}>
              {t('wizard.skip')}
            </button>
          )}
          {last ? (
            <button type="button" className="button button-primary" disabled={!isSettled(state.status)} data-testid="wizard-finish" onClick={props.onFinish}>
              {t('wizard.finish')}
            </button>
          ) : (
            <button type="button" className="button button-primary" disabled={!isSettled(state.status)} data-testid="wizard-next" onClick={() => store.getState().next()}>
              {t('wizard.next')}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
