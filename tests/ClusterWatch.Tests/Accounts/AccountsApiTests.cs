using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterWatch.Core.Accounts;
using ClusterWatch.Core.Plans;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Tests.Accounts;

/// <summary>Sign-in, lockout and the server-side role checks, through HTTP as a district's own system or a browser would.</summary>
public abstract class AccountsApiTests(AppFactory app)
{
    private HttpClient Anonymous(bool allowAutoRedirect = false) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = allowAutoRedirect });

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<string> NewUserAsync(UserRole role = UserRole.Analyst, string password = "Secret#123")
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = app.Scope(out var db);
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewUser(name, password, role));
        Assert.True(user is not null, string.Join(" ", errors.SelectMany(e => e.Value)));
        return name;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/account/login", new { userName, password });

    [Fact]
    public async Task A_demo_account_signs_in_and_me_names_its_role_and_unit()
    {
        var client = Anonymous();
        var login = await LoginAsync(client, "nanshan", AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var setCookie = string.Join(";", login.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        Assert.Contains("httponly", setCookie);
        Assert.Contains("samesite=lax", setCookie);

        var me = await Json(await (await app.ClientAsync("nanshan")).GetAsync("/api/account/me"));
        Assert.Equal("nanshan", me.GetProperty("userName").GetString());
        Assert.Equal("Reporter", me.GetProperty("role").GetString());
        Assert.Equal("深圳市南山区人民政府", me.GetProperty("unit").GetProperty("fullName").GetString());
        Assert.True(me.GetProperty("isDemo").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_password_answers_401_problem_details_without_a_cookie()
    {
        var response = await LoginAsync(Anonymous(), "analyst", "Wrong#2026");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("用户名或密码不正确", (await Json(response)).GetProperty("detail").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_even_the_right_one_is_refused_until_the_lockout_ends()
    {
        var name = await NewUserAsync();
        var client = Anonymous();
        for (var i = 1; i <= 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, name, "Wrong#" + i)).StatusCode);
        var fifth = await LoginAsync(client, name, "Wrong#5");
        Assert.Equal(HttpStatusCode.Locked, fifth.StatusCode);
        Assert.Contains("锁定", (await Json(fifth)).GetProperty("title").GetString());

        var rightWhileLocked = await LoginAsync(client, name, "Secret#123");
        Assert.Equal(HttpStatusCode.Locked, rightWhileLocked.StatusCode);
        Assert.True(rightWhileLocked.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(14));

        await using (var scope = app.Scope(out var db))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == name);
            user.LockoutEndUtc = DateTimeOffset.UtcNow.AddSeconds(-1); // the 15 minutes have passed
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, name, "Secret#123")).StatusCode);
        await using (var scope = app.Scope(out var db))
            Assert.Equal(0, (await db.Users.SingleAsync(u => u.UserName == name)).FailedAttempts);
    }

    [Fact]
    public async Task The_audit_log_records_account_changes_without_the_password_hash()
    {
        var name = await NewUserAsync();
        await using var scope = app.Scope(out var db);
        var id = (await db.Users.SingleAsync(u => u.UserName == name)).Id.ToString();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "User" && a.EntityId == id && a.Action == "Added");
        Assert.Contains("\"PasswordHash\":\"***\"", entry.After);
        Assert.DoesNotContain("AQAAAA", entry.After);
    }

    [Fact]
    public async Task An_anonymous_api_call_answers_401_problem_details_not_a_redirect()
    {
        var response = await Anonymous().GetAsync("/api/plans");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);

        var write = await Anonymous().PostAsJsonAsync("/api/plans", new { title = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Plans")]
    [InlineData("/Enterprises")]
    [InlineData("/Units")]
    [InlineData("/Admin/Users")]
    public async Task An_anonymous_page_request_is_redirected_to_the_login_page(string path)
    {
        var response = await Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location!.Query);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/api/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/css/site.css")]
    public async Task Published_addresses_answer_anonymous_visitors(string path)
    {
        var response = await Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_language_switch_works_for_anonymous_visitors()
    {
        var response = await Anonymous().GetAsync("/set-language?culture=en&returnUrl=/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_login_page_signs_in_with_antiforgery_and_returns_to_the_local_page_asked_for()
    {
        var client = Anonymous();
        var form = await client.GetStringAsync("/Account/Login?ReturnUrl=%2FPlans");
        Assert.Contains("登录", form);
        var token = System.Text.RegularExpressions.Regex.Match(form, @"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""").Groups[1].Value;
        Assert.NotEmpty(token);

        var withoutToken = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "analyst", ["Input.Password"] = AppFactory.DemoPassword, ["ReturnUrl"] = "/Plans",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        var wrong = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "analyst", ["Input.Password"] = "nope", ["ReturnUrl"] = "/Plans", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("用户名或密码不正确", await wrong.Content.ReadAsStringAsync());

        var ok = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "analyst", ["Input.Password"] = AppFactory.DemoPassword, ["ReturnUrl"] = "/Plans", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/Plans", ok.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_analyst_reads_everything_but_every_write_answers_403()
    {
        var analyst = await app.ClientAsync("analyst", allowAutoRedirect: false);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/audit")).StatusCode);

        var create = await analyst.PostAsJsonAsync("/api/plans", new { title = "分析员不能新建", regionCode = "440300" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PutAsJsonAsync("/api/units/1", new { fullName = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.DeleteAsync("/api/plans/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync("/api/audit/1/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync("/api/imports/enterprises", new MultipartFormDataContent())).StatusCode);
    }

    [Fact]
    public async Task An_analyst_gets_403_from_edit_pages_and_admin_pages()
    {
        var analyst = await app.ClientAsync("analyst");
        foreach (var path in new[] { "/Plans/Edit", "/Units/Edit", "/Enterprises/Import", "/Admin/Users" })
        {
            var response = await analyst.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            Assert.Contains("无权访问", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_page_post_that_changes_data_needs_an_admin_even_on_a_page_analysts_may_read()
    {
        var analyst = await app.ClientAsync("analyst", allowAutoRedirect: false);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/Plans/History")).StatusCode);
        var html = await analyst.GetStringAsync("/Account/Login"); // any form page gives this session's antiforgery token
        var token = System.Text.RegularExpressions.Regex.Match(html, @"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""").Groups[1].Value;
        long auditId;
        await using (var scope = app.Scope(out var db)) auditId = await db.AuditEntries.Select(a => a.Id).FirstAsync();
        var restore = await analyst.PostAsync("/Plans/History?handler=Restore", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["auditId"] = auditId.ToString(), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", restore.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_reporter_may_not_read_the_audit_log_or_export_a_whole_plan()
    {
        var nanshan = await app.ClientAsync("nanshan", allowAutoRedirect: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.GetAsync("/api/audit")).StatusCode);
        var planId = (await Json(await nanshan.GetAsync("/api/plans?pageSize=100"))).GetProperty("items")[0].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await nanshan.GetAsync($"/api/plans/{planId}/tasks/export")).StatusCode);
    }

    /// <summary>A plan of its own with one task for 南山区政府, one for 福田区政府 and one for 各区政府.</summary>
    private async Task<(int PlanId, int NanshanTask, int FutianTask, int AllDistrictsTask)> ArrangeDistrictTasksAsync()
    {
        await using var scope = app.Scope(out var db);
        var units = await db.Units.Where(u => u.FullName == "深圳市南山区人民政府" || u.FullName == "深圳市福田区人民政府" || u.FullName == "深圳市各区人民政府")
            .ToDictionaryAsync(u => u.FullName);
        var shenzhen = await db.Regions.FirstAsync(r => r.Code == "440300");
        PlanTask Task(string number, Unit unit) => new()
        {
            Number = number, Title = "测试任务 " + number, SortOrder = int.Parse(number),
            Assignments = [new TaskAssignment { UnitId = unit.Id, WrittenAs = unit.ShortName, Role = AssignmentRole.Lead }],
        };
        var plan = new Plan
        {
            Slug = "test-reporter-scope-" + Guid.NewGuid().ToString("N")[..8], Title = "测试：信息员的任务范围 " + Guid.NewGuid().ToString("N")[..6], RegionId = shenzhen.Id, FullText = "测试",
            Tasks = [Task("1", units["深圳市南山区人民政府"]), Task("2", units["深圳市福田区人民政府"]), Task("3", units["深圳市各区人民政府"])],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (plan.Id, plan.Tasks[0].Id, plan.Tasks[1].Id, plan.Tasks[2].Id);
    }

    private static async Task<List<int>> TaskIdsAsync(HttpClient client, int planId)
    {
        var json = await Json(await client.GetAsync($"/api/plans/{planId}/tasks?pageSize=200"));
        return json.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).Order().ToList();
    }

    [Fact]
    public async Task A_nanshan_officer_sees_only_nanshan_tasks_and_those_of_all_districts()
    {
        var (planId, nanshanTask, futianTask, allDistricts) = await ArrangeDistrictTasksAsync();

        Assert.Equal([nanshanTask, allDistricts], await TaskIdsAsync(await app.ClientAsync("nanshan"), planId));
        Assert.Equal([futianTask, allDistricts], await TaskIdsAsync(await app.ClientAsync("futian"), planId));
        Assert.Empty(await TaskIdsAsync(await app.ClientAsync("fgw"), planId));
        Assert.Equal([nanshanTask, futianTask, allDistricts], await TaskIdsAsync(await app.ClientAsync("analyst"), planId));

        var nanshan = await app.ClientAsync("nanshan");
        Assert.Equal(HttpStatusCode.OK, (await nanshan.GetAsync($"/api/tasks/{nanshanTask}")).StatusCode);
        var other = await nanshan.GetAsync($"/api/tasks/{futianTask}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);

        var page = await nanshan.GetStringAsync($"/Plans/Details/{planId}");
        Assert.Contains("测试任务 1", page);
        Assert.Contains("测试任务 3", page);
        Assert.DoesNotContain("测试任务 2", page);
    }

    [Fact]
    public async Task In_the_seeded_work_plan_a_city_department_officer_sees_only_its_own_tasks()
    {
        int planId;
        await using (var scope = app.Scope(out var db))
            planId = await db.Plans.Where(p => p.Slug == "shenzhen-bio-internet-newenergy-workplan-2010-2012").Select(p => p.Id).SingleAsync();
        var json = await Json(await (await app.ClientAsync("fgw")).GetAsync($"/api/plans/{planId}/tasks?pageSize=200"));
        var tasks = json.GetProperty("items").EnumerateArray().ToList();
        var all = (await Json(await (await app.ClientAsync()).GetAsync($"/api/plans/{planId}/tasks?pageSize=200"))).GetProperty("total").GetInt32();
        Assert.NotEmpty(tasks);
        Assert.True(tasks.Count < all, $"{tasks.Count} of {all}");
        Assert.All(tasks, t => Assert.Contains(t.GetProperty("units").EnumerateArray(),
            u => u.GetProperty("name").GetString() == "深圳市发展和改革委员会"));
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var client = Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, "analyst", AppFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/account/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_can_no_longer_sign_in_and_its_open_session_ends()
    {
        var name = await NewUserAsync();
        var client = Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, name, "Secret#123")).StatusCode);
        await using (var scope = app.Scope(out var db))
        {
            var id = (await db.Users.SingleAsync(u => u.UserName == name)).Id;
            Assert.False((await scope.ServiceProvider.GetRequiredService<AccountService>().SetDisabledAsync(id, true)).Any);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(Anonymous(), name, "Secret#123")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_the_old_password_stops_working()
    {
        var name = await NewUserAsync();
        var client = Anonymous();
        await LoginAsync(client, name, "Secret#123");
        var weak = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = "Secret#123", newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("newPassword", await weak.Content.ReadAsStringAsync());

        var changed = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = "Secret#123", newPassword = "Better#456" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(Anonymous(), name, "Secret#123")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Anonymous(), name, "Better#456")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAccountsApiTests(SqliteAppFactory app) : AccountsApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresAccountsApiTests(PostgresAppFactory app) : AccountsApiTests(app);
