using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// The commands one context sends, as the driver gets them: EF Core's diagnostic events, which fire after the command
/// is made and before it runs, so they see every change the application's own command pipeline made to it.
/// </summary>
public static class EfCoreCommands
{
    /// <summary>Calls <paramref name="sent"/> with each command <paramref name="dbContext"/> runs until the result is disposed.</summary>
    public static IDisposable Observe(DbContext dbContext, Action<DbCommand> sent)
    {
        ArgumentNullException.ThrowIfNull(dbContext);
        ArgumentNullException.ThrowIfNull(sent);
        var observer = new ListenerObserver(new CommandObserver(dbContext, sent));
        observer.Listening = DiagnosticListener.AllListeners.Subscribe(observer);
        return observer;
    }

    /// <summary>Subscribes to EF Core's listener; disposing it ends that subscription too, so diagnostics stay off for other tests.</summary>
    private sealed class ListenerObserver(CommandObserver commands) : IObserver<DiagnosticListener>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];

        public IDisposable? Listening { get; set; }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(commands, name => name == RelationalEventId.CommandExecuting.Name));
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            Listening?.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(subscription => subscription.Dispose());
                _subscriptions.Clear();
            }
        }
    }

    private sealed class CommandObserver(DbContext dbContext, Action<DbCommand> sent) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandEventData data && ReferenceEquals(data.Context, dbContext))
            {
                sent(data.Command);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
