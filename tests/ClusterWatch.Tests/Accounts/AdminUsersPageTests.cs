using System.Net;
using System.Text.RegularExpressions;
using ClusterWatch.Core.Accounts;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Accounts;

/// <summary>/Admin/Users as an admin's browser posts it: create, refuse bad input beside the form, disable, reset, rebind.</summary>
public abstract partial class AdminUsersPageTests(AppFactory app)
{
    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenPattern();

    private async Task<(HttpClient Client, string Token)> AdminPageAsync()
    {
        var client = await app.ClientAsync("admin");
        var html = await client.GetStringAsync("/Admin/Users");
        Assert.Contains("nanshan", html);
        return (client, TokenPattern().Match(html).Groups[1].Value);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, string token, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = token;
        return client.PostAsync($"/Admin/Users?handler={handler}", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task An_admin_creates_a_reporter_bound_to_a_unit_and_it_can_sign_in()
    {
        var (client, token) = await AdminPageAsync();
        int unitId;
        await using (var scope = app.Scope(out var db)) unitId = await db.Units.Where(u => u.FullName == "深圳市宝安区人民政府").Select(u => u.Id).SingleAsync();
        var name = "baoan" + Guid.NewGuid().ToString("N")[..6];
        var response = await PostAsync(client, "Create", token, new()
        {
            ["Input.UserName"] = name, ["Input.DisplayName"] = "宝安区信息员", ["Input.Password"] = "Baoan#2026",
            ["Input.Role"] = "Reporter", ["Input.UnitId"] = unitId.ToString(), ["Input.Phone"] = "0755-1234",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"已创建用户 {name}", await response.Content.ReadAsStringAsync());
        await using (var scope = app.Scope(out var db))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == name);
            Assert.Equal((UserRole.Reporter, unitId, false), (user.Role, user.UnitId, user.IsDemo));
        }
        var login = await app.CreateClient().PostAsync("/api/account/login",
            new StringContent($$"""{"userName":"{{name}}","password":"Baoan#2026"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task A_reporter_without_a_unit_is_refused_with_the_reason_and_not_created()
    {
        var (client, token) = await AdminPageAsync();
        var name = "nounit" + Guid.NewGuid().ToString("N")[..6];
        var response = await PostAsync(client, "Create", token, new()
        {
            ["Input.UserName"] = name, ["Input.Password"] = "Nounit#2026", ["Input.Role"] = "Reporter", ["Input.UnitId"] = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("信息员必须绑定一个责任单位", await response.Content.ReadAsStringAsync());
        await using var scope = app.Scope(out var db);
        Assert.False(await db.Users.AnyAsync(u => u.UserName == name));
    }

    [Fact]
    public async Task Disabling_resetting_and_rebinding_a_user_change_what_it_can_do()
    {
        await using (var scope = app.Scope(out var db))
            await new AccountService(db, Microsoft.Extensions.Options.Options.Create(new AccountOptions())).CreateAsync(new NewUser("rebind1", "Rebind#2026", UserRole.Analyst));
        int id, futianId;
        await using (var scope = app.Scope(out var db))
        {
            id = await db.Users.Where(u => u.UserName == "rebind1").Select(u => u.Id).SingleAsync();
            futianId = await db.Units.Where(u => u.FullName == "深圳市福田区人民政府").Select(u => u.Id).SingleAsync();
        }
        var (client, token) = await AdminPageAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "Bind", token, new() { ["id"] = id.ToString(), ["role"] = "Reporter", ["unitId"] = futianId.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "Reset", token, new() { ["id"] = id.ToString(), ["newPassword"] = "Another#2026" })).StatusCode);
        await using (var scope = app.Scope(out var db))
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            Assert.Equal((UserRole.Reporter, (int?)futianId), (user.Role, user.UnitId));
            Assert.True(AccountService.PasswordMatches(user, "Another#2026"));
        }
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "Disable", token, new() { ["id"] = id.ToString(), ["disabled"] = "true" })).StatusCode);
        await using (var scope = app.Scope(out var db)) Assert.True((await db.Users.SingleAsync(u => u.Id == id)).Disabled);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAdminUsersPageTests(SqliteAppFactory app) : AdminUsersPageTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresAdminUsersPageTests(PostgresAppFactory app) : AdminUsersPageTests(app);
