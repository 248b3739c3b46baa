namespace ClusterWatch.Web.Enterprises;

public static class EnterprisesEndpoints
{
    public static RouteGroupBuilder MapEnterprises(this RouteGroupBuilder api)
    {
        return api;
    }
}
