using Microsoft.AspNetCore.Authorization;

namespace ClusterWatch.Web.Accounts;

public static class ApiWritePolicy
{
    /// <summary>
    /// Safety net for the /api group: an endpoint that accepts anything but GET/HEAD and carries no authorization of its own
    /// (RequireAuthorization, AllowAnonymous) gets Policies.Admin. Runs after the endpoints' own conventions.
    /// </summary>
    public static RouteGroupBuilder RequireAdminForWritesByDefault(this RouteGroupBuilder api)
    {
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<Microsoft.AspNetCore.Routing.HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var isWrite = methods.Count == 0 || methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m));
            var hasOwnRule = endpoint.Metadata.Any(m => m is IAuthorizeData or IAllowAnonymous or AuthorizationPolicy);
            if (isWrite && !hasOwnRule) endpoint.Metadata.Add(new AuthorizeAttribute(Policies.Admin));
        });
        return api;
    }
}
