using System.Net;
using ClusterWatch.Core.Data;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Tests.Browser;

/// <summary>The real app on Kestrel (a free local port) over a seeded SQLite file, for a real browser to load.</summary>
public sealed class KestrelAppFactory : AppFactory
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"clusterwatch-browser-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_file};Pooling=false";

    public KestrelAppFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the server once and returns its address, e.g. http://127.0.0.1:43817.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}

/// <summary>The app over an empty database (no seeding): what a fresh installation shows.</summary>
public sealed class EmptySqliteAppFactory : AppFactory
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"clusterwatch-empty-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_file};Pooling=false";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedOnStart", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
