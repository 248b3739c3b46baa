using ClusterWatch.Core.Data;

namespace ClusterWatch.Web.Infrastructure;

/// <summary>The signed-in user (or the client address until accounts exist) as recorded in the audit log.</summary>
public sealed class HttpAuditUser(IHttpContextAccessor accessor) : IAuditUser
{
    public string Name
    {
        get
        {
            var context = accessor.HttpContext;
            if (context is null) return "system";
            var user = context.User.Identity?.Name;
            return string.IsNullOrEmpty(user) ? "web:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local") : user;
        }
    }
}
