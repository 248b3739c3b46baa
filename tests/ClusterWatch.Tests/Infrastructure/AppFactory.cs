using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ClusterWatch.Core.Accounts;
using ClusterWatch.Core.Data;
using ClusterWatch.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Tests.Infrastructure;

/// <summary>The real app on a fresh database of one provider, seeded with a small synthetic enterprise set.</summary>
public abstract class AppFactory : WebApplicationFactory<Program>
{
    public const int DemoEnterprises = 300;
    public abstract DatabaseProvider Provider { get; }
    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:SeedOnStart", "true");
        builder.UseSetting("Database:DemoEnterprises", DemoEnterprises.ToString());
        builder.UseSetting("Database:DemoSeed", "42");
    }

    /// <summary>The demo accounts' password (admin, analyst, nanshan, futian, fgw).</summary>
    public const string DemoPassword = DemoAccounts.Password;
    private static readonly Uri LocalBase = new("http://localhost");
    private readonly ConcurrentDictionary<string, Lazy<Task<Cookie>>> _authCookies = new();

    /// <summary>A client signed in as the user (a demo account) through POST /api/account/login, with its own cookie container.</summary>
    public async Task<HttpClient> ClientAsync(string userName = "admin", bool allowAutoRedirect = true)
    {
        await AuthCookieAsync(userName);
        return Client(userName, allowAutoRedirect);
    }

    /// <summary>Like ClientAsync for field initialisers: the sign-in happens before the first request (once per user and factory).</summary>
    public HttpClient Client(string userName = "admin", bool allowAutoRedirect = true)
    {
        var cookies = new CookieContainer();
        var handlers = new List<DelegatingHandler>();
        if (allowAutoRedirect) handlers.Add(new RedirectHandler());
        handlers.Add(new SignInHandler(() => AuthCookieAsync(userName), cookies));
        handlers.Add(new CookieContainerHandler(cookies));
        return CreateDefaultClient(LocalBase, handlers.ToArray());
    }

    /// <summary>Signs in once per user name; the cookie is shared by that user's clients.</summary>
    private Task<Cookie> AuthCookieAsync(string userName) =>
        _authCookies.GetOrAdd(userName, name => new Lazy<Task<Cookie>>(() => LoginAsync(name))).Value;

    private async Task<Cookie> LoginAsync(string userName)
    {
        var cookies = new CookieContainer();
        using var client = CreateDefaultClient(LocalBase, new CookieContainerHandler(cookies));
        var response = await client.PostAsJsonAsync("/api/account/login", new { userName, password = DemoPassword });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return cookies.GetCookies(LocalBase)[AccountsSetup.CookieName] ?? throw new InvalidOperationException("The login answered without an auth cookie.");
    }

    private sealed class SignInHandler(Func<Task<Cookie>> cookie, CookieContainer cookies) : DelegatingHandler
    {
        private bool _added;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!_added)
            {
                var c = await cookie();
                cookies.Add(LocalBase, new Cookie(c.Name, c.Value, "/"));
                _added = true;
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A scope with the app's AppDbContext, for arranging and asserting on the database directly.</summary>
    public AsyncServiceScope Scope(out AppDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return scope;
    }
}

public sealed class SqliteAppFactory : AppFactory
{
    private readonly ThrowawaySqliteFile _file = new("clusterwatch-test");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => _file.ConnectionString;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _file.Dispose();
    }
}

/// <summary>Needs a PostgreSQL server: CLUSTERWATCH_TEST_PG is its admin connection string (test.sh sets it).</summary>
public sealed class PostgresAppFactory : AppFactory
{
    private readonly ThrowawayPostgresDatabase _database = new("clusterwatch_test");
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
    protected override string ConnectionString => _database.ConnectionString;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _database?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAppFactory> { public const string Name = "sqlite app"; }

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresAppFactory> { public const string Name = "postgresql app"; }
