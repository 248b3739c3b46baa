namespace ClusterWatch.Web.Plans;

public static class PlansEndpoints
{
    public static RouteGroupBuilder MapPlans(this RouteGroupBuilder api)
    {
        return api;
    }
}
