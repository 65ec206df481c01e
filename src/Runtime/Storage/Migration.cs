namespace Connector.Runtime.Storage;

/// <summary>One numbered change of the database's schema; applied once, in order.</summary>
public sealed record Migration(int Version, string Name, string Sql);
