using Tocsin.Controller.Alerts;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Health;

namespace Tocsin.Controller.Engine;

/// <summary>Once-a-second work: resends, rule holds, offline detection, alarms, expiry.</summary>
public sealed partial class ControllerEngine
{
    // Called once a second of the monotonic clock (nowMs). What it compares, though, is wall time kept
    // with the ledger, health and alerts across restarts. Resends and offline detection allow for a
    // wall clock set back (DeliveryLedger.DueForResend, NodeHealthTracker.Evaluate); alert and command
    // expiry, the archive's cutoff, rule holds and alarm repeats still follow the wall clock, so a
    // set-back delays them by as much.
    private async Task OnTimerAsync(DateTimeOffset now, long nowMs, CancellationToken cancellation)
    {
        foreach (NodeDelivery due in _ledger.DueForResend(now, ResendInterval))
        {
            await ResendAsync(due, now, cancellation).ConfigureAwait(false);
        }

        if (_rules != null)
        {
            _proposals.AddRange(_rules.Tick(now));
            await HandleProposalsAsync(cancellation).ConfigureAwait(false);
        }

        foreach (HealthChange change in _health.Evaluate(now))
        {
            OnHealthChange(change);
        }

        foreach (AlarmNotification n in _alarms.Due(now))
        {
            LogAlarm(n.Reason.ToString(), n.Audience.ToString(), n.Alarm.Message);
        }

        foreach (Alert alert in _alerts.Values.Where(a => a.State == AlertState.Dispatched && now >= a.ExpiresAt).ToList())
        {
            Remember(alert.Expire(now));
        }

        if (nowMs >= _nextArchiveMs)
        {
            // Commands long expired leave memory for the archive; once a minute is soon enough.
            _nextArchiveMs = nowMs + 60_000;
            ResolveQuietSecurityAlarms(now);
            ResolveSettledProposalAlarms(now);
            PruneClosedAlarms(now);
            int archived = _ledgerStore.ArchiveExpired(_ledger, now, out int failed);
            if (archived > 0)
            {
                _dirty = true;
                LogArchived(archived);
            }

            if (failed > 0)
            {
                // Nothing of those was forgotten: they stay live and the next minute tries again.
                LogArchiveFailed(failed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "archived {Count} expired command(s) with their deliveries")]
    private partial void LogArchived(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "archiving {Count} expired command(s) failed; they stay in memory and are tried again in a minute")]
    private partial void LogArchiveFailed(int count);

    private void OnHealthChange(HealthChange change)
    {
        _dirty = true;
        AlarmNotification? n = HealthAlarms.Apply(_alarms, change);
        if (n != null)
        {
            LogAlarm(n.Reason.ToString(), n.Audience.ToString(), n.Alarm.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ALARM ({Reason}, to {Audience}): {Message}")]
    private partial void LogAlarm(string reason, string audience, string message);
}
