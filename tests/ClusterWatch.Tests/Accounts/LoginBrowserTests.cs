using ClusterWatch.Tests.Browser;
using Microsoft.Playwright;

namespace ClusterWatch.Tests.Accounts;

/// <summary>A person in headless Chromium: sent to the login page, a wrong password, then in, then out again.</summary>
[Trait("Category", "Browser")]
public sealed class LoginBrowserTests(KestrelAppFactory app) : HeadlessChromiumTests, IClassFixture<KestrelAppFactory>
{

    [Fact]
    public async Task A_visitor_is_sent_to_the_login_page_signs_in_after_a_wrong_password_lands_where_asked_and_signs_out()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN" });
        await page.GotoAsync(new Uri(app.BaseAddress, "/Plans").ToString());
        Assert.Contains("/Account/Login", page.Url);

        await page.Locator("#Input_UserName").FillAsync("nanshan");
        await page.Locator("#Input_Password").FillAsync("not-the-password");
        await page.Locator("#login-submit").ClickAsync();
        Assert.Contains("用户名或密码不正确", await page.Locator("#login-error").InnerTextAsync());

        await page.Locator("#Input_Password").FillAsync(Infrastructure.AppFactory.DemoPassword);
        await page.Locator("#login-submit").ClickAsync();
        await page.WaitForURLAsync("**/Plans");
        Assert.Equal("nanshan", await page.Locator("#current-user").InnerTextAsync());
        Assert.Equal(0, await page.Locator("a[href='/Admin/Users']").CountAsync()); // only admins see user management

        await page.Locator("#logout").ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");
        await page.GotoAsync(new Uri(app.BaseAddress, "/Plans").ToString());
        Assert.Contains("/Account/Login", page.Url);
    }
}
