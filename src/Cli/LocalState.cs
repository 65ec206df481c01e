using Connector.Runtime.Connections;
using Connector.Runtime.Security;
using Connector.Runtime.Storage;

namespace Connector.Cli;

/// <summary>The user's home folder, its database and its secrets, opened once per command.</summary>
internal sealed class LocalState : IDisposable
{
    private LocalState(ConnectorHome home, SqliteStore store, SecretBox secrets)
    {
        Home = home;
        Store = store;
        Connections = new ConnectionStore(store, secrets);
    }

    public ConnectorHome Home { get; }

    public SqliteStore Store { get; }

    public ConnectionStore Connections { get; }

    public static LocalState Open()
    {
        var home = ConnectorHome.FromEnvironment();
        var store = SqliteStore.Open(home);
        return new LocalState(home, store, SecretBox.ForHome(home));
    }

    public void Dispose() => Store.Dispose();
}
