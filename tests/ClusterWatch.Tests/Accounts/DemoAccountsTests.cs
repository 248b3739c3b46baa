using ClusterWatch.Core.Accounts;

namespace ClusterWatch.Tests.Accounts;

/// <summary>The start-up check: in Production no enabled demo account may keep the published password.</summary>
public sealed class DemoAccountsTests
{
    private static User Demo(string name, string password, bool disabled = false, bool isDemo = true)
    {
        var user = new User { UserName = name, IsDemo = isDemo, Disabled = disabled };
        user.PasswordHash = AccountService.HashPassword(user, password);
        return user;
    }

    [Fact]
    public void Production_refuses_an_enabled_demo_account_with_the_demo_password_and_names_it()
    {
        var error = DemoAccounts.ProductionStartupError("Production", [Demo("admin", DemoAccounts.Password), Demo("analyst", "Changed#2026")]);
        Assert.NotNull(error);
        Assert.Contains("admin", error);
        Assert.DoesNotContain("analyst", error);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Production", error);
    }

    [Fact]
    public void Production_starts_when_demo_accounts_are_changed_or_disabled()
    {
        Assert.Null(DemoAccounts.ProductionStartupError("Production",
            [Demo("admin", "Changed#2026"), Demo("analyst", DemoAccounts.Password, disabled: true), Demo("real", DemoAccounts.Password, isDemo: false)]));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    [InlineData("Staging")]
    public void Other_environments_allow_the_demo_password(string environment) =>
        Assert.Null(DemoAccounts.ProductionStartupError(environment, [Demo("admin", DemoAccounts.Password)]));

    [Fact]
    public void There_is_one_demo_account_per_role_and_the_reporters_have_units()
    {
        Assert.Equal([UserRole.Admin, UserRole.Analyst, UserRole.Reporter], DemoAccounts.All.Select(d => d.Role).Distinct().Order());
        Assert.All(DemoAccounts.All.Where(d => d.Role == UserRole.Reporter), d => Assert.NotNull(d.UnitFullName));
        Assert.Contains(DemoAccounts.All, d => d.UnitFullName == "深圳市南山区人民政府");
        Assert.Contains(DemoAccounts.All, d => d.UnitFullName == "深圳市福田区人民政府");
        Assert.Contains(DemoAccounts.All, d => d.UnitFullName == "深圳市发展和改革委员会");
    }
}
