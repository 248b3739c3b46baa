using System.CommandLine;
using ClusterWatch.Core.Accounts;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClusterWatch.Cli.Accounts;

/// <summary>`users add|list|reset-password|disable|enable` against the app's database (migrated first).</summary>
public static class UserCommands
{
    public static Command Create()
    {
        var users = new Command("users", "Accounts (用户): 管理员 admin, 分析员 analyst, 信息员 reporter");

        var user = new Option<string>("--user") { Description = "User name (用户名)", Required = true };
        var password = new Option<string>("--password") { Description = "Password: 8+ characters with letters and digits", Required = true };
        var role = new Option<string>("--role") { Description = "admin | analyst | reporter", Required = true };
        var unit = new Option<string?>("--unit") { Description = "The reporter's unit: id, full name or any alias (南山区政府, 市发展改革委…)" };
        var name = new Option<string?>("--name") { Description = "Display name (姓名)" };
        var phone = new Option<string?>("--phone") { Description = "Phone (电话)" };
        var email = new Option<string?>("--email") { Description = "E-mail (邮箱)" };
        var add = new Command("add", "Create an account");
        foreach (var o in new Option[] { user, password, role, unit, name, phone, email }) add.Options.Add(o);
        add.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, sp) =>
        {
            await MigrationRunner.MigrateAsync(db, ct);
            if (!TryParseRole(parse.GetValue(role), out var parsedRole))
            {
                Console.Error.WriteLine($"--role：未知的角色“{parse.GetValue(role)}”，可选 admin、analyst、reporter。");
                return 2;
            }
            int? unitId = null;
            if (parse.GetValue(unit) is { } unitText)
            {
                var (found, error) = await UnitLookup.FindAsync(db, unitText, ct);
                if (found is null) { Console.Error.WriteLine("--unit：" + error); return 2; }
                unitId = found.Id;
            }
            var (created, errors) = await Service(db, sp).CreateAsync(new NewUser(parse.GetValue(user)!, parse.GetValue(password)!, parsedRole, unitId,
                parse.GetValue(name), parse.GetValue(phone), parse.GetValue(email)), ct);
            if (created is null) return Fail(errors);
            Console.WriteLine($"已创建用户 {created.UserName}（{RoleLabel(created.Role)}{(unitId is null ? "" : "，单位编号 " + unitId)}）。");
            return 0;
        }));
        users.Subcommands.Add(add);

        var list = new Command("list", "List the accounts");
        list.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, _) =>
        {
            await MigrationRunner.MigrateAsync(db, ct);
            var rows = await db.Users.AsNoTracking().Include(u => u.Unit).OrderBy(u => u.Role).ThenBy(u => u.UserName).ToListAsync(ct);
            var now = DateTimeOffset.UtcNow;
            Console.WriteLine("用户名\t角色\t单位\t状态\t姓名");
            foreach (var u in rows)
            {
                var status = u.Disabled ? "已停用" : u.LockoutEndUtc > now ? "已锁定" : "正常";
                Console.WriteLine($"{u.UserName}\t{RoleLabel(u.Role)}\t{u.Unit?.FullName ?? "-"}\t{status}{(u.IsDemo ? "（演示账号）" : "")}\t{u.DisplayName}");
            }
            Console.WriteLine($"共 {rows.Count} 个用户。");
            return 0;
        }));
        users.Subcommands.Add(list);

        var newPassword = new Option<string>("--password") { Description = "The new password", Required = true };
        var userForReset = new Option<string>("--user") { Description = "User name (用户名)", Required = true };
        var reset = new Command("reset-password", "Set a new password and lift a lockout");
        reset.Options.Add(userForReset);
        reset.Options.Add(newPassword);
        reset.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, sp) =>
        {
            await MigrationRunner.MigrateAsync(db, ct);
            if (await FindIdAsync(db, parse.GetValue(userForReset)!, ct) is not int id) return 1;
            var errors = await Service(db, sp).ResetPasswordAsync(id, parse.GetValue(newPassword), ct);
            if (errors.Any) return Fail(errors);
            Console.WriteLine($"已重置 {parse.GetValue(userForReset)} 的密码。");
            return 0;
        }));
        users.Subcommands.Add(reset);

        foreach (var (verb, disabled) in new[] { ("disable", true), ("enable", false) })
        {
            var target = new Option<string>("--user") { Description = "User name (用户名)", Required = true };
            var command = new Command(verb, disabled ? "Disable an account (it can no longer sign in)" : "Enable a disabled account");
            command.Options.Add(target);
            command.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, sp) =>
            {
                await MigrationRunner.MigrateAsync(db, ct);
                if (await FindIdAsync(db, parse.GetValue(target)!, ct) is not int id) return 1;
                var errors = await Service(db, sp).SetDisabledAsync(id, disabled, ct);
                if (errors.Any) return Fail(errors);
                Console.WriteLine($"已{(disabled ? "停用" : "启用")} {parse.GetValue(target)}。");
                return 0;
            }));
            users.Subcommands.Add(command);
        }
        return users;
    }

    public static bool TryParseRole(string? text, out UserRole role) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);

    private static AccountService Service(AppDbContext db, IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IConfiguration>().GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        return new AccountService(db, Options.Create(options));
    }

    private static async Task<int?> FindIdAsync(AppDbContext db, string userName, CancellationToken ct)
    {
        var name = AccountService.NormalizeUserName(userName);
        var id = await db.Users.Where(u => u.UserName == name).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        if (id is null) Console.Error.WriteLine($"没有用户名为“{name}”的用户。");
        return id;
    }

    private static int Fail(AccountErrors errors)
    {
        foreach (var (field, messages) in errors) foreach (var m in messages) Console.Error.WriteLine($"{field}：{m}");
        return 1;
    }

    private static string RoleLabel(UserRole role) => role switch
    {
        UserRole.Admin => "管理员",
        UserRole.Analyst => "分析员",
        _ => "信息员",
    };
}
