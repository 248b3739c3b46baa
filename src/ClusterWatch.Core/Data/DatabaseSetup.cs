using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClusterWatch.Core.Data;

public static class DatabaseSetup
{
    /// <summary>Registers AppDbContext for the configured provider (Database:Provider, ConnectionStrings:Default), validated on start.</summary>
    public static IServiceCollection AddClusterWatchDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.PostgreSQL || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Default")),
                "Database:Provider is PostgreSQL but ConnectionStrings:Default is empty.")
            .ValidateOnStart();
        services.AddDbContext<AppDbContext>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            DatabaseOptions.Configure(builder, options.Provider, configuration.GetConnectionString("Default"));
        });
        return services;
    }
}
