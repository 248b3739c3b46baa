namespace ClusterWatch.Web.Analytics;

public static class AnalyticsEndpoints
{
    public static RouteGroupBuilder MapAnalytics(this RouteGroupBuilder api)
    {
        return api;
    }
}
