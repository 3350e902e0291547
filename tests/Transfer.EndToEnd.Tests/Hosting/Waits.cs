using System.Text.Json;

namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>Polls the host until a condition holds; generous, because background work queues behind CI's busy 2 cores.</summary>
public static class Waits
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(6));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited too long for {what}: {JsonSerializer.Serialize(value)}");
            await Task.Delay(200);
        }
    }
}
