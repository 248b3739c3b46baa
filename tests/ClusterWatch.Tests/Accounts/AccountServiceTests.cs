using ClusterWatch.Core.Accounts;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using ClusterWatch.Tests.Infrastructure;

namespace ClusterWatch.Tests.Accounts;

/// <summary>AccountService on its own SQLite file with a clock the test moves: hashing, lockout and its end, validation.</summary>
public sealed class AccountServiceTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"clusterwatch-accounts-{Guid.NewGuid():N}.db");
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero));
    private AppDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_file};Pooling=false").Options);
        await MigrationRunner.MigrateAsync(_db);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        if (File.Exists(_file)) File.Delete(_file);
    }

    private AccountService Service(AccountOptions? options = null) => new(_db, Options.Create(options ?? new AccountOptions()), _clock);

    private async Task<User> AnalystAsync(string name = "li", string password = "Secret#123")
    {
        var (user, errors) = await Service().CreateAsync(new NewUser(name, password, UserRole.Analyst));
        Assert.False(errors.Any, string.Join(" ", errors.SelectMany(e => e.Value)));
        return user!;
    }

    [Fact]
    public async Task The_password_is_stored_as_a_pbkdf2_hash_and_verifies()
    {
        var user = await AnalystAsync();
        Assert.DoesNotContain("Secret#123", user.PasswordHash);
        Assert.StartsWith("AQAAAA", user.PasswordHash); // Identity v3 format: PBKDF2 with HMAC-SHA512
        Assert.True((await Service().VerifyAsync("li", "Secret#123")).Succeeded);
        Assert.Equal(SignInStatus.Failed, (await Service().VerifyAsync("li", "secret#123")).Status);
        Assert.Equal(SignInStatus.Failed, (await Service().VerifyAsync("nobody", "Secret#123")).Status);
    }

    [Fact]
    public async Task The_fifth_wrong_password_locks_for_fifteen_minutes_and_the_lock_ends_after_them()
    {
        await AnalystAsync();
        for (var i = 0; i < 4; i++) Assert.Equal(SignInStatus.Failed, (await Service().VerifyAsync("li", "wrong")).Status);
        var locked = await Service().VerifyAsync("li", "wrong");
        Assert.Equal(SignInStatus.LockedOut, locked.Status);
        Assert.Equal(_clock.Now.AddMinutes(15), locked.LockedUntil);

        _clock.Now = _clock.Now.AddMinutes(14).AddSeconds(59);
        Assert.Equal(SignInStatus.LockedOut, (await Service().VerifyAsync("li", "Secret#123")).Status);
        _clock.Now = _clock.Now.AddSeconds(1);
        Assert.True((await Service().VerifyAsync("li", "Secret#123")).Succeeded);
    }

    [Fact]
    public async Task A_success_resets_the_count_of_wrong_passwords()
    {
        await AnalystAsync();
        for (var i = 0; i < 4; i++) await Service().VerifyAsync("li", "wrong");
        Assert.True((await Service().VerifyAsync("li", "Secret#123")).Succeeded);
        for (var i = 0; i < 4; i++) Assert.Equal(SignInStatus.Failed, (await Service().VerifyAsync("li", "wrong")).Status);
    }

    [Fact]
    public async Task The_lockout_threshold_and_duration_come_from_the_options()
    {
        await AnalystAsync();
        var options = new AccountOptions { MaxFailedAttempts = 2, LockoutMinutes = 1 };
        Assert.Equal(SignInStatus.Failed, (await Service(options).VerifyAsync("li", "wrong")).Status);
        var locked = await Service(options).VerifyAsync("li", "wrong");
        Assert.Equal(SignInStatus.LockedOut, locked.Status);
        Assert.Equal(_clock.Now.AddMinutes(1), locked.LockedUntil);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_the_last_admin_cannot_be_disabled()
    {
        var (admin, _) = await Service().CreateAsync(new NewUser("boss", "Secret#123", UserRole.Admin));
        Assert.Contains("最后一个", (await Service().SetDisabledAsync(admin!.Id, true))["userId"][0]);
        var analyst = await AnalystAsync();
        Assert.False((await Service().SetDisabledAsync(analyst.Id, true)).Any);
        Assert.Equal(SignInStatus.Failed, (await Service().VerifyAsync("li", "Secret#123")).Status);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_chinese_and_nothing_is_written()
    {
        await AnalystAsync();
        var (user, errors) = await Service().CreateAsync(new NewUser("li", "short", UserRole.Reporter));
        Assert.Null(user);
        Assert.Contains("已存在", errors["userName"][0]);
        Assert.Contains("8", errors["password"][0]);
        Assert.Contains("信息员必须绑定", errors["unitId"][0]);
        Assert.Equal(1, await _db.Users.CountAsync());

        var (_, noDigits) = await Service().CreateAsync(new NewUser("wang", "onlyletters", UserRole.Analyst));
        Assert.Contains("字母和数字", noDigits["password"][0]);
        var (_, badUnit) = await Service().CreateAsync(new NewUser("zhao", "Secret#123", UserRole.Reporter, UnitId: 999));
        Assert.Contains("999", badUnit["unitId"][0]);
    }

    [Fact]
    public async Task A_reporter_is_created_bound_to_its_unit()
    {
        var unit = new Unit { FullName = "深圳市南山区人民政府", ShortName = "南山区政府", Kind = UnitKind.DistrictGovernment };
        _db.Units.Add(unit);
        await _db.SaveChangesAsync();
        var (user, errors) = await Service().CreateAsync(new NewUser("ns", "Secret#123", UserRole.Reporter, unit.Id, "南山信息员", "0755-1", "a@b.cn"));
        Assert.False(errors.Any);
        Assert.Equal(unit.Id, user!.UnitId);
        Assert.Equal("南山信息员", user.DisplayName);
    }

    [Fact]
    public async Task Changing_a_password_needs_the_current_one_and_a_reset_lifts_the_lockout()
    {
        var user = await AnalystAsync();
        Assert.Contains("不正确", (await Service().ChangePasswordAsync(user.Id, "wrong", "Better#456"))["currentPassword"][0]);
        Assert.False((await Service().ChangePasswordAsync(user.Id, "Secret#123", "Better#456")).Any);
        Assert.True((await Service().VerifyAsync("li", "Better#456")).Succeeded);

        for (var i = 0; i < 5; i++) await Service().VerifyAsync("li", "wrong");
        Assert.Equal(SignInStatus.LockedOut, (await Service().VerifyAsync("li", "Better#456")).Status);
        Assert.False((await Service().ResetPasswordAsync(user.Id, "Reset#789")).Any);
        Assert.True((await Service().VerifyAsync("li", "Reset#789")).Succeeded);
    }
}
