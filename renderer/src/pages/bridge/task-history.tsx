import { useTranslation } from 'react-i18next';
import type { BridgeTask } from '../../../../shared/contract/bridges.ts';
import { Badge } from '../../components/badge.tsx';
import { formatDateTimeSeconds } from '../../date-time.ts';
import { currentLang } from '../../i18n.ts';
import { useBridge } from '../../stores/bridge.ts';
import { apicodeWords, failedEntries, TASK_STATE_TONES } from '../../stores/bridge-words.ts';

function FailedList({ title, list, testId }: { readonly title: string; readonly list: BridgeTask['failedPersons']; readonly testId: string }) {
  const { t } = useTranslation();
  if (list.length === 0) return null;
  return (
    <details className="bridge-failed" data-testid={testId}>
      <summary>
        {title}: {t('bridgePage.tasks.failedCount', { count: list.length })}
      </summary>
      <ul>
        {failedEntries(list).map((entry, i) => (
          <li key={i} className="mono">
            {t('bridgePage.tasks.failedRow', { person: entry.personId, code: entry.code })}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Task history (issue 16 item 5.5): bridge.tasks, newest first; apicodes in words, states as tones. */
export function TaskHistory() {
  const { t } = useTranslation();
  const tasks = useBridge((s) => s.tasks);
  const lang = currentLang();
  const time = (iso: string | null) => (iso === null ? '—' : formatDateTimeSeconds(iso, lang));

  return (
    <section className="card bridge-tasks" data-testid="bridge-tasks">
      <h2 className="card-title">{t('bridgePage.tasks.title')}</h2>
      {tasks.length === 0 ? (
        <p className="empty" data-testid="bridge-tasks-empty">
          {t('bridgePage.tasks.none')}
        </p>
      ) : (
        <div className="bridge-table-wrap">
          <table className="table" data-testid="bridge-tasks-table">
            <thead>
              <tr>
                <th>{t('bridgePage.tasks.received')}</th>
                <th>{t('bridgePage.tasks.device')}</th>
                <th>{t('bridgePage.tasks.taskid')}</th>
                <th>{t('bridgePage.tasks.what')}</th>
                <th>{t('bridgePage.tasks.state')}</th>
                <th>{t('bridgePage.tasks.page')}</th>
                <th>{t('bridgePage.tasks.failed')}</th>
                <th>{t('bridgePage.tasks.finished')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => {
                const what = apicodeWords(task.apicode);
                return (
                  <tr key={task.id} data-testid="bridge-task-row" data-taskid={task.taskid} data-state={task.state}>
                    <td>{time(task.receivedAt)}</td>
                    <td className="mono">{task.sn}</td>
                    <td className="mono">{task.taskid}</td>
                    <td data-testid="bridge-task-what" title={task.apicode ?? undefined}>
                      {t(what.key, what.values ?? {})}
                    </td>
                    <td data-testid="bridge-task-state">
                      <Badge tone={TASK_STATE_TONES[task.state]}>{t(`bridgeWork.state.${task.state}`)}</Badge>
                      {task.error ? <p className="hint bridge-advice">{task.error}</p> : null}
                    </td>
                    <td>{task.currentPage !== null && task.totalPage !== null ? t('bridgePage.tasks.pageOf', { current: task.currentPage, total: task.totalPage }) : '—'}</td>
                    <td>
                      <FailedList title={t('bridgePage.tasks.failedPersons')} list={task.failedPersons} testId="bridge-task-failed-persons" />
                      <FailedList title={t('bridgePage.tasks.failedFaces')} list={task.failedFaces} testId="bridge-task-failed-faces" />
                    </td>
                    <td>{time(task.finishedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
