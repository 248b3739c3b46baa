using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClusterWatch.Web.Accounts;

/// <summary>
/// The policy a page's POST handlers need; without it they need Policies.Admin. Put it on the page model or on one handler,
/// e.g. [WritePolicy(Policies.Reporter)] on a report form's OnPostSubmitAsync (then check UnitScope.CanWriteUnit in the handler).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class WritePolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>Razor Pages cannot authorize single handlers: this filter makes every page POST/PUT/DELETE an admin write unless it says otherwise.</summary>
public sealed class PageWritePolicyFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next();
            return;
        }
        var policy = context.HandlerMethod?.MethodInfo.GetCustomAttribute<WritePolicyAttribute>()?.Policy
                     ?? context.HandlerInstance.GetType().GetCustomAttribute<WritePolicyAttribute>()?.Policy
                     ?? Policies.Admin;
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(http.User, policy);
        if (result.Succeeded)
        {
            await next();
            return;
        }
        context.Result = http.User.Identity?.IsAuthenticated == true ? new ForbidResult() : new ChallengeResult();
    }
}
