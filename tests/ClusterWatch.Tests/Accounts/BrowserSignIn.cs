using ClusterWatch.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterWatch.Tests.Accounts;

/// <summary>Browser tests start like a person: on the login page, with a demo account.</summary>
public static class BrowserSignIn
{
    /// <summary>A new page (own cookies) signed in through /Account/Login as the user.</summary>
    public static async Task<IPage> NewSignedInPageAsync(this IBrowser browser, Uri baseAddress, BrowserNewPageOptions? options = null, string userName = "admin")
    {
        var page = await browser.NewPageAsync(options ?? new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "zh-CN" });
        await page.SignInAsync(baseAddress, userName);
        return page;
    }

    public static async Task SignInAsync(this IPage page, Uri baseAddress, string userName = "admin", string password = AppFactory.DemoPassword)
    {
        await page.GotoAsync(new Uri(baseAddress, "/Account/Login").ToString());
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("#login-submit").ClickAsync();
        await page.Locator("#current-user").WaitForAsync(new() { Timeout = 15_000 });
    }
}
