namespace Tocsin.Controller.Tests.Support;

/// <summary>Waits for a condition that real MQTT traffic makes true some time later.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (true)
        {
            T? value = await probe().ConfigureAwait(false);
            if (value != null)
            {
                return value;
            }

            if (DateTime.UtcNow > end)
            {
                throw new TimeoutException("timed out after " + timeout.TotalSeconds + " s waiting for " + what);
            }

            await Task.Delay(250).ConfigureAwait(false);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> probe, TimeSpan timeout, string what) =>
        GetAsync<object>(async () => await probe().ConfigureAwait(false) ? new object() : null, timeout, what);
}
