namespace ClusterWatch.Web.Regions;

public static class RegionsEndpoints
{
    public static RouteGroupBuilder MapRegions(this RouteGroupBuilder api)
    {
        return api;
    }
}
